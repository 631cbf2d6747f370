/**
 * Walks over the codec tree and over values, for properties that talk about "every path".
 * Written here (not imported from `src/model/paths.ts`) so the meta-tests check the engine's
 * own path list against an independent walk.
 */
import type { ModelCodec } from 'webex-user-rules'

/** A leaf or list path of a codec, `[]` marking list items. */
export interface CodecPath {
  readonly path: string
  readonly codec: ModelCodec
}

const join = (prefix: string, key: string): string => (prefix === '' ? key : `${prefix}.${key}`)

/** Every leaf and list path of a codec (lists of structs also yield their items' paths). */
export const codecPaths = (codec: ModelCodec, prefix = ''): CodecPath[] => {
  switch (codec._tag) {
    case 'LeafType':
      return [{ path: prefix, codec }]
    case 'ListType':
      return [
        { path: prefix, codec },
        ...(codec.item._tag === 'StructType' ? codecPaths(codec.item, `${prefix}[]`) : []),
      ]
    case 'StructType':
      return Object.entries(codec.props).flatMap(([key, child]) => codecPaths(child, join(prefix, key)))
  }
}

/** The leaf and list paths of a codec that are not inside a list (the ones `valueAt` can read). */
export const structPaths = (codec: ModelCodec): CodecPath[] => codecPaths(codec).filter((p) => !p.path.includes('[]'))

type Obj = Readonly<Record<string, unknown>>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The value at a dotted path (no list items), `undefined` when absent. */
export const valueAt = (root: unknown, path: string): unknown => {
  let v: unknown = root
  for (const key of path.split('.')) v = isObj(v) && Object.hasOwn(v, key) ? v[key] : undefined
  return v
}

/** Is the dotted path present (every step an own property)? */
export const isPresent = (root: unknown, path: string): boolean => {
  let v: unknown = root
  for (const key of path.split('.')) {
    if (!isObj(v) || !Object.hasOwn(v, key)) return false
    v = v[key]
  }
  return true
}

/** The schema paths a value holds (leaves and lists; `[]` for items), in value order, without duplicates. */
export const presentPaths = (value: unknown, prefix = '', out: string[] = []): string[] => {
  if (Array.isArray(value)) {
    if (!out.includes(prefix)) out.push(prefix)
    for (const item of value) if (isObj(item)) presentPaths(item, `${prefix}[]`, out)
  } else if (isObj(value)) {
    for (const [key, child] of Object.entries(value)) presentPaths(child, join(prefix, key), out)
  } else if (!out.includes(prefix)) out.push(prefix)
  return out
}

/** Deep equality of JSON-like data (key order ignored). */
export const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]))
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a)
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]))
  }
  return false
}

/** A copy of an object with `value` set at a dotted path (containers created as needed). */
export const setAt = (root: Obj, path: string, value: unknown): Record<string, unknown> => {
  const [head = '', ...rest] = path.split('.')
  if (rest.length === 0) return { ...root, [head]: value }
  const child = root[head]
  return { ...root, [head]: setAt(isObj(child) ? child : {}, rest.join('.'), value) }
}

/** A copy of an object without the dotted path. */
export const deleteAt = (root: Obj, path: string): Record<string, unknown> => {
  const [head = '', ...rest] = path.split('.')
  if (!Object.hasOwn(root, head)) return { ...root }
  if (rest.length === 0) {
    const { [head]: _dropped, ...others } = root
    return others
  }
  const child = root[head]
  return isObj(child) ? { ...root, [head]: deleteAt(child, rest.join('.')) } : { ...root }
}
