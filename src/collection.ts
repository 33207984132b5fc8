import type { CollectionBeforeChangeHook, CollectionConfig, Field } from 'payload'

import type { NewsroomTranslationKey } from './i18n/index.js'
import type { NewsroomCollectionKey, ResolvedOptions } from './options.js'

import { invalidationHooks } from './cache/invalidation.js'
import { guardHooks } from './guards/index.js'
import { runPendingChecks } from './postgres/pendingChecks.js'
import { inAllLanguages } from './i18n/index.js'
import { forgetChangedPluginFields, markPluginFields, markPluginHooks } from './pluginHooks.js'

type Hooks = NonNullable<CollectionConfig['hooks']>

/** What a feature says about its collection; `newsroomCollection` adds what all of them share. */
export type CollectionSpec = Omit<CollectionConfig, 'fields' | 'labels' | 'slug'> & {
  /**
   * The check that referenced documents exist goes in the message of the save's next statement
   * (an article's or author's slug lock, an article update's row lock; see pendingChecks) instead
   * of a round trip of its own: for collections whose beforeChange hooks read no referenced
   * document before that statement.
   */
  deferReferenceChecks?: boolean
  fields: Field[]
}

/** The last of the plugin's beforeChange hooks: the deferred checks no statement took along. */
const runLeftChecks: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  await runPendingChecks(req, originalDoc)
  return data
}

const labelKeys: Record<
  NewsroomCollectionKey,
  [plural: NewsroomTranslationKey, singular: NewsroomTranslationKey]
> = {
  articles: ['articlePlural', 'articleSingular'],
  authors: ['authorPlural', 'authorSingular'],
  comments: ['commentPlural', 'commentSingular'],
  regions: ['regionPlural', 'regionSingular'],
  relatedLinks: ['relatedLinkPlural', 'relatedLinkSingular'],
  sponsors: ['sponsorPlural', 'sponsorSingular'],
}

/** Each hook list of `later` runs after the same list of `earlier`. */
export const appendHooks = (earlier: Hooks = {}, later: Hooks = {}): Hooks => {
  const merged: Record<string, unknown[]> = {}
  for (const hooks of [earlier, later]) {
    for (const [type, list] of Object.entries(hooks)) {
      if (Array.isArray(list)) merged[type] = [...(merged[type] ?? []), ...list]
    }
  }
  return merged as Hooks
}

/**
 * The one way a plugin collection is built: the input guards run before the feature's own hooks,
 * editors write, the host's overrides apply (fields, access, admin, hooks appended after ours per
 * type, `override` last), labels and the admin group come from the translations. With `disabled`
 * the schema stays and only the host's hooks run.
 */
export const newsroomCollection = (
  key: NewsroomCollectionKey,
  options: ResolvedOptions,
  spec: CollectionSpec,
): CollectionConfig => {
  const overrides = options.collections[key]
  if (!overrides) throw new Error(`payload-newsroom: the ${key} collection is switched off`)
  const { deferReferenceChecks = false, ...config } = spec
  const guards = guardHooks(options, { deferReferenceChecks })
  // Invalidations last: a rule that refuses the save has run before anything is queued.
  const own = options.disabled
    ? {}
    : [
        spec.hooks,
        deferReferenceChecks ? { beforeChange: [runLeftChecks] } : {},
        invalidationHooks(key, options),
      ].reduce<Hooks>((hooks, later) => appendHooks(hooks, later), guards)
  markPluginHooks(own)
  if (!options.disabled) markPluginFields(spec.fields)
  const [plural, singular] = labelKeys[key]
  const collection: CollectionConfig = {
    ...config,
    slug: overrides.slug,
    access: {
      create: options.editorsOnly,
      delete: options.editorsOnly,
      // Payload lets any signed-in user read versions otherwise: drafts a host turns on stay the editors'.
      readVersions: options.editorsOnly,
      update: options.editorsOnly,
      ...spec.access,
      ...overrides.access,
    },
    admin: { group: inAllLanguages('group'), ...spec.admin, ...overrides.admin },
    fields: overrides.fields ? overrides.fields({ defaultFields: spec.fields }) : spec.fields,
    hooks: appendHooks(own, overrides.hooks),
    labels: { plural: inAllLanguages(plural), singular: inAllLanguages(singular) },
  }
  const built = overrides.override ? overrides.override({ defaultCollection: collection }) : collection
  forgetChangedPluginFields(built.fields)
  return built
}
