/**
 * The XML of sitemaps (sitemaps.org 0.9 with Google's image and news extensions). Written
 * directly: a handful of fixed elements whose text is escaped here, checked against the
 * sitemaps.org schema with xmllint in the tests.
 */

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
export const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1'
export const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'

export type SitemapUrl = { images?: string[]; lastmod?: null | string; loc: string }

export type NewsUrl = {
  language: string
  loc: string
  publicationDate: string
  publicationName: string
  title: string
}

// XML 1.0 forbids most control characters even escaped: a stored one would make the file unreadable.
// eslint-disable-next-line no-control-regex -- these are the characters it removes
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

export const xmlText = (text: string): string =>
  text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'

const element = (name: string, text: null | string | undefined): string =>
  text ? `<${name}>${xmlText(text)}</${name}>` : ''

export const sitemapIndexXml = (files: { lastmod?: null | string; loc: string }[]): string =>
  `${HEAD}<sitemapindex xmlns="${SITEMAP_NS}">\n${files
    .map((file) => `<sitemap>${element('loc', file.loc)}${element('lastmod', file.lastmod)}</sitemap>\n`)
    .join('')}</sitemapindex>\n`

export const urlsetXml = (urls: SitemapUrl[]): string => {
  const withImages = urls.some((url) => url.images?.length)
  return `${HEAD}<urlset xmlns="${SITEMAP_NS}"${withImages ? ` xmlns:image="${IMAGE_NS}"` : ''}>\n${urls
    .map(
      (url) =>
        `<url>${element('loc', url.loc)}${element('lastmod', url.lastmod)}${(url.images ?? [])
          .map((image) => `<image:image>${element('image:loc', image)}</image:image>`)
          .join('')}</url>\n`,
    )
    .join('')}</urlset>\n`
}

export const newsUrlsetXml = (urls: NewsUrl[]): string =>
  `${HEAD}<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${urls
    .map(
      (url) =>
        `<url>${element('loc', url.loc)}<news:news><news:publication>${element('news:name', url.publicationName)}${element(
          'news:language',
          url.language,
        )}</news:publication>${element('news:publication_date', url.publicationDate)}${element(
          'news:title',
          url.title,
        )}</news:news></url>\n`,
    )
    .join('')}</urlset>\n`

/**
 * The language code Google News expects: ISO 639 (`de`, `en`), except Chinese, which it wants
 * as `zh-cn` or `zh-tw`.
 */
export const newsLanguage = (locale: string): string => {
  const [language = locale, region] = locale.toLowerCase().split(/[-_]/)
  if (language !== 'zh') return language
  return region === 'tw' || region === 'hk' || region === 'hant' ? 'zh-tw' : 'zh-cn'
}
