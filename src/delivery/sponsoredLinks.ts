import { BODY_LINK_REL } from '../sponsors/disclosureLabel.js'

type Node = { [key: string]: unknown; children?: unknown }

const LINK_TYPES = new Set(['autolink', 'link'])

const mark = (node: unknown): unknown => {
  if (!node || typeof node !== 'object') return node
  const { children, ...rest } = node as Node
  const marked: Node = LINK_TYPES.has(String(rest.type)) ? { ...rest, rel: BODY_LINK_REL } : rest
  return Array.isArray(children) ? { ...marked, children: children.map(mark) } : marked
}

/**
 * A copy of a Lexical document whose link nodes carry `rel: 'sponsored'` (Lexical's own link
 * node serialises `rel` the same way): links in paid content are paid links (Google's link
 * attributes; § 22 MStV). Payload's converters ignore the property; docs/delivery.md shows a
 * link converter that reads it.
 */
export const markLinksSponsored = (content: unknown): unknown => {
  const root = (content as { root?: unknown } | null)?.root
  return root && typeof root === 'object' ? { ...(content as object), root: mark(root) } : content
}
