import type { HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html'
import type {
  Access,
  CollectionConfig,
  CollectionSlug,
  Config,
  Field,
  Payload,
  PayloadRequest,
} from 'payload'

import { type TemplateKey, templateKeys } from './attribution/notice.js'
import { type EditorialContact, hasPlaceholder } from './attribution/template.js'
import { checkUrl } from './guards/url.js'
import { DEFAULT_READER_LOCALE, type ReaderTexts, readerTexts } from './i18n/readerTexts.js'
import { isImport } from './importer/importedFrom.js'

/** The keys of the collections the plugin owns. */
export type NewsroomCollectionKey =
  'articles' | 'authors' | 'comments' | 'regions' | 'relatedLinks' | 'sponsors'

export type CollectionAccess = NonNullable<CollectionConfig['access']>

/** Per-collection overrides, the `overrides.fields({ defaultFields })` convention of Payload's own plugins. */
export type NewsroomCollectionOverrides = {
  access?: CollectionAccess
  admin?: CollectionConfig['admin']
  fields?: (args: { defaultFields: Field[] }) => Field[]
  /** The host's hooks, run after the plugin's of the same type (a revalidation on publish, say). */
  hooks?: CollectionConfig['hooks']
  /** The escape hatch, applied last: returns the collection to use. */
  override?: (args: { defaultCollection: CollectionConfig }) => CollectionConfig
  slug?: string
}

export type AttributionOptions = {
  /** Publishing AI text needs a standing human review (recorded by the server, text unchanged since). */
  requireHumanReview?: boolean
  /**
   * Notice templates per locale and case. `{source:link text}` marks the words linked to the source
   * URL, `{source}` links the source's name. `rewritten`, `sourced` and `sourceSuffix` must link the
   * source; `responsible` must name `{contact}`, the site's editorial contact.
   */
  templates?: Record<string, Partial<Record<TemplateKey, string>>>
}

export type BackToTopOptions = {
  /** Labels per locale; German and English are built in. */
  labels?: Record<string, { ariaLabel: string; label: string }>
  /** The button shows on articles of at least this many words. */
  minWords?: number
  /** The button appears once the reader has scrolled this far. */
  showAfterPx?: number
}

export type SiteOptions = {
  /** The page that says how the newsroom corrects itself: JSON-LD `publisher.correctionsPolicy`. */
  correctionsPolicyUrl?: string
  /**
   * Who holds editorial responsibility for reviewed AI text (EU AI Act Art. 50(4)), named after the
   * reviewed notice; `url` or `email` links the name.
   */
  editorialContact?: EditorialContact
  /** The publisher's logo, absolute URL, for JSON-LD. */
  logoUrl?: string
  /** The publisher's name, for JSON-LD. */
  name?: string
  /** The site's origin (`https://news.example`), for absolute URLs in JSON-LD. */
  url?: string
}

/**
 * The host's public paths for delivery results: JSON-LD, archive links, cache paths. Absolute
 * with `site.url`. Defaults: `/articles/<slug>`, `/regions/<path>`, `/authors/<slug>`.
 */
export type RouteOptions = {
  article?: (doc: { slug: string }, locale: string) => string
  author?: (doc: { slug: string }, locale: string) => string
  region?: (doc: { path: string; slug: string }, locale: string) => string
}

/** What a committed change altered: the cache tags and the public paths of the results it touched. */
export type Invalidation = { paths: string[]; tags: string[] }

/**
 * Called after commit, at least once, for every change that alters a delivery result. `req` is set
 * only when the call runs inside a request of this app (`POST /api/newsroom/invalidate`).
 */
export type InvalidateHandler = (
  invalidation: Invalidation,
  context: { payload: Payload; req?: PayloadRequest },
) => Promise<void> | void

export type RelatedOptions = {
  /** How many related items a page gets in total, curated ones first. */
  limit?: number
  /** Automatic related articles are published within this many days of the article. */
  maxAgeDays?: number
}

export type CommentOptions = {
  /**
   * The client's address for flood control, or undefined. Payload's request has no socket
   * address and clients can forge `X-Forwarded-For`, so the default trusts nothing; a site
   * behind a proxy reads the header its proxy sets.
   */
  clientAddress?: (req: PayloadRequest) => string | undefined
  /** Minimum seconds between two comments from one address or email. */
  floodSeconds?: number
  /**
   * The key of the address hashes (HMAC-SHA256), kept apart from `PAYLOAD_SECRET`, which signs
   * logins. Required with `clientAddress`.
   */
  hashSecret?: string
  /** Hashed addresses are cleared after this many days by the `newsroomClearIpHashes` job. */
  ipHashRetentionDays?: number
  /** Under `post` moderation, bodies with more links than this still wait for an editor. */
  maxLinks?: number
  /** `pre`: every comment waits for an editor; `post`: comments show at once. */
  moderation?: 'post' | 'pre'
  requireConsent?: boolean
}

export type FeedOptions = {
  /**
   * Converters for the host's own Lexical nodes and blocks, over Payload's defaults and the
   * plugin's link and upload converters (`@payloadcms/richtext-lexical/html`).
   */
  htmlConverters?: HTMLConvertersFunction
  /** Articles per feed. */
  limit?: number
}

export type NewsroomPluginOptions = {
  attribution?: AttributionOptions
  backToTop?: BackToTopOptions
  comments?: CommentOptions
  /** Overrides per collection; `comments: false` leaves the comments collection out. */
  collections?: Partial<Record<Exclude<NewsroomCollectionKey, 'comments'>, NewsroomCollectionOverrides>> & {
    comments?: false | NewsroomCollectionOverrides
  }
  /** Keep collections and fields (the schema stays stable for migrations) but skip hooks and endpoints. */
  disabled?: boolean
  /** RSS, Atom and JSON feeds (see docs/feeds.md). */
  feeds?: FeedOptions
  /** Who may write, see drafts and versions, and read private fields. Default: a user of the `users` collection. */
  isEditor?: (req: PayloadRequest) => boolean
  /** The largest page size the plugin's collections serve; `limit=0` and larger limits are clamped. */
  maxLimit?: number
  /**
   * Told after commit which cache tags and paths a change altered (through an outbox table, so
   * never for a rolled-back save, also from jobs and other instances). `nextInvalidate()` from
   * `payload-newsroom/next` revalidates Next's cache.
   */
  onInvalidate?: InvalidateHandler
  /** Slug of an upload collection for sponsor logos and article images. */
  media?: string
  sponsors?: {
    /**
     * The labels a sponsor or paid article may carry, per locale (§ 22 MStV: German courts held
     * "sponsored" insufficient). Default: de `Anzeige`, `Werbung`; en `Sponsored`, `Advertisement`, `Paid content`.
     */
    allowedLabels?: Record<string, string[]>
    /** The paid-content label per locale, one of its allowed labels. Default: de `Anzeige`, en `Sponsored`. */
    disclosureLabels?: Record<string, string>
  }
  related?: RelatedOptions
  routes?: RouteOptions
  site?: SiteOptions
  /** The editors' collection. Default: `config.admin.user`, else the first auth collection. */
  users?: string
}

export type ResolvedCollection = NewsroomCollectionOverrides & { slug: CollectionSlug }

export type ResolvedOptions = {
  backToTop: { minWords: number; showAfterPx: number }
  comments: Required<Omit<CommentOptions, 'clientAddress' | 'hashSecret'>> &
    Pick<CommentOptions, 'clientAddress' | 'hashSecret'>
  collections: {
    articles: ResolvedCollection
    authors: ResolvedCollection
    comments: false | ResolvedCollection
    regions: ResolvedCollection
    relatedLinks: ResolvedCollection
    sponsors: ResolvedCollection
  }
  disabled: boolean
  feeds: { htmlConverters?: HTMLConvertersFunction; limit: number }
  /** `isEditor` as a Payload access function. */
  editorsOnly: Access
  isEditor: (req: PayloadRequest) => boolean
  maxLimit: number
  media?: CollectionSlug
  onInvalidate?: InvalidateHandler
  /** The reader-facing texts for a locale: the configured ones over the built-in ones, German by default. */
  readerTextsFor: (locale: null | string | undefined) => ReaderTexts
  /**
   * A requested locale as one the site knows (its reader locales and the host's localization),
   * else German: a query parameter is data, never an object key or an unbounded cache key.
   */
  readerLocaleOf: (locale: null | string | undefined) => string
  /** The locales with reader texts of their own (built-in or configured); others read German. */
  readerLocales: string[]
  related: { limit: number; maxAgeDays: number }
  requireHumanReview: boolean
  routes: Required<RouteOptions>
  site: SiteOptions
  sponsors: { allowedLabels: Record<string, string[]>; disclosureLabels: Record<string, string> }
  users: CollectionSlug
}

export const defaultSlugs: Record<NewsroomCollectionKey, string> = {
  articles: 'articles',
  authors: 'authors',
  comments: 'comments',
  regions: 'regions',
  relatedLinks: 'related-links',
  sponsors: 'sponsors',
}

export const defaultDisclosureLabels: Record<string, string> = { de: 'Anzeige', en: 'Sponsored' }

export const defaultAllowedLabels: Record<string, string[]> = {
  de: ['Anzeige', 'Werbung'],
  en: ['Sponsored', 'Advertisement', 'Paid content'],
}

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

const mustLinkSource: TemplateKey[] = ['rewritten', 'sourced', 'sourceSuffix']

/** A template that cannot link its source would publish an unlinked notice: refuse it at start-up. */
const checkTemplates = (templates: AttributionOptions['templates'] = {}) => {
  for (const [locale, cases] of Object.entries(templates)) {
    for (const [key, template] of Object.entries(cases ?? {})) {
      if (!(templateKeys as readonly string[]).includes(key)) {
        throw new Error(
          `payload-newsroom: unknown attribution template "${key}" for locale "${locale}" (known: ${templateKeys.join(', ')})`,
        )
      }
      if (typeof template !== 'string' || !template.trim()) {
        throw new Error(`payload-newsroom: attribution template "${key}" for locale "${locale}" is empty`)
      }
      if (mustLinkSource.includes(key as TemplateKey) && !hasPlaceholder(template, 'source')) {
        throw new Error(
          `payload-newsroom: attribution template "${key}" for locale "${locale}" must contain {source} or {source:link text}`,
        )
      }
      if (key === 'responsible' && !hasPlaceholder(template, 'contact')) {
        throw new Error(
          `payload-newsroom: attribution template "responsible" for locale "${locale}" must contain {contact}`,
        )
      }
    }
  }
}

/**
 * A button's accessible name must contain its visible label (WCAG 2.5.3, Label in Name), or
 * speech users saying what they see cannot press it: a mismatch is refused at start-up.
 */
const checkBackToTopLabels = (labels: BackToTopOptions['labels'] = {}) => {
  for (const [locale, entry] of Object.entries(labels)) {
    const label = entry?.label?.trim() ?? ''
    const ariaLabel = entry?.ariaLabel?.trim() ?? ''
    if (!label || !ariaLabel.toLowerCase().includes(label.toLowerCase())) {
      throw new Error(
        `payload-newsroom: backToTop.labels.${locale}: the ariaLabel "${ariaLabel}" must contain the label "${label}" (WCAG 2.5.3)`,
      )
    }
  }
}

/**
 * Every configured disclosure label is one of its locale's allowed labels, and no allowed list is
 * empty: a label the rules would refuse on a sponsor must not be the default either.
 */
const resolveSponsorLabels = (sponsors: NewsroomPluginOptions['sponsors'] = {}) => {
  const disclosureLabels = { ...defaultDisclosureLabels, ...sponsors.disclosureLabels }
  // A locale given a label but no list allows that label (rather than German's list).
  const allowedLabels: Record<string, string[]> = {
    ...Object.fromEntries(Object.entries(disclosureLabels).map(([locale, label]) => [locale, [label]])),
    ...defaultAllowedLabels,
    ...sponsors.allowedLabels,
  }
  for (const [locale, labels] of Object.entries(allowedLabels)) {
    if (!Array.isArray(labels) || labels.length === 0 || labels.some((label) => !label?.trim())) {
      throw new Error(
        `payload-newsroom: sponsors.allowedLabels.${locale} must list at least one label, none blank`,
      )
    }
  }
  for (const [locale, label] of Object.entries(disclosureLabels)) {
    const allowed = Object.hasOwn(allowedLabels, locale) ? allowedLabels[locale] : undefined
    if (!label?.trim() || (allowed && !allowed.includes(label))) {
      throw new Error(
        `payload-newsroom: sponsors.disclosureLabels.${locale} "${label}" is not one of sponsors.allowedLabels.${locale} (${(allowed ?? []).join(', ')})`,
      )
    }
  }
  return { allowedLabels, disclosureLabels }
}

/** The editorial contact is named and linked in reader notices: a name, and only a safe link. */
const checkEditorialContact = (contact: EditorialContact | undefined) => {
  if (!contact) return
  if (typeof contact.name !== 'string' || !contact.name.trim()) {
    throw new Error('payload-newsroom: site.editorialContact needs a name')
  }
  if (contact.url !== undefined && checkUrl(contact.url)) {
    throw new Error(
      `payload-newsroom: site.editorialContact.url must be an absolute http(s) URL, got "${contact.url}"`,
    )
  }
  if (contact.email !== undefined && !/^[^\s@:/]+@[^\s@:/]+$/.test(contact.email)) {
    throw new Error(
      `payload-newsroom: site.editorialContact.email is not an email address: "${contact.email}"`,
    )
  }
}

const wholeNumber = (name: string, value: number | undefined, fallback: number, max: number): number => {
  const resolved = value ?? fallback
  if (!Number.isInteger(resolved) || resolved < 1 || resolved > max) {
    throw new Error(`payload-newsroom: ${name} must be a whole number from 1 to ${max}, got ${String(value)}`)
  }
  return resolved
}

const positiveNumber = (name: string, value: number | undefined, fallback: number): number => {
  const resolved = value ?? fallback
  if (!Number.isFinite(resolved) || resolved < 0) {
    throw new Error(`payload-newsroom: ${name} must be a number of 0 or more, got ${String(value)}`)
  }
  return resolved
}

const buildReaderTexts = (options: NewsroomPluginOptions, readerLocales: string[]) => {
  const cache = new Map<string, ReaderTexts>()
  return (locale: null | string | undefined): ReaderTexts => {
    const key = locale && readerLocales.includes(locale) ? locale : DEFAULT_READER_LOCALE
    let texts = cache.get(key)
    if (!texts) {
      const builtIn = Object.hasOwn(readerTexts, key)
        ? readerTexts[key as keyof typeof readerTexts]
        : readerTexts[DEFAULT_READER_LOCALE]
      texts = {
        backToTop: { ...builtIn.backToTop, ...ownEntry(options.backToTop?.labels, key) },
        correctionLabels: builtIn.correctionLabels,
        commentsNotice: builtIn.commentsNotice,
        templates: { ...builtIn.templates, ...ownEntry(options.attribution?.templates, key) },
      }
      cache.set(key, texts)
    }
    return texts
  }
}

/** `record[key]` only when the record itself has it: `constructor` or `__proto__` are data, not keys. */
const ownEntry = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined

const localeCodesOf = (config: Config): string[] =>
  config.localization
    ? config.localization.locales.map((locale) => (typeof locale === 'string' ? locale : locale.code))
    : []

export const resolveOptions = (options: NewsroomPluginOptions, config: Config): ResolvedOptions => {
  checkTemplates(options.attribution?.templates)
  checkBackToTopLabels(options.backToTop?.labels)
  checkEditorialContact(options.site?.editorialContact)
  if (options.site?.correctionsPolicyUrl !== undefined && checkUrl(options.site.correctionsPolicyUrl)) {
    throw new Error(
      `payload-newsroom: site.correctionsPolicyUrl must be an absolute http(s) URL, got "${options.site.correctionsPolicyUrl}"`,
    )
  }
  if (options.comments?.clientAddress && !options.comments.hashSecret?.trim()) {
    throw new Error(
      'payload-newsroom: comments.clientAddress needs comments.hashSecret, a secret of its own for the address hashes (not PAYLOAD_SECRET)',
    )
  }
  const users = (options.users ?? findUsersSlug(config)) as CollectionSlug
  const hostIsEditor = options.isEditor ?? ((req: PayloadRequest) => req.user?.collection === users)
  // The WordPress importer writes as an editor (dates, statuses, its own ids) through its own request.
  const isEditor = (req: PayloadRequest) => isImport(req) || hostIsEditor(req)
  if (options.onInvalidate !== undefined && typeof options.onInvalidate !== 'function') {
    throw new Error(
      'payload-newsroom: onInvalidate must be a function ({ tags, paths }, { payload }) => void',
    )
  }
  const maxLimit = options.maxLimit ?? DEFAULT_MAX_LIMIT
  if (!Number.isInteger(maxLimit) || maxLimit < 1) {
    throw new Error(`payload-newsroom: maxLimit must be a positive whole number, got ${String(maxLimit)}`)
  }
  const overrides = options.collections ?? {}
  const readerLocales = [
    ...new Set([
      ...Object.keys(readerTexts),
      ...Object.keys(options.attribution?.templates ?? {}),
      ...Object.keys(options.backToTop?.labels ?? {}),
    ]),
  ]
  const knownLocales = new Set([...readerLocales, ...localeCodesOf(config)])
  return {
    backToTop: {
      minWords: positiveNumber('backToTop.minWords', options.backToTop?.minWords, 300),
      showAfterPx: positiveNumber('backToTop.showAfterPx', options.backToTop?.showAfterPx, 600),
    },
    comments: {
      clientAddress: options.comments?.clientAddress,
      floodSeconds: positiveNumber('comments.floodSeconds', options.comments?.floodSeconds, 15),
      hashSecret: options.comments?.hashSecret,
      ipHashRetentionDays: positiveNumber(
        'comments.ipHashRetentionDays',
        options.comments?.ipHashRetentionDays,
        30,
      ),
      maxLinks: positiveNumber('comments.maxLinks', options.comments?.maxLinks, 2),
      moderation: options.comments?.moderation ?? 'pre',
      requireConsent: options.comments?.requireConsent ?? true,
    },
    collections: {
      articles: resolveCollection('articles', overrides.articles),
      authors: resolveCollection('authors', overrides.authors),
      comments: overrides.comments === false ? false : resolveCollection('comments', overrides.comments),
      regions: resolveCollection('regions', overrides.regions),
      relatedLinks: resolveCollection('relatedLinks', overrides.relatedLinks),
      sponsors: resolveCollection('sponsors', overrides.sponsors),
    },
    disabled: options.disabled ?? false,
    feeds: {
      htmlConverters: options.feeds?.htmlConverters,
      limit: wholeNumber('feeds.limit', options.feeds?.limit, 50, 1000),
    },
    editorsOnly: ({ req }) => isEditor(req),
    isEditor,
    maxLimit,
    media: options.media as CollectionSlug | undefined,
    onInvalidate: options.onInvalidate,
    readerLocaleOf: (locale) => (locale && knownLocales.has(locale) ? locale : DEFAULT_READER_LOCALE),
    readerLocales,
    readerTextsFor: buildReaderTexts(options, readerLocales),
    related: {
      limit: positiveNumber('related.limit', options.related?.limit, 4),
      maxAgeDays: positiveNumber('related.maxAgeDays', options.related?.maxAgeDays, 365),
    },
    requireHumanReview: options.attribution?.requireHumanReview ?? false,
    routes: {
      article: options.routes?.article ?? ((doc) => `/articles/${encodeURIComponent(doc.slug)}`),
      author: options.routes?.author ?? ((doc) => `/authors/${encodeURIComponent(doc.slug)}`),
      region:
        options.routes?.region ??
        ((doc) => `/regions/${doc.path.split('/').map(encodeURIComponent).join('/')}`),
    },
    site: { ...options.site, url: options.site?.url?.replace(/\/+$/, '') },
    sponsors: resolveSponsorLabels(options.sponsors),
    users,
  }
}
