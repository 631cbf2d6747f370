import { describe, expect, it } from 'vitest'
import { deepEqual, replaceList } from '../../src/rules/replaceList.js'

describe('R2 replace-on-list: equality of stored and requested items', () => {
  it('R2 deepEqual: a primitive never equals an element or a list', () => {
    expect(deepEqual(1, {})).toBe(false)
    expect(deepEqual({}, 1)).toBe(false)
    expect(deepEqual('a', [])).toBe(false)
    expect(deepEqual([], 'a')).toBe(false)
  })

  it('R2 deepEqual: null never equals an element', () => {
    expect(deepEqual(null, {})).toBe(false)
    expect(deepEqual({}, null)).toBe(false)
    expect(deepEqual(null, null)).toBe(true)
  })

  it('R2 deepEqual: an element never equals a list, even with the same keys', () => {
    expect(deepEqual({}, [])).toBe(false)
    expect(deepEqual([], {})).toBe(false)
    expect(deepEqual({ 0: 1 }, [1])).toBe(false)
    expect(deepEqual([1], { 0: 1 })).toBe(false)
  })

  it('R2 deepEqual compares lists item by item and elements key by key', () => {
    expect(deepEqual([{ email: 'a' }, 2], [{ email: 'a' }, 2])).toBe(true)
    expect(deepEqual([1, 2], [2, 1])).toBe(false)
    expect(deepEqual([1], [1, 2])).toBe(false)
    expect(deepEqual({ a: 1, b: [true] }, { b: [true], a: 1 })).toBe(true)
    expect(deepEqual({ a: 1 }, { b: 1 })).toBe(false)
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false)
  })

  it('R2 replaceList keeps the stored list when the items are equal, else takes the request', () => {
    const stored = [{ email: 'a@example.com' }]
    expect(replaceList(stored, [{ email: 'a@example.com' }])).toBe(stored)
    const requested = [{ email: 'b@example.com' }]
    expect(replaceList(stored, requested)).toBe(requested)
    // a stored element (not a list) with the same keys as the request is not the same list
    const notAList = { 0: 105 }
    const list = [105]
    expect(replaceList(notAList, list)).toBe(list)
    expect(replaceList([{}], [[]])).toEqual([[]])
  })
})
