import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  PayloadRequest,
  Where,
} from 'payload'

import { APIError } from 'payload'

import type { ResolvedOptions } from '../options.js'

import { hashAddress, statusForSubmission } from './moderation.js'
import { refuse } from '../guards/refuse.js'
import { message } from '../i18n/index.js'
import { tryLockUntilCommit } from '../postgres/advisoryLock.js'
import { idOf } from '../idOf.js'
import { isPublished } from '../savedData.js'

/**
 * What `prepareSubmission` hands to `checkSubmission` within one public create, by request
 * (`req.context` does not survive the create: populating the answer resets it).
 */
type Submission = { ipHash: null | string }
const submissions = new WeakMap<PayloadRequest, Submission>()

/** Comments are open on a published article that allows them. */
const commentsOpen = async (req: PayloadRequest, articlesSlug: CollectionSlug, id: unknown) => {
  if (id === null) return false
  const article = await req.payload.db.findOne<{
    _status?: string
    allowComments?: boolean
    id: number | string
  }>({
    collection: articlesSlug,
    req,
    where: { id: { equals: id } },
  })
  return isPublished(article) && article?.allowComments !== false
}

/** Comments matching `where`, counted with full access (an internal check on the save's transaction). */
const countComments = async (req: PayloadRequest, commentsSlug: CollectionSlug, where: Where) =>
  (await req.payload.count({ collection: commentsSlug, overrideAccess: true, req, where })).totalDocs

const sinceFlood = (options: ResolvedOptions) =>
  new Date(Date.now() - options.comments.floodSeconds * 1000).toISOString()

/**
 * Does this email flood: another submission of it under way right now, one within
 * `floodSeconds`, or the same body as one of its comments on the same article that is not public?
 * (A public body is known to everyone: matching it would confirm who wrote it.) Decided without
 * waiting on a lock.
 */
const emailFloods = async (
  req: PayloadRequest,
  options: ResolvedOptions,
  commentsSlug: CollectionSlug,
  { article, body, email }: { article: unknown; body: string; email: string },
): Promise<boolean> => {
  if (!(await tryLockUntilCommit(req, `newsroom:comment:email:${email}`))) return true
  const matches = await countComments(req, commentsSlug, {
    and: [
      { authorEmail: { equals: email } },
      {
        or: [
          { createdAt: { greater_than: sinceFlood(options) } },
          ...(article === null
            ? []
            : [
                {
                  and: [
                    { article: { equals: article } },
                    { body: { equals: body } },
                    { status: { not_equals: 'approved' } },
                  ],
                },
              ]),
        ],
      },
    ],
  })
  return matches > 0
}

/**
 * A public submission (anyone who is not an editor), before Payload validates it: the server
 * sets status, consent time and address hash, whatever the client sent. Nothing decided here
 * changes the answer, since it runs before validation and an email is private: a filled
 * honeypot, or an email that floods or repeats itself, only changes the stored status.
 */
export const prepareSubmission =
  (options: ResolvedOptions, commentsSlug: CollectionSlug): CollectionBeforeChangeHook =>
  async ({ data, operation, req }) => {
    if (operation !== 'create' || options.isEditor(req)) return data
    const { comments } = options
    const email =
      typeof data.authorEmail === 'string' ? data.authorEmail.trim().toLowerCase() : data.authorEmail
    const body = typeof data.body === 'string' ? data.body : ''
    const address = comments.clientAddress?.(req)
    const ipHash = address && comments.hashSecret ? hashAddress(comments.hashSecret, address) : null
    let status = statusForSubmission({
      body,
      honeypot: data.website_hp ?? (req.data as Record<string, unknown> | undefined)?.website_hp,
      maxLinks: comments.maxLinks,
      moderation: comments.moderation,
    })
    if (status !== 'spam' && typeof email === 'string' && email) {
      // Held back either way: as spam where every comment waits anyway (pre), for a moderator where
      // comments show at once (post, where whether one shows is visible to anyone).
      if (await emailFloods(req, options, commentsSlug, { article: idOf(data.article), body, email }))
        status = comments.moderation === 'post' ? 'pending' : 'spam'
    }
    submissions.set(req, { ipHash })
    return {
      ...data,
      authorEmail: email,
      consentAt: data.consent === true ? new Date().toISOString() : null,
      ipHash,
      status,
    }
  }

/**
 * The gates of a public submission, in one order for every one (honeypot included), after
 * Payload's validation and the insert, in the same transaction (a refusal rolls it back):
 * the article is open, consent is given, the sender's address has not commented within
 * `floodSeconds` (429). The answer never carries the verdict (`status`).
 */
export const checkSubmission =
  (options: ResolvedOptions, commentsSlug: CollectionSlug): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    const submission = submissions.get(req)
    if (operation !== 'create' || !submission) return doc
    submissions.delete(req)
    if (!(await commentsOpen(req, options.collections.articles.slug, idOf(doc.article))))
      refuse(req, 'article', 'errorCommentsClosed')
    if (options.comments.requireConsent && doc.consent !== true)
      refuse(req, 'consent', 'errorConsentRequired')
    const { ipHash } = submission
    if (ipHash) {
      const tooMany = () => new APIError(message(req, 'errorTooManyComments'), 429, null, true)
      if (!(await tryLockUntilCommit(req, `newsroom:comment:ip:${ipHash}`))) throw tooMany()
      const recent = await countComments(req, commentsSlug, {
        and: [
          { createdAt: { greater_than: sinceFlood(options) } },
          { id: { not_equals: doc.id } },
          { ipHash: { equals: ipHash } },
        ],
      })
      if (recent > 0) throw tooMany()
    }
    const { status: _verdict, ...answer } = doc
    return answer
  }
