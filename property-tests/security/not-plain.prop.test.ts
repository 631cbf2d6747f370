/**
 * Issue 14: a getter, a setter or a non-enumerable property is not plain data, at any depth of the
 * request body, whether or not the object is frozen — the answer is the caller's InvalidRequest
 * naming that path (never a Right, a throw or an EngineDefect), the property's value never shown,
 * and a frozen object holding one is refused again on the next call (no identity trust, D-M6).
 */
import fc from 'fast-check'
import { runs } from '../support/runs.js'
import { describe, expect, it } from 'vitest'
import { applySetUser, type SetUserBody } from 'webex-user-rules'
import { adminBodyArb, siteArb, userArb } from 'webex-user-rules/testing'

const SECRET = 'not-plain-secret'
type Key = string | number

/** Every own property below `value`, as a key path (objects and lists, at any depth). */
const pathsOf = (value: unknown, prefix: readonly Key[] = []): (readonly Key[])[] => {
  if (typeof value !== 'object' || value === null) return []
  const keys: Key[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value)
  return keys.flatMap((k) => [[...prefix, k], ...pathsOf((value as Record<Key, unknown>)[k], [...prefix, k])])
}
const render = (path: readonly Key[]): string =>
  path.reduce<string>((out, k) => (typeof k === 'number' ? `${out}[${String(k)}]` : out === '' ? k : `${out}.${k}`), '')
const deepFreeze = (value: unknown): void => {
  if (typeof value !== 'object' || value === null) return
  for (const key of Object.getOwnPropertyNames(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key)
    if (d !== undefined && 'value' in d) deepFreeze(d.value)
  }
  Object.freeze(value)
}

const kinds = ['getter', 'setter', 'hidden'] as const

describe('issue 14: a property that is not plain data is InvalidRequest naming its path', () => {
  it(`any one property of a valid body turned into a getter, setter or non-enumerable property (${String(runs(1_000))} runs)`, () => {
    fc.assert(
      fc.property(
        adminBodyArb.filter((b) => pathsOf(b).length > 1),
        userArb,
        siteArb,
        fc.nat(),
        fc.constantFrom(...kinds),
        fc.boolean(),
        (generated: SetUserBody, user, site, pick, kind, frozen) => {
          const body = structuredClone(generated) as Record<Key, unknown>
          const paths = pathsOf(body).filter((p) => p[0] !== 'webExId')
          fc.pre(paths.length > 0)
          const path = paths[pick % paths.length] ?? []
          const parent = path.slice(0, -1).reduce<Record<Key, unknown>>((o, k) => o[k] as Record<Key, unknown>, body)
          const key = path.at(-1) ?? ''
          const value = parent[key]
          let reads = 0
          Object.defineProperty(
            parent,
            key,
            kind === 'getter'
              ? { enumerable: true, configurable: true, get: () => (reads++ === 0 ? value : SECRET) }
              : kind === 'setter'
                ? { enumerable: true, configurable: true, set: () => undefined }
                : { enumerable: false, configurable: true, writable: true, value: SECRET },
          )
          if (frozen) deepFreeze(body)
          const request = { caller: { webExId: 'admin', role: 'siteAdmin' as const }, body: body as SetUserBody }
          for (let call = 0; call < (frozen ? 2 : 1); call++) {
            const result = applySetUser(user, site, request)
            expect(result._tag).toBe('Left')
            if (result._tag === 'Right') return
            expect(result.left._tag).toBe('InvalidRequest')
            expect(result.left).toMatchObject({
              failures: expect.arrayContaining([
                expect.objectContaining({ source: 'body', path: render(path), expected: 'plain data (JSON values)' }),
              ]) as unknown,
            })
            expect(JSON.stringify(result.left)).not.toContain(SECRET)
          }
          expect(reads).toBe(0)
        },
      ),
      { numRuns: runs(1_000) },
    )
  })
})
