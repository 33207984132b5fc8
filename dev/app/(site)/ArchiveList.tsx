import type { ArchiveItem } from 'payload-newsroom'

import React from 'react'

import { formatDate } from './articles/[slug]/dates.js'

/** A newest-first list of articles; paid content carries its disclosure label first. */
export function ArchiveList({ items, labelledBy }: { items: ArchiveItem[]; labelledBy: string }) {
  if (items.length === 0) return <p>Noch keine veröffentlichten Artikel.</p>
  return (
    <ul aria-labelledby={labelledBy} className="article-list">
      {items.map((item) => (
        <li key={item.id}>
          {item.label ? <p className="kicker kicker--ad">{item.label}</p> : null}
          <h3>
            <a href={item.url}>{item.title}</a>
          </h3>
          {item.subtitle ? <p>{item.subtitle}</p> : null}
          <time dateTime={item.publishedAt}>{formatDate(item.publishedAt)}</time>
        </li>
      ))}
    </ul>
  )
}

/** A route segment as Next hands it over (still encoded); a broken escape becomes an unknown page, not a 500. */
export const decoded = (segment: string): string => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return '\u0000'
  }
}

/** A page size from the address (`?limit=`), for trying the pagination with few articles. */
export const limitOf = (value: string | undefined): number | undefined =>
  value && /^\d{1,3}$/.test(value) ? Number(value) : undefined

/** Plain links, so the pages work with a keyboard and without JavaScript. */
export function Pagination({
  basePath,
  cursor,
  limit,
  nextCursor,
}: {
  basePath: string
  cursor?: string
  limit?: number
  nextCursor: null | string
}) {
  if (!cursor && !nextCursor) return null
  const href = (query: string[]) => {
    const all = limit ? [...query, `limit=${limit}`] : query
    return all.length ? `${basePath}?${all.join('&')}` : basePath
  }
  return (
    <nav aria-label="Seiten" className="pagination">
      {cursor ? <a href={href([])}>Neueste Artikel</a> : null}
      {nextCursor ? (
        <a href={href([`cursor=${encodeURIComponent(nextCursor)}`])} rel="next">
          Ältere Artikel
        </a>
      ) : null}
    </nav>
  )
}
