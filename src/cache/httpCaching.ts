import { createHash } from 'node:crypto'

import type { CacheHints } from '../delivery/archives/types.js'

/** How long a shared cache (a CDN) may keep an anonymous result when nothing says sooner. */
export const SHARED_MAX_AGE_SECONDS = 60

export type Audience = 'draft' | 'private' | 'public'

/** A strong ETag of a response body. */
export const etagOf = (body: string): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`

/** Whether `If-None-Match` names this ETag (weak comparison, as RFC 9110 asks for GET). */
export const matchesETag = (ifNoneMatch: null | string, etag: string): boolean => {
  if (!ifNoneMatch) return false
  const bare = (value: string) => value.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((candidate) => candidate.trim() === '*' || bare(candidate) === etag)
}

/**
 * `Cache-Control` for a delivery result: drafts are never stored; a signed-in caller's result is
 * theirs alone (their access may differ); an anonymous one may be shared until `revalidateAt`
 * or `SHARED_MAX_AGE_SECONDS`, whichever is sooner, and is checked with the ETag every time by
 * browsers (`max-age=0`).
 */
export const cacheControlFor = (audience: Audience, cache: CacheHints, now = Date.now()): string => {
  if (audience === 'draft') return 'no-store'
  if (audience === 'private') return 'private, no-cache'
  const untilChange = cache.revalidateAt
    ? Math.max(0, Math.ceil((Date.parse(cache.revalidateAt) - now) / 1000))
    : SHARED_MAX_AGE_SECONDS
  return `public, max-age=0, s-maxage=${Math.min(SHARED_MAX_AGE_SECONDS, untilChange)}`
}

/**
 * The headers of a delivery result: `Cache-Control`, the `ETag` of the body, and its cache tags
 * as `Cache-Tag` (comma-separated, Cloudflare and others) and `Surrogate-Key` (space-separated,
 * Fastly and others), so a CDN purges it with the tags `onInvalidate` names.
 */
export const cacheHeaders = (
  audience: Audience,
  cache: CacheHints,
  etag: string,
  now = Date.now(),
): Record<string, string> => ({
  'Cache-Control': cacheControlFor(audience, cache, now),
  ...(audience === 'draft'
    ? {}
    : { 'Cache-Tag': cache.tags.join(','), ETag: etag, 'Surrogate-Key': cache.tags.join(' ') }),
  // The caller's access shapes the result: a shared cache keeps signed-in answers apart.
  Vary: 'Authorization, Cookie',
})

/** A delivery result's body with its cache headers, or a 304 when the client has this version. */
export const cachedBody = (
  { body, cache, contentType }: { body: string; cache: CacheHints; contentType: string },
  { audience, ifNoneMatch }: { audience: Audience; ifNoneMatch: null | string },
): Response => {
  const etag = etagOf(body)
  const headers = cacheHeaders(audience, cache, etag)
  if (audience !== 'draft' && matchesETag(ifNoneMatch, etag))
    return new Response(null, { headers, status: 304 })
  return new Response(body, { headers: { ...headers, 'Content-Type': contentType }, status: 200 })
}

/** A delivery result as JSON with its cache headers, or a 304 when the client has this version. */
export const cachedJson = (
  result: { cache: CacheHints },
  caller: { audience: Audience; ifNoneMatch: null | string },
): Response =>
  cachedBody({ body: JSON.stringify(result), cache: result.cache, contentType: 'application/json' }, caller)
