import type { CollectionBeforeChangeHook } from 'payload'

/** Sets `publishedAt` on first publication when the editor left it empty. */
export const setPublishedAt: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  if (data._status !== 'published' || data.publishedAt || originalDoc?.publishedAt) return data
  return { ...data, publishedAt: new Date().toISOString() }
}
