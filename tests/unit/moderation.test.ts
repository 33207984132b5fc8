import { describe, expect, test } from 'vitest'

import { countLinks, hashAddress, statusForSubmission } from '../../src/comments/moderation.js'

describe('comment moderation', () => {
  test('links are counted as a reader would see them', () => {
    expect(countLinks('Siehe https://a.example und http://b.example/x sowie www.c.example')).toBe(3)
    expect(countLinks('Keine Links hier, nur example.com im Text')).toBe(0)
  })

  test.each([
    ['pre', 'Guter Beitrag', '', 'pending'],
    ['post', 'Guter Beitrag', '', 'approved'],
    ['post', 'a https://1.example b https://2.example', '', 'approved'],
    ['post', 'https://1.example https://2.example https://3.example', '', 'pending'],
    ['pre', 'Guter Beitrag', 'http://spam.example', 'spam'],
    ['post', 'Guter Beitrag', 'x', 'spam'],
    ['post', 'Guter Beitrag', '   ', 'approved'],
  ] as const)('%s moderation, body %j, honeypot %j -> %s', (moderation, body, honeypot, status) =>
    expect(statusForSubmission({ body, honeypot, maxLinks: 2, moderation })).toBe(status),
  )

  test('address hashes are salted, stable, and not the address', () => {
    const hash = hashAddress('secret-a', '203.0.113.7')
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hash).not.toContain('203.0.113.7')
    expect(hashAddress('secret-a', ' 203.0.113.7 ')).toBe(hash)
    expect(hashAddress('secret-b', '203.0.113.7')).not.toBe(hash)
  })
})
