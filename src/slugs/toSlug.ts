import slugify from 'slugify'

/** Slugs longer than this are cut at a word boundary: they end up in URLs and share links. */
export const MAX_SLUG_LENGTH = 96

const slugOf = (text: string): string => {
  const slug = slugify(text, { locale: 'de', lower: true, strict: true, trim: true })
  if (slug.length <= MAX_SLUG_LENGTH) return slug
  const cut = slug.slice(0, MAX_SLUG_LENGTH)
  const lastHyphen = cut.lastIndexOf('-')
  return lastHyphen > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut
}

// A save asks for the slug of one title several times (the early lock, the check, Payload's field).
let last = { slug: '', text: '' }

/** German transliteration, ASCII only: "Außenministertreffen stärkt" -> `aussenministertreffen-staerkt`. */
export const toSlug = (text: unknown): string => {
  if (typeof text !== 'string') return ''
  if (text !== last.text) last = { slug: slugOf(text), text }
  return last.slug
}

/**
 * A readable stand-in when a title slugifies to nothing (only CJK, only punctuation):
 * the kind of document and its creation day, e.g. `artikel-2026-11-28`; collisions then get `-2`, `-3`.
 */
export const fallbackSlug = (prefix: string, now: Date): string =>
  `${prefix}-${now.toISOString().slice(0, 10)}`

/**
 * The candidates after `base`: `base-2`, `base-3`, ... starting at `from`, each at most
 * `MAX_SLUG_LENGTH` long (a longer base is cut for its suffix), so the slug field keeps them as they are.
 */
export const slugCandidates = (base: string, from: number, count: number): string[] =>
  Array.from({ length: count }, (_, index) => {
    const n = from + index
    if (n === 1) return base
    const suffix = `-${n}`
    return `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`
  })
