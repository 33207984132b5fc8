import { afterAll, beforeAll, expect, test } from 'vitest'

import { startPayload, type TestContext } from '../helpers/payload.js'

// Imported by path so the dev app's generated types stay out of the plugin's own type check.
const seedModule = '../../dev/seed.js'
type Seed = (payload: TestContext['payload']) => Promise<void>

let ctx: TestContext
let seed: Seed
beforeAll(async () => {
  ctx = await startPayload({ plugin: { media: 'media', users: 'users' } })
  seed = ((await import(seedModule)) as { seed: Seed }).seed
  await seed(ctx.payload)
})
afterAll(async () => ctx?.stop())

const wordsOf = (node: any): number =>
  typeof node?.text === 'string'
    ? node.text.split(/\s+/).filter(Boolean).length
    : (node?.children ?? []).reduce((sum: number, child: unknown) => sum + wordsOf(child), 0)

test('the demo content passes every rule of the plugin and is what the README promises', async () => {
  const editors = await ctx.payload.find({
    collection: 'users',
    where: { email: { equals: 'editor@newsroom.test' } },
  })
  expect(editors.totalDocs).toBe(1)

  const regions = await ctx.payload.find({ collection: 'regions', sort: 'path' })
  expect(regions.docs.map((region: any) => region.path)).toEqual(['asien', 'asien/china', 'asien/kasachstan'])

  const sponsors = await ctx.payload.find({ collection: 'sponsors' })
  expect(sponsors.totalDocs).toBe(3)
  for (const sponsor of sponsors.docs as any[]) expect(sponsor.rel).toBe('sponsored noopener')

  const articles = await ctx.payload.find({ collection: 'articles', depth: 0, limit: 100 })
  expect(articles.totalDocs).toBeGreaterThanOrEqual(4)
  for (const article of articles.docs as any[]) expect(article._status).toBe('published')

  const lead = (articles.docs as any[]).find((article) => article.ai.usage === 'rewritten')
  expect(lead).toBeDefined()
  expect(lead.source.url).toMatch(/^https:\/\//)
  expect(wordsOf(lead.content.root)).toBeGreaterThanOrEqual(600)
  expect(lead.relatedLinks.docs.length).toBe(2)
  expect(lead.corrections.map((note: any) => note.kind)).toEqual(['correction'])
  // The demo shows each disclosure: a reviewed AI article and a paid one with its advertiser.
  expect((articles.docs as any[]).filter((article) => article.attribution.aiAct === 'exempt')).toHaveLength(1)
  expect((articles.docs as any[]).filter((article) => article.paidContent && article.paidBy)).toHaveLength(1)

  const comments = await ctx.payload.find({ collection: 'comments', where: { article: { equals: lead.id } } })
  expect(comments.docs.map((comment: any) => comment.status)).toEqual(['approved', 'approved'])
})

test('seeding again changes nothing', async () => {
  const before = (await ctx.payload.count({ collection: 'articles' })).totalDocs
  await seed(ctx.payload)
  expect((await ctx.payload.count({ collection: 'articles' })).totalDocs).toBe(before)
})
