import { describe, expect, test } from 'vitest'

import { checkUrl, MAX_URL_LENGTH, normalizeUrl } from '../../src/guards/url.js'

describe('checkUrl accepts only absolute http(s) URLs', () => {
  test.each([
    'https://example.com',
    'http://example.com/path?q=1#frag',
    'https://sub.example.co.uk:8443/a/b',
    '  https://example.com/trimmed  ',
    'HTTPS://EXAMPLE.COM/',
    'https://例え.jp/',
  ])('accepts %s', (url) => expect(checkUrl(url)).toBeNull())

  test.each([
    ['javascript:alert(1)', 'protocol'],
    ['JavaScript:alert(1)', 'protocol'],
    ['data:text/html,<script>alert(1)</script>', 'protocol'],
    ['file:///etc/passwd', 'protocol'],
    ['vbscript:msgbox(1)', 'protocol'],
    ['ftp://example.com', 'protocol'],
    ['mailto:someone@example.com', 'protocol'],
    ['//example.com/protocol-relative', 'malformed'],
    ['/relative/path', 'malformed'],
    ['example.com', 'malformed'],
    ['http:example.com', 'malformed'],
    ['https://', 'malformed'],
    ['java\tscript:alert(1)', 'malformed'],
    ['https://exa mple.com', 'malformed'],
    ['https://example.com/\u0000', 'malformed'],
    ['', 'malformed'],
    [`https://example.com/${'a'.repeat(MAX_URL_LENGTH)}`, 'tooLong'],
  ])('refuses %s as %s', (url, problem) => expect(checkUrl(url)).toBe(problem))
})

describe('normalizeUrl', () => {
  test('trims, and turns blank into null so optional URLs stay empty', () => {
    expect(normalizeUrl('  https://example.com  ')).toBe('https://example.com')
    expect(normalizeUrl('   ')).toBeNull()
    expect(normalizeUrl(undefined)).toBeUndefined()
    expect(normalizeUrl(null)).toBeNull()
  })
})
