/**
 * Compiled by `npm run typecheck`, never run: the types `payload generate:types` writes for the
 * dev config (dev/payload-types.ts) must fit the plugin's exported document types, so the two
 * cannot drift apart unnoticed.
 */
import type {
  ArticlePage,
  AuthorPage,
  NewsroomArticle,
  NewsroomAuthor,
  NewsroomComment,
  NewsroomRegion,
  NewsroomRelatedLink,
  NewsroomSponsor,
  RegionPage,
} from 'payload-newsroom'

import type { Article, Author, Comment, Region, RelatedLink, Sponsor } from './payload-types.js'

export const asArticle = (doc: Article): NewsroomArticle => doc
export const asRegion = (doc: Region): NewsroomRegion => doc
export const asSponsor = (doc: Sponsor): NewsroomSponsor => doc
export const asRelatedLink = (doc: RelatedLink): NewsroomRelatedLink => doc
export const asComment = (doc: Comment): NewsroomComment => doc
export const asAuthor = (doc: Author): NewsroomAuthor => doc
export const pageTitle = (page: ArticlePage): string => page.article.title
export const regionName = (page: RegionPage): string => page.region.name
export const authorName = (page: AuthorPage): string => page.author.name
