import { afterAll, beforeAll, expect, test } from 'vitest'

import { getArticlePage } from '../../src/index.js'
import { fixtures, type Fixtures } from '../helpers/fixtures.js'
import { startPayload, type TestContext } from '../helpers/payload.js'

let ctx: TestContext
let create: Fixtures
beforeAll(async () => {
  ctx = await startPayload({
    config: { localization: { defaultLocale: 'de', fallback: true, locales: ['de', 'en'] } },
  })
  create = fixtures(ctx.payload)
})
afterAll(async () => ctx?.stop())

type Doc = Record<string, any>

test('region names and breadcrumbs follow the locale; the path stays one', async () => {
  const asia = await create.region({ name: 'Asien', type: 'continent' }, { locale: 'de' })
  await ctx.payload.update({
    id: asia.id,
    collection: 'regions',
    data: { name: 'Asia' },
    locale: 'en',
  })
  // Breadcrumbs are JSON the region type leaves open; read loosely.
  const china: Doc = await create.region(
    { type: 'country', isoCode: 'CN', parent: asia.id },
    { locale: 'en' },
  )
  expect(china.name).toBe('China')
  expect(china.breadcrumbs.map((crumb: Doc) => crumb.name)).toEqual(['Asia', 'China'])
  await ctx.payload.update({ id: china.id, collection: 'regions', data: {}, locale: 'de' })
  const german = (await ctx.payload.findByID({ id: china.id, collection: 'regions', locale: 'de' })) as Doc
  expect(german.breadcrumbs.map((crumb: Doc) => crumb.name)).toEqual(['Asien', 'China'])
  expect(german.path).toBe('asien/china')
})

test("a country named from its code gets the name in the request's language", async () => {
  const kz = await create.region({ type: 'country', isoCode: 'KZ' }, { locale: 'de' })
  expect(kz.name).toBe('Kasachstan')
  expect(kz.slug).toBe('kasachstan')
})

test('article slugs come from the title in the locale being saved, and stay one per article', async () => {
  const article = await create.article({ title: 'Treffen in Almaty', _status: 'published' }, { locale: 'de' })
  const english = (await ctx.payload.update({
    id: article.id,
    collection: 'articles',
    data: { title: 'Meeting in Almaty' },
    locale: 'en',
  })) as Doc
  expect(english.slug).toBe('treffen-in-almaty')
  expect(english.title).toBe('Meeting in Almaty')
})

test('the sponsor label defaults per locale', async () => {
  const sponsor = await create.sponsor({ name: 'S', url: 'https://s.example' }, { locale: 'en' })
  expect(sponsor.disclosureLabel).toBe('Sponsored')
  const german = (await ctx.payload.findByID({
    id: sponsor.id,
    collection: 'sponsors',
    locale: 'de',
    fallbackLocale: false,
  })) as Doc
  // Nothing stored in German yet; readers still get German's label, never a blank or an English one.
  expect(german.disclosureLabel).toBe('Anzeige')
  const saved = (await ctx.payload.update({
    id: sponsor.id,
    collection: 'sponsors',
    data: {},
    locale: 'de',
  })) as Doc
  expect(saved.disclosureLabel).toBe('Anzeige')
})

test("each locale has its own allowed labels: 'Sponsored' in English, refused in German", async () => {
  const sponsor = await create.sponsor(
    { disclosureLabel: 'Paid content', name: 'Zweisprachig', url: 'https://z.example' },
    { locale: 'en' },
  )
  expect(sponsor.disclosureLabel).toBe('Paid content')
  await expect(
    ctx.payload.update({
      id: sponsor.id,
      collection: 'sponsors',
      data: { disclosureLabel: 'Sponsored' },
      locale: 'de',
    }),
  ).rejects.toMatchObject({ status: 400 })
  await expect(
    ctx.payload.update({
      id: sponsor.id,
      collection: 'sponsors',
      data: { disclosureLabel: 'Anzeige' },
      locale: 'en',
    }),
  ).rejects.toMatchObject({ status: 400 })
})

test('a note written in one locale lets the others save, and a retraction shows first in every locale', async () => {
  const article = await create.article({ _status: 'published', title: 'Zweisprachig' }, { locale: 'de' })
  await ctx.payload.update({
    id: article.id,
    collection: 'articles',
    data: { newCorrection: { kind: 'correction', text: 'Nur auf Deutsch.' } },
    locale: 'de',
  })
  const english = (await ctx.payload.update({
    id: article.id,
    collection: 'articles',
    data: { newCorrection: { kind: 'retraction', text: 'Withdrawn.' }, title: 'Bilingual' },
    locale: 'en',
  })) as Doc
  expect(english.retractedAt).toBeTruthy()
  const german = (await getArticlePage({ locale: 'de', payload: ctx.payload, slug: article.slug }))!
  expect(german.corrections[0]).toMatchObject({
    kind: 'retraction',
    label: 'Zurückgezogen',
    placement: 'top',
  })
})

test('restoring a version from before a note was translated cannot take the translation away', async () => {
  const article = await create.article({ _status: 'published', title: 'Mit Übersetzung' }, { locale: 'de' })
  await ctx.payload.update({
    id: article.id,
    collection: 'articles',
    data: { newCorrection: { kind: 'correction', text: 'Auf Deutsch.' } },
    locale: 'de',
  })
  const versions = await ctx.payload.findVersions({
    collection: 'articles',
    sort: '-createdAt',
    where: { parent: { equals: article.id } },
  })
  const untranslated = versions.docs[0]!
  const german = (await ctx.payload.findByID({ id: article.id, collection: 'articles', locale: 'de' })) as Doc
  await ctx.payload.update({
    id: article.id,
    collection: 'articles',
    data: { corrections: [{ ...german.corrections[0], text: 'In English.' }], title: 'With a translation' },
    locale: 'en',
  })
  await expect(
    ctx.payload.restoreVersion({ id: untranslated.id, collection: 'articles' }),
  ).rejects.toMatchObject({
    status: 400,
  })
  const english = (await ctx.payload.findByID({
    id: article.id,
    collection: 'articles',
    locale: 'en',
  })) as Doc
  expect(english.corrections[0].text).toBe('In English.')
})
