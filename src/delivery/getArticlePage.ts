import type { CollectionSlug, Payload, PayloadRequest, Where } from 'payload'

import { Forbidden } from 'payload'

import type { Attribution } from '../attribution/notice.js'
import type { ResolvedOptions } from '../options.js'
import type { Breadcrumb } from '../regions/breadcrumbs.js'
import type { ArticlePage, PageImage, PageRegion, PageSponsor, RelatedItem } from './types.js'

import { disclosureLabelFor } from '../hooks/sponsorLabel.js'
import { DEFAULT_READER_LOCALE } from '../i18n/readerTexts.js'
import { articleJsonLd } from './jsonLd.js'
import { newsroomOptions } from './pluginOptions.js'
import { findAutomaticRelated, mergeRelated } from './related.js'
import { type ID, idOf } from '../relationships/idOf.js'

export type GetArticlePageArgs = {
  /** Editors only: the latest draft instead of the published article. */
  draft?: boolean
  locale?: string
  /** The moment sponsors are selected for; defaults to now. */
  now?: Date
  payload: Payload
  slug: string
  /** The reader; anonymous when absent. Every read applies this user's access. */
  user?: null | PayloadRequest['user']
}

type Doc = Record<string, any> & { id: number | string }

const idsOf = (value: unknown): ID[] =>
  Array.isArray(value) ? value.map(idOf).filter((id): id is ID => id !== null) : []

/**
 * `payload.find` for collections chosen at run time: a host's generated types narrow each
 * collection's arguments, which code that works for any configured slug cannot name.
 */
const findDocs = async (payload: Payload, args: Record<string, unknown>): Promise<Doc[]> =>
  (await payload.find(args as unknown as Parameters<Payload['find']>[0])).docs as unknown as Doc[]

const toImage = (doc: Doc | undefined): null | PageImage =>
  doc?.url
    ? { alt: doc.alt ?? null, height: doc.height ?? null, url: doc.url, width: doc.width ?? null }
    : null

/** Sponsors active at `now`, untargeted, targeted at one of `regionIDs`, or chosen for the article. */
const sponsorWhere = (now: Date, regionIDs: ID[], chosenIDs: ID[]): Where => {
  const at = now.toISOString()
  return {
    and: [
      { active: { equals: true } },
      { or: [{ activeFrom: { exists: false } }, { activeFrom: { less_than_equal: at } }] },
      { or: [{ activeUntil: { exists: false } }, { activeUntil: { greater_than: at } }] },
      { or: [{ regions: { exists: false } }, { regions: { in: regionIDs } }, { id: { in: chosenIDs } }] },
    ],
  }
}

/**
 * One article page with everything a front end renders, in a fixed number of queries whatever
 * the number of regions, sponsors and links: each kind of thing is read once with `in`, and
 * independent reads run concurrently. Every read applies the caller's access
 * (`overrideAccess: false`), so anonymous callers never see drafts. Returns null when there is
 * no such article for this caller.
 */
export const getArticlePage = async ({
  draft = false,
  locale,
  now = new Date(),
  payload,
  slug,
  user = null,
}: GetArticlePageArgs): Promise<ArticlePage | null> => {
  const options = newsroomOptions(payload)
  if (draft && !options.isEditor({ payload, user } as PayloadRequest)) throw new Forbidden()
  const { articles, comments, regions, relatedLinks, sponsors } = options.collections
  const localization = payload.config.localization
  const readerLocale = locale ?? (localization ? localization.defaultLocale : DEFAULT_READER_LOCALE)
  // disableErrors: a collection the caller may not read (say, a private media library) yields nothing.
  // Every read here is bounded by a list of known ids, so it needs no page size (and no count query).
  const readAs = {
    depth: 0,
    disableErrors: true,
    locale: readerLocale,
    overrideAccess: false,
    pagination: false,
    user,
  } as const

  const [doc] = await findDocs(payload, {
    ...readAs,
    collection: articles.slug,
    draft,
    joins: false,
    limit: 1,
    where: { slug: { equals: slug } },
  })
  if (!doc) return null

  const regionIDs = idsOf(doc.regions)
  const authorIDs = idsOf(doc.authors)
  const chosenSponsorIDs = idsOf(doc.sponsors)
  const usersHaveNames = payload.collections[options.users]?.config.flattenedFields.some(
    (field) => field.name === 'name',
  )

  // Four rounds of concurrent reads, each needing the one before: the article; its regions,
  // links, authors and the automatic related list; sponsors (which need the regions' ancestors)
  // and related titles; images. `select` keeps each read to the fields the page shows.
  const [regionDocs, linkDocs, authorDocs, { approvedComments, ids: automaticIDs }] = await Promise.all([
    findDocs(payload, {
      ...readAs,
      collection: regions.slug,
      select: { breadcrumbs: true, name: true, path: true, slug: true },
      where: { id: { in: regionIDs } },
    }),
    findDocs(payload, {
      ...readAs,
      collection: relatedLinks.slug,
      select: { label: true, order: true, target: true, type: true, url: true },
      sort: 'order',
      where: { article: { equals: doc.id } },
    }),
    // Author names are public on the page; nothing else of the editors' accounts is read.
    usersHaveNames
      ? findDocs(payload, {
          collection: options.users,
          depth: 0,
          overrideAccess: true,
          pagination: false,
          select: { name: true },
          where: { id: { in: authorIDs } },
        })
      : Promise.resolve([] as Doc[]),
    findAutomaticRelated(payload, {
      articleID: doc.id,
      articlesSlug: articles.slug,
      commentsSlug:
        comments && payload.collections[comments.slug as CollectionSlug] ? comments.slug : undefined,
      // Curated links whose target is unpublished drop out, so ask for the full limit.
      limit: options.related.limit,
      maxAgeDays: options.related.maxAgeDays,
      publishedAt: doc.publishedAt ? new Date(doc.publishedAt) : now,
      regionIDs,
      regionsSlug: regions.slug,
      relatedLinksSlug: relatedLinks.slug,
    }),
  ])

  const regionsByID = new Map(regionDocs.map((region) => [String(region.id), region]))
  const pageRegions: PageRegion[] = regionIDs.flatMap((id) => {
    const region = regionsByID.get(String(id))
    return region
      ? [
          {
            breadcrumbs: (region.breadcrumbs ?? []) as Breadcrumb[],
            id: region.id,
            name: region.name,
            path: region.path,
            slug: region.slug,
          },
        ]
      : []
  })
  // A sponsor targeted at Asien shows on an article about China: targets include every ancestor.
  const targetRegionIDs = [
    ...new Set(pageRegions.flatMap((region) => region.breadcrumbs.map((crumb) => crumb.id))),
  ].filter((id): id is ID => id !== null)
  const curatedTargetIDs = linkDocs
    .filter((link) => link.type === 'internal')
    .map((link) => idOf(link.target))
    .filter((id): id is ID => id !== null)

  const [sponsorDocs, targetDocs] = await Promise.all([
    findDocs(payload, {
      ...readAs,
      collection: sponsors.slug,
      select: {
        disclosureLabel: true,
        logo: true,
        name: true,
        placement: true,
        priority: true,
        rel: true,
        url: true,
      },
      sort: ['-priority', 'name'],
      where: sponsorWhere(now, targetRegionIDs, chosenSponsorIDs),
    }),
    findDocs(payload, {
      ...readAs,
      collection: articles.slug,
      select: { publishedAt: true, slug: true, title: true },
      where: {
        and: [{ id: { in: [...curatedTargetIDs, ...automaticIDs] } }, { _status: { equals: 'published' } }],
      },
    }),
  ])

  const imageIDs = [idOf(doc.image), ...sponsorDocs.map((sponsor) => idOf(sponsor.logo))].filter(
    (id): id is ID => id !== null,
  )
  const mediaDocs = options.media
    ? await findDocs(payload, { ...readAs, collection: options.media, where: { id: { in: imageIDs } } })
    : []

  const targetsByID = new Map(targetDocs.map((target) => [String(target.id), target]))
  const mediaByID = new Map(mediaDocs.map((media) => [String(media.id), media]))
  const internalItem = (id: ID, curated: boolean): RelatedItem[] => {
    const target = targetsByID.get(String(id))
    return target
      ? [
          {
            curated,
            publishedAt: target.publishedAt ?? null,
            slug: target.slug,
            title: target.title,
            type: 'internal',
          },
        ]
      : []
  }
  const curated: RelatedItem[] = linkDocs.flatMap((link): RelatedItem[] =>
    link.type === 'external'
      ? [{ curated: true, title: link.label, type: 'external', url: link.url }]
      : internalItem(idOf(link.target) as ID, true),
  )
  const automatic = automaticIDs.flatMap((id) => internalItem(id, false))

  const pageSponsors: PageSponsor[] = sponsorDocs.map((sponsor) => ({
    disclosureLabel:
      sponsor.disclosureLabel || disclosureLabelFor(options.sponsors.disclosureLabels, readerLocale),
    id: sponsor.id,
    logo: toImage(mediaByID.get(String(idOf(sponsor.logo)))),
    name: sponsor.name,
    placement: sponsor.placement,
    priority: Number(sponsor.priority ?? 0),
    rel: sponsor.rel,
    url: sponsor.url,
  }))

  const attribution: Attribution | null = doc.attribution?.required ? doc.attribution : null
  const primaryRegion = pageRegions[0] ?? null
  const image = toImage(mediaByID.get(String(idOf(doc.image))))
  const authors = authorDocs
    .filter((author) => author.name)
    .map((author) => ({ id: author.id, name: String(author.name) }))
  const paidContent = Boolean(doc.paidContent)

  return {
    article: {
      authors,
      content: doc.content ?? null,
      dateline: {
        date: doc.dateline?.date ?? null,
        place: doc.dateline?.place ?? null,
        text: doc.dateline?.text ?? null,
      },
      id: doc.id,
      image,
      paidContent,
      publishedAt: doc.publishedAt ?? null,
      slug: doc.slug,
      status: doc._status,
      subtitle: doc.subtitle ?? null,
      title: doc.title,
      updatedAt: doc.updatedAt,
    },
    attribution,
    comments: {
      count: approvedComments,
      enabled:
        Boolean(doc.allowComments) &&
        comments !== false &&
        Boolean(payload.collections[comments.slug as CollectionSlug]),
      notice: options.readerTextsFor(readerLocale).commentsNotice,
    },
    jsonLd: articleJsonLd(
      {
        attribution,
        authors,
        dateline: doc.dateline?.text ?? null,
        imageUrl: image?.url ?? null,
        locale: readerLocale,
        modifiedAt: doc.updatedAt,
        paidContent,
        place: primaryRegion?.name ?? doc.dateline?.place ?? null,
        publishedAt: doc.publishedAt ?? null,
        slug: doc.slug,
        subtitle: doc.subtitle ?? null,
        title: doc.title,
        wordCount: Number(doc.layout?.wordCount ?? 0),
      },
      options.site,
    ),
    // Paid content says so first (§ 22 MStV, Pressekodex Ziffer 7); otherwise the primary region.
    kicker: paidContent
      ? { label: disclosureLabelFor(options.sponsors.disclosureLabels, readerLocale), paid: true }
      : primaryRegion
        ? { label: primaryRegion.name, paid: false }
        : null,
    layout: doc.layout,
    primaryRegion,
    regions: pageRegions,
    related: mergeRelated(curated, automatic, options.related.limit),
    sponsors: pageSponsors,
  }
}
