import type { CollectionAfterReadHook, CollectionBeforeChangeHook } from 'payload'

import type { ResolvedOptions } from '../options.js'

import { formatDateline } from '../layout/dateline.js'
import { BACK_TO_TOP_TARGET, readingMetadataFor } from '../layout/readingMetadata.js'
import { DEFAULT_READER_LOCALE } from '../i18n/readerTexts.js'
import { mergedGroup } from './savedData.js'

const formattingLocale = (locale: null | string | undefined) =>
  locale && locale !== 'all' ? locale : DEFAULT_READER_LOCALE

/** The back-to-top metadata for a word count, in the reader's language. */
const backToTopFor = (options: ResolvedOptions, wordCount: number, locale: null | string | undefined) => ({
  ...options.readerTextsFor(locale).backToTop,
  enabled: wordCount >= options.backToTop.minWords,
  showAfterPx: options.backToTop.showAfterPx,
  targetId: BACK_TO_TOP_TARGET,
})

/**
 * Computes the `layout` group (word count, reading time, heading anchors, back-to-top) and
 * `dateline.text` on every save, overwriting whatever a client sent.
 */
export const computeLayout =
  (options: ResolvedOptions): CollectionBeforeChangeHook =>
  ({ data, originalDoc, req }) => {
    const pick = (name: string) => (name in data ? data[name] : originalDoc?.[name])
    const metadata = readingMetadataFor({
      content: pick('content'),
      subtitle: pick('subtitle'),
      title: pick('title'),
    })
    const dateline = mergedGroup(data.dateline, originalDoc?.dateline)
    return {
      ...data,
      dateline: {
        ...dateline,
        text: formatDateline(dateline.place as string, dateline.date as string, formattingLocale(req.locale)),
      },
      layout: { ...metadata, backToTop: backToTopFor(options, metadata.wordCount, req.locale) },
    }
  }

/**
 * Renders the button labels and the dateline for the reader's locale from the stored facts. A
 * row written around the hooks (no stored counts) gets its metadata computed here, without a query.
 */
export const renderLayoutTexts =
  (options: ResolvedOptions): CollectionAfterReadHook =>
  ({ doc, req }) => {
    if (doc?.layout && typeof doc.layout === 'object') {
      if (typeof doc.layout.wordCount !== 'number' && 'title' in doc) {
        Object.assign(
          doc.layout,
          readingMetadataFor({ content: doc.content, subtitle: doc.subtitle, title: doc.title }),
        )
      }
      doc.layout.backToTop = backToTopFor(options, Number(doc.layout.wordCount) || 0, req.locale)
    }
    if (doc?.dateline && typeof doc.dateline === 'object') {
      doc.dateline.text = formatDateline(doc.dateline.place, doc.dateline.date, formattingLocale(req.locale))
    }
    return doc
  }
