import {
  convertLexicalToHTML,
  type HTMLConverter,
  type HTMLConverters,
  type HTMLConvertersFunction,
} from '@payloadcms/richtext-lexical/html'

import type { NoticeSegment } from '../../attribution/template.js'

/** The media an upload node or a lead image shows, as the media collection gives it. */
export type FeedMedia = {
  alt?: null | string
  filesize?: null | number
  height?: null | number
  id: number | string
  mimeType?: null | string
  url?: null | string
  width?: null | number
}

export type ContentHtmlSettings = {
  /** The media collection's slug: upload nodes of other collections are left out. */
  mediaSlug?: string
  /** The host's converters for its own nodes and blocks, over Payload's defaults. */
  converters?: HTMLConvertersFunction
  /** Media of upload nodes, by id. */
  media: Map<string, FeedMedia>
  /** The absolute URL of an internal link's target, or undefined when it has none a reader may follow. */
  targetUrl: (relationTo: string, id: unknown) => string | undefined
  /** Makes a site path absolute (`site.url`). */
  absolute: (path: string) => string
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

// Only web and mail links leave the feed: a `javascript:` URL a reader's app might follow is dropped.
const safeHref = (href: string, absolute: (path: string) => string): string | undefined => {
  const full = href.startsWith('/') ? absolute(href) : href
  return /^(https?:|mailto:)/i.test(full) ? full : undefined
}

type LinkNode = {
  children?: unknown[]
  fields?: {
    doc?: { relationTo?: string; value?: unknown } | null
    linkType?: string
    newTab?: boolean
    url?: string
  }
  rel?: string
}

type UploadNode = { fields?: { alt?: string } | null; relationTo?: string; value?: unknown }

/**
 * Links to absolute URLs (internal ones through `routes`), with the `rel` delivery set on paid
 * content's links (`sponsored`): a feed reader gets the same paid-link marking as the page.
 */
const linkConverter =
  (settings: ContentHtmlSettings): HTMLConverter<LinkNode> =>
  ({ node, nodesToHTML }) => {
    const children = nodesToHTML({ nodes: (node.children ?? []) as never[] }).join('')
    const fields = node.fields ?? {}
    const href =
      fields.linkType === 'internal'
        ? settings.targetUrl(String(fields.doc?.relationTo ?? ''), fields.doc?.value)
        : safeHref(fields.url ?? '', settings.absolute)
    // A link to a draft or to a collection without a public page stays text.
    if (!href) return children
    const rel = [node.rel, fields.newTab ? 'noopener noreferrer' : undefined].filter(Boolean).join(' ')
    return `<a href="${escapeHtml(href)}"${rel ? ` rel="${escapeHtml(rel)}"` : ''}${fields.newTab ? ' target="_blank"' : ''}>${children}</a>`
  }

/** An image of the media collection (stored as its id at depth 0), absolute; other files as links. */
const uploadConverter =
  (settings: ContentHtmlSettings): HTMLConverter<UploadNode> =>
  ({ node }) => {
    if (node.relationTo !== settings.mediaSlug) return ''
    const value = node.value as { id?: unknown } | number | string | undefined
    const id = typeof value === 'object' && value !== null ? value.id : value
    const media = settings.media.get(String(id))
    if (!media?.url) return ''
    const url = escapeHtml(settings.absolute(media.url))
    if (!media.mimeType?.startsWith('image')) return `<p><a href="${url}">${url}</a></p>`
    const alt = escapeHtml(node.fields?.alt || media.alt || '')
    const size = `${media.width ? ` width="${media.width}"` : ''}${media.height ? ` height="${media.height}"` : ''}`
    return `<figure><img src="${url}" alt="${alt}"${size} /></figure>`
  }

type ListItemNode = { checked?: boolean; children?: unknown[] }

// Payload's own puts a fresh uuid into each checklist item: the same text would give a new ETag on every read.
const listItemConverter: HTMLConverter<ListItemNode> = ({ node, nodesToHTML, parent }) => {
  const children = nodesToHTML({ nodes: (node.children ?? []) as never[] }).join('')
  const check = (parent as { listType?: string }).listType === 'check' ? (node.checked ? '☑ ' : '☐ ') : ''
  return `<li>${check}${children}</li>`
}

type TableCellNode = { colSpan?: unknown; headerState?: unknown; rowSpan?: unknown }

// Payload's own writes `headerState` into an attribute unescaped: a stored string would add attributes.
const tableCellConverter =
  (payloads: HTMLConverter<TableCellNode>): HTMLConverter<TableCellNode> =>
  (args) =>
    typeof payloads === 'function'
      ? payloads({
          ...args,
          node: {
            ...args.node,
            colSpan: Number(args.node.colSpan) || 1,
            headerState: Number(args.node.headerState) || 0,
            rowSpan: Number(args.node.rowSpan) || 1,
          },
        })
      : payloads

/** A node nothing converts (a host's block without a converter): its text, never a placeholder. */
const unknownConverter: HTMLConverter = ({ node, nodesToHTML }) => {
  const children = (node as { children?: unknown }).children
  return Array.isArray(children) ? nodesToHTML({ nodes: children }).join('') : ''
}

/**
 * An article's Lexical content as HTML for a feed, with Payload's converters: the host's own
 * converters (`feeds.htmlConverters`) first, then the plugin's for links and uploads, which
 * need the site's routes and media, then Payload's defaults. Text is escaped by Payload.
 */
export const contentToHtml = (content: unknown, settings: ContentHtmlSettings): string => {
  const data = content as Parameters<typeof convertLexicalToHTML>[0]['data'] | null
  if (!data?.root || !Array.isArray(data.root.children)) return ''
  const converters: HTMLConvertersFunction = ({ defaultConverters }) => {
    const ours: HTMLConverters = {
      ...defaultConverters,
      autolink: linkConverter(settings),
      link: linkConverter(settings),
      listitem: listItemConverter,
      tablecell: tableCellConverter(defaultConverters.tablecell as HTMLConverter<TableCellNode>),
      unknown: unknownConverter,
      upload: uploadConverter(settings),
    }
    return settings.converters ? { ...ours, ...settings.converters({ defaultConverters: ours }) } : ours
  }
  // No inline styles: a feed reader drops them, and a stored `format` would be written into one.
  return convertLexicalToHTML({
    converters,
    data,
    disableContainer: true,
    disableIndent: true,
    disableTextAlign: true,
  })
}

/** A notice's segments as one paragraph; linked parts link their source. */
export const noticeToHtml = (segments: NoticeSegment[], absolute: (path: string) => string): string =>
  `<p class="newsroom-notice">${segments
    .map((segment) => {
      const href = segment.href ? safeHref(segment.href, absolute) : undefined
      return href ? `<a href="${escapeHtml(href)}">${escapeHtml(segment.text)}</a>` : escapeHtml(segment.text)
    })
    .join('')}</p>`

export { escapeHtml }
