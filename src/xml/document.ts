/**
 * Reading untrusted XML into a small typed element tree (docs/spec.md §5). This is the only module that
 * touches fast-xml-parser; everything after it works on {@link XmlElement}s.
 *
 * Hardening, in order (research reliability-security §4.3):
 * 1. size: more than {@link MAX_MESSAGE_BYTES} UTF-8 bytes is refused before anything else;
 * 2. no DOCTYPE / ENTITY declaration anywhere (removes the entity attack surface, so the default
 *    decoding of `&amp;` can stay on);
 * 3. only XML characters (no C0 controls, no lone surrogates);
 * 4. our one-pass well-formedness check, `wellFormed` (the parser itself is lenient about
 *    mis-nesting; fast-xml-parser's `XMLValidator` is the test oracle of that check);
 * 5. the parser with values kept as text, namespace prefixes removed, its ordered output (every
 *    element its own node, in document order, so duplicates and one-item lists stay visible), and
 *    our own entity decoder (D-X5);
 * 6. exactly one root element, nesting at most {@link MAX_DEPTH} deep.
 *
 * Element names never become keys of objects we build: the tree stores them as values, so
 * `<__proto__>` or `<constructor>` is just an unknown element (D-X6).
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { XMLParser } from 'fast-xml-parser'
import type { DecodeFailure } from '../errors/SetUserError.js'
import { isXmlChar, wellFormed } from './wellFormed.js'

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

/** One element: local name (prefix removed), attributes by local name, children, and its text. */
export interface XmlElement {
  readonly name: string
  readonly attributes: ReadonlyMap<string, string>
  readonly children: readonly XmlElement[]
  /** Character data (entities decoded, CDATA kept verbatim), trimmed; `''` when there is none. */
  readonly text: string
}

/** A problem with the document itself; always reported with `source: 'message'`. */
export type DocumentFailure = Omit<DecodeFailure, 'source'>

const WELL_FORMED = 'well-formed XML'

const left = (failures: readonly DocumentFailure[]): E.Either<readonly DocumentFailure[], never> => E.left(failures)

const failure = (expected: string, actual: unknown, path = ''): DocumentFailure => ({ path, expected, actual })

/** UTF-8 length of a string without allocating (unpaired surrogates count as the 3 bytes of U+FFFD). */
export const utf8ByteLength = (s: string): number => {
  let bytes = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

const lineAndColumn = (s: string, index: number): string => {
  const before = s.slice(0, index)
  const line = before.split('\n').length
  const column = index - before.lastIndexOf('\n')
  return `line ${String(line)}, col ${String(column)}`
}

// Characters XML 1.0 forbids (Char production): C0 controls except TAB/LF/CR, U+FFFE/U+FFFF, and
// surrogates that are not part of a pair.
export const FORBIDDEN_CHAR =
  // eslint-disable-next-line no-control-regex -- matching the forbidden control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u

const DECLARATION = /<!\s*(DOCTYPE|ENTITY)/i

const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
])
const REFERENCE = /&([^;&\s<]{0,40})(;?)/g
const CHARACTER_REFERENCE = /^#(?:([0-9]{1,8})|x([0-9a-fA-F]{1,8}))$/

/** The text a reference stands for, or undefined when XML does not define it. */
const referenced = (name: string): string | undefined => {
  const predefined = PREDEFINED.get(name)
  if (predefined !== undefined) return predefined
  const numeric = CHARACTER_REFERENCE.exec(name)
  if (numeric === null) return undefined
  const [, dec, hex] = numeric
  const cp = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16)
  return isXmlChar(cp) ? String.fromCodePoint(cp) : undefined
}

/**
 * D-X5: one pass over the text, so `&amp;#65;` stays the text `&#65;`. The five predefined
 * entities and numeric character references are decoded (they are XML); anything else
 * (`&nbsp;`, `&#0;`) is not well-formed, since no DOCTYPE can declare it. A reference expands to
 * at most two UTF-16 units, so decoding never grows the text (CVE-2026-33036 does not apply).
 */
const createEntityDecoder = (problems: string[]) => ({
  setExternalEntities: (): void => undefined,
  addInputEntities: (): void => undefined,
  reset: (): void => undefined,
  setXmlVersion: (): void => undefined,
  decode: (text: string): string =>
    text.includes('&')
      ? text.replace(REFERENCE, (match, name: string, semicolon: string) => {
          const value = semicolon === '' ? undefined : referenced(name)
          if (value !== undefined) return value
          problems.push(semicolon === '' ? `"${match}": a "&" that starts no reference` : `the reference ${match}`)
          return match
        })
      : text,
})

// Element names that are properties of every object; the parser throws on three of them and
// renames others, so they are marked before it sees them and restored in our tree (D-X6).
const RESERVED_MARK = '!'
const RESERVED_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype'])
const isReservedName = (name: string): boolean => RESERVED_NAMES.has(name)

// One parser for every document: building the options costs more than parsing a small message.
// Parsing is synchronous, so the entity problems of one document are collected in one array that
// each parse empties first.
const entityProblems: string[] = []

const createParser = (problems: string[]): XMLParser =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true, // safe only because any DOCTYPE is refused before parsing
    // `htmlEntities` (deprecated) stays at its default, false: this decoder replaces the built-in
    // one, so HTML named entities are never decoded and numeric references are (D-X5)
    entityDecoder: createEntityDecoder(problems),
    // a backstop: the depth rule itself is checked on our tree (the parser allows one level more)
    maxNestedTags: MAX_DEPTH,
    // D-X4: the ordered node list, in document order: a duplicate is never merged and a one-item
    // list stays a list. It is also the parser's cheapest output (no conversion to a keyed
    // object, which cost about a tenth of parsing: docs/performance.md)
    preserveOrder: true,
    transformTagName: (name) => (isReservedName(name) ? RESERVED_MARK + name : name),
    // no callback here reads the path; without it the parser skips building path strings
    jPath: false,
  })

const parser = createParser(entityProblems)

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === 'object' && u !== null

const ATTRIBUTES = ':@'
const TEXT = '#text'
const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map()

/**
 * The parser's ordered nodes (`{ name: nodes, ':@': attributes }` or `{ '#text': text }`) → our
 * elements, appended to `into`; returns the nodes' text, concatenated.
 */
const toElements = (nodes: unknown, into: XmlElement[]): string => {
  let text = ''
  if (!Array.isArray(nodes)) return text
  for (const node of nodes as unknown[]) {
    if (!isRecord(node)) continue
    for (const key of Object.keys(node)) {
      if (key === TEXT) text += stringOf(node[key])
      else if (key !== ATTRIBUTES) into.push(toElement(key, node[key], node[ATTRIBUTES]))
    }
  }
  return text
}

/** One element: name restored, attributes by local name, children in document order. */
const toElement = (name: string, content: unknown, rawAttributes: unknown): XmlElement => {
  const restored = name.startsWith(RESERVED_MARK) ? name.slice(RESERVED_MARK.length) : name
  let attributes = NO_ATTRIBUTES
  if (isRecord(rawAttributes)) {
    const map = new Map<string, string>()
    for (const key of Object.keys(rawAttributes))
      if (key.startsWith('@_')) map.set(key.slice(2), stringOf(rawAttributes[key]))
    attributes = map
  }
  const children: XmlElement[] = []
  const text = toElements(content, children)
  return { name: restored, attributes, children, text }
}

const stringOf = (u: unknown): string => (typeof u === 'string' ? u : typeof u === 'number' ? String(u) : '')

const depthOf = (element: XmlElement, limit: number): number => {
  let deepest = 0
  for (const child of element.children) {
    deepest = Math.max(deepest, depthOf(child, limit))
    if (deepest >= limit) break
  }
  return deepest + 1
}

/**
 * Reads a whole document: the checks above, then the one root element. Never throws; every
 * problem is a failure of the message.
 */
export const readDocument = (xml: string): E.Either<readonly DocumentFailure[], XmlElement> => {
  // a string longer than the limit in UTF-16 units is longer in bytes too: refused, and counted
  // exactly only when that is cheap
  // exactly only when it could matter: a UTF-16 unit is at most 3 UTF-8 bytes
  if (xml.length > MAX_MESSAGE_BYTES || (xml.length * 3 > MAX_MESSAGE_BYTES && utf8ByteLength(xml) > MAX_MESSAGE_BYTES))
    return left([
      failure(
        `a message of at most ${String(MAX_MESSAGE_BYTES)} bytes`,
        xml.length > 4 * MAX_MESSAGE_BYTES
          ? `at least ${String(xml.length)} bytes`
          : `${String(utf8ByteLength(xml))} bytes`,
      ),
    ])
  const declaration = DECLARATION.exec(xml)
  if (declaration !== null)
    return left([
      failure(
        'a message without DOCTYPE or ENTITY declarations',
        `<!${declaration[1] ?? ''} at ${lineAndColumn(xml, declaration.index)}`,
      ),
    ])
  const forbidden = FORBIDDEN_CHAR.exec(xml)
  if (forbidden !== null)
    return left([
      failure(
        `${WELL_FORMED} (XML characters only)`,
        `U+${(forbidden[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} at ${lineAndColumn(xml, forbidden.index)}`,
      ),
    ])
  const malformed = wellFormed(xml)
  if (malformed !== undefined)
    return left([
      failure(
        malformed.kind === 'reference' ? `${WELL_FORMED} (declared entities only)` : WELL_FORMED,
        `${malformed.message} at ${lineAndColumn(xml, malformed.index)}`,
      ),
    ])
  const problems = entityProblems
  problems.length = 0
  let parsed: unknown
  try {
    parsed = parser.parse(xml)
  } catch (thrown) {
    // only the nesting backstop is known to throw here; anything else is reported the same way
    return left([failure(WELL_FORMED, thrown instanceof Error ? thrown.message : String(thrown))])
  }
  if (problems.length > 0) return left(problems.map((p) => failure(`${WELL_FORMED} (declared entities only)`, p)))
  const roots = toElement('', parsed, undefined)
  if (roots.children.length !== 1 || roots.text !== '')
    return left([
      failure(
        `${WELL_FORMED} with exactly one root element`,
        roots.children.length === 0
          ? 'no element'
          : roots.children.map((c) => `<${c.name}>`).join(', ') + (roots.text === '' ? '' : ' and text'),
      ),
    ])
  const [root] = roots.children
  if (root === undefined) return left([failure(`${WELL_FORMED} with exactly one root element`, 'no element')])
  if (depthOf(root, MAX_DEPTH + 1) > MAX_DEPTH)
    return left([failure(`elements nested at most ${String(MAX_DEPTH)} deep`, `more than ${String(MAX_DEPTH)} levels`)])
  return E.right(root)
}
