import type { Metadata } from 'next'

import config from '@payload-config'
import { notFound } from 'next/navigation.js'
import { APIError, getPayload } from 'payload'
import { getRegionPage } from 'payload-newsroom'
import React, { cache } from 'react'

import { ArchiveList, decoded, limitOf, Pagination } from '../../ArchiveList.js'
import { feedAlternates } from '../../feedLinks.js'
import { JsonLd } from '../../articles/[slug]/JsonLd.js'
import { SponsorBox } from '../../articles/[slug]/SponsorBox.js'

export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ path: string[] }>
  searchParams: Promise<{ cursor?: string; limit?: string }>
}

// One delivery call per request, shared by generateMetadata and the page; a forged cursor is a 404.
const loadPage = cache(async (path: string, cursor: string | undefined, limit: number | undefined) => {
  const payload = await getPayload({ config })
  try {
    return await getRegionPage({ cursor, limit, locale: 'de', path, payload })
  } catch (error) {
    if (error instanceof APIError && error.status === 400) return null
    throw error
  }
})

const pathOf = (segments: string[]) => segments.map(decoded).join('/')

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const page = await loadPage(
    pathOf((await params).path),
    (await searchParams).cursor,
    limitOf((await searchParams).limit),
  )
  if (!page) return { title: 'Region nicht gefunden | Newsroom-Demo' }
  return {
    alternates: feedAlternates(
      `Newsroom-Demo: ${page.region.name}`,
      `region=${encodeURIComponent(page.region.path)}`,
    ),
    title: `${page.region.name} | Newsroom-Demo`,
  }
}

export default async function RegionPageRoute({ params, searchParams }: Props) {
  const { cursor, limit: limitText } = await searchParams
  const limit = limitOf(limitText)
  const page = await loadPage(pathOf((await params).path), cursor, limit)
  if (!page) notFound()
  const { region } = page
  return (
    <>
      <nav aria-label="Brotkrümelnavigation" className="breadcrumbs">
        <ol>
          {region.breadcrumbs.map((crumb, index) => (
            <li key={crumb.path}>
              {index === region.breadcrumbs.length - 1 ? (
                <span aria-current="page">{crumb.name}</span>
              ) : (
                <a href={crumb.url}>{crumb.name}</a>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <h1>{region.name}</h1>
      {page.children.length > 0 ? (
        <nav aria-labelledby="newsroom-children" className="child-regions">
          <h2 id="newsroom-children">Unterregionen</h2>
          <ul>
            {page.children.map((child) => (
              <li key={child.id}>
                <a href={child.url}>{child.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <section aria-labelledby="newsroom-archive">
        <h2 id="newsroom-archive">Artikel</h2>
        <ArchiveList items={page.articles} labelledBy="newsroom-archive" />
        <Pagination basePath={region.url} cursor={cursor} limit={limit} nextCursor={page.nextCursor} />
      </section>
      <SponsorBox sponsors={page.sponsors} />
      <JsonLd data={page.jsonLd} />
    </>
  )
}
