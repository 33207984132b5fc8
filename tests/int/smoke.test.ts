import { afterAll, beforeAll, expect, test } from 'vitest'

import { startPayload, type TestContext } from '../helpers/payload.js'

let ctx: TestContext
beforeAll(async () => {
  ctx = await startPayload()
})
afterAll(async () => ctx?.stop())

test('smoke', async () => {
  const region = await ctx.payload.create({ collection: 'regions', data: { name: 'Asien', type: 'continent' } as never })
  const china = await ctx.payload.create({ collection: 'regions', data: { type: 'country', isoCode: 'cn', parent: region.id } as never })
  console.log(region, china)
  const a = await ctx.payload.create({ collection: 'articles', data: { title: 'Außenministertreffen stärkt', _status: 'published' } as never })
  const b = await ctx.payload.create({ collection: 'articles', data: { title: 'Außenministertreffen stärkt' } as never })
  console.log(a.slug, b.slug, a.publishedAt)
  expect(b.slug).toBe('aussenministertreffen-staerkt-2')
})
