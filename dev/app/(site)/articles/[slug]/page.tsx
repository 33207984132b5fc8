import type { Metadata } from 'next'

import config from '@payload-config'
import { notFound } from 'next/navigation.js'
import { getPayload } from 'payload'
import { getArticlePage } from 'payload-newsroom'
import React, { cache } from 'react'

import { ArticleView } from './ArticleView.js'

// Always read the current state of the database; this is a CMS preview, not a static site.
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

// One delivery call per request, shared by generateMetadata and the page.
const loadPage = cache(async (slug: string) => {
  const payload = await getPayload({ config })
  return getArticlePage({ payload, slug, locale: 'de' })
})

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await loadPage((await params).slug)
  if (!page) return { title: 'Artikel nicht gefunden | Newsroom-Demo' }
  return {
    title: `${page.article.title} | Newsroom-Demo`,
    description: page.article.subtitle ?? undefined,
  }
}

export default async function ArticlePageRoute({ params }: Props) {
  const page = await loadPage((await params).slug)
  if (!page) notFound()
  return <ArticleView page={page} />
}
