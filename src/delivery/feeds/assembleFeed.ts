import type { NoticeTemplates } from '../../attribution/notice.js'
import type { CorrectionKind } from '../../corrections/correctionKinds.js'
import type { NewsroomArticle, NewsroomAuthor, NewsroomRegion } from '../../documents.js'
import type { ResolvedOptions, SiteOptions } from '../../options.js'
import type { ImageAiLabel } from '../../attribution/imageAi.js'
import type { CacheHints } from '../archives/types.js'
import type { ListedArticle } from '../archives/archiveFacts.js'

import { imageAiFor } from '../../attribution/imageAi.js'
import { attributionFor } from '../../attribution/notice.js'
import {
  ARTICLE_LIST_TAG,
  authorListTag,
  documentTag,
  FEED_TAG,
  regionListTag,
  uniqueTags,
} from '../../cache/cacheTags.js'
import { placementOf, readerOrder } from '../../corrections/correctionKinds.js'
import { type ID, idOf, idsOf } from '../../idOf.js'
import { type AdvertisingLabels, disclosureLabelFor } from '../../sponsors/disclosureLabel.js'
import { byID } from '../pageParts.js'
import { markLinksSponsored } from '../sponsoredLinks.js'
import {
  contentToHtml,
  type ContentHtmlSettings,
  escapeHtml,
  type FeedMedia,
  noticeToHtml,
} from './contentHtml.js'

export const feedFormats = ['rss', 'atom', 'json'] as const
export type FeedFormat = (typeof feedFormats)[number]

export type FeedImage = {
  ai: ImageAiLabel | null
  alt: null | string
  height: null | number
  /** Bytes, for an RSS enclosure (0 when unknown). */
  length: number
  mimeType: null | string
  url: string
  width: null | number
}

/** One article as every feed format carries it. */
export type FeedItem = {
  authors: { name: string; url: string }[]
  /** The article's regions: name, archive URL and path. */
  categories: { name: string; path: string; url: string }[]
  /** The notice at its placement, the notes, the lead image and the body, as HTML. */
  contentHtml: string
  /** A `tag:` URI of the article's id: the same for every version, a correction mints none. */
  guid: string
  id: number | string
  image: FeedImage | null
  /** The disclosure label of paid content, also at the head of `title`; else null. */
  label: null | string
  /** The last change a reader sees (`contentModifiedAt`), else the publication. */
  modifiedAt: string
  publishedAt: string
  summary: null | string
  title: string
  url: string
}

/** A feed before it is written in one format. */
export type FeedDocument = {
  description: string
  /** This feed in each format, absolute. */
  feedUrls: Record<FeedFormat, string>
  homeUrl: string
  items: FeedItem[]
  /** The publication's logo (`site.logoUrl`), absolute, else null. */
  logoUrl: null | string
  /** The publication's name (`site.name`, else the site's host). */
  publisher: string
  language: string
  title: string
  /** The newest change among the items, else null. */
  updatedAt: null | string
}

/** Whose feed it is: the site, a region (with its descendants) or an author. */
export type FeedOwner =
  | { kind: 'author'; author: NewsroomAuthor<ID> }
  | { kind: 'region'; region: NewsroomRegion<ID> }
  | { kind: 'site' }

/** What the read step found with the caller's access. */
export type FeedReads = {
  /** The listed articles the caller may read, in any order. */
  articles: NewsroomArticle<ID>[]
  authors: NewsroomAuthor<ID>[]
  listed: ListedArticle[]
  /** Lead images and images in the content. */
  media: FeedMedia[]
  owner: FeedOwner
  regions: NewsroomRegion<ID>[]
  /** Published articles that internal links in the content point to. */
  targets: Pick<NewsroomArticle<ID>, 'id' | 'slug'>[]
}

export type FeedSettings = AdvertisingLabels & {
  /** The articles collection's slug: internal links to it have a public page. */
  articlesSlug: string
  /** This feed's own URL in a format (with its query), absolute. */
  feedUrlOf: (format: FeedFormat) => string
  converters?: ContentHtmlSettings['converters']
  correctionLabels: Record<CorrectionKind, string>
  locale: string
  mediaSlug?: string
  routes: ResolvedOptions['routes']
  site: SiteOptions & { url: string }
  templates: NoticeTemplates
}

const absoluteOn =
  (site: { url: string }) =>
  (path: string): string =>
    /^https?:\/\//i.test(path) ? path : `${site.url}${path.startsWith('/') ? '' : '/'}${path}`

/** `tag:news.example,2026-04-26:articles/42` (RFC 4151): the site's host, the day the article was created, its id. */
export const articleGuid = (siteUrl: string, createdAt: string, id: ID): string =>
  `tag:${new URL(siteUrl).hostname},${createdAt.slice(0, 10)}:articles/${id}`

const noteDate = (at: string, locale: string): string => {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(at))
  } catch {
    return at.slice(0, 10)
  }
}

/** The feed from what the read step found: pure, so it is tested without a database. */
export const assembleFeed = (
  reads: FeedReads,
  settings: FeedSettings,
): { cache: CacheHints; feed: FeedDocument } => {
  const absolute = absoluteOn(settings.site)
  const articles = byID(reads.articles)
  const regions = byID(reads.regions)
  const authors = byID(reads.authors)
  const media = new Map(reads.media.map((item) => [String(item.id), item]))
  const targets = byID(reads.targets as { id: ID; slug: string }[])
  const paidLabel = disclosureLabelFor(settings.disclosureLabels, settings.locale)
  const regionUrl = (region: NewsroomRegion<ID>) =>
    absolute(settings.routes.region({ path: region.path ?? region.slug, slug: region.slug }, settings.locale))
  const contentSettings: ContentHtmlSettings = {
    absolute,
    mediaSlug: settings.mediaSlug,
    converters: settings.converters,
    media,
    // Only articles have a public page the plugin knows; a link to a draft stays text.
    targetUrl: (relationTo, value) => {
      const target = targets.get(String(idOf(value)))
      return relationTo !== settings.articlesSlug || !target
        ? undefined
        : absolute(settings.routes.article({ slug: target.slug }, settings.locale))
    },
  }

  const items = reads.listed.flatMap((listed): FeedItem[] => {
    const doc = articles.get(String(listed.id))
    // Not readable for this caller, or untitled in this locale (localization without fallback).
    if (!doc?.title) return []
    const label = doc.paidContent ? paidLabel : null
    const imageDoc = media.get(String(idOf(doc.image)))
    const image: FeedImage | null = imageDoc?.url
      ? {
          ai: imageAiFor(doc.imageAi?.usage ?? 'none', settings.templates),
          alt: imageDoc.alt ?? null,
          height: imageDoc.height ?? null,
          length: Number(imageDoc.filesize ?? 0),
          mimeType: imageDoc.mimeType ?? null,
          url: absolute(imageDoc.url),
          width: imageDoc.width ?? null,
        }
      : null
    // Rendered for the feed's locale from the stored facts, as the page's read hook renders it for its own.
    const rendered = attributionFor(
      { ai: doc.ai, source: doc.source },
      settings.templates,
      settings.site.editorialContact,
    )
    const attribution = rendered.required ? rendered : null
    const notice = attribution?.segments?.length ? noticeToHtml(attribution.segments, absolute) : ''
    const notes = readerOrder((doc.corrections ?? []).filter((note) => note?.kind && note.at)).map(
      (note) => ({
        html: `<p class="newsroom-correction"><strong>${escapeHtml(settings.correctionLabels[note.kind!])} (<time datetime="${note.at}">${escapeHtml(noteDate(note.at!, settings.locale))}</time>):</strong> ${escapeHtml(note.text ?? '')}</p>`,
        placement: placementOf(note.kind!),
      }),
    )
    const figure = image
      ? `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt ?? '')}"${image.width ? ` width="${image.width}"` : ''}${image.height ? ` height="${image.height}"` : ''} />${image.ai ? `<figcaption>${escapeHtml(image.ai.label)}</figcaption>` : ''}</figure>`
      : ''
    const contentHtml = [
      // Art. 50(5): the notice at first exposure when it stands on top, as on the page.
      attribution?.placement === 'top' ? notice : '',
      ...notes.filter((note) => note.placement === 'top').map((note) => note.html),
      figure,
      // Links in paid content are paid links, as on the page.
      contentToHtml(doc.paidContent ? markLinksSponsored(doc.content) : doc.content, contentSettings),
      attribution?.placement === 'top' ? '' : notice,
      ...notes.filter((note) => note.placement !== 'top').map((note) => note.html),
    ].join('')
    const categories = idsOf(doc.regions).flatMap((id) => {
      const region = regions.get(String(id))
      if (!region) return []
      return [{ name: region.name, path: region.path ?? region.slug, url: regionUrl(region) }]
    })
    const bylines = idsOf(doc.authors).flatMap((id) => {
      const author = authors.get(String(id))
      if (!author) return []
      return [
        { name: author.name, url: absolute(settings.routes.author({ slug: author.slug }, settings.locale)) },
      ]
    })
    const publishedAt = doc.publishedAt ?? listed.publishedAt
    return [
      {
        authors: bylines,
        categories,
        contentHtml,
        guid: articleGuid(settings.site.url, doc.createdAt ?? listed.createdAt, doc.id),
        id: doc.id,
        image,
        label,
        modifiedAt: doc.contentModifiedAt ?? publishedAt,
        publishedAt,
        summary: doc.subtitle ?? null,
        // § 22 MStV: paid content says so wherever its title stands.
        title: label ? `${label}: ${doc.title}` : doc.title,
        url: absolute(settings.routes.article({ slug: doc.slug }, settings.locale)),
      },
    ]
  })

  const siteName = settings.site.name ?? new URL(settings.site.url).hostname
  const { owner } = reads
  const [title, homeUrl, ownTags] =
    owner.kind === 'region'
      ? [
          `${siteName}: ${owner.region.name}`,
          regionUrl(owner.region),
          // The region's list: a region moved into it brings its articles.
          [documentTag('regions', owner.region.id), regionListTag(owner.region.id)],
        ]
      : owner.kind === 'author'
        ? [
            `${siteName}: ${owner.author.name}`,
            absolute(settings.routes.author({ slug: owner.author.slug }, settings.locale)),
            [documentTag('authors', owner.author.id), authorListTag(owner.author.id)],
          ]
        : [siteName, `${settings.site.url}/`, [ARTICLE_LIST_TAG]]
  const updatedAt = items.reduce<null | string>(
    (newest, item) => (newest === null || item.modifiedAt > newest ? item.modifiedAt : newest),
    null,
  )
  const feed: FeedDocument = {
    description: owner.kind === 'site' ? siteName : title,
    feedUrls: {
      atom: settings.feedUrlOf('atom'),
      json: settings.feedUrlOf('json'),
      rss: settings.feedUrlOf('rss'),
    },
    homeUrl,
    items,
    logoUrl: settings.site.logoUrl ? absolute(settings.site.logoUrl) : null,
    publisher: siteName,
    language: settings.locale,
    title,
    updatedAt,
  }
  return {
    cache: {
      revalidateAt: null,
      // A constant set, whatever the feed shows: every change of an article, region, author or image
      // names the feed tag (one tag per item would outgrow a CDN's header limit at 1,000 items).
      tags: uniqueTags([FEED_TAG, ...ownTags]),
    },
    feed,
  }
}
