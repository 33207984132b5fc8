import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { NewsroomSponsor } from '../../src/index.js'

import { type FixtureData, fixtures } from '../helpers/fixtures.js'
import { startWithEditor } from '../helpers/payload.js'
import { errorPaths, restClient } from '../helpers/rest.js'

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let token: string
beforeAll(async () => {
  ctx = await startWithEditor()
  token = ctx.token
})
afterAll(async () => ctx?.stop())

type Sponsor = Record<string, any>
const createSponsor = (data: FixtureData<NewsroomSponsor>) =>
  fixtures(ctx.payload).sponsor({ url: 'https://sponsor.example', ...data })
const sponsorCount = async () => (await ctx.payload.count({ collection: 'sponsors' })).totalDocs

describe('sponsor links are always marked and labelled', () => {
  test.each(['constructor', '__proto__', 'toString'])(
    'a save with ?locale=%s still stores the default label (a locale is never an object key)',
    async (locale) => {
      const response = await ctx.rest.post(
        `/sponsors?locale=${locale}`,
        { name: `Gebietsfremd ${locale}`, url: 'https://g.example' },
        { token },
      )
      expect(response.status).toBe(201)
      const [row] = await ctx.query<{ label: string }>(
        'SELECT disclosure_label AS label FROM sponsors WHERE id = $1',
        [response.json.doc.id],
      )
      expect(row!.label).toBe('Anzeige')
    },
  )

  test('rel is "sponsored noopener" whatever a client sends', async () => {
    const sponsor = await createSponsor({ name: 'Bäckerei', rel: 'dofollow' })
    expect(sponsor.rel).toBe('sponsored noopener')
    const updated = (await ctx.payload.update({
      id: sponsor.id,
      collection: 'sponsors',
      data: { rel: '' },
    })) as Sponsor
    expect(updated.rel).toBe('sponsored noopener')
    const [row] = await ctx.query<{ rel: string }>('SELECT rel FROM sponsors WHERE id = $1', [sponsor.id])
    expect(row!.rel).toBe('sponsored noopener')
  })

  test('the disclosure label defaults to "Anzeige" and is never blank', async () => {
    const sponsor = await createSponsor({ name: 'Autohaus' })
    expect(sponsor.disclosureLabel).toBe('Anzeige')
    const blanked = (await ctx.payload.update({
      id: sponsor.id,
      collection: 'sponsors',
      data: { disclosureLabel: '   ' },
    })) as Sponsor
    expect(blanked.disclosureLabel).toBe('Anzeige')
  })

  test('an editor may choose another label, and it survives unrelated updates', async () => {
    const sponsor = await createSponsor({ name: 'Reisebüro', disclosureLabel: 'Werbung' })
    const renamed = (await ctx.payload.update({
      id: sponsor.id,
      collection: 'sponsors',
      data: { name: 'Reisebüro Nord' },
    })) as Sponsor
    expect(renamed.disclosureLabel).toBe('Werbung')
  })

  test('"Sponsored" or "Partner" is refused as a German label, in German, nothing stored (§ 22 MStV)', async () => {
    for (const label of ['Sponsored', 'Partner', 'Sponsored by Bäckerei']) {
      const before = await sponsorCount()
      const response = await ctx.rest.post(
        '/sponsors',
        { disclosureLabel: label, name: 'Falsch gekennzeichnet', url: 'https://a.example' },
        { headers: { 'accept-language': 'de' }, token },
      )
      expect(response.status).toBe(400)
      expect(errorPaths(response)).toEqual(['disclosureLabel'])
      expect(response.json.errors[0].data.errors[0].message).toBe(
        `„${label}“ ist für diese Sprache keine zulässige Werbekennzeichnung. Erlaubt: Anzeige, Werbung.`,
      )
      expect(await sponsorCount()).toBe(before)
    }
    // Through the Local API too, which skips field access.
    await expect(createSponsor({ disclosureLabel: 'Sponsored', name: 'Lokal' })).rejects.toMatchObject({
      status: 400,
    })
  })

  test('every read carries an allowed label and the constant rel, whatever is stored', async () => {
    const sponsor = await createSponsor({ name: 'Altbestand' })
    await ctx.query(`UPDATE sponsors SET rel = '' WHERE id = $1`, [sponsor.id])
    // This configuration has no localization: the label is a column of the row.
    await ctx.query(`UPDATE sponsors SET disclosure_label = 'Sponsored by' WHERE id = $1`, [sponsor.id])
    const read = (await ctx.rest.get(`/sponsors/${sponsor.id}`)).json
    expect(read).toMatchObject({ disclosureLabel: 'Anzeige', rel: 'sponsored noopener' })
  })

  test('a list given to a single relationship is a 400 naming the field, not a 500', async () => {
    const advertiser = await createSponsor({ name: 'Einzeln' })
    const response = await ctx.rest.post(
      '/articles?draft=true',
      { paidBy: [advertiser.id], paidContent: true, title: 'Liste statt Wert' },
      { token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['paidBy'])
  })

  test('an allowed label is stored in its listed spelling', async () => {
    expect((await createSponsor({ disclosureLabel: ' WERBUNG ', name: 'Laut' })).disclosureLabel).toBe(
      'Werbung',
    )
  })

  test('"active until" before "active from" is refused on activeUntil, nothing stored', async () => {
    const before = await sponsorCount()
    const response = await restClient(ctx.config).post(
      '/sponsors',
      {
        name: 'Zeitreise',
        url: 'https://a.example',
        activeFrom: '2026-05-01T00:00:00Z',
        activeUntil: '2026-04-01T00:00:00Z',
      },
      { token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['activeUntil'])
    expect(await sponsorCount()).toBe(before)
  })

  test('the window is also checked against stored dates on update', async () => {
    const sponsor = await createSponsor({ name: 'Saison', activeFrom: '2026-06-01T00:00:00Z' })
    const response = await restClient(ctx.config).patch(
      `/sponsors/${sponsor.id}`,
      { activeUntil: '2026-01-01T00:00:00Z' },
      { token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['activeUntil'])
  })

  test('an unknown region id in targeting is refused with 400 on regions', async () => {
    const before = await sponsorCount()
    const response = await restClient(ctx.config).post(
      '/sponsors',
      { name: 'Ziel', url: 'https://a.example', regions: [424242] },
      { token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['regions'])
    expect(await sponsorCount()).toBe(before)
  })
})

describe('anonymous readers see only sponsors that are active now', () => {
  test('inactive, not yet started and expired sponsors are hidden', async () => {
    const day = 24 * 60 * 60 * 1000
    const now = Date.now()
    await createSponsor({ name: 'Sichtbar A' })
    await createSponsor({
      name: 'Sichtbar B',
      activeFrom: new Date(now - day).toISOString(),
      activeUntil: new Date(now + day).toISOString(),
    })
    await createSponsor({ name: 'Abgeschaltet', active: false })
    await createSponsor({ name: 'Zukünftig', activeFrom: new Date(now + day).toISOString() })
    await createSponsor({
      name: 'Abgelaufen',
      activeFrom: new Date(now - 2 * day).toISOString(),
      activeUntil: new Date(now - day).toISOString(),
    })
    const anonymous = await restClient(ctx.config).get('/sponsors?limit=100&where[name][like]=Sichtbar')
    expect(anonymous.json.docs.map((doc: Sponsor) => doc.name).sort()).toEqual(['Sichtbar A', 'Sichtbar B'])
    const all = await restClient(ctx.config).get('/sponsors?limit=100', {})
    const names = all.json.docs.map((doc: Sponsor) => doc.name)
    expect(names).not.toContain('Abgeschaltet')
    expect(names).not.toContain('Zukünftig')
    expect(names).not.toContain('Abgelaufen')
    const editor = await restClient(ctx.config).get('/sponsors?limit=100', { token })
    expect(editor.json.docs.map((doc: Sponsor) => doc.name)).toEqual(
      expect.arrayContaining(['Abgeschaltet', 'Zukünftig', 'Abgelaufen']),
    )
  })
})

describe('paid content names its advertiser', () => {
  test('publishing paid content without paidBy is refused on paidBy; drafts may wait', async () => {
    const before = (await ctx.payload.count({ collection: 'articles' })).totalDocs
    const response = await ctx.rest.post(
      '/articles',
      { _status: 'published', paidContent: true, title: 'Reisen nach Almaty' },
      { headers: { 'accept-language': 'en' }, token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['paidBy'])
    expect(response.json.errors[0].data.errors[0].message).toBe(
      'Paid content names its advertiser: choose the sponsor who paid for it.',
    )
    expect((await ctx.payload.count({ collection: 'articles' })).totalDocs).toBe(before)
    const draft = await ctx.rest.post(
      '/articles?draft=true',
      { paidContent: true, title: 'Reisen, Entwurf' },
      { token },
    )
    expect(draft.status).toBe(201)
    const advertiser = await createSponsor({ name: 'Reisebüro Steppe' })
    const published = await ctx.rest.patch(
      `/articles/${draft.json.doc.id}`,
      { _status: 'published', paidBy: advertiser.id },
      { token },
    )
    expect(published.status).toBe(200)
  })

  test('a sponsor that paid for an article cannot be deleted (409); the article stays whole', async () => {
    const advertiser = await createSponsor({ name: 'Auftraggeber' })
    const article = await fixtures(ctx.payload).article({
      _status: 'published',
      paidBy: advertiser.id,
      paidContent: true,
      title: 'Bezahlt',
    })
    const response = await ctx.rest.delete(`/sponsors/${advertiser.id}`, {
      headers: { 'accept-language': 'de' },
      token,
    })
    expect(response.status).toBe(409)
    expect(JSON.stringify(response.json)).toContain('Auftraggeber von 1 Artikeln')
    const [row] = await ctx.query<{ paidBy: number }>(
      'SELECT paid_by_id AS "paidBy" FROM articles WHERE id = $1',
      [article.id],
    )
    expect(Number(row!.paidBy)).toBe(Number(advertiser.id))
    // Once the article names another advertiser, the sponsor may go.
    const other = await createSponsor({ name: 'Nachfolger' })
    await ctx.payload.update({ id: article.id, collection: 'articles', data: { paidBy: other.id } })
    expect((await ctx.rest.delete(`/sponsors/${advertiser.id}`, { token })).status).toBe(200)
  })

  test('a paidBy left on an article that is no longer paid does not hold its sponsor', async () => {
    const advertiser = await createSponsor({ name: 'Ehemals' })
    const article = await fixtures(ctx.payload).article({
      _status: 'published',
      paidBy: advertiser.id,
      paidContent: true,
      title: 'Nicht mehr bezahlt',
    })
    await ctx.payload.update({ id: article.id, collection: 'articles', data: { paidContent: false } })
    expect((await ctx.rest.delete(`/sponsors/${advertiser.id}`, { token })).status).toBe(200)
  })
})
