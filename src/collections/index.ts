import type { CollectionConfig } from 'payload'

import type { ResolvedOptions } from '../options.js'
import { buildArticles } from './articles.js'
import { buildComments } from './comments.js'
import { buildRegions } from './regions.js'
import { buildRelatedLinks } from './relatedLinks.js'
import { buildSponsors } from './sponsors.js'

/** Every collection the plugin owns, built from the resolved options. */
export const buildCollections = (options: ResolvedOptions): CollectionConfig[] => [
  buildArticles(options),
  buildRegions(options),
  buildSponsors(options),
  buildRelatedLinks(options),
  ...(options.collections.comments ? [buildComments(options, options.collections.comments.slug)] : []),
]
