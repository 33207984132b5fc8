import { describe, expect, test } from 'vitest'

import { deeplyNestedField, MAX_NESTING } from '../../src/guards/nesting.js'

const nest = (levels: number): unknown => {
  let value: unknown = 'leaf'
  for (let i = 0; i < levels; i += 1) value = i % 2 ? [value] : { child: value }
  return value
}

describe('nesting depth', () => {
  test('names the top-level field that nests too deeply', () => {
    expect(deeplyNestedField({ content: nest(MAX_NESTING + 5), title: 'ok' })).toBe('content')
  })
  test('accepts documents within the limit, and scalars', () => {
    expect(deeplyNestedField({ content: nest(MAX_NESTING - 1), title: 'ok' })).toBeNull()
    expect(deeplyNestedField(null)).toBeNull()
    expect(deeplyNestedField({ count: 3 })).toBeNull()
  })
  test('does not itself overflow on a million levels', () => {
    expect(deeplyNestedField({ deep: nest(1_000_000) })).toBe('deep')
  })
})
