import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/** How old a signed invalidation may be when it arrives. */
const MAX_AGE_SECONDS = 300

// A key of its own, derived from Payload's secret, so the signatures never sign anything else.
const keyOf = (secret: string) =>
  createHash('sha256').update(`payload-newsroom:invalidate:${secret}`).digest()

const mac = (secret: string, timestamp: number, body: string) =>
  createHmac('sha256', keyOf(secret)).update(`${timestamp}.${body}`).digest('hex')

/** The `x-newsroom-signature` header for a body: `t=<unix seconds>,v1=<HMAC-SHA256>`. */
export const signInvalidation = (secret: string, body: string, now = Date.now()): string => {
  const timestamp = Math.floor(now / 1000)
  return `t=${timestamp},v1=${mac(secret, timestamp, body)}`
}

/** Whether a header signs this body with this secret, and is recent. */
export const verifyInvalidation = (
  secret: string,
  body: string,
  header: null | string,
  now = Date.now(),
): boolean => {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? '')
  if (!match) return false
  const timestamp = Number(match[1])
  if (Math.abs(now / 1000 - timestamp) > MAX_AGE_SECONDS) return false
  return timingSafeEqual(Buffer.from(match[2]!, 'hex'), Buffer.from(mac(secret, timestamp, body), 'hex'))
}

export const SIGNATURE_HEADER = 'x-newsroom-signature'
