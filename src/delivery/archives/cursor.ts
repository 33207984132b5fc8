import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto'

import type { ID } from '../../idOf.js'

/** Where a newest-first list goes on: the last listed row's position in the date index. */
export type ListCursor = { createdAt: string; id: ID; publishedAt: string }

/**
 * The key cursors are sealed with, from the site's secret. Sealed (AES-256-GCM), a cursor can
 * neither be forged nor read: it may end on an article the caller cannot see, whose id and dates
 * stay hidden, and a cursor of another site or an old secret is refused.
 */
export const cursorKey = (secret: string): Buffer =>
  createHash('sha256').update(`payload-newsroom cursor\u0000${secret}`).digest()

const IV_BYTES = 12
const TAG_BYTES = 16

// An ISO instant that survives a round trip (no 31 February), in PostgreSQL's and JavaScript's range.
const isTimestamp = (value: unknown): value is string => {
  if (typeof value !== 'string' || !/^[1-9]\d{3}-/.test(value)) return false
  const date = new Date(value)
  return !Number.isNaN(date.getTime()) && date.toISOString() === value
}

const isID = (value: unknown): value is ID =>
  (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) ||
  (typeof value === 'string' && /^[0-9a-f-]{1,64}$/i.test(value))

/**
 * An opaque cursor: the sealed `[publishedAt, createdAt, id]`, base64url. The nonce is derived from
 * the position, so one page always gives the same cursor (and the same answer, for caches); two
 * positions never share one.
 */
export const encodeCursor = ({ createdAt, id, publishedAt }: ListCursor, key: Buffer): string => {
  const plain = JSON.stringify([publishedAt, createdAt, id])
  const iv = createHmac('sha256', key).update(plain).digest().subarray(0, IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')
}

/** The cursor a client sent, or null when this site did not seal it (or it is malformed). */
export const decodeCursor = (text: string, key: Buffer): ListCursor | null => {
  if (!/^[A-Za-z0-9_-]{40,400}$/.test(text)) return null
  const bytes = Buffer.from(text, 'base64url')
  // One text per cursor: the decoder ignores a last character's spare bits, which would give several.
  if (bytes.toString('base64url') !== text) return null
  let value: unknown
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES))
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
    const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()])
    value = JSON.parse(plain.toString('utf8'))
  } catch {
    return null
  }
  if (!Array.isArray(value) || value.length !== 3) return null
  const [publishedAt, createdAt, id] = value
  return isTimestamp(publishedAt) && isTimestamp(createdAt) && isID(id)
    ? { createdAt, id, publishedAt }
    : null
}
