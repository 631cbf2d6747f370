/**
 * Value → XML, driven by the codec tree: the mirror of `fromXml.ts`. Children are written in the
 * order of `StructType.props` (the schema / GetUser order), booleans as lowercase `true`/`false`,
 * integers in decimal, strings escaped. Keys a codec does not know are never written.
 *
 * @module
 */
import type { ModelCodec } from '../model/codec.js'
import { isPlainObject } from '../model/plain.js'
import { FORBIDDEN_CHAR } from './document.js'

/** The prefix (with its colon, or `''`) for the children of a struct codec. */
export type PrefixOf = (parent: ModelCodec) => string

// Characters XML 1.0 cannot carry at all, not even as references: written as U+FFFD (D-X8).
const UNREPRESENTABLE = new RegExp(FORBIDDEN_CHAR.source, 'gu')

/** Escapes character data; `\r` is written as a reference so it survives line-end normalisation. */
export const escapeText = (s: string): string =>
  s
    .replace(UNREPRESENTABLE, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')

/** Escapes an attribute value (double-quoted). */
export const escapeAttribute = (s: string): string => escapeText(s).replace(/"/g, '&quot;')

const leafText = (value: unknown): string =>
  typeof value === 'boolean'
    ? String(value)
    : typeof value === 'number'
      ? String(value)
      : typeof value === 'string'
        ? escapeText(value)
        : ''

/**
 * The XML of one element named `name` (with `prefix`) holding `value` as `codec` describes it. An
 * empty container is written self-closed (`<use:tracking/>`), an empty string as
 * `<use:PIN></use:PIN>`, as the real GetUser response does.
 */
export const renderElement = (
  codec: ModelCodec,
  name: string,
  prefix: string,
  value: unknown,
  prefixOf: PrefixOf,
): string => {
  const tag = `${prefix}${name}`
  switch (codec._tag) {
    case 'LeafType':
      return `<${tag}>${leafText(value)}</${tag}>`
    case 'StructType': {
      const inner = renderChildren(codec, value, prefixOf)
      return inner === '' ? `<${tag}/>` : `<${tag}>${inner}</${tag}>`
    }
    case 'ListType': {
      const items = Array.isArray(value) ? (value as readonly unknown[]) : []
      const element = codec.element
      if (element === undefined)
        return items.map((item) => renderElement(codec.item, name, prefix, item, prefixOf)).join('')
      const inner = items.map((item) => renderElement(codec.item, element, prefix, item, prefixOf)).join('')
      return inner === '' ? `<${tag}/>` : `<${tag}>${inner}</${tag}>`
    }
  }
}

/** The children of a struct value, in the codec's order; absent children are not written. */
export const renderChildren = (codec: ModelCodec, value: unknown, prefixOf: PrefixOf): string => {
  if (codec._tag !== 'StructType' || !isPlainObject(value)) return ''
  const prefix = prefixOf(codec)
  let out = ''
  for (const [name, child] of Object.entries(codec.props)) {
    if (!Object.hasOwn(value, name)) continue
    const childValue = value[name]
    if (childValue === undefined) continue
    out += renderElement(child, name, prefix, childValue, prefixOf)
  }
  return out
}
