import { type LexicalNode, lexicalRoot } from '../reading/lexicalText.js'

/** The reader-visible text of one locale, as a human review signs it off. */
export type ReviewedText = { content?: unknown; subtitle?: unknown; title?: unknown }

const whitespace = /\s+/g
const plain = (value: unknown) => (typeof value === 'string' ? value.replace(whitespace, ' ').trim() : '')

/** The id of a related document, populated or not. */
const idOf = (value: unknown): unknown =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value

/**
 * What readers get from a rich-text tree, node by node: the words, and what links, images,
 * relationships and blocks point at or hold. Formatting, indentation and editor versions are left
 * out: they change no meaning.
 */
const contentTokens = (node: LexicalNode | null | undefined, tokens: string[] = []): string[] => {
  if (!node || typeof node !== 'object') return tokens
  if (typeof node.text === 'string') tokens.push(node.text)
  const fields = node.fields as Record<string, unknown> | undefined
  switch (node.type) {
    case 'autolink':
    case 'link':
      tokens.push(
        `<a ${JSON.stringify([fields?.url ?? node.url ?? null, idOf((fields?.doc as { value?: unknown })?.value) ?? null])}>`,
      )
      break
    case 'relationship':
    case 'upload':
      tokens.push(`<${node.type} ${JSON.stringify([node.relationTo ?? null, idOf(node.value) ?? null])}>`)
      break
    case 'block':
    case 'inlineBlock':
      tokens.push(`<${node.type} ${JSON.stringify(fields ?? null)}>`)
      break
    default:
      if (typeof node.type === 'string' && node.type !== 'text') tokens.push(`<${node.type}>`)
  }
  if (Array.isArray(node.children)) for (const child of node.children) contentTokens(child, tokens)
  return tokens
}

/**
 * What a review signs off, as one string: the AI usage and, per locale, title, subtitle and the
 * content as readers get it (words, link targets, images, embeds). Formatting alone leaves it;
 * any other change changes it (the Commission's guidelines, para 136: a substantive AI change
 * after sign-off voids the exemption). The server hashes it; the admin compares it to warn
 * before a save clears a review.
 */
export const reviewedTextOf = (usage: unknown, texts: Record<string, ReviewedText>): string =>
  JSON.stringify([
    String(usage ?? 'none'),
    ...Object.keys(texts)
      .sort()
      .map((locale) => {
        const text = texts[locale]!
        return [locale, plain(text.title), plain(text.subtitle), contentTokens(lexicalRoot(text.content))]
      }),
  ])
