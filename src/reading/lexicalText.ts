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

/** The plain text of a node: inline pieces run together, blocks and line breaks are separated by spaces. */
export const textOf = (node: LexicalNode | null | undefined): string => {
  if (!node) return ''
  if (typeof node.text === 'string') return node.text
  if (node.type && SPACE_LIKE.has(node.type)) return ' '
  // Hooks run before Payload validates the rich text: children may be anything.
  if (!Array.isArray(node.children)) return ''
  return node.children
    .filter((child) => child && typeof child === 'object')
    .map((child) => {
      const text = textOf(child)
      return child.children && !INLINE.has(child.type ?? '') ? ` ${text} ` : text
    })
    .join('')
}

/** The root node of a Lexical editor state, or null for anything else (empty content, other editors). */
export const lexicalRoot = (content: unknown): LexicalNode | null => {
  const root = (content as { root?: LexicalNode } | null | undefined)?.root
  return root && Array.isArray(root.children) ? root : null
}

/** Depth-first list of all nodes of a tree. */
export const allNodes = (node: LexicalNode | null): LexicalNode[] =>
  node && typeof node === 'object'
    ? [node, ...(Array.isArray(node.children) ? node.children : []).flatMap((child) => allNodes(child))]
    : []
