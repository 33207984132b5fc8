import type { SiteOptions } from '../../options.js'
import type { ArchiveItem, AuthorPage } from './types.js'

import { absoluteUrl, authorEntity, compact } from '../jsonLd.js'

type Crumb = { name: string; url: string }

const itemList = (items: ArchiveItem[], site: SiteOptions) => ({
  '@type': 'ItemList',
  itemListElement: items.map((item, index) => ({
    '@type': 'ListItem',
    // Paid content says so wherever it is named (§ 22 MStV).
    name: item.label ? `${item.label}: ${item.title}` : item.title,
    position: index + 1,
    url: absoluteUrl(site, item.url),
  })),
})

const website = (site: SiteOptions) =>
  site.name ? compact({ '@type': 'WebSite', name: site.name, url: site.url }) : null

/** schema.org `CollectionPage` of a region, with its `BreadcrumbList` and the listed articles. */
export const regionJsonLd = (
  input: { breadcrumbs: Crumb[]; items: ArchiveItem[]; locale: string; name: string; url: string },
  site: SiteOptions,
): Record<string, unknown> =>
  compact({
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    breadcrumb: {
      '@type': 'BreadcrumbList',
      itemListElement: input.breadcrumbs.map((crumb, index) => ({
        '@type': 'ListItem',
        item: absoluteUrl(site, crumb.url),
        name: crumb.name,
        position: index + 1,
      })),
    },
    inLanguage: input.locale,
    isPartOf: website(site),
    mainEntity: itemList(input.items, site),
    name: input.name,
    url: absoluteUrl(site, input.url),
  })

/** schema.org `ProfilePage` about the author (Google's profile page structured data). */
export const authorJsonLd = (
  input: { author: AuthorPage['author']; locale: string },
  site: SiteOptions,
): Record<string, unknown> =>
  compact({
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    inLanguage: input.locale,
    isPartOf: website(site),
    mainEntity: authorEntity(input.author, site),
    url: absoluteUrl(site, input.author.url),
  })
