import React from 'react'

import { formatDateTime } from './dates.js'
import { safeHref } from './RichText.js'

/** What an anonymous reader may see of an approved comment (no email, no IP hash). */
export type PublicComment = {
  authorName?: null | string
  authorUrl?: null | string
  body?: null | string
  createdAt: string
  id: number | string
}

/** The approved comments loaded for the page; `null` when they could not be loaded. */
export type ApprovedComments = { docs: PublicComment[]; totalDocs: number } | null

/** "Noch keine Kommentare", "1 Kommentar", "1.234 Kommentare" */
export function commentsHeading(total: number): string {
  if (total === 0) return 'Noch keine Kommentare'
  if (total === 1) return '1 Kommentar'
  return `${total.toLocaleString('de-DE')} Kommentare`
}

/**
 * The approved comments, oldest first. Everything a commenter typed is rendered as text (React
 * escapes it); line breaks survive through CSS `white-space: pre-line`, never through HTML.
 */
export function CommentList({ comments }: { comments: PublicComment[] }) {
  if (comments.length === 0) return null
  return (
    <ol className="comment-list">
      {comments.map((comment) => (
        <li className="comment" id={`kommentar-${comment.id}`} key={comment.id}>
          <article>
            <header className="comment-meta">
              <CommentAuthor name={comment.authorName} url={comment.authorUrl} />
              <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
            </header>
            <p className="comment-body">{comment.body ?? ''}</p>
          </article>
        </li>
      ))}
    </ol>
  )
}

function CommentAuthor({ name, url }: { name?: null | string; url?: null | string }) {
  const label = name?.trim() || 'Anonym'
  // Only absolute http(s) links: anything else (javascript:, data:, relative) stays plain text.
  const href = safeHref(url)
  return (
    <span className="comment-author">
      {href ? (
        <a href={href} rel="ugc nofollow noopener">
          {label}
        </a>
      ) : (
        label
      )}
    </span>
  )
}
