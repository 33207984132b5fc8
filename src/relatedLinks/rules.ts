import type { CollectionBeforeChangeHook, CollectionSlug } from 'payload'

import { refuse } from '../guards/refuse.js'
import { documentAfterSave } from '../savedData.js'
import { idOf } from '../idOf.js'

/**
 * Internal links need a target that is not the article itself and not linked twice from it;
 * external links need a URL and a label. The other kind's fields are cleared so a link never
 * carries stale data.
 */
export const enforceRelatedLinkRules =
  (relatedLinksSlug: CollectionSlug): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    const link = documentAfterSave(data, originalDoc)
    const article = idOf(link.article)
    if (link.type === 'external') {
      if (!link.url) refuse(req, 'url', 'errorUrlRequired')
      if (typeof link.label !== 'string' || !link.label.trim()) refuse(req, 'label', 'errorLabelRequired')
      return { ...data, target: null }
    }
    const target = idOf(link.target)
    if (target === null || target === undefined || target === '')
      return refuse(req, 'target', 'errorTargetRequired')
    if (String(target) === String(article)) refuse(req, 'target', 'errorTargetSelf')
    const duplicates = await req.payload.count({
      collection: relatedLinksSlug,
      overrideAccess: true,
      req,
      where: {
        and: [
          { article: { equals: article } },
          { target: { equals: target } },
          ...(operation === 'update' ? [{ id: { not_equals: originalDoc?.id } }] : []),
        ],
      },
    })
    if (duplicates.totalDocs > 0) refuse(req, 'target', 'errorTargetDuplicate')
    return { ...data, url: null }
  }
