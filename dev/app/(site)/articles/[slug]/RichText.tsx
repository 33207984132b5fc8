import type { Heading } from 'payload-newsroom'

import React from 'react'

/**
 * A small renderer for the Lexical JSON Payload stores: React elements only, never raw HTML, so
 * whatever an editor pastes stays text. Nodes it does not know are rendered as their children.
 */

type LexicalNode = {
  children?: LexicalNode[]
  fields?: { newTab?: boolean; url?: string } | null
  format?: number | string
  listType?: string
  /** Set by delivery on the links of paid content (`sponsored`). */
  rel?: string
  start?: number
  tag?: string
  text?: string
  type?: string
  url?: string
}

// Lexical's text format bitmask.
const BOLD = 1
const ITALIC = 2
const STRIKETHROUGH = 4
const UNDERLINE = 8
const CODE = 16
const SUBSCRIPT = 32
const SUPERSCRIPT = 64

const HEADING_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6'])

type Props = {
  content: unknown
  /** ids for the h2/h3 headings, in document order (the article's computed `layout.headings`) */
  headings: Heading[]
  /** the dateline, set in front of the first paragraph as newspapers do ("Almaty, 26. April – ") */
  leadIn?: null | string
}

export function RichText({ content, headings, leadIn }: Props) {
  const root = (content as { root?: LexicalNode } | null | undefined)?.root
  const blocks = Array.isArray(root?.children) ? root.children : []
  const headingIds = headingIdsOf(blocks, headings)
  const context: Context = { headingIds }
  const startsWithParagraph = blocks[0]?.type === 'paragraph'

  return (
    <>
      {leadIn && !startsWithParagraph ? (
        <p>
          <DateLine text={leadIn} />
        </p>
      ) : null}
      {blocks.map((node, index) =>
        index === 0 && leadIn && startsWithParagraph ? (
          <p key={index}>
            <DateLine text={leadIn} />
            {renderChildren(node, context)}
          </p>
        ) : (
          renderNode(node, index, context)
        ),
      )}
    </>
  )
}

function DateLine({ text }: { text: string }) {
  return (
    <>
      <span className="dateline">{text}</span>
      {' – '}
    </>
  )
}

type Context = { headingIds: Map<LexicalNode, string> }

/** The n-th h2/h3 node (depth first, as the plugin counts them) gets the n-th computed heading id. */
function headingIdsOf(blocks: LexicalNode[], headings: Heading[]): Map<LexicalNode, string> {
  const ids = new Map<LexicalNode, string>()
  let n = 0
  const visit = (node: LexicalNode) => {
    if (node.type === 'heading' && (node.tag === 'h2' || node.tag === 'h3')) {
      const id = headings[n++]?.id
      if (id) ids.set(node, id)
    }
    node.children?.forEach(visit)
  }
  blocks.forEach(visit)
  return ids
}

function renderChildren(node: LexicalNode, context: Context): React.ReactNode {
  return (node.children ?? []).map((child, index) => renderNode(child, index, context))
}

function renderNode(node: LexicalNode, key: number, context: Context): React.ReactNode {
  switch (node.type) {
    case 'text':
      return <React.Fragment key={key}>{formatText(node.text ?? '', node.format)}</React.Fragment>
    case 'linebreak':
      return <br key={key} />
    case 'tab':
      return <React.Fragment key={key}>{'\t'}</React.Fragment>
    case 'paragraph':
      // Lexical stores an empty line as an empty paragraph; it carries no content for the reader.
      return node.children?.length ? <p key={key}>{renderChildren(node, context)}</p> : null
    case 'heading': {
      // The page title is the only h1; a heading the editor marked h1 becomes a section heading.
      const Tag = (HEADING_TAGS.has(node.tag ?? '') ? node.tag : 'h2') as 'h2' | 'h3' | 'h4' | 'h5' | 'h6'
      return (
        <Tag id={context.headingIds.get(node)} key={key}>
          {renderChildren(node, context)}
        </Tag>
      )
    }
    case 'list':
      return node.listType === 'number' ? (
        <ol key={key} start={typeof node.start === 'number' && node.start !== 1 ? node.start : undefined}>
          {renderChildren(node, context)}
        </ol>
      ) : (
        <ul key={key}>{renderChildren(node, context)}</ul>
      )
    case 'listitem':
      return <li key={key}>{renderChildren(node, context)}</li>
    case 'quote':
      return <blockquote key={key}>{renderChildren(node, context)}</blockquote>
    case 'horizontalrule':
      return <hr key={key} />
    case 'link':
    case 'autolink': {
      const href = safeHref(node.fields?.url ?? node.url)
      if (!href) return <React.Fragment key={key}>{renderChildren(node, context)}</React.Fragment>
      const newTab = node.fields?.newTab === true
      // Delivery marks the links of paid content `rel: 'sponsored'`; a new tab adds its own.
      const rel = [node.rel ?? '', newTab ? 'noopener noreferrer' : ''].join(' ').trim()
      return (
        <a href={href} key={key} rel={rel || undefined} target={newTab ? '_blank' : undefined}>
          {renderChildren(node, context)}
        </a>
      )
    }
    default:
      // Uploads, relationships and blocks need their own components; their text children still show.
      return node.children ? <React.Fragment key={key}>{renderChildren(node, context)}</React.Fragment> : null
  }
}

function formatText(text: string, format: LexicalNode['format']): React.ReactNode {
  const bits = typeof format === 'number' ? format : 0
  let result: React.ReactNode = text
  if (bits & CODE) result = <code>{result}</code>
  if (bits & SUBSCRIPT) result = <sub>{result}</sub>
  if (bits & SUPERSCRIPT) result = <sup>{result}</sup>
  if (bits & STRIKETHROUGH) result = <s>{result}</s>
  if (bits & UNDERLINE) result = <u>{result}</u>
  if (bits & ITALIC) result = <em>{result}</em>
  if (bits & BOLD) result = <strong>{result}</strong>
  return result
}

/** Only absolute web links: `javascript:` and friends in stored content never become an href. */
export function safeHref(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined
  const trimmed = url.trim()
  return /^https?:\/\//i.test(trimmed) ? trimmed : undefined
}
