/**
 * R6 host limit and R15 Control Hub licences over a grid: every stored state (active state,
 * attendee-only, designated chat user, role) × every request (active, attendee-only, services) ×
 * (count, limit) around the boundary × Control Hub managed or not.
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  type ActiveState,
  countActiveHosts,
  countsAsHost,
  type Effect,
  type SetUserBody,
  type SiteContext,
  type SupportedServices,
  type User,
} from 'webex-user-rules'
import { userArb } from 'webex-user-rules/testing'
import { countCase, counted } from '../support/cases.js'
import { ADMIN, apply, countsBySpec, plainSite } from '../support/engine.js'
import { deepEqual } from '../support/paths.js'
import { MUTATION_RUN, runs } from '../support/runs.js'

const ACTIVE: readonly (ActiveState | undefined)[] = [undefined, 'ACTIVATED', 'DEACTIVATED', 'REQUEST_TO_ACTIVATE']
const TRI: readonly (boolean | undefined)[] = [undefined, true, false]
const ROLE_FLAGS = [{}, { siteAdmin: true }, { roSiteAdmin: true }, { host: true }] as const
const LICENSED = ['meetingCenter', 'eventCenter', 'trainingCenter', 'supportCenter'] as const

const storedServices: SupportedServices = { meetingCenter: true, eventCenter: false, trainingCenter: true }
const SERVICE_CHANGES: readonly (SupportedServices | undefined)[] = [
  undefined,
  { meetingCenter: false, supportCenter: true },
]

const storedStates: User[] = ACTIVE.flatMap((active) =>
  TRI.flatMap((attendeeOnly) =>
    TRI.flatMap((designatedChatUser) =>
      ROLE_FLAGS.map((roleFlags) => ({
        webExId: 'jdoe',
        supportedServices: storedServices,
        ...(active === undefined ? {} : { active }),
        ...(designatedChatUser === undefined ? {} : { designatedChatUser }),
        privilege: { ...roleFlags, ...(attendeeOnly === undefined ? {} : { attendeeOnly }) },
      })),
    ),
  ),
)

const requests: SetUserBody[] = ACTIVE.flatMap((active) =>
  TRI.flatMap((attendeeOnly) =>
    SERVICE_CHANGES.map((supportedServices) => ({
      webExId: 'jdoe',
      ...(active === undefined ? {} : { active }),
      ...(attendeeOnly === undefined ? {} : { privilege: { attendeeOnly } }),
      ...(supportedServices === undefined ? {} : { supportedServices }),
    })),
  ),
)

/** (limit, count) pairs around the boundary; the count includes the user when it counts. */
const limits = (counted: boolean): [number | undefined, number][] => {
  const min = counted ? 1 : 0
  const pairs: [number | undefined, number][] = [
    [undefined, min],
    [undefined, 7],
  ]
  for (const limit of [0, 1, 2, 3, 4])
    for (const count of [limit - 2, limit - 1, limit, limit + 1, limit + 2])
      if (count >= min) pairs.push([limit, count])
  return pairs
}

/** R15 by the spec: assign what is on once counted, remove what was on once no longer counted. */
const licenceEffects = (before: boolean, after: boolean, was: SupportedServices, is: SupportedServices): Effect[] =>
  LICENSED.flatMap((service): Effect[] => {
    const had = before && was[service] === true
    const has = after && is[service] === true
    return has && !had
      ? [{ kind: 'assignMeetingLicense', service }]
      : had && !has
        ? [{ kind: 'removeMeetingLicense', service }]
        : []
  })

describe('R6 host limit and R15 licences over the grid', () => {
  // one test per stored active state, so each stays well inside the test timeout
  for (const active of ACTIVE) {
    it(`R6/R15 stored active=${active ?? 'absent'} (× attendee-only × chat user × role) × every request × (count, limit) × Control Hub`, () => {
      const states = storedStates.filter((u, i) => u.active === active && (!MUTATION_RUN || i % 47 === 0))
      let failures = 0
      let successes = 0
      for (const current of states) {
        const before = countsBySpec(current)
        expect(countsAsHost(current)).toBe(before)
        for (const body of requests) {
          const result: User = {
            ...current,
            ...(body.active === undefined ? {} : { active: body.active }),
            privilege: { ...current.privilege, ...body.privilege },
            supportedServices: { ...current.supportedServices, ...body.supportedServices },
          }
          const after = countsBySpec(result)
          for (const [hostLimit, activeHostCount] of limits(before)) {
            for (const controlHubManaged of [false, true]) {
              countCase()
              const site: SiteContext = {
                ...plainSite,
                activeHostCount,
                controlHubManaged,
                ...(hostLimit === undefined ? {} : { hostLimit }),
              }
              const outcome = apply(current, { caller: ADMIN, body }, site)
              const countAfter = activeHostCount - (before ? 1 : 0) + (after ? 1 : 0)
              if (hostLimit !== undefined && !before && after && countAfter > hostLimit) {
                failures++
                const expected = E.left({
                  _tag: 'ExceededSiteHostLimit',
                  exceptionID: '030010',
                  reason: 'exceededSiteHostLimit',
                  hostLimit,
                  hostCount: countAfter,
                })
                if (!deepEqual(outcome, expected)) expect(outcome).toEqual(expected)
                continue
              }
              successes++
              if (E.isLeft(outcome))
                expect.fail(`expected success: ${JSON.stringify({ current, body, site, outcome })}`)
              const effects = controlHubManaged
                ? licenceEffects(before, after, storedServices, result.supportedServices ?? {})
                : []
              if (countsAsHost(outcome.right.user) !== after || !deepEqual(outcome.right.effects, effects))
                expect({ counts: countsAsHost(outcome.right.user), effects: outcome.right.effects }).toEqual({
                  counts: after,
                  effects,
                })
            }
          }
        }
      }
      // the grid reaches both sides of the boundary wherever the stored user can become counted
      if (!MUTATION_RUN && active !== undefined && active !== 'ACTIVATED') expect(failures).toBeGreaterThan(100)
      expect(successes).toBeGreaterThan(failures)
    })
  }

  it('R6 countActiveHosts counts by the same predicate as SetUser, on any list of users', () => {
    fc.assert(
      fc.property(
        fc.array(userArb, { maxLength: 8 }),
        counted((users) => {
          expect(countActiveHosts(users)).toBe(users.filter(countsBySpec).length)
        }),
      ),
      { numRuns: runs(1000) },
    )
  })
})
