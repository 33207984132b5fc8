import type { Attribution, NoticeTemplates } from '../attribution/notice.js'
import type {
  NewsroomArticle,
  NewsroomAuthor,
  NewsroomRegion,
  NewsroomRelatedLink,
  NewsroomSponsor,
} from '../documents.js'
import type { ResolvedOptions, SiteOptions } from '../options.js'
import type { Breadcrumb } from '../regions/breadcrumbs.js'
import type { PageFacts } from './pageFacts.js'
import type {
  ArticlePage,
  PageCorrection,
  PageLayout,
  PageRegion,
  PageSponsor,
  RelatedItem,
} from './types.js'

import { type ID, idOf, idsOf } from '../idOf.js'
import { type AdvertisingLabels, disclosureLabelFor, SPONSORED_REL } from '../sponsors/disclosureLabel.js'
import { markLinksSponsored } from './sponsoredLinks.js'
import { articleJsonLd } from './jsonLd.js'
import { articleImage, byID, type PageMedia, toPageSponsor } from './pageParts.js'
import { type CorrectionKind, placementOf, readerOrder } from '../corrections/correctionKinds.js'
import { documentTag, regionListTag, SPONSOR_SLOTS_TAG, uniqueTags } from '../cache/cacheTags.js'

export type { PageMedia }

/** Everything the read step found, with the caller's access: plain documents, no Payload. */
export type ArticlePageReads = {
  article: NewsroomArticle<ID>
  /** The bylines the caller may read, in any order. */
  authors: NewsroomAuthor<ID>[]
  facts: PageFacts
  links: NewsroomRelatedLink<ID>[]
  media: PageMedia[]
  /** The advertiser of paid content, read whatever its campaign window: the article names it. */
  paidBy: NewsroomSponsor<ID> | null
  regions: NewsroomRegion<ID>[]
  sponsors: NewsroomSponsor<ID>[]
  /** Link targets and automatic related articles, published ones only. */
  targets: NewsroomArticle<ID>[]
}

export type ArticlePageSettings = AdvertisingLabels & {
  /** Comments exist in this configuration (the collection is not switched off). */
  commentsExist: boolean
  commentsNotice: string
  locale: string
  /** The media collection's slug, for cache tags. */
  mediaSlug?: string
  relatedLimit: number
  routes: ResolvedOptions['routes']
  site: SiteOptions
  /** The reader's labels of published notes. */
  correctionLabels: Record<CorrectionKind, string>
  /** The reader's templates for the image label. */
  templates: NoticeTemplates
}

/** Curated links first, in their order; then automatic ones up to `limit` in total. */
export const mergeRelated = (
  curated: RelatedItem[],
  automatic: RelatedItem[],
  limit: number,
): RelatedItem[] => [...curated, ...automatic.slice(0, Math.max(0, limit - curated.length))]

/** The article page from what the read step found: pure, so it is tested without a database. */
export const assembleArticlePage = (reads: ArticlePageReads, settings: ArticlePageSettings): ArticlePage => {
  const { article: doc, facts } = reads
  const regionsByID = new Map(reads.regions.map((region) => [String(region.id), region]))
  const regionUrl = (slugs: string[]) =>
    settings.routes.region({ path: slugs.join('/'), slug: slugs.at(-1) ?? '' }, settings.locale)
  const regions: PageRegion[] = idsOf(doc.regions).flatMap((id) => {
    const region = regionsByID.get(String(id))
    if (!region) return []
    const stored = (region.breadcrumbs ?? []) as Breadcrumb[]
    // Each crumb links its own archive: the path of the slugs down to it.
    const breadcrumbs = stored.map((crumb, index) => ({
      ...crumb,
      url: regionUrl(stored.slice(0, index + 1).map((part) => part.slug)),
    }))
    return [
      {
        breadcrumbs,
        id: region.id,
        name: region.name,
        path: region.path ?? '',
        slug: region.slug,
        url: regionUrl((region.path ?? region.slug).split('/')),
      },
    ]
  })
  const paidLabel = disclosureLabelFor(settings.disclosureLabels, settings.locale)
  const targetsByID = new Map(reads.targets.map((target) => [String(target.id), target]))
  const mediaByID = new Map(reads.media.map((media) => [String(media.id), media]))
  const internalItem = (id: ID | null, curated: boolean): RelatedItem[] => {
    const target = id === null ? undefined : targetsByID.get(String(id))
    return target
      ? [
          {
            curated,
            label: target.paidContent ? paidLabel : null,
            publishedAt: target.publishedAt ?? null,
            slug: target.slug,
            title: target.title,
            type: 'internal',
            url: settings.routes.article({ slug: target.slug }, settings.locale),
          },
        ]
      : []
  }
  const curated = reads.links.flatMap((link): RelatedItem[] =>
    link.type === 'external'
      ? [{ curated: true, label: null, title: link.label ?? '', type: 'external', url: link.url ?? '' }]
      : internalItem(idOf(link.target), true),
  )
  const automatic = facts.relatedIDs.flatMap((id) => internalItem(id, false))

  const sponsors: PageSponsor[] = reads.sponsors.map((sponsor) => toPageSponsor(sponsor, mediaByID, settings))

  const attribution = doc.attribution?.required ? (doc.attribution as Attribution) : null
  const primaryRegion = regions[0] ?? null
  const image = articleImage(mediaByID.get(String(idOf(doc.image))), doc, settings.templates)
  // In the article's order; a byline the caller may not read is left out.
  const authorsByID = byID(reads.authors)
  const authors = idsOf(doc.authors).flatMap((id) => {
    const author = authorsByID.get(String(id))
    return author
      ? [
          {
            id: author.id,
            kind: author.kind ?? 'person',
            name: author.name,
            slug: author.slug,
            url: settings.routes.author({ slug: author.slug }, settings.locale),
          },
        ]
      : []
  })
  const paidContent = Boolean(doc.paidContent)
  const corrections: PageCorrection[] = readerOrder(
    // A note written in another locale still shows, with its label and time (a retraction first).
    (doc.corrections ?? []).filter((item) => item?.kind && item.at),
  ).map((item) => ({
    at: item.at!,
    kind: item.kind!,
    label: settings.correctionLabels[item.kind!],
    placement: placementOf(item.kind!),
    text: item.text ?? '',
  }))
  const label = paidContent ? paidLabel : null
  const url = settings.routes.article({ slug: doc.slug }, settings.locale)
  const related = mergeRelated(curated, automatic, settings.relatedLimit)
  const paidBy =
    paidContent && reads.paidBy
      ? { id: reads.paidBy.id, name: reads.paidBy.name, rel: SPONSORED_REL, url: reads.paidBy.url }
      : null

  return {
    article: {
      authors,
      contentModifiedAt: doc.contentModifiedAt ?? null,
      // Every front end gets the paid links marked, not only ones that know the rule.
      content: paidContent ? markLinksSponsored(doc.content ?? null) : (doc.content ?? null),
      dateline: {
        date: doc.dateline?.date ?? null,
        place: doc.dateline?.place ?? null,
        text: doc.dateline?.text ?? null,
      },
      id: doc.id,
      image,
      label,
      paidBy,
      paidContent,
      publishedAt: doc.publishedAt ?? null,
      slug: doc.slug,
      status: doc._status ?? 'published',
      subtitle: doc.subtitle ?? null,
      title: doc.title,
      updatedAt: doc.updatedAt,
    },
    attribution,
    comments: {
      count: facts.approvedComments,
      enabled: Boolean(doc.allowComments) && settings.commentsExist,
      notice: settings.commentsNotice,
    },
    corrections,
    jsonLd: articleJsonLd(
      {
        attribution,
        authors,
        corrections,
        dateline: doc.dateline?.text ?? null,
        image,
        label,
        locale: settings.locale,
        // A typo fix is no update: only a correction or a changed text after publication is.
        modifiedAt: doc.contentModifiedAt ?? doc.publishedAt ?? null,
        paidBy,
        paidContent,
        place: doc.dateline?.place ?? null,
        primaryRegion: primaryRegion?.name ?? null,
        publishedAt: doc.publishedAt ?? null,
        subtitle: doc.subtitle ?? null,
        title: doc.title,
        url,
        wordCount: Number(doc.layout?.wordCount ?? 0),
      },
      settings.site,
    ),
    // Paid content says so first (§ 22 MStV, Pressekodex Ziffer 7); otherwise the primary region.
    kicker: label ? { label, paid: true } : primaryRegion ? { label: primaryRegion.name, paid: false } : null,
    layout: doc.layout as PageLayout,
    primaryRegion,
    regions,
    related,
    sponsors,
    url,
    cache: {
      revalidateAt: facts.nextChange,
      tags: pageTags(reads, settings, { authors, regions, related, sponsors }),
    },
  }
}

/**
 * Every document the page shows, and the ones whose change could make it show more: its regions
 * and their ancestors (a sponsor targeted there), the lists of its regions (a new related
 * article), the sponsors it chose, and the slots of untargeted sponsors. Only documents the caller could read: a tag never names a draft. (A draft
 * link target that is published later names the linking article itself; see cache/invalidation.)
 */
const pageTags = (
  reads: ArticlePageReads,
  settings: ArticlePageSettings,
  shown: Pick<ArticlePage, 'regions' | 'related' | 'sponsors'> & { authors: { id: ID }[] },
): string[] => {
  const { article: doc } = reads
  const media = settings.mediaSlug
  const shownTargets = new Set(shown.related.flatMap((item) => (item.slug ? [item.slug] : [])))
  return uniqueTags([
    documentTag('articles', doc.id),
    // Its regions and their ancestors by the parent chain (breadcrumbs are per locale and may lag).
    ...reads.facts.regionLine.map((id) => documentTag('regions', id)),
    ...shown.regions.map((region) => documentTag('regions', region.id)),
    // Automatic related articles share one of its regions: a publication there may join them.
    ...shown.regions.map((region) => regionListTag(region.id)),
    ...shown.authors.map((author) => documentTag('authors', author.id)),
    ...shown.sponsors.map((sponsor) => documentTag('sponsors', sponsor.id)),
    ...idsOf(doc.sponsors).map((id) => documentTag('sponsors', id)),
    ...(reads.paidBy ? [documentTag('sponsors', reads.paidBy.id)] : []),
    SPONSOR_SLOTS_TAG,
    ...reads.links.map((link) => documentTag('relatedLinks', link.id)),
    ...reads.targets
      .filter((target) => shownTargets.has(target.slug))
      .map((target) => documentTag('articles', target.id)),
    ...(media ? reads.media.map((item) => documentTag(media, item.id)) : []),
  ])
}
