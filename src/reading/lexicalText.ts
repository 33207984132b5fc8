/** The parts of a Lexical node we read; everything else is ignored. */
export type LexicalNode = {
  [key: string]: unknown
  children?: LexicalNode[]
  tag?: string
  text?: string
  type?: string
}

// Inline elements continue the surrounding text; every other element with children is a block.
const INLINE = new Set(['autolink', 'link', 'mark'])
const SPACE_LIKE = new Set(['linebreak', 'tab'])

/**
 * Appends the text of `node` to `pieces` (see `textOf`) and calls `visit` with each element node
 * on the way, in document order: one pass for the text and whatever else a caller collects.
 */
export const collectText = (
  node: LexicalNode,
  pieces: string[],
  visit?: (node: LexicalNode) => void,
): void => {
  if (typeof node.text === 'string') {
    pieces.push(node.text)
    return
  }
  if (node.type && SPACE_LIKE.has(node.type)) {
    pieces.push(' ')
    return
  }
  // Hooks run before Payload validates the rich text: children may be anything.
  if (!Array.isArray(node.children)) return
  visit?.(node)
  for (const child of node.children) {
    if (!child || typeof child !== 'object') continue
    const block = Boolean(child.children) && !INLINE.has(child.type ?? '')
    if (block) pieces.push(' ')
    collectText(child, pieces, visit)
    if (block) pieces.push(' ')
  }
}

/** The plain text of a node: inline pieces run together, blocks and line breaks are separated by spaces. */
export const textOf = (node: LexicalNode | null | undefined): string => {
  if (!node) return ''
  const pieces: string[] = []
  collectText(node, pieces)
  return pieces.join('')
}

/** The root node of a Lexical editor state, or null for anything else (empty content, other editors). */
export const lexicalRoot = (content: unknown): LexicalNode | null => {
  const root = (content as { root?: LexicalNode } | null | undefined)?.root
  return root && Array.isArray(root.children) ? root : null
}
