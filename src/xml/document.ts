/**
 * Reading untrusted XML into a small typed element tree (docs/spec.md §5). This is the only module that
 * touches the XML parser (saxes, a conformant XML 1.0 parser); everything after it works on
 * {@link XmlElement}s.
 *
 * Hardening, in order (docs/security.md):
 * 1. size: more than {@link MAX_MESSAGE_BYTES} UTF-8 bytes is refused before anything else;
 * 2. no DOCTYPE / ENTITY declaration anywhere, refused before parsing (removes the entity attack
 *    surface; saxes never expands declared entities either), and no unpaired high surrogate (saxes 6
 *    would read it with the unit after it);
 * 3. saxes checks everything XML 1.0 asks of a document without a DTD: only XML characters, names,
 *    nesting, quoted unique attributes, references to the five predefined entities or to XML
 *    characters only, one root, nothing but comments, PIs and whitespace around it (D-E3);
 * 4. while it parses: at most {@link MAX_ELEMENTS} elements, nesting at most {@link MAX_DEPTH}
 *    deep; the first problem stops the parse.
 *
 * Between 1 and 2, the fast path (`plainDocument.ts`, D-PF-6) reads the plain documents clients
 * send — a strict subset of what saxes accepts, with the same tree — and declines everything else,
 * every failure included, which then takes steps 2–4. So every failure is still saxes's.
 *
 * Every failure carries the document's line and column, which reach the wire `reason` (D-E1).
 * Element names never become keys of objects we build: the tree stores them as values, so
 * `<__proto__>` or `<constructor>` is just an unknown element (D-X6).
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { SaxesParser } from 'saxes'
import type { DecodeFailure } from '../errors/SetUserError.js'
import { isSecretName } from '../model/secrets.js'
import { readPlainDocument } from './plainDocument.js'
import { localName, NO_ATTRIBUTES, type OpenElement, trimText, type XmlElement } from './tree.js'

export type { XmlElement } from './tree.js'

/**
 * Largest message accepted, in UTF-8 bytes (docs/spec.md §5: 64 KiB).
 *
 * @category xml
 * @example
 * ```ts
 * import { MAX_MESSAGE_BYTES } from 'webex-user-rules/xml'
 * MAX_MESSAGE_BYTES //=> 65536
 * ```
 */
export const MAX_MESSAGE_BYTES = 65_536

/**
 * Deepest element nesting accepted; the root `message` is depth 1 (docs/spec.md §5).
 *
 * @category xml
 * @example
 * ```ts
 * import { MAX_DEPTH } from 'webex-user-rules/xml'
 * MAX_DEPTH //=> 16
 * ```
 */
export const MAX_DEPTH = 16

/**
 * The most elements a message may have. The largest valid SetUser (every element, every list at
 * its bound, D-S1) has about 1,600; a parse costs per element, so the parse stops at the first
 * element over the limit.
 */
export const MAX_ELEMENTS = 4096

/** A problem with the document itself; always reported with `source: 'message'`. */
export type DocumentFailure = Omit<DecodeFailure, 'source'>

const WELL_FORMED = 'well-formed XML'

const left = (failure: DocumentFailure): E.Either<readonly DocumentFailure[], never> => E.left([failure])

/** UTF-8 length of a string without allocating (unpaired surrogates count as the 3 bytes of U+FFFD). */
export const utf8ByteLength = (s: string): number => {
  let bytes = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      // past the end charCodeAt is NaN, no low surrogate: a high surrogate at the end counts 3 bytes
      const next = s.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/** 1-based line and column of a string index (lines end at LF; CR LF counts as one end). */
const positionOf = (s: string, index: number): { line: number; column: number } => {
  const before = s.slice(0, index)
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') }
}

const located = (
  code: DocumentFailure['code'],
  expected: string,
  message: string,
  at: { line: number; column: number },
): DocumentFailure => ({
  code,
  path: '',
  expected,
  actual: message,
  line: at.line,
  column: at.column,
})

// Characters XML 1.0 forbids (Char production): C0 controls except TAB/LF/CR, U+FFFE/U+FFFF, and
// surrogates that are not part of a pair. The renderer replaces them (toXml.ts); the parser
// refuses them on its own.
export const FORBIDDEN_CHAR =
  // eslint-disable-next-line no-control-regex -- matching the forbidden control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u

const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i

// a UTF-16 high surrogate not followed by a low one (no `u` flag: the regex reads code units)
const UNPAIRED_HIGH_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/

/** Why the parse stopped early; thrown from a handler and caught in {@link readDocument}. */
class Stop extends Error {
  constructor(readonly failure: DocumentFailure) {
    super(failure.expected)
  }
}

/** The state of one parse (parsing is synchronous, so one parser and one state serve every call). */
interface Build {
  xml: string
  stack: OpenElement[]
  root: XmlElement | undefined
  elements: number
  lastClosed: string
}

const build: Build = { xml: '', stack: [], root: undefined, elements: 0, lastClosed: '' }

// D-E1: inside a secret element (or closing one) the document's text may be the secret, so a
// failure there names no text, element or attribute found in the document; elsewhere it names
// element and attribute names only, never character data or references
const inSecret = (): boolean => build.stack.some((e) => isSecretName(e.name))

/** saxes's message → our wording (names the end tag and what it closes, like the old scanner). */
const describe = (message: string, parser: { readonly position: number }): { expected: string; message: string } => {
  // saxes puts the position first (`line:column: `, position: true); its wording may contain `: ` too
  let bare = message.slice(message.indexOf(': ') + 2).replace(/\.$/, '')
  if (bare === 'unexpected close tag' && !inSecret() && !isSecretName(build.lastClosed)) {
    const start = build.xml.lastIndexOf('</', parser.position - 1)
    // Stryker disable next-line Regex,OptionalChaining,StringLiteral: equivalent, the slice starts at the `</` the regex needs
    const name = /^<\/([^\s>]*)/.exec(build.xml.slice(start))?.[1] ?? ''
    return { expected: WELL_FORMED, message: `the end tag </${localName(name)}> closes <${build.lastClosed}>` }
  }
  // saxes names what it found after a colon (`unclosed tag: x`, `duplicate attribute: y`)
  if (inSecret()) bare = bare.replace(/:.*/, '')
  if (bare === 'undefined entity' || bare === 'malformed character entity')
    return { expected: `${WELL_FORMED} (declared entities only)`, message: bare }
  if (bare === 'disallowed character') return { expected: `${WELL_FORMED} (XML characters only)`, message: bare }
  if (bare === 'documents may contain only one root' || bare === 'text data outside of root node')
    return { expected: `${WELL_FORMED} with exactly one root element`, message: bare }
  return { expected: WELL_FORMED, message: bare }
}

const createParser = (): SaxesParser<{ xmlns: false; position: true }> => {
  // no namespace processing: prefixes are removed (their bindings are not checked, as before);
  // position tracking gives every failure its line and column: saxes counts the characters it has
  // read on the line, i.e. the 1-based column of the last one, and 0 at the start of a line (a
  // document ending after a line break), which is reported as column 1
  // Stryker disable next-line ObjectLiteral: equivalent, saxes's defaults are no namespaces and positions
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true })
  const at = (): { line: number; column: number } => ({ line: parser.line, column: Math.max(parser.column, 1) })
  parser.on('error', (error) => {
    const { expected, message } = describe(error.message, parser)
    throw new Stop(located('document', expected, message, at()))
  })
  // no `doctype` handler: readDocument refuses every `<!DOCTYPE` before saxes sees the document
  parser.on('opentag', (tag) => {
    const stack = build.stack
    if (++build.elements > MAX_ELEMENTS)
      throw new Stop(
        located(
          'limit',
          `at most ${String(MAX_ELEMENTS)} elements`,
          `more than ${String(MAX_ELEMENTS)} elements`,
          at(),
        ),
      )
    if (stack.length >= MAX_DEPTH)
      throw new Stop(
        located(
          'limit',
          `elements nested at most ${String(MAX_DEPTH)} deep`,
          `more than ${String(MAX_DEPTH)} levels`,
          at(),
        ),
      )
    let attributes = NO_ATTRIBUTES
    for (const name in tag.attributes) {
      // namespace declarations are not data (the parser used before dropped them too)
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue
      if (attributes === NO_ATTRIBUTES) attributes = new Map()
      // Stryker disable next-line StringLiteral: equivalent, every key for-in yields has a string value
      ;(attributes as Map<string, string>).set(localName(name), tag.attributes[name] ?? '')
    }
    stack.push({ name: localName(tag.name), attributes, children: [], text: '' })
  })
  parser.on('closetag', () => {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- saxes closes only what it opened
    const element = build.stack.pop()!
    build.lastClosed = element.name
    const parent = build.stack[build.stack.length - 1]
    if (parent === undefined) build.root = element
    else parent.children.push(element)
  })
  parser.on('text', (text) => {
    const top = build.stack[build.stack.length - 1]
    if (top !== undefined) top.text += trimText(text)
  })
  parser.on('cdata', (text) => {
    // saxes refuses CDATA outside the root element before it reports it
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- see above
    build.stack[build.stack.length - 1]!.text += text
  })
  return parser
}

// A UTF-16 unit is at most 3 UTF-8 bytes, so a string of fewer units cannot pass the limit.
// Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a shortcut: counting more strings changes no answer
const mayExceedInBytes = (units: number): boolean => units * 3 > MAX_MESSAGE_BYTES

// One parser for every document: saxes resets itself on `close()`. A parse stopped by a throw
// leaves it mid-document, so a fresh one replaces it then (failures are the rare path).
let parser = createParser()

/**
 * Reads a whole document: the checks above, then the one root element. Never throws; every
 * problem is a failure of the message, with its line and column.
 */
export const readDocument = (xml: string): E.Either<readonly DocumentFailure[], XmlElement> => {
  const tooLarge = sizeFailure(xml)
  if (tooLarge !== undefined) return tooLarge
  // the documents real clients send are read by the fast path, which declines every `<!` but a
  // comment or CDATA section (and one inside them), so it never reads a declaration; saxes reads
  // the rest and reports every failure (D-PF-6)
  const plain = readPlainDocument(xml, MAX_ELEMENTS, MAX_DEPTH)
  return plain === undefined ? readWithSaxes(xml) : E.right(plain)
}

// a string longer than the limit in UTF-16 units is longer in bytes too; counted exactly only
// when it could matter (every message would otherwise pay a pass over its text)
const sizeFailure = (xml: string): E.Either<readonly DocumentFailure[], never> | undefined =>
  xml.length > MAX_MESSAGE_BYTES || (mayExceedInBytes(xml.length) && utf8ByteLength(xml) > MAX_MESSAGE_BYTES)
    ? left({
        code: 'limit',
        path: '',
        expected: `a message of at most ${String(MAX_MESSAGE_BYTES)} bytes`,
        actual:
          xml.length > 4 * MAX_MESSAGE_BYTES
            ? `at least ${String(xml.length)} bytes`
            : `${String(utf8ByteLength(xml))} bytes`,
      })
    : undefined

/**
 * {@link readDocument} without its fast path: the size and declaration checks, then saxes. It reads
 * every document the fast path declines, failures included; the tests hold the fast path to it.
 */
export const readWithSaxes = (xml: string): E.Either<readonly DocumentFailure[], XmlElement> => {
  const tooLarge = sizeFailure(xml)
  if (tooLarge !== undefined) return tooLarge
  const declaration = DECLARATION.exec(xml)
  if (declaration !== null)
    return left(
      located(
        'document',
        'a message without DOCTYPE or ENTITY declarations',
        `<!${String(declaration[1])}`,
        positionOf(xml, declaration.index),
      ),
    )
  // saxes 6 reads a high surrogate and whatever unit follows it as one character, so an unpaired
  // one would pass and swallow the next `<`, `&` or quote; refused here, where saxes would refuse any
  // other character XML forbids (D-PF-6)
  const unpaired = UNPAIRED_HIGH_SURROGATE.exec(xml)
  if (unpaired !== null)
    return left(
      located(
        'document',
        `${WELL_FORMED} (XML characters only)`,
        'disallowed character',
        positionOf(xml, unpaired.index),
      ),
    )
  build.xml = xml
  build.stack = []
  build.root = undefined
  build.elements = 0
  // Stryker disable next-line StringLiteral: equivalent, saxes reports a wrong end tag after the closetag event, which sets it
  build.lastClosed = ''
  try {
    parser.write(xml).close()
  } catch (thrown) {
    parser = createParser()
    // Stryker disable next-line ConditionalExpression: equivalent, the handlers throw only Stop and saxes reports through them
    if (thrown instanceof Stop) return left(thrown.failure)
    throw thrown
    // the document and its open elements are released; every parse sets both anew before reading them
    // Stryker disable next-line BlockStatement: equivalent, memory only (see above)
  } finally {
    // Stryker disable next-line StringLiteral: equivalent, memory only (see above)
    build.xml = ''
    // Stryker disable next-line ArrayDeclaration: equivalent, memory only (see above)
    build.stack = []
  }
  // saxes refuses a document without a root ("document must contain a root element"), so a
  // document that closed without failing has one
  const root = build.root as XmlElement | undefined
  build.root = undefined
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- see above
  return E.right(root!)
}
