import type { NoticeTemplates } from '../attribution/notice.js'
import type { NewsroomArticle, NewsroomSponsor } from '../documents.js'
import type { ArticleImage, PageImage, PageSponsor } from './types.js'

import { imageAiFor } from '../attribution/imageAi.js'
import { type ID, idOf } from '../idOf.js'
import { type AdvertisingLabels, readerLabel, SPONSORED_REL } from '../sponsors/disclosureLabel.js'

/** A media document as delivery uses it (the host's upload collection). */
export type PageMedia = {
  alt?: null | string
  height?: null | number
  id: ID
  url?: null | string
  width?: null | number
}

export const toImage = (media: PageMedia | undefined): null | PageImage =>
  media?.url
    ? { alt: media.alt ?? null, height: media.height ?? null, url: media.url, width: media.width ?? null }
    : null

/** An article's lead image with the label AI use in it needs, for the reader's locale. */
export const articleImage = (
  media: PageMedia | undefined,
  article: Pick<NewsroomArticle<ID>, 'imageAi'>,
  templates: NoticeTemplates,
): ArticleImage | null => {
  const image = toImage(media)
  return image ? { ...image, ai: imageAiFor(article.imageAi?.usage ?? 'none', templates) } : null
}

/** The sponsor fields a page shows (`toPageSponsor`): what every page reads of a sponsor. */
export const PAGE_SPONSOR_SELECT = {
  disclosureLabel: true,
  logo: true,
  name: true,
  placement: true,
  priority: true,
  url: true,
} as const

/**
 * A sponsor as pages show it: labelled with a label the reader's locale allows, with its logo,
 * and marked as a paid link by the constant `rel` (a row written around the hooks cannot unmark it).
 */
export const toPageSponsor = (
  sponsor: NewsroomSponsor<ID>,
  mediaByID: Map<string, PageMedia>,
  labels: AdvertisingLabels & { locale: string },
): PageSponsor => ({
  disclosureLabel: readerLabel(sponsor.disclosureLabel, labels),
  id: sponsor.id,
  logo: toImage(mediaByID.get(String(idOf(sponsor.logo)))),
  name: sponsor.name,
  placement: sponsor.placement,
  priority: Number(sponsor.priority ?? 0),
  rel: SPONSORED_REL,
  url: sponsor.url,
})

/** Documents by id, for assembling in the order the facts gave. */
export const byID = <T extends { id: ID }>(docs: T[]): Map<string, T> =>
  new Map(docs.map((doc) => [String(doc.id), doc]))
