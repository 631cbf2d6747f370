/**
 * The codec kinds the model is built from (src/model/codec.ts): leaf constraints and their
 * `expected` texts, list bounds (D-S1), exact structs with "did you mean" hints (D-S2), the
 * `is` guard, and structural sharing (an unchanged subtree is returned as the same object).
 *
 * The codecs are built inside the tests on purpose: their constructors then run under test.
 */
import { describe, expect, it } from 'vitest'
import { SetUserBody, User } from 'webex-user-rules'
import {
  bool,
  flags,
  int,
  type Issue,
  LeafType,
  list,
  long,
  MAX_REPORTED_ISSUES,
  oneOf,
  runCodec,
  str,
  struct,
  suggestKey,
} from '../../src/model/codec.js'

/** A leaf that normalises its input (trims a string): the "decoded value differs" side of `run`. */
class Trimmed extends LeafType<string> {
  constructor() {
    super('trimmed string', { kind: 'string', maxLength: 10, minLength: 0 })
  }
  override run(u: unknown, path: (string | number)[], issues: Issue[]): unknown {
    return typeof u === 'string' ? u.trim() : super.run(u, path, issues)
  }
}

describe('leaves', () => {
  it('R1 a string leaf accepts up to maxLength characters and names its limit', () => {
    const s = str(5)
    expect(s.spec).toEqual({ kind: 'string', maxLength: 5, minLength: 0 })
    expect(runCodec(s, 'abcde').issues).toEqual([])
    expect(runCodec(s, '').issues).toEqual([])
    expect(runCodec(s, 'abcdef').issues).toEqual([
      { code: 'tooLong', path: [], expected: 'string (max 5 characters)', actual: 'abcdef' },
    ])
  })

  it('R1 a string leaf with a minimum length names both bounds', () => {
    const s = str(5, 1)
    expect(s.spec).toEqual({ kind: 'string', maxLength: 5, minLength: 1 })
    expect(runCodec(s, 'a').issues).toEqual([])
    expect(runCodec(s, '').issues).toEqual([
      { code: 'outOfRange', path: [], expected: 'string (1..5 characters)', actual: '' },
    ])
  })

  it('R1 an enumeration accepts exactly its values and lists them in `expected`', () => {
    const e = oneOf(['ACTIVATED', 'DEACTIVATED'])
    expect(e.spec).toEqual({ kind: 'enum', values: ['ACTIVATED', 'DEACTIVATED'] })
    expect(runCodec(e, 'ACTIVATED').issues).toEqual([])
    expect(runCodec(e, 'DEACTIVATED').issues).toEqual([])
    expect(runCodec(e, 'activated').issues).toEqual([
      { code: 'outOfRange', path: [], expected: '"ACTIVATED" | "DEACTIVATED"', actual: 'activated' },
    ])
    expect(runCodec(e, 1).issues).toHaveLength(1)
  })
})

describe('lists (D-S1)', () => {
  it('R2 a list is named after its item and has no bounds unless given', () => {
    const l = list(str(3))
    expect(l.name).toBe('list of string (max 3 characters)')
    expect(l.minItems).toBe(0)
    expect(l.maxItems).toBe(Number.POSITIVE_INFINITY)
    expect(runCodec(l, []).issues).toEqual([])
    expect(runCodec(l, 'abc').issues).toEqual([
      { code: 'wrongType', path: [], expected: 'list of string (max 3 characters)', actual: 'abc' },
    ])
  })

  it('R2 a list below its minimum is refused, naming the minimum', () => {
    const l = list(bool, { minItems: 1 })
    expect(l.minItems).toBe(1)
    expect(runCodec(l, [true]).issues).toEqual([])
    expect(runCodec(l, []).issues).toEqual([
      { code: 'missingElement', path: [], expected: 'list of boolean with at least 1 item(s)', actual: [] },
    ])
  })

  it('R2 a list over its maximum is refused at its own path, naming the maximum', () => {
    const l = list(bool, { maxItems: 2 })
    expect(l.maxItems).toBe(2)
    const s = struct('holder', { flagsList: l })
    expect(runCodec(s, { flagsList: [true, false] }).issues).toEqual([])
    expect(runCodec(s, { flagsList: [true, false, true] }).issues).toEqual([
      { code: 'tooMany', path: ['flagsList'], expected: 'list of boolean with at most 2 item(s)', actual: 3 },
    ])
  })

  it('R2 a request over a D-S1 list bound names the path and the limit', () => {
    const meetingTypes = Array.from({ length: 101 }, (_, i) => i + 1)
    const { issues } = runCodec(SetUserBody, { webExId: 'jdoe', meetingTypes })
    expect(issues).toHaveLength(1)
    expect(issues[0]?.path).toEqual(['meetingTypes'])
    expect(issues[0]?.expected).toMatch(/with at most 100 item\(s\)$/)
    expect(issues[0]?.actual).toBe(101)
  })
})

describe('structs', () => {
  it('R1 every child of a struct is optional unless listed as required', () => {
    const optional = struct('opt', { a: str(3) })
    expect(optional.requiredKeys).toEqual([])
    expect(runCodec(optional, {}).issues).toEqual([])
    const required = struct('req', { a: str(3) }, ['a'])
    expect(runCodec(required, {}).issues).toEqual([
      { code: 'missingElement', path: ['a'], expected: 'required element "a"', actual: undefined },
    ])
  })

  it('R1 `is` accepts a valid value and refuses an invalid one', () => {
    const s = struct('s', { a: str(3), b: bool })
    expect(s.is({ a: 'x', b: true })).toBe(true)
    expect(s.is({ a: 'toolong' })).toBe(false)
    expect(s.is({ c: 1 })).toBe(false)
    expect(User.is({ webExId: 'jdoe', phones: { PIN: '0427' }, meetingTypes: [214, 216] })).toBe(true)
    expect(User.is({ webExId: 'jdoe', Active: 'ACTIVATED' })).toBe(false)
  })

  it('D-S2 "did you mean" hints are computed for the first 100 reported failures only', () => {
    const s = struct('s', { title: str(5) })
    // 150 distinct unknown keys, each 2 edits from `title`
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    const input: Record<string, unknown> = {}
    for (let i = 0; i < 150; i++) input[`title${letters[Math.floor(i / 26)] ?? ''}${letters[i % 26] ?? ''}`] = 1
    const { issues } = runCodec(s, input)
    expect(issues).toHaveLength(150)
    expect(issues.slice(0, MAX_REPORTED_ISSUES).every((i) => i.hint === 'did you mean "title"?')).toBe(true)
    expect(issues.slice(MAX_REPORTED_ISSUES).every((i) => i.hint === undefined)).toBe(true)
  })
})

describe('structural sharing', () => {
  it('R2 a valid value decodes to the very same object', () => {
    const s = struct('s', { a: str(3), l: list(struct('i', { b: bool })) })
    const value = { a: 'x', l: [{ b: true }, { b: false }] }
    expect(runCodec(s, value).value).toBe(value)
    expect(s.decode(value)).toEqual({ _tag: 'Right', right: value })
  })

  it('R2 a struct whose child decodes to a new value is copied; the input and the other children are untouched', () => {
    const inner = { c: true }
    const s = struct('s', { a: new Trimmed(), b: str(3), inner: struct('inner', { c: bool }) })
    const input = { a: ' x ', b: 'y', inner }
    const { value, issues } = runCodec(s, input)
    expect(issues).toEqual([])
    expect(value).toEqual({ a: 'x', b: 'y', inner: { c: true } })
    expect(value).not.toBe(input)
    expect((value as typeof input).inner).toBe(inner)
    expect(input).toEqual({ a: ' x ', b: 'y', inner: { c: true } })
    const already = { a: 'x', b: 'y' }
    expect(runCodec(s, already).value).toBe(already)
  })

  it('R2 a list whose item decodes to a new value is copied; the input and the other items are untouched', () => {
    const l = list(new Trimmed())
    const input = ['a', ' b ', 'c']
    const { value, issues } = runCodec(l, input)
    expect(issues).toEqual([])
    expect(value).toEqual(['a', 'b', 'c'])
    expect(value).not.toBe(input)
    expect(input).toEqual(['a', ' b ', 'c'])
    const already = ['a', 'b']
    expect(runCodec(l, already).value).toBe(already)
  })
})

describe('suggestKey ("did you mean")', () => {
  it('R1 a case-insensitive match is suggested first', () => {
    expect(suggestKey('Active', ['email', 'active'])).toBe('active')
    expect(suggestKey('EMAIL2', ['email', 'email2'])).toBe('email2')
  })

  it('R1 otherwise the first known name within edit distance 2 is suggested', () => {
    // titel → title: 2 edits; tle → title: 2 insertions; email is 4 or more edits away from both
    expect(suggestKey('titel', ['active', 'email', 'title'])).toBe('title')
    expect(suggestKey('tle', ['active', 'email', 'title'])).toBe('title')
    // lstName → lastName: 1 insertion; firstName is 3 edits away
    expect(suggestKey('lstName', ['firstName', 'lastName'])).toBe('lastName')
    // adress → address: 1 insertion; ail → email: 2 insertions
    expect(suggestKey('adress', ['address'])).toBe('address')
    expect(suggestKey('ail', ['email'])).toBe('email')
  })

  it('R1 a smaller distance wins over an earlier name', () => {
    // abcd: 1 edit from both abcdx and abc, so the first one wins; abc: 0 edits from abc
    expect(suggestKey('abcd', ['abcdx', 'abc'])).toBe('abcdx')
    expect(suggestKey('abcq', ['abcxy', 'abcq1'])).toBe('abcq1')
  })

  it('R1 nothing is suggested when every name is 3 or more edits away', () => {
    expect(suggestKey('zone', ['phones', 'email', 'title'])).toBeUndefined()
    expect(suggestKey('Name', ['locale', 'title'])).toBeUndefined()
    expect(suggestKey('ege', ['title', 'email'])).toBeUndefined()
    expect(suggestKey('onesx', ['phones'])).toBeUndefined()
    expect(suggestKey('x', [])).toBeUndefined()
  })
})

describe('failure codes of the leaves', () => {
  const codeOf = <A>(codec: LeafType<A>, u: unknown): string | undefined => runCodec(codec, u).issues[0]?.code

  it('R1 an integer outside its bounds is out of range; anything but an integer is of the wrong type', () => {
    const i = int(1, 10)
    expect(runCodec(i, 1).issues).toEqual([])
    expect(runCodec(i, 10).issues).toEqual([])
    expect(codeOf(i, 0)).toBe('outOfRange')
    expect(codeOf(i, 11)).toBe('outOfRange')
    // an integer beyond what a JSON number holds exactly is still an integer, out of range
    expect(codeOf(long, 2 ** 60)).toBe('outOfRange')
    expect(codeOf(i, 1.5)).toBe('wrongType')
    expect(codeOf(i, '5')).toBe('wrongType')
    expect(codeOf(i, null)).toBe('wrongType')
  })

  it('R1 a value of an enumeration that is not a string is of the wrong type, not out of range', () => {
    const e = oneOf(['ACTIVATED', 'DEACTIVATED'])
    expect(codeOf(e, 1)).toBe('wrongType')
    expect(codeOf(e, true)).toBe('wrongType')
    expect(codeOf(e, 'activated')).toBe('outOfRange')
  })

  it('R1 a map of feature flags holds booleans only', () => {
    expect(runCodec(flags, {}).issues).toEqual([])
    expect(runCodec(flags, { a: true, b: false }).issues).toEqual([])
    expect(codeOf(flags, { a: true, b: 'yes' })).toBe('wrongType')
    expect(codeOf(flags, [true])).toBe('wrongType')
    expect(codeOf(flags, true)).toBe('wrongType')
  })

  it('R1 a string is too long only over its maximum; under its minimum it is out of range', () => {
    // a leaf whose minimum exceeds its maximum accepts nothing: a string of exactly the maximum
    // length is then short of the minimum, not over the maximum
    const impossible = str(2, 5)
    expect(codeOf(impossible, 'ab')).toBe('outOfRange')
    expect(codeOf(impossible, 'abc')).toBe('tooLong')
    expect(codeOf(str(3), 7)).toBe('wrongType')
  })
})
