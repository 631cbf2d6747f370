/**
 * Arbitraries derived from the codec tree, so every element of the model is generated — not a
 * hand-picked few. A `Shape` biases the generic derivation: arbitraries that replace it at given
 * schema paths, how often an optional element is present, and which paths may appear at all.
 *
 * Paths are schema paths: `a.b`, with `[]` for "any item of a list" (`videoSystems[].address`).
 */
import fc from 'fast-check'
import type { LeafSpec, ModelCodec } from '../index.js'

/** How to bias the derivation. */
export interface Shape {
  /** Arbitraries that replace the derived one at a schema path. */
  readonly at?: Readonly<Record<string, fc.Arbitrary<unknown>>>
  /** The probability (0..1) that an optional element at `path` is present. */
  readonly presence?: (path: string) => number
  /** Only leaf and list paths for which this is true are generated (structs left empty are dropped). */
  readonly include?: (path: string) => boolean
}

const join = (prefix: string, key: string): string => (prefix === '' ? key : `${prefix}.${key}`)

/** The codec at a schema path below `root` (`tspAccount[]` is the item codec of `tspAccount`). */
export const codecAt = (root: ModelCodec, path: string): ModelCodec => {
  let codec = root
  for (const part of path.split('.')) {
    const name = part.endsWith('[]') ? part.slice(0, -2) : part
    if (codec._tag !== 'StructType') throw new Error(`no struct at ${path}`)
    const child = codec.props[name]
    if (child === undefined) throw new Error(`no element ${name} in ${path}`)
    codec = child
    if (part.endsWith('[]')) {
      if (codec._tag !== 'ListType') throw new Error(`no list at ${path}`)
      codec = codec.item
    }
  }
  return codec
}

/** Does the codec at `path` hold any path that `include` accepts? */
const hasIncluded = (codec: ModelCodec, path: string, include: (path: string) => boolean): boolean => {
  switch (codec._tag) {
    case 'LeafType':
      return include(path)
    case 'ListType':
      return include(path)
    case 'StructType':
      return Object.entries(codec.props).some(([key, child]) => hasIncluded(child, join(path, key), include))
  }
}

/** A short string within the leaf's limits; now and then exactly at the limit. */
const stringArb = (minLength: number, maxLength: number): fc.Arbitrary<string> => {
  const short = fc.string({ minLength, maxLength: Math.min(maxLength, Math.max(minLength, 10)) })
  return fc.oneof(
    { arbitrary: short, weight: 30 },
    { arbitrary: fc.constant('x'.repeat(maxLength)), weight: 1 },
    { arbitrary: fc.constant('y'.repeat(minLength)), weight: 1 },
  )
}

const integerArb = (min: number, max: number): fc.Arbitrary<number> => {
  if (max - min <= 1000) return fc.integer({ min, max })
  return fc.oneof(
    { arbitrary: fc.integer({ min: Math.max(min, -5), max: Math.min(max, 1000) }), weight: 8 },
    { arbitrary: fc.constantFrom(min, max), weight: 1 },
    { arbitrary: fc.integer({ min, max }), weight: 1 },
  )
}

/** The generic arbitrary of a leaf. */
export const leafArb = (spec: LeafSpec): fc.Arbitrary<unknown> => {
  switch (spec.kind) {
    case 'string':
      return stringArb(spec.minLength, spec.maxLength)
    case 'boolean':
      return fc.boolean()
    case 'integer':
      return integerArb(spec.min, spec.max)
    case 'enum':
      return fc.constantFrom(...spec.values)
    case 'flags':
      return fc.dictionary(fc.string({ maxLength: 12 }), fc.boolean(), { maxKeys: 4 })
  }
}

const ABSENT: unique symbol = Symbol('absent')

/** `arb`, or absent with probability `1 - p` (shrinks towards absent). */
const maybe = (arb: fc.Arbitrary<unknown>, p: number): fc.Arbitrary<unknown> => {
  const present = Math.round(p * 100)
  if (present >= 100) return arb
  if (present <= 0) return fc.constant(ABSENT)
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: fc.constant(ABSENT), weight: 100 - present },
    { arbitrary: arb, weight: present },
  )
}

/** Builds a record from per-key arbitraries, dropping absent keys; keys stay in schema order. */
export const sparseRecord = (entries: readonly (readonly [string, fc.Arbitrary<unknown>])[]): fc.Arbitrary<object> =>
  fc.tuple(...entries.map(([, arb]) => arb)).map((values) => {
    const out: Record<string, unknown> = {}
    values.forEach((value, i) => {
      const key = entries[i]?.[0]
      if (key !== undefined && value !== ABSENT) out[key] = value
    })
    return out
  })

/**
 * The arbitrary of `codec` (at schema path `path`), biased by `shape`. Every element the codec
 * defines can appear; required elements always do.
 */
export const arbitraryOf = (codec: ModelCodec, shape: Shape = {}, path = ''): fc.Arbitrary<unknown> => {
  const override = shape.at?.[path]
  if (override !== undefined) return override
  switch (codec._tag) {
    case 'LeafType':
      return leafArb(codec.spec)
    case 'ListType':
      return fc.array(arbitraryOf(codec.item, shape, `${path}[]`), { minLength: codec.minItems, maxLength: 3 })
    case 'StructType': {
      const include = shape.include
      const entries = Object.entries(codec.props)
        .filter(([key, child]) => include === undefined || hasIncluded(child, join(path, key), include))
        .map(([key, child]): [string, fc.Arbitrary<unknown>] => {
          const childPath = join(path, key)
          const arb = arbitraryOf(child, shape, childPath)
          return [
            key,
            codec.requiredKeys.includes(key)
              ? arb
              : maybe(arb, shape.presence === undefined ? 0.5 : shape.presence(childPath)),
          ]
        })
      return sparseRecord(entries)
    }
  }
}
