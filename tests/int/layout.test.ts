import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { fixtures, type Fixtures } from '../helpers/fixtures.js'
import { startWithEditor } from '../helpers/payload.js'

let ctx: Awaited<ReturnType<typeof startWithEditor>>
let create: Fixtures
beforeAll(async () => {
  ctx = await startWithEditor()
  create = fixtures(ctx.payload)
})
afterAll(async () => ctx?.stop())

type Doc = Record<string, any>
const paragraph = (text: string) => ({
  type: 'paragraph',
  children: [{ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 }],
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  version: 1,
})
const heading = (text: string, tag: 'h2' | 'h3') => ({ ...paragraph(text), type: 'heading', tag })
const content = (...children: unknown[]) => ({
  root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 },
})
const words = (count: number) => Array.from({ length: count }, (_, index) => `wort${index}`).join(' ')

describe('the layout group', () => {
  test('a short article: counts, reading time, no back-to-top button', async () => {
    const article = await create.article({
      title: 'Kurz gemeldet',
      subtitle: 'Ein Satz dazu',
      content: content(paragraph(words(50))),
    })
    expect(article.layout).toMatchObject({ headings: [], readingTimeMinutes: 1, wordCount: 55 })
    expect(article.layout!.backToTop).toEqual({
      ariaLabel: 'Zurück zum Anfang der Seite',
      enabled: false,
      label: 'Zurück zum Anfang',
      showAfterPx: 600,
      targetId: 'top',
    })
  })

  test('a long article: the button is on; headings get anchors', async () => {
    const article = await create.article({
      title: 'Ausführlich',
      content: content(
        paragraph(words(200)),
        heading('Kasachisch-Chinesische Beziehungen im Fokus', 'h2'),
        paragraph(words(200)),
        heading('Ausblick', 'h3'),
        heading('Ausblick', 'h2'),
      ),
    })
    expect(article.layout!.wordCount).toBe(1 + 400 + 4 + 1 + 1)
    expect(article.layout!.readingTimeMinutes).toBe(3)
    expect(article.layout!.backToTop!.enabled).toBe(true)
    expect(article.layout!.headings).toEqual([
      {
        id: 'kasachisch-chinesische-beziehungen-im-fokus',
        level: 2,
        text: 'Kasachisch-Chinesische Beziehungen im Fokus',
      },
      { id: 'ausblick', level: 3, text: 'Ausblick' },
      { id: 'ausblick-2', level: 2, text: 'Ausblick' },
    ])
  })

  test('a partial update recomputes from the stored content', async () => {
    const article = await create.article({ title: 'Eins', content: content(paragraph(words(10))) })
    const renamed = (await ctx.payload.update({
      id: article.id,
      collection: 'articles',
      data: { title: 'Eins zwei' },
    })) as Doc
    expect(renamed.layout.wordCount).toBe(12)
  })

  test('the dateline is printed as newspapers do', async () => {
    const article = await create.article({
      title: 'Ortsmarke',
      dateline: { place: 'Almaty', date: '2026-04-26T08:00:00.000Z', text: 'Fälschung' },
    })
    expect(article.dateline!.text).toBe('Almaty, 26. April')
    const [row] = await ctx.query<{ text: string }>(
      'SELECT dateline_text AS text FROM articles WHERE id = $1',
      [article.id],
    )
    expect(row!.text).toBe('Almaty, 26. April')
  })
})
