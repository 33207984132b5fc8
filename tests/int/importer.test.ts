import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { getArticlePage } from '../../src/index.js'
import { type ImportReport, runImport } from '../../src/importer/runImport.js'
import { startWithEditor } from '../helpers/payload.js'

const WP5 = 'tests/fixtures/wxr/wordpress-5-classic.xml'
const WP6 = 'tests/fixtures/wxr/wordpress-6.xml'
const UPLOADS = 'tests/fixtures/wxr/uploads'

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let first: ImportReport
let scratch: string

const all = async (collection: 'articles' | 'authors' | 'comments' | 'media' | 'regions') =>
  (await ctx.payload.find({ collection, depth: 0, draft: true, pagination: false, sort: 'id' })).docs as any[]

const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      (['articles', 'authors', 'comments', 'media', 'regions'] as const).map(async (collection) => [
        collection,
        (await all(collection)).length,
      ]),
    ),
  )

const article = async (wordpressId: string) =>
  (
    await ctx.payload.find({
      collection: 'articles',
      depth: 0,
      draft: true,
      where: { 'importedFrom.url': { equals: `https://steppe.example/?p=${wordpressId}` } },
    })
  ).docs[0] as any

const textOf = (node: any): string =>
  typeof node?.text === 'string' ? node.text : (node?.children ?? []).map(textOf).join(' ')

const nodesOf = (node: any, type: string): any[] => [
  ...(node?.type === type ? [node] : []),
  ...(node?.children ?? []).flatMap((child: any) => nodesOf(child, type)),
]

/** A copy of a fixture export with some text changed, in the test's scratch folder. */
const variantOf = async (fixture: string, name: string, edit: (xml: string) => string) => {
  const file = path.join(scratch, name)
  await writeFile(file, edit(await readFile(fixture, 'utf8')))
  return file
}

beforeAll(async () => {
  ctx = await startWithEditor({
    plugin: {
      collections: {
        comments: {
          // A comment a host's rule refuses: its post must not be stored without it.
          hooks: {
            beforeChange: [
              ({ data }) => {
                if (data.body === 'Verboten.') throw new Error('the host refuses this comment')
                return data
              },
            ],
          },
        },
      },
      media: 'media',
    },
  })
  scratch = await mkdtemp(path.join(os.tmpdir(), 'newsroom-import-'))
  first = await runImport({ fetchImages: false, file: WP5, media: UPLOADS, payload: ctx.payload })
}, 120_000)
afterAll(async () => ctx?.stop())

describe('a WordPress 5 export (classic editor) shaped like the seed page', () => {
  test('categories become the region tree: continents and countries by German name, subdivisions by ISO code, the rest listed', async () => {
    const regions = await all('regions')
    const byName = Object.fromEntries(regions.map((region) => [region.name, region]))
    expect(byName.Asien).toMatchObject({ isoCode: null, parent: null, type: 'continent' })
    expect(byName.Kasachstan).toMatchObject({ isoCode: 'KZ', parent: byName.Asien.id, type: 'country' })
    expect(byName.China).toMatchObject({ isoCode: 'CN', type: 'country' })
    // Listed after its parent in the export: the tree is still built parents first.
    expect(byName.Almaty).toMatchObject({
      parent: byName.Kasachstan.id,
      path: 'asien/kasachstan/almaty',
      type: 'other',
    })
    expect(byName['DE-BY']).toMatchObject({ isoCode: 'DE-BY', type: 'subdivision' })
    expect(first.unknownRegions.sort()).toEqual(['Almaty', 'Vermischtes'])
  })

  test('the seed-shaped post is a published article with its date, slug, regions, byline, keywords and image', async () => {
    const doc = await article('200')
    const [anna] = await all('authors')
    const [image] = await all('media')
    expect(anna).toMatchObject({ kind: 'person', name: 'Anna Berg', slug: 'anna-berg' })
    expect(image).toMatchObject({
      alt: 'Güterzug in der Steppe',
      filename: expect.stringMatching(/^steppe(-\d+)?\.png$/),
    })
    expect(doc).toMatchObject({
      _status: 'published',
      allowComments: true,
      authors: [anna.id],
      image: image.id,
      keywords: ['Diplomatie'],
      publishedAt: '2026-04-26T04:00:00.000Z',
      slug: 'ministerrunde-am-fuss-der-berge',
      subtitle: 'Sechste Runde der Außenminister in Almaty',
      title: 'Ministerrunde am Fuß der Berge',
    })
    const regions = await all('regions')
    expect(doc.regions).toEqual(
      ['Kasachstan', 'China'].map((name) => regions.find((r) => r.name === name).id),
    )
    expect(first.redirects).toContainEqual({
      from: '/2026/04/26/ministerrunde-am-fuss-der-berge/',
      to: '/articles/ministerrunde-am-fuss-der-berge',
    })
    // Drafts never had a public address.
    expect(first.redirects.map((redirect) => redirect.from)).not.toContain('/?p=204')
  })

  test('the notice sentence becomes ai and source; the computed notice replaces it on the page', async () => {
    const doc = await article('200')
    expect(doc.ai.usage).toBe('rewritten')
    expect(doc.source).toMatchObject({ kind: 'external', url: 'https://agentur.example/meldung' })
    expect(textOf(doc.content.root)).not.toContain('künstlicher Intelligenz')
    const page = await getArticlePage({ payload: ctx.payload, slug: doc.slug })
    expect(page?.attribution?.notice).toBe(
      'Diese Nachricht wurde dieser Quelle entnommen und von künstlicher Intelligenz umgeschrieben.',
    )
    expect(page?.primaryRegion?.breadcrumbs.map((crumb) => crumb.name)).toEqual(['Asien', 'Kasachstan'])
  })

  test('classic HTML becomes Lexical through the host editor: paragraphs, heading, list, quote, image, embeds as links; the rest is reported', async () => {
    const doc = await article('200')
    const root = doc.content.root
    const text = textOf(root)
    expect(text).toContain('Almaty, 26. April')
    expect(text).toContain('„Wir bauen Brücken, keine Mauern“')
    // The classic editor's blank line separates paragraphs, its newline breaks a line.
    const paragraphs = nodesOf(root, 'paragraph').map(textOf)
    expect(paragraphs[0]).toMatch(/^Almaty, 26\. April – .*Wasser\.$/)
    expect(paragraphs[1]).toMatch(/^Beide Seiten/)
    expect(nodesOf(root, 'heading').map(textOf)).toEqual(['Ein Abend vorher'])
    expect(nodesOf(root, 'listitem').map(textOf)).toEqual([
      'Ein neues Konsulat',
      'Ein Memorandum für drei Jahre',
    ])
    expect(nodesOf(root, 'quote').map(textOf).join(' ')).toContain('Zweiter Absatz des Zitats.')
    const [image] = await all('media')
    expect(nodesOf(root, 'upload')).toEqual([
      expect.objectContaining({ relationTo: 'media', value: image.id }),
    ])
    expect(text).toContain('Ein Güterzug auf dem Weg nach Westen.')
    expect(nodesOf(root, 'link').map((link) => link.fields.url)).toEqual(
      expect.arrayContaining([
        'https://www.youtube.com/watch?v=abc123',
        'https://vimeo.com/12345',
        'https://maps.example/embed?q=almaty',
      ]),
    )
    expect(text).not.toContain('alert(1)')
    expect(JSON.stringify(root)).not.toMatch(/javascript:/i)
    expect(text).toContain('ein gefährlicher Link')
    const entry = first.entries.find((candidate) => candidate.original === 'https://steppe.example/?p=200')
    expect(entry?.notes).toEqual(
      expect.arrayContaining([
        'shortcode [gallery]: kept as text',
        'a table became plain paragraphs',
        'a script was removed',
      ]),
    )
  })

  test('comments keep their thread, status and date, never an IP address; trackbacks and unsafe links stay out', async () => {
    const doc = await article('200')
    const comments = (
      await ctx.payload.find({
        collection: 'comments',
        depth: 0,
        sort: 'createdAt',
        where: { article: { equals: doc.id } },
      })
    ).docs as any[]
    expect(comments.map((comment) => [comment.authorName, comment.status])).toEqual([
      ['Timur', 'approved'],
      ['Anna Berg', 'approved'],
      ['Timur', 'pending'],
      ['Billig-Uhren', 'spam'],
      ['Gelöscht', 'trash'],
    ])
    const [timur, anna, reply] = comments
    expect(anna.parent).toBe(timur.id)
    expect(reply.parent).toBe(anna.id)
    expect(timur).toMatchObject({ authorUrl: null, createdAt: '2026-04-26T12:00:00.000Z', ipHash: null })
    expect(reply.authorEmail).toBe('wordpress-32@import.invalid')
    expect(JSON.stringify(comments)).not.toMatch(/192\.0\.2\./)
    // The thread is for editors: an answer would show that the comment it answers exists.
    const anonymous = await ctx.rest.get(`/comments/${anna.id}?depth=0`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.json.parent).toBeUndefined()
    const asEditor = await ctx.rest.get(`/comments/${anna.id}?depth=0`, { token: ctx.token })
    expect(asEditor.json.parent).toBe(timur.id)
  })

  test('posts that would fail the publish gate, protected, private and draft posts are drafts, each with its reason; pages and trash are skipped', async () => {
    const reasons = Object.fromEntries(
      first.entries
        .filter((entry) => entry.kind === 'article')
        .map((entry) => [entry.title, entry.reason ?? entry.notes?.[0]]),
    )
    expect((await article('202'))._status).toBe('draft')
    expect(reasons['Agenturmeldung ohne Link']).toMatch(/publishing it was refused.*source\.url/)
    expect((await article('203'))._status).toBe('draft')
    expect(reasons['Geschützter Beitrag']).toBe('imported as a draft: password-protected in WordPress')
    expect(await article('204')).toMatchObject({ _status: 'draft', authors: [], publishedAt: null })
    expect(reasons.Impressum).toBe('a WordPress page, not a post')
    expect(reasons['Im Papierkorb']).toBe('status trash')
    expect(first.counts).toMatchObject({ refused: 0 })
  })

  test('broken markup keeps every word', async () => {
    const text = textOf((await article('201')).content.root)
    for (const words of [
      'Ein Absatz ohne Ende',
      'fett',
      'und kursiv',
      'Verschachtelt',
      'Zwischenzeile',
      'Text danach',
    ])
      expect(text).toContain(words)
  })
})

describe('re-runs', () => {
  test('a second import of the same file changes nothing', async () => {
    const before = await counts()
    const updatedAt = (await article('200')).updatedAt
    const again = await runImport({ fetchImages: false, file: WP5, media: UPLOADS, payload: ctx.payload })
    expect(again.counts).toMatchObject({ created: 0, refused: 0, updated: 0 })
    // The redirects list is whole on every run, unchanged articles included.
    expect(again.redirects).toEqual(first.redirects)
    expect(await counts()).toEqual(before)
    expect((await article('200')).updatedAt).toBe(updatedAt)
  })

  test('a changed post is updated in place, its comments too, and nothing is duplicated', async () => {
    const changed = await variantOf(WP5, 'changed.xml', (xml) =>
      xml
        .replace('Ministerrunde am Fuß der Berge]]>', 'Ministerrunde am Fuß der Berge (aktualisiert)]]>')
        .replace('Danke, Timur.', 'Danke, Timur!'),
    )
    const before = await counts()
    const report = await runImport({
      fetchImages: false,
      file: changed,
      media: UPLOADS,
      payload: ctx.payload,
    })
    expect(report.counts).toMatchObject({ created: 0, refused: 0, updated: 1 })
    expect(await counts()).toEqual(before)
    expect((await article('200')).title).toBe('Ministerrunde am Fuß der Berge (aktualisiert)')
    const bodies = (await all('comments')).map((comment) => comment.body)
    expect(bodies).toContain('Danke, Timur!')
    expect(bodies).not.toContain('Danke, Timur.')
  })

  test('--since imports only what changed after the date', async () => {
    const report = await runImport({
      file: WP5,
      payload: ctx.payload,
      since: new Date('2026-04-22T12:00:00Z'),
    })
    const considered = report.entries.filter(
      (entry) => entry.kind === 'article' && entry.reason !== 'not changed since --since',
    )
    expect(considered.map((entry) => entry.title).sort()).toEqual([
      'Entwurf',
      'Ministerrunde am Fuß der Berge',
    ])
  })
})

describe('a WordPress 6 export (block editor)', () => {
  let report: ImportReport
  beforeAll(async () => {
    report = await runImport({
      dryRun: true,
      fetchImages: false,
      file: WP6,
      media: UPLOADS,
      payload: ctx.payload,
    })
  })

  test('a dry run reports everything and stores nothing', async () => {
    expect(report.dryRun).toBe(true)
    expect(report.counts.created).toBeGreaterThan(0)
    const stored = await ctx.payload.find({
      collection: 'articles',
      draft: true,
      where: { 'importedFrom.url': { like: 'https://frisch.example/' } },
    })
    expect(stored.totalDocs).toBe(0)
    expect((await all('regions')).map((region) => region.name)).not.toContain('Asien ')
  })

  test('blocks become headings, lists, quotes, images and links; unknown blocks are reported', async () => {
    const live = await runImport({ fetchImages: false, file: WP6, media: UPLOADS, payload: ctx.payload })
    const entry = live.entries.find((candidate) => candidate.original === 'https://frisch.example/?p=103')
    expect(entry?.notes).toEqual(['block jetpack/map: its content was kept as text'])
    const doc = (
      await ctx.payload.find({
        collection: 'articles',
        where: { 'importedFrom.url': { equals: entry!.original } },
      })
    ).docs[0] as any
    const root = doc.content.root
    expect(nodesOf(root, 'heading').map(textOf)).toEqual(['Was geschah'])
    expect(nodesOf(root, 'listitem').map(textOf)).toEqual(['Erstens', 'Zweitens'])
    expect(textOf(nodesOf(root, 'quote')[0])).toContain('Ein Satz, der bleibt.')
    expect(nodesOf(root, 'upload')).toHaveLength(1)
    expect(nodesOf(root, 'link').map((link) => link.fields.url)).toEqual([
      'https://www.youtube.com/watch?v=route',
    ])
    expect(nodesOf(root, 'horizontalrule')).toHaveLength(1)
    expect(textOf(root)).toContain('Karte der Steppe')
    expect(doc).toMatchObject({ ai: { usage: 'generated' }, allowComments: false })
    expect(doc.attribution.notice).toBe('Dieser Text wurde mit künstlicher Intelligenz erstellt.')
    // The private post stays a draft; the "hold" comment waits for moderation.
    const locked = report.entries.find((candidate) => candidate.original === 'https://frisch.example/?p=102')
    expect(locked?.notes?.[0]).toBe('imported as a draft: private in WordPress')
    const held = await ctx.payload.find({ collection: 'comments', where: { body: { equals: 'Danke!' } } })
    expect(held.docs[0]).toMatchObject({ status: 'pending' })
  })
})

describe('trust', () => {
  test('a post whose comment is refused is not stored at all: one transaction per post', async () => {
    const file = await variantOf(WP5, 'refused.xml', (xml) =>
      xml
        .replaceAll('steppe.example', 'verboten.example')
        .replace('Endlich eine gute Nachricht.', 'Verboten.'),
    )
    const report = await runImport({ fetchImages: false, file, payload: ctx.payload })
    const refused = report.entries.find((entry) => entry.original === 'https://verboten.example/?p=200')
    expect(refused).toMatchObject({
      outcome: 'refused',
      reason: expect.stringMatching(/refuses this comment/),
    })
    const stored = await ctx.payload.find({
      collection: 'articles',
      draft: true,
      where: { 'importedFrom.url': { equals: 'https://verboten.example/?p=200' } },
    })
    expect(stored.totalDocs).toBe(0)
    const orphans = await ctx.payload.find({
      collection: 'comments',
      where: { 'importedFrom.url': { like: 'verboten.example' } },
    })
    expect(orphans.totalDocs).toBe(0)
    // The posts around it are imported.
    expect(report.counts.created).toBeGreaterThan(3)
  })

  test('no client sets importedFrom: not an editor over REST, not a commenter', async () => {
    const doc = await article('201')
    const patched = await ctx.rest.patch(
      `/articles/${doc.id}`,
      { importedFrom: { url: 'https://elsewhere.example/?p=1', version: 'x' }, title: 'Neu' },
      { token: ctx.token },
    )
    expect(patched.status).toBe(200)
    expect((await article('201')).importedFrom).toMatchObject({ url: 'https://steppe.example/?p=201' })
    const posted = await ctx.rest.post('/comments', {
      article: doc.id,
      authorEmail: 'leser@example.org',
      authorName: 'Leser',
      body: 'Hallo',
      consent: true,
      importedFrom: { url: 'https://steppe.example/?p=200#comment-30', version: 'x' },
      parent: (await all('comments'))[0].id,
    })
    expect(posted.status).toBe(201)
    const stored = await ctx.payload.findByID({ collection: 'comments', id: posted.json.doc.id, depth: 0 })
    expect(stored).toMatchObject({ importedFrom: { url: null }, parent: null })
  })

  test('an image path that leaves the uploads folder is not read', async () => {
    const file = await variantOf(WP5, 'escape.xml', (xml) =>
      xml
        .replaceAll('steppe.example', 'flucht.example')
        .replace('<![CDATA[2026/05/steppe.png]]>', '<![CDATA[../../../wxr/uploads/2026/05/steppe.png]]>')
        .replaceAll('steppe.png', 'flucht.png'),
    )
    await copyFile(path.join(UPLOADS, '2026/05/steppe.png'), path.join(scratch, 'flucht.png'))
    const report = await runImport({ fetchImages: false, file, media: UPLOADS, payload: ctx.payload })
    const entry = report.entries.find((candidate) => candidate.original === 'https://flucht.example/?p=200')
    expect(entry?.notes).toEqual(expect.arrayContaining([expect.stringMatching(/leaves the uploads folder/)]))
  })
})

describe('the job', () => {
  test('newsroomImportWxr runs the import on the job queue', async () => {
    const file = await variantOf(WP6, 'job.xml', (xml) => xml.replaceAll('frisch.example', 'job.example'))
    const job = (await ctx.payload.jobs.queue({ input: { file }, task: 'newsroomImportWxr' as never })) as {
      id: number | string
    }
    const result = await ctx.payload.jobs.runByID({ id: job.id })
    expect(result).toMatchObject({ jobStatus: { [job.id]: { status: 'success' } } })
    const imported = await ctx.payload.find({
      collection: 'articles',
      draft: true,
      where: { 'importedFrom.url': { like: 'https://job.example/' } },
    })
    expect(imported.docs.map((doc) => doc.title).sort()).toEqual([
      'Blöcke aus dem Block-Editor',
      'Handelsroute über das Gebirge & die Steppe',
      'Nur für Abonnenten',
    ])
  })
})

describe('changes in WordPress after the first import', () => {
  test('a published post that became private is unpublished, a trashed one too; a third run changes nothing', async () => {
    const site = 'https://wandel.example'
    const first = await variantOf(WP5, 'wandel-1.xml', (xml) =>
      xml.replaceAll('https://steppe.example', site),
    )
    await runImport({ fetchImages: false, file: first, payload: ctx.payload })
    const find = async (id: string) =>
      (
        await ctx.payload.find({
          collection: 'articles',
          depth: 0,
          where: { 'importedFrom.url': { equals: `${site}/?p=${id}` } },
        })
      ).docs[0] as any
    expect((await find('200'))._status).toBe('published')
    expect((await find('201'))._status).toBe('published')
    const second = await variantOf(first, 'wandel-2.xml', (xml) =>
      xml
        .replace(
          '<wp:post_name><![CDATA[ministerrunde-am-fu%c3%9f-der-berge]]></wp:post_name>\n\t\t<wp:status><![CDATA[publish]]>',
          '<wp:post_name><![CDATA[ministerrunde-am-fu%c3%9f-der-berge]]></wp:post_name>\n\t\t<wp:status><![CDATA[private]]>',
        )
        .replace(
          '<wp:post_name><![CDATA[kaputtes-markup]]></wp:post_name>\n\t\t<wp:status><![CDATA[publish]]>',
          '<wp:post_name><![CDATA[kaputtes-markup]]></wp:post_name>\n\t\t<wp:status><![CDATA[trash]]>',
        ),
    )
    const report = await runImport({ fetchImages: false, file: second, payload: ctx.payload })
    expect(report.counts).toMatchObject({ refused: 0, updated: 2 })
    const privatePost = await find('200')
    expect(privatePost._status).toBe('draft')
    expect((await ctx.rest.get(`/articles/${privatePost.id}`)).status).toBe(404)
    expect((await find('201'))._status).toBe('draft')
    const third = await runImport({ fetchImages: false, file: second, payload: ctx.payload })
    expect(third.counts).toMatchObject({ created: 0, updated: 0 })
  })

  test('--since sees a new comment on an old post', async () => {
    const site = 'https://spaet.example'
    const first = await variantOf(WP5, 'spaet-1.xml', (xml) => xml.replaceAll('https://steppe.example', site))
    await runImport({ fetchImages: false, file: first, payload: ctx.payload })
    const second = await variantOf(first, 'spaet-2.xml', (xml) =>
      xml.replace(
        '</wp:comment>\n\t</item>',
        '</wp:comment>\n\t\t<wp:comment><wp:comment_id>99</wp:comment_id><wp:comment_author>Neu</wp:comment_author>' +
          '<wp:comment_author_email>neu@example.org</wp:comment_author_email><wp:comment_author_url></wp:comment_author_url>' +
          '<wp:comment_date_gmt>2026-06-01 10:00:00</wp:comment_date_gmt><wp:comment_content>Später Kommentar.</wp:comment_content>' +
          '<wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>\n\t</item>',
      ),
    )
    const report = await runImport({
      fetchImages: false,
      file: second,
      payload: ctx.payload,
      since: new Date('2026-05-01'),
    })
    expect(report.counts).toMatchObject({ updated: 1 })
    const late = await ctx.payload.find({
      collection: 'comments',
      where: { body: { equals: 'Später Kommentar.' } },
    })
    expect(late.totalDocs).toBe(1)
  })
})

describe('what a post cannot make the importer do', () => {
  let requests: string[]
  let server: http.Server
  let origin: string
  beforeAll(async () => {
    requests = []
    const png = await readFile(path.join(UPLOADS, '2026/05/steppe.png'))
    server = http.createServer((request, response) => {
      requests.push(request.url ?? '')
      if (request.url === '/moved.png')
        response.writeHead(301, { location: '/wp-content/uploads/echt.png' }).end()
      else if (request.url === '/away.png')
        response
          .writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/x.png` })
          .end()
      else response.writeHead(200, { 'content-type': 'image/png' }).end(png)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  test('no request to another host: not for an image, a stylesheet, a frame or an embed', async () => {
    const file = await variantOf(WP5, 'fremd.xml', (xml) =>
      xml
        .replaceAll('https://steppe.example', 'https://fremd.example')
        .replace(
          '<h2>Ein Abend vorher</h2>',
          `<h2>Ein Abend vorher</h2>\n<p><img src="${origin}/intern.png" /><link rel="stylesheet" href="${origin}/style.css"><iframe src=${origin}/frame></iframe></p>`,
        ),
    )
    const report = await runImport({ file, media: UPLOADS, payload: ctx.payload })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(requests).toEqual([])
    const notes =
      report.entries.find((entry) => entry.original === 'https://fremd.example/?p=200')?.notes ?? []
    expect(notes).toEqual(
      expect.arrayContaining([
        `image ${origin}/intern.png: on another host (${new URL(origin).host}), not downloaded, kept as a link`,
        'a <link> element was removed',
      ]),
    )
  })

  test("the site's own images are downloaded, through its redirects; unsafe sources, Lexical's attributes and odd values refuse nothing", async () => {
    requests.length = 0
    const longTitle = 'Lang '.repeat(70)
    const file = await variantOf(WP5, 'eigen.xml', (xml) =>
      xml
        .replaceAll('https://steppe.example', origin)
        .replace('<title><![CDATA[Kaputtes Markup]]></title>', `<title><![CDATA[${longTitle}]]></title>`)
        .replace('<![CDATA[Vermischtes]]></wp:cat_name>', '<![CDATA[Vermi\u0000schtes]]></wp:cat_name>')
        .replace('<![CDATA[timur@example.org]]>', '<![CDATA[timur@müller.de]]>')
        .replace(
          '<h2>Ein Abend vorher</h2>',
          '<h2>Ein Abend vorher</h2>\n<p><img src="/moved.png" alt="umgezogen" /> <img src="/away.png" /> ' +
            '<img src="javaScript:alert(1)" /> <img src="//evil.example/x.png" /> ' +
            '<img data-lexical-upload-relation-to="media" data-lexical-upload-id="999" src="/wp-content/uploads/echt.png" /> ' +
            '<a href="https://example.org/a b.pdf">Mit Leerzeichen</a></p>',
        ),
    )
    const report = await runImport({ file, payload: ctx.payload })
    expect(report.counts.refused).toBe(0)
    const entry = report.entries.find((candidate) => candidate.original === `${origin}/?p=200`)!
    expect(requests).toEqual(
      expect.arrayContaining(['/moved.png', '/wp-content/uploads/echt.png', '/away.png']),
    )
    expect(requests).not.toContain('/x.png')
    // The redirect on the same host was followed: that image was imported.
    expect(entry.notes?.filter((note) => note.startsWith('image /moved.png'))).toEqual([])
    expect(entry.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^image \/away\.png: redirected \(HTTP 302\) to localhost:\d+, not followed/),
      ]),
    )
    const doc = (await ctx.payload.findByID({ collection: 'articles', id: entry.id!, depth: 0 })) as any
    expect(doc._status).toBe('published')
    const uploads = nodesOf(doc.content.root, 'upload')
    expect(uploads.length).toBeGreaterThanOrEqual(2)
    expect(uploads.map((upload) => upload.value)).not.toContain(999)
    const urls = nodesOf(doc.content.root, 'link').map((link) => link.fields.url)
    expect(urls).toContain('https://example.org/a%20b.pdf')
    expect(urls.filter((url: string) => /^(javascript:|\/\/)/i.test(url))).toEqual([])
    expect(textOf(doc.content.root)).toContain('//evil.example/x.png')
    const long = report.entries.find((candidate) => candidate.original === `${origin}/?p=201`)!
    expect(long.notes).toContain('the title is longer than 300 characters and was shortened')
    const region = report.entries.find((candidate) => candidate.title === 'Vermischtes')
    expect(region?.outcome).toBe('created')
    const timur = await ctx.payload.find({
      collection: 'comments',
      where: { 'importedFrom.url': { equals: `${origin}/?p=200#comment-30` } },
    })
    expect(timur.docs[0]).toMatchObject({ authorEmail: 'wordpress-30@import.invalid' })
  })

  test('a copy of an imported article is not the import: it carries no importedFrom', async () => {
    const doc = await article('202')
    const copy = (await ctx.payload.duplicate({ collection: 'articles', id: doc.id, depth: 0 })) as any
    expect(copy.importedFrom?.url ?? null).toBeNull()
  })

  test('a published post without its GMT date keeps its local date', async () => {
    const file = await variantOf(WP5, 'ortszeit.xml', (xml) =>
      xml
        .replaceAll('https://steppe.example', 'https://ortszeit.example')
        .replace(
          '<wp:post_date_gmt><![CDATA[2026-04-26 04:00:00]]></wp:post_date_gmt>',
          '<wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt>',
        ),
    )
    const report = await runImport({ fetchImages: false, file, payload: ctx.payload })
    const entry = report.entries.find((candidate) => candidate.original === 'https://ortszeit.example/?p=200')
    expect(entry?.notes).toContain("the post's GMT date is missing: its local date is taken as GMT")
    const doc = (await ctx.payload.findByID({ collection: 'articles', id: entry!.id!, depth: 0 })) as any
    expect(doc.publishedAt).toBe('2026-04-26T10:00:00.000Z')
  })
})
