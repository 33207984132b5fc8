import type { AiUsage, SourceKind } from '../../attribution/notice.js'

import { readerTexts } from '../../i18n/readerTexts.js'
import { plainText } from '../mapping.js'

/** What a declaring sentence says: the AI use, and whether (and where) the text was taken from a source. */
export type Declaration = { sourced: boolean; usage: AiUsage }

/** A sentence that declares AI use or a source, as a regular expression over a paragraph's plain text. */
export type DeclarationPattern = Declaration & { pattern: RegExp }

/** What a post's HTML declares, and the HTML without the declaring paragraphs. */
export type Declarations = {
  ai: { usage: AiUsage } | null
  html: string
  source: { kind: SourceKind; url: null | string } | null
}

const TEMPLATE_DECLARATIONS = {
  edited: { sourced: false, usage: 'edited' },
  generated: { sourced: false, usage: 'generated' },
  rewritten: { sourced: true, usage: 'rewritten' },
  sourced: { sourced: true, usage: 'none' },
} as const satisfies Record<string, Declaration>

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A notice template as a pattern: its `{source:label}` stands for any link text. */
const patternOf = (template: string): RegExp =>
  new RegExp(
    `^${template
      .split(/\{source(?::[^}]*)?\}/)
      .map((part) => escape(part).replace(/\s+/g, '\\s+'))
      .join('.+?')}$`,
    'iu',
  )

/**
 * The plugin's own notice sentences in every reader language (German and English): a site that
 * wrote them by hand, as the seed page does, declared exactly what the fields now hold.
 */
export const DEFAULT_DECLARATION_PATTERNS: DeclarationPattern[] = Object.values(readerTexts).flatMap(
  ({ templates }) =>
    Object.entries(TEMPLATE_DECLARATIONS).map(([key, declaration]) => ({
      ...declaration,
      pattern: patternOf(templates[key as keyof typeof TEMPLATE_DECLARATIONS]),
    })),
)

/** A paragraph's text as a reader sees it, on one line. */
const lineOf = (html: string): string => plainText(html).replace(/\s+/g, ' ')

// A paragraph, with the Gutenberg block comments around it when there are any.
const PARAGRAPH =
  /(?:<!--\s*wp:paragraph\b[^>]*-->\s*)?<p\b[^>]*>([\s\S]*?)<\/p>(?:\s*<!--\s*\/wp:paragraph\s*-->)?/gi
const HREF = /<a\b[^>]*\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/i

/**
 * Finds the paragraphs of a post that declare AI use or a source (the whole paragraph must be the
 * sentence) and moves what they say into the fields: `ai.usage`, and for a sourced text
 * `source.kind` external with the paragraph's link as `source.url`. The paragraphs leave the HTML:
 * the computed notice replaces them. The first declaration of each kind wins.
 */
export const recognizeDeclarations = (
  html: string,
  patterns: DeclarationPattern[] = DEFAULT_DECLARATION_PATTERNS,
): Declarations => {
  let ai: Declarations['ai'] = null
  let source: Declarations['source'] = null
  const rest = html.replace(PARAGRAPH, (paragraph, inner: string) => {
    const text = lineOf(inner)
    const match = patterns.find(({ pattern }) => pattern.test(text))
    if (!match) return paragraph
    if (match.usage !== 'none') ai ??= { usage: match.usage }
    if (match.sourced) {
      const href = HREF.exec(inner)
      source ??= { kind: 'external', url: href ? (href[1] ?? href[2] ?? null) : null }
    }
    return ''
  })
  return { ai, html: rest.replace(/\n{3,}/g, '\n\n').trim(), source }
}
