import countries from 'i18n-iso-countries'

import type { CommentStatus } from '../comments/moderation.js'
import type { RegionType } from '../regions/regionTypes.js'
import type { WxrComment, WxrItem, WxrTerm } from './wxr/readWxr.js'

import { isCountryCode, isSubdivisionCode } from '../regions/isoCodes.js'

/** What a WordPress category becomes in the region tree. */
export type RegionOfTerm = { isoCode: null | string; type: RegionType }

/** Continent names in German and English (lower case), the ones a newsroom's categories use. */
const CONTINENTS = new Set([
  'afrika',
  'africa',
  'amerika',
  'americas',
  'antarktis',
  'antarctica',
  'asien',
  'asia',
  'europa',
  'europe',
  'nordamerika',
  'north america',
  'ozeanien',
  'oceania',
  'südamerika',
  'south america',
])

/**
 * A category's place in the region tree: a continent by name, a country by its German or English
 * name or ISO code (name or slug), a subdivision by its ISO 3166-2 code; anything else is `other`.
 */
export const regionOfTerm = (term: Pick<WxrTerm, 'name' | 'slug'>): RegionOfTerm => {
  const name = term.name.trim()
  if (CONTINENTS.has(name.toLowerCase())) return { isoCode: null, type: 'continent' }
  const code =
    countries.getAlpha2Code(name, 'de') ??
    countries.getAlpha2Code(name, 'en') ??
    [name, term.slug].find((candidate) => /^[a-z]{2}$/i.test(candidate) && isCountryCode(candidate))
  if (code && isCountryCode(code)) return { isoCode: code.toUpperCase(), type: 'country' }
  const subdivision = [name, term.slug].find((candidate) => isSubdivisionCode(candidate))
  if (subdivision) return { isoCode: subdivision.toUpperCase(), type: 'subdivision' }
  return { isoCode: null, type: 'other' }
}

/**
 * Parents before children, whatever order the export lists the categories in; a category whose
 * parent is missing or among its own descendants goes to the top, a second one with a slug is
 * left out, each with a note.
 */
export const parentsFirst = (
  terms: WxrTerm[],
): { notes: Map<string, string>; ordered: WxrTerm[]; repeated: WxrTerm[] } => {
  const bySlug = new Map<string, WxrTerm>()
  const repeated: WxrTerm[] = []
  for (const term of terms) {
    if (bySlug.has(term.slug)) repeated.push(term)
    else bySlug.set(term.slug, term)
  }
  const notes = new Map<string, string>()
  const ordered: WxrTerm[] = []
  const placed = new Set<string>()
  const place = (term: WxrTerm, seen: Set<string>) => {
    if (placed.has(term.slug)) return
    seen.add(term.slug)
    const parent = bySlug.get(term.parent)
    if (term.parent && !parent)
      notes.set(term.slug, `its parent ${term.parent} is not in the export: placed at the top`)
    else if (parent && seen.has(parent.slug))
      notes.set(term.slug, 'its parents form a cycle: placed at the top')
    else if (parent) place(parent, seen)
    placed.add(term.slug)
    ordered.push(term)
  }
  for (const term of bySlug.values()) place(term, new Set())
  return { notes, ordered, repeated }
}

/** How an item is imported: as a published article, a draft (with why), or not at all. */
export type ItemPlan =
  { kind: 'article'; publish: boolean; draftReason?: string } | { kind: 'skip'; reason: string }

/**
 * Posts become articles; published ones stay published unless they are password-protected (their
 * text was not public). Drafts, pending, scheduled and private posts stay drafts.
 */
export const planItem = (item: Pick<WxrItem, 'password' | 'status' | 'type'>): ItemPlan => {
  if (item.type !== 'post') return { kind: 'skip', reason: `a WordPress ${item.type || 'item'}, not a post` }
  switch (item.status) {
    case 'publish':
      return item.password
        ? { draftReason: 'password-protected in WordPress', kind: 'article', publish: false }
        : { kind: 'article', publish: true }
    case 'draft':
    case 'pending':
      return { kind: 'article', publish: false }
    case 'future':
      return { draftReason: 'scheduled in WordPress: schedule it again', kind: 'article', publish: false }
    case 'private':
      return { draftReason: 'private in WordPress', kind: 'article', publish: false }
    default:
      return { kind: 'skip', reason: `status ${item.status || 'missing'}` }
  }
}

/** A WordPress date (`2026-05-04 08:00:00`, GMT) as ISO 8601, or null for WordPress's empty date. */
export const isoDate = (gmt: string): null | string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(gmt.trim())
  if (!match || match[1] === '0000') return null
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

const COMMENT_STATUSES: Record<string, CommentStatus> = {
  '0': 'pending',
  '1': 'approved',
  hold: 'pending',
  spam: 'spam',
  trash: 'trash',
}

/** WordPress's `comment_approved` as a comment status; trackbacks and pingbacks are not comments. */
export const commentStatusOf = (comment: Pick<WxrComment, 'approved' | 'type'>): CommentStatus | null =>
  comment.type === 'pingback' || comment.type === 'trackback'
    ? null
    : (COMMENT_STATUSES[comment.approved.trim()] ?? 'pending')

const ENTITIES: Record<string, string> = { amp: '&', apos: "'", gt: '>', lt: '<', nbsp: ' ', quot: '"' }

const MAX_CODE_POINT = 0x10ffff

const character = (code: number) =>
  Number.isInteger(code) && code > 0 && code <= MAX_CODE_POINT ? String.fromCodePoint(code) : '\ufffd'

/** Text without NUL characters, which PostgreSQL cannot store. */
export const withoutNul = (text: string): string => text.replaceAll('\u0000', '')

/** HTML as the plain text our comments and subtitles store: tags dropped, entities decoded. */
export const plainText = (html: string): string =>
  withoutNul(html)
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) =>
      name.startsWith('#x')
        ? character(parseInt(name.slice(2), 16))
        : name.startsWith('#')
          ? character(Number(name.slice(1)))
          : (ENTITIES[name.toLowerCase()] ?? entity),
    )
    .replaceAll('\u0000', '')
    .replace(/[ \t]+/g, ' ')
    .trim()

/** WordPress keeps non-ASCII slugs percent-encoded (`m%c3%a4rkte`). */
export const decodedSlug = (postName: string): string => {
  try {
    return decodeURIComponent(postName)
  } catch {
    return postName
  }
}

/** The path of an old permalink (`/2026/05/handelsroute/`), or null for one of another site. */
export const permalinkPath = (link: string, siteLink: string): null | string => {
  try {
    const url = new URL(link)
    const site = new URL(siteLink)
    if (url.host !== site.host) return null
    return `${url.pathname}${url.search}`
  } catch {
    return null
  }
}

/** The WordPress addresses that name an original, kept in `importedFrom.url`. */
export const originalUrl = {
  // By id, not login: the address is readable with the author, and a login helps guess passwords.
  author: (site: string, id: string) => `${site}/?author=${encodeURIComponent(id)}`,
  category: (site: string, slug: string) => `${site}/?category_name=${encodeURIComponent(slug)}`,
  comment: (site: string, postId: string, commentId: string) => `${site}/?p=${postId}#comment-${commentId}`,
  post: (site: string, id: string) => `${site}/?p=${id}`,
}
