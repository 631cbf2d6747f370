/**
 * Bytes → text for XML messages, by the document's own declaration (corpus: `encoding="ISO-8859-1"`
 * appears in real clients, test/fixtures/corpus/INDEX.md).
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { type FailureCode, invalidRequest, type SetUserError } from '../errors/SetUserError.js'
import { MAX_MESSAGE_BYTES } from './document.js'

// The WHATWG decoder every JavaScript runtime has; declared here so the package does not depend
// on DOM or Node type libraries.
declare const TextDecoder: new (
  label: string,
  options?: { readonly fatal?: boolean; readonly ignoreBOM?: boolean },
) => { decode(input: Uint8Array): string }

const ENCODING_DECLARATION = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/

const failure = (code: FailureCode, expected: string, actual: unknown): SetUserError =>
  invalidRequest([{ source: 'message', code, path: '', expected, actual }])

/**
 * Decodes a message's bytes: a byte-order mark decides first, then the `encoding` of the XML
 * declaration, else UTF-8 (XML 1.0 §4.3.3). Invalid bytes for the encoding, an encoding the
 * runtime does not know, or more than 64 KiB are an `InvalidRequest` (D-X11). As in browsers,
 * `ISO-8859-1` is read as windows-1252.
 *
 * @category xml
 * @example
 * ```ts
 * import { decodeXmlBytes } from 'webex-user-rules/xml'
 * decodeXmlBytes(new Uint8Array([0x3c, 0x3f, 0x78, 0x6d, 0x6c, 0x20, 0x65, 0x6e, 0x63, 0x6f, 0x64, 0x69, 0x6e, 0x67, 0x3d, 0x22, 0x49, 0x53, 0x4f, 0x2d, 0x38, 0x38, 0x35, 0x39, 0x2d, 0x31, 0x22, 0x3f, 0x3e, 0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]))
 * //=> { _tag: 'Right', right: '<?xml encoding="ISO-8859-1"?><a>é</a>' }
 * ```
 */
export const decodeXmlBytes = (bytes: Uint8Array): E.Either<SetUserError, string> => {
  if (bytes.length > MAX_MESSAGE_BYTES)
    return E.left(
      failure('limit', `a message of at most ${String(MAX_MESSAGE_BYTES)} bytes`, `${String(bytes.length)} bytes`),
    )
  const [b0, b1, b2] = bytes
  let label: string
  // a UTF-8 mark leaves no declaration at byte 0 and the decoder drops the mark, so without this test the
  // bytes are read as UTF-8 all the same (the other mutants of the line are killed: encoding.test.ts)
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: equivalent, see above
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) label = 'utf-8'
  else if (b0 === 0xff && b1 === 0xfe) label = 'utf-16le'
  else if (b0 === 0xfe && b1 === 0xff) label = 'utf-16be'
  else {
    // the declaration is ASCII in every encoding this reads; look at its first bytes only
    let head = ''
    for (let i = 0; i < Math.min(bytes.length, 200); i++) head += String.fromCharCode(bytes[i] ?? 0)
    label = ENCODING_DECLARATION.exec(head)?.[1] ?? 'utf-8'
  }
  try {
    return E.right(new TextDecoder(label, { fatal: true }).decode(bytes))
  } catch (thrown) {
    return E.left(
      failure(
        'document',
        `text in the declared encoding (${label})`,
        // Stryker disable next-line StringLiteral: equivalent, TextDecoder throws only Errors (TypeError, RangeError)
        thrown instanceof Error ? thrown.message : 'undecodable bytes',
      ),
    )
  }
}
