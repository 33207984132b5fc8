// The package as a new user meets it: `npm pack`, installed from the tarball with Payload into a
// fresh project outside this repository, a config with the plugin, `payload migrate:create` and
// `payload migrate` (the production path: no schema push), then an article created and read
// through the package's own `getArticlePage`, and the host's generated types checked against
// the package's exported ones.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'

import { withLexicalCondition } from '../../dev/processGuard.js'
import { ENTRY_POINT_RUNS } from '../helpers/entryPointRuns.js'
import { createDatabaseOn } from '../helpers/instance.js'
import { repoRoot, run } from '../helpers/productionApp.js'

/** The version this repository installed, so the fresh project gets the same (from npm's cache). */
const versionOf = async (name: string): Promise<string> =>
  JSON.parse(await readFile(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version

let work: string
let app: string
let tarball: string
let databaseUrl: string

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'newsroom-fresh-'))
  app = path.join(work, 'app')
  // `npm pack` runs `prepack`, which is `npm run build`.
  const packed = await run('npm', ['pack', '--json', '--pack-destination', work], process.env, 600_000)
  const [info] = JSON.parse(packed.slice(packed.indexOf('['))) as { filename: string }[]
  tarball = path.join(work, info!.filename)
  databaseUrl = await createDatabaseOn(inject('postgresServerUrl'))
})
afterAll(async () => {
  // NEWSROOM_KEEP_FRESH_APP=1 keeps the project for a look after a failure.
  if (work && !process.env.NEWSROOM_KEEP_FRESH_APP) await rm(work, { force: true, recursive: true })
  else if (work) console.log(`fresh app kept in ${app}`)
})

describe('the packed package', () => {
  test('holds dist, the command, README, LICENSE and package.json only; its exports point into dist', async () => {
    const listing = (await run('tar', ['-tzf', tarball])).split('\n').filter(Boolean)
    const files = listing.map((entry) => entry.replace(/^package\//, ''))
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'bin/payload-newsroom.js',
        'dist/importer/cli.js',
        'package.json',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/exports/client.js',
        'dist/exports/client.d.ts',
        'dist/exports/next.js',
        'dist/exports/next.d.ts',
        'dist/admin/AttributionPreview.js',
      ]),
    )
    const outside = files.filter(
      (file) => !/^(bin\/payload-newsroom\.js$|dist\/|LICENSE$|README\.md$|package\.json$)/.test(file),
    )
    expect(outside).toEqual([])
    expect(files.filter((file) => /\.test\.|^src\/|^dev\/|^tests\//.test(file))).toEqual([])

    const manifest = JSON.parse(await run('tar', ['-xzOf', tarball, 'package/package.json']))
    expect(Object.keys(manifest.exports).sort()).toEqual(['.', './client', './next'])
    expect(manifest.bin).toEqual({ 'payload-newsroom': './bin/payload-newsroom.js' })
    for (const [entry, file] of [
      ['.', 'index'],
      ['./client', 'exports/client'],
      ['./next', 'exports/next'],
    ]) {
      expect(manifest.exports[entry!]).toMatchObject({
        default: `./dist/${file}.js`,
        import: `./dist/${file}.js`,
        types: `./dist/${file}.d.ts`,
      })
    }
    expect(manifest.peerDependencies).toMatchObject({
      '@payloadcms/db-postgres': '^3.90.0',
      payload: '^3.90.0',
    })
    expect(Object.keys(manifest.dependencies).sort()).toEqual([
      'feed',
      'happy-dom',
      'i18n-iso-countries',
      'sax',
      'slugify',
    ])
    // Only payload-newsroom/next imports Next: a host without it installs the rest.
    expect(manifest.peerDependenciesMeta?.next).toEqual({ optional: true })
    // The build keeps client components marked as such (Next needs the directive first).
    const client = await run('tar', ['-xzOf', tarball, 'package/dist/admin/AttributionPreview.js'])
    expect(
      client.trimStart().startsWith("'use client'") || client.trimStart().startsWith('"use client"'),
    ).toBe(true)
  })
})

describe('a fresh Payload app with the package', () => {
  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
    PAYLOAD_CONFIG_PATH: 'payload.config.ts',
  })
  /**
   * Payload's CLI, once: with the lexical condition (docs/silent-exits.md) it runs its command
   * every time, so an exit 0 without the command's effect is a failure, not a retry.
   */
  const payloadCli = async (args: string[], tookEffect: () => Promise<boolean>) => {
    const output = await run(
      process.execPath,
      [path.join(app, 'node_modules/payload/bin.js'), ...args],
      withLexicalCondition(env()),
      300_000,
      app,
    )
    if (!(await tookEffect()))
      throw new Error(`payload ${args.join(' ')} exited 0 without effect:\n${output}`)
    return output
  }
  const query = async (sql: string) => {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    try {
      return (await client.query(sql)).rows
    } finally {
      await client.end()
    }
  }

  test('installs from the tarball next to Payload', async () => {
    await run('mkdir', ['-p', path.join(app, 'migrations')])
    const pinned = async (names: string[]) =>
      Object.fromEntries(await Promise.all(names.map(async (name) => [name, await versionOf(name)])))
    await writeFile(
      path.join(app, 'package.json'),
      JSON.stringify(
        {
          name: 'fresh-newsroom-app',
          private: true,
          type: 'module',
          dependencies: {
            ...(await pinned([
              '@payloadcms/db-postgres',
              '@payloadcms/next',
              '@payloadcms/richtext-lexical',
              '@payloadcms/ui',
              'graphql',
              'next',
              'payload',
              'react',
              'react-dom',
            ])),
            'payload-newsroom': `file:${tarball}`,
          },
        },
        null,
        2,
      ),
    )
    await run(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
      process.env,
      900_000,
      app,
    )
    const installed = JSON.parse(
      await readFile(path.join(app, 'node_modules/payload-newsroom/package.json'), 'utf8'),
    )
    expect(installed.name).toBe('payload-newsroom')
    await expect(readFile(path.join(app, 'node_modules/payload-newsroom/src/index.ts'))).rejects.toThrow()
  }, 900_000)

  test('payload migrate:create and payload migrate build the schema, the delivery indexes included', async () => {
    await writeFile(
      path.join(app, 'payload.config.ts'),
      `import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig } from 'payload'
import { newsroomPlugin } from 'payload-newsroom'

export default buildConfig({
  collections: [{ slug: 'users', auth: true, fields: [{ name: 'name', type: 'text' }] }],
  db: postgresAdapter({
    migrationDir: './migrations',
    pool: { connectionString: process.env.DATABASE_URL },
    push: false,
  }),
  editor: lexicalEditor(),
  plugins: [newsroomPlugin({ site: { name: 'Frische Zeitung', url: 'https://frisch.example' } })],
  secret: 'fresh-app-secret',
  telemetry: false,
  typescript: { outputFile: './payload-types.ts' },
})
`,
    )
    await payloadCli(['migrate:create', 'initial'], async () =>
      (await readdir(path.join(app, 'migrations'))).some((file) => /initial\.ts$/.test(file)),
    )
    const applied = async () =>
      (await query(`SELECT to_regclass('payload_migrations') AS t`))[0]?.t !== null &&
      (await query(`SELECT name FROM payload_migrations`)).some((row) => /initial/.test(row.name))
    expect(await applied()).toBe(false)
    await payloadCli(['migrate'], applied)

    const tables = await query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)
    expect(tables.map((row) => row.tablename)).toEqual(
      expect.arrayContaining(['articles', 'regions', 'sponsors', 'related_links', 'comments']),
    )
    const indexes = await query(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`)
    expect(indexes.map((row) => row.indexname)).toEqual(
      expect.arrayContaining([
        'articles_by_date_idx',
        'articles_listing_idx',
        'articles_rels_parent_region_idx',
        'articles_rels_region_parent_idx',
      ]),
    )
  }, 600_000)

  test(`payload migrate:status runs to its end ${ENTRY_POINT_RUNS} times in a row`, async () => {
    for (let index = 0; index < ENTRY_POINT_RUNS; index += 1) {
      const output = await run(
        process.execPath,
        [path.join(app, 'node_modules/payload/bin.js'), 'migrate:status'],
        withLexicalCondition(env()),
        120_000,
        app,
      )
      // Its table names the applied migration: a run that ended early printed none.
      if (!/initial/.test(output)) throw new Error(`run ${index + 1}: no status printed:\n${output}`)
    }
  }, 1_800_000)

  test('creates and reads an article through the package', async () => {
    await writeFile(
      path.join(app, 'check.ts'),
      `import { getPayload } from 'payload'
import { getArticlePage, type NewsroomArticle } from 'payload-newsroom'

import config from './payload.config.ts'

const payload = await getPayload({ config })
const author = await payload.create({ collection: 'authors', data: { name: 'Agenturdesk', kind: 'organization' } })
const region = await payload.create({ collection: 'regions', data: { name: 'Kasachstan', type: 'country', isoCode: 'KZ' } })
const article = (await payload.create({
  collection: 'articles',
  data: {
    _status: 'published',
    ai: { usage: 'rewritten' },
    authors: [author.id],
    regions: [region.id],
    source: { kind: 'wire', name: 'Agentur', url: 'https://agentur.example/meldung' },
    title: 'Ein Artikel aus dem frischen Projekt',
  },
})) as unknown as NewsroomArticle
const page = await getArticlePage({ payload, slug: article.slug })
console.log(JSON.stringify({ slug: article.slug, page }))
process.exit(0)
`,
    )
    const output = await run(
      process.execPath,
      [path.join(app, 'node_modules/tsx/dist/cli.mjs'), 'check.ts'],
      withLexicalCondition({ ...env(), NODE_OPTIONS: '' }),
      300_000,
      app,
    )
    const { page, slug } = JSON.parse(output.slice(output.indexOf('{"slug"')).split('\n')[0]!)
    expect(slug).toBe('ein-artikel-aus-dem-frischen-projekt')
    expect(page.article.title).toBe('Ein Artikel aus dem frischen Projekt')
    expect(page.kicker).toEqual({ label: 'Kasachstan', paid: false })
    expect(page.attribution.segments).toContainEqual({
      href: 'https://agentur.example/meldung',
      text: 'dieser Quelle',
    })
    expect(page.jsonLd.url).toBe(`https://frisch.example/articles/${slug}`)
  }, 300_000)

  test('npx payload-newsroom import-wxr imports a WordPress export through payload run; a re-run changes nothing', async () => {
    const importWxr = (report: string) =>
      run(
        process.execPath,
        [
          path.join(app, 'node_modules/.bin/payload-newsroom'),
          'import-wxr',
          path.resolve('tests/fixtures/wxr/wordpress-5-classic.xml'),
          '--no-fetch',
          '--report',
          report,
        ],
        { ...env(), NODE_OPTIONS: '' },
        300_000,
        app,
      )
    const output = await importWxr('first.json')
    expect(output).toMatch(/^12 created, 0 refused, 2 skipped, 0 unchanged, 0 updated$/m)
    const first = JSON.parse(await readFile(path.join(app, 'first.json'), 'utf8'))
    expect(first.counts).toMatchObject({ created: 12, refused: 0 })
    expect(
      (await query(`SELECT count(*)::int AS n FROM articles WHERE imported_from_url IS NOT NULL`))[0]?.n,
    ).toBe(5)
    expect(await importWxr('second.json')).toMatch(
      /^0 created, 0 refused, 2 skipped, 12 unchanged, 0 updated$/m,
    )
    expect(
      (await query(`SELECT count(*)::int AS n FROM articles WHERE imported_from_url IS NOT NULL`))[0]?.n,
    ).toBe(5)
  }, 600_000)

  test("payload generate:types writes the host's types, and they fit the package's exported ones", async () => {
    await payloadCli(['generate:types'], () =>
      readFile(path.join(app, 'payload-types.ts')).then(
        () => true,
        () => false,
      ),
    )
    const generated = await readFile(path.join(app, 'payload-types.ts'), 'utf8')
    for (const name of ['Article', 'Region', 'Sponsor', 'RelatedLink', 'Comment'])
      expect(generated).toContain(`export interface ${name} {`)
    await writeFile(
      path.join(app, 'types.check.ts'),
      `import type { ArticlePage, NewsroomArticle, NewsroomComment, NewsroomRegion, NewsroomRelatedLink, NewsroomSponsor } from 'payload-newsroom'
import type { Article, Comment, Region, RelatedLink, Sponsor } from './payload-types.js'

export const checks = [
  (doc: Article): NewsroomArticle => doc,
  (doc: Region): NewsroomRegion => doc,
  (doc: Sponsor): NewsroomSponsor => doc,
  (doc: RelatedLink): NewsroomRelatedLink => doc,
  (doc: Comment): NewsroomComment => doc,
  (page: ArticlePage): string => page.article.slug,
]
`,
    )
    await writeFile(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'nodenext',
          noEmit: true,
          skipLibCheck: true,
          strict: true,
          target: 'ES2022',
        },
        files: ['types.check.ts'],
      }),
    )
    // The repository's TypeScript, on the fresh project: the package's types resolve from its
    // exports and the generated types fit them (skipLibCheck, as apps set it: Payload's own
    // declarations are not this test's business).
    await run(
      process.execPath,
      [path.join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
      process.env,
      300_000,
      app,
    )
  }, 600_000)
})
