import { toSlug } from '../slugs/toSlug.js'
import { allNodes, lexicalRoot, textOf } from './lexicalText.js'

export const WORDS_PER_MINUTE = 200
export const BACK_TO_TOP_TARGET = 'top'

export type Heading = { id: string; level: 2 | 3; text: string }

/** Words are runs of non-space characters holding at least one letter or digit (dashes are not words). */
export const countWords = (text: string): number =>
  text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length

export const readingTimeMinutes = (words: number): number => Math.max(1, Math.ceil(words / WORDS_PER_MINUTE))

/**
 * h2 and h3 headings with ids readers can link to: URL-safe, German umlauts transliterated,
 * stable for the same text, unique within the article (`-2`, `-3`) and never the back-to-top target.
 */
export const headingsOf = (content: unknown): Heading[] => {
  const used = new Set([BACK_TO_TOP_TARGET])
  return allNodes(lexicalRoot(content))
    .filter((node) => node.type === 'heading' && (node.tag === 'h2' || node.tag === 'h3'))
    .map((node) => {
      const text = textOf(node).replace(/\s+/g, ' ').trim()
      const base = toSlug(text) || 'abschnitt'
      let id = base
      for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`
      used.add(id)
      return { id, level: node.tag === 'h2' ? 2 : 3, text }
    })
}

export type ReadingInput = { content?: unknown; subtitle?: null | string; title?: null | string }

export type ReadingMetadata = { headings: Heading[]; readingTimeMinutes: number; wordCount: number }

/** Word count over title, subtitle and every text node of the content; reading time; headings. */
export const readingMetadataFor = ({ content, subtitle, title }: ReadingInput): ReadingMetadata => {
  const text = [title ?? '', subtitle ?? '', textOf(lexicalRoot(content))].join(' ')
  const wordCount = countWords(text)
  return { headings: headingsOf(content), readingTimeMinutes: readingTimeMinutes(wordCount), wordCount }
}
