import type { ArticlePage } from 'payload-newsroom'

import React from 'react'

import { BackToTop } from '../../BackToTop.js'
import { AttributionNotice } from './AttributionNotice.js'
import type { ApprovedComments } from './CommentList.js'

import { CommentForm } from './CommentForm.js'
import { CommentList, commentsHeading } from './CommentList.js'
import { Corrections } from './Corrections.js'
import { formatDateTime } from './dates.js'
import { JsonLd } from './JsonLd.js'
import { RelatedArticles } from './RelatedArticles.js'
import { RichText, safeHref } from './RichText.js'
import { SponsorBox } from './SponsorBox.js'

/**
 * The reference reader page: everything comes from the one `getArticlePage` result, plus the
 * approved comments the route loads for it (`null` when they could not be loaded).
 */
export function ArticleView({
  approvedComments,
  page,
}: {
  approvedComments: ApprovedComments
  page: ArticlePage
}) {
  const { article, attribution, comments, kicker, layout } = page
  const notice = attribution?.required ? attribution : null
  const noticeAtTop = notice !== null && notice.placement !== 'bottom'
  const crumbs = page.primaryRegion?.breadcrumbs ?? []

  return (
    <>
      <article className="reader">
        {/* The back-to-top button moves focus here. */}
        <header className="reader-header" id={layout.backToTop.targetId || 'top'} tabIndex={-1}>
          {crumbs.length > 0 ? (
            <nav aria-label="Brotkrümelnavigation" className="breadcrumbs">
              <ol>
                {crumbs.map((crumb) => (
                  <li key={crumb.slug}>
                    <a href={crumb.url}>{crumb.name}</a>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          {kicker ? <p className={kicker.paid ? 'kicker kicker--ad' : 'kicker'}>{kicker.label}</p> : null}
          <h1>{article.title}</h1>
          {article.paidBy ? (
            <p className="paid-by">
              Bezahlt von{' '}
              <a href={safeHref(article.paidBy.url)} rel={article.paidBy.rel}>
                {article.paidBy.name}
              </a>
            </p>
          ) : null}
          {article.subtitle ? <p className="subtitle">{article.subtitle}</p> : null}
          <p className="meta">
            {article.authors.length > 0 ? (
              <span className="byline">
                Von{' '}
                {article.authors.map((author, index) => (
                  <React.Fragment key={author.id}>
                    {index > 0 ? ', ' : null}
                    <a href={author.url} rel="author">
                      {author.name}
                    </a>
                  </React.Fragment>
                ))}
              </span>
            ) : null}
            {article.publishedAt ? (
              <time dateTime={article.publishedAt}>{formatDateTime(article.publishedAt)}</time>
            ) : null}
            {article.contentModifiedAt ? (
              <span>
                Aktualisiert am{' '}
                <time dateTime={article.contentModifiedAt}>{formatDateTime(article.contentModifiedAt)}</time>
              </span>
            ) : null}
            <span>{layout.readingTimeMinutes} Min. Lesezeit</span>
          </p>
        </header>

        {article.image ? (
          <figure className="lead-image">
            <img
              alt={article.image.alt ?? ''}
              height={article.image.height ?? undefined}
              src={article.image.url}
              width={article.image.width ?? undefined}
            />
            {/* An AI-made or AI-altered image is labelled where it shows; no review removes it. */}
            {article.image.ai ? (
              <figcaption className="image-ai-label">{article.image.ai.label}</figcaption>
            ) : null}
          </figure>
        ) : null}

        {/* A retraction or counterstatement comes before everything else of the text. */}
        <Corrections corrections={page.corrections} placement="top" />

        {notice && noticeAtTop ? <AttributionNotice attribution={notice} /> : null}

        {layout.headings.length >= 2 ? (
          <nav aria-labelledby="newsroom-toc" className="toc">
            <h2 id="newsroom-toc">Inhalt</h2>
            <ol>
              {layout.headings.map((heading) => (
                <li className={`toc-level-${heading.level}`} key={heading.id}>
                  <a href={`#${heading.id}`}>{heading.text}</a>
                </li>
              ))}
            </ol>
          </nav>
        ) : null}

        <div className="article-body">
          <RichText content={article.content} headings={layout.headings} leadIn={article.dateline.text} />
        </div>

        <Corrections corrections={page.corrections} placement="bottom" />

        {notice && !noticeAtTop ? <AttributionNotice attribution={notice} /> : null}

        <SponsorBox sponsors={page.sponsors} />

        <RelatedArticles related={page.related} />

        <section aria-labelledby="newsroom-comments" className="comments" id="kommentare">
          {approvedComments ? (
            <>
              <h2 id="newsroom-comments">{commentsHeading(approvedComments.totalDocs)}</h2>
              <CommentList comments={approvedComments.docs} />
              {approvedComments.totalDocs > approvedComments.docs.length ? (
                <p className="comment-more">
                  Angezeigt werden die ersten {approvedComments.docs.length} von{' '}
                  {approvedComments.totalDocs.toLocaleString('de-DE')} Kommentaren.
                </p>
              ) : null}
            </>
          ) : (
            <h2 id="newsroom-comments">Kommentare</h2>
          )}

          <section aria-labelledby="newsroom-comment-form" className="comment-respond">
            <h3 id="newsroom-comment-form">Schreibe einen Kommentar</h3>
            {comments.enabled ? (
              <>
                <p className="comment-notice">{comments.notice}</p>
                <CommentForm articleId={article.id} />
              </>
            ) : (
              <p>Die Kommentarfunktion ist für diesen Artikel geschlossen.</p>
            )}
          </section>
        </section>
      </article>

      <JsonLd data={page.jsonLd} />

      {layout.backToTop.enabled ? (
        <BackToTop
          ariaLabel={layout.backToTop.ariaLabel}
          label={layout.backToTop.label}
          showAfterPx={layout.backToTop.showAfterPx}
          targetId={layout.backToTop.targetId || 'top'}
        />
      ) : null}
    </>
  )
}
