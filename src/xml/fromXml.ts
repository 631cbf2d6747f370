/**
 * Element tree → plain value, driven by the codec tree (docs/spec.md §2: the JSON shape is the XML shape
 * by local element name). Nothing here is written per field: a struct's children are looked up
 * in `StructType.props`, a list's items come from `ListType.element` (a wrapper container such as
 * `meetingTypes` → `meetingType`) or are the repeated element itself (`personalTeleconf.account`),
 * and a leaf's text is read by its `LeafType.spec.kind`.
 *
 * What the XML form can get wrong is reported here (unknown or mis-cased elements, duplicated
 * single elements, attributes, text where children belong); what the values get wrong (types,
 * ranges, lengths, required elements) is left to the codec, which the caller runs afterwards, so
 * the messages are the codec's own.
 *
 * @module
 */
import { childPath, type Issue, MAX_REPORTED_ISSUES, type ModelCodec, type Path, suggestKey } from '../model/codec.js'
import type { XmlElement } from './document.js'

/** Marks an element whose content could not be mapped at all (already reported). */
const SKIP: unique symbol = Symbol('skip')

/** Attributes allowed on an element, by local name (namespace declarations never reach here). */
export type AllowedAttributes = ReadonlySet<string>
const NO_ATTRIBUTES: AllowedAttributes = new Set()

const describe = (element: XmlElement): string =>
  element.children.length > 0 ? `<${element.name}> with child elements` : element.text

/** Reports every attribute of `element` not in `allowed`. */
export const checkAttributes = (
  element: XmlElement,
  path: Path,
  issues: Issue[],
  allowed: AllowedAttributes = NO_ATTRIBUTES,
): void => {
  for (const [name, value] of element.attributes) {
    if (!allowed.has(name))
      issues.push({
        code: 'unknownElement',
        path: childPath(path, `@${name}`),
        expected: `no attribute "${name}" on <${element.name}>`,
        actual: value,
      })
  }
}

/** Groups children by local name, in order of first appearance. */
export const childrenByName = (element: XmlElement): ReadonlyMap<string, readonly XmlElement[]> => {
  const groups = new Map<string, XmlElement[]>()
  for (const child of element.children) {
    const group = groups.get(child.name)
    if (group === undefined) groups.set(child.name, [child])
    else group.push(child)
  }
  return groups
}

/** A single element that occurs more than once: reported, and the first occurrence is used. */
export const duplicated = (name: string, occurrences: readonly XmlElement[], path: Path, issues: Issue[]): void => {
  if (occurrences.length > 1)
    issues.push({
      code: 'tooMany',
      path,
      expected: `at most one <${name}> element`,
      actual: `${String(occurrences.length)} <${name}> elements`,
    })
}

/** An element that is not a child of `container` (with a "did you mean" for near misses). */
export const unknownElement = (
  element: XmlElement,
  containerName: string,
  known: readonly string[],
  path: Path,
  issues: Issue[],
): void => {
  // suggestions cost an edit distance per known name: only for the failures that get reported (D-S2)
  const suggestion = issues.length < MAX_REPORTED_ISSUES ? suggestKey(element.name, known) : undefined
  issues.push({
    code: 'unknownElement',
    path,
    expected: `no element "${element.name}" in ${containerName}`,
    actual: describe(element),
    ...(suggestion === undefined ? {} : { hint: `did you mean "${suggestion}"?` }),
  })
}

const INTEGER = /^[+-]?[0-9]+$/
const TRUE = /^true$/i
const FALSE = /^false$/i

/**
 * A leaf's text as the value its codec expects. Text that does not read as the kind is passed on
 * unchanged, so the codec reports it with its own message and the original text.
 */
const leafValue = (codec: ModelCodec & { readonly _tag: 'LeafType' }, text: string): unknown => {
  switch (codec.spec.kind) {
    case 'boolean':
      // D-X2: TRUE/true/FALSE/false (any case); not the xs:boolean 1/0, which Java's
      // Boolean.valueOf would silently read as false
      return TRUE.test(text) ? true : FALSE.test(text) ? false : text
    case 'integer': {
      // D-X3: digits with an optional sign only; no exponent, hex, or fraction
      if (!INTEGER.test(text)) return text
      const n = Number(text)
      return Number.isSafeInteger(n) ? n + 0 : text // `+ 0` turns -0 into 0
    }
    case 'string':
    case 'enum':
    case 'flags':
      // strings stay strings: PIN "0123" is "0123" (docs/spec.md §5)
      return text
  }
}

/**
 * Maps one element to the plain value `codec` describes, reporting form problems to `issues`.
 * Returns the value, or {@link SKIP} when the element's content cannot be read at all.
 */
export const elementValue = (
  codec: ModelCodec,
  element: XmlElement,
  path: Path,
  issues: Issue[],
): unknown /* the value, or SKIP */ => {
  checkAttributes(element, path, issues)
  switch (codec._tag) {
    case 'LeafType':
      if (element.children.length > 0) {
        issues.push({
          code: 'wrongType',
          path,
          expected: `${codec.name} (text, not child elements)`,
          actual: describe(element),
        })
        return SKIP
      }
      return leafValue(codec, element.text)
    case 'StructType':
      return structValue(codec, element, path, issues)
    case 'ListType':
      // a list is only ever reached through its struct (below), never as an element of its own
      return SKIP
  }
}

/** The children of an element, mapped onto a struct's props. */
export const structValue = (
  codec: ModelCodec & { readonly _tag: 'StructType' },
  element: XmlElement,
  path: Path,
  issues: Issue[],
): Record<string, unknown> | typeof SKIP => {
  if (element.text !== '') {
    issues.push({
      code: 'wrongType',
      path,
      expected: `${codec.name} (an element with children, not text)`,
      actual: element.text,
    })
    return SKIP
  }
  // keys are only ever names found in `codec.props`, so no inherited name can be assigned
  const out: Record<string, unknown> = {}
  for (const [name, occurrences] of childrenByName(element)) {
    // the codec's own key is written, not the name the parser made (D-PF-6)
    // Stryker disable next-line ObjectLiteral: equivalent, an unknown child is reported under its name, never its key
    const { key, codec: childCodec } = codec.child(name) ?? { key: name, codec: undefined }
    const [first] = occurrences
    // most children are one leaf with text only: nothing to report, so no path is built for it
    // Stryker disable next-line ConditionalExpression,StringLiteral,OptionalChaining,BlockStatement: equivalent, a shortcut: the general path below maps the same leaf to the same value (a group is never empty)
    if (childCodec?._tag === 'LeafType' && !occurrences[1] && first?.children.length === 0 && !first.attributes.size) {
      out[key] = leafValue(childCodec, first.text)
      continue
    }
    const childPathNode = childPath(path, name)
    if (childCodec === undefined) {
      // the known names only for an unknown element: every struct would otherwise list them
      const known = Object.keys(codec.props)
      for (const occurrence of occurrences) unknownElement(occurrence, codec.name, known, childPathNode, issues)
      continue
    }
    if (childCodec._tag === 'ListType') {
      const items = listItems(childCodec, name, occurrences, childPathNode, issues)
      if (items !== SKIP) out[key] = items
      continue
    }
    duplicated(name, occurrences, childPathNode, issues)
    if (first === undefined) continue
    const value = elementValue(childCodec, first, childPathNode, issues)
    if (value !== SKIP) out[key] = value
  }
  return out
}

/** The items of a list: the wrapper's repeated children, or the repeated elements themselves. */
const listItems = (
  codec: ModelCodec & { readonly _tag: 'ListType' },
  name: string,
  occurrences: readonly XmlElement[],
  path: Path,
  issues: Issue[],
): unknown[] | typeof SKIP => {
  const items: unknown[] = []
  const element = codec.element
  if (element === undefined) {
    // `<account>…</account><account>…</account>` inside a container with other children
    occurrences.forEach((occurrence, i) => {
      const value = elementValue(codec.item, occurrence, childPath(path, i), issues)
      if (value !== SKIP) items.push(value)
    })
    return items
  }
  // `<meetingTypes><meetingType>1</meetingType>…</meetingTypes>`; `<meetingTypes/>` is an empty list
  duplicated(name, occurrences, path, issues)
  const [wrapper] = occurrences
  if (wrapper === undefined) return SKIP
  checkAttributes(wrapper, path, issues)
  if (wrapper.text !== '') {
    issues.push({
      code: 'wrongType',
      path,
      expected: `${codec.name} (<${element}> elements, not text)`,
      actual: wrapper.text,
    })
    return SKIP
  }
  let index = 0
  for (const child of wrapper.children) {
    if (child.name !== element) {
      unknownElement(child, name, [element], childPath(path, child.name), issues)
      continue
    }
    const value = elementValue(codec.item, child, childPath(path, index), issues)
    index++
    if (value !== SKIP) items.push(value)
  }
  return items
}

export { SKIP }
