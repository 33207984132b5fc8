import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { fixtures, type Fixtures } from '../helpers/fixtures.js'
import { startWithEditor } from '../helpers/payload.js'
import { errorPaths, restClient } from '../helpers/rest.js'

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let create: Fixtures
let token: string
beforeAll(async () => {
  ctx = await startWithEditor()
  create = fixtures(ctx.payload)
  token = ctx.token
})
afterAll(async () => ctx?.stop())

type Region = Record<string, any>
const updateRegion = (id: number, data: Record<string, unknown>) =>
  ctx.payload.update({ id, collection: 'regions', data }) as Promise<Region>
const findRegion = (id: number) => ctx.payload.findByID({ id, collection: 'regions' }) as Promise<Region>
const regionCount = async () => (await ctx.payload.count({ collection: 'regions' })).totalDocs

describe('ISO codes', () => {
  test('a country code is stored upper-case and fills an empty name from the code', async () => {
    const region = await create.region({ type: 'country', isoCode: ' kz ' })
    expect(region.isoCode).toBe('KZ')
    expect(region.name).toBe('Kasachstan')
    expect(region.slug).toBe('kasachstan')
  })

  test('a subdivision takes an ISO 3166-2 code', async () => {
    const region = await create.region({
      name: 'Regierungsbezirk Peking',
      type: 'subdivision',
      isoCode: 'cn-bj',
    })
    expect(region.isoCode).toBe('CN-BJ')
  })

  test.each([
    ['country', 'XX'],
    ['country', 'XK'],
    ['country', 'DEU'],
    ['subdivision', 'CN'],
    ['subdivision', 'XX-AB'],
    ['city', 'nonsense'],
  ])('a %s with code %s is refused with 400 on isoCode, nothing stored', async (type, isoCode) => {
    const before = await regionCount()
    const response = await restClient(ctx.config).post(
      '/regions',
      { name: 'Irgendwo', type, isoCode },
      { token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['isoCode'])
    expect(await regionCount()).toBe(before)
  })

  test('a region without name and without country code is refused on name', async () => {
    const before = await regionCount()
    const response = await restClient(ctx.config).post('/regions', { type: 'other' }, { token })
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toContain('name')
    expect(await regionCount()).toBe(before)
  })
})

describe('the region tree', () => {
  test('breadcrumbs run root first and include the region; path joins the slugs', async () => {
    const asia = await create.region({ name: 'Asien', type: 'continent' })
    const china = await create.region({ name: 'China', type: 'country', isoCode: 'CN', parent: asia.id })
    const beijing = await create.region({ name: 'Peking', type: 'city', parent: china.id })
    expect(beijing.breadcrumbs).toEqual([
      { id: asia.id, name: 'Asien', slug: 'asien' },
      { id: china.id, name: 'China', slug: 'china' },
      { id: beijing.id, name: 'Peking', slug: 'peking' },
    ])
    expect(beijing.path).toBe('asien/china/peking')
    // What is stored is what is returned: the create's own id is in the stored breadcrumbs.
    const [row] = await ctx.query<{ path: string }>('SELECT path FROM regions WHERE id = $1', [beijing.id])
    expect(row!.path).toBe('asien/china/peking')
    expect((await findRegion(asia.id)).breadcrumbs).toEqual([{ id: asia.id, name: 'Asien', slug: 'asien' }])
  })

  test('clients cannot set breadcrumbs or path', async () => {
    const region = await create.region({
      name: 'Mongolei',
      type: 'country',
      breadcrumbs: [{ id: 999, name: 'x', slug: 'x' }],
      path: 'x/y',
    })
    expect(region.path).toBe('mongolei')
    expect(region.breadcrumbs).toHaveLength(1)
  })

  test('a rename is carried to every descendant', async () => {
    const root = await create.region({ name: 'Zentralasien', type: 'other' })
    const country = await create.region({ name: 'Kirgisistan', type: 'country', parent: root.id })
    const city = await create.region({ name: 'Bischkek', type: 'city', parent: country.id })
    await updateRegion(root.id, { name: 'Mittelasien', slug: 'mittelasien' })
    const updatedCity = await findRegion(city.id)
    expect(updatedCity.breadcrumbs.map((crumb: Region) => crumb.name)).toEqual([
      'Mittelasien',
      'Kirgisistan',
      'Bischkek',
    ])
    expect(updatedCity.path).toBe('mittelasien/kirgisistan/bischkek')
    expect((await findRegion(country.id)).path).toBe('mittelasien/kirgisistan')
  })

  test('a move is carried to every descendant', async () => {
    const europe = await create.region({ name: 'Europa', type: 'continent' })
    const wrong = await create.region({ name: 'Falscher Kontinent', type: 'continent' })
    const country = await create.region({ name: 'Georgien', type: 'country', parent: wrong.id })
    const city = await create.region({ name: 'Tiflis', type: 'city', parent: country.id })
    await updateRegion(country.id, { parent: europe.id })
    expect((await findRegion(city.id)).path).toBe('europa/georgien/tiflis')
    expect((await findRegion(country.id)).breadcrumbs[0]).toEqual({
      id: europe.id,
      name: 'Europa',
      slug: 'europa',
    })
  })

  test('a region cannot be its own parent', async () => {
    const region = await create.region({ name: 'Insel', type: 'other' })
    const response = await restClient(ctx.config).patch(
      `/regions/${region.id}`,
      { parent: region.id },
      { token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['parent'])
    expect((await findRegion(region.id)).parent).toBeNull()
  })

  test('a region cannot move below its own descendant', async () => {
    const top = await create.region({ name: 'Oben', type: 'other' })
    const middle = await create.region({ name: 'Mitte', type: 'other', parent: top.id })
    const bottom = await create.region({ name: 'Unten', type: 'other', parent: middle.id })
    const response = await restClient(ctx.config).patch(
      `/regions/${top.id}`,
      { parent: bottom.id },
      { token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['parent'])
    const stored = await findRegion(top.id)
    expect(stored.parent).toBeNull()
    expect(stored.path).toBe('oben')
    expect((await findRegion(bottom.id)).path).toBe('oben/mitte/unten')
  })

  test('an unknown parent id is refused with 400 on parent, nothing stored', async () => {
    const before = await regionCount()
    const response = await restClient(ctx.config).post(
      '/regions',
      { name: 'Waise', type: 'other', parent: 987654 },
      { token },
    )
    expect(response.status).toBe(400)
    expect(errorPaths(response)).toEqual(['parent'])
    expect(await regionCount()).toBe(before)
  })
})
