import { toSlug } from '../slugs/toSlug.js'
import { collectText, type LexicalNode, lexicalRoot, textOf } from './lexicalText.js'

export const WORDS_PER_MINUTE = 200
export const BACK_TO_TOP_TARGET = 'top'

export type Heading = { id: string; level: 2 | 3; text: string }

/** From a run's first letter or digit to its end: one match per word, never backtracking. */
const WORD = /[\p{L}\p{N}]\S*/gu

/**
 * Words are runs of non-space characters holding at least one letter or digit (dashes are not
 * words). Linear in the text: a pattern for "a run with a letter somewhere in it" backtracks
 * quadratically over a long run without one, and the content has no length limit. `test` makes
 * no match object per word (a 2,000-word article is saved often).
 */
export const countWords = (text: string): number => {
  let count = 0
  WORD.lastIndex = 0
  while (WORD.test(text)) count += 1
  return count
}

export const readingTimeMinutes = (words: number): number => Math.max(1, Math.ceil(words / WORDS_PER_MINUTE))

/**
 * h2 and h3 headings with ids readers can link to: URL-safe, German umlauts transliterated,
 * stable for the same text, unique within the article (`-2`, `-3`) and never the back-to-top target.
 */
export const headingsOf = (content: unknown): Heading[] => readingMetadataFor({ content }).headings

const isHeading = (node: LexicalNode) => node.type === 'heading' && (node.tag === 'h2' || node.tag === 'h3')

export type ReadingInput = { content?: unknown; subtitle?: null | string; title?: null | string }

export type ReadingMetadata = { headings: Heading[]; readingTimeMinutes: number; wordCount: number }

/**
 * Word count over title, subtitle and every text node of the content; reading time; headings.
 * One walk of the content gives both the text and the headings.
 */
export const readingMetadataFor = ({ content, subtitle, title }: ReadingInput): ReadingMetadata => {
  const pieces = [title ?? '', ' ', subtitle ?? '', ' ']
  const headingNodes: LexicalNode[] = []
  const root = lexicalRoot(content)
  if (root) collectText(root, pieces, (node) => isHeading(node) && headingNodes.push(node))
  const wordCount = countWords(pieces.join(''))
  const used = new Set([BACK_TO_TOP_TARGET])
  const headings = headingNodes.map((node): Heading => {
    const text = textOf(node).replace(/\s+/g, ' ').trim()
    const base = toSlug(text) || 'abschnitt'
    let id = base
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`
    used.add(id)
    return { id, level: node.tag === 'h2' ? 2 : 3, text }
  })
  return { headings, readingTimeMinutes: readingTimeMinutes(wordCount), wordCount }
}
