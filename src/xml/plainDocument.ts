/**
 * The fast path of {@link readDocument} (D-PF-6): a scanner for the plain documents real clients
 * send, which builds the same element tree as the saxes reader or declines.
 *
 * It accepts a strict subset of what saxes accepts and answers `undefined` for everything else:
 * any failure, and anything it does not handle itself (processing instructions, names outside
 * ASCII, a reference other than the five predefined entities and character references, a document
 * over the element or depth limit). readDocument then reads the document with saxes, so every
 * failure still gets saxes's checks, wording and position (D-E1); this module never reports one,
 * and so never names anything it read. `property-tests/xml/plainDocument.prop.test.ts` holds it to
 * that: on every document it reads, the tree is the saxes reader's.
 *
 * What it checks, as XML 1.0 asks (docs/spec.md §5): only XML characters (no C0 control but TAB,
 * LF and CR, no U+FFFE or U+FFFF, no unpaired surrogate) in text, attribute values, comments and
 * CDATA; names; `]]>` outside CDATA; `--` inside comments; whitespace between attributes; unique
 * attributes; `<` in attribute values; end tags matching; one root with only whitespace and
 * comments around it; the XML declaration. Line ends are normalised (CR LF and CR to LF; in attribute
 * values TAB, LF and CR to a space) in the literal text only, so `&#13;` stays a CR.
 *
 * @module
 */
import { NO_ATTRIBUTES, type OpenElement, trimText, type XmlElement } from './tree.js'

const TAB = 0x09
const LF = 0x0a
const CR = 0x0d
const SPACE = 0x20
const QUOTE = 0x22
const AMP = 0x26
const APOSTROPHE = 0x27
const DASH = 0x2d
const SLASH = 0x2f
const LT = 0x3c
const EQUALS = 0x3d
const COLON = 0x3a
const SEMICOLON = 0x3b
const GT = 0x3e
const BANG = 0x21
const DOT = 0x2e
const BRACKET = 0x5d

const isSpace = (c: number): boolean => c === SPACE || c === LF || c === TAB || c === CR

// ASCII names only (letters, `_` and `:` first; digits, `-` and `.` after): every name in the
// User service's schema, and a subset of XML's Name production; other names go to saxes
const isNameStart = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === COLON
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === DASH || c === DOT

/** Where the first colon of the name read by the last {@link nameEnd} is, or -1. */
let nameColon = -1

/** Where the name that starts at `start` (with a name start character) ends; sets {@link nameColon}. */
const nameEnd = (s: string, start: number): number => {
  let end = start
  nameColon = -1
  for (let c = s.charCodeAt(end); isNameChar(c); c = s.charCodeAt(++end))
    if (c === COLON && nameColon < 0) nameColon = end
  return end
}

/**
 * Where the XML character at `i` ends (1 or 2 units on), or -1 when it is not an XML character.
 * Only called for units from U+D800 on and for C0 controls: the callers let everything else pass.
 */
const charEnd = (s: string, i: number, c: number): number => {
  if (c < SPACE) return c === TAB || c === LF || c === CR ? i + 1 : -1
  if (c <= 0xdbff) {
    if (c < 0xd800) return i + 1
    const low = s.charCodeAt(i + 1)
    return low >= 0xdc00 && low <= 0xdfff ? i + 2 : -1
  }
  return c <= 0xdfff || c >= 0xfffe ? -1 : i + 1
}

/**
 * True when the content of a comment or CDATA section, `s[from, to)`, holds XML characters only and
 * no `<!`: readDocument refuses a DOCTYPE or ENTITY declaration anywhere, even there, and leaves
 * that refusal to the saxes reader.
 */
const plainContent = (s: string, from: number, to: number): boolean => {
  for (let i = from; i < to;) {
    const c = s.charCodeAt(i)
    if (c === LT && s.charCodeAt(i + 1) === BANG) return false
    if (c >= SPACE && c < 0xd800) i++
    else if ((i = charEnd(s, i, c)) < 0) return false
  }
  return true
}

const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
])
const DECIMAL = /^#[0-9]{1,10}$/
const HEX = /^#x[0-9a-fA-F]{1,8}$/

/** The longest reference read here: `&#x` and 8 hex digits, or `&#` and 10 decimal digits. */
const LONGEST_REFERENCE = 13

/** What the last scan produced (the decoded text or value, or the reference's character). */
let scanned = ''

/**
 * Reads the reference at `i` (an `&`) into {@link scanned}; answers the index after its `;`, or -1
 * for anything but a predefined entity or a character reference to an XML character.
 */
const readReference = (s: string, i: number): number => {
  // looked for only as far as the longest reference read here: never a scan of the rest
  const last = Math.min(i + LONGEST_REFERENCE, s.length - 1)
  let semicolon = i + 1
  while (semicolon <= last && s.charCodeAt(semicolon) !== SEMICOLON) semicolon++
  if (semicolon > last) return -1
  const body = s.slice(i + 1, semicolon)
  const entity = PREDEFINED.get(body)
  if (entity !== undefined) scanned = entity
  else {
    const hex = HEX.test(body)
    if (!hex && !DECIMAL.test(body)) return -1
    const code = hex ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
    const isChar =
      code >= SPACE
        ? code <= 0xd7ff || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
        : code === TAB || code === LF || code === CR
    if (!isChar) return -1
    scanned = String.fromCodePoint(code)
  }
  return semicolon + 1
}

const LINE_END = /\r\n?/g
const ATTRIBUTE_SPACE = /\r\n|[\t\n\r]/g

/** The literal text `s[start, end)`, its line ends replaced by `by` when `lineEnds` finds any there. */
const literal = (s: string, start: number, end: number, lineEnds: RegExp | undefined, by: string): string => {
  const chunk = s.slice(start, end)
  return lineEnds === undefined ? chunk : chunk.replace(lineEnds, by)
}

/**
 * Character data from `i` to the next `<` or the end, references decoded and literal line ends
 * normalised, into {@link scanned} (`''` when it is white space only, which trimming would leave
 * empty). Outside the root (`inRoot` false) only white space is allowed. Answers where it stopped,
 * or -1 to decline.
 */
const scanText = (s: string, i: number, inRoot: boolean): number => {
  let text = ''
  let start = i
  let lineEnds = false
  let content = false
  const length = s.length
  for (; i < length;) {
    const c = s.charCodeAt(i)
    if (c === LT) break
    if (c <= SPACE) {
      if (c === SPACE || c === LF || c === TAB) i++
      else if (c === CR) {
        lineEnds = true
        i++
      } else return -1
      continue
    }
    if (!inRoot) return -1
    content = true
    if (c === AMP) {
      text += literal(s, start, i, lineEnds ? LINE_END : undefined, '\n')
      lineEnds = false
      if ((i = readReference(s, i)) < 0) return -1
      text += scanned
      start = i
    } else if (c === BRACKET) {
      if (s.charCodeAt(i + 1) === BRACKET && s.charCodeAt(i + 2) === GT) return -1
      i++
    } else if (c < 0xd800) i++
    else if ((i = charEnd(s, i, c)) < 0) return -1
  }
  if (!content) scanned = ''
  else scanned = text + literal(s, start, i, lineEnds ? LINE_END : undefined, '\n')
  return i
}

/**
 * An attribute value from `i` (after its opening quote) to the closing `quote`, references decoded
 * and literal TAB, LF and CR (CR LF as one) made spaces, into {@link scanned}. Answers the index
 * after the closing quote, or -1 to decline.
 */
const scanValue = (s: string, i: number, quote: number): number => {
  let value = ''
  let start = i
  let spaces = false
  for (;;) {
    const c = s.charCodeAt(i)
    if (c === quote) break
    if (c === AMP) {
      value += literal(s, start, i, spaces ? ATTRIBUTE_SPACE : undefined, ' ')
      spaces = false
      if ((i = readReference(s, i)) < 0) return -1
      value += scanned
      start = i
    } else if (c === LT || Number.isNaN(c)) return -1
    else if (c > SPACE && c < 0xd800) i++
    else if (c === SPACE) i++
    else {
      if (c === TAB || c === LF || c === CR) spaces = true
      if ((i = charEnd(s, i, c)) < 0) return -1
    }
  }
  scanned = value + literal(s, start, i, spaces ? ATTRIBUTE_SPACE : undefined, ' ')
  return i + 1
}

// version 1.0 only (1.1 has other character rules), encoding names as XML writes them, standalone
const XML_DECLARATION =
  /<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.0"|'1\.0')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*\?>/y

const CDATA_OPEN = '<![CDATA['

/**
 * The document's root element, built exactly as the saxes reader builds it, or `undefined` when
 * the document is not one this scanner reads (then saxes reads it, failures included).
 * `maxElements` and `maxDepth` are readDocument's limits: a document over either is declined, so
 * that saxes reports where.
 */
export const readPlainDocument = (xml: string, maxElements: number, maxDepth: number): XmlElement | undefined => {
  const open: OpenElement[] = []
  // where each open element's qualified name starts and ends in the document, for its end tag
  const openStarts: number[] = []
  const openEnds: number[] = []
  let root: XmlElement | undefined
  let elements = 0
  // a byte order mark is not part of the document
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0
  if (xml.startsWith('<?xml', i)) {
    XML_DECLARATION.lastIndex = i
    if (!XML_DECLARATION.test(xml)) return undefined
    i = XML_DECLARATION.lastIndex
  }
  for (;;) {
    const top = open[open.length - 1]
    if ((i = scanText(xml, i, top !== undefined)) < 0) return undefined
    if (top !== undefined && scanned !== '') top.text += trimText(scanned)
    if (i >= xml.length) break
    // at a `<`
    const c = xml.charCodeAt(i + 1)
    if (isNameStart(c)) {
      if ((root !== undefined && top === undefined) || ++elements > maxElements || open.length >= maxDepth)
        return undefined
      let j = nameEnd(xml, i + 1)
      const nameStart = i + 1
      const nameStop = j
      // the local name: the prefix, up to the first colon, is dropped (as in the saxes reader)
      const local = xml.slice(nameColon < 0 ? nameStart : nameColon + 1, j)
      let attributes = NO_ATTRIBUTES
      let seen: string[] | undefined
      let closes: boolean
      for (;;) {
        let d = xml.charCodeAt(j)
        const spaced = isSpace(d)
        while (isSpace(d)) d = xml.charCodeAt(++j)
        if (d === GT) {
          closes = false
          j++
          break
        }
        if (d === SLASH) {
          if (xml.charCodeAt(j + 1) !== GT) return undefined
          closes = true
          j += 2
          break
        }
        if (!spaced || !isNameStart(d)) return undefined
        const attributeStart = j
        j = nameEnd(xml, j)
        const attribute = xml.slice(attributeStart, j)
        const attributeLocal = nameColon < 0 ? attribute : attribute.slice(nameColon - attributeStart + 1)
        while (isSpace((d = xml.charCodeAt(j)))) j++
        if (d !== EQUALS) return undefined
        while (isSpace((d = xml.charCodeAt(++j))));
        if (d !== QUOTE && d !== APOSTROPHE) return undefined
        if ((j = scanValue(xml, j + 1, d)) < 0) return undefined
        if (seen === undefined) seen = [attribute]
        else if (seen.includes(attribute)) return undefined
        else seen.push(attribute)
        // namespace declarations are not data (as in the saxes reader)
        if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) continue
        if (attributes === NO_ATTRIBUTES) attributes = new Map()
        ;(attributes as Map<string, string>).set(attributeLocal, scanned)
      }
      const element: OpenElement = { name: local, attributes, children: [], text: '' }
      if (closes) {
        if (top === undefined) root = element
        else top.children.push(element)
      } else {
        open.push(element)
        openStarts.push(nameStart)
        openEnds.push(nameStop)
      }
      i = j
    } else if (c === SLASH) {
      const nameStart = openStarts.pop()
      if (nameStart === undefined) return undefined
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- openEnds moves with openStarts
      const nameStop = openEnds.pop()!
      let j = i + 2
      // compared with the start tag's name in place: no string is made for an end tag
      for (let k = nameStart; k < nameStop; k++, j++) if (xml.charCodeAt(k) !== xml.charCodeAt(j)) return undefined
      let d = xml.charCodeAt(j)
      // the name must end here: `</ab>` does not close `<a>`
      while (isSpace(d)) d = xml.charCodeAt(++j)
      if (d !== GT) return undefined
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- openStarts and open move together
      const element = open.pop()!
      const parent = open[open.length - 1]
      if (parent === undefined) root = element
      else parent.children.push(element)
      i = j + 1
    } else if (c === BANG) {
      if (xml.charCodeAt(i + 2) === DASH && xml.charCodeAt(i + 3) === DASH) {
        // a comment: no `--` inside, so the first `--` must be the one that closes it
        const end = xml.indexOf('--', i + 4)
        if (end < 0 || xml.charCodeAt(end + 2) !== GT || !plainContent(xml, i + 4, end)) return undefined
        i = end + 3
      } else if (top !== undefined && xml.startsWith(CDATA_OPEN, i)) {
        const from = i + CDATA_OPEN.length
        const end = xml.indexOf(']]>', from)
        if (end < 0 || !plainContent(xml, from, end)) return undefined
        const data = xml.slice(from, end)
        top.text += data.includes('\r') ? data.replace(LINE_END, '\n') : data
        i = end + 3
      } else return undefined
      // a processing instruction, or anything else after `<`, is saxes's to read
    } else return undefined
  }
  // an element still open means no root was closed: a closed root accepts no element after it
  return root
}
