/** One piece of a rendered notice: plain text, or the part linked to the source. Never HTML. */
export type NoticeSegment = { href?: string; text: string }

export type TemplatePart = { linkText?: string; type: 'source' } | { text: string; type: 'text' }

const PLACEHOLDER = /\{source(?::([^{}]+))?\}/g

/** Splits a template at its `{source}` / `{source:link text}` placeholders. */
export const parseTemplate = (template: string): TemplatePart[] => {
  const parts: TemplatePart[] = []
  let last = 0
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ type: 'text', text: template.slice(last, match.index) })
    parts.push({ type: 'source', linkText: match[1] })
    last = match.index + match[0].length
  }
  if (last < template.length) parts.push({ type: 'text', text: template.slice(last) })
  return parts
}

export const hasSourcePlaceholder = (template: string): boolean =>
  parseTemplate(template).some((part) => part.type === 'source')

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

/**
 * Renders a template to segments: `{source:dieser Quelle}` becomes "dieser Quelle" linked to the
 * source URL, `{source}` the source's name linked. Without a URL the words stay, unlinked.
 */
export const renderTemplate = (template: string, source: SourceRef): NoticeSegment[] =>
  mergeSegments(
    parseTemplate(template).map((part) =>
      part.type === 'text'
        ? { text: part.text }
        : { text: part.linkText ?? sourceLabel(source), ...(source.url ? { href: source.url } : {}) },
    ),
  )

export const segmentsToText = (segments: NoticeSegment[]): string =>
  segments.map((segment) => segment.text).join('')
