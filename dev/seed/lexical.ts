/**
 * Builds Lexical editor state (the JSON Payload stores for a richText field) from plain
 * paragraphs and subheadings, so demo texts can be written as readable lists.
 */

export type Block = string | { h2: string } | { h3: string }

type TextNode = {
  type: 'text'
  text: string
  format: number
  detail: number
  mode: 'normal'
  style: string
  version: 1
}

type ElementBase = {
  children: TextNode[]
  direction: 'ltr'
  format: ''
  indent: number
  version: 1
}

type ParagraphNode = ElementBase & { type: 'paragraph'; textFormat: number; textStyle: string }
type HeadingNode = ElementBase & { type: 'heading'; tag: 'h2' | 'h3' }

export type EditorState = {
  root: {
    type: 'root'
    children: Array<HeadingNode | ParagraphNode>
    direction: 'ltr'
    format: ''
    indent: number
    version: 1
  }
}

const text = (value: string): TextNode => ({
  type: 'text',
  text: value,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const paragraph = (value: string): ParagraphNode => ({
  type: 'paragraph',
  children: [text(value)],
  direction: 'ltr',
  format: '',
  indent: 0,
  textFormat: 0,
  textStyle: '',
  version: 1,
})

const heading = (tag: 'h2' | 'h3', value: string): HeadingNode => ({
  type: 'heading',
  tag,
  children: [text(value)],
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
})

export function toEditorState(blocks: Block[]): EditorState {
  return {
    root: {
      type: 'root',
      children: blocks.map((block) => {
        if (typeof block === 'string') return paragraph(block)
        if ('h2' in block) return heading('h2', block.h2)
        return heading('h3', block.h3)
      }),
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
    },
  }
}

/** Words as a reader counts them, for checking demo texts against their intended length. */
export function countWords(blocks: Block[]): number {
  return blocks
    .map((block) => (typeof block === 'string' ? block : 'h2' in block ? block.h2 : block.h3))
    .join(' ')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}
