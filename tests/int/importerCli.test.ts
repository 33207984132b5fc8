import { spawn } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { lexicalCondition } from '../../dev/processGuard.js'
import { formatReport, parseAuthorMap, parseCommand } from '../../src/importer/cli.js'
import { startPayload, type TestContext } from '../helpers/payload.js'

const WP5 = 'tests/fixtures/wxr/wordpress-5-classic.xml'

let ctx: TestContext
let scratch: string
beforeAll(async () => {
  ctx = await startPayload()
  scratch = await mkdtemp(path.join(os.tmpdir(), 'newsroom-cli-'))
}, 60_000)
afterAll(async () => ctx?.stop())

/** The command as a user runs it, in its own process, against the test's database. */
const importWxr = (args: string[]) =>
  new Promise<{ status: null | number; stderr: string; stdout: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [lexicalCondition(), '--import', 'tsx', 'src/importer/cli.ts', 'import-wxr', ...args],
      {
        env: {
          ...process.env,
          DATABASE_URL: ctx.databaseUrl,
          NEWSROOM_IMPORT_DONE: path.join(scratch, 'done'),
          PAYLOAD_CONFIG_PATH: path.resolve('tests/fixtures/importer/payload.config.ts'),
        },
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (status) => resolve({ status, stderr, stdout }))
  })

describe('npx payload-newsroom import-wxr', () => {
  test('imports, prints the report and writes it as JSON; plain progress lines when not on a terminal', async () => {
    const report = path.join(scratch, 'report.json')
    const run = await importWxr([
      WP5,
      '--media',
      'tests/fixtures/wxr/uploads',
      '--no-fetch',
      '--report',
      report,
    ])
    if (run.status !== 0) console.error(run.stdout, run.stderr)
    expect(run.status).toBe(0)
    expect(run.stderr).toMatch(/^6\/6 posts$/m)
    expect(run.stdout).toMatch(/^12 created, 0 refused, 2 skipped, 0 unchanged, 0 updated$/m)
    expect(run.stdout).toContain('imported as a draft: password-protected in WordPress')
    const json = JSON.parse(await readFile(report, 'utf8'))
    expect(json.counts.created).toBe(12)
    expect(json.redirects.length).toBeGreaterThan(0)
    expect(await readFile(path.join(scratch, 'done'), 'utf8')).toBe('done\n')
    const articles = await ctx.payload.count({ collection: 'articles' })
    expect(articles.totalDocs).toBe(5)
  }, 120_000)

  test('a second run with --dry-run changes nothing and says so', async () => {
    const run = await importWxr([
      WP5,
      '--dry-run',
      '--media',
      'tests/fixtures/wxr/uploads',
      '--no-fetch',
      '--report',
      path.join(scratch, 'again.json'),
    ])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(
      /^Dry run \(nothing stored\): 0 created, 0 refused, 2 skipped, 12 unchanged, 0 updated$/m,
    )
  }, 120_000)

  test('broken XML fails with the line, and a wrong call with the usage', async () => {
    const broken = path.join(scratch, 'broken.xml')
    await writeFile(
      broken,
      '<rss><channel><link>https://x.example</link><item><title>offen</item></channel></rss>',
    )
    const run = await importWxr([broken, '--report', path.join(scratch, 'broken.json')])
    expect(run.status).not.toBe(0)
    expect(run.stderr).toMatch(/not well-formed XML.*Line: 0/)
    expect(await parseCommand(['import-wxr'])).toEqual({ error: expect.stringContaining('Usage:') })
    expect(await parseCommand(['import-wxr', 'a.xml', '--since', 'gestern'])).toEqual({
      error: '--since: not a date: gestern',
    })
  }, 120_000)
})

describe('the command line parts', () => {
  test('an author map is login,slug per line, a header skipped', () => {
    expect(parseAuthorMap('login,slug\nanna,anna-berg\n"timur" , "timur-a"\n\nbroken\n')).toEqual({
      anna: 'anna-berg',
      timur: 'timur-a',
    })
  })

  test('the printed report names what needs a look, not what went well', () => {
    const text = formatReport({
      counts: { created: 1, refused: 1, skipped: 0, unchanged: 0, updated: 0 },
      dryRun: false,
      entries: [
        { kind: 'article', original: 'https://x.example/?p=1', outcome: 'created', title: 'Gut' },
        {
          kind: 'article',
          original: 'https://x.example/?p=2',
          outcome: 'refused',
          reason: 'title: required',
          title: 'Schlecht',
        },
      ],
      file: 'x.xml',
      finishedAt: '',
      redirects: [],
      startedAt: '',
      unknownRegions: ['Almaty'],
    })
    expect(text).not.toContain('Gut')
    expect(text).toContain('refused article "Schlecht" (https://x.example/?p=2)\n  - title: required')
    expect(text).toContain('Almaty')
  })
})
