import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

/**
 * `createdAt` and `updatedAt` are the server's for anyone who is not an editor: a commenter who
 * sends an old date would slip past flood control (which counts recent rows) and pin the comment
 * to the top, a future one would lock an address out. Editors may set them (imports keep dates).
 */
export const serverTimestamps =
  (isEditor: (req: PayloadRequest) => boolean): CollectionBeforeChangeHook =>
  ({ data, operation, originalDoc, req }) => {
    if (isEditor(req)) return data
    const now = new Date().toISOString()
    return {
      ...data,
      createdAt: operation === 'create' ? now : originalDoc?.createdAt,
      updatedAt: now,
    }
  }
