import type { SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'
import type { CollectionSlug, Payload, PayloadRequest, RichTextField } from 'payload'

import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { createLocalReq } from 'payload'

import type { ImportedFrom } from './importedFrom.js'
import type { DeclarationPattern } from './wxr/declarations.js'
import type { WxrAuthor, WxrItem, WxrTerm } from './wxr/readWxr.js'

import { newsroomOptions } from '../delivery/pluginOptions.js'
import { checkUrl } from '../guards/url.js'
import { toSlug } from '../slugs/toSlug.js'
import { attachImages, convertHtml, prepareHtml, type ResolvedImage } from './htmlToLexical.js'
import { IMPORT_CONTEXT } from './importedFrom.js'
import {
  commentStatusOf,
  decodedSlug,
  isoDate,
  originalUrl,
  permalinkPath,
  planItem,
  plainText,
  parentsFirst,
  regionOfTerm,
  withoutNul,
} from './mapping.js'
import { type Attachment, mediaImporter } from './media.js'
import { DEFAULT_DECLARATION_PATTERNS, recognizeDeclarations } from './wxr/declarations.js'
import { readWxr } from './wxr/readWxr.js'

/** Bumped when the mapping changes, so a re-run updates what an older importer wrote. */
const MAPPING_VERSION = 1

export type ImportOutcome = 'created' | 'refused' | 'skipped' | 'unchanged' | 'updated'

/** One original and what became of it. */
export type ImportEntry = {
  /** The new document's id, when there is one. */
  id?: number | string
  kind: 'article' | 'author' | 'comment' | 'region'
  notes?: string[]
  /** The WordPress address of the original. */
  original: string
  outcome: ImportOutcome
  reason?: string
  title: string
}

export type ImportReport = {
  counts: Record<ImportOutcome, number>
  dryRun: boolean
  entries: ImportEntry[]
  file: string
  finishedAt: string
  /** Old permalinks and the new paths, for the host's redirects. */
  redirects: { from: string; to: string }[]
  startedAt: string
  /** Categories that are neither a continent nor a country nor an ISO code: imported as `other`. */
  unknownRegions: string[]
}

export type RunImportArgs = {
  /** `create` makes an author per WordPress user; a map names the author slug for each login. */
  authors?: 'create' | Record<string, string>
  /** Sentences that declare AI use or a source [the plugin's German and English notice texts]. */
  declarations?: DeclarationPattern[]
  /** Everything is done and reported, then rolled back. */
  dryRun?: boolean
  /** Read images from the export's URLs when they are not in `media` [true]. */
  fetchImages?: boolean
  file: string
  /** The locale localized fields are written in [the host's default locale]. */
  locale?: string
  /** The folder of WordPress's `wp-content/uploads`, where images are read first. */
  media?: string
  onProgress?: (progress: { done: number; total: number }) => void
  payload: Payload
  /** Only posts changed since then (launch-day delta). */
  since?: Date
}

/** Posts imported side by side, each in its own transaction. */
const POSTS_AT_ONCE = 4

/** The articles' `title` limit. */
const MAX_TITLE = 300

const versionOf = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify([MAPPING_VERSION, value]))
    .digest('hex')
    .slice(0, 16)

// Payload's own rule for email fields (payload/dist/fields/validations.js): what passes here is stored.
const EMAIL =
  /^(?!.*\.\.)[\w!#$%&'*+/=?^`{|}~-](?:[\w!#$%&'*+/=?^`{|}~.-]*[\w!#$%&'*+/=?^`{|}~-])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/i

const emailOf = (email: string) => (EMAIL.test(email.trim()) ? email.trim().toLowerCase() : null)

/** A commenter's website as the comments' URL rule accepts it, or null. */
const httpUrl = (url: string) => (checkUrl(url) ? null : url.trim())

const messageOf = (error: unknown): string => {
  const data = (error as { data?: { errors?: { message?: string; path?: string }[] } }).data
  const fields = data?.errors?.map(({ message, path }) => (path ? `${path}: ${message}` : message))
  return fields?.length ? fields.join('; ') : error instanceof Error ? error.message : String(error)
}

type Imported = { id: number | string; published?: boolean; slug?: string; version: null | string }

/** The documents an earlier run imported, by original address (articles with slug and status). */
const importedDocs = async (
  payload: Payload,
  collection: CollectionSlug,
  req: PayloadRequest,
  withPage = false,
): Promise<Map<string, Imported>> => {
  const { docs } = await payload.find({
    collection,
    depth: 0,
    pagination: false,
    req,
    select: (withPage ? { _status: true, importedFrom: true, slug: true } : { importedFrom: true }) as never,
    where: { 'importedFrom.url': { exists: true } },
  })
  return new Map(
    (
      docs as unknown as {
        _status?: string
        id: number | string
        importedFrom: ImportedFrom
        slug?: string
      }[]
    ).map((doc) => [
      doc.importedFrom.url!,
      {
        id: doc.id,
        published: doc._status === 'published',
        slug: doc.slug,
        version: doc.importedFrom.version,
      },
    ]),
  )
}

// Meta WordPress changes when a post is merely opened or saved in its editor.
const VOLATILE_META = /^_(?:edit_|encloseme|pingme|wp_old_)/

/** What of an item decides its import: everything but the volatile meta. */
const stableItem = (item: WxrItem) => ({
  ...item,
  meta: Object.fromEntries(Object.entries(item.meta).filter(([key]) => !VOLATILE_META.test(key))),
})

/**
 * Imports a WordPress export (WXR 1.1/1.2): categories into the region tree, users into authors,
 * posts into articles with their comments, images into the media collection. Idempotent by the
 * WordPress ids (`importedFrom`): an unchanged original is skipped, a changed one updated. Each
 * post with its comments is one transaction. The export is read twice as a stream.
 */
export const runImport = async (args: RunImportArgs): Promise<ImportReport> => {
  const { dryRun = false, file, payload } = args
  const options = newsroomOptions(payload)
  const slugs = {
    articles: options.collections.articles.slug as CollectionSlug,
    authors: options.collections.authors.slug as CollectionSlug,
    comments: options.collections.comments ? (options.collections.comments.slug as CollectionSlug) : null,
    regions: options.collections.regions.slug as CollectionSlug,
  }
  const locale =
    args.locale ?? (payload.config.localization ? payload.config.localization.defaultLocale : undefined)
  const report: ImportReport = {
    counts: { created: 0, refused: 0, skipped: 0, unchanged: 0, updated: 0 },
    dryRun,
    entries: [],
    file,
    finishedAt: '',
    redirects: [],
    startedAt: new Date().toISOString(),
    unknownRegions: [],
  }
  const positions = new WeakMap<ImportEntry, number>()
  /** Adds an entry; `at` is the post's place in the export (posts are imported side by side). */
  const record = (entry: ImportEntry, at?: number) => {
    report.counts[entry.outcome] += 1
    report.entries.push(entry)
    if (at !== undefined) positions.set(entry, at)
  }
  const newReq = () => createLocalReq({ context: { [IMPORT_CONTEXT]: true }, locale }, payload)

  // Pass 1: the site, its users, categories and attachments, and how many posts there are.
  let site = ''
  const authors: WxrAuthor[] = []
  const categories: WxrTerm[] = []
  const attachments = new Map<string, Attachment>()
  let total = 0
  for await (const entry of readWxr(createReadStream(file))) {
    if (entry.kind === 'site') site = entry.link.replace(/\/+$/, '')
    else if (entry.kind === 'author') authors.push(entry.author)
    else if (entry.kind === 'category') categories.push(entry.term)
    else if (entry.kind === 'item' && entry.item.type === 'attachment')
      attachments.set(entry.item.id, {
        alt: entry.item.meta._wp_attachment_image_alt || entry.item.title,
        file: entry.item.meta._wp_attached_file ?? '',
        url: entry.item.attachmentUrl,
      })
    else if (entry.kind === 'item' && entry.item.type === 'post') total += 1
  }
  if (!site) throw new Error('the WordPress export names no site (channel <link>)')
  const attachmentsByUrl = new Map(
    [...attachments.values()].map((attachment) => [attachment.url, attachment]),
  )
  const hostOf = (url: string) => {
    try {
      return new URL(url).host
    } catch {
      return ''
    }
  }
  const hosts = new Set([site, ...attachmentsByUrl.keys()].map(hostOf).filter(Boolean))
  const absoluteUrl = (src: string) => {
    try {
      return new URL(src, `${site}/`).toString()
    } catch {
      return src
    }
  }
  // Options that change what a post becomes: a re-run with other options updates every post.
  const declarations = args.declarations ?? DEFAULT_DECLARATION_PATTERNS
  const fingerprint = {
    authors: args.authors ?? 'create',
    declarations: declarations.map(({ pattern, sourced, usage }) => [
      pattern.source,
      pattern.flags,
      sourced,
      usage,
    ]),
    fetchImages: args.fetchImages ?? true,
    locale: locale ?? null,
    media: Boolean(args.media) && Boolean(options.media),
  }

  const lookupReq = await newReq()
  const existing = {
    articles: await importedDocs(payload, slugs.articles, lookupReq, true),
    authors: await importedDocs(payload, slugs.authors, lookupReq),
    comments: slugs.comments ? await importedDocs(payload, slugs.comments, lookupReq) : new Map(),
    regions: await importedDocs(payload, slugs.regions, lookupReq),
  }

  /** Runs `work` in a transaction of its own, committed (rolled back on a dry run or an error). */
  const inTransaction = async <T>(work: (req: PayloadRequest) => Promise<T>): Promise<T> => {
    const req = await newReq()
    const transactionID = await payload.db.beginTransaction()
    if (transactionID) req.transactionID = transactionID
    try {
      const result = await work(req)
      if (transactionID) {
        if (dryRun) await payload.db.rollbackTransaction(transactionID)
        else await payload.db.commitTransaction(transactionID)
      }
      return result
    } catch (error) {
      if (transactionID) await payload.db.rollbackTransaction(transactionID)
      throw error
    }
  }

  /** Creates or updates one document by its original; unchanged ones are left alone. */
  const save = async (
    req: PayloadRequest,
    collection: CollectionSlug,
    known: Map<string, { id: number | string; version: null | string }>,
    original: string,
    version: string,
    data: Record<string, unknown>,
  ): Promise<{ id: number | string; outcome: 'created' | 'unchanged' | 'updated'; slug?: string }> => {
    const before = known.get(original)
    if (before?.version === version) return { id: before.id, outcome: 'unchanged' }
    const full = { ...data, importedFrom: { url: original, version } }
    // The collections are the host's (their slugs and fields vary): typed loosely on purpose.
    const local = payload as unknown as Record<
      'create' | 'update',
      (args: Record<string, unknown>) => Promise<{ id: number | string; slug?: string }>
    >
    // `_status` in the data says what the document is. An existing one is updated itself, never a
    // draft version beside it; a new draft is saved as Payload saves drafts (incomplete is fine).
    const draft = !before && data._status === 'draft'
    const saveArgs = { collection, data: full, depth: 0, draft, locale, req }
    const doc = before ? await local.update({ ...saveArgs, id: before.id }) : await local.create(saveArgs)
    return { id: doc.id, outcome: before ? 'updated' : 'created', slug: doc.slug }
  }

  // Regions, parents first.
  const regionIds = new Map<string, number | string>()
  const tree = parentsFirst(categories)
  for (const term of tree.repeated)
    record({
      kind: 'region',
      original: originalUrl.category(site, term.slug),
      outcome: 'skipped',
      reason: `a second category with the slug ${term.slug}`,
      title: term.name,
    })
  for (const term of tree.ordered) {
    const original = originalUrl.category(site, term.slug)
    const note = tree.notes.get(term.slug)
    const name = withoutNul(term.name).trim()
    const { isoCode, type } = regionOfTerm({ name, slug: term.slug })
    if (type === 'other') report.unknownRegions.push(name)
    const parent = regionIds.get(term.parent) ?? null
    try {
      const { id, outcome } = await inTransaction((req) =>
        save(req, slugs.regions, existing.regions, original, versionOf([term, parent]), {
          isoCode,
          name,
          parent,
          slug: toSlug(decodedSlug(term.slug)) || undefined,
          type,
        }),
      )
      // A dry run's new documents are rolled back: posts do not point to them (stored ones stay).
      if (!dryRun || outcome !== 'created') regionIds.set(term.slug, id)
      record({ id, kind: 'region', notes: note ? [note] : undefined, original, outcome, title: name })
    } catch (error) {
      record({ kind: 'region', original, outcome: 'refused', reason: messageOf(error), title: name })
    }
  }

  // Authors: created, or found by the slug the map names.
  const authorIds = new Map<string, number | string>()
  for (const author of authors) {
    const original = originalUrl.author(site, author.id || author.login)
    const title = withoutNul(author.displayName || author.login).trim()
    try {
      if (args.authors && args.authors !== 'create') {
        const slug = args.authors[author.login]
        const found = slug
          ? (
              await payload.find({
                collection: slugs.authors,
                depth: 0,
                limit: 1,
                req: lookupReq,
                where: { slug: { equals: slug } },
              })
            ).docs[0]
          : undefined
        if (found) authorIds.set(author.login, found.id)
        record({
          id: found?.id,
          kind: 'author',
          original,
          outcome: found ? 'unchanged' : 'skipped',
          reason: found
            ? `mapped to ${slug}`
            : slug
              ? `no author with the slug ${slug}`
              : 'not in the author map',
          title,
        })
        continue
      }
      const { id, outcome } = await inTransaction((req) =>
        save(req, slugs.authors, existing.authors, original, versionOf(author), {
          kind: 'person',
          name: title,
          slug: toSlug(title) || undefined,
        }),
      )
      if (!dryRun || outcome !== 'created') authorIds.set(author.login, id)
      record({ id, kind: 'author', original, outcome, title })
    } catch (error) {
      record({ kind: 'author', original, outcome: 'refused', reason: messageOf(error), title })
    }
  }

  const articlesField = payload.collections[slugs.articles]?.config.fields.find(
    (field) => 'name' in field && field.name === 'content',
  ) as RichTextField | undefined
  const editorConfig = (articlesField?.editor as { editorConfig?: SanitizedServerEditorConfig } | undefined)
    ?.editorConfig
  if (!editorConfig) throw new Error('the articles content field has no Lexical editor to import HTML into')
  const images = mediaImporter({
    dryRun,
    fetchImages: args.fetchImages ?? true,
    folder: args.media,
    hosts,
    media: options.media as CollectionSlug | undefined,
    payload,
    req: lookupReq,
  })

  // Pass 2: the posts, one transaction each, a few side by side (one waits on the database while
  // another converts its HTML); each post's own steps stay in order.
  let done = 0
  let position = 0
  const running = new Set<Promise<void>>()
  for await (const entry of readWxr(createReadStream(file))) {
    if (entry.kind !== 'item' || entry.item.type === 'attachment') continue
    const item = entry.item
    position += 1
    if (item.type === 'post') {
      done += 1
      args.onProgress?.({ done, total })
    }
    const original = originalUrl.post(site, item.id)
    const title = item.title || `(${item.id})`
    const before = existing.articles.get(original)
    // A comment does not change a post's modified date: the newest of both counts.
    const changedAt = [item.postModifiedGmt, ...item.comments.map((comment) => comment.dateGmt)]
      .map(isoDate)
      .filter((date): date is string => date !== null)
      .sort()
      .at(-1)
    if (args.since && changedAt && new Date(changedAt) < args.since) {
      record(
        { kind: 'article', original, outcome: 'skipped', reason: 'not changed since --since', title },
        position,
      )
      continue
    }
    const regions = item.categories
      .filter((category) => category.domain === 'category')
      .map((category) => ({ category, id: regionIds.get(category.slug) }))
    const author = authorIds.get(item.creator)
    const version = versionOf([
      fingerprint,
      stableItem(item),
      regions.map(({ id }) => id ?? null),
      author ?? null,
    ])
    if (before?.version === version) {
      if (before.published) redirectTo(item, before.slug)
      record({ id: before.id, kind: 'article', original, outcome: 'unchanged', title }, position)
      continue
    }
    const plan = planItem(item)
    if (plan.kind === 'skip') {
      // An imported post that left WordPress (trash) leaves the site too.
      if (before && item.type === 'post') {
        try {
          await inTransaction((req) =>
            save(req, slugs.articles, existing.articles, original, version, { _status: 'draft' }),
          )
          record(
            {
              id: before.id,
              kind: 'article',
              original,
              outcome: 'updated',
              reason: `unpublished: ${plan.reason} in WordPress`,
              title,
            },
            position,
          )
        } catch (error) {
          record({ kind: 'article', original, outcome: 'refused', reason: messageOf(error), title }, position)
        }
      } else record({ kind: 'article', original, outcome: 'skipped', reason: plan.reason, title }, position)
      continue
    }
    const at = position
    const task = (async () => {
      try {
        const result = await importPost(item, plan.publish, { author, regions, version })
        if (plan.draftReason) result.notes.unshift(`imported as a draft: ${plan.draftReason}`)
        record(
          {
            id: result.id,
            kind: 'article',
            notes: result.notes.length ? result.notes : undefined,
            original,
            outcome: result.outcome,
            title,
          },
          at,
        )
      } catch (error) {
        record({ kind: 'article', original, outcome: 'refused', reason: messageOf(error), title }, at)
      }
    })()
    running.add(task)
    void task.finally(() => running.delete(task))
    if (running.size >= POSTS_AT_ONCE) await Promise.race(running)
  }
  await Promise.all(running)
  // Posts finish in any order; the report lists them as the export does.
  report.entries.sort((a, b) => (positions.get(a) ?? -1) - (positions.get(b) ?? -1))
  report.redirects.sort((a, b) => a.from.localeCompare(b.from))

  /** The old permalink of a published article, to its new path. */
  function redirectTo(item: WxrItem, slug: string | undefined) {
    const from = permalinkPath(item.link, site)
    if (!from || !slug) return
    const to = options.routes.article({ slug } as never, locale ?? 'de')
    if (to !== from) report.redirects.push({ from, to })
  }

  async function importPost(
    item: WxrItem,
    publish: boolean,
    resolvedIds: {
      author: number | string | undefined
      regions: { category: WxrItem['categories'][number]; id: number | string | undefined }[]
      version: string
    },
  ) {
    const notes: string[] = []
    const declared = recognizeDeclarations(withoutNul(item.content), declarations)
    const prepared = prepareHtml(declared.html)
    notes.push(...prepared.notes)
    const converted = await convertHtml(prepared.html, editorConfig!)
    notes.push(...converted.notes)
    const resolved = new Map<string, ResolvedImage>()
    for (const src of converted.images) {
      // A relative or protocol-relative source is the site's.
      const url = absoluteUrl(src)
      const image = await images.importImage(attachmentsByUrl.get(url) ?? { alt: '', file: '', url })
      if ('error' in image) notes.push(`image ${src}: ${image.error}, kept as a link`)
      resolved.set(src, 'error' in image ? null : image)
    }
    const content = attachImages(converted.state, options.media, resolved)
    let image: number | string | null = null
    const thumbnail = item.meta._thumbnail_id ? attachments.get(item.meta._thumbnail_id) : undefined
    if (item.meta._thumbnail_id && !thumbnail)
      notes.push(`featured image ${item.meta._thumbnail_id}: not in the export`)
    if (thumbnail && options.media) {
      const imported = await images.importImage(thumbnail)
      if ('error' in imported) notes.push(`featured image ${thumbnail.url}: ${imported.error}`)
      else image = imported.id
    }
    for (const { category, id } of resolvedIds.regions)
      if (id === undefined && !dryRun)
        notes.push(`category ${category.name}: not among the export's categories`)
    const regions = resolvedIds.regions.flatMap(({ id }) => (id === undefined ? [] : [id]))
    const tags = [
      ...new Set(
        item.categories
          .filter((category) => category.domain === 'post_tag')
          .map((tag) => withoutNul(tag.name).trim().slice(0, 100))
          .filter(Boolean),
      ),
    ]
    if (tags.length > 50) notes.push(`${tags.length} tags: the first 50 are kept as keywords`)
    const { author } = resolvedIds
    if (item.creator && author === undefined && !dryRun)
      notes.push(`author ${item.creator}: no byline (not imported or mapped)`)
    const excerpt = plainText(item.excerpt)
    // A published post without its GMT date still has its local one.
    let publishedAt = isoDate(item.postDateGmt)
    if (!publishedAt && isoDate(item.postDate) && item.status === 'publish') {
      publishedAt = isoDate(item.postDate)
      notes.push("the post's GMT date is missing: its local date is taken as GMT")
    }
    let title = withoutNul(item.title).trim()
    if (!title) notes.push('the post has no title: named after its WordPress id')
    if (title.length > MAX_TITLE) {
      title = title.slice(0, MAX_TITLE)
      notes.push(`the title is longer than ${MAX_TITLE} characters and was shortened`)
    }
    const data: Record<string, unknown> = {
      ai: { usage: declared.ai?.usage ?? 'none' },
      allowComments: item.commentStatus !== 'closed',
      authors: author === undefined ? [] : [author],
      content,
      keywords: tags.slice(0, 50),
      publishedAt: publish ? publishedAt : null,
      regions,
      slug: toSlug(decodedSlug(item.postName)) || undefined,
      source: declared.source ?? { kind: 'staff' },
      subtitle: excerpt && excerpt.length <= 500 ? excerpt : null,
      title: title || `WordPress ${item.id}`,
      ...(options.media ? { image } : {}),
      ...(publishedAt ? { createdAt: publishedAt } : {}),
    }
    if (excerpt.length > 500)
      notes.push('the excerpt is longer than a subtitle (500 characters) and was left out')
    const original = originalUrl.post(site, item.id)
    const withComments = async (req: PayloadRequest, asPublished: boolean) => {
      const saved = await save(req, slugs.articles, existing.articles, original, resolvedIds.version, {
        ...data,
        _status: asPublished ? 'published' : 'draft',
      })
      if (slugs.comments) await importComments(req, item, saved.id, notes)
      return saved
    }
    let saved: Awaited<ReturnType<typeof withComments>>
    let published = publish
    try {
      saved = await inTransaction((req) => withComments(req, publish))
    } catch (error) {
      if (!publish) throw error
      published = false
      // The publish gate (a source URL, an advertiser, a review): kept as a draft and reported.
      notes.unshift(`imported as a draft: publishing it was refused (${messageOf(error)})`)
      saved = await inTransaction((req) => withComments(req, false))
    }
    // Only a published article takes over an old address.
    if (published) redirectTo(item, saved.slug)
    if (!dryRun)
      existing.articles.set(original, {
        id: saved.id,
        published,
        slug: saved.slug,
        version: resolvedIds.version,
      })
    return { id: saved.id, notes, outcome: saved.outcome }
  }

  async function importComments(
    req: PayloadRequest,
    item: WxrItem,
    article: number | string,
    notes: string[],
  ) {
    const ids = new Map<string, number | string>()
    const ordered = [...item.comments].sort((a, b) => Number(a.id) - Number(b.id))
    let trackbacks = 0
    for (const comment of ordered) {
      const status = commentStatusOf(comment)
      if (!status) {
        trackbacks += 1
        continue
      }
      const original = originalUrl.comment(site, item.id, comment.id)
      const email = emailOf(comment.authorEmail)
      const url = comment.authorUrl.trim() ? httpUrl(comment.authorUrl) : null
      if (comment.authorUrl.trim() && !url)
        notes.push(`comment ${comment.id}: its website is not an http(s) address and was left out`)
      let body = plainText(comment.content)
      if (body.length > 5000) {
        body = body.slice(0, 5000)
        notes.push(`comment ${comment.id}: shortened to 5,000 characters`)
      }
      if (!body) {
        notes.push(`comment ${comment.id}: empty, left out`)
        continue
      }
      const { id } = await save(
        req,
        slugs.comments!,
        existing.comments,
        original,
        versionOf([comment, article]),
        {
          article,
          authorEmail: email ?? `wordpress-${comment.id}@import.invalid`,
          authorName: withoutNul(comment.author).trim().slice(0, 100) || 'WordPress',
          authorUrl: url,
          body,
          createdAt: isoDate(comment.dateGmt) ?? undefined,
          parent: ids.get(comment.parent) ?? null,
          status,
        },
      )
      if (!email)
        notes.push(`comment ${comment.id}: no valid email, stored as wordpress-${comment.id}@import.invalid`)
      ids.set(comment.id, id)
    }
    if (trackbacks) notes.push(`${trackbacks} trackback(s) or pingback(s) left out`)
  }

  report.finishedAt = new Date().toISOString()
  return report
}
