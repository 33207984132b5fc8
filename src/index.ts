import type { Config } from 'payload'

import { articlesCollection } from './articles/collection.js'
import { commentsCollection } from './comments/collection.js'
import { regionsCollection } from './regions/collection.js'
import { relatedLinksCollection } from './relatedLinks/collection.js'
import { sponsorsCollection } from './sponsors/collection.js'
import { OPTIONS_KEY } from './delivery/pluginOptions.js'
import { articlePageEndpoint } from './delivery/endpoint.js'
import { clearIpHashesTask } from './comments/clearIpHashes.js'
import { withNewsroomTranslations } from './i18n/index.js'
import { withDeliveryIndexes } from './postgres/indexes.js'
import { type NewsroomPluginOptions, resolveOptions } from './options.js'
import { withStartupChecks } from './startupChecks.js'

export const newsroomPlugin =
  (options: NewsroomPluginOptions = {}) =>
  (config: Config): Config => {
    const resolved = resolveOptions(options, config)
    const { comments } = resolved.collections
    // Built in full even when disabled (without hooks), so the schema and migrations stay stable;
    // the retention task too (its slug and schedule shape the jobs table), idle when disabled.
    const withSchema: Config = {
      ...config,
      collections: [
        ...(config.collections ?? []),
        articlesCollection(resolved), // articles/
        regionsCollection(resolved), // regions/
        sponsorsCollection(resolved), // sponsors/
        relatedLinksCollection(resolved), // relatedLinks/
        ...(comments ? [commentsCollection(resolved, comments.slug)] : []), // comments/
      ],
      custom: { ...config.custom, [OPTIONS_KEY]: resolved }, // for getArticlePage, which has only `payload`
      db: withDeliveryIndexes(config.db, {
        articles: resolved.collections.articles.slug,
        regions: resolved.collections.regions.slug,
      }),
      i18n: withNewsroomTranslations(config.i18n), // the host's own translations win
      jobs: comments
        ? {
            ...config.jobs,
            tasks: [
              ...(config.jobs?.tasks ?? []),
              clearIpHashesTask(comments.slug, resolved.comments.ipHashRetentionDays, !resolved.disabled),
            ],
          }
        : config.jobs,
    }
    if (resolved.disabled) return withSchema
    return withStartupChecks(
      { ...withSchema, endpoints: [...(config.endpoints ?? []), articlePageEndpoint] },
      resolved.users,
    )
  }

// The public surface: the plugin, the delivery calls and the types. Everything else is internal.
export type {
  AiUsage,
  Attribution,
  AttributionCase,
  NoticePlacement,
  SourceKind,
} from './attribution/notice.js'
export type { NoticeSegment } from './attribution/template.js'
export type { CommentStatus } from './comments/moderation.js'
export { getArticlePage, type GetArticlePageArgs } from './delivery/getArticlePage.js'
export type {
  ArticlePage,
  PageImage,
  PageLayout,
  PageRegion,
  PageSponsor,
  RelatedItem,
} from './delivery/types.js'
export type {
  NewsroomArticle,
  NewsroomComment,
  NewsroomRegion,
  NewsroomRelatedLink,
  NewsroomSponsor,
} from './documents.js'
export type {
  AttributionOptions,
  BackToTopOptions,
  CommentOptions,
  NewsroomCollectionKey,
  NewsroomCollectionOverrides,
  NewsroomPluginOptions,
  RelatedOptions,
  SiteOptions,
} from './options.js'
export type { Heading } from './reading/readingMetadata.js'
export type { Breadcrumb } from './regions/breadcrumbs.js'
export type { RegionType } from './regions/regionTypes.js'
export type { LinkType } from './relatedLinks/linkTypes.js'
export type { SponsorPlacement } from './sponsors/placements.js'
