import type { CollectionSlug } from 'payload'

import { searchPlugin } from '@payloadcms/plugin-search'
import { seoPlugin } from '@payloadcms/plugin-seo'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { getArticlePage } from '../../src/index.js'
import { fixtures } from '../helpers/fixtures.js'
import { startWithEditor } from '../helpers/payload.js'

// The plugin next to Payload's own SEO and search plugins in one config, as a newsroom would run
// them: SEO's meta fields and the search index on our articles, our rules and hooks intact.
type Doc = Record<string, any>

let ctx: Awaited<ReturnType<typeof startWithEditor>>
beforeAll(async () => {
  ctx = await startWithEditor({
    config: {
      plugins: [
        seoPlugin({
          collections: ['articles'],
          generateTitle: ({ doc }) => `${doc?.title ?? ''} | Steppenbote`,
          uploadsCollection: 'media',
        }),
        searchPlugin({ collections: ['articles'], defaultPriorities: { articles: 10 } }),
      ],
    },
    plugin: { media: 'media' },
  })
})
afterAll(async () => ctx?.stop())

// Loosely typed: articles here carry the SEO plugin's `meta` group besides the plugin's fields.
const article = (data: Record<string, unknown>, draft = false) =>
  ctx.payload.create({ collection: 'articles', data, draft }) as Promise<Doc>
const search = () =>
  ctx.payload.find({ collection: 'search' as CollectionSlug, depth: 0, limit: 100 }) as Promise<{
    docs: Doc[]
  }>

describe('with @payloadcms/plugin-seo and @payloadcms/plugin-search', () => {
  test("articles carry SEO's meta group and our own fields and hooks", async () => {
    const fields = ctx.payload.collections.articles.config.flattenedFields.map((field) => field.name)
    expect(fields).toEqual(expect.arrayContaining(['meta', 'attribution', 'layout', 'slug', 'regions']))
    const summit = await article({
      _status: 'published',
      ai: { usage: 'rewritten' },
      meta: { description: 'Kurzfassung für Suchmaschinen', title: 'Gipfel in Astana | Steppenbote' },
      source: { kind: 'external', name: 'Steppenkurier', url: 'https://quelle.example/gipfel' },
      title: 'Gipfel in Astana',
    })
    expect(summit.slug).toBe('gipfel-in-astana')
    expect(summit.attribution.required).toBe(true)
    expect(summit.meta).toMatchObject({ description: 'Kurzfassung für Suchmaschinen' })
    const page = await getArticlePage({ payload: ctx.payload, slug: summit.slug })
    expect(page?.attribution?.sourceUrl).toBe('https://quelle.example/gipfel')
  })

  test('published articles reach the search index, drafts do not; our publish gate still holds', async () => {
    const published = await article({ _status: 'published', title: 'Im Suchindex' })
    await article({ title: 'Nur ein Entwurf' }, true)
    const indexed = (await search()).docs
    expect(indexed.map((doc) => doc.title)).toContain('Im Suchindex')
    expect(indexed.map((doc) => doc.title)).not.toContain('Nur ein Entwurf')
    expect(indexed.find((doc) => doc.title === 'Im Suchindex')?.doc).toMatchObject({
      relationTo: 'articles',
      value: published.id,
    })

    const before = (await search()).docs.length
    await expect(
      article({ _status: 'published', ai: { usage: 'rewritten' }, title: 'Ohne Quelle' }),
    ).rejects.toMatchObject({ status: 400 })
    expect((await search()).docs.length).toBe(before)
    expect(await ctx.query(`SELECT id FROM articles WHERE title = 'Ohne Quelle'`)).toEqual([])
  })

  test('the search plugin hooks and ours both run: unpublishing hides related links and leaves the index', async () => {
    const withdrawn = await article({ _status: 'published', title: 'Wird zurückgezogen' })
    await fixtures(ctx.payload).relatedLink({
      article: withdrawn.id,
      label: 'Mehr',
      type: 'external',
      url: 'https://mehr.example',
    })
    expect((await search()).docs.map((doc) => doc.title)).toContain('Wird zurückgezogen')
    await ctx.payload.update({
      id: withdrawn.id,
      collection: 'articles',
      data: { _status: 'draft' },
    })
    const [link] = await ctx.query(`SELECT article_published FROM related_links WHERE article_id = $1`, [
      withdrawn.id,
    ])
    expect(link?.article_published).toBe(false)
    expect((await search()).docs.map((doc) => doc.title)).not.toContain('Wird zurückgezogen')
  })
})
