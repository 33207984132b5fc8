import { afterAll, beforeAll, expect, test } from 'vitest'

import { startPayload, type TestContext } from '../helpers/payload.js'

let ctx: TestContext
beforeAll(async () => {
  ctx = await startPayload(
    { media: 'media' },
    { localization: { defaultLocale: 'de', fallback: true, locales: ['de', 'en'] } },
  )
})
afterAll(async () => ctx?.stop())

type Doc = Record<string, any>

test('region names and breadcrumbs follow the locale; the path stays one', async () => {
  const asia = (await ctx.payload.create({
    collection: 'regions',
    data: { name: 'Asien', type: 'continent' } as never,
    locale: 'de',
  })) as Doc
  await ctx.payload.update({
    id: asia.id,
    collection: 'regions',
    data: { name: 'Asia' } as never,
    locale: 'en',
  })
  const china = (await ctx.payload.create({
    collection: 'regions',
    data: { type: 'country', isoCode: 'CN', parent: asia.id } as never,
    locale: 'en',
  })) as Doc
  expect(china.name).toBe('China')
  expect(china.breadcrumbs.map((crumb: Doc) => crumb.name)).toEqual(['Asia', 'China'])
  await ctx.payload.update({ id: china.id, collection: 'regions', data: {} as never, locale: 'de' })
  const german = (await ctx.payload.findByID({ id: china.id, collection: 'regions', locale: 'de' })) as Doc
  expect(german.breadcrumbs.map((crumb: Doc) => crumb.name)).toEqual(['Asien', 'China'])
  expect(german.path).toBe('asien/china')
})

test("a country named from its code gets the name in the request's language", async () => {
  const kz = (await ctx.payload.create({
    collection: 'regions',
    data: { type: 'country', isoCode: 'KZ' } as never,
    locale: 'de',
  })) as Doc
  expect(kz.name).toBe('Kasachstan')
  expect(kz.slug).toBe('kasachstan')
})

test('article slugs come from the title in the locale being saved, and stay one per article', async () => {
  const article = (await ctx.payload.create({
    collection: 'articles',
    data: { title: 'Treffen in Almaty', _status: 'published' } as never,
    locale: 'de',
  })) as Doc
  const english = (await ctx.payload.update({
    id: article.id,
    collection: 'articles',
    data: { title: 'Meeting in Almaty' } as never,
    locale: 'en',
  })) as Doc
  expect(english.slug).toBe('treffen-in-almaty')
  expect(english.title).toBe('Meeting in Almaty')
})

test('the sponsor label defaults per locale', async () => {
  const sponsor = (await ctx.payload.create({
    collection: 'sponsors',
    data: { name: 'S', url: 'https://s.example' } as never,
    locale: 'en',
  })) as Doc
  expect(sponsor.disclosureLabel).toBe('Sponsored')
  const german = (await ctx.payload.findByID({
    id: sponsor.id,
    collection: 'sponsors',
    locale: 'de',
    fallbackLocale: false as never,
  })) as Doc
  expect(german.disclosureLabel ?? null).toBeNull()
  const saved = (await ctx.payload.update({
    id: sponsor.id,
    collection: 'sponsors',
    data: {} as never,
    locale: 'de',
  })) as Doc
  expect(saved.disclosureLabel).toBe('Anzeige')
})
