import type { NewsroomArticle, NewsroomAuthor, NewsroomRegion, NewsroomSponsor } from '../../documents.js'
import type { ResolvedOptions, SiteOptions } from '../../options.js'
import type { Breadcrumb } from '../../regions/breadcrumbs.js'
import type { ArchiveFacts } from './archiveFacts.js'
import type { ArchiveItem, AuthorPage, CacheHints, RegionLink, RegionPage } from './types.js'

import { type ID, idOf } from '../../idOf.js'
import { attributionFor, type NoticeTemplates } from '../../attribution/notice.js'

import { type AdvertisingLabels, disclosureLabelFor } from '../../sponsors/disclosureLabel.js'
import { articleImage, byID, type PageMedia, toImage, toPageSponsor } from '../pageParts.js'
import { authorJsonLd, regionJsonLd } from './archiveJsonLd.js'
import { encodeCursor } from './cursor.js'
import {
  ARTICLE_LIST_TAG,
  authorListTag,
  documentTag,
  regionListTag,
  SPONSOR_SLOTS_TAG,
  uniqueTags,
} from '../../cache/cacheTags.js'

export type ArchiveSettings = AdvertisingLabels & {
  /** The key cursors are sealed with (`cursorKey(secret)`). */
  cursorKey: Buffer
  /** The reader's templates for image labels. */
  templates: NoticeTemplates
  /** Items per page. */
  limit: number
  locale: string
  /** The media collection's slug, for cache tags. */
  mediaSlug?: string
  routes: ResolvedOptions['routes']
  site: SiteOptions
}

/** What an archive's read step found with the caller's access: plain documents, no Payload. */
export type ArchiveReads = {
  /** The listed articles the caller may read, in any order. */
  articles: NewsroomArticle<ID>[]
  facts: ArchiveFacts
  media: PageMedia[]
}

type Assembled = { cache: CacheHints; items: ArchiveItem[]; nextCursor: null | string }

/** The list part every archive shares: items in the list's order, the next cursor, cache tags. */
/** Tags of the media a result shows (not of those read for rows the caller may not see). */
const mediaTags = (settings: ArchiveSettings, media: Map<string, PageMedia>, ids: unknown[]): string[] =>
  settings.mediaSlug
    ? ids.flatMap((value) => {
        const id = idOf(value)
        return id !== null && media.has(String(id)) ? [documentTag(settings.mediaSlug!, id)] : []
      })
    : []

/** Names sorted for the reader's locale; a locale code Intl does not know sorts plainly. */
const collatorFor = (locale: string): Intl.Collator => {
  try {
    return new Intl.Collator(locale)
  } catch {
    return new Intl.Collator()
  }
}

const assembleList = (reads: ArchiveReads, settings: ArchiveSettings, ownTags: string[]): Assembled => {
  const { facts } = reads
  const articles = byID(reads.articles)
  const media = byID(reads.media)
  const page = facts.listed.slice(0, settings.limit)
  const shownImages: unknown[] = []
  const items = page.flatMap((listed): ArchiveItem[] => {
    const doc = articles.get(String(listed.id))
    // Not readable for this caller, or untitled in this locale (localization without fallback).
    if (!doc?.title) return []
    shownImages.push(doc.image)
    return [
      {
        aiAct: doc.ai ? attributionFor({ ai: doc.ai, source: doc.source }, settings.templates).aiAct : null,
        id: doc.id,
        image: articleImage(media.get(String(idOf(doc.image))), doc, settings.templates),
        label: doc.paidContent ? disclosureLabelFor(settings.disclosureLabels, settings.locale) : null,
        publishedAt: doc.publishedAt ?? listed.publishedAt,
        slug: doc.slug,
        subtitle: doc.subtitle ?? null,
        title: doc.title,
        url: settings.routes.article({ slug: doc.slug }, settings.locale),
      },
    ]
  })
  const last = page.at(-1)
  const tags = [
    ...ownTags,
    ARTICLE_LIST_TAG,
    // No tag per listed article: every change to one names the lists of its regions and authors.
    ...mediaTags(settings, media, shownImages),
  ]
  return {
    cache: { revalidateAt: null, tags: uniqueTags(tags) },
    items,
    // The cursor is the last row of the list, read or not, so a hidden row never ends the list early;
    // it is sealed, so that row's id and dates stay hidden.
    nextCursor: facts.listed.length > settings.limit && last ? encodeCursor(last, settings.cursorKey) : null,
  }
}

/** A region's archive from what the read step found: pure, so it is tested without a database. */
export const assembleRegionPage = (
  reads: ArchiveReads & {
    children: NewsroomRegion<ID>[]
    region: NewsroomRegion<ID>
    sponsors: NewsroomSponsor<ID>[]
  },
  settings: ArchiveSettings,
): RegionPage => {
  const { region } = reads
  const link = (doc: { path: string; slug: string }) => settings.routes.region(doc, settings.locale)
  const name = region.name ?? region.slug
  // Breadcrumbs are localized; without a fallback locale they may be missing: the region alone then.
  const stored = Array.isArray(region.breadcrumbs) ? (region.breadcrumbs as Breadcrumb[]) : []
  const trail = stored.length ? stored : [{ id: region.id, name, slug: region.slug }]
  const crumbs = trail.map((crumb, index, all) => {
    const path = all
      .slice(0, index + 1)
      .map((part) => part.slug)
      .join('/')
    return { ...crumb, path, url: link({ path, slug: crumb.slug }) }
  })
  const toLink = (doc: NewsroomRegion<ID>): RegionLink => {
    const path = doc.path ?? doc.slug
    return {
      id: doc.id,
      name: doc.name ?? doc.slug,
      path,
      slug: doc.slug,
      url: link({ path, slug: doc.slug }),
    }
  }
  const media = byID(reads.media)
  const sponsors = byID(reads.sponsors)
  const shownSponsors = reads.facts.sponsors.flatMap(({ id }) => {
    const sponsor = sponsors.get(String(id))
    return sponsor ? [toPageSponsor(sponsor, media, settings)] : []
  })
  const collator = collatorFor(settings.locale)
  shownSponsors.sort((a, b) => b.priority - a.priority || collator.compare(a.name, b.name))
  const list = assembleList(reads, settings, [
    ...mediaTags(
      settings,
      media,
      reads.sponsors.map((sponsor) => sponsor.logo),
    ),
    regionListTag(region.id),
    ...crumbs.map((crumb) => documentTag('regions', crumb.id ?? region.id)),
    documentTag('regions', region.id),
    ...reads.children.map((child) => documentTag('regions', child.id)),
    ...shownSponsors.map((sponsor) => documentTag('sponsors', sponsor.id)),
    SPONSOR_SLOTS_TAG,
  ])
  const own = toLink(region)
  const children = reads.children.map(toLink).sort((a, b) => collator.compare(a.name, b.name))
  return {
    articles: list.items,
    cache: { ...list.cache, revalidateAt: reads.facts.nextSponsorChange },
    children,
    jsonLd: regionJsonLd(
      { breadcrumbs: crumbs, items: list.items, locale: settings.locale, name, url: own.url },
      settings.site,
    ),
    nextCursor: list.nextCursor,
    region: { ...own, breadcrumbs: crumbs, type: region.type },
    sponsors: shownSponsors,
  }
}

/** An author's page from what the read step found: pure, so it is tested without a database. */
export const assembleAuthorPage = (
  reads: ArchiveReads & { author: NewsroomAuthor<ID> },
  settings: ArchiveSettings,
): AuthorPage => {
  const { author: doc } = reads
  const media = byID(reads.media)
  const author: AuthorPage['author'] = {
    bio: doc.bio ?? null,
    id: doc.id,
    image: toImage(media.get(String(idOf(doc.image)))),
    kind: doc.kind ?? 'person',
    name: doc.name,
    role: doc.role ?? null,
    sameAs: (doc.sameAs ?? []).map((entry) => entry.url).filter((url): url is string => Boolean(url)),
    slug: doc.slug,
    url: settings.routes.author({ slug: doc.slug }, settings.locale),
  }
  const list = assembleList(reads, settings, [
    authorListTag(doc.id),
    documentTag('authors', doc.id),
    ...mediaTags(settings, media, [doc.image]),
  ])
  return {
    articles: list.items,
    author,
    cache: list.cache,
    jsonLd: authorJsonLd({ author, locale: settings.locale }, settings.site),
    nextCursor: list.nextCursor,
  }
}
