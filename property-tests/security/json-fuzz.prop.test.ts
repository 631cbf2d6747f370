/**
 * Hostile JSON (issue 5 §1): whatever reaches `decodeSetUserRequest` or `applySetUser` — any value,
 * any JSON, objects keyed by the names that pollute prototypes, at every depth, with and without
 * null prototypes — the answer is an Either (never a throw), no global prototype is touched
 * (@fast-check/poisoning), and a success holds only schema keys as own properties.
 */
import fc from 'fast-check'
import { noPoisoning } from '../support/poisoning.js'
import { runs } from '../support/runs.js'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { applySetUser, decodeSetUserRequest, type ModelCodec, SetUserRequest, User } from 'webex-user-rules'

/** 10,000 runs per target (decodeSetUserRequest, applySetUser), split over the four kinds of input. */
const RUNS = runs(2_500)

/** The keys that have broken deep-merge code (research reliability-security §3), plus fast-check's own list. */
const DANGEROUS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'apply',
  'bind',
  'call',
  'length',
  'name',
  '__proto__.privilege',
]
const SCHEMA_KEYS = [
  'webExId',
  'privilege',
  'siteAdmin',
  'host',
  'body',
  'caller',
  'role',
  'phones',
  'PIN',
  'active',
  'meetingTypes',
]
const key = fc.oneof(fc.constantFrom(...DANGEROUS), fc.constantFrom(...SCHEMA_KEYS), fc.string({ maxLength: 6 }))
const hostileObject = fc.object({
  key,
  maxDepth: 4,
  withNullPrototype: true,
  withBigInt: true,
  withMap: true,
  withSet: true,
})

/** Hostile values shaped like a request, so the walk reaches deep before it fails. */
const hostileRequest = fc.record({
  caller: fc.oneof(hostileObject, fc.constant({ webExId: 'admin', role: 'siteAdmin' })),
  body: fc.oneof(
    hostileObject,
    hostileObject.map((o) => ({ ...o, webExId: 'jdoe' })),
    fc.constant(JSON.parse('{"webExId":"jdoe","__proto__":{"privilege":{"siteAdmin":true}}}') as unknown),
  ),
})

const site = {
  activeHostCount: 1,
  allowUserToChangeUserName: true,
  takenWebExIds: [],
  productIds: [1],
  controlHubManaged: true,
}
const user = { webExId: 'jdoe', privilege: { host: true } }

/** Every own key of a decoded value is an element of its codec, at every level. */
const onlySchemaKeys = (codec: ModelCodec, value: unknown): boolean => {
  switch (codec._tag) {
    case 'LeafType':
      return true
    case 'ListType':
      return Array.isArray(value) && value.every((item) => onlySchemaKeys(codec.item, item))
    case 'StructType': {
      if (typeof value !== 'object' || value === null) return false
      const proto: unknown = Object.getPrototypeOf(value)
      if (proto !== Object.prototype && proto !== null) return false
      return Reflect.ownKeys(value).every((k) => {
        if (typeof k !== 'string' || !Object.hasOwn(codec.props, k)) return false
        const child = codec.props[k]
        return child !== undefined && onlySchemaKeys(child, (value as Record<string, unknown>)[k])
      })
    }
  }
}

const total = <L, R>(run: () => E.Either<L, R>): E.Either<L, R> => {
  const result = run()
  noPoisoning()
  expect(E.isLeft(result) || E.isRight(result)).toBe(true)
  return result
}

describe('hostile JSON never throws, never pollutes, never lets unknown keys through', () => {
  const cases: [string, fc.Arbitrary<unknown>][] = [
    [
      'fc.anything',
      fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, withTypedArray: true }),
    ],
    ['fc.json', fc.json().map((s) => JSON.parse(s) as unknown)],
    ['dangerous keys at every depth', hostileObject],
    ['request-shaped with dangerous keys', hostileRequest],
  ]

  for (const [name, arbitrary] of cases) {
    it(`decodeSetUserRequest: ${name} (${String(RUNS)} runs)`, () => {
      fc.assert(
        fc.property(arbitrary, (input) => {
          const result = total(() => decodeSetUserRequest(input))
          if (E.isRight(result)) expect(onlySchemaKeys(SetUserRequest, result.right)).toBe(true)
        }),
        { numRuns: RUNS },
      )
    })

    it(`applySetUser with it as user, site and request: ${name} (${String(RUNS)} runs)`, () => {
      fc.assert(
        fc.property(arbitrary, fc.nat(2), (input, slot) => {
          const args: [unknown, unknown, unknown] = [
            user,
            site,
            { caller: { webExId: 'admin', role: 'siteAdmin' }, body: { webExId: 'jdoe' } },
          ]
          args[slot] = input
          const result = total(() => applySetUser(...(args as Parameters<typeof applySetUser>)))
          if (E.isRight(result)) expect(onlySchemaKeys(User, result.right.user)).toBe(true)
          // plain data never needs the safety net for readable-input failures (D-M4)
          if (E.isLeft(result) && result.left._tag === 'InvalidRequest')
            expect(result.left.failures.some((f) => f.expected === 'plain data (JSON values)')).toBe(false)
        }),
        { numRuns: RUNS },
      )
    })
  }

  it('the __proto__ smuggle is refused and pollutes nothing', () => {
    const request: unknown = JSON.parse(
      '{"caller":{"webExId":"jdoe","role":"host"},"body":{"webExId":"jdoe","__proto__":{"privilege":{"siteAdmin":true}},"constructor":{"prototype":{"x":1}}}}',
    )
    const result = applySetUser(user, site, request as never)
    expect(result).toMatchObject(
      E.left({ _tag: 'InvalidRequest', failures: [{ path: '__proto__' }, { path: 'constructor' }] }),
    )
    expect(({} as Record<string, unknown>)['privilege']).toBeUndefined()
    expect(({} as Record<string, unknown>)['x']).toBeUndefined()
    noPoisoning()
  })
})
