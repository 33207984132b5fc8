import type { SQL } from 'drizzle-orm'
import type { CollectionConfig } from 'payload'

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
