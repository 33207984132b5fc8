import type { Metadata } from 'next'

/**
 * `<link rel="alternate">` to the plugin's feeds, for feed readers and Google News: the site's,
 * or a region's or author's when `query` names one (`region=asien/china`, `author=<slug>`).
 */
export const feedAlternates = (title: string, query = ''): NonNullable<Metadata['alternates']> => {
  const suffix = query ? `?${query}` : ''
  return {
    types: {
      'application/atom+xml': [{ title: `${title} (Atom)`, url: `/api/newsroom/feed.atom${suffix}` }],
      'application/feed+json': [{ title: `${title} (JSON Feed)`, url: `/api/newsroom/feed.json${suffix}` }],
      'application/rss+xml': [{ title: `${title} (RSS)`, url: `/api/newsroom/feed.xml${suffix}` }],
    },
  }
}
