import type { Access, CollectionConfig, CollectionSlug, Config, Field, PayloadRequest } from 'payload'

/** The keys of the collections the plugin owns. */
export type NewsroomCollectionKey = 'articles' | 'comments' | 'regions' | 'relatedLinks' | 'sponsors'

export type CollectionAccess = NonNullable<CollectionConfig['access']>

/** Per-collection overrides, the `overrides.fields({ defaultFields })` convention of Payload's own plugins. */
export type NewsroomCollectionOverrides = {
  access?: CollectionAccess
  admin?: CollectionConfig['admin']
  fields?: (args: { defaultFields: Field[] }) => Field[]
  slug?: string
}

export type NewsroomPluginOptions = {
  /** Overrides per collection; `comments: false` leaves the comments collection out. */
  collections?: Partial<Record<Exclude<NewsroomCollectionKey, 'comments'>, NewsroomCollectionOverrides>> & {
    comments?: false | NewsroomCollectionOverrides
  }
  /** Keep collections and fields (the schema stays stable for migrations) but skip hooks and endpoints. */
  disabled?: boolean
  /** Who may write, see drafts and versions, and read private fields. Default: a user of the `users` collection. */
  isEditor?: (req: PayloadRequest) => boolean
  /** The largest page size the plugin's collections serve; `limit=0` and larger limits are clamped. */
  maxLimit?: number
  /** Slug of an upload collection for sponsor logos and article images. */
  media?: string
  sponsors?: {
    /** The paid-content label per locale. Default: de `Anzeige`, en `Sponsored`. */
    disclosureLabels?: Record<string, string>
  }
  /** The editors' collection. Default: `config.admin.user`, else the first auth collection. */
  users?: string
}

export type ResolvedCollection = NewsroomCollectionOverrides & { slug: CollectionSlug }

export type ResolvedOptions = {
  collections: {
    articles: ResolvedCollection
    comments: false | ResolvedCollection
    regions: ResolvedCollection
    relatedLinks: ResolvedCollection
    sponsors: ResolvedCollection
  }
  disabled: boolean
  /** `isEditor` as a Payload access function. */
  editorsOnly: Access
  isEditor: (req: PayloadRequest) => boolean
  maxLimit: number
  media?: CollectionSlug
  sponsors: { disclosureLabels: Record<string, string> }
  users: CollectionSlug
}

export const defaultSlugs: Record<NewsroomCollectionKey, string> = {
  articles: 'articles',
  comments: 'comments',
  regions: 'regions',
  relatedLinks: 'related-links',
  sponsors: 'sponsors',
}

export const defaultDisclosureLabels: Record<string, string> = { de: 'Anzeige', en: 'Sponsored' }

export const DEFAULT_MAX_LIMIT = 100

// `config.admin.user` is not yet filled in when plugins run, so fall back to the first auth collection.
const findUsersSlug = (config: Config): string => {
  const fromAdmin = config.admin?.user
  if (fromAdmin) return fromAdmin
  const firstAuth = config.collections?.find((collection) => collection.auth)
  return firstAuth?.slug ?? 'users'
}

const resolveCollection = (
  key: NewsroomCollectionKey,
  overrides: NewsroomCollectionOverrides = {},
): ResolvedCollection => ({ ...overrides, slug: (overrides.slug || defaultSlugs[key]) as CollectionSlug })

export const resolveOptions = (options: NewsroomPluginOptions, config: Config): ResolvedOptions => {
  const users = (options.users ?? findUsersSlug(config)) as CollectionSlug
  const isEditor = options.isEditor ?? ((req: PayloadRequest) => req.user?.collection === users)
  const maxLimit = options.maxLimit ?? DEFAULT_MAX_LIMIT
  if (!Number.isInteger(maxLimit) || maxLimit < 1) {
    throw new Error(`payload-newsroom: maxLimit must be a positive whole number, got ${String(maxLimit)}`)
  }
  const overrides = options.collections ?? {}
  return {
    collections: {
      articles: resolveCollection('articles', overrides.articles),
      comments: overrides.comments === false ? false : resolveCollection('comments', overrides.comments),
      regions: resolveCollection('regions', overrides.regions),
      relatedLinks: resolveCollection('relatedLinks', overrides.relatedLinks),
      sponsors: resolveCollection('sponsors', overrides.sponsors),
    },
    disabled: options.disabled ?? false,
    editorsOnly: ({ req }) => isEditor(req),
    isEditor,
    maxLimit,
    media: options.media as CollectionSlug | undefined,
    sponsors: { disclosureLabels: { ...defaultDisclosureLabels, ...options.sponsors?.disclosureLabels } },
    users,
  }
}
