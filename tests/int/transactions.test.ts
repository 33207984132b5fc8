import type { CollectionAfterChangeHook, Config, Plugin } from 'payload'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { fixtures, type Fixtures } from '../helpers/fixtures.js'
import { startWithEditor } from '../helpers/payload.js'

// A host hook that fails after the plugin's own hooks have written (slug lock, link visibility):
// Payload runs the whole save in one transaction, so nothing of it may remain.
let failing = false
const failWhenAsked: CollectionAfterChangeHook = ({ doc }) => {
  if (failing) throw new Error('the host hook failed')
  return doc
}
const withFailingHook: Plugin = (config: Config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) =>
    collection.slug === 'articles'
      ? {
          ...collection,
          hooks: {
            ...collection.hooks,
            afterChange: [...(collection.hooks?.afterChange ?? []), failWhenAsked],
          },
        }
      : collection,
  ),
})

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let create: Fixtures
beforeAll(async () => {
  ctx = await startWithEditor({ config: { plugins: [withFailingHook] }, plugin: { media: 'media' } })
  create = fixtures(ctx.payload)
})
afterAll(async () => ctx?.stop())

const count = async (sql: string, params: unknown[] = []) =>
  Number((await ctx.query<{ n: string }>(sql, params))[0]!.n)

describe('a hook that throws mid-save', () => {
  test('leaves no article, version or relationship row behind (Local API and REST)', async () => {
    const region = await create.region({ name: 'Asien', type: 'continent' })
    failing = true
    try {
      await expect(
        create.article({ _status: 'published', regions: [region.id], title: 'Nie gespeichert' }),
      ).rejects.toThrow('the host hook failed')
      const response = await ctx.rest.post(
        '/articles',
        { _status: 'published', regions: [region.id], title: 'Nie gespeichert' },
        { token: ctx.token },
      )
      expect(response.status).toBe(500)
    } finally {
      failing = false
    }
    expect(await count(`SELECT count(*) AS n FROM articles WHERE title = 'Nie gespeichert'`)).toBe(0)
    expect(await count(`SELECT count(*) AS n FROM _articles_v WHERE version_title = 'Nie gespeichert'`)).toBe(
      0,
    )
    expect(await count(`SELECT count(*) AS n FROM articles_rels WHERE regions_id = $1`, [region.id])).toBe(0)
    // The slug it would have had is still free: the next save with that title gets it.
    const saved = await create.article({ title: 'Nie gespeichert' })
    expect(saved.slug).toBe('nie-gespeichert')
  })

  test("undoes the plugin's own writes of the same save (link visibility)", async () => {
    const [article, target] = await Promise.all(
      ['Mit Link', 'Linkziel'].map((title) => create.article({ _status: 'published', title })),
    )
    await create.relatedLink({ article: article!.id, target: target!.id, type: 'internal' })
    const visible = () =>
      ctx.query<{ article_published: boolean }>(
        'SELECT article_published FROM related_links WHERE article_id = $1',
        [article!.id],
      )
    expect(await visible()).toEqual([{ article_published: true }])
    failing = true
    try {
      // Unpublishing hides the article's links in afterChange, before the failing hook runs.
      await expect(
        ctx.payload.update({ id: article!.id, collection: 'articles', data: { _status: 'draft' } }),
      ).rejects.toThrow('the host hook failed')
    } finally {
      failing = false
    }
    expect(await visible()).toEqual([{ article_published: true }])
    expect(
      await count(`SELECT count(*) AS n FROM articles WHERE id = $1 AND _status = 'published'`, [
        article!.id,
      ]),
    ).toBe(1)
  })
})

describe('a commit the database refuses', () => {
  test('fails the save instead of answering 201 for nothing stored (REST and Local API)', async () => {
    // A deferred constraint fails at COMMIT, as a server going away at that moment does.
    await ctx.query(`CREATE OR REPLACE FUNCTION newsroom_test_fail_at_commit() RETURNS trigger AS $$
      BEGIN IF NEW.title LIKE 'Scheitert beim Commit%' THEN RAISE EXCEPTION 'commit refused'; END IF; RETURN NEW; END
      $$ LANGUAGE plpgsql`)
    await ctx.query(`CREATE CONSTRAINT TRIGGER newsroom_test_fail_at_commit AFTER INSERT ON articles
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION newsroom_test_fail_at_commit()`)
    try {
      const response = await ctx.rest.post(
        '/articles?draft=true',
        { title: 'Scheitert beim Commit' },
        {
          token: ctx.token,
        },
      )
      expect(response.status).toBeGreaterThanOrEqual(500)
      await expect(create.article({ title: 'Scheitert beim Commit lokal' })).rejects.toThrow(/did not commit/)
      expect(
        await count(`SELECT count(*) AS n FROM articles WHERE title LIKE 'Scheitert beim Commit%'`),
      ).toBe(0)
    } finally {
      await ctx.query('DROP TRIGGER newsroom_test_fail_at_commit ON articles')
    }
  })
})

describe("an article's versions", () => {
  test('a save turns off the flag of the one version that was latest and leaves the older rows unwritten', async () => {
    const article = await create.article({ _status: 'published', title: 'Viele Fassungen' })
    for (const subtitle of ['zwei', 'drei', 'vier'])
      await ctx.payload.update({ collection: 'articles', data: { subtitle }, id: article.id })
    const versions = () =>
      ctx.query<{ id: number; latest: boolean; xmin: string }>(
        'SELECT id, latest, xmin::text FROM _articles_v WHERE parent_id = $1 ORDER BY id',
        [article.id],
      )
    const before = await versions()
    await ctx.payload.update({ collection: 'articles', data: { subtitle: 'fünf' }, id: article.id })
    const after = await versions()
    expect(after.filter((version) => version.latest)).toEqual([after.at(-1)])
    // Payload's clean-up would rewrite every older version (a new row version each, and its indexes).
    const untouched = before.slice(0, -1)
    expect(after.slice(0, untouched.length)).toEqual(untouched)
    expect(after[untouched.length]).toMatchObject({ id: before.at(-1)!.id, latest: false })
  })
})
