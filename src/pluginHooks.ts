import type { SQL } from 'drizzle-orm'
import type { CollectionConfig, Field } from 'payload'

const pluginHooks = new WeakSet<object>()

/**
 * Marks the hooks the collection factory adds as the plugin's own, so the read path can tell
 * them from a host's: the page's statement runs the plugin's `afterRead` hooks on the rows it
 * reads itself (delivery/directReads), but cannot know what a host's hook does. So the plugin's
 * read hooks work on the document alone: `query` is not the read's there, and no other read hook
 * of the plugin runs.
 */
export const markPluginHooks = (hooks: NonNullable<CollectionConfig['hooks']>): void => {
  for (const list of Object.values(hooks))
    if (Array.isArray(list)) list.forEach((hook) => pluginHooks.add(hook))
}

export const isPluginHook = (hook: unknown): boolean => typeof hook === 'function' && pluginHooks.has(hook)

/** Every field in `fields`, nested ones (groups, rows, tabs, arrays, blocks) included. */
const eachField = (fields: Field[], visit: (field: Field) => void): void => {
  for (const field of fields) {
    visit(field)
    if ('fields' in field && Array.isArray(field.fields)) eachField(field.fields, visit)
    if (field.type === 'tabs') for (const tab of field.tabs) eachField(tab.fields, visit)
    if (field.type === 'blocks') for (const block of field.blocks) eachField(block.fields, visit)
  }
}

/** Marks the field hooks of the plugin's own field definitions (Payload's slug generator among them). */
export const markPluginFieldHooks = (fields: Field[]): void =>
  eachField(fields, (field) => {
    for (const list of Object.values(('hooks' in field && field.hooks) || {}))
      if (Array.isArray(list)) list.forEach((hook) => pluginHooks.add(hook))
  })

/**
 * Whether every `beforeChange` field hook in `fields` is the plugin's (row ids Payload adds to
 * arrays aside), and `hook` is among them: no host field hook runs in a save of these fields.
 */
export const onlyPluginFieldHooksWith = (fields: Field[], hook: unknown): boolean => {
  let onlyPlugin = true
  let found = false
  eachField(fields, (field) => {
    if ('name' in field && field.name === 'id') return
    for (const fieldHook of ('hooks' in field && field.hooks?.beforeChange) || []) {
      found ||= fieldHook === hook
      onlyPlugin &&= isPluginHook(fieldHook)
    }
  })
  return onlyPlugin && found
}

/** An access answer's condition in SQL, on the columns of the fields it names. */
export type PluginCondition = {
  fields: readonly string[]
  sql: (column: (field: string) => SQL) => SQL
}

const pluginAnswers = new WeakMap<object, PluginCondition & { json: string }>()

/**
 * Marks an access answer the plugin builds with the same condition written in SQL, so the page's
 * statement can apply it. `pluginConditionOf` gives it back only while the answer is unchanged.
 */
export const markPluginAnswer = <T extends object>(answer: T, condition: PluginCondition): T => {
  pluginAnswers.set(answer, { ...condition, json: JSON.stringify(answer) })
  return answer
}

/** The SQL of an access answer marked by `markPluginAnswer`, unless it was changed since. */
export const pluginConditionOf = (answer: unknown): null | PluginCondition => {
  const marked = typeof answer === 'object' && answer ? pluginAnswers.get(answer) : undefined
  return marked && JSON.stringify(answer) === marked.json ? marked : null
}
