/** The longest URL we store; browsers and crawlers handle this much reliably. */
export const MAX_URL_LENGTH = 2048

export type UrlProblem = 'malformed' | 'protocol' | 'tooLong'

/**
 * Checks a URL against the allowlist: absolute `http:` or `https:` only. Everything else
 * (`javascript:`, `data:`, `file:`, protocol-relative, relative, malformed) is refused,
 * because these URLs end up in `href`s on the reader page.
 */
export const checkUrl = (input: string): UrlProblem | null => {
  const value = input.trim()
  if (value.length > MAX_URL_LENGTH) return 'tooLong'
  // Control characters and whitespace inside a URL are how scheme filters get bypassed ("java\tscript:").
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\u0000-\u0020\u007f]/.test(value)) return 'malformed'
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase()
  if (!scheme) return 'malformed'
  if (scheme !== 'http' && scheme !== 'https') return 'protocol'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'malformed'
  }
  // `http:example.com` parses, but only `http://host` is an absolute URL a reader can follow.
  if (!/^https?:\/\/[^/]/i.test(value) || !url.hostname) return 'malformed'
  return null
}

/** Trims a URL field's value; empty strings become null so optional URLs stay empty. */
export const normalizeUrl = (value: unknown): unknown => {
  if (typeof value !== 'string') return value
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}
