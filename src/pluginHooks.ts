import type { CollectionConfig } from 'payload'

const pluginHooks = new WeakSet<object>()

/**
 * Marks the hooks the collection factory adds as the plugin's own, so the read path can tell
 * them from a host's: none of the plugin's read hooks changes a field the page reads directly
 * (delivery/directReads; its tests compare both reads).
 */
export const markPluginHooks = (hooks: NonNullable<CollectionConfig['hooks']>): void => {
  for (const list of Object.values(hooks))
    if (Array.isArray(list)) list.forEach((hook) => pluginHooks.add(hook))
}

export const isPluginHook = (hook: unknown): boolean => typeof hook === 'function' && pluginHooks.has(hook)
