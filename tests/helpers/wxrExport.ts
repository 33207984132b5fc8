import { createWriteStream } from 'node:fs'
import { once } from 'node:events'

const cdata = (text: string) => `<![CDATA[${text}]]>`

const REGIONS = [
  { name: 'Asien', parent: '', slug: 'asien' },
  { name: 'Kasachstan', parent: 'asien', slug: 'kasachstan' },
  { name: 'China', parent: 'asien', slug: 'china' },
  { name: 'Europa', parent: '', slug: 'europa' },
  { name: 'Deutschland', parent: 'europa', slug: 'deutschland' },
]

/**
 * Writes a WordPress export of `posts` posts (our own generated text: five paragraphs, a heading
 * and a list each; every tenth with a reply thread of two comments, every fifth rewritten by AI)
 * as a stream, so the file can be larger than the memory the test allows itself.
 */
export const writeWxrExport = async (file: string, posts: number, site = 'https://gross.example') => {
  const out = createWriteStream(file)
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Großes Archiv</title><link>${site}</link><language>de-DE</language><wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>${cdata('desk')}</wp:author_login><wp:author_email>${cdata('desk@gross.example')}</wp:author_email><wp:author_display_name>${cdata('Nachrichtendesk')}</wp:author_display_name></wp:author>
`)
  for (const region of REGIONS)
    await write(
      `<wp:category><wp:category_nicename>${cdata(region.slug)}</wp:category_nicename><wp:category_parent>${cdata(region.parent)}</wp:category_parent><wp:cat_name>${cdata(region.name)}</wp:cat_name></wp:category>\n`,
    )
  for (let n = 1; n <= posts; n += 1) {
    const region = REGIONS[n % REGIONS.length]!
    const paragraph = (k: number) =>
      `<!-- wp:paragraph --><p>Meldung ${n}, Absatz ${k}: Die Händler der Region berichten von neuen Wegen für ihre Waren und von Plänen für das kommende Jahr.</p><!-- /wp:paragraph -->`
    const rewritten = n % 5 === 0
    const content = [
      paragraph(1),
      paragraph(2),
      `<!-- wp:heading --><h2>Hintergrund ${n}</h2><!-- /wp:heading -->`,
      paragraph(3),
      `<!-- wp:list --><ul><li>Erstens ${n}</li><li>Zweitens ${n}</li></ul><!-- /wp:list -->`,
      paragraph(4),
      paragraph(5),
      ...(rewritten
        ? [
            `<!-- wp:paragraph --><p><a href="https://agentur.example/${n}">Diese Nachricht wurde dieser Quelle entnommen und von künstlicher Intelligenz umgeschrieben.</a></p><!-- /wp:paragraph -->`,
          ]
        : []),
    ].join('\n')
    const comments =
      n % 10 === 0
        ? [1, 2]
            .map(
              (k) =>
                `<wp:comment><wp:comment_id>${n * 10 + k}</wp:comment_id><wp:comment_author>${cdata(`Leser ${k}`)}</wp:comment_author><wp:comment_author_email>${cdata(`leser${k}@example.org`)}</wp:comment_author_email><wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP>${cdata('192.0.2.1')}</wp:comment_author_IP><wp:comment_date_gmt>${cdata('2026-03-01 10:00:00')}</wp:comment_date_gmt><wp:comment_content>${cdata(`Kommentar ${k} zu Meldung ${n}.`)}</wp:comment_content><wp:comment_approved>${cdata('1')}</wp:comment_approved><wp:comment_type>${cdata('comment')}</wp:comment_type><wp:comment_parent>${k === 2 ? n * 10 + 1 : 0}</wp:comment_parent></wp:comment>`,
            )
            .join('')
        : ''
    const day = String((n % 28) + 1).padStart(2, '0')
    await write(
      `<item><title>${cdata(`Meldung ${n} aus ${region.name}`)}</title><link>${site}/2026/02/${day}/meldung-${n}/</link><dc:creator>${cdata('desk')}</dc:creator><content:encoded>${cdata(content)}</content:encoded><excerpt:encoded>${cdata('')}</excerpt:encoded><wp:post_id>${n}</wp:post_id><wp:post_date_gmt>${cdata(`2026-02-${day} 08:00:00`)}</wp:post_date_gmt><wp:post_modified_gmt>${cdata(`2026-02-${day} 09:00:00`)}</wp:post_modified_gmt><wp:comment_status>${cdata('open')}</wp:comment_status><wp:post_name>${cdata(`meldung-${n}`)}</wp:post_name><wp:status>${cdata('publish')}</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>${cdata('post')}</wp:post_type><wp:post_password>${cdata('')}</wp:post_password><category domain="category" nicename="${region.slug}">${cdata(region.name)}</category><category domain="post_tag" nicename="handel">${cdata('Handel')}</category>${comments}</item>\n`,
    )
  }
  await write('</channel>\n</rss>\n')
  out.end()
  await once(out, 'finish')
}
