import type { CollectionBeforeChangeHook, CollectionSlug, PayloadRequest, Where } from 'payload'

import { APIError } from 'payload'

import type { ResolvedOptions } from '../options.js'

import { hashAddress, statusForSubmission } from '../comments/moderation.js'
import { message } from '../i18n/index.js'
import { lockUntilCommit } from '../postgres/advisoryLock.js'
import { refuse } from './refuse.js'
import { idOf } from '../relationships/idOf.js'

/** Comments are open on a published article that allows them. */
const commentsOpen = async (req: PayloadRequest, articlesSlug: CollectionSlug, id: unknown) => {
  const article = await req.payload.db.findOne<{
    _status?: string
    allowComments?: boolean
    id: number | string
  }>({
    collection: articlesSlug,
    req,
    where: { id: { equals: id } },
  })
  return article?._status === 'published' && article.allowComments !== false
}

/**
 * The rules for a public submission (anyone who is not an editor): the article must be open for
 * comments, consent given, the status is decided here and never by the client, and floods are
 * refused. Flood control holds across requests and app instances: advisory locks on the address
 * hash and the email (in a fixed order) serialise submissions of one sender, then an indexed count
 * looks for a recent comment. A filled honeypot is accepted and stored as spam, telling a bot nothing.
 */
export const guardCommentSubmission =
  (options: ResolvedOptions, commentsSlug: CollectionSlug): CollectionBeforeChangeHook =>
  async ({ data, operation, req }) => {
    if (operation !== 'create' || options.isEditor(req)) return data
    const { comments } = options
    const honeypot = data.website_hp ?? (req.data as Record<string, unknown> | undefined)?.website_hp
    const body = typeof data.body === 'string' ? data.body : ''
    const status = statusForSubmission({
      body,
      honeypot,
      maxLinks: comments.maxLinks,
      moderation: comments.moderation,
    })
    const address = comments.clientAddress?.(req)
    const ipHash = address ? hashAddress(req.payload.secret, address) : null
    const accepted = { ...data, consentAt: new Date().toISOString(), ipHash, status }
    if (status === 'spam') return accepted

    const article = idOf(data.article)
    if (!(await commentsOpen(req, options.collections.articles.slug, article)))
      refuse(req, 'article', 'errorCommentsClosed')
    if (comments.requireConsent && data.consent !== true) refuse(req, 'consent', 'errorConsentRequired')

    const email = String(data.authorEmail ?? '')
      .trim()
      .toLowerCase()
    const keys = [email && `email:${email}`, ipHash && `ip:${ipHash}`].filter(Boolean).sort() as string[]
    for (const key of keys) await lockUntilCommit(req, `newsroom:comment:${key}`)

    const duplicate = await req.payload.count({
      collection: commentsSlug,
      overrideAccess: true,
      req,
      where: {
        and: [
          { article: { equals: article } },
          { authorEmail: { equals: email } },
          { body: { equals: body } },
        ],
      },
    })
    if (duplicate.totalDocs > 0) throw new APIError(message(req, 'errorDuplicateComment'), 409, null, true)

    const since = new Date(Date.now() - comments.floodSeconds * 1000).toISOString()
    const senders: Where[] = [
      { authorEmail: { equals: email } },
      ...(ipHash ? [{ ipHash: { equals: ipHash } }] : []),
    ]
    const recent = await req.payload.count({
      collection: commentsSlug,
      overrideAccess: true,
      req,
      where: { and: [{ createdAt: { greater_than: since } }, { or: senders }] },
    })
    if (recent.totalDocs > 0) throw new APIError(message(req, 'errorTooManyComments'), 429, null, true)
    return { ...accepted, authorEmail: email }
  }
