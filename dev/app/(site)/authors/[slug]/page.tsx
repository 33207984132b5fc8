import type { Metadata } from 'next'

import config from '@payload-config'
import { notFound } from 'next/navigation.js'
import { APIError, getPayload } from 'payload'
import { getAuthorPage } from 'payload-newsroom'
import React, { cache } from 'react'

import { ArchiveList, decoded, limitOf, Pagination } from '../../ArchiveList.js'
import { feedAlternates } from '../../feedLinks.js'
import { JsonLd } from '../../articles/[slug]/JsonLd.js'
import { safeHref } from '../../articles/[slug]/RichText.js'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ cursor?: string; limit?: string }> }

// One delivery call per request, shared by generateMetadata and the page; a forged cursor is a 404.
const loadPage = cache(async (slug: string, cursor: string | undefined, limit: number | undefined) => {
  const payload = await getPayload({ config })
  try {
    return await getAuthorPage({ cursor, limit, locale: 'de', payload, slug })
  } catch (error) {
    if (error instanceof APIError && error.status === 400) return null
    throw error
  }
})

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const page = await loadPage(
    decoded((await params).slug),
    (await searchParams).cursor,
    limitOf((await searchParams).limit),
  )
  if (!page) return { title: 'Autor nicht gefunden | Newsroom-Demo' }
  return {
    alternates: feedAlternates(
      `Newsroom-Demo: ${page.author.name}`,
      `author=${encodeURIComponent(page.author.slug)}`,
    ),
    title: `${page.author.name} | Newsroom-Demo`,
  }
}

export default async function AuthorPageRoute({ params, searchParams }: Props) {
  const { cursor, limit: limitText } = await searchParams
  const limit = limitOf(limitText)
  const page = await loadPage(decoded((await params).slug), cursor, limit)
  if (!page) notFound()
  const { author } = page
  return (
    <>
      <header className="author-profile">
        {author.image ? <img alt="" className="author-image" src={author.image.url} /> : null}
        <h1>{author.name}</h1>
        {author.role ? <p className="subtitle">{author.role}</p> : null}
        {author.bio ? <p>{author.bio}</p> : null}
        {author.sameAs.length > 0 ? (
          <ul aria-label="Profile" className="same-as">
            {author.sameAs.map((url) => (
              <li key={url}>
                <a href={safeHref(url)} rel="me noopener">
                  {new URL(url).hostname}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </header>
      <section aria-labelledby="newsroom-archive">
        <h2 id="newsroom-archive">Artikel</h2>
        <ArchiveList items={page.articles} labelledBy="newsroom-archive" />
        <Pagination basePath={author.url} cursor={cursor} limit={limit} nextCursor={page.nextCursor} />
      </section>
      <JsonLd data={page.jsonLd} />
    </>
  )
}
