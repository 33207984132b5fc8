import { createHash } from 'node:crypto'

import { type ReviewedText, reviewedTextOf } from './reviewedText.js'

export type { ReviewedText }

/** The server-owned record of a review, in the `ai` group. */
export type ReviewRecord = {
  humanReviewed: boolean
  reviewedAt: null | string
  reviewedBy: null | number | string
  reviewerName: null | string
  reviewHash: null | string
}

export const noReview: ReviewRecord = {
  humanReviewed: false,
  reviewedAt: null,
  reviewedBy: null,
  reviewerName: null,
  reviewHash: null,
}

/** A fingerprint of the reviewed text (see `reviewedTextOf`), stored with the review. */
export const reviewHashOf = (usage: unknown, texts: Record<string, ReviewedText>): string =>
  createHash('sha256').update(reviewedTextOf(usage, texts)).digest('hex')

export type ReviewStep =
  /** The stored review stands: the text is the one signed off. */
  | { kind: 'keep' }
  /** A new review by the saving editor. */
  | { kind: 'record' }
  /** The review, if any, is gone: withdrawn, text changed, or none given. */
  | { kind: 'clear'; voided: boolean }
  /** A review was asked for by someone the server cannot record as its reviewer. */
  | { kind: 'refuse' }

/**
 * What a save does to the review. A review is recorded only when an editor ticks `humanReviewed`
 * on an article without a standing review; a save that changes the reviewed text clears it even
 * when the form still sends the ticked box (the admin sends every field, so a ticked box is not a
 * new sign-off), and the editor confirms again on the saved text.
 */
/** Does a stored review stand (ticked, dated and fingerprinted)? */
export const hasStandingReview = (stored: Partial<ReviewRecord> | undefined): boolean =>
  Boolean(stored?.humanReviewed && stored.reviewedAt && stored.reviewHash)

/** Does this save's review step need the fingerprint of the text: a review stands, or one is given? */
export const needsReviewHash = (stored: Partial<ReviewRecord> | undefined, sentReviewed: unknown): boolean =>
  hasStandingReview(stored) || sentReviewed === true

export const reviewStep = ({
  currentHash,
  sentReviewed,
  stored,
  userCanReview,
}: {
  /** The text's fingerprint; only read when needsReviewHash says so. */
  currentHash: string
  /** `ai.humanReviewed` as the client sent it; undefined when not sent. */
  sentReviewed: unknown
  stored: Partial<ReviewRecord> | undefined
  userCanReview: boolean
}): ReviewStep => {
  if (hasStandingReview(stored)) {
    if (stored!.reviewHash !== currentHash) return { kind: 'clear', voided: true }
    return sentReviewed === false ? { kind: 'clear', voided: false } : { kind: 'keep' }
  }
  if (sentReviewed !== true) return { kind: 'clear', voided: false }
  return userCanReview ? { kind: 'record' } : { kind: 'refuse' }
}
