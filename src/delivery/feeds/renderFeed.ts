import { Feed, type Item } from 'feed'

import type { FeedDocument, FeedFormat, FeedItem } from './assembleFeed.js'

import { escapeHtml } from './contentHtml.js'

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
}

// Atom titles are `type="html"` in the `feed` package, and RSS readers read titles as HTML too:
// a title's `&` and `<` are escaped, so "A & <B>" reaches the reader as written.
const itemOf = (item: FeedItem, format: 'atom' | 'rss'): Item => ({
  ...(format === 'atom'
    ? { author: item.authors.map((author) => ({ link: author.url, name: author.name })) }
    : {}),
  category: item.categories.map((category) =>
    format === 'atom'
      ? { name: category.name, scheme: category.url, term: category.path }
      : { domain: category.url, name: category.name },
  ),
  // xml-js splits only the first `]]>` of a CDATA section; in HTML `]]&gt;` reads the same.
  content: item.contentHtml.replace(/]]>/g, ']]&gt;'),
  date: new Date(item.modifiedAt),
  description: item.summary ? escapeHtml(item.summary) : undefined,
  // RSS 2.0 wants an email in <author>: bylines go to Dublin Core's creator instead.
  extensions:
    format === 'rss' && item.authors.length
      ? [
          {
            name: 'dc:creator',
            // xml-js writes an array as repeated elements: one creator per byline.
            objects: item.authors.map((author) => ({ _text: author.name })) as unknown as Record<
              string,
              unknown
            >,
          },
        ]
      : undefined,
  guid: item.guid,
  id: item.guid,
  image: item.image
    ? { length: item.image.length, type: item.image.mimeType ?? undefined, url: item.image.url }
    : undefined,
  link: item.url,
  published: new Date(item.publishedAt),
  title: escapeHtml(item.title),
})

// eslint-disable-next-line no-control-regex -- these are the characters it removes
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

const CDATA_SECTION = /(<!\[CDATA\[[\s\S]*?\]\]>)/
// A start tag as xml-js writes one: attribute values in double quotes, their `"` escaped.
const START_TAG = /<[A-Za-z][\w:.-]*(?:\s+[\w:.-]+="[^"]*")*\s*\/?>/g

/**
 * The `feed` package leaves `<` in attribute values (a category's label) and control characters
 * anywhere: either makes the whole feed unreadable. Control characters go everywhere; `<` and `>`
 * are escaped inside the attributes of start tags, outside CDATA (text there is escaped already).
 */
const wellFormed = (xml: string): string =>
  xml
    .replace(INVALID_XML, '')
    .split(CDATA_SECTION)
    .map((part, index) =>
      index % 2
        ? part
        : part.replace(START_TAG, (tag) =>
            tag.replace(
              /="([^"]*)"/g,
              (_match, value: string) => `="${value.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`,
            ),
          ),
    )
    .join('')

const xmlFeed = (doc: FeedDocument, format: 'atom' | 'rss'): string => {
  const feed = new Feed({
    // Atom needs an author for entries without a byline (RFC 4287, 4.1.1): the publication.
    author: { link: doc.homeUrl, name: doc.publisher },
    copyright: '',
    description: doc.description,
    feedLinks: { atom: doc.feedUrls.atom, json: doc.feedUrls.json, rss: doc.feedUrls.rss },
    generator: false,
    id: doc.feedUrls[format],
    image: doc.logoUrl ?? undefined,
    language: doc.language,
    link: doc.homeUrl,
    title: doc.title,
    updated: doc.updatedAt ? new Date(doc.updatedAt) : new Date(0),
  })
  for (const item of doc.items) feed.addItem(itemOf(item, format))
  if (format === 'rss') return wellFormed(feed.rss2())
  // The package writes no language into Atom: the root element gets `xml:lang` (RFC 4287, 2).
  return wellFormed(
    feed
      .atom1()
      .replace('<feed xmlns="http://www.w3.org/2005/Atom"', `$& xml:lang="${escapeHtml(doc.language)}"`),
  )
}

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): written directly, since the `feed`
 * package writes version 1 (one `author`, no `language`).
 */
const jsonFeed = (doc: FeedDocument): string =>
  JSON.stringify({
    description: doc.description,
    feed_url: doc.feedUrls.json,
    home_page_url: doc.homeUrl,
    icon: doc.logoUrl ?? undefined,
    items: doc.items.map((item) => ({
      authors: item.authors.length
        ? item.authors.map((author) => ({ name: author.name, url: author.url }))
        : undefined,
      content_html: item.contentHtml,
      date_modified: item.modifiedAt,
      date_published: item.publishedAt,
      id: item.guid,
      image: item.image?.url,
      language: doc.language,
      summary: item.summary ?? undefined,
      tags: item.categories.length ? item.categories.map((category) => category.name) : undefined,
      title: item.title,
      url: item.url,
    })),
    language: doc.language,
    title: doc.title,
    version: 'https://jsonfeed.org/version/1.1',
  })

/** The feed written in one format. */
export const renderFeed = (doc: FeedDocument, format: FeedFormat): string =>
  format === 'json' ? jsonFeed(doc) : xmlFeed(doc, format)
