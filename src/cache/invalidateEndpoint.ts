import type { Endpoint } from 'payload'

import type { Invalidation, ResolvedOptions } from '../options.js'

import { SIGNATURE_HEADER, verifyInvalidation } from './signature.js'

const MAX_ITEMS = 5_000
const MAX_LENGTH = 2_048

const listOf = (value: unknown): null | string[] =>
  Array.isArray(value) &&
  value.length <= MAX_ITEMS &&
  value.every((item) => typeof item === 'string' && item.length > 0 && item.length <= MAX_LENGTH)
    ? value
    : null

const MAX_BODY_BYTES = 1_000_000

/** The body as text, or null when it is larger than MAX_BODY_BYTES (read no further). */
const boundedText = async (request: Request): Promise<null | string> => {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return null
  const reader = request.body?.getReader()
  if (!reader) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_BODY_BYTES) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

const answer = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/**
 * `POST /api/newsroom/invalidate`: runs `onInvalidate` inside a request of this app, for
 * invalidations that need one (Next's `revalidateTag` only works in a request; the dispatcher
 * runs outside any). Signed with a key derived from Payload's secret; anything else is a 401.
 */
export const invalidateEndpoint = (options: ResolvedOptions): Endpoint => ({
  handler: async (req) => {
    const body = await boundedText(req as unknown as Request)
    if (body === null) return answer(413, `body: larger than ${MAX_BODY_BYTES} bytes`)
    if (!verifyInvalidation(req.payload.secret, body, req.headers.get(SIGNATURE_HEADER))) {
      return answer(401, `${SIGNATURE_HEADER}: missing, stale or not signed with this app's secret`)
    }
    let parsed: Partial<Invalidation>
    try {
      parsed = JSON.parse(body) as Partial<Invalidation>
    } catch {
      return answer(400, 'body: not JSON')
    }
    const tags = listOf(parsed?.tags)
    const paths = listOf(parsed?.paths)
    if (!tags) return answer(400, `tags: a list of at most ${MAX_ITEMS} non-empty strings`)
    if (!paths) return answer(400, `paths: a list of at most ${MAX_ITEMS} non-empty strings`)
    await options.onInvalidate?.({ paths, tags }, { payload: req.payload, req })
    return new Response(null, { status: 204 })
  },
  method: 'post',
  path: '/newsroom/invalidate',
})
