/**
 * D-X11 (docs/decisions.md): `decodeXmlBytes` — a byte-order mark decides first, then the XML
 * declaration's `encoding` (read from the first 200 bytes), else UTF-8; more than MAX_MESSAGE_BYTES,
 * an unknown encoding or invalid bytes are an `InvalidRequest` naming the message. Written against
 * the mutants Stryker left alive in src/xml/encoding.ts (docs/testing.md, "Mutation testing").
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeXmlBytes, MAX_MESSAGE_BYTES } from 'webex-user-rules/xml'

const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)]
const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0))
const bytes = (...parts: number[][]): Uint8Array => Uint8Array.from(parts.flat())
const utf16le = (text: string): number[] =>
  Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])
const utf16be = (text: string): number[] =>
  Array.from(text).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])

const failureOf = (result: ReturnType<typeof decodeXmlBytes>): unknown =>
  E.isLeft(result) && result.left._tag === 'InvalidRequest' ? result.left.failures : result

describe('decodeXmlBytes (D-X11)', () => {
  it('D-X11 accepts exactly MAX_MESSAGE_BYTES bytes and refuses one more, naming both sizes', () => {
    const at = new Uint8Array(MAX_MESSAGE_BYTES).fill(0x61)
    expect(E.isRight(decodeXmlBytes(at))).toBe(true)
    const over = new Uint8Array(MAX_MESSAGE_BYTES + 1).fill(0x61)
    expect(failureOf(decodeXmlBytes(over))).toEqual([
      {
        source: 'message',
        code: 'limit',
        path: '',
        expected: `a message of at most ${String(MAX_MESSAGE_BYTES)} bytes`,
        actual: `${String(MAX_MESSAGE_BYTES + 1)} bytes`,
      },
    ])
  })

  it('D-X11 a UTF-8 byte-order mark wins over a declared ISO-8859-1 and is not part of the text', () => {
    const text = '<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>'
    expect(decodeXmlBytes(bytes([0xef, 0xbb, 0xbf], utf8(text)))).toEqual(E.right(text))
  })

  it('D-X11 UTF-16 little- and big-endian by their byte-order marks', () => {
    const text = '<a>é€</a>'
    expect(decodeXmlBytes(bytes([0xff, 0xfe], utf16le(text)))).toEqual(E.right(text))
    expect(decodeXmlBytes(bytes([0xfe, 0xff], utf16be(text)))).toEqual(E.right(text))
  })

  it('D-X11 half a UTF-16 mark is no mark: the bytes are read as UTF-8 and refused', () => {
    // 0xff / 0xfe are never valid UTF-8; as UTF-16 these even-length inputs would decode
    for (const input of [
      [0x3c, 0xfe, 0x61, 0x00],
      [0xff, 0x3c, 0x61, 0x00],
      [0x3c, 0xff, 0x61, 0x00],
      [0xfe, 0x3c, 0x61, 0x00],
    ])
      expect(failureOf(decodeXmlBytes(bytes(input)))).toMatchObject([
        { source: 'message', code: 'document', path: '', expected: 'text in the declared encoding (utf-8)' },
      ])
  })

  it('D-X11 the declaration: single quotes and white space (two spaces, a tab) around "="', () => {
    const text = "<?xml version='1.0' encoding  =\t'ISO-8859-1'?><a>é</a>"
    const raw = bytes(ascii("<?xml version='1.0' encoding  =\t'ISO-8859-1'?><a>"), [0xe9], ascii('</a>'))
    expect(decodeXmlBytes(raw)).toEqual(E.right(text))
  })

  it('D-X11 a declaration not at the first byte, or past the first 200 bytes, is not read', () => {
    const late = bytes(ascii(' <?xml version="1.0" encoding="ISO-8859-1"?><a>'), [0xe9], ascii('</a>'))
    expect(failureOf(decodeXmlBytes(late))).toMatchObject([
      { code: 'document', expected: 'text in the declared encoding (utf-8)' },
    ])
    const far = bytes(ascii(`<?xml version="1.0"${' '.repeat(200)}encoding="ISO-8859-1"?><a>`), [0xe9], ascii('</a>'))
    expect(failureOf(decodeXmlBytes(far))).toMatchObject([
      { code: 'document', expected: 'text in the declared encoding (utf-8)' },
    ])
    const near = bytes(ascii(`<?xml version="1.0"${' '.repeat(150)}encoding="ISO-8859-1"?><a>`), [0xe9], ascii('</a>'))
    expect(E.isRight(decodeXmlBytes(near))).toBe(true)
  })

  it('D-X11 an encoding the runtime does not know is refused with its name and the runtime message', () => {
    const raw = bytes(ascii('<?xml version="1.0" encoding="x-no-such-charset"?><a/>'))
    const failures = failureOf(decodeXmlBytes(raw))
    expect(failures).toMatchObject([
      { source: 'message', code: 'document', path: '', expected: 'text in the declared encoding (x-no-such-charset)' },
    ])
    const [first] = failures as [{ actual: unknown }]
    expect(typeof first.actual === 'string' && first.actual.length > 0 && first.actual !== 'undecodable bytes').toBe(
      true,
    )
  })

  it('D-X11 a UTF-16LE mark wins even when the next byte is the last byte of a UTF-8 mark (0xbf)', () => {
    // U+00BF in UTF-16LE is BF 00: only the first two bytes decide, a lone 0xbf is no UTF-8 mark
    expect(decodeXmlBytes(bytes([0xff, 0xfe], utf16le('¿<a/>')))).toEqual(E.right('¿<a/>'))
  })

  it('D-X11 the declaration is read from the first 200 bytes exactly: its closing quote at byte 200, not 201', () => {
    const declared = (length: number): Uint8Array => {
      const start = '<?xml version="1.0"'
      const end = 'encoding="ISO-8859-1"'
      const head = `${start}${' '.repeat(length - start.length - end.length)}${end}`
      expect(head).toHaveLength(length)
      return bytes(ascii(`${head}?><a>`), [0xe9], ascii('</a>'))
    }
    // é as ISO-8859-1 (0xe9) is read when the declaration is; as UTF-8 the byte is invalid
    expect(decodeXmlBytes(declared(200))).toEqual(
      E.right(`<?xml version="1.0"${' '.repeat(160)}encoding="ISO-8859-1"?><a>é</a>`),
    )
    expect(failureOf(decodeXmlBytes(declared(201)))).toMatchObject([
      { code: 'document', expected: 'text in the declared encoding (utf-8)' },
    ])
  })

  it('D-X11 bytes invalid for a declared UTF-8 name the declared label', () => {
    const raw = bytes(ascii('<?xml version="1.0" encoding="UTF-8"?><a>'), [0xfc], ascii('</a>'))
    expect(failureOf(decodeXmlBytes(raw))).toMatchObject([
      { code: 'document', expected: 'text in the declared encoding (UTF-8)' },
    ])
  })
})
