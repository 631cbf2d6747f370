/**
 * `utf8ByteLength` decides whether a message is over the size limit without encoding it (it runs only
 * for messages whose length could exceed the limit, so no message test reaches it with short texts).
 * Node's `Buffer.byteLength` is the independent oracle: it encodes a lone surrogate as U+FFFD (3 bytes),
 * as the function's contract says.
 */
import { describe, expect, it } from 'vitest'
import { utf8ByteLength } from '../../src/xml/document.js'

const CASES: readonly [string, string][] = [
  ['empty', ''],
  ['ASCII', 'webExId'],
  ['two-byte (é, ß)', 'Müller-Straße'],
  ['three-byte (€, CJK)', '€ 東京'],
  ['a surrogate pair (four bytes)', 'x\u{1F600}y'],
  ['U+07FF and U+0800 (the two- and three-byte edges)', '\u07ff\u0800'],
  ['U+D7FF and U+E000 (around the surrogates)', '\ud7ff\ue000'],
  ['a lone high surrogate in the middle', 'a\ud800b'],
  ['a lone high surrogate at the end', 'ab\udbff'],
  ['a lone low surrogate', 'a\udc00b'],
  ['a high surrogate followed by another high one', '\ud800\ud800\udc00'],
  ['a lone high surrogate before a two-byte character', '\ud800é'],
  ['a lone high surrogate before a three-byte character', '\udbff€'],
  ['the last pair of the range', '\udbff\udfff'],
  ['U+007F and U+0080 (the one- and two-byte edges)', '\u007f\u0080'],
  ['a lone low surrogate after a three-byte character below the surrogates', '€\udc00'],
  ['a lone low surrogate after a three-byte character above the surrogates', '\ue000\udc00'],
  ['a lone high surrogate before U+E000 (just above the low surrogates)', '\ud800\ue000'],
]

describe('utf8ByteLength (the size limit of the XML adapter)', () => {
  it.each(CASES)('%s: the bytes Buffer.byteLength counts', (_, text) => {
    expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'))
  })
})
