import type { ImageAiLabel } from '../attribution/imageAi.js'
import type { Attribution } from '../attribution/notice.js'
import type { CorrectionKind, CorrectionPlacement } from '../corrections/correctionKinds.js'
import type { AuthorKind } from '../authors/authorKinds.js'
import type { NoticeSegment } from '../attribution/template.js'
import type { Heading } from '../reading/readingMetadata.js'
import type { Breadcrumb } from '../regions/breadcrumbs.js'
import type { CacheHints } from './archives/types.js'
import type { LinkType } from '../relatedLinks/linkTypes.js'
import type { SponsorPlacement } from '../sponsors/placements.js'

export type { NoticeSegment }

export type PageRegion = {
  /** Root first, the region last; each with its archive's URL (`routes.region`). */
  breadcrumbs: (Breadcrumb & { url: string })[]
  id: number | string
  name: string
  path: string
  slug: string
  /** The region archive's URL (`routes.region`). */
  url: string
}

export type PageImage = { alt: null | string; height: null | number; url: string; width: null | number }

/** The lead image, with its AI label when AI made or altered it (never removed by a review). */
export type ArticleImage = PageImage & { ai: ImageAiLabel | null }

/** The advertiser a paid article names (`paidBy`), linked as a paid link. */
export type PageAdvertiser = { id: number | string; name: string; rel: string; url: string }

export type PageSponsor = {
  disclosureLabel: string
  id: number | string
  logo: null | PageImage
  name: string
  placement: SponsorPlacement
  priority: number
  /** Always `sponsored noopener`, whatever is stored. */
  rel: string
  url: string
}

export type RelatedItem = {
  curated: boolean
  /** The disclosure label when the target is paid content (only curated links can be), else null. */
  label: null | string
  publishedAt?: null | string
  slug?: string
  title: string
  type: LinkType
  /** The target's URL: `routes.article` for internal links, the stored URL for external ones. */
  url?: string
}

export type PageLayout = {
  backToTop: { ariaLabel: string; enabled: boolean; label: string; showAfterPx: number; targetId: string }
  headings: Heading[]
  readingTimeMinutes: number
  wordCount: number
}

/** A published note in the order readers see it; `placement` says before or after the text. */
export type PageCorrection = {
  at: string
  kind: CorrectionKind
  /** "Korrektur", "Gegendarstellung", … in the reader's language. */
  label: string
  placement: CorrectionPlacement
  text: string
}

/** Everything one article page renders, from one call. */
export type ArticlePage = {
  article: {
    /** The bylines in the article's order, each with its page's URL (`routes.author`). */
    authors: { id: number | string; kind: AuthorKind; name: string; slug: string; url: string }[]
    /** Lexical JSON; in paid content every link node carries `rel: 'sponsored'`. */
    content: unknown
    /** The last correction or change a reader sees, after first publication; null before. */
    contentModifiedAt: null | string
    dateline: { date: null | string; place: null | string; text: null | string }
    id: number | string
    image: ArticleImage | null
    /** The disclosure label (`Anzeige`) of paid content, else null: show it with the title everywhere. */
    label: null | string
    paidBy: null | PageAdvertiser
    paidContent: boolean
    publishedAt: null | string
    slug: string
    status: 'draft' | 'published'
    subtitle: null | string
    title: string
    updatedAt: string
  }
  /** null when no notice is required. */
  attribution: Attribution | null
  /** What the page was built from (cache tags) and when it changes with no write. */
  cache: CacheHints
  comments: { count: number; enabled: boolean; notice: string }
  /** Retraction first, then counterstatements (`top`), then the others, newest first (`bottom`). */
  corrections: PageCorrection[]
  jsonLd: Record<string, unknown>
  /** The sponsor disclosure label for paid content, else the primary region's name. */
  kicker: { label: string; paid: boolean } | null
  layout: PageLayout
  primaryRegion: null | PageRegion
  regions: PageRegion[]
  related: RelatedItem[]
  sponsors: PageSponsor[]
  /** The article's public path (`routes.article`). */
  url: string
}
