// Typed documents for tests and the benchmark: no vitest import, so plain scripts can use it.
import type { Config, Payload, PayloadRequest, TypedLocale } from 'payload'

import type {
  NewsroomArticle,
  NewsroomAuthor,
  NewsroomComment,
  NewsroomRegion,
  NewsroomRelatedLink,
  NewsroomSponsor,
} from '../../src/index.js'

/** Groups are partial all the way down, as a save may leave out any of their fields; lists and JSON stay as typed. */
type Partially<V> = V extends readonly unknown[]
  ? V
  : V extends object
    ? { [K in keyof V]?: Partially<V[K]> }
    : V

/**
 * What a test saves: the document without the server's id and timestamps, every field optional
 * (the plugin fills defaults and computed fields, and refusals are tested too), relations as ids.
 */
export type FixtureData<T> = { [K in Exclude<keyof T, 'createdAt' | 'id' | 'updatedAt'>]?: Partially<T[K]> }

/** The Local API options the tests vary; by default a save with full access, not a draft save. */
export type FixtureOptions = {
  draft?: boolean
  locale?: TypedLocale
  overrideAccess?: boolean
  /** A request whose transaction the save joins. */
  req?: PayloadRequest
  user?: PayloadRequest['user']
}

/** Documents of the plugin's default collection slugs, created through the Local API with every hook. */
export const fixtures = (payload: Payload) => {
  const create = async <T>(collection: string, data: FixtureData<T>, options: FixtureOptions = {}) =>
    // Payload without generated types returns loose JSON; the plugin's documents have the shape of src/documents.ts.
    (await payload.create({ collection, data, ...options })) as T
  return {
    article: (data: FixtureData<NewsroomArticle>, options?: FixtureOptions) =>
      create<NewsroomArticle>('articles', data, options),
    author: (data: FixtureData<NewsroomAuthor>, options?: FixtureOptions) =>
      create<NewsroomAuthor>('authors', data, options),
    comment: (data: FixtureData<NewsroomComment>, options?: FixtureOptions) =>
      create<NewsroomComment>('comments', data, options),
    region: (data: FixtureData<NewsroomRegion>, options?: FixtureOptions) =>
      create<NewsroomRegion>('regions', data, options),
    relatedLink: (data: FixtureData<NewsroomRelatedLink>, options?: FixtureOptions) =>
      create<NewsroomRelatedLink>('related-links', data, options),
    sponsor: (data: FixtureData<NewsroomSponsor>, options?: FixtureOptions) =>
      create<NewsroomSponsor>('sponsors', data, options),
  }
}

export type Fixtures = ReturnType<typeof fixtures>

/** A whole `Config` for the functions that read one (options, start-up checks); never started, so its database is never opened. */
export const configWith = (extra: Partial<Config> = {}): Config => ({
  collections: [],
  db: {
    defaultIDType: 'number',
    init: () => {
      throw new Error('configWith builds a config to read, not to start')
    },
    name: 'unstarted',
  },
  secret: 'newsroom-test-secret',
  ...extra,
})
