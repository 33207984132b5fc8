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
