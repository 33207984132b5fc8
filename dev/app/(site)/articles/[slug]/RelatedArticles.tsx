import type { ArticlePage } from 'payload-newsroom'

import React from 'react'

import { formatDate } from './dates.js'
import { safeHref } from './RichText.js'

export function RelatedArticles({ related }: { related: ArticlePage['related'] }) {
  if (related.length === 0) return null
  return (
    <section aria-labelledby="newsroom-related" className="related">
      <h2 id="newsroom-related">Ähnliche Artikel</h2>
      <ul>
        {related.map((item, index) => (
          <li key={`${item.type}-${item.slug ?? item.url ?? index}`}>
            <RelatedLink item={item} />
            <span className="related-meta">
              {item.type === 'external' ? hostOf(item.url) : null}
              {item.type === 'internal' && item.publishedAt ? (
                <time dateTime={item.publishedAt}>{formatDate(item.publishedAt)}</time>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}

function RelatedLink({ item }: { item: ArticlePage['related'][number] }) {
  if (item.type === 'internal' && item.url) {
    // Paid content says so in the link itself, for the eye and for screen readers.
    return (
      <a href={item.url}>
        {item.label ? <span className="ad-label">{item.label}</span> : null}
        {item.label ? ' ' : null}
        {item.title}
      </a>
    )
  }
  const href = safeHref(item.url)
  if (item.type === 'external' && href) {
    return (
      <a href={href} rel="noopener">
        {item.title}
      </a>
    )
  }
  return <span>{item.title}</span>
}

function hostOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).hostname : null
  } catch {
    return null
  }
}
