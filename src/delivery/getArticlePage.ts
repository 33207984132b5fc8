import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { createLocalReq, Forbidden } from 'payload'

import type {
  NewsroomArticle,
  NewsroomAuthor,
  NewsroomRegion,
  NewsroomRelatedLink,
  NewsroomSponsor,
} from '../documents.js'
import type { ArticlePage } from './types.js'

import { type ID, idOf, idsOf } from '../idOf.js'
import { assembleArticlePage, type PageMedia } from './assembleArticlePage.js'
import { accessRequestOf, directReadOf, mayLeaveOutFields } from './directReads.js'
import { type FactsArticle, findPageFacts, type PageFacts } from './pageFacts.js'
import { isPublished } from '../savedData.js'
import { PAGE_SPONSOR_SELECT } from './pageParts.js'
import { newsroomOptions } from './pluginOptions.js'
import { type Doc, findDocs, readerReads } from './readerReads.js'

/** The article's fields no part of the page uses, left out of its read (`select`). */
const ARTICLE_FIELDS_NOT_SHOWN = { generateSlug: false, importedFrom: false, keywords: false } as const
/** What the page shows of its regions and authors. */
const REGION_FIELDS = ['breadcrumbs', 'name', 'path', 'slug'] as const
const AUTHOR_FIELDS = ['kind', 'name', 'slug'] as const
/** What the page shows of a curated link; `createdAt` orders links of the same `order`. */
const LINK_FIELDS = ['createdAt', 'label', 'order', 'target', 'type', 'url', 'articlePublished'] as const
/** What the page shows of a link target or related article, and whether it may show. */
const TARGET_FIELDS = ['_status', 'paidContent', 'publishedAt', 'retractedAt', 'slug', 'title'] as const
/**
 * What a page shows of a sponsor, and `createdAt`, the last key of their order. Sponsors have a
 * `logo` only with the `media` option; a field list naming a missing field gets no direct read.
 */
const sponsorFields = (hasLogo: boolean): string[] => [
  ...Object.keys(PAGE_SPONSOR_SELECT).filter((field) => hasLogo || field !== 'logo'),
  'createdAt',
]

/** A Local API `select` of these fields. */
const selectOf = (fields: readonly string[]) => Object.fromEntries(fields.map((field) => [field, true]))

export type GetArticlePageArgs = {
  /** Editors only: the latest draft instead of the published article. */
  draft?: boolean
  locale?: string
  /** The moment sponsors are selected for; defaults to now. */
  now?: Date
  payload: Payload
  /** The caller's request, when there is one: `isEditor` sees its headers and user. */
  req?: PayloadRequest
  slug: string
  /** The reader; anonymous when absent. Every read applies this user's access. */
  user?: null | PayloadRequest['user']
}

/**
 * One article page with everything a front end renders, in a fixed number of statements whatever
 * the number of regions, sponsors and links (at most 9, 4 when the facts statement reads the small
 * documents itself; 2 more for a host whose fields let two articles share a slug): one statement
 * finds the ids the page needs (see pageFacts), then the article, then each other kind of
 * document is read once by id, concurrently. Every document read
 * applies the caller's access (`overrideAccess: false`), so anonymous callers never see drafts.
 * Returns null when there is no such article for this caller.
 */
export const getArticlePage = async ({
  draft = false,
  locale,
  now = new Date(),
  payload,
  req,
  slug,
  user = req?.user ?? null,
}: GetArticlePageArgs): Promise<ArticlePage | null> => {
  const options = newsroomOptions(payload)
  if (draft && !options.isEditor(req ?? (await createLocalReq({ user: user ?? undefined }, payload))))
    throw new Forbidden()
  const { articles, authors, comments, regions, relatedLinks, sponsors } = options.collections
  const shownSponsorFields = sponsorFields(Boolean(options.media))
  const { locale: readerLocale, readAs } = await readerReads(payload, { locale, req, user })
  // A draft is read on the primary when the host has read replicas: the preview shows what was
  // saved. A read of no ids (a page without authors, images or links) is no statement.
  const readDocs = async (args: Record<string, unknown>): Promise<Doc[]> => {
    const ids = (args.where as { id?: { in?: unknown[] } } | undefined)?.id?.in
    return ids?.length === 0 ? [] : findDocs(payload, args, { primary: draft })
  }

  // The article, with the caller's access. By `id`: of several with one slug, the row the facts
  // statement takes, and a sort that spares Payload the field permissions any other one costs.
  const readArticle = (where: Record<string, unknown>) =>
    readDocs({
      ...readAs,
      collection: articles.slug,
      draft,
      joins: false,
      limit: 1,
      sort: 'id',
      // Fields the page never shows cost their reads (keywords are a table of their own), unless a
      // host's read hook might use them.
      ...(mayLeaveOutFields(payload, articles.slug) && { select: { ...ARTICLE_FIELDS_NOT_SHOWN } }),
      where,
    })
  const bySlug = { slug: { equals: slug } }
  // A draft is found by the slug of its latest version; the published page starts with its facts.
  const draftRead = draft ? readArticle(bySlug) : null
  draftRead?.catch(() => undefined)
  // Regions, authors, links, link targets and related titles: read by the facts statement itself
  // when that gives the caller what the Local API would (see directReads), else through it below.
  const accessReq = await accessRequestOf(payload, readAs)
  const directOf = async (slug: string, fields: readonly string[]) =>
    (await directReadOf(payload, slug, fields, accessReq)) ?? undefined
  const [authorsDirect, linksDirect, regionsDirect, sponsorsDirect, targetsDirect] = await Promise.all([
    directOf(authors.slug, AUTHOR_FIELDS),
    directOf(relatedLinks.slug, LINK_FIELDS),
    directOf(regions.slug, REGION_FIELDS),
    directOf(sponsors.slug, shownSponsorFields),
    directOf(articles.slug, TARGET_FIELDS),
  ])
  const direct = {
    authors: authorsDirect,
    links: linksDirect,
    regions: regionsDirect,
    sponsors: sponsorsDirect,
    targets: targetsDirect,
  }
  const findFacts = (article: FactsArticle) =>
    findPageFacts(payload, {
      article,
      articlesSlug: articles.slug,
      authorsSlug: authors.slug,
      direct,
      commentsSlug:
        comments && payload.collections[comments.slug as CollectionSlug] ? comments.slug : undefined,
      hasLogo: Boolean(options.media),
      // Curated links whose target is unpublished drop out, so ask for the full limit.
      limit: options.related.limit,
      maxAgeDays: options.related.maxAgeDays,
      now,
      regionsSlug: regions.slug,
      relatedLinksSlug: relatedLinks.slug,
      sponsorsSlug: sponsors.slug,
    })

  // The page's facts (related articles, sponsors, curated links: ids from one statement that
  // finds the stored article by its slug, with the documents it may read itself) come first: the
  // article is then read by the id they name, which Payload reads for less than a slug (see
  // findDocs). Then the rest is read by id, side by side, `select` keeping each read to the
  // fields shown.
  const storedFacts = draft ? null : findFacts({ slug })
  const publishedRead = async () => {
    const { articleID } = (await storedFacts)!
    if (articleID === null) return []
    const found = await readArticle({ id: { in: [articleID] } })
    // A row this caller may not read (a draft; or, where a host's fields drop the slug's unique
    // index, one of several with the slug) leaves the choice to the slug, as the Local API makes it.
    return found.length ? found : readArticle(bySlug)
  }
  const [doc] = await (draftRead ?? publishedRead())
  if (!doc) return null

  const regionIDs = idsOf(doc.regions)
  const authorIDs = idsOf(doc.authors)
  // A draft's regions and sponsors may differ from the stored row's: its facts come from its own values.
  const factsOfDoc = async (): Promise<PageFacts> => {
    const stored = await storedFacts
    return stored && String(stored.articleID) === String(doc.id)
      ? stored
      : findFacts({
          authorIDs,
          chosenSponsorIDs: idsOf(doc.sponsors),
          id: doc.id,
          publishedAt: doc.publishedAt ? new Date(doc.publishedAt) : null,
          regionIDs,
        })
  }
  const readsOfFacts = async (facts: PageFacts) => {
    const imageIDs = [idOf(doc.image), ...facts.sponsors.map((sponsor) => sponsor.logo)].filter(
      (id): id is ID => id !== null,
    )
    const targetIDs = facts.links.map((link) => link.target).filter((id): id is ID => id !== null)
    const paidByID = doc.paidContent ? idOf(doc.paidBy) : null
    const [linkDocs, sponsorDocs, targetDocs, mediaDocs, paidByDocs] = await Promise.all([
      (facts.linkDocs as Doc[] | undefined) ??
        readDocs({
          ...readAs,
          collection: relatedLinks.slug,
          select: selectOf(LINK_FIELDS),
          // Ties broken as the direct read breaks them (pageFacts), so both give one order.
          sort: ['order', '-createdAt', '-id'],
          where: { id: { in: facts.links.map((link) => link.id) } },
        }),
      (facts.sponsorDocs as Doc[] | undefined) ??
        readDocs({
          ...readAs,
          collection: sponsors.slug,
          select: selectOf(shownSponsorFields),
          // Ties broken as the direct read breaks them (pageFacts), so both give one order.
          sort: ['-priority', 'name', '-createdAt', '-id'],
          where: { id: { in: facts.sponsors.map((sponsor) => sponsor.id) } },
        }),
      // Unpublished targets drop out; filtered here rather than in `where`, which keeps the read by id.
      // Retracted ones too: a withdrawn article keeps its address, but no link leads to it.
      (facts.targetDocs
        ? Promise.resolve(facts.targetDocs as Doc[])
        : readDocs({
            ...readAs,
            collection: articles.slug,
            select: selectOf(TARGET_FIELDS),
            // Looked up by id, so any order; `id` is the cheap one (see the article's read).
            sort: 'id',
            where: { id: { in: [...new Set([...targetIDs, ...facts.relatedIDs])] } },
          })
      ).then((docs) => docs.filter((target) => isPublished(target) && !target.retractedAt)),
      options.media
        ? readDocs({ ...readAs, collection: options.media, where: { id: { in: imageIDs } } })
        : Promise.resolve([] as Doc[]),
      // Read whatever its campaign window: a published paid article names its advertiser for good,
      // so only the name and the link are read, and only for an article the caller may read.
      paidByID === null
        ? Promise.resolve([] as Doc[])
        : readDocs({
            ...readAs,
            collection: sponsors.slug,
            overrideAccess: true,
            select: { name: true, url: true },
            where: { id: { equals: paidByID } },
          }),
    ])
    return { facts, linkDocs, mediaDocs, paidBy: paidByDocs[0] ?? null, sponsorDocs, targetDocs }
  }

  // The statement saw the article's row apart from its read: its regions and authors are taken
  // when they are exactly the read's (a save in between, or access that hides one, reads again).
  const ownDocs = async (
    stated: Promise<Doc[] | undefined>,
    ids: ID[],
    collection: string,
    fields: readonly string[],
  ): Promise<Doc[]> => {
    const docs = await stated
    const exact =
      docs &&
      docs.length === new Set(ids.map(String)).size &&
      ids.every((id) => docs.some((found) => String(found.id) === String(id)))
    return exact
      ? docs
      : readDocs({
          ...readAs,
          collection,
          select: selectOf(fields),
          where: { id: { in: ids } },
        })
  }
  const pageFacts = factsOfDoc()
  const [regionDocs, authorDocs, { facts, linkDocs, mediaDocs, paidBy, sponsorDocs, targetDocs }] =
    await Promise.all([
      ownDocs(
        pageFacts.then((facts) => facts.regionDocs as Doc[] | undefined),
        regionIDs,
        regions.slug,
        REGION_FIELDS,
      ),
      ownDocs(
        pageFacts.then((facts) => facts.authorDocs as Doc[] | undefined),
        authorIDs,
        authors.slug,
        AUTHOR_FIELDS,
      ),
      pageFacts.then(readsOfFacts),
    ])

  return assembleArticlePage(
    {
      article: doc as unknown as NewsroomArticle<ID>,
      authors: authorDocs as unknown as NewsroomAuthor<ID>[],
      facts,
      links: linkDocs as unknown as NewsroomRelatedLink<ID>[],
      media: mediaDocs as unknown as PageMedia[],
      paidBy: paidBy as unknown as NewsroomSponsor<ID> | null,
      regions: regionDocs as unknown as NewsroomRegion<ID>[],
      sponsors: sponsorDocs as unknown as NewsroomSponsor<ID>[],
      targets: targetDocs as unknown as NewsroomArticle<ID>[],
    },
    {
      commentsExist: comments !== false && Boolean(payload.collections[comments.slug as CollectionSlug]),
      commentsNotice: options.readerTextsFor(readerLocale).commentsNotice,
      correctionLabels: options.readerTextsFor(readerLocale).correctionLabels,
      ...options.sponsors,
      locale: readerLocale,
      mediaSlug: options.media,
      relatedLimit: options.related.limit,
      routes: options.routes,
      site: options.site,
      templates: options.readerTextsFor(readerLocale).templates,
    },
  )
}
