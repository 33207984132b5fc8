import { describe, expect, test } from 'vitest'

import { appendOnlyProblems, isRetracted, readerOrder } from '../../src/corrections/correctionKinds.js'

const note = (
  id: string,
  kind: 'clarification' | 'correction' | 'counterstatement' | 'retraction' | 'update',
  at: string,
  text = `Text ${id}`,
) => ({
  at,
  id,
  kind,
  text,
})

describe('corrections', () => {
  test('readers see the retraction first, then counterstatements, then the others newest first', () => {
    const items = [
      note('a', 'correction', '2026-05-01T10:00:00Z'),
      note('b', 'counterstatement', '2026-05-02T10:00:00Z'),
      note('c', 'clarification', '2026-05-03T10:00:00Z'),
      note('d', 'retraction', '2026-05-04T10:00:00Z'),
    ]
    expect(readerOrder(items).map((item) => item.id)).toEqual(['d', 'b', 'c', 'a'])
    expect(isRetracted(items)).toBe(true)
    // Two counterstatements keep their order of arrival, however the stored list is arranged.
    const first = note('x', 'counterstatement', '2026-05-01T10:00:00Z')
    const second = note('y', 'counterstatement', '2026-05-02T10:00:00Z')
    expect(readerOrder([second, first]).map((item) => item.id)).toEqual(['x', 'y'])
    expect(isRetracted(items.slice(0, 3))).toBe(false)
  })

  test('published notes are append-only: changed, re-kinded or removed notes are named', () => {
    const stored = [
      note('a', 'correction', '2026-05-01T10:00:00Z'),
      note('b', 'counterstatement', '2026-05-02T10:00:00Z'),
    ]
    expect(appendOnlyProblems(stored, [...stored, note('c', 'update', '2026-05-03T10:00:00Z')])).toEqual([])
    expect(appendOnlyProblems(stored, [stored[0]!, { ...stored[1]!, text: 'Gekürzt' }])).toEqual([
      { index: 1, kind: 'changed' },
    ])
    expect(appendOnlyProblems(stored, [{ ...stored[0]!, kind: 'update' }, stored[1]!])).toEqual([
      { index: 0, kind: 'kindChanged' },
    ])
    expect(appendOnlyProblems(stored, [stored[0]!])).toEqual([{ index: 1, kind: 'removed' }])
    // Order in the array does not matter; a locale's first text may be added.
    expect(appendOnlyProblems(stored, [stored[1]!, stored[0]!])).toEqual([])
    expect(appendOnlyProblems([{ ...stored[0]!, text: '' }], [stored[0]!])).toEqual([])
  })
})
