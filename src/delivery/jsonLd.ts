import type { Attribution } from '../attribution/notice.js'
import type { SiteOptions } from '../options.js'
import type { AuthorPage } from './archives/types.js'
import type { ArticleImage, PageAdvertiser, PageCorrection } from './types.js'

import { IPTC } from '../attribution/notice.js'
import { WORDS_PER_MINUTE } from '../reading/readingMetadata.js'

/** schema.org's names for the IPTC digital source types. */
const schemaDigitalSourceType: Record<string, string> = {
  [IPTC.composite]: 'https://schema.org/CompositeWithTrainedAlgorithmicMediaDigitalSource',
  [IPTC.trained]: 'https://schema.org/TrainedAlgorithmicMediaDigitalSource',
}

export type JsonLdInput = {
  attribution: Attribution | null
  authors: Pick<AuthorPage['author'], 'kind' | 'name' | 'url'>[]
  corrections: PageCorrection[]
  dateline: null | string
  image: ArticleImage | null
  /** The disclosure label of paid content, which leads its headline as it leads its title. */
  label: null | string
  locale: string
  /** `contentModifiedAt`, else the publication: saves that change nothing readers read are no update. */
  modifiedAt: null | string
  paidBy: null | PageAdvertiser
  paidContent: boolean
  /** The dateline's place: where the story was reported from. */
  place: null | string
  /** The primary region: what the story is about. */
  primaryRegion: null | string
  publishedAt: null | string
  subtitle: null | string
  title: string
  /** The article's path (`routes.article`). */
  url: string
  wordCount: number
}

/** An absolute URL on the site, when the site's origin is known. */
export const absoluteUrl = (site: SiteOptions, path: string): string =>
  /^https?:\/\//i.test(path) || !site.url ? path : `${site.url}${path.startsWith('/') ? '' : '/'}${path}`

/** The object without its empty entries: JSON-LD leaves out what it does not know. */
export const compact = (value: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== null && entry !== undefined && entry !== ''),
  )

/** The author as schema.org `Person` or `Organization`, as article bylines and profiles name them. */
export const authorEntity = (
  author: Pick<AuthorPage['author'], 'kind' | 'name' | 'url'> & Partial<AuthorPage['author']>,
  site: SiteOptions,
): Record<string, unknown> =>
  compact({
    '@type': author.kind === 'organization' ? 'Organization' : 'Person',
    description: author.bio,
    image: author.image ? absoluteUrl(site, author.image.url) : null,
    jobTitle: author.kind === 'person' ? author.role : null,
    name: author.name,
    sameAs: author.sameAs?.length ? author.sameAs : null,
    url: absoluteUrl(site, author.url),
  })

/** The lead image, with the digital source type of an AI-made or AI-altered one. */
const imageObject = (image: ArticleImage, site: SiteOptions) =>
  compact({
    '@type': 'ImageObject',
    caption: image.alt,
    digitalSourceType: image.ai ? schemaDigitalSourceType[image.ai.digitalSourceType] : null,
    height: image.height,
    url: absoluteUrl(site, image.url),
    width: image.width,
  })

/** ISO 8601 duration of the reading time, e.g. `PT4M`. */
const timeRequired = (wordCount: number) => `PT${Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE))}M`

/**
 * schema.org `NewsArticle` (`AdvertiserContentArticle` for paid content) with the source it is
 * based on and, for AI text, its digital source type, so search engines see what readers see.
 */
export const articleJsonLd = (input: JsonLdInput, site: SiteOptions): Record<string, unknown> =>
  compact({
    '@context': 'https://schema.org',
    '@type': input.paidContent ? 'AdvertiserContentArticle' : 'NewsArticle',
    alternativeHeadline: input.subtitle,
    author: input.authors.length ? input.authors.map((author) => authorEntity(author, site)) : null,
    correction: input.corrections.length
      ? input.corrections.map((item) => ({
          '@type': 'CorrectionComment',
          datePublished: item.at,
          text: item.text ? `${item.label}: ${item.text}` : item.label,
        }))
      : null,
    contentLocation: input.primaryRegion ? { '@type': 'Place', name: input.primaryRegion } : null,
    dateline: input.dateline,
    dateModified: input.modifiedAt,
    datePublished: input.publishedAt,
    digitalSourceType: input.attribution?.digitalSourceType
      ? schemaDigitalSourceType[input.attribution.digitalSourceType]
      : null,
    headline: input.label ? `${input.label}: ${input.title}` : input.title,
    image: input.image ? imageObject(input.image, site) : null,
    inLanguage: input.locale,
    isBasedOn: input.attribution?.sourceUrl ?? null,
    locationCreated: input.place ? { '@type': 'Place', name: input.place } : null,
    mainEntityOfPage: { '@id': absoluteUrl(site, input.url), '@type': 'WebPage' },
    publisher: site.name
      ? compact({
          '@type': 'Organization',
          correctionsPolicy: site.correctionsPolicyUrl,
          logo: site.logoUrl ? { '@type': 'ImageObject', url: site.logoUrl } : null,
          name: site.name,
          url: site.url,
        })
      : null,
    sponsor: input.paidBy
      ? { '@type': 'Organization', name: input.paidBy.name, url: input.paidBy.url }
      : null,
    timeRequired: timeRequired(input.wordCount),
    url: absoluteUrl(site, input.url),
    wordCount: input.wordCount,
  })
