import type { MetadataRoute } from 'next'

import { siteUrl } from '@payload-config'

/** `/robots.txt`: crawlers find the plugin's sitemap index and the Google News sitemap here. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { allow: '/', disallow: '/admin', userAgent: '*' },
    sitemap: [`${siteUrl}/api/newsroom/sitemap.xml`, `${siteUrl}/api/newsroom/news-sitemap.xml`],
  }
}
