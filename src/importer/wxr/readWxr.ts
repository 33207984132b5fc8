import type { Readable } from 'node:stream'

import sax from 'sax'

/** A WordPress author as the export lists it (`wp:author`). */
export type WxrAuthor = { displayName: string; email: string; id: string; login: string }

/** A category or tag term (`wp:category`, `wp:tag`), its parent by slug. */
export type WxrTerm = { name: string; parent: string; slug: string }

/** A comment of an item (`wp:comment`); the IP address is never read. */
export type WxrComment = {
  approved: string
  author: string
  authorEmail: string
  authorUrl: string
  content: string
  dateGmt: string
  id: string
  parent: string
  type: string
}

/** One `<item>`: a post, page or attachment with what the importer maps. */
export type WxrItem = {
  attachmentUrl: string
  categories: { domain: string; name: string; slug: string }[]
  comments: WxrComment[]
  commentStatus: string
  content: string
  creator: string
  excerpt: string
  id: string
  link: string
  meta: Record<string, string>
  parent: string
  password: string
  postDate: string
  postDateGmt: string
  postModifiedGmt: string
  postName: string
  status: string
  title: string
  type: string
}

export type WxrRecord =
  | { author: WxrAuthor; kind: 'author' }
  | { item: WxrItem; kind: 'item' }
  | { kind: 'category'; term: WxrTerm }
  | { kind: 'site'; language: string; link: string; title: string; wxrVersion: string }
  | { kind: 'tag'; term: WxrTerm }

const emptyItem = (): WxrItem => ({
  attachmentUrl: '',
  categories: [],
  comments: [],
  commentStatus: '',
  content: '',
  creator: '',
  excerpt: '',
  id: '',
  link: '',
  meta: {},
  parent: '',
  password: '',
  postDate: '',
  postDateGmt: '',
  postModifiedGmt: '',
  postName: '',
  status: '',
  title: '',
  type: '',
})

const emptyComment = (): WxrComment => ({
  approved: '',
  author: '',
  authorEmail: '',
  authorUrl: '',
  content: '',
  dateGmt: '',
  id: '',
  parent: '',
  type: '',
})

/** Element names of an item's own fields (namespace prefixes as WordPress writes them). */
const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  'content:encoded': 'content',
  'dc:creator': 'creator',
  'excerpt:encoded': 'excerpt',
  link: 'link',
  title: 'title',
  'wp:attachment_url': 'attachmentUrl',
  'wp:comment_status': 'commentStatus',
  'wp:post_date': 'postDate',
  'wp:post_date_gmt': 'postDateGmt',
  'wp:post_id': 'id',
  'wp:post_modified_gmt': 'postModifiedGmt',
  'wp:post_name': 'postName',
  'wp:post_parent': 'parent',
  'wp:post_password': 'password',
  'wp:post_type': 'type',
  'wp:status': 'status',
}

const COMMENT_FIELDS: Record<string, keyof WxrComment> = {
  'wp:comment_approved': 'approved',
  'wp:comment_author': 'author',
  'wp:comment_author_email': 'authorEmail',
  'wp:comment_author_url': 'authorUrl',
  'wp:comment_content': 'content',
  'wp:comment_date_gmt': 'dateGmt',
  'wp:comment_id': 'id',
  'wp:comment_parent': 'parent',
  'wp:comment_type': 'type',
}

const AUTHOR_FIELDS: Record<string, keyof WxrAuthor> = {
  'wp:author_display_name': 'displayName',
  'wp:author_email': 'email',
  'wp:author_id': 'id',
  'wp:author_login': 'login',
}

const TERM_FIELDS: Record<string, keyof WxrTerm> = {
  'wp:cat_name': 'name',
  'wp:category_nicename': 'slug',
  'wp:category_parent': 'parent',
  'wp:tag_name': 'name',
  'wp:tag_slug': 'slug',
}

/**
 * Reads a WordPress export (WXR 1.1/1.2) as a stream: one record per author, term and item, in
 * document order, so an export of any size needs the memory of one item. Comments' IP addresses
 * are not read at all. Malformed XML ends the iteration with an error naming the line.
 */
export async function* readWxr(input: Readable): AsyncGenerator<WxrRecord> {
  const parser = sax.createStream(true, { trim: false })
  const queue: WxrRecord[] = []
  let failure: Error | null = null
  let ended = false
  let wake: (() => void) | null = null
  const notify = () => {
    wake?.()
    wake = null
  }

  const path: string[] = []
  let text = ''
  let item: WxrItem | null = null
  let comment: WxrComment | null = null
  let author: WxrAuthor | null = null
  let term: { kind: 'category' | 'tag'; value: WxrTerm } | null = null
  let meta: { key: string; value: string } | null = null
  let category: { domain: string; slug: string } | null = null
  const site = { language: '', link: '', title: '', wxrVersion: '' }
  let siteSent = false
  const sendSite = () => {
    if (siteSent) return
    siteSent = true
    queue.push({ kind: 'site', ...site })
  }

  parser.on('opentag', (node) => {
    if (failure) return
    path.push(node.name)
    text = ''
    if (node.name === 'item') {
      sendSite()
      item = emptyItem()
    } else if (node.name === 'wp:comment' && item) comment = emptyComment()
    else if (node.name === 'wp:author') {
      sendSite()
      author = { displayName: '', email: '', id: '', login: '' }
    } else if ((node.name === 'wp:category' || node.name === 'wp:tag') && !item) {
      sendSite()
      term = { kind: node.name === 'wp:tag' ? 'tag' : 'category', value: { name: '', parent: '', slug: '' } }
    } else if (node.name === 'wp:postmeta' && item) meta = { key: '', value: '' }
    else if (node.name === 'category' && item) {
      const attributes = node.attributes as Record<string, string>
      category = { domain: attributes.domain ?? '', slug: attributes.nicename ?? '' }
    }
  })
  const append = (chunk: string) => {
    text += chunk
  }
  parser.on('text', append)
  parser.on('cdata', append)
  parser.on('closetag', (name) => {
    // Nothing after the first error: what follows a broken tag is not what the author wrote.
    if (failure) return
    const parent = path[path.length - 2]
    if (comment && name in COMMENT_FIELDS) comment[COMMENT_FIELDS[name]!] = text
    else if (name === 'wp:comment' && item && comment) {
      item.comments.push(comment)
      comment = null
    } else if (meta && name === 'wp:meta_key') meta.key = text
    else if (meta && name === 'wp:meta_value') meta.value = text
    else if (name === 'wp:postmeta' && item && meta) {
      item.meta[meta.key] = meta.value
      meta = null
    } else if (name === 'category' && item && category) {
      item.categories.push({ ...category, name: text })
      category = null
    } else if (item && parent === 'item' && name in ITEM_FIELDS) item[ITEM_FIELDS[name]!] = text as never
    else if (name === 'item' && item) {
      queue.push({ item, kind: 'item' })
      item = null
    } else if (author && name in AUTHOR_FIELDS) author[AUTHOR_FIELDS[name]!] = text
    else if (name === 'wp:author' && author) {
      queue.push({ author, kind: 'author' })
      author = null
    } else if (term && name in TERM_FIELDS) term.value[TERM_FIELDS[name]!] = text
    else if ((name === 'wp:category' || name === 'wp:tag') && term) {
      queue.push({ kind: term.kind, term: term.value })
      term = null
    } else if (parent === 'channel' && !item) {
      if (name === 'title') site.title = text
      else if (name === 'link') site.link = text
      else if (name === 'language') site.language = text
      else if (name === 'wp:wxr_version') site.wxrVersion = text
    }
    path.pop()
    text = ''
    if (queue.length) notify()
  })
  parser.on('error', (error) => {
    failure ??= new Error(
      `the WordPress export is not well-formed XML: ${error.message.split('\n').join(' ')}`,
    )
    input.unpipe(parser)
    input.destroy()
    notify()
  })
  parser.on('end', () => {
    sendSite()
    ended = true
    notify()
  })
  input.on('error', (error) => {
    failure = error
    notify()
  })
  input.pipe(parser)

  for (;;) {
    while (queue.length) {
      // Backpressure: the file is read on while the caller handles the records already read.
      if (queue.length > 64) input.pause()
      yield queue.shift()!
    }
    input.resume()
    if (failure) throw failure
    if (ended) return
    await new Promise<void>((resolve) => (wake = resolve))
  }
}
