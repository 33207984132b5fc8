/** One piece of a rendered notice: plain text, or the part linked to the source. Never HTML. */
export type NoticeSegment = { href?: string; text: string }

/** The linked things a template can name: the article's source, the editorial contact. */
export type Placeholder = 'contact' | 'source'

export type TemplatePart = { linkText?: string; type: Placeholder } | { text: string; type: 'text' }

const PLACEHOLDER = /\{(source|contact)(?::([^{}]+))?\}/g

// Templates come from the plugin's options: a handful, each read on every article read.
const parsed = new Map<string, readonly TemplatePart[]>()

/** Splits a template at its `{source}` / `{source:link text}` (and `{contact}`) placeholders. */
export const parseTemplate = (template: string): readonly TemplatePart[] => {
  let parts = parsed.get(template)
  if (!parts) {
    if (parsed.size >= 100) parsed.clear()
    parsed.set(template, (parts = splitTemplate(template)))
  }
  return parts
}

const splitTemplate = (template: string): TemplatePart[] => {
  const parts: TemplatePart[] = []
  let last = 0
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ type: 'text', text: template.slice(last, match.index) })
    parts.push({ type: match[1] as Placeholder, linkText: match[2] })
    last = match.index + match[0].length
  }
  if (last < template.length) parts.push({ type: 'text', text: template.slice(last) })
  return parts
}

export const hasPlaceholder = (template: string, placeholder: Placeholder): boolean =>
  parseTemplate(template).some((part) => part.type === placeholder)

export type SourceRef = { name?: null | string; url?: null | string }

/** The readable name of a source: its name, else the host of its URL. */
const sourceLabel = (source: SourceRef): string => {
  if (source.name?.trim()) return source.name.trim()
  try {
    return source.url ? new URL(source.url).hostname.replace(/^www\./, '') : ''
  } catch {
    return ''
  }
}

/** Joins neighbouring unlinked segments and drops empty ones. */
export const mergeSegments = (segments: NoticeSegment[]): NoticeSegment[] =>
  segments.reduce<NoticeSegment[]>((merged, segment) => {
    const previous = merged.at(-1)
    if (previous && !previous.href && !segment.href) previous.text += segment.text
    else if (segment.text) merged.push({ ...segment })
    return merged
  }, [])

/** The person or desk with editorial responsibility (`site.editorialContact`). */
export type EditorialContact = { email?: string; name: string; url?: string }

const contactRef = (contact: EditorialContact | undefined): SourceRef => ({
  name: contact?.name,
  url: contact?.url || (contact?.email ? `mailto:${contact.email}` : null),
})

/**
 * Renders a template to segments: `{source:dieser Quelle}` becomes "dieser Quelle" linked to the
 * source URL, `{source}` the source's name linked, `{contact}` the editorial contact's name
 * linked to its page or address. Without a URL the words stay, unlinked.
 */
export const renderTemplate = (
  template: string,
  source: SourceRef,
  contact?: EditorialContact,
): NoticeSegment[] =>
  mergeSegments(
    parseTemplate(template).map((part) => {
      if (part.type === 'text') return { text: part.text }
      const ref = part.type === 'source' ? source : contactRef(contact)
      return { text: part.linkText ?? sourceLabel(ref), ...(ref.url ? { href: ref.url } : {}) }
    }),
  )

export const segmentsToText = (segments: NoticeSegment[]): string =>
  segments.map((segment) => segment.text).join('')
