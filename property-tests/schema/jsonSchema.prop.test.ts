/**
 * The shipped JSON Schemas (D-PG3) answer as the codecs do, checked with a standard validator
 * (ajv, JSON Schema 2020-12), for every schema shipped — the model, SetUser's and CreateUser's
 * requests, and the bodies of every other operation (GetUser, DelUser, ActivateUser /
 * InactivateUser, LstsummaryUser, AuthenticateUser, GetLoginTicket, GetloginurlUser /
 * GetlogouturlUser): every value generated from the codec tree validates, and every
 * near-valid value — one node of a valid value replaced by a wrong type, an out-of-range number,
 * a string over its limit, an unknown element, a missing required element, a list of the wrong
 * length — gets the same answer from the schema as from the codec.
 */
import { Ajv2020 } from 'ajv/dist/2020.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ModelCodec } from 'webex-user-rules'
import { rootSchema, SCHEMA_CODECS } from '../../src/schema/jsonSchema.js'
import { arbitraryOf } from 'webex-user-rules/testing'
import { counted } from '../support/cases.js'

const ajv = new Ajv2020({ strict: true, allErrors: false })
const validators = SCHEMA_CODECS.map(([name, codec, description]) => ({
  name,
  codec,
  validate: ajv.compile(rootSchema(name, codec, description)),
}))

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

/** A node of a value with the codec that describes it. */
interface Node {
  readonly path: readonly (string | number)[]
  readonly codec: ModelCodec
  readonly value: unknown
}

const nodesOf = (codec: ModelCodec, value: unknown, path: (string | number)[] = [], out: Node[] = []): Node[] => {
  out.push({ path, codec, value })
  if (codec._tag === 'StructType' && isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      const childCodec = codec.props[key]
      if (childCodec !== undefined) nodesOf(childCodec, child, [...path, key], out)
    }
  } else if (codec._tag === 'ListType' && Array.isArray(value)) {
    value.forEach((item: unknown, i) => nodesOf(codec.item, item, [...path, i], out))
  }
  return out
}

/** The value with the node at `path` replaced (`undefined` deletes a struct key). */
const replaceAt = (value: unknown, path: readonly (string | number)[], next: unknown): unknown => {
  const [head, ...rest] = path
  if (head === undefined) return next
  if (Array.isArray(value)) return value.map((item: unknown, i) => (i === head ? replaceAt(item, rest, next) : item))
  if (!isRecord(value)) return value
  const key = String(head)
  const child = replaceAt(value[key], rest, next)
  return Object.fromEntries([
    ...Object.entries(value).filter(([k]) => k !== key),
    ...(child === undefined ? [] : [[key, child] as const]),
  ])
}

/** Near-valid replacements of one node, by what the node's codec allows. */
const faultsOf = (node: Node): fc.Arbitrary<unknown> => {
  const { codec, value } = node
  const generic = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 5 }))
  switch (codec._tag) {
    case 'LeafType': {
      const spec = codec.spec
      switch (spec.kind) {
        case 'string':
          return fc.oneof(
            generic,
            fc.constant('z'.repeat(spec.maxLength + 1)),
            fc.constant('z'.repeat(spec.maxLength)),
            fc.constant('z'.repeat(Math.max(0, spec.minLength - 1))),
          )
        case 'integer':
          return fc.oneof(
            generic,
            fc.constantFrom(spec.min - 1, spec.max + 1, spec.min, spec.max, spec.min + 0.5, Number.NaN),
          )
        case 'enum':
          return fc.oneof(
            generic,
            fc.constantFrom(...spec.values.map((v) => v.toLowerCase()), ...spec.values.map((v) => `${v} `)),
          )
        case 'boolean':
          return fc.oneof(generic, fc.constantFrom('true', 'TRUE', 0, 1))
        case 'flags':
          return fc.oneof(generic, fc.constant({ a: 'yes' }), fc.constant({ a: true, b: 1 }), fc.constant([]))
      }
    }
    // eslint-disable-next-line no-fallthrough -- every inner case returns
    case 'ListType': {
      const items: readonly unknown[] = Array.isArray(value) ? value : []
      return fc.oneof(
        generic,
        fc.constant({}),
        fc.constant([]),
        fc.constant(Array.from({ length: Math.min(codec.maxItems + 1, 200) }, () => items[0] ?? null)),
        // one valid item too many, so the bound alone decides (an empty list has no item to repeat)
        ...(codec.maxItems < 200
          ? [fc.array(arbitraryOf(codec.item), { minLength: codec.maxItems + 1, maxLength: codec.maxItems + 1 })]
          : []),
        fc.constant([...items, null]),
      )
    }
    case 'StructType': {
      const record = isRecord(value) ? value : {}
      const keys = Object.keys(codec.props)
      return fc.oneof(
        generic,
        fc.constant([]),
        // an unknown or mis-cased element
        fc.constantFrom('unknownElement', ...keys.map((k) => k.toUpperCase())).map((k) => ({ ...record, [k]: true })),
        // a required element removed (or, for a struct without one, any element; an empty struct: none)
        ...(keys.length === 0
          ? []
          : [
              fc
                .constantFrom(...(codec.requiredKeys.length > 0 ? codec.requiredKeys : keys))
                .map((k) => Object.fromEntries(Object.entries(record).filter(([key]) => key !== k))),
            ]),
      )
    }
  }
}

describe('D-PG3 JSON Schema = codecs', () => {
  for (const { name, codec, validate } of validators) {
    it(`D-PG3 ${name}: every value generated from the codec validates`, () => {
      fc.assert(
        fc.property(
          arbitraryOf(codec),
          counted((value) => {
            expect(codec.is(value)).toBe(true)
            expect(validate(value), JSON.stringify(validate.errors)).toBe(true)
          }),
        ),
      )
    })

    it(`D-PG3 ${name}: a near-valid value gets the codec's answer from the schema`, () => {
      const mutant = arbitraryOf(codec).chain((value) => {
        const nodes = nodesOf(codec, value)
        return fc.integer({ min: 0, max: nodes.length - 1 }).chain((i) => {
          const node = nodes[i]
          if (node === undefined) return fc.constant(value)
          return faultsOf(node).map((next) => replaceAt(value, node.path, next))
        })
      })
      let refused = 0
      fc.assert(
        fc.property(
          mutant,
          counted((value) => {
            const byCodec = codec.is(value)
            if (!byCodec) refused += 1
            expect(validate(value), JSON.stringify(value)).toBe(byCodec)
          }),
        ),
      )
      // the faults really are faults most of the time (a fault can land on an equal value)
      expect(refused).toBeGreaterThan(0)
    })
  }
})
