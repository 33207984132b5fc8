import type { Config } from 'payload'

import { articlesCollection } from './articles/index.js'
import { authorsCollection } from './authors/index.js'
import { clearIpHashesTask, commentsCollection } from './comments/index.js'
import { importWxrTask } from './importer/index.js'
import { regionsCollection } from './regions/index.js'
import { relatedLinksCollection } from './relatedLinks/index.js'
import { sponsorsCollection } from './sponsors/index.js'
import { OPTIONS_KEY } from './delivery/pluginOptions.js'
import { deliveryEndpoints } from './delivery/endpoints.js'
import { answerMalformedPathsAsBadRequest } from './guards/malformedPaths.js'
import { withNewsroomTranslations } from './i18n/index.js'
import { withDeliveryIndexes } from './postgres/indexes.js'
import { withLatestFlagsCleared } from './postgres/latestFlags.js'
import { withPoolsWatched } from './postgres/replicas.js'
import { withOutboxTable } from './postgres/outbox.js'
import { withInvalidation } from './cache/index.js'
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
        authorsCollection(resolved), // authors/
        sponsorsCollection(resolved), // sponsors/
        relatedLinksCollection(resolved), // relatedLinks/
        ...(comments ? [commentsCollection(resolved, comments.slug)] : []), // comments/
      ],
      custom: { ...config.custom, [OPTIONS_KEY]: resolved }, // for getArticlePage, which has only `payload`
      db: withPoolsWatched(
        withOutboxTable(
          withDeliveryIndexes(config.db, {
            articles: resolved.collections.articles.slug,
            regions: resolved.collections.regions.slug,
          }),
        ),
      ),
      i18n: withNewsroomTranslations(config.i18n), // the host's own translations win
      jobs: {
        ...config.jobs,
        tasks: [
          ...(config.jobs?.tasks ?? []),
          ...(comments
            ? [clearIpHashesTask(comments.slug, resolved.comments.ipHashRetentionDays, !resolved.disabled)] // comments/
            : []),
          importWxrTask(!resolved.disabled), // importer/
        ],
      },
    }
    if (resolved.disabled) return withSchema
    return withStartupChecks(
      withInvalidation(
        {
          ...withSchema,
          db: withLatestFlagsCleared(withSchema.db, { articles: resolved.collections.articles.slug }), // postgres/
          endpoints: [...(config.endpoints ?? []), ...deliveryEndpoints], // delivery/
          hooks: {
            ...config.hooks,
            afterError: [...(config.hooks?.afterError ?? []), answerMalformedPathsAsBadRequest], // guards/
          },
        },
        resolved, // cache/
      ),
      resolved.users,
    )
  }

// The public surface: the plugin, the delivery calls and the types. Everything else is internal.
export type {
  AiUsage,
  Attribution,
  AttributionCase,
  NoticePlacement,
  NoticeSegment,
  SourceKind,
} from './attribution/index.js'
export type { CommentStatus } from './comments/index.js'
export type { AuthorKind } from './authors/index.js'
export {
  getAuthorPage,
  type GetAuthorPageArgs,
  getRegionPage,
  type GetRegionPageArgs,
} from './delivery/archives/getArchivePage.js'
export type {
  ArchiveItem,
  AuthorPage,
  CacheHints,
  RegionLink,
  RegionPage,
} from './delivery/archives/types.js'
export { getArticlePage, type GetArticlePageArgs } from './delivery/getArticlePage.js'
export {
  DEFAULT_DECLARATION_PATTERNS,
  type DeclarationPattern,
  type ImportEntry,
  type ImportOutcome,
  type ImportReport,
  runImport,
  type RunImportArgs,
} from './importer/index.js'
export { getFeed, type FeedResult, type GetFeedArgs } from './delivery/feeds/getFeed.js'
export type { FeedDocument, FeedFormat, FeedImage, FeedItem } from './delivery/feeds/assembleFeed.js'
export {
  getNewsSitemap,
  getSitemap,
  type GetSitemapArgs,
  type SitemapResult,
} from './delivery/sitemaps/getSitemap.js'
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
  NewsroomAuthor,
  NewsroomComment,
  NewsroomRegion,
  NewsroomRelatedLink,
  NewsroomSponsor,
} from './documents.js'
export type {
  AttributionOptions,
  BackToTopOptions,
  CommentOptions,
  FeedOptions,
  NewsroomCollectionKey,
  NewsroomCollectionOverrides,
  InvalidateHandler,
  Invalidation,
  NewsroomPluginOptions,
  RelatedOptions,
  RouteOptions,
  SiteOptions,
} from './options.js'
export type { Heading } from './reading/index.js'
export type { Breadcrumb, RegionType } from './regions/index.js'
export type { LinkType } from './relatedLinks/index.js'
export type { SponsorPlacement } from './sponsors/index.js'
