/**
 * Walks over the codec tree: the element paths a codec defines, and the paths a value holds.
 * Paths are written `a.b`, with `[]` for "any item of a list" (`videoSystems[].address`).
 *
 * @module
 */
import type { ModelCodec } from './codec.js'

/** A path where a value is written: a leaf, or a whole list (a present list replaces, R2). */
export interface WritablePath {
  readonly path: string
  readonly kind: 'leaf' | 'list'
}

const join = (prefix: string, key: string): string => (prefix === '' ? key : `${prefix}.${key}`)

/** Every leaf path and every list path a codec defines, in schema order. */
export const schemaPaths = (codec: ModelCodec, prefix = ''): WritablePath[] => {
  switch (codec._tag) {
    case 'LeafType':
      return [{ path: prefix, kind: 'leaf' }]
    case 'ListType':
      return [
        { path: prefix, kind: 'list' },
        ...(codec.item._tag === 'LeafType' ? [] : schemaPaths(codec.item, `${prefix}[]`)),
      ]
    case 'StructType':
      return Object.entries(codec.props).flatMap(([key, child]) => schemaPaths(child, join(prefix, key)))
  }
}

/**
 * Calls `visit` with the schema path of every leaf and list present in `value` (a value the
 * codec has already decoded). Costs O(size of `value`), not O(size of the schema).
 */
export const forEachPresentPath = (
  codec: ModelCodec,
  value: unknown,
  visit: (path: string) => void,
  prefix = '',
): void => {
  switch (codec._tag) {
    case 'LeafType':
      visit(prefix)
      return
    case 'ListType': {
      visit(prefix)
      if (codec.item._tag !== 'LeafType' && Array.isArray(value)) {
        const itemPrefix = `${prefix}[]`
        for (const item of value) forEachPresentPath(codec.item, item, visit, itemPrefix)
      }
      return
    }
    case 'StructType': {
      const record = value as Readonly<Record<string, unknown>>
      for (const key of Object.keys(record)) {
        const child = Object.hasOwn(codec.props, key) ? codec.props[key] : undefined
        if (child !== undefined) forEachPresentPath(child, record[key], visit, join(prefix, key))
      }
      return
    }
  }
}

/** `personalTeleconf.account[2].defaultFlag` → `personalTeleconf.account[].defaultFlag`. */
export const schemaPathOf = (path: string): string => path.replace(/\[\d+\]/g, '[]')
