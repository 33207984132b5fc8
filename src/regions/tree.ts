import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionSlug,
  PayloadRequest,
  Where,
} from 'payload'

import { APIError } from 'payload'

import { type Breadcrumb, breadcrumbsFor, pathOf } from './breadcrumbs.js'
import { countryName, isCountryCode, isSubdivisionCode } from './isoCodes.js'
import { refuse } from '../guards/refuse.js'
import { message, type NewsroomTranslationKey } from '../i18n/index.js'
import { lockUntilCommit } from '../postgres/advisoryLock.js'
import { lockRowForDelete } from '../postgres/rowLock.js'
import { idOf } from '../idOf.js'
import { documentAfterSave } from '../savedData.js'

type RegionDoc = {
  breadcrumbs?: Breadcrumb[] | null
  id: number | string
  isoCode?: null | string
  name?: null | string
  parent?: { id: number | string } | null | number | string
  slug?: null | string
  type?: null | string
}

/** ISO codes: upper-case; countries from the official list, subdivisions in ISO 3166-2 shape. */
const checkIsoCode = (req: PayloadRequest, type: string | undefined, code: string) => {
  if (type === 'country' && !isCountryCode(code)) refuse(req, 'isoCode', 'errorCountryCode', { code })
  if (type === 'subdivision' && !isSubdivisionCode(code))
    refuse(req, 'isoCode', 'errorSubdivisionCode', { code })
  if (type !== 'country' && type !== 'subdivision' && !isCountryCode(code) && !isSubdivisionCode(code)) {
    refuse(req, 'isoCode', 'errorSubdivisionCode', { code })
  }
}

/**
 * Normalises the ISO code (upper-case, checked against ISO 3166) and fills a country's empty
 * name from it, in the request's language. Runs before the slug is chosen from the name.
 */
export const checkRegionCode: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const region = documentAfterSave<RegionDoc>(data, originalDoc)
  const isoCode = typeof region.isoCode === 'string' ? region.isoCode.trim().toUpperCase() : ''
  if (isoCode) checkIsoCode(req, region.type ?? undefined, isoCode)
  let name = typeof region.name === 'string' ? region.name.trim() : ''
  if (!name && region.type === 'country' && isoCode) name = countryName(isoCode, req.locale || 'de') ?? ''
  if (!name) refuse(req, 'name', 'errorRegionNameRequired')
  return { ...data, isoCode: isoCode || null, name }
}

/**
 * Refuses self-parents and cycles, and computes `breadcrumbs` (root first, the region itself
 * last) and `path` from the parent's stored breadcrumbs: one read, since every region's
 * breadcrumbs are kept true.
 */
export const computeRegionTree =
  (regionsSlug: CollectionSlug): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    const region = documentAfterSave<RegionDoc>(data, originalDoc)
    const selfID = operation === 'update' ? (originalDoc as RegionDoc).id : undefined
    const parentID = idOf(region.parent)
    let parentCrumbs: Breadcrumb[] = []
    if (parentID !== null) {
      if (selfID !== undefined && String(parentID) === String(selfID))
        refuse(req, 'parent', 'errorRegionSelfParent')
      // Moves are serialised: two crossing moves (A under B, B under A) would each pass the check.
      if (selfID !== undefined) await lockUntilCommit(req, `newsroom:region-tree:${regionsSlug}`)
      const parent = (await req.payload.findByID({
        id: parentID,
        collection: regionsSlug,
        depth: 0,
        disableErrors: true,
        locale: req.locale,
        overrideAccess: true,
        req,
      })) as null | RegionDoc
      parentCrumbs = parent?.breadcrumbs ?? []
      if (selfID !== undefined && parentCrumbs.some((crumb) => String(crumb.id) === String(selfID))) {
        refuse(req, 'parent', 'errorRegionCycle')
      }
    }
    const self = { id: selfID ?? null, name: String(region.name), slug: String(region.slug ?? '') }
    const breadcrumbs = breadcrumbsFor(parentCrumbs, self)
    return { ...data, breadcrumbs, path: pathOf(breadcrumbs) }
  }

const resave = (req: PayloadRequest, regionsSlug: CollectionSlug, id: number | string) =>
  req.payload.update({ id, collection: regionsSlug, data: {}, depth: 0, overrideAccess: true, req })

/**
 * After a save: a new region learns its own id in its breadcrumbs, and a rename or move is
 * carried down to every descendant (each re-save recomputes from its updated parent).
 */
export const syncRegionTree =
  (regionsSlug: CollectionSlug): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    const region = doc as RegionDoc
    if (operation === 'create') {
      return resave(req, regionsSlug, region.id)
    }
    if (JSON.stringify(region.breadcrumbs) === JSON.stringify((previousDoc as RegionDoc).breadcrumbs))
      return doc
    const children = await req.payload.find({
      collection: regionsSlug,
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: {},
      where: { parent: { equals: region.id } },
    })
    for (const child of children.docs) await resave(req, regionsSlug, child.id)
    return doc
  }

/**
 * A region still in use cannot be deleted (409, naming what uses it): its `_rels` rows would
 * vanish with it, turning a sponsor targeted only at it into a site-wide one and leaving child
 * regions with breadcrumbs through a region that is gone. Drafts count as use.
 */
export const refuseDeletingUsedRegion =
  (slugs: {
    articles: CollectionSlug
    regions: CollectionSlug
    sponsors: CollectionSlug
  }): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    // Locks the region's row first: a concurrent save that references it (its foreign key takes a
    // share lock on this row) then either committed before the count, or fails after the delete.
    await lockRowForDelete(req, slugs.regions, id)
    const count = async (collection: CollectionSlug, where: Where) =>
      (await req.payload.count({ collection, overrideAccess: true, req, where })).totalDocs
    const articles = Math.max(
      await count(slugs.articles, { regions: { in: [id] } }),
      (
        await req.payload.countVersions({
          collection: slugs.articles,
          overrideAccess: true,
          req,
          where: { and: [{ latest: { equals: true } }, { 'version.regions': { in: [id] } }] },
        })
      ).totalDocs,
    )
    const uses: [NewsroomTranslationKey, number][] = [
      ['articlePlural', articles],
      ['sponsorPlural', await count(slugs.sponsors, { regions: { in: [id] } })],
      ['childRegions', await count(slugs.regions, { parent: { equals: id } })],
    ]
    const named = uses.filter(([, n]) => n > 0).map(([key, n]) => `${message(req, key)}: ${n}`)
    if (named.length)
      throw new APIError(message(req, 'errorRegionInUse', { uses: named.join(', ') }), 409, null, true)
  }
