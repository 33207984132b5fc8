import type { CollectionAfterReadHook, CollectionBeforeChangeHook } from 'payload'

import type { ResolvedOptions } from '../options.js'

import { formatDateline } from './dateline.js'
import { BACK_TO_TOP_TARGET, readingMetadataFor } from './readingMetadata.js'
import { mergedGroup, valueAfterSave } from '../savedData.js'

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
    const pick = (name: string) => valueAfterSave(name, data, originalDoc) as null | string | undefined
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
        text: formatDateline(
          dateline.place as string,
          dateline.date as string,
          options.readerLocaleOf(req.locale),
        ),
      },
      layout: { ...metadata, backToTop: backToTopFor(options, metadata.wordCount, req.locale) },
    }
  }

/**
 * Renders the button labels and the dateline for the reader's locale from the stored facts. A
 * row written around the hooks (no stored counts) gets its metadata computed here, without a query.
 * A read with `select` may carry only part of the facts: then only the labels are rendered and
 * the stored values stand, since a partial document would compute the wrong ones.
 */
export const renderLayoutTexts =
  (options: ResolvedOptions): CollectionAfterReadHook =>
  ({ doc, req }) => {
    const layout = doc?.layout
    if (layout && typeof layout === 'object') {
      const wholeText = 'title' in doc && 'subtitle' in doc && 'content' in doc
      if (typeof layout.wordCount !== 'number' && wholeText) {
        Object.assign(
          layout,
          readingMetadataFor({ content: doc.content, subtitle: doc.subtitle, title: doc.title }),
        )
      }
      if (typeof layout.wordCount === 'number') {
        layout.backToTop = backToTopFor(options, layout.wordCount, req.locale)
      } else if (layout.backToTop && typeof layout.backToTop === 'object') {
        Object.assign(layout.backToTop, options.readerTextsFor(req.locale).backToTop)
      }
    }
    const dateline = doc?.dateline
    if (dateline && typeof dateline === 'object' && 'place' in dateline && 'date' in dateline) {
      dateline.text = formatDateline(dateline.place, dateline.date, options.readerLocaleOf(req.locale))
    }
    return doc
  }
