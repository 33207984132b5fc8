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

/** Calls `visit` with every object below `node`, in document order. */
const visitBelow = (node: LexicalNode, visit: (node: LexicalNode) => void): void => {
  if (!Array.isArray(node.children)) return
  for (const child of node.children) {
    if (!child || typeof child !== 'object') continue
    visit(child)
    visitBelow(child, visit)
  }
}

/**
 * Appends the text of `node` to `pieces` (see `textOf`) and calls `visit` with `node` and every
 * object below it, in document order (also below a text node: hooks see trees before Payload
 * validates them): one pass for the text and whatever else a caller collects.
 */
export const collectText = (
  node: LexicalNode,
  pieces: string[],
  visit?: (node: LexicalNode) => void,
): void => {
  visit?.(node)
  const spaceLike = Boolean(node.type && SPACE_LIKE.has(node.type))
  if (typeof node.text === 'string' || spaceLike) {
    pieces.push(typeof node.text === 'string' ? node.text : ' ')
    if (visit) visitBelow(node, visit)
    return
  }
  // Hooks run before Payload validates the rich text: children may be anything.
  if (!Array.isArray(node.children)) return
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
