/**
 * Laws of the explain trace (D-PG1) over the shared scenarios: the result is the operation's own;
 * every element path that differs between the input user and the result is explained exactly once;
 * every notice and every effect is explained, in the result's order; an error is explained by one
 * entry; no entry is left to `unexplained`; the stages come in pipeline order.
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { applyCreateUser, applySetUser, type SetUserResult } from 'webex-user-rules'
import { EXPLAIN_STAGES, explainCreateUser, explainSetUser, type Explained } from 'webex-user-rules/explain'
import { adminBodyArb, siteArb } from 'webex-user-rules/testing'
import { scenarioArb } from 'webex-user-rules/testing'
import { counted } from '../support/cases.js'
import { differingPaths } from '../support/trace.js'

const checkTrace = (explained: Explained, before: unknown, result: E.Either<unknown, SetUserResult>): void => {
  const { trace } = explained
  expect(explained.result).toEqual(result)
  expect(trace.filter((t) => t.rule === 'unexplained')).toEqual([])
  const stages = trace.map((t) => EXPLAIN_STAGES.indexOf(t.stage))
  expect(stages).toEqual([...stages].sort((x, y) => x - y))
  if (E.isLeft(result)) {
    expect(trace).toHaveLength(1)
    expect(trace[0]?.kind === 'error' && trace[0].error).toEqual(result.left)
    return
  }
  const changed = trace.flatMap((t) => (t.kind === 'changed' ? [t.path] : []))
  // exactly once: the sorted list has no duplicates and equals the independently computed set
  expect([...changed].sort()).toEqual(differingPaths(before, result.right.user))
  const notices = trace.flatMap((t) =>
    t.kind === 'ignored' || t.kind === 'reset' || t.kind === 'warning' ? [[t.kind, t.path, t.message]] : [],
  )
  expect(notices).toEqual(result.right.notices.map((n) => [n.kind, n.path, n.message]))
  expect(trace.flatMap((t) => (t.kind === 'effect' ? [t.effect] : []))).toEqual(result.right.effects)
}

describe('explain laws', () => {
  it('D-PG1 explainSetUser: same result; every differing path explained exactly once; every notice, effect and error explained', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        counted((s) => {
          checkTrace(explainSetUser(s.user, s.site, s.request), s.user, applySetUser(s.user, s.site, s.request))
        }),
      ),
    )
  })

  it('D-PG1 explainCreateUser: every path of the new user explained exactly once (sent ones by their rule, the rest by D-OP1)', () => {
    fc.assert(
      fc.property(
        siteArb,
        adminBodyArb,
        counted((site, sent) => {
          const { newWebExId: _ignored, ...rest } = sent
          const body = { ...rest, email: 'ana@example.edu', password: 'pw', firstName: 'Ana', lastName: 'Lee' }
          const request = { caller: { webExId: 'admin', role: 'siteAdmin' as const }, body }
          checkTrace(explainCreateUser(site, request), undefined, applyCreateUser(site, request))
        }),
      ),
    )
  })
})
