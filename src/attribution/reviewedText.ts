import { lexicalRoot, textOf } from '../reading/lexicalText.js'

/** The reader-visible text of one locale, as a human review signs it off. */
export type ReviewedText = { content?: unknown; subtitle?: null | string; title?: null | string }

const whitespace = /\s+/g
const plain = (value: null | string | undefined) => (value ?? '').replace(whitespace, ' ').trim()

/**
 * What a review signs off, as one string: the AI usage and, per locale, title, subtitle and the
 * words of the content. Formatting alone leaves it; any changed word changes it (the Commission's
 * guidelines, para 136: a substantive AI change after sign-off voids the exemption). The server
 * hashes it; the admin compares it to warn before a save clears a review.
 */
export const reviewedTextOf = (usage: unknown, texts: Record<string, ReviewedText>): string =>
  JSON.stringify([
    String(usage ?? 'none'),
    ...Object.keys(texts)
      .sort()
      .map((locale) => {
        const text = texts[locale]!
        return [locale, plain(text.title), plain(text.subtitle), plain(textOf(lexicalRoot(text.content)))]
      }),
  ])
