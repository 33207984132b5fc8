import type { CollectionSlug, Payload, PayloadRequest, RequiredDataFromCollectionSlug } from 'payload'

import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import {
  type DemoArticle,
  type DemoAuthorKey,
  type DemoRegionKey,
  demoAuthors,
  demoEditor,
  demoRegions,
  demoSponsors,
  leadArticle,
  leadComments,
  leadImage,
  leadRelatedLinks,
  shortArticles,
} from './seed/content.js'
import { toEditorState } from './seed/lexical.js'
import type { Article, Author, Region, Sponsor } from './payload-types.js'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/**
 * Demo content for the dev app, created once: the run is skipped when the demo editor exists.
 * Everything is written in one transaction, so a failed seed leaves nothing behind and the next
 * start tries again instead of finding a half-seeded database.
 */
export async function seed(payload: Payload): Promise<void> {
  const existing = await payload.count({
    collection: 'users',
    where: { email: { equals: demoEditor.email } },
  })
  if (existing.totalDocs > 0) return

  payload.logger.info('[newsroom] seeding demo content')
  const req = await createLocalReq({}, payload)
  await initTransaction(req)
  try {
    await seedContent(payload, req)
    await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    payload.logger.error({ err: error, msg: '[newsroom] seeding failed; nothing was stored' })
    return
  }
  payload.logger.info(`[newsroom] demo content ready; log in as ${demoEditor.email}`)
}

async function seedContent(payload: Payload, req: PayloadRequest): Promise<void> {
  const editor = await payload.create({
    collection: 'users',
    data: { email: demoEditor.email, password: demoEditor.password, name: demoEditor.name },
    req,
  })

  const regions = await seedRegions(payload, req)

  const authors = {} as Record<DemoAuthorKey, Author['id']>
  for (const [key, author] of Object.entries(demoAuthors) as Array<
    [DemoAuthorKey, (typeof demoAuthors)[DemoAuthorKey]]
  >) {
    const created = await payload.create({
      collection: 'authors',
      data: withGeneratedSlug<'authors'>({
        name: author.name,
        kind: author.kind,
        role: author.role,
        bio: author.bio,
        sameAs: author.sameAs.map((url) => ({ url })),
        user: author.linkedToEditor ? editor.id : undefined,
      }),
      req,
    })
    authors[key] = created.id
  }

  const sponsorIds: Array<Sponsor['id']> = []
  for (const sponsor of demoSponsors) {
    const created = await payload.create({
      collection: 'sponsors',
      data: {
        name: sponsor.name,
        url: sponsor.url,
        placement: sponsor.placement,
        priority: sponsor.priority,
        regions: 'regions' in sponsor ? sponsor.regions.map((key) => regions[key]) : [],
      },
      req,
    })
    sponsorIds.push(created.id)
  }

  const sponsorIdOf = (name: string) => sponsorIds[demoSponsors.findIndex((sponsor) => sponsor.name === name)]
  const createArticle = (article: DemoArticle, extra: Partial<Article> = {}) =>
    payload.create({
      collection: 'articles',
      data: withGeneratedSlug<'articles'>({
        ...articleData(article, regions, authors),
        ...(article.reviewed ? { ai: { humanReviewed: true, usage: article.ai } } : {}),
        ...(article.paidBy ? { paidBy: sponsorIdOf(article.paidBy), paidContent: true } : {}),
        ...(article.corrections ? { corrections: article.corrections } : {}),
        ...extra,
      }),
      req,
      // A review is recorded for the editor who confirms it: the demo editor.
      ...(article.reviewed ? { user: editor } : {}),
    })

  const short: Partial<Record<keyof typeof shortArticles, Article['id']>> = {}
  for (const [key, article] of Object.entries(shortArticles) as Array<
    [keyof typeof shortArticles, DemoArticle]
  >) {
    short[key] = (await createArticle(article)).id
  }

  const image = await payload.create({
    collection: 'media',
    data: { alt: leadImage.alt },
    filePath: path.resolve(dirname, 'seed', leadImage.file),
    // Every fresh database seeds the same file: replace it rather than pile up numbered copies.
    overwriteExistingFiles: true,
    req,
  })

  // The lead story is created last so it is the newest article on the home page.
  const lead = await createArticle(leadArticle, { image: image.id, sponsors: sponsorIds.slice(0, 2) })

  await payload.create({
    collection: 'related-links',
    data: {
      article: lead.id,
      type: 'internal',
      target: short[leadRelatedLinks.internal.target],
      order: leadRelatedLinks.internal.order,
    },
    req,
  })
  await payload.create({
    collection: 'related-links',
    data: {
      article: lead.id,
      type: 'external',
      url: leadRelatedLinks.external.url,
      label: leadRelatedLinks.external.label,
      order: leadRelatedLinks.external.order,
    },
    req,
  })

  for (const comment of leadComments) {
    await payload.create({
      collection: 'comments',
      data: { ...comment, article: lead.id, consent: true, status: 'approved' },
      req,
      // As the editor: public submissions are always pending; an editor may approve.
      user: editor,
    })
  }
}

async function seedRegions(
  payload: Payload,
  req: PayloadRequest,
): Promise<Record<DemoRegionKey, Region['id']>> {
  // Parents first: a region's breadcrumbs and path are computed from its saved parent.
  const asien = await payload.create({
    collection: 'regions',
    data: withGeneratedSlug<'regions'>({ ...demoRegions.asien }),
    req,
  })
  const china = await payload.create({
    collection: 'regions',
    data: withGeneratedSlug<'regions'>({ ...demoRegions.china, parent: asien.id }),
    req,
  })
  const kasachstan = await payload.create({
    collection: 'regions',
    data: withGeneratedSlug<'regions'>({ ...demoRegions.kasachstan, parent: asien.id }),
    req,
  })
  return { asien: asien.id, china: china.id, kasachstan: kasachstan.id }
}

function articleData(
  article: DemoArticle,
  regions: Record<DemoRegionKey, Region['id']>,
  authors: Record<DemoAuthorKey, Author['id']>,
): Omit<RequiredDataFromCollectionSlug<'articles'>, 'slug'> {
  const published = daysAgo(article.publishedDaysAgo)
  return {
    _status: 'published' as const,
    title: article.title,
    subtitle: article.subtitle,
    authors: article.authors.map((key) => authors[key]),
    regions: article.regions.map((key) => regions[key]),
    dateline: { place: article.dateline.place, date: published },
    publishedAt: published,
    content: toEditorState(article.body),
    source: article.source,
    ai: { usage: article.ai },
  }
}

/**
 * Slugs come from the plugin's slug hook (Payload's `slugField`), but the generated types mark the
 * field required, so the seed states once that it leaves the slug out on purpose.
 */
function withGeneratedSlug<TSlug extends CollectionSlug>(
  data: Omit<RequiredDataFromCollectionSlug<TSlug>, 'slug'>,
): RequiredDataFromCollectionSlug<TSlug> {
  return data as RequiredDataFromCollectionSlug<TSlug>
}

function daysAgo(days: number): string {
  const date = new Date()
  date.setUTCDate(date.getUTCDate() - days)
  date.setUTCHours(8, 0, 0, 0)
  return date.toISOString()
}
