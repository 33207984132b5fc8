import type { AiActState, AiUsage, ImageAiUsage, NoticePlacement, SourceKind } from './attribution/index.js'
import type { AuthorKind } from './authors/index.js'
import type { CommentStatus } from './comments/index.js'
import type { CorrectionKind } from './corrections/index.js'
import type { RegionType } from './regions/index.js'
import type { LinkType } from './relatedLinks/index.js'
import type { SponsorPlacement } from './sponsors/index.js'

/**
 * The plugin's documents as the Local API and REST return them with the default fields. A host's
 * `payload generate:types` output describes its own configuration exactly (and is checked against
 * these in dev/types.check.ts); these serve code that works with any host, like the plugin's own.
 *
 * `ID` is the host's id type (`number` for Payload's serial ids, `string` for uuid). A
 * relationship holds the related id at depth 0, or the related document when populated.
 */
type Relation<ID, T> = ID | (T & { id: ID })

type Timestamps = { createdAt: string; updatedAt: string }

export type NewsroomArticle<ID extends number | string = number> = Timestamps & {
  _status?: 'draft' | 'published' | null
  /** `reviewedBy`, `reviewerName` and `reviewHash` are editors only, set by the server. */
  ai: {
    humanReviewed?: boolean | null
    reviewedAt?: null | string
    reviewedBy?: ID | null | { id: ID }
    reviewerName?: null | string
    reviewHash?: null | string
    usage: AiUsage
  }
  allowComments?: boolean | null
  /** Computed on every save and rendered for the reader's locale on every read. */
  attribution?: {
    aiAct?: AiActState | null
    digitalSourceType?: null | string
    notice?: null | string
    placement?: NoticePlacement | null
    required?: boolean | null
    /** `NoticeSegment[]`, in a JSON field Payload types loosely. */
    segments?: unknown
    sourceUrl?: null | string
  }
  authors?: null | Relation<ID, NewsroomAuthor<ID>>[]
  content?: null | Record<string, unknown>
  /** Computed: the last correction or change a reader sees, after first publication. */
  contentModifiedAt?: null | string
  /** Published notes: append-only once the article is published; `at` and `by` are the server's. */
  corrections?:
    | null
    | {
        at?: null | string
        by?: ID | null | { id: ID }
        id?: null | string
        kind: CorrectionKind
        text?: null | string
      }[]
  dateline?: { date?: null | string; place?: null | string; text?: null | string }
  id: ID
  image?: null | Relation<ID, { url?: null | string }>
  /** With `media`: what AI did to the lead image; label and IPTC type computed. */
  imageAi?: { digitalSourceType?: null | string; label?: null | string; usage?: ImageAiUsage | null }
  /** Computed on every save: word count, reading time, heading anchors, back-to-top. */
  layout?: {
    backToTop?: {
      ariaLabel?: null | string
      enabled?: boolean | null
      label?: null | string
      showAfterPx?: null | number
      targetId?: null | string
    }
    /** `Heading[]`, in a JSON field Payload types loosely. */
    headings?: unknown
    readingTimeMinutes?: null | number
    wordCount?: null | number
  }
  /** The advertiser of paid content, required to publish it. */
  paidBy?: null | Relation<ID, NewsroomSponsor<ID>>
  paidContent?: boolean | null
  publishedAt?: null | string
  /** Computed: when a retraction was added; the article then leaves lists and related articles. */
  retractedAt?: null | string
  regions?: null | Relation<ID, NewsroomRegion<ID>>[]
  slug: string
  source: { kind: SourceKind; name?: null | string; url?: null | string }
  sponsors?: null | Relation<ID, NewsroomSponsor<ID>>[]
  subtitle?: null | string
  title: string
}

export type NewsroomRegion<ID extends number | string = number> = Timestamps & {
  /** `Breadcrumb[]`, in a JSON field Payload types loosely. */
  breadcrumbs?: unknown
  id: ID
  isoCode?: null | string
  name: string
  parent?: null | Relation<ID, NewsroomRegion<ID>>
  path?: null | string
  slug: string
  type: RegionType
}

export type NewsroomSponsor<ID extends number | string = number> = Timestamps & {
  active?: boolean | null
  activeFrom?: null | string
  activeUntil?: null | string
  disclosureLabel?: null | string
  id: ID
  logo?: null | Relation<ID, { url?: null | string }>
  name: string
  placement: SponsorPlacement
  priority?: null | number
  regions?: null | Relation<ID, NewsroomRegion<ID>>[]
  rel?: null | string
  url: string
}

export type NewsroomRelatedLink<ID extends number | string = number> = Timestamps & {
  article: Relation<ID, NewsroomArticle<ID>>
  /** Mirrors the article's state, so the public read rule needs no join. */
  articlePublished?: boolean | null
  id: ID
  label?: null | string
  order?: null | number
  target?: null | Relation<ID, NewsroomArticle<ID>>
  type: LinkType
  url?: null | string
}

export type NewsroomAuthor<ID extends number | string = number> = Timestamps & {
  bio?: null | string
  id: ID
  image?: null | Relation<ID, { url?: null | string }>
  /** With `media`: what AI did to the lead image; label and IPTC type computed. */
  imageAi?: { digitalSourceType?: null | string; label?: null | string; usage?: ImageAiUsage | null }
  kind: AuthorKind
  name: string
  role?: null | string
  sameAs?: null | { id?: null | string; url: string }[]
  slug: string
  /** Editors only: field access hides it from everyone else. */
  user?: ID | null | { id: ID }
}

export type NewsroomComment<ID extends number | string = number> = Timestamps & {
  article: Relation<ID, NewsroomArticle<ID>>
  /** Editors only: field access hides it from everyone else. */
  authorEmail?: string
  authorName: string
  authorUrl?: null | string
  body: string
  consent?: boolean | null
  consentAt?: null | string
  id: ID
  /** Editors only; cleared after `comments.ipHashRetentionDays`. */
  ipHash?: null | string
  status: CommentStatus
}
