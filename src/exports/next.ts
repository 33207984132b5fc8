// Next.js wiring for the cache: `next` is an optional peer, imported only here.
import type { CacheHints } from '../delivery/archives/types.js'
import type { InvalidateHandler } from '../options.js'

import { SIGNATURE_HEADER, signInvalidation } from '../cache/signature.js'

export type NextInvalidateOptions = {
  /**
   * Where this app's own server answers, for invalidations that start outside a request (the
   * dispatcher, jobs). Default: `NEWSROOM_INVALIDATE_ORIGIN`, else `http://127.0.0.1:$PORT` (3000).
   */
  origin?: string
  /**
   * Invalidate again this many ms later (0: never), for a render that read the data before the
   * commit and was stored after the first invalidation. Default 3000.
   */
  repeatAfterMs?: number
  /** How long the hop to the app may take before the dispatcher retries. */
  timeoutMs?: number
}

/** Tags and paths per request to the app (its endpoint takes up to 5,000 of each). */
const CHUNK = 1_000

const originOf = (options: NextInvalidateOptions) =>
  (
    options.origin ??
    process.env.NEWSROOM_INVALIDATE_ORIGIN ??
    `http://127.0.0.1:${process.env.PORT || 3000}`
  ).replace(/\/+$/, '')

/**
 * `onInvalidate` for a Next.js app: expires the tags (`revalidateTag(tag, { expire: 0 })`, so the
 * next request renders anew) and the paths (`revalidatePath`). Next allows that only inside a
 * request, and the dispatcher runs outside any (payload#16392), so from there it posts the change,
 * signed with a key derived from Payload's secret, to this app's `POST /api/newsroom/invalidate`,
 * which calls it again inside a request.
 */
export const nextInvalidate =
  (options: NextInvalidateOptions = {}): InvalidateHandler =>
  async ({ paths, tags }, { payload, req }) => {
    if (req) {
      const { revalidatePath, revalidateTag } = await import('next/cache.js')
      for (const tag of tags) revalidateTag(tag, { expire: 0 })
      for (const path of paths) revalidatePath(path)
      return
    }
    const url = `${originOf(options)}${payload.config.routes.api}/newsroom/invalidate`
    const post = async (part: { paths: string[]; tags: string[] }) => {
      const body = JSON.stringify(part)
      const response = await fetch(url, {
        body,
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signInvalidation(payload.secret, body),
        },
        method: 'POST',
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      })
      await response.body?.cancel()
      if (!response.ok) throw new Error(`POST ${url} answered ${response.status}`)
    }
    // In parts the endpoint accepts, however large the dispatcher's batch.
    const postAll = async () => {
      for (let start = 0; start < Math.max(tags.length, paths.length); start += CHUNK) {
        await post({ paths: paths.slice(start, start + CHUNK), tags: tags.slice(start, start + CHUNK) })
      }
    }
    await postAll()
    // Once more a little later: a render that read the data before the commit and finished after
    // the first call would otherwise be kept as fresh.
    const again = options.repeatAfterMs ?? 3_000
    if (again > 0) setTimeout(() => void postAll().catch(() => undefined), again).unref()
  }

/**
 * Tags the page or route being rendered with a delivery result's cache hints, so Next keeps it
 * until one of the tags is invalidated, or until `revalidateAt`. Call it in a cached (static or
 * ISR) page after the delivery call: `await tagNextCache(page.cache)`.
 */
export const tagNextCache = async ({ revalidateAt, tags }: CacheHints): Promise<void> => {
  const { unstable_cache } = await import('next/cache.js')
  const seconds = revalidateAt
    ? Math.max(1, Math.ceil((Date.parse(revalidateAt) - Date.now()) / 1000))
    : false
  // A cached no-op whose options Next adds to the render: its tags, and its lifetime when shorter.
  await unstable_cache(async () => true, ['payload-newsroom', ...tags], { revalidate: seconds, tags })()
}

export type { CacheHints } from '../delivery/archives/types.js'
export type { Invalidation, InvalidateHandler } from '../options.js'
