import type { Metadata } from 'next'
import type { PaginatedDocs, Payload } from 'payload'

import config from '@payload-config'
import { notFound } from 'next/navigation.js'
import { getPayload } from 'payload'
import { getArticlePage } from 'payload-newsroom'
import { tagNextCache } from 'payload-newsroom/next'
import React, { cache } from 'react'

import type { ApprovedComments, PublicComment } from './CommentList.js'

import { ArticleView } from './ArticleView.js'

// Rendered on the first request, then served from Next's cache until a change names one of the
// page's tags (onInvalidate + nextInvalidate in payload.config.ts) or its revalidateAt passes.
export const revalidate = false
export const generateStaticParams = async (): Promise<{ slug: string }[]> => []

type Props = { params: Promise<{ slug: string }> }

// One delivery call per request, shared by generateMetadata and the page.
const loadPage = cache(async (slug: string) => {
  const payload = await getPayload({ config })
  return getArticlePage({ payload, slug, locale: 'de' })
})

/**
 * The article's approved comments, read as an anonymous reader (`overrideAccess: false`, no user),
 * so the collection's access rules apply on top of the status filter and private fields stay out.
 */
async function loadApprovedComments(payload: Payload, articleId: number | string): Promise<ApprovedComments> {
  // The collection may not be registered yet; the generated types learn about it only later.
  const collections = payload.collections as Partial<Record<string, unknown>>
  if (!collections.comments) return { docs: [], totalDocs: 0 }
  try {
    const result = (await payload.find({
      collection: 'comments',
      where: { and: [{ article: { equals: articleId } }, { status: { equals: 'approved' } }] },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: false,
      limit: 100,
      select: { authorName: true, authorUrl: true, body: true, createdAt: true },
    } as unknown as Parameters<Payload['find']>[0])) as unknown as PaginatedDocs<PublicComment>
    return { docs: result.docs, totalDocs: result.totalDocs }
  } catch (error) {
    // The article still renders; the comment list is left out instead of claiming there are none.
    payload.logger.error({ err: error, msg: `Could not load the comments of article ${articleId}` })
    return null
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await loadPage((await params).slug)
  if (!page) return { title: 'Artikel nicht gefunden | Newsroom-Demo' }
  // Paid content is labelled in the title too: browser tabs, bookmarks and search results show it.
  const title = page.article.label ? `${page.article.label}: ${page.article.title}` : page.article.title
  return {
    title: `${title} | Newsroom-Demo`,
    description: page.article.subtitle ?? undefined,
  }
}

export default async function ArticlePageRoute({ params }: Props) {
  const page = await loadPage((await params).slug)
  if (!page) notFound()
  const payload = await getPayload({ config })
  const approvedComments = await loadApprovedComments(payload, page.article.id)
  // Kept until a change names one of the page's tags; a page missing its comments only briefly.
  const retryAt = new Date(Date.now() + 10_000).toISOString()
  await tagNextCache(approvedComments ? page.cache : { ...page.cache, revalidateAt: retryAt })
  return <ArticleView approvedComments={approvedComments} page={page} />
}
