/**
 * Schema paths (src/model/paths.ts): the paths a codec defines and the paths a value holds, written
 * `a.b`, with `[]` for a list item (R11's table keys).
 */
import { describe, expect, it } from 'vitest'
import { bool, list, str, struct } from '../../src/model/codec.js'
import { forEachPresentPath, schemaPathOf, schemaPaths } from '../../src/model/paths.js'

describe('schemaPathOf', () => {
  it('R11 every list index of a value path becomes `[]`', () => {
    expect(schemaPathOf('personalTeleconf.account[2].defaultFlag')).toBe('personalTeleconf.account[].defaultFlag')
    expect(schemaPathOf('schedulingTemplates[12].serviceType')).toBe('schedulingTemplates[].serviceType')
    expect(schemaPathOf('a[0].b[105]')).toBe('a[].b[]')
    expect(schemaPathOf('firstName')).toBe('firstName')
  })
})

// a small schema written here, so that the expected paths follow from its shape alone
const Inner = struct('inner', { b: bool, c: str(3) })
const Sample = struct('sample', {
  a: str(3),
  inner: Inner,
  tags: list(str(3)),
  items: list(struct('item', { d: bool })),
})

describe('schemaPaths', () => {
  it("R2 every leaf and every whole list is a writable path; a list of structs also has its items' paths", () => {
    expect(schemaPaths(Sample)).toEqual([
      { path: 'a', kind: 'leaf' },
      { path: 'inner.b', kind: 'leaf' },
      { path: 'inner.c', kind: 'leaf' },
      { path: 'tags', kind: 'list' },
      { path: 'items', kind: 'list' },
      { path: 'items[].d', kind: 'leaf' },
    ])
    // below a prefix, the paths start with it
    expect(schemaPaths(Inner, 'x')).toEqual([
      { path: 'x.b', kind: 'leaf' },
      { path: 'x.c', kind: 'leaf' },
    ])
  })
})

describe('forEachPresentPath', () => {
  const present = (value: unknown, prefix?: string): string[] => {
    const seen: string[] = []
    if (prefix === undefined) forEachPresentPath(Sample, value, (p) => seen.push(p))
    else forEachPresentPath(Sample, value, (p) => seen.push(p), prefix)
    return seen
  }

  it('R11 visits the schema path of every leaf and list the value holds, and no other', () => {
    expect(present({ a: 'x', inner: { c: 'y' }, items: [{ d: true }, {}] })).toEqual([
      'a',
      'inner.c',
      'items',
      'items[].d',
    ])
    expect(present({})).toEqual([])
    expect(present({ a: 'x' }, 'p')).toEqual(['p.a'])
  })

  it('R11 a key the schema does not have is passed over, even one inherited by every object', () => {
    expect(present({ zz: 1, a: 'x' })).toEqual(['a'])
    expect(present({ toString: 1, constructor: 2 })).toEqual([])
  })
})
