/**
 * Error paths from near-valid inputs: a valid scenario (one the reference model accepts) with one
 * fault fails with exactly that fault's error; with two faults, the one checked first in docs/spec.md §4
 * decides; malformed values and mis-cased elements are `InvalidRequest`s naming their path.
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applySetUser,
  INVALID_PIN_REASON,
  type LeafSpec,
  type SetUserBody,
  SetUserBody as SetUserBodyCodec,
} from 'webex-user-rules'
import { codecAt } from 'webex-user-rules/testing'
import { FAULTS } from 'webex-user-rules/testing'
import { adminScenarioArb, type Scenario } from 'webex-user-rules/testing'
import { modelSetUser } from '../model/reference.js'
import { countCase, counted } from '../support/cases.js'
import { deepFreeze } from 'webex-user-rules/testing'
import { presentPaths, setAt } from '../support/paths.js'
import { project } from '../support/project.js'
import { runs } from '../support/runs.js'

/** An admin scenario the reference model accepts. */
const validScenario = adminScenarioArb.filter((s) => modelSetUser(s.user, s.site, s.request)._tag === 'Right')
const run = (s: Scenario) => applySetUser(deepFreeze(s.user), deepFreeze(s.site), deepFreeze(s.request))

describe('near-valid requests', () => {
  it('§4 one fault ⇒ exactly its error (engine and model agree on the details)', () => {
    fc.assert(
      fc.property(
        validScenario,
        fc.constantFrom(...FAULTS),
        fc.nat(),
        counted((s, fault, pick) => {
          const broken = fault.apply(s, pick)
          const outcome = run(broken)
          if (E.isRight(outcome)) expect.fail(`${fault.name}: accepted`)
          expect(outcome.left._tag, fault.name).toBe(fault.tag)
          expect(project(outcome)).toEqual(modelSetUser(broken.user, broken.site, broken.request))
        }),
      ),
      { numRuns: runs(3000) },
    )
  })

  it('§4 two faults ⇒ the error of the check that runs first (authorization before validation before site-wide checks)', () => {
    fc.assert(
      fc.property(validScenario, fc.constantFrom(...FAULTS), fc.constantFrom(...FAULTS), fc.nat(), (s, a, b, pick) => {
        fc.pre(a.stage !== b.stage && a.composable !== false && b.composable !== false)
        countCase()
        const [first, later] = a.stage < b.stage ? [a, b] : [b, a]
        const broken = first.apply(later.apply(s, pick), pick)
        const outcome = run(broken)
        if (E.isRight(outcome)) expect.fail(`${first.name} + ${later.name}: accepted`)
        expect(outcome.left._tag, `${first.name} before ${later.name}`).toBe(first.tag)
      }),
      { numRuns: runs(2000) },
    )
  })

  const wrongValue = (spec: LeafSpec): unknown[] => {
    switch (spec.kind) {
      case 'string':
        return [42, true, null, 'x'.repeat(spec.maxLength + 1), ...(spec.minLength > 0 ? [''] : [])]
      case 'boolean':
        return ['TRUE', 1, null]
      case 'integer':
        return ['1', 1.5, spec.min - 1, spec.max + 1, null].filter((v) => typeof v !== 'number' || Number.isFinite(v))
      case 'enum':
        return ['bogus', (spec.values[0] ?? '').toLowerCase(), 0].filter(
          (v) => typeof v !== 'string' || !spec.values.includes(v),
        )
      case 'flags':
        return [[]]
    }
  }

  it('decode: a value of the wrong type or out of range at any sent element ⇒ InvalidRequest naming exactly that path (an over-long PIN: InvalidPin, D-F1)', () => {
    fc.assert(
      fc.property(
        validScenario,
        fc.nat(),
        fc.nat(),
        counted((s, pickPath, pickValue) => {
          const leaves = presentPaths(s.request.body).filter((p) => {
            if (p.includes('[]')) return false
            return codecAt(SetUserBodyCodec, p)._tag === 'LeafType'
          })
          const path = leaves[pickPath % leaves.length] ?? 'webExId'
          const codec = codecAt(SetUserBodyCodec, path)
          if (codec._tag !== 'LeafType') return
          const values = wrongValue(codec.spec).filter((v) => !(path === 'webExId' && v === ''))
          const value = values[pickValue % values.length]
          const body = setAt(s.request.body, path, value) as unknown as SetUserBody
          const outcome = run({ ...s, request: { ...s.request, body } })
          if (E.isRight(outcome)) expect.fail(`${path} = ${JSON.stringify(value)} accepted`)
          // D-F1: a PIN given as text is "not a valid PIN" however long it is
          if ((path === 'phones.PIN' || path === 'personalMeetingRoom.hostPIN') && typeof value === 'string') {
            expect(outcome.left).toEqual({
              _tag: 'InvalidPin',
              exceptionID: '999999',
              reason: INVALID_PIN_REASON,
              path,
            })
            return
          }
          expect(outcome.left).toMatchObject({
            _tag: 'InvalidRequest',
            exceptionID: '999999',
            failures: [{ source: 'body', path }],
          })
        }),
      ),
      { numRuns: runs(2000) },
    )
  })

  it('decode: a mis-cased element anywhere ⇒ InvalidRequest with a "did you mean" naming the element', () => {
    fc.assert(
      fc.property(validScenario, fc.nat(), (s, pick) => {
        const paths = presentPaths(s.request.body).filter((p) => !p.includes('[]') && p !== 'webExId')
        fc.pre(paths.length > 0)
        countCase()
        const path = paths[pick % paths.length] ?? ''
        const parts = path.split('.')
        const last = parts.pop() ?? ''
        const wrong = last === last.toUpperCase() ? last.toLowerCase() : last.toUpperCase()
        const parent = parts.join('.')
        const value = parent === '' ? (s.request.body as Record<string, unknown>)[last] : undefined
        const body = (
          parent === '' ? { ...s.request.body, [wrong]: value } : setAt(s.request.body, `${parent}.${wrong}`, true)
        ) as SetUserBody
        const outcome = run({ ...s, request: { ...s.request, body } })
        if (E.isRight(outcome)) expect.fail(`${parent}.${wrong} accepted`)
        expect(outcome.left).toMatchObject({
          _tag: 'InvalidRequest',
          failures: expect.arrayContaining([
            expect.objectContaining({
              source: 'body',
              path: parent === '' ? wrong : `${parent}.${wrong}`,
              hint: `did you mean "${last}"?`,
            }),
          ]) as unknown,
        })
      }),
      { numRuns: runs(1000) },
    )
  })
})
