import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { readFile, realpath } from 'node:fs/promises'
import path from 'node:path'

/** A WordPress attachment: where its file is, and its alternative text. */
export type Attachment = { alt: string; file: string; url: string }

const MIME_TYPES: Record<string, string> = {
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.jpeg': 'image/jpeg',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
}

const MAX_BYTES = 25 * 1024 * 1024
const FETCH_TIMEOUT_MS = 30_000
const MAX_REDIRECTS = 3

/** The path below `wp-content/uploads/` of an attachment (`2026/05/karte.jpg`). */
export const uploadsPath = (attachment: Attachment): string => {
  if (attachment.file) return attachment.file
  try {
    const { pathname } = new URL(attachment.url)
    const at = pathname.indexOf('/uploads/')
    return decodeURIComponent(
      at >= 0 ? pathname.slice(at + '/uploads/'.length) : path.posix.basename(pathname),
    )
  } catch {
    return ''
  }
}

/**
 * Brings a post's images into the media collection, each once: from the uploads folder when
 * given (never outside it), else from the export's URL. An image already in the collection under
 * its file name (or Payload's renamed copy) with the same size is reused, so a re-run adds nothing. Each upload commits on its own: a post that
 * is refused later does not leave a file without its document.
 */
export const mediaImporter = (args: {
  dryRun: boolean
  fetchImages: boolean
  folder?: string
  /** The hosts images are downloaded from: the site's and its attachments' (never any other). */
  hosts: ReadonlySet<string>
  media?: CollectionSlug
  payload: Payload
  req: PayloadRequest
}) => {
  const done = new Map<string, Promise<{ error: string } | { id: number | string }>>()
  const fromFolder = async (relative: string): Promise<Buffer | { error: string } | null> => {
    if (!args.folder || !relative) return null
    const root = await realpath(args.folder).catch(() => path.resolve(args.folder!))
    // The real path, so neither `..` nor a symbolic link leads out of the folder.
    const file = await realpath(path.resolve(root, relative)).catch(() => null)
    if (!file)
      return path.resolve(root, relative).startsWith(root + path.sep)
        ? null
        : { error: 'its path leaves the uploads folder' }
    if (!file.startsWith(root + path.sep)) return { error: 'its path leaves the uploads folder' }
    return readFile(file).catch(() => null)
  }
  /** Whether the importer may download from this address (see `hosts`). */
  const allowed = (url: URL) => ['http:', 'https:'].includes(url.protocol) && args.hosts.has(url.host)
  const download = async (start: URL): Promise<{ data: Buffer } | { error: string }> => {
    const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS)
    let url = start
    let response = await fetch(url, { redirect: 'manual', signal })
    // Redirects by hand: each hop must stay on the site's hosts (http to https, www to bare).
    for (let hop = 0; response.status >= 300 && response.status < 400; hop += 1) {
      const location = response.headers.get('location')
      const next = location ? new URL(location, url) : null
      if (!next || hop === MAX_REDIRECTS || !allowed(next))
        return { error: `redirected (HTTP ${response.status}) to ${next?.host ?? 'nowhere'}, not followed` }
      url = next
      response = await fetch(url, { redirect: 'manual', signal })
    }
    if (!response.ok || !response.body) return { error: `HTTP ${response.status}` }
    const chunks: Buffer[] = []
    let size = 0
    const reader = response.body.getReader()
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      size += part.value.length
      if (size > MAX_BYTES) {
        await reader.cancel()
        return { error: 'larger than 25 MB' }
      }
      chunks.push(Buffer.from(part.value))
    }
    return { data: Buffer.concat(chunks) }
  }
  const read = async (attachment: Attachment): Promise<{ data: Buffer } | { error: string }> => {
    const local = await fromFolder(uploadsPath(attachment))
    if (local && 'error' in local) return local
    if (local) return { data: local }
    if (!args.fetchImages)
      return { error: args.folder ? 'not in the uploads folder' : 'not readable (no --media folder)' }
    let url: URL
    try {
      url = new URL(attachment.url)
    } catch {
      return { error: 'not an address' }
    }
    if (!['http:', 'https:'].includes(url.protocol)) return { error: 'not an http(s) address' }
    // A post's image may point anywhere (an internal service too): only the site's own hosts.
    if (!allowed(url)) return { error: `on another host (${url.host}), not downloaded` }
    if (args.dryRun) return { error: 'not downloaded on a dry run' }
    try {
      return await download(url)
    } catch (error) {
      return { error: `not readable (${error instanceof Error ? error.message : String(error)})` }
    }
  }
  const importImage = async (
    attachment: Attachment,
  ): Promise<{ error: string } | { id: number | string }> => {
    const key = attachment.url || attachment.file
    const known = done.get(key)
    if (known) return known
    // Kept as a promise at once: posts imported side by side share one upload of an image.
    const result = (async () => {
      if (!args.media) return { error: 'no media collection configured' }
      const name = path.posix.basename(uploadsPath(attachment))
      const mimetype = MIME_TYPES[path.extname(name).toLowerCase()]
      if (!name || !mimetype) return { error: 'not an image file' }
      const file = await read(attachment)
      if ('error' in file) return file
      // The same name (or Payload's renamed `name-1.ext`) and the same size: the image is there.
      const extension = path.extname(name)
      const stem = name.slice(0, -extension.length)
      const sameName = new RegExp(
        `^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(-\\d+)?${extension.replace('.', '\\.')}$`,
        'i',
      )
      const { docs } = await args.payload.find({
        collection: args.media,
        depth: 0,
        pagination: false,
        req: args.req,
        select: { filename: true, filesize: true } as never,
        where: { filename: { like: stem } },
      })
      const same = (docs as unknown as { filename?: string; filesize?: number; id: number | string }[]).find(
        (doc) => sameName.test(doc.filename ?? '') && doc.filesize === file.data.length,
      )
      if (same) return { id: same.id }
      if (args.dryRun) return { error: 'not uploaded on a dry run' }
      const doc = await args.payload.create({
        collection: args.media,
        data: { alt: attachment.alt } as never,
        depth: 0,
        file: { data: file.data, mimetype, name, size: file.data.length },
        req: args.req,
      })
      return { id: doc.id }
    })().catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }))
    done.set(key, result)
    return await result
  }
  return { importImage }
}
