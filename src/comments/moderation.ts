import { createHmac } from 'node:crypto'

export const commentStatuses = ['pending', 'approved', 'spam', 'trash'] as const
export type CommentStatus = (typeof commentStatuses)[number]

/** Links in a plain-text body: anything a reader's client would turn into one. */
export const countLinks = (body: string): number => (body.match(/\b(?:https?:\/\/|www\.)\S+/gi) ?? []).length

/**
 * The status a public submission gets: a filled honeypot is spam; under `post` moderation a body
 * with few enough links shows at once; everything else waits for an editor.
 */
export const statusForSubmission = (args: {
  body: string
  honeypot: unknown
  maxLinks: number
  moderation: 'post' | 'pre'
}): CommentStatus => {
  if (typeof args.honeypot === 'string' ? args.honeypot.trim() !== '' : Boolean(args.honeypot)) return 'spam'
  if (args.moderation === 'post' && countLinks(args.body) <= args.maxLinks) return 'approved'
  return 'pending'
}

/** A keyed hash of the client address: enough to recognise a flood, never the address itself. */
export const hashAddress = (secret: string, address: string): string =>
  createHmac('sha256', secret).update(address.trim().toLowerCase()).digest('hex')
