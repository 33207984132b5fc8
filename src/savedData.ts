import type { CollectionSlug, PayloadRequest, SelectType } from 'payload'

type Doc = null | Record<string, any> | undefined

/**
 * "The value after this save": what the client sent, else what is stored. Updates are partial,
 * and hooks run before Payload merges them, so every rule that reads a field asks this.
 */
export const valueAfterSave = (name: string, data: Doc, originalDoc: Doc): unknown =>
  data?.[name] !== undefined ? data[name] : originalDoc?.[name]

/** A group as it will be stored: what the client sent over what was stored. */
export const mergedGroup = (sent: Doc, stored: Doc): Record<string, unknown> => ({ ...stored, ...sent })

/** The whole document as it will be stored (top-level fields). */
export const documentAfterSave = <T = Record<string, any>>(data: Doc, originalDoc: Doc): T =>
  ({ ...originalDoc, ...data }) as T

/** Is this version of a document the published one? */
export const isPublished = (doc: Doc): boolean => doc?._status === 'published'

/**
 * A document's latest version (draft or not) read inside a save, with full access and no
 * population. Payload's Local API gives a passed request the read's locale and a context object of
 * its own: the save's are put back, or it would store its values as those of every locale.
 */
export const readLatestInSave = async <T>(
  req: PayloadRequest,
  { collection, id, locale, select }: { collection: string; id: unknown; locale?: 'all'; select: SelectType },
): Promise<null | T> => {
  const { context, fallbackLocale, locale: ownLocale } = req
  try {
    return (await req.payload.findByID({
      id: id as number | string,
      collection: collection as CollectionSlug,
      depth: 0,
      disableErrors: true,
      draft: true,
      ...(locale ? { locale } : {}),
      overrideAccess: true,
      req,
      select,
    })) as null | T
  } finally {
    req.context = context
    req.locale = ownLocale
    req.fallbackLocale = fallbackLocale
  }
}
