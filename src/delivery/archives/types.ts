import type { AiActState } from '../../attribution/notice.js'
import type { AuthorKind } from '../../authors/authorKinds.js'
import type { Breadcrumb } from '../../regions/breadcrumbs.js'
import type { RegionType } from '../../regions/regionTypes.js'
import type { ArticleImage, PageImage, PageSponsor } from '../types.js'

/** What a delivery result was built from, for a cache in front of it (see docs/delivery.md). */
export type CacheHints = {
  /** The next moment the result changes with no write (a sponsor's start or end), else null. */
  revalidateAt: null | string
  tags: string[]
}

/** One article in an archive list. */
export type ArchiveItem = {
  /** What the AI Act asks of the article's text (`disclose`, `exempt`), or null without AI. */
  aiAct: AiActState | null
  id: number | string
  /** The lead image, with its AI label when AI made or altered it. */
  image: ArticleImage | null
  /** The disclosure label for paid content (`Anzeige`), else null. */
  label: null | string
  publishedAt: string
  slug: string
  subtitle: null | string
  title: string
  url: string
}

export type RegionLink = { id: number | string; name: string; path: string; slug: string; url: string }

/** A region's archive: the region, its children, its and its descendants' articles, newest first. */
export type RegionPage = {
  articles: ArchiveItem[]
  cache: CacheHints
  children: RegionLink[]
  jsonLd: Record<string, unknown>
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: null | string
  region: RegionLink & { breadcrumbs: (Breadcrumb & { path: string; url: string })[]; type: RegionType }
  /** Sponsors untargeted or targeted at the region or its ancestors, apart from the list. */
  sponsors: PageSponsor[]
}

/** An author's profile and articles, newest first. */
export type AuthorPage = {
  articles: ArchiveItem[]
  author: {
    bio: null | string
    id: number | string
    image: null | PageImage
    kind: AuthorKind
    name: string
    role: null | string
    sameAs: string[]
    slug: string
    url: string
  }
  cache: CacheHints
  jsonLd: Record<string, unknown>
  nextCursor: null | string
}
