/**
 * The element tree both readers of a document build (document.ts with saxes, plainDocument.ts on
 * its fast path, D-PF-6), and the text rules they share, so the two cannot drift apart.
 *
 * @module
 */

/** One element: local name (prefix removed), attributes by local name, children, and its text. */
export interface XmlElement {
  readonly name: string
  readonly attributes: ReadonlyMap<string, string>
  readonly children: readonly XmlElement[]
  /** Character data (references decoded, CDATA kept verbatim), trimmed; `''` when there is none. */
  readonly text: string
}

// Trimmed like String.prototype.trim, except CR: XML line-end normalisation turns every literal CR
// into LF, so a CR in parsed text was written as `&#13;` on purpose (the renderer does that so a
// value's CR survives) and is kept (D-E3). Up to U+0020, XML text can hold only TAB, LF, CR and
// space (VT and FF are not XML characters, not even as references), so those are compared; the
// regex is kept for the white space above U+00A0. Indentation between elements is most of a
// message's text, and the regex on a one-character string costs about ten times the comparisons.
const isTrimmed = (c: number): boolean => {
  if (c <= 0x20) return c === 0x20 || c === 0x0a || c === 0x09
  // Stryker disable next-line ConditionalExpression: equivalent, a shortcut: from U+0021 to U+009F (and for NaN, past the end) the regex finds no white space either
  if (c < 0xa0) return false
  return /\s/.test(String.fromCharCode(c))
}
export const trimText = (s: string): string => {
  // charCodeAt outside the string is NaN, no white space, so the first loop stops at the string's
  // end; the second stops at `start`, so white space only (the indentation between elements, most of
  // the text events) is read once, not twice
  let start = 0
  let end = s.length
  while (isTrimmed(s.charCodeAt(start))) start++
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a shortcut: past `start` the slice is '' anyway
  while (end > start && isTrimmed(s.charCodeAt(end - 1))) end--
  return s.slice(start, end)
}

// no colon: indexOf is -1, and the whole name is kept
export const localName = (name: string): string => name.slice(name.indexOf(':') + 1)

export const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map()

/** An element while it is being read; handed out as an {@link XmlElement} once closed. */
export interface OpenElement {
  readonly name: string
  readonly attributes: ReadonlyMap<string, string>
  readonly children: XmlElement[]
  text: string
}
