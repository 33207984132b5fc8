import type { ID } from '../idOf.js'

/**
 * The cache tags of delivery results (see docs/caching.md): one per document a result was built
 * from, keyed by the plugin's collection key (`articles`, `regions`, ...) or a host collection's
 * slug (`media`), and one per list a result belongs to. Ids as stored, whatever the slugs are.
 */
export const documentTag = (key: string, id: ID): string => `newsroom:${key}:${id}`

export const ARTICLE_LIST_TAG = 'newsroom:list:articles'
export const regionListTag = (id: ID): string => `newsroom:list:region:${id}`
export const authorListTag = (id: ID): string => `newsroom:list:author:${id}`
/** Untargeted sponsors show on every page: every page with sponsor slots carries this tag. */
export const SPONSOR_SLOTS_TAG = 'newsroom:list:sponsors'
export const FEED_TAG = 'newsroom:feed'
export const SITEMAP_TAG = 'newsroom:sitemap'

/** Tags in first-seen order, without repeats. */
export const uniqueTags = (tags: Iterable<string>): string[] => [...new Set(tags)]
