import config from '@payload-config'
import { getPayload } from 'payload'
import React from 'react'

// Always read the current state of the database; this is a CMS preview, not a static site.
export const dynamic = 'force-dynamic'

const dateFormat = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long' })

export default async function HomePage() {
  const payload = await getPayload({ config })
  // Read as an anonymous visitor, so the page shows exactly what the public may see.
  const { docs } = await payload.find({
    collection: 'articles',
    depth: 0,
    limit: 20,
    overrideAccess: false,
    sort: '-publishedAt',
    where: { _status: { equals: 'published' } },
  })

  return (
    <>
      <h1>Aktuelle Artikel</h1>
      {docs.length === 0 ? (
        <p>Noch keine veröffentlichten Artikel.</p>
      ) : (
        <ul className="article-list">
          {docs.map((article) => (
            <li key={article.id}>
              <h2>
                <a href={`/articles/${article.slug}`}>{article.title}</a>
              </h2>
              {article.subtitle ? <p>{article.subtitle}</p> : null}
              {article.publishedAt ? (
                <time dateTime={article.publishedAt}>{dateFormat.format(new Date(article.publishedAt))}</time>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
