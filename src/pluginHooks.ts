import type { SQL } from 'drizzle-orm'
import type { CollectionConfig, Field } from 'payload'

import { baseIDField } from 'payload'

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

/** Whether `visit` holds for every field in `fields`, nested ones (groups, rows, tabs, arrays, blocks) too. */
const everyField = (fields: Field[], visit: (field: Field, top: boolean) => boolean, top = true): boolean =>
  fields.every(
    (field) =>
      visit(field, top) &&
      (!('fields' in field) || !Array.isArray(field.fields) || everyField(field.fields, visit, false)) &&
      (field.type !== 'tabs' || field.tabs.every((tab) => everyField(tab.fields, visit, false))) &&
      (field.type !== 'blocks' ||
        (!field.blockReferences?.length &&
          field.blocks.every((block) => everyField(block.fields, visit, false)))),
  )

/** What a plugin field may not gain from anyone else: code that runs while a save's fields are validated. */
type FieldRunsCode = {
  beforeChange: readonly unknown[]
  condition: unknown
  filterOptions: unknown
  validate: unknown
}

const runsCode = (field: Field): FieldRunsCode => ({
  beforeChange: [...(('hooks' in field && field.hooks?.beforeChange) || [])],
  condition: field.admin?.condition,
  filterOptions: 'filterOptions' in field ? field.filterOptions : undefined,
  validate: 'validate' in field ? field.validate : undefined,
})

/** The plugin's own field definitions, with the code they ran when the plugin built them. */
const pluginFields = new WeakMap<object, FieldRunsCode>()

/** Marks the plugin's own field definitions and their hooks, as the plugin built them. */
export const markPluginFields = (fields: Field[]): void => {
  everyField(fields, (field) => {
    pluginFields.set(field, runsCode(field))
    for (const list of Object.values(('hooks' in field && field.hooks) || {}))
      if (Array.isArray(list)) list.forEach((hook) => pluginHooks.add(hook))
    return true
  })
}

const sameCode = (field: Field, built: FieldRunsCode, sanitized: boolean): boolean => {
  const now = runsCode(field)
  return (
    now.condition === built.condition &&
    now.filterOptions === built.filterOptions &&
    now.beforeChange.length === built.beforeChange.length &&
    now.beforeChange.every((hook, index) => hook === built.beforeChange[index]) &&
    // Payload gives a field without `validate` its default one when it sanitizes the config.
    (now.validate === built.validate || (sanitized && built.validate === undefined))
  )
}

/** Fields Payload adds to a collection after it sanitizes the others: no hook, validation or condition. */
const payloadFields = new Set(['_status', 'createdAt', 'deletedAt', 'id', 'updatedAt'])

const noCode: FieldRunsCode = {
  beforeChange: [],
  condition: undefined,
  filterOptions: undefined,
  validate: undefined,
}

/**
 * Whether `fields` hold nothing but the plugin's own fields as it built them (and Payload's row
 * ids, timestamps and status): no other field, and no `beforeChange` hook, validation, condition
 * or `filterOptions` added to one of the plugin's. So no host code reads a document's values
 * while Payload validates it (the rich-text editor's own features aside, and a `validate` set
 * after the plugin ran on a field it gave none: Payload fills in its default there too).
 */
export const onlyPluginFields = (fields: Field[]): boolean =>
  everyField(fields, (field, top) => {
    const built = pluginFields.get(field)
    if (built) return sameCode(field, built, true)
    if (field === baseIDField) return true
    return top && 'name' in field && payloadFields.has(field.name) && sameCode(field, noCode, false)
  })

/** Forgets the plugin's fields a host's `fields` or `override` changed: they count as the host's. */
export const forgetChangedPluginFields = (fields: Field[]): void => {
  everyField(fields, (field) => {
    const built = pluginFields.get(field)
    if (built && !sameCode(field, built, false)) pluginFields.delete(field)
    return true
  })
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
