import type { NewsroomSponsor } from '../documents.js'
import type { PageImage, PageSponsor } from './types.js'

import { type ID, idOf } from '../idOf.js'
import { disclosureLabelFor } from '../sponsors/disclosureLabel.js'

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

/** The sponsor fields a page shows (`toPageSponsor`): what every page reads of a sponsor. */
export const PAGE_SPONSOR_SELECT = {
  disclosureLabel: true,
  logo: true,
  name: true,
  placement: true,
  priority: true,
  rel: true,
  url: true,
} as const

/** A sponsor as pages show it: labelled in the reader's locale, with its logo. */
export const toPageSponsor = (
  sponsor: NewsroomSponsor<ID>,
  mediaByID: Map<string, PageMedia>,
  { disclosureLabels, locale }: { disclosureLabels: Record<string, string>; locale: string },
): PageSponsor => ({
  disclosureLabel: sponsor.disclosureLabel || disclosureLabelFor(disclosureLabels, locale),
  id: sponsor.id,
  logo: toImage(mediaByID.get(String(idOf(sponsor.logo)))),
  name: sponsor.name,
  placement: sponsor.placement,
  priority: Number(sponsor.priority ?? 0),
  rel: sponsor.rel ?? '',
  url: sponsor.url,
})

/** Documents by id, for assembling in the order the facts gave. */
export const byID = <T extends { id: ID }>(docs: T[]): Map<string, T> =>
  new Map(docs.map((doc) => [String(doc.id), doc]))
