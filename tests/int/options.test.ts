import { afterAll, describe, expect, test } from 'vitest'

import { newsroomPlugin } from '../../src/index.js'
import { resolveOptions } from '../../src/options.js'
import { configWith, fixtures } from '../helpers/fixtures.js'
import { createEditor, startPayload, type StartOptions, type TestContext } from '../helpers/payload.js'

const started: TestContext[] = []
const start = async (options: StartOptions) => {
  const ctx = await startPayload(options)
  started.push(ctx)
  return ctx
}
afterAll(async () => {
  for (const ctx of started) await ctx.stop()
})

const schemaOf = async (ctx: TestContext) => {
  const columns = await ctx.query(
    `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
     WHERE table_schema = 'public' ORDER BY table_name, column_name`,
  )
  const indexes = await ctx.query(
    `SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY tablename, indexname`,
  )
  return {
    columns,
    indexes: indexes.map((row) => ({
      ...row,
      indexdef: String(row.indexdef).replace(/newsroom_[0-9a-f]+\./, ''),
    })),
  }
}

describe('disabled', () => {
  test('keeps the schema identical and drops the behaviour', async () => {
    const enabled = await start({ key: 'enabled' })
    const disabled = await start({ key: 'disabled', plugin: { disabled: true, media: 'media' } })
    const schema = await schemaOf(enabled)
    expect(await schemaOf(disabled)).toEqual(schema)
    // The delivery indexes Payload's own options cannot declare are part of that schema.
    const definitions = schema.indexes.map((row) => String(row.indexdef))
    expect(definitions).toContain(
      'CREATE INDEX articles_by_date_idx ON public.articles USING btree (published_at, created_at, id DESC, _status, paid_content)',
    )
    expect(definitions).toContain(
      'CREATE INDEX articles_listing_idx ON public.articles USING btree (id, _status, published_at, created_at, paid_content)',
    )
    expect(definitions).toContain(
      'CREATE INDEX articles_rels_parent_region_idx ON public.articles_rels USING btree (parent_id, regions_id, path)',
    )
    expect(definitions).toContain(
      'CREATE INDEX articles_rels_region_parent_idx ON public.articles_rels USING btree (regions_id, path, parent_id)',
    )

    const create = fixtures(disabled.payload)
    const sponsor = await create.sponsor({ name: 'Ohne Regeln', rel: 'dofollow', url: 'https://a.example' })
    expect(sponsor.rel).toBe('dofollow')
    // Without the plugin's hooks nothing computes the slug race-free, so the client sends it.
    const region = await create.region({ name: 'Asien', slug: 'asien', type: 'continent' })
    expect(region.breadcrumbs ?? null).toBeNull()
  })
})

describe('collection overrides', () => {
  test('slug, fields, access and admin can be overridden the Payload way', async () => {
    const ctx = await start({
      key: 'overrides',
      plugin: {
        collections: {
          articles: {
            admin: { defaultColumns: ['title', 'kicker'] },
            fields: ({ defaultFields }) => [...defaultFields, { name: 'kicker', type: 'text' }],
            slug: 'stories',
          },
          regions: { access: { read: () => false } },
        },
        media: 'media',
      },
    })
    const stories = ctx.payload.collections.stories?.config
    expect(stories).toBeDefined()
    expect(ctx.payload.collections.articles).toBeUndefined()
    expect(stories!.admin.defaultColumns).toEqual(['title', 'kicker'])
    const story = (await ctx.payload.create({
      collection: 'stories',
      data: { title: 'Eine Geschichte', kicker: 'Neu' },
    })) as Record<string, unknown>
    expect(story.kicker).toBe('Neu')
    expect(story.slug).toBe('eine-geschichte')
    // Relationships follow the renamed slug.
    const links = ctx.payload.collections['related-links'].config.fields.find(
      (field) => 'name' in field && field.name === 'article',
    )
    expect(links && 'relationTo' in links && links.relationTo).toBe('stories')
    await ctx.payload.create({ collection: 'regions', data: { name: 'Geheim', type: 'other' } })
    await expect(ctx.payload.find({ collection: 'regions', overrideAccess: false })).rejects.toMatchObject({
      status: 403,
    })
  })

  test("host hooks run after the plugin's, per type; override applies last; disabled keeps the host's hooks", async () => {
    const seen: { notice: unknown; when: string }[] = []
    const hooks = {
      afterChange: [
        ({ doc }: { doc: Record<string, any> }) => {
          // After the plugin's hooks: the notice is already computed.
          seen.push({ notice: doc.attribution?.notice ?? null, when: 'afterChange' })
          return doc
        },
      ],
    }
    const ctx = await start({
      key: 'host-hooks',
      plugin: {
        collections: {
          articles: { hooks },
          regions: {
            override: ({ defaultCollection }) => ({
              ...defaultCollection,
              admin: { ...defaultCollection.admin, description: 'vom Host' },
            }),
          },
        },
        media: 'media',
      },
    })
    const articles = ctx.payload.collections.articles.config
    // The guards and the plugin's own hooks come first, the host's last.
    expect(articles.hooks.afterChange.at(-1)).toBe(hooks.afterChange[0])
    expect(articles.hooks.beforeChange.length).toBeGreaterThan(4)
    await ctx.payload.create({
      collection: 'articles',
      data: { ai: { usage: 'generated' }, title: 'Mit Host-Hook' },
      draft: true,
    })
    expect(seen).toEqual([
      { notice: 'Dieser Text wurde mit künstlicher Intelligenz erstellt.', when: 'afterChange' },
    ])
    expect(ctx.payload.collections.regions.config.admin.description).toBe('vom Host')

    const disabled = await start({
      key: 'host-hooks-off',
      plugin: { collections: { articles: { hooks } }, disabled: true, media: 'media' },
    })
    expect(disabled.payload.collections.articles.config.hooks.afterChange).toEqual(hooks.afterChange)
    expect(disabled.payload.collections.articles.config.hooks.beforeChange).toEqual([])
  })

  test('isEditor decides who writes', async () => {
    const ctx = await start({
      key: 'iseditor',
      plugin: { isEditor: (req) => req.user?.email === 'chief@newsroom.test', media: 'media' },
    })
    const plain = await createEditor(ctx.payload, 'plain@newsroom.test')
    const chief = await createEditor(ctx.payload, 'chief@newsroom.test')
    await expect(
      ctx.payload.create({
        collection: 'regions',
        data: { name: 'A', type: 'other' },
        overrideAccess: false,
        user: plain,
      }),
    ).rejects.toMatchObject({ status: 403 })
    const created = await ctx.payload.create({
      collection: 'regions',
      data: { name: 'A', type: 'other' },
      overrideAccess: false,
      user: chief,
    })
    expect(created.name).toBe('A')
  })
})

describe('resolveOptions', () => {
  test('editors are config.admin.user, else the first auth collection', () => {
    expect(resolveOptions({}, configWith({ admin: { user: 'staff' } })).users).toBe('staff')
    const authFirst = configWith({
      collections: [
        { slug: 'posts', fields: [] },
        { slug: 'members', auth: true, fields: [] },
      ],
    })
    expect(resolveOptions({}, authFirst).users).toBe('members')
    expect(resolveOptions({ users: 'editors' }, authFirst).users).toBe('editors')
  })

  test('comments can be left out; maxLimit must be a positive whole number', () => {
    expect(resolveOptions({ collections: { comments: false } }, configWith()).collections.comments).toBe(
      false,
    )
    expect(resolveOptions({}, configWith()).maxLimit).toBe(100)
    expect(() => resolveOptions({ maxLimit: 0 }, configWith())).toThrow(/maxLimit/)
  })

  test('feeds.limit is a whole number from 1 to 1,000, 50 by default', () => {
    expect(resolveOptions({}, configWith()).feeds.limit).toBe(50)
    for (const limit of [0, 2.5, 1001, Number.NaN]) {
      expect(() => resolveOptions({ feeds: { limit } }, configWith())).toThrow(/feeds\.limit/)
    }
  })

  test('a notice template that must link the source but cannot is refused at start-up, naming locale and case', () => {
    const start = (templates: Record<string, Record<string, string>>) => () =>
      newsroomPlugin({ attribution: { templates } })(configWith())
    expect(start({ en: { rewritten: 'Rewritten by AI from a source.' } })).toThrow(
      /template "rewritten" for locale "en" must contain \{source\}/,
    )
    expect(start({ de: { sourced: 'Aus einer Quelle.' } })).toThrow(/"sourced" for locale "de"/)
    expect(start({ fr: { sourceSuffix: 'Source' } })).toThrow(/"sourceSuffix" for locale "fr"/)
    expect(start({ de: { rewriten: 'x {source}' } })).toThrow(/unknown attribution template "rewriten"/)
    expect(start({ de: { generated: '  ' } })).toThrow(/"generated" for locale "de" is empty/)
    // generated and edited need no source link
    expect(
      start({ de: { generated: 'Von KI.', rewritten: 'Von {source:hier}, umgeschrieben.' } }),
    ).not.toThrow()
  })

  test('advertising labels come from the allowed lists: a label German law does not accept stops the start-up', () => {
    expect(() =>
      resolveOptions({ sponsors: { disclosureLabels: { de: 'Sponsored' } } }, configWith()),
    ).toThrow(
      /sponsors.disclosureLabels.de "Sponsored" is not one of sponsors.allowedLabels.de \(Anzeige, Werbung\)/,
    )
    expect(() => resolveOptions({ sponsors: { allowedLabels: { de: [] } } }, configWith())).toThrow(
      /allowedLabels.de must list at least one label/,
    )
    const custom = resolveOptions(
      { sponsors: { allowedLabels: { fr: ['Publicité'] }, disclosureLabels: { fr: 'Publicité' } } },
      configWith(),
    ).sponsors
    expect(custom.allowedLabels).toMatchObject({ de: ['Anzeige', 'Werbung'], fr: ['Publicité'] })
    expect(custom.disclosureLabels).toMatchObject({ de: 'Anzeige', en: 'Sponsored', fr: 'Publicité' })
    // A locale given a label but no list allows that label, not German's list.
    const labelOnly = resolveOptions(
      { sponsors: { disclosureLabels: { fr: 'Annonce' } } },
      configWith(),
    ).sponsors
    expect(labelOnly.allowedLabels.fr).toEqual(['Annonce'])
  })

  test('the editorial contact has a name and only a safe link', () => {
    const site = (editorialContact: unknown) => () =>
      resolveOptions({ site: { editorialContact: editorialContact as never } }, configWith())
    expect(site({ name: ' ' })).toThrow(/editorialContact needs a name/)
    expect(site({ name: 'Redaktion', url: 'javascript:alert(1)' })).toThrow(/editorialContact.url/)
    expect(site({ email: 'redaktion', name: 'Redaktion' })).toThrow(/editorialContact.email/)
    expect(
      site({ email: 'redaktion@news.example', name: 'Redaktion', url: 'https://news.example/team' }),
    ).not.toThrow()
  })

  test('the reviewed wording must name the editorial contact it stands for', () => {
    expect(() =>
      newsroomPlugin({
        attribution: { templates: { de: { responsible: 'Verantwortlich: die Redaktion.' } } },
      })(configWith()),
    ).toThrow(/"responsible" for locale "de" must contain \{contact\}/)
  })

  test('back-to-top numbers must not be negative', () => {
    expect(() => resolveOptions({ backToTop: { minWords: -1 } }, configWith())).toThrow(/backToTop.minWords/)
    expect(resolveOptions({}, configWith()).backToTop).toEqual({ minWords: 300, showAfterPx: 600 })
    // WCAG 2.5.3: the accessible name contains the visible label.
    expect(() =>
      resolveOptions(
        { backToTop: { labels: { de: { ariaLabel: 'Zum Seitenanfang', label: 'Nach oben' } } } },
        configWith(),
      ),
    ).toThrow(/backToTop.labels.de.*must contain the label "Nach oben"/)
    expect(() =>
      resolveOptions(
        { backToTop: { labels: { de: { ariaLabel: 'Nach oben zum Seitenanfang', label: 'Nach oben' } } } },
        configWith(),
      ),
    ).not.toThrow()
  })

  test('the host keeps its own hooks, collections and translations, which win over ours', () => {
    const hostHook = () => undefined
    const result = newsroomPlugin()(
      configWith({
        collections: [{ slug: 'users', auth: true, fields: [], hooks: { beforeChange: [hostHook] } }],
        i18n: { translations: { de: { newsroom: { title: 'Überschrift' } } } },
      }),
    )
    expect(result.collections?.[0]?.hooks?.beforeChange).toEqual([hostHook])
    expect(result.collections?.map((collection) => collection.slug)).toEqual([
      'users',
      'articles',
      'regions',
      'authors',
      'sponsors',
      'related-links',
      'comments',
    ])
    const translations = result.i18n?.translations as Record<string, { newsroom: Record<string, string> }>
    expect(translations.de!.newsroom.title).toBe('Überschrift')
    expect(translations.de!.newsroom.subtitle).toBe('Untertitel')
    expect(translations.en!.newsroom.title).toBe('Title')
  })
})
