import type { Field, FieldHook, PayloadRequest } from 'payload'

import { t } from '../i18n/index.js'

/** Set on the importer's own request (`req.context`, which no client can send): it writes as an editor. */
export const IMPORT_CONTEXT = 'newsroomImport'

export const isImport = (req: PayloadRequest): boolean => req.context?.[IMPORT_CONTEXT] === true

/** Where a document came from and which version of it was imported; `null` for anything else. */
export type ImportedFrom = { url: null | string; version: null | string }

// Only the importer writes it: anyone else's value is replaced by the stored one.
const keepUnlessImport: FieldHook = ({ originalDoc, req, value }) =>
  isImport(req) ? value : ((originalDoc as { importedFrom?: ImportedFrom } | undefined)?.importedFrom ?? null)

/**
 * `importedFrom.url` is the WordPress address of the original (`https://site/?p=12`), unique so
 * a re-run finds it; `version` is a hash of what was imported, so an unchanged original is skipped.
 */
export const importedFromField = (): Field => ({
  name: 'importedFrom',
  type: 'group',
  admin: {
    condition: (data) => Boolean(data?.importedFrom?.url),
    description: t('importedFromDescription'),
    position: 'sidebar',
    readOnly: true,
  },
  fields: [
    {
      name: 'url',
      type: 'text',
      admin: { description: t('importedFromUrlDescription'), readOnly: true },
      // A copy is a new document, not the original's import (Payload would append " - Copy").
      hooks: { beforeDuplicate: [() => null] },
      index: true,
      label: t('importedFromUrl'),
      unique: true,
    },
    { name: 'version', type: 'text', admin: { hidden: true }, hooks: { beforeDuplicate: [() => null] } },
  ],
  hooks: { beforeChange: [keepUnlessImport] },
  label: t('importedFrom'),
})
