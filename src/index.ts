import type { Config } from 'payload'

import { buildCollections } from './collections/index.js'
import { OPTIONS_KEY } from './delivery/pluginOptions.js'
import { articlePageEndpoint } from './endpoints/articlePage.js'
import { clearIpHashesTask } from './jobs/clearIpHashes.js'
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
      collections: [...(config.collections ?? []), ...buildCollections(resolved)],
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

export type {
  AiUsage,
  Attribution,
  AttributionCase,
  AttributionFacts,
  NoticeTemplates,
  SourceKind,
} from './attribution/notice.js'
export { attributionFor, IPTC } from './attribution/notice.js'
export { getArticlePage, type GetArticlePageArgs } from './delivery/getArticlePage.js'
export { articleJsonLd } from './delivery/jsonLd.js'
export type {
  ArticlePage,
  PageImage,
  PageLayout,
  PageRegion,
  PageSponsor,
  RelatedItem,
} from './delivery/types.js'
export type { NoticeSegment } from './attribution/template.js'
export { newsroomTranslations } from './i18n/index.js'
export { readerTexts, type ReaderTexts } from './i18n/readerTexts.js'
export { formatDateline } from './layout/dateline.js'
export { type Heading, readingMetadataFor, type ReadingMetadata } from './layout/readingMetadata.js'
export type {
  AttributionOptions,
  BackToTopOptions,
  CommentOptions,
  NewsroomCollectionKey,
  NewsroomCollectionOverrides,
  NewsroomPluginOptions,
  RelatedOptions,
  ResolvedOptions,
  SiteOptions,
} from './options.js'
export { defaultDisclosureLabels, DEFAULT_MAX_LIMIT, resolveOptions } from './options.js'
export type { Breadcrumb } from './regions/breadcrumbs.js'
export { toSlug } from './slugs/toSlug.js'
export type {
  NewsroomArticle,
  NewsroomComment,
  NewsroomRegion,
  NewsroomRelatedLink,
  NewsroomSponsor,
} from './types/documents.js'
export { checkUrl } from './validation/url.js'
export { countryCodes, isCountryCode, isSubdivisionCode } from './validation/isoCodes.js'
