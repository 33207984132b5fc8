import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import { describe, expect, test } from 'vitest'

import { recognizeDeclarations } from '../../src/importer/wxr/declarations.js'
import { readWxr, type WxrItem, type WxrRecord } from '../../src/importer/wxr/readWxr.js'

const readAll = async (input: Readable) => {
  const records: WxrRecord[] = []
  for await (const record of readWxr(input)) records.push(record)
  return records
}

describe('readWxr', () => {
  test('reads the site, authors, terms and items of a WordPress 6 export in order', async () => {
    const records = await readAll(createReadStream('tests/fixtures/wxr/wordpress-6.xml'))
    expect(records.map((record) => record.kind)).toEqual([
      'site',
      'author',
      'author',
      'category',
      'category',
      'tag',
      'item',
      'item',
      'item',
      'item',
    ])
    expect(records[0]).toEqual({
      kind: 'site',
      language: 'de-DE',
      link: 'https://frisch.example',
      title: 'Frische Zeitung',
      wxrVersion: '1.2',
    })
    expect(records[1]).toEqual({
      author: {
        displayName: 'Redaktion Ost',
        email: 'redaktion@frisch.example',
        id: '2',
        login: 'redaktion',
      },
      kind: 'author',
    })
    expect(records[4]).toEqual({ kind: 'category', term: { name: 'China', parent: 'asien', slug: 'china' } })
    expect(records[5]).toEqual({ kind: 'tag', term: { name: 'Handel', parent: '', slug: 'handel' } })
  })

  test('an item carries its text, dates, terms, meta and threaded comments, and no IP address', async () => {
    const records = await readAll(createReadStream('tests/fixtures/wxr/wordpress-6.xml'))
    const [post, attachment, locked] = records.flatMap((record) =>
      record.kind === 'item' ? [record.item] : [],
    )
    expect(post).toMatchObject<Partial<WxrItem>>({
      creator: 'redaktion',
      excerpt: 'Zwei Märkte, eine Route.',
      id: '101',
      postDateGmt: '2026-05-04 08:00:00',
      postName: 'handelsroute',
      status: 'publish',
      title: 'Handelsroute über das Gebirge & die Steppe',
      type: 'post',
    })
    expect(post!.content).toContain('<!-- wp:paragraph -->')
    expect(post!.content).toContain('von künstlicher Intelligenz umgeschrieben')
    expect(post!.categories).toEqual([
      { domain: 'category', name: 'China', slug: 'china' },
      { domain: 'post_tag', name: 'Handel', slug: 'handel' },
    ])
    expect(post!.meta).toEqual({ _thumbnail_id: '201' })
    expect(post!.comments.map((comment) => [comment.id, comment.parent, comment.approved])).toEqual([
      ['7', '0', '1'],
      ['8', '7', 'hold'],
    ])
    expect(post!.comments[0]!.content).toBe('Gute Nachricht <b>für</b> die Region.')
    expect(JSON.stringify(records)).not.toMatch(/203\.0\.113\.7|198\.51\.100\.2/)
    expect(attachment).toMatchObject({
      attachmentUrl: 'https://frisch.example/wp-content/uploads/2026/05/karte.png',
      meta: { _wp_attachment_image_alt: 'Karte mit der Route' },
      parent: '101',
      type: 'attachment',
    })
    expect(locked).toMatchObject({ password: 'abc', postDateGmt: '0000-00-00 00:00:00', status: 'private' })
  })

  test('broken XML ends the reading with an error naming the line, after the items before it', async () => {
    const broken = `<rss><channel><item><wp:post_id>1</wp:post_id></item>\n<item><title>offen</item></channel></rss>`
    const seen: WxrRecord[] = []
    await expect(
      (async () => {
        for await (const record of readWxr(Readable.from([broken]))) seen.push(record)
      })(),
    ).rejects.toThrow(/not well-formed XML.*Line: 1/)
    expect(seen.filter((record) => record.kind === 'item')).toHaveLength(1)
  })

  test('10,000 items stream through without holding the file', async () => {
    const item = (n: number) =>
      `<item><title>Meldung ${n}</title><wp:post_id>${n}</wp:post_id><wp:post_type>post</wp:post_type>` +
      `<content:encoded><![CDATA[<p>${'Text '.repeat(200)}</p>]]></content:encoded></item>`
    const chunks = function* () {
      yield '<rss><channel><title>Viel</title>'
      for (let n = 1; n <= 10_000; n += 1) yield item(n)
      yield '</channel></rss>'
    }
    let count = 0
    let last = ''
    for await (const record of readWxr(Readable.from(chunks()))) {
      if (record.kind === 'item') {
        count += 1
        last = record.item.id
      }
    }
    expect(count).toBe(10_000)
    expect(last).toBe('10000')
  })
})

describe('recognizeDeclarations', () => {
  test('the German notice sentence as the seed page writes it becomes ai and source, and leaves the body', () => {
    const html = `<!-- wp:paragraph -->
<p>Die neue Route verbindet zwei Märkte.</p>
<!-- /wp:paragraph -->
<!-- wp:paragraph -->
<p>Diese Nachricht wurde <a href="https://quelle.example/meldung" target="_blank">dieser Quelle</a> entnommen und von künstlicher Intelligenz umgeschrieben.</p>
<!-- /wp:paragraph -->`
    const found = recognizeDeclarations(html)
    expect(found.ai).toEqual({ usage: 'rewritten' })
    expect(found.source).toEqual({ kind: 'external', url: 'https://quelle.example/meldung' })
    expect(found.html).toBe(`<!-- wp:paragraph -->
<p>Die neue Route verbindet zwei Märkte.</p>
<!-- /wp:paragraph -->`)
  })

  test('English sentences, entities and spacing; a source without AI; text that only mentions AI stays', () => {
    expect(
      recognizeDeclarations('<p>This text was created with&nbsp;artificial   intelligence.</p><p>Rest</p>'),
    ).toEqual({ ai: { usage: 'generated' }, html: '<p>Rest</p>', source: null })
    expect(
      recognizeDeclarations(
        `<p>Diese Nachricht wurde <a href='https://agentur.example'>der Agentur</a> entnommen.</p>`,
      ),
    ).toEqual({ ai: null, html: '', source: { kind: 'external', url: 'https://agentur.example' } })
    const mention =
      '<p>Der Satz „Dieser Text wurde mit künstlicher Intelligenz erstellt.“ steht unter vielen Meldungen.</p>'
    expect(recognizeDeclarations(mention)).toEqual({ ai: null, html: mention, source: null })
  })

  test('a host pattern is recognised too', () => {
    const found = recognizeDeclarations('<p>KI-Text: geprüft von Menschen.</p><p>Inhalt</p>', [
      { pattern: /^KI-Text: geprüft von Menschen\.$/u, sourced: false, usage: 'edited' },
    ])
    expect(found).toEqual({ ai: { usage: 'edited' }, html: '<p>Inhalt</p>', source: null })
  })
})
