/**
 * A one-pass well-formedness check (XML 1.0 §2–§4, for documents without a DTD): the gate in
 * front of the parser, which is lenient about mis-nesting (`<a>1</b>` parses). It replaces
 * fast-xml-parser's `XMLValidator` on the request path: the validator is a second full pass that
 * cost as much as 40 % of parsing (docs/performance.md); this scan is a single `charCodeAt` loop.
 * The validator stays in the tests as an oracle (test/xml/wellFormed.test.ts): whatever this
 * accepts, it accepts.
 *
 * What it checks: the XML declaration only first; one root element with only comments, PIs and
 * whitespace around it; every start tag closed by its own end tag; names; attributes quoted,
 * without `<`, each name once per element; references only to the five predefined entities or to
 * XML characters; `]]>` only to end a CDATA section; comments without `--`; PI targets other than
 * `xml`. DOCTYPE and forbidden characters are refused before this runs (document.ts).
 *
 * @module
 */

const LT = 0x3c
const GT = 0x3e
const AMP = 0x26
const SLASH = 0x2f
const QUESTION = 0x3f
const BANG = 0x21
const EQUALS = 0x3d
const QUOT = 0x22
const APOS = 0x27

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d

// XML 1.0 NameStartChar / NameChar, with every non-ASCII character of the allowed ranges accepted
// (the document's characters were already checked against the Char production).
const isNameStart = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0x41 && c <= 0x5a) ||
  c === 0x5f ||
  c === 0x3a ||
  (c >= 0xc0 && c !== 0xd7 && c !== 0xf7)
const isNameChar = (c: number): boolean =>
  isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0xb7

const PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos'])

/** XML 1.0's Char production: may a character reference stand for this code point? */
export const isXmlChar = (cp: number): boolean =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  (cp >= 0x10000 && cp <= 0x10ffff)

/**
 * The most elements a message may have. The largest valid SetUser (every element, every list at
 * its bound, D-S1) has about 1,600; a parse costs per element, so more is refused in this pass,
 * before the parser runs.
 */
export const MAX_ELEMENTS = 4096

/** Why a document is not well-formed, with where. */
export interface WellFormedness {
  readonly message: string
  readonly index: number
  /** `reference`: an `&` that is not one of the five entities or an XML character reference. */
  readonly kind: 'structure' | 'reference'
}

class Scan {
  pos = 0
  constructor(readonly s: string) {}

  fail(message: string, index = this.pos, kind: WellFormedness['kind'] = 'structure'): WellFormedness {
    return { message, index, kind }
  }

  startsWith(literal: string): boolean {
    return this.s.startsWith(literal, this.pos)
  }

  skipSpace(): void {
    while (this.pos < this.s.length && isSpace(this.s.charCodeAt(this.pos))) this.pos++
  }

  /** Reads a Name at the position; returns it, or undefined when there is none. */
  name(): string | undefined {
    const start = this.pos
    if (start >= this.s.length || !isNameStart(this.s.charCodeAt(start))) return undefined
    this.pos++
    while (this.pos < this.s.length && isNameChar(this.s.charCodeAt(this.pos))) this.pos++
    return this.s.slice(start, this.pos)
  }

  /** At `&`: a reference (`&name;`, `&#digits;`, `&#xhex;`). */
  reference(): WellFormedness | undefined {
    const start = this.pos
    this.pos++
    let cp: number | undefined
    let name: string | undefined
    if (this.s.charCodeAt(this.pos) === 0x23 /* # */) {
      const hex = this.s.charCodeAt(this.pos + 1) === 0x78 /* x */
      const digits = hex ? /^[0-9a-fA-F]{1,8}/ : /^[0-9]{1,10}/
      const m = digits.exec(this.s.slice(this.pos + (hex ? 2 : 1), this.pos + 12))
      if (m === null) return this.fail('"&#" must start a character reference', start)
      cp = parseInt(m[0], hex ? 16 : 10)
      this.pos += (hex ? 2 : 1) + m[0].length
    } else {
      name = this.name()
      if (name === undefined) return this.fail('"&" must start a reference', start)
    }
    if (this.s.charCodeAt(this.pos) !== 0x3b /* ; */) return this.fail('a reference must end in ";"', start)
    this.pos++
    const text = this.s.slice(start, this.pos)
    if (cp !== undefined && !isXmlChar(cp))
      return this.fail(`the reference ${text} is not an XML character`, start, 'reference')
    if (name !== undefined && !PREDEFINED.has(name))
      return this.fail(`the entity ${text} is not declared`, start, 'reference')
    return undefined
  }

  /** `<!--` … `-->` at the position. */
  comment(): WellFormedness | undefined {
    const start = this.pos
    const end = this.s.indexOf('--', start + 4)
    if (end === -1) return this.fail('an unclosed comment', start)
    if (this.s.charCodeAt(end + 2) !== GT) return this.fail('"--" inside a comment', end)
    this.pos = end + 3
    return undefined
  }

  /** `<?target …?>` at the position; `declaration` allows the target `xml`. */
  processingInstruction(declaration: boolean): WellFormedness | undefined {
    const start = this.pos
    this.pos += 2
    const target = this.name()
    if (target === undefined) return this.fail('a processing instruction without a target', start)
    if (target.toLowerCase() === 'xml' && !declaration)
      return this.fail('an XML declaration that is not at the start', start)
    const end = this.s.indexOf('?>', this.pos)
    if (end === -1) return this.fail('an unclosed processing instruction', start)
    if (end > this.pos && !isSpace(this.s.charCodeAt(this.pos)))
      return this.fail('a malformed processing instruction', start)
    this.pos = end + 2
    return undefined
  }

  /** Comments, PIs and whitespace (outside the root element). */
  misc(): WellFormedness | undefined {
    for (;;) {
      this.skipSpace()
      if (this.startsWith('<!--')) {
        const failed = this.comment()
        if (failed !== undefined) return failed
      } else if (this.startsWith('<?')) {
        const failed = this.processingInstruction(false)
        if (failed !== undefined) return failed
      } else return undefined
    }
  }

  /** A start tag at `<`; returns its name and whether it closed itself. */
  startTag(): { readonly name: string; readonly empty: boolean } | WellFormedness {
    const start = this.pos
    this.pos++
    const name = this.name()
    if (name === undefined) return this.fail('a "<" that starts no element', start)
    let seen: Set<string> | undefined
    for (;;) {
      const before = this.pos
      this.skipSpace()
      const c = this.s.charCodeAt(this.pos)
      if (c === GT) {
        this.pos++
        return { name, empty: false }
      }
      if (c === SLASH && this.s.charCodeAt(this.pos + 1) === GT) {
        this.pos += 2
        return { name, empty: true }
      }
      if (this.pos === before) return this.fail(`a malformed start tag <${name}>`)
      const attribute = this.name()
      if (attribute === undefined) return this.fail(`a malformed attribute in <${name}>`)
      seen ??= new Set()
      if (seen.has(attribute)) return this.fail(`the attribute ${attribute} twice in <${name}>`)
      seen.add(attribute)
      this.skipSpace()
      if (this.s.charCodeAt(this.pos) !== EQUALS) return this.fail(`the attribute ${attribute} without a value`)
      this.pos++
      this.skipSpace()
      const quote = this.s.charCodeAt(this.pos)
      if (quote !== QUOT && quote !== APOS) return this.fail(`the attribute ${attribute} without quotes`)
      this.pos++
      for (;;) {
        if (this.pos >= this.s.length) return this.fail(`an unclosed attribute ${attribute}`)
        const v = this.s.charCodeAt(this.pos)
        if (v === quote) break
        if (v === LT) return this.fail(`"<" in the attribute ${attribute}`)
        if (v === AMP) {
          const failed = this.reference()
          if (failed !== undefined) return failed
        } else this.pos++
      }
      this.pos++
      const next = this.s.charCodeAt(this.pos)
      if (!isSpace(next) && next !== GT && next !== SLASH)
        return this.fail(`attributes of <${name}> without space between`)
    }
  }
}

/**
 * `undefined` when the document is well-formed; otherwise the first problem and its offset.
 *
 * @example
 * wellFormed('<a><b>1</b></a>') //=> undefined
 * wellFormed('<a><b>1</a></b>')?.message //=> 'the end tag </a> closes <b>'
 */
export const wellFormed = (xml: string): WellFormedness | undefined => {
  const scan = new Scan(xml)
  if (xml.charCodeAt(0) === 0xfeff) scan.pos = 1
  if (scan.startsWith('<?xml') && isSpace(xml.charCodeAt(scan.pos + 5))) {
    const failed = scan.processingInstruction(true)
    if (failed !== undefined) return failed
  }
  const before = scan.misc()
  if (before !== undefined) return before
  if (xml.charCodeAt(scan.pos) !== LT)
    return scan.fail(scan.pos >= xml.length ? 'no root element' : 'text before the root element')

  const open: string[] = []
  let elements = 0
  for (;;) {
    // at "<" of markup inside or starting the root
    const c1 = xml.charCodeAt(scan.pos + 1)
    if (c1 === SLASH) {
      const start = scan.pos
      scan.pos += 2
      const name = scan.name()
      scan.skipSpace()
      if (name === undefined || xml.charCodeAt(scan.pos) !== GT) return scan.fail('a malformed end tag', start)
      scan.pos++
      const expected = open.pop()
      if (expected !== name)
        return scan.fail(
          expected === undefined
            ? `the end tag </${name}> closes nothing`
            : `the end tag </${name}> closes <${expected}>`,
          start,
        )
    } else if (c1 === BANG) {
      if (scan.startsWith('<!--')) {
        const failed = scan.comment()
        if (failed !== undefined) return failed
      } else if (scan.startsWith('<![CDATA[') && open.length > 0) {
        const end = xml.indexOf(']]>', scan.pos + 9)
        if (end === -1) return scan.fail('an unclosed CDATA section')
        scan.pos = end + 3
      } else return scan.fail('a "<!" that starts no comment or CDATA section')
    } else if (c1 === QUESTION) {
      const failed = scan.processingInstruction(false)
      if (failed !== undefined) return failed
    } else {
      if (++elements > MAX_ELEMENTS) return scan.fail(`more than ${String(MAX_ELEMENTS)} elements`)
      const tag = scan.startTag()
      if ('message' in tag) return tag
      if (!tag.empty) open.push(tag.name)
    }
    if (open.length === 0) break
    // character data up to the next markup
    for (;;) {
      if (scan.pos >= xml.length) return scan.fail(`<${open[open.length - 1] ?? ''}> is not closed`)
      const c = xml.charCodeAt(scan.pos)
      if (c === LT) break
      if (c === AMP) {
        const failed = scan.reference()
        if (failed !== undefined) return failed
      } else if (c === GT && xml.charCodeAt(scan.pos - 1) === 0x5d && xml.charCodeAt(scan.pos - 2) === 0x5d) {
        return scan.fail('"]]>" outside a CDATA section')
      } else scan.pos++
    }
  }
  const after = scan.misc()
  if (after !== undefined) return after
  return scan.pos === xml.length ? undefined : scan.fail('content after the root element')
}
