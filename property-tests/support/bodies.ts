/**
 * Minimal request bodies that hold one given schema path (and what the schema requires around
 * it), with a value every rule accepts. Used to enumerate R11 over every path of the model.
 */
import type { ModelCodec } from 'webex-user-rules'
import { codecAt } from 'webex-user-rules/testing'

type Obj = Record<string, unknown>

const LEAF_VALUES: Readonly<Record<string, unknown>> = {
  webExId: 'jdoe',
  newWebExId: 'fresh.name',
  'phones.PIN': '4826',
  'personalMeetingRoom.hostPIN': '4826',
  'videoSystems[].address': 'sip:room@example.com',
  'personalMeetingRoom.alternateHost.hosts[].email': 'alt@example.com',
  email: 'jdoe@example.com',
  email2: 'jdoe@example.org',
  'supportCenter.orderTabs': ['Tools', 'Desktop', 'Application', 'Session'],
  'salesCenter.smeInfo.products': [120],
}

/** A value of the codec at `path` that every rule accepts. */
export const acceptedValue = (codec: ModelCodec, path: string): unknown => {
  if (Object.hasOwn(LEAF_VALUES, path)) return LEAF_VALUES[path]
  switch (codec._tag) {
    case 'LeafType': {
      const spec = codec.spec
      switch (spec.kind) {
        case 'string':
          return 'v'.repeat(Math.max(1, spec.minLength))
        case 'boolean':
          return false
        case 'integer':
          return Math.min(Math.max(1, spec.min), spec.max)
        case 'enum':
          return spec.values[0]
        case 'flags':
          return {}
      }
      break
    }
    case 'ListType':
      return codec.item._tag === 'LeafType' ? [acceptedValue(codec.item, `${path}[]`)] : []
    case 'StructType':
      return Object.fromEntries(
        codec.requiredKeys.map((key) => {
          const child = codec.props[key]
          const childPath = path === '' ? key : `${path}.${key}`
          return [key, child === undefined ? undefined : acceptedValue(child, childPath)]
        }),
      )
  }
}

/**
 * A body (of `root`) holding the schema path `path`: `tspAccount[].custom1` becomes
 * `{ webExId, tspAccount: [{ accountIndex: 1, custom1: 'v' }] }`.
 */
export const bodyWith = (root: ModelCodec, path: string): Obj => {
  const parts = path.split('.')
  const build = (codec: ModelCodec, index: number, prefix: string): unknown => {
    if (index === parts.length) return acceptedValue(codec, prefix)
    const part = parts[index] ?? ''
    const name = part.endsWith('[]') ? part.slice(0, -2) : part
    const childPath = prefix === '' ? name : `${prefix}.${name}`
    const base = (acceptedValue(codec, prefix) ?? {}) as Obj
    if (part.endsWith('[]')) {
      const item = codecAt(root, `${childPath}[]`)
      return { ...base, [name]: [build(item, index + 1, `${childPath}[]`)] }
    }
    return { ...base, [name]: build(codecAt(root, childPath), index + 1, childPath) }
  }
  return { webExId: 'jdoe', ...(build(root, 0, '') as Obj) }
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Merges two bodies built by `bodyWith` (lists merge item by item). */
export const mergeBodies = (a: unknown, b: unknown): unknown => {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length === 0) return b
    if (b.length === 0) return a
    return a.map((item: unknown, i) => mergeBodies(item, b[i]))
  }
  if (isObj(a) && isObj(b)) {
    const out: Obj = { ...a }
    for (const [key, value] of Object.entries(b)) out[key] = Object.hasOwn(a, key) ? mergeBodies(a[key], value) : value
    return out
  }
  return b === undefined ? a : b
}
