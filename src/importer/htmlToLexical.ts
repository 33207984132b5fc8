import type { SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'

/** A post's HTML made ready for the editor, and what in it the import cannot keep as it was. */
export type PreparedHtml = { html: string; notes: string[] }

// Gutenberg blocks whose HTML the editor takes as it is (their comments are only markers).
const KNOWN_BLOCKS = new Set([
  'column',
  'columns',
  'embed',
  'group',
  'heading',
  'html',
  'image',
  'list',
  'list-item',
  'more',
  'paragraph',
  'pullquote',
  'quote',
  'separator',
  'spacer',
])

// Elements the editor understands, or that only wrap text the editor keeps.
const KNOWN_ELEMENTS = new Set([
  'a',
  'abbr',
  'b',
  'blockquote',
  'body',
  'br',
  'cite',
  'code',
  'del',
  'div',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'hr',
  'html',
  'i',
  'img',
  'ins',
  'li',
  'mark',
  'ol',
  'p',
  's',
  'section',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'u',
  'ul',
])

// What the editor does with the rest, for the report.
const ELEMENT_NOTES: Record<string, string> = {
  pre: 'a preformatted block became a paragraph',
  script: 'a script was removed',
  style: 'a style element was removed',
  table: 'a table became plain paragraphs',
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const linkParagraph = (url: string) => `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`

const BLOCK_TAGS = 'p|h[1-6]|ul|ol|li|blockquote|figure|figcaption|div|table|pre|hr|section|iframe'
const BLOCK_LINE = new RegExp(`^<\\/?(?:${BLOCK_TAGS})\\b`, 'i')
const OPENING = new RegExp(`<(?:p|ul|ol|blockquote|table|figure|div|pre|section)\\b`, 'gi')
const CLOSING = new RegExp(`<\\/(?:p|ul|ol|blockquote|table|figure|div|pre|section)\\s*>`, 'gi')

/**
 * WordPress's classic editor stores paragraphs as blank lines and line breaks as newlines
 * (`wpautop` adds the tags on output): loose text between blocks becomes paragraphs here.
 */
const paragraphsOf = (html: string): string => {
  const out: string[] = []
  let text: string[] = []
  let depth = 0
  const flush = () => {
    if (text.length) out.push(`<p>${text.join('<br>')}</p>`)
    text = []
  }
  for (const raw of html.split('\n')) {
    const line = raw.trim()
    if (depth > 0 || BLOCK_LINE.test(line)) {
      flush()
      out.push(line)
      depth = Math.max(0, depth + (line.match(OPENING)?.length ?? 0) - (line.match(CLOSING)?.length ?? 0))
    } else if (line) text.push(line)
    else flush()
  }
  flush()
  return out.join('\n')
}

/**
 * The HTML of a post as the editor should read it: Gutenberg block comments removed (unknown
 * blocks reported), embeds (blocks, `[embed]`, iframes, a URL alone on its line) as links,
 * `[caption]` as a figure, other shortcodes reported and left as text, quotes as one text.
 */
export const prepareHtml = (html: string): PreparedHtml => {
  const notes: string[] = []
  let out = html.replace(
    /<!--\s*wp:(?:core-)?embed[^\s]*\s*(\{[\s\S]*?\})?\s*-->([\s\S]*?)<!--\s*\/wp:(?:core-)?embed[^\s]*\s*-->/gi,
    (block, attributes: string | undefined, inner: string) => {
      let url: string | undefined
      try {
        url = attributes ? (JSON.parse(attributes) as { url?: string }).url : undefined
      } catch {
        url = undefined
      }
      url ??= /https?:\/\/[^\s<"]+/.exec(inner)?.[0]
      return url && /^https?:\/\//i.test(url) ? linkParagraph(url) : inner
    },
  )
  out = out.replace(
    /<!--\s*(\/)?wp:([a-z0-9/-]+)[\s\S]*?-->/gi,
    (_comment, closing: string, name: string) => {
      const block = name.replace(/^core\//, '')
      if (!closing && !KNOWN_BLOCKS.has(block)) notes.push(`block ${block}: its content was kept as text`)
      return ''
    },
  )
  out = out.replace(/<!--[\s\S]*?-->/g, '')
  // Lexical reads these as its own nodes (an upload by id): a post may not name documents.
  out = out.replace(/\sdata-lexical-[\w-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, '')
  out = out.replace(/\[embed[^\]]*\]\s*(https?:\/\/[^\s[]+)\s*\[\/embed\]/gi, (_embed, url: string) =>
    linkParagraph(url),
  )
  out = out.replace(
    /<iframe\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>(?:[\s\S]*?<\/iframe>)?/gi,
    (_frame, double?: string, single?: string, bare?: string) => {
      const url = (double ?? single ?? bare ?? '').trim()
      return /^https?:\/\//i.test(url) ? linkParagraph(url) : ''
    },
  )
  // Elements that load something (a stylesheet, a plugin) have no text to keep; the DOM must not fetch them.
  out = out.replace(
    /<(link|object|embed|iframe|base|meta)\b[^>]*>(?:[\s\S]*?<\/\1>)?/gi,
    (_element, tag: string) => {
      notes.push(`a <${tag.toLowerCase()}> element was removed`)
      return ''
    },
  )
  out = out.replace(/\[caption[^\]]*\]([\s\S]*?)\[\/caption\]/gi, (_caption, inner: string) => {
    const image = /<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i.exec(inner)?.[0] ?? ''
    const text = inner.replace(image, '').trim()
    return `<figure>${image}${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`
  })
  out = out.replace(/^\s*(https?:\/\/[^\s<]+)\s*$/gim, (_line, url: string) => linkParagraph(url))
  out = out.replace(/\[(\/?)([a-z][\w-]*)[^\]]*\]/gi, (shortcode, closing: string, name: string) => {
    if (!closing) notes.push(`shortcode [${name}]: kept as text`)
    return shortcode
  })
  out = paragraphsOf(out)
  // The editor's quote holds text, not paragraphs.
  out = out.replace(/<blockquote\b[^>]*>([\s\S]*?)<\/blockquote>/gi, (_quote, inner: string) => {
    const text = inner
      .replace(/<\/p>\s*<p\b[^>]*>/gi, '<br><br>')
      .replace(/<\/?p\b[^>]*>/gi, '')
      .trim()
    return `<blockquote>${text}</blockquote>`
  })
  return { html: out.trim(), notes }
}

let sharedWindow: import('happy-dom').Window | undefined

type LexicalNode = { children?: LexicalNode[]; [key: string]: unknown }

/** The editor state of a post's HTML, and how many of each kind of element the editor did not keep. */
export type ConvertedHtml = { notes: string[]; state: { root: LexicalNode } }

const KINDS: { elements: string; label: string; nodes: string[] }[] = [
  { elements: 'h1, h2, h3, h4, h5, h6', label: 'headings', nodes: ['heading'] },
  { elements: 'ul, ol', label: 'lists', nodes: ['list'] },
  { elements: 'blockquote', label: 'quotes', nodes: ['quote'] },
  { elements: 'a[href]', label: 'links', nodes: ['link', 'autolink'] },
  { elements: 'img[src]', label: 'images', nodes: ['upload'] },
  { elements: 'hr', label: 'separators', nodes: ['horizontalrule'] },
]

const countNodes = (node: LexicalNode, types: string[]): number =>
  (types.includes(node.type as string) ? 1 : 0) +
  (node.children ?? []).reduce((sum, child) => sum + countNodes(child, types), 0)

/**
 * Converts prepared HTML with the host's editor (its own features decide what is kept). Every
 * element the editor has no place for is named in `notes`: nothing is dropped without a word.
 */
export const convertHtml = async (
  html: string,
  editorConfig: SanitizedServerEditorConfig,
): Promise<ConvertedHtml & { images: string[] }> => {
  // Loaded on first use: the plugin's other parts do not need a DOM.
  const [{ convertHTMLToLexical }, { Window }] = await Promise.all([
    import('@payloadcms/richtext-lexical'),
    import('happy-dom'),
  ])
  // One window for every post: a new one per post costs time and memory a large import notices.
  // Nothing in a post may make the server fetch: no stylesheets, frames or scripts.
  sharedWindow ??= new Window({
    settings: {
      disableCSSFileLoading: true,
      disableJavaScriptFileLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: {
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableMainFrameNavigation: true,
      },
    },
  })
  const window = sharedWindow
  window.document.body.innerHTML = html
  const { document } = window
  const notes: string[] = []
  const unknown = new Map<string, number>()
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase()
    if (!KNOWN_ELEMENTS.has(tag)) unknown.set(tag, (unknown.get(tag) ?? 0) + 1)
  }
  for (const [tag, count] of unknown) {
    if (['td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'caption'].includes(tag)) continue
    notes.push(
      `${ELEMENT_NOTES[tag] ?? `<${tag}>: its text was kept, the element not`}${count > 1 ? ` (${count}×)` : ''}`,
    )
  }
  const images = Array.from(document.body.querySelectorAll('img[src]')).map(
    (image) => image.getAttribute('src') ?? '',
  )
  const given = KINDS.map((kind) => document.body.querySelectorAll(kind.elements).length)
  // convertHTMLToLexical asks for a JSDOM class; happy-dom (Lexical's own headless DOM) serves.
  class Dom {
    window = window
    constructor(markup: string) {
      window.document.body.innerHTML = markup
    }
  }
  const state = convertHTMLToLexical({ editorConfig, html, JSDOM: Dom as never }) as unknown as {
    root: LexicalNode
  }
  window.document.body.innerHTML = ''
  KINDS.forEach((kind, index) => {
    const kept = countNodes(state.root, kind.nodes)
    if (kept < given[index]!)
      notes.push(`${kind.label}: ${kept} of ${given[index]} kept, the editor has no place for the rest`)
  })
  // After the count above: a removed link is reported once, as removed.
  const unsafe = unsafeLinksRemoved(state.root)
  if (unsafe)
    notes.push(`${unsafe} link(s) to other than http(s), mailto, tel or a path removed, their text kept`)
  return { images, notes, state }
}

// A path, but not `//host` or `/\\host`, which browsers read as another host.
const SAFE_HREF = /^(?:https?:|mailto:|tel:|\/(?![/\\])|#|\?)/i

/** Whether an address may be a link: browsers drop tabs and line breaks before reading the scheme. */
export const isSafeHref = (href: string): boolean => SAFE_HREF.test(href.replace(/[\t\n\r]/g, '').trim())

/** Replaces links whose address is not safe to render (`javascript:`, `data:`, `//host`) by their text; how many. */
const unsafeLinksRemoved = (node: LexicalNode): number => {
  let removed = 0
  if (!node.children) return 0
  node.children = node.children.flatMap((child) => {
    removed += unsafeLinksRemoved(child)
    const fields = child.fields as { linkType?: string; url?: string } | undefined
    const isLink = child.type === 'link' || child.type === 'autolink'
    if (!isLink || fields?.linkType === 'internal') return [child]
    if (typeof fields?.url === 'string' && isSafeHref(fields.url)) {
      // Payload's link rule refuses an address with spaces, which WordPress keeps.
      fields.url = fields.url.trim().replace(/\s/g, (space) => encodeURIComponent(space))
      return [child]
    }
    removed += 1
    return child.children ?? []
  })
  return removed
}

/** An image of the post as the import resolved it: a media document, or nothing (reported). */
export type ResolvedImage = { id: number | string } | null

const textNode = (text: string): LexicalNode => ({
  detail: 0,
  format: 0,
  mode: 'normal',
  style: '',
  text,
  type: 'text',
  version: 1,
})

const linkNode = (url: string): LexicalNode => ({
  children: [textNode(url)],
  direction: null,
  fields: { linkType: 'custom', newTab: false, url },
  format: '',
  indent: 0,
  type: 'link',
  version: 3,
})

const isPendingUpload = (node: LexicalNode) => node.type === 'upload' && Boolean(node.pending)

const srcOf = (node: LexicalNode) => (node.pending as { src?: string } | undefined)?.src ?? ''

const isEmptyParagraph = (node: LexicalNode) =>
  node.type === 'paragraph' &&
  !(node.children ?? []).some((child) => typeof child.text !== 'string' || child.text.trim())

/**
 * Gives the editor's pending image nodes their media documents. An upload is a block of its own:
 * one found inside a paragraph, heading, list or link follows that block at the top level. An
 * image that could not be imported becomes a link to where it was, in place.
 */
export const attachImages = (
  state: { root: LexicalNode },
  mediaSlug: string | undefined,
  resolved: ReadonlyMap<string, ResolvedImage>,
): { root: LexicalNode } => {
  const uploadOf = (node: LexicalNode): LexicalNode | null => {
    const media = resolved.get(srcOf(node))
    return media && mediaSlug
      ? {
          fields: null,
          format: '',
          id: node.id,
          relationTo: mediaSlug,
          type: 'upload',
          value: media.id,
          version: 3,
        }
      : null
  }
  // An image that stays a link must be a safe one (its source came from the post).
  const fallbackOf = (src: string) => (isSafeHref(src) ? linkNode(src) : textNode(src))
  const within = (node: LexicalNode, lifted: LexicalNode[]): LexicalNode =>
    node.children
      ? {
          ...node,
          children: node.children.flatMap((child) => {
            if (!isPendingUpload(child)) return [within(child, lifted)]
            const upload = uploadOf(child)
            if (upload) lifted.push(upload)
            return upload ? [] : [fallbackOf(srcOf(child))]
          }),
        }
      : node
  const blocks = (state.root.children ?? []).flatMap((block) => {
    if (isPendingUpload(block)) {
      const upload = uploadOf(block)
      return [
        upload ?? {
          children: [fallbackOf(srcOf(block))],
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          type: 'paragraph',
          version: 1,
        },
      ]
    }
    const lifted: LexicalNode[] = []
    const kept = within(block, lifted)
    return [...(lifted.length && isEmptyParagraph(kept) ? [] : [kept]), ...lifted]
  })
  return { ...state, root: { ...state.root, children: blocks } }
}
