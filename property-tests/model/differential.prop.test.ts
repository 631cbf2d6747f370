/**
 * The differential property: `applySetUser` and the reference model (`reference.ts`) agree on
 * random (user, site, request) triples — same outcome, same error tag, exceptionID and details,
 * deep-equal user and effects, same notices (kind and path) in the same order.
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { applySetUser } from 'webex-user-rules'
import { scenarioArb } from 'webex-user-rules/testing'
import { counted } from '../support/cases.js'
import { deepEqual } from '../support/paths.js'
import { project } from '../support/project.js'
import { FULL_RUN, runs } from '../support/runs.js'
import { modelSetUser } from './reference.js'
import { SETUSER_ERROR_TAGS } from './tables.js'

describe('engine ≡ reference model', () => {
  it('R1–R20 differential: applySetUser and the reference model agree on every triple', () => {
    const outcomes = new Map<string, number>()
    fc.assert(
      fc.property(
        scenarioArb,
        counted(({ user, site, request }) => {
          const engine = applySetUser(user, site, request)
          const model = modelSetUser(user, site, request)
          const projected = project(engine)
          // cheap comparison first; vitest's diff only when they differ
          if (!deepEqual(projected, model)) expect(projected).toStrictEqual(model)
          const key = E.isLeft(engine) ? engine.left._tag : 'success'
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1)
        }),
      ),
      { numRuns: runs(10_000) },
    )
    if (FULL_RUN) {
      // the triples reach every outcome, and mostly succeed (so the merge rules are compared)
      const total = [...outcomes.values()].reduce((a, b) => a + b, 0)
      expect([...outcomes.keys()].sort()).toEqual(['success', ...SETUSER_ERROR_TAGS].sort())
      expect((outcomes.get('success') ?? 0) / total).toBeGreaterThan(0.5)
    }
  })
})
