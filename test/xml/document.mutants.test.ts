/**
 * `readDocument` (src/xml/document.ts) on the paths the message tests reach only loosely: where a
 * refused declaration is (D-E1 positions), how element text is trimmed (D-E3), how saxes's messages
 * are worded (D-E1), the element and size limits at their bounds (docs/spec.md §5), CDATA and
 * attributes. Written against the mutants Stryker left alive (docs/testing.md, "Mutation testing");
 * every expectation is counted by hand from the document in the test.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  type DocumentFailure,
  MAX_ELEMENTS,
  MAX_MESSAGE_BYTES,
  readDocument,
  type XmlElement,
} from '../../src/xml/document.js'

const rootOf = (xml: string): XmlElement => {
  const result = readDocument(xml)
  if (E.isLeft(result)) return expect.fail(`expected a document, got ${JSON.stringify(result.left)}`)
  return result.right
}

const failureOf = (xml: string): DocumentFailure => {
  const result = readDocument(xml)
  if (E.isRight(result)) return expect.fail('expected a failure, got a document')
  expect(result.left).toHaveLength(1)
  const [failure] = result.left
  if (failure === undefined) return expect.fail('no failure')
  return failure
}

describe('D-X5 a DOCTYPE or ENTITY declaration is refused where it is (D-E1: 1-based line and column)', () => {
  // [document, line, column, what is quoted]: lines end at LF, a CR before it belongs to the ending
  const cases: readonly [string, number, number, string][] = [
    ['<!DOCTYPE a>\n<a/>\n', 1, 1, '<!DOCTYPE'],
    ['  <!doctype a><a/>', 1, 3, '<!doctype'],
    ['<a>\n<!DOCTYPE a>', 2, 1, '<!DOCTYPE'],
    ['\n\n<!DOCTYPE a>', 3, 1, '<!DOCTYPE'],
    ['x\n<!ENTITY e "v">', 2, 1, '<!ENTITY'],
    ['<?xml version="1.0"?>\r\n<!-- c -->\n   <! ENTITY e "x">\n<a/>', 3, 4, '<!ENTITY'],
  ]
  it.each(cases)('%j: line %i, column %i, quoting %s', (xml, line, column, quoted) => {
    expect(failureOf(xml)).toEqual({
      code: 'document',
      path: '',
      expected: 'a message without DOCTYPE or ENTITY declarations',
      actual: quoted,
      line,
      column,
    })
  })
})

describe('D-E3 element text is trimmed like String.prototype.trim, except a CR (written as &#13; on purpose)', () => {
  const cases: readonly [string, string, string][] = [
    ['no white space', '<a>x</a>', 'x'],
    ['spaces on both sides', '<a> x </a>', 'x'],
    ['white space before only', '<a>\t\n x</a>', 'x'],
    ['white space after only', '<a>x \n\t</a>', 'x'],
    ['inner white space kept', '<a>  x y  </a>', 'x y'],
    ['white space only', '<a>  \n </a>', ''],
    ['a CR reference is kept at both ends', '<a>&#13;x&#13;</a>', '\rx\r'],
    ['a CR reference inside white space is kept', '<a> &#13; </a>', '\r'],
    ['a tab or a line feed alone on either side', '<a>\tx\n</a>', 'x'],
    ['a no-break space (U+00A0) and an ideographic space (U+3000), as trim does', '<a>\u00a0x\u3000</a>', 'x'],
    ['NEL (U+0085) is not white space to trim', '<a>\u0085x\u0085</a>', '\u0085x\u0085'],
  ]
  it.each(cases)('%s', (_, xml, text) => {
    expect(rootOf(xml).text).toBe(text)
  })

  it('CDATA is kept verbatim, white space included', () => {
    expect(rootOf('<a><![CDATA[ <b>&amp; ]]></a>').text).toBe(' <b>&amp; ')
  })
})

describe('attributes by local name', () => {
  it('every attribute is kept, not only the last one; namespace declarations are dropped', () => {
    const root = rootOf('<a xmlns:p="urn:x" x="1" p:y="2" z=""/>')
    expect([...root.attributes]).toEqual([
      ['x', '1'],
      ['y', '2'],
      ['z', ''],
    ])
  })
})

describe("D-E1 saxes's failures, worded", () => {
  it('a failure outside secret elements names the element (a name with a dot keeps its dot)', () => {
    expect(failureOf('<a.b>')).toMatchObject({
      code: 'document',
      expected: 'well-formed XML',
      actual: 'unclosed tag: a.b',
    })
  })

  it('inside a secret element the failure names no element found in the document', () => {
    expect(failureOf('<password><x>')).toMatchObject({ code: 'document', actual: 'unclosed tag' })
  })

  it('a second root element, or text after the root: "exactly one root element"', () => {
    for (const [xml, actual] of [
      ['<a/><b/>', 'documents may contain only one root'],
      ['<a/>x', 'text data outside of root node'],
    ] as const)
      expect(failureOf(xml)).toMatchObject({
        code: 'document',
        expected: 'well-formed XML with exactly one root element',
        actual,
      })
  })

  it('a failure on a later line carries that line and column', () => {
    // saxes reports an undefined entity once it has read its `;`: character 9 of line 2
    expect(failureOf('<a>\n<b>&nope;</b></a>')).toMatchObject({ code: 'document', line: 2, column: 9 })
  })
})

describe('docs/spec.md §5 limits at their bounds', () => {
  it(`at most ${String(MAX_ELEMENTS)} elements: exactly that many are read`, () => {
    const body = (n: number): string => `<a>${'<b/>'.repeat(n - 1)}</a>`
    expect(rootOf(body(MAX_ELEMENTS)).children).toHaveLength(MAX_ELEMENTS - 1)
    expect(failureOf(body(MAX_ELEMENTS + 1))).toMatchObject({
      code: 'limit',
      actual: `more than ${String(MAX_ELEMENTS)} elements`,
    })
  })

  it('the size is counted exactly up to 4 × the limit in UTF-16 units; beyond, the length is a lower bound', () => {
    // Buffer.byteLength is the independent count of UTF-8 bytes; é is 2 bytes
    const exact = 'é'.repeat(4 * MAX_MESSAGE_BYTES)
    expect(failureOf(exact)).toEqual({
      code: 'limit',
      path: '',
      expected: `a message of at most ${String(MAX_MESSAGE_BYTES)} bytes`,
      actual: `${String(Buffer.byteLength(exact, 'utf8'))} bytes`,
    })
    const huge = 'a'.repeat(4 * MAX_MESSAGE_BYTES + 1)
    expect(failureOf(huge)).toMatchObject({ code: 'limit', actual: `at least ${String(huge.length)} bytes` })
  })
})
