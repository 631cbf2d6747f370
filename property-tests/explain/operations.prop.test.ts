/**
 * Laws of the explain trace (D-PG1) for every operation besides SetUser and CreateUser (those are
 * explain.prop.test.ts), over generated sites, users and requests — valid, refused and malformed:
 * - differential: the result is the plain operation's own;
 * - nothing is `unexplained`, and every entry quotes its sentence;
 * - a refusal is explained by exactly one error entry, the last, carrying the operation's error
 *   (so its exceptionID), after the decision steps of earlier stages only;
 * - DelUser, ActivateUser, InactivateUser, GetUser: every element path that differs between the
 *   stored user and the result (GetUser: the view) is explained exactly once; every notice and
 *   every effect, in the result's order; DelUser per outcome (a webExId named twice sees the first
 *   deactivation), each FAILURE by one error entry, and the host count when it changed;
 * - LstsummaryUser: the steps' figures are the answer's (matched = total, the page, the webExIds
 *   returned), and a 000015 is justified by them (fewer matches than startFrom);
 * - the login operations: the steps name no password, token or ticket.
 * The oracle (`differingPaths`) is property-tests/support/trace.ts, not the explain code.
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ActivationBody,
  applyActivateUser,
  applyAuthenticateUser,
  applyDelUser,
  applyGetLoginTicket,
  applyGetloginurlUser,
  applyGetlogouturlUser,
  applyGetUser,
  applyInactivateUser,
  applyLstsummaryUser,
  type Caller,
  type Credential,
  DelUserBody,
  LstsummaryUserBody,
  pageOf,
  type User,
} from 'webex-user-rules'
import {
  explainActivateUser,
  explainAuthenticateUser,
  explainDelUser,
  explainGetLoginTicket,
  explainGetloginurlUser,
  explainGetlogouturlUser,
  explainGetUser,
  explainInactivateUser,
  explainLstsummaryUser,
  type TraceEntry,
} from 'webex-user-rules/explain'
import { arbitraryOf, callerArb, siteArb, userArb } from 'webex-user-rules/testing'
import { counted } from '../support/cases.js'
import { runs } from '../support/runs.js'
import {
  changedPathsOf,
  differingPaths,
  effectsOf,
  expectAllExplained,
  expectPipelineOrder,
  expectRefusalExplained,
  noticesOf,
} from '../support/trace.js'

const NAMES = ['jdoe', 'Jane.Doe', 'host42', 'ana', 'BOB'] as const
const ASKED = [...NAMES, 'JDOE', 'jane.doe', 'HOST42', 'Bob', 'ghost'] as const
const lower = (s: string): string => s.toLowerCase()
const ADMIN: Caller = { webExId: 'admin', role: 'siteAdmin' }

/** Rich stored users (the whole User codec) with case-insensitively distinct names, some with userIds. */
const usersArb: fc.Arbitrary<User[]> = fc
  .uniqueArray(fc.constantFrom(...NAMES), { maxLength: NAMES.length, selector: lower })
  .chain((names) =>
    fc.tuple(
      ...names.map((webExId, i) =>
        fc.tuple(userArb, fc.boolean()).map(([user, withId]): User => {
          const { userId: _drop, ...rest } = user
          return { ...rest, webExId, ...(withId ? { userId: 100 + i } : {}) }
        }),
      ),
    ),
  )

const callerOf: fc.Arbitrary<Caller> = fc.oneof(
  { arbitrary: fc.constant(ADMIN), weight: 3 },
  { arbitrary: callerArb(['admin', ...ASKED]), weight: 2 },
)

/** A body, or now and then the same body with an element the schema does not have (a decode error). */
const sometimesMalformed = <B extends object>(arb: fc.Arbitrary<B>): fc.Arbitrary<B> =>
  fc.oneof(
    { arbitrary: arb, weight: 9 },
    { arbitrary: arb.map((b): B => Object.assign({}, b, { Bogus: 1 })), weight: 1 },
  )

/** The outcome's own secrets never reach the trace. */
const expectNoSecret = (trace: readonly TraceEntry[], secrets: readonly string[]): void => {
  const text = JSON.stringify(trace)
  for (const secret of secrets) expect(text).not.toContain(secret)
}

// -------------------------------------------------------------------------------------
// DelUser, ActivateUser, InactivateUser, GetUser
// -------------------------------------------------------------------------------------

describe('D-PG1 explain of DelUser, ActivateUser, InactivateUser and GetUser', () => {
  it('D-PG1 D-OP2 explainDelUser: same result; per outcome every differing path once, notices, effects, FAILUREs; the host count', () => {
    const bodyArb = sometimesMalformed(
      fc.oneof(
        {
          arbitrary: fc.record(
            {
              webExId: fc.array(fc.constantFrom(...ASKED), { minLength: 1, maxLength: 4 }),
              syncWebOffice: fc.boolean(),
            },
            { requiredKeys: ['webExId'] },
          ),
          weight: 4,
        },
        { arbitrary: arbitraryOf(DelUserBody) as fc.Arbitrary<DelUserBody>, weight: 1 },
      ),
    )
    fc.assert(
      fc.property(
        siteArb,
        usersArb,
        callerOf,
        bodyArb,
        counted((site, users, caller, body) => {
          const request = { caller, body }
          const plain = applyDelUser(site, users, request)
          const { result, trace } = explainDelUser(site, users, request)
          expect(result).toEqual(plain)
          expectAllExplained(trace)
          if (E.isLeft(plain)) {
            expectRefusalExplained(trace, plain.left)
            return
          }
          // the oracle: the users as each outcome found them (the first deactivation is seen by a repeat)
          const current = new Map(users.map((u) => [lower(u.webExId), u]))
          for (const [i, outcome] of plain.right.results.entries()) {
            const mine = trace.filter((t) => t.outcome === i)
            expectPipelineOrder(mine)
            if (outcome.status === 'FAILURE') {
              expectRefusalExplained(mine, outcome.error)
              continue
            }
            const before = current.get(lower(outcome.webExId))
            expect(changedPathsOf(mine)).toEqual(differingPaths(before, outcome.user))
            expect(noticesOf(mine)).toEqual(outcome.notices.map((n) => ({ ...n })))
            expect(effectsOf(mine)).toEqual(outcome.effects)
            current.set(lower(outcome.webExId), outcome.user)
          }
          // the outcomes in request order, the request's own entries around them
          const owners = trace.map((t) => t.outcome ?? -1).filter((o) => o >= 0)
          expect(owners).toEqual([...owners].sort((x, y) => x - y))
          const siteEntries = trace.filter((t) => t.outcome === undefined && t.kind === 'changed')
          expect(siteEntries.map((t) => t.kind === 'changed' && [t.path, t.before, t.after])).toEqual(
            plain.right.activeHostCount === site.activeHostCount
              ? []
              : [['activeHostCount', site.activeHostCount, plain.right.activeHostCount]],
          )
        }),
      ),
      { numRuns: runs(1_000) },
    )
  })

  for (const [name, apply, explain] of [
    ['ActivateUser', applyActivateUser, explainActivateUser],
    ['InactivateUser', applyInactivateUser, explainInactivateUser],
  ] as const) {
    it(`D-PG1 D-OP3 explain${name}: same result; every differing path once; every notice and effect; refusals with their exceptionID`, () => {
      const bodyArb = sometimesMalformed(
        fc.oneof(
          {
            arbitrary: fc.record(
              { webexID: fc.constantFrom(...ASKED), syncWebOffice: fc.boolean() },
              { requiredKeys: ['webexID'] },
            ),
            weight: 3,
          },
          {
            arbitrary: fc.record(
              { userID: fc.integer({ min: 99, max: 105 }), syncWebOffice: fc.boolean() },
              { requiredKeys: ['userID'] },
            ),
            weight: 2,
          },
          { arbitrary: arbitraryOf(ActivationBody) as fc.Arbitrary<ActivationBody>, weight: 1 },
        ),
      )
      fc.assert(
        fc.property(
          siteArb,
          usersArb,
          callerOf,
          bodyArb,
          counted((site, users, caller, body: ActivationBody) => {
            const request = { caller, body }
            const plain = apply(site, users, request)
            const { result, trace } = explain(site, users, request)
            expect(result).toEqual(plain)
            expectAllExplained(trace)
            expectPipelineOrder(trace)
            if (E.isLeft(plain)) {
              expectRefusalExplained(trace, plain.left)
              return
            }
            // the oracle's lookup: by webexID ignoring case, or by userID
            const before =
              body.webexID !== undefined
                ? users.find((u) => lower(u.webExId) === lower(body.webexID ?? ''))
                : users.find((u) => u.userId === body.userID)
            expect(before?.webExId).toBe(plain.right.user.webExId)
            expect(changedPathsOf(trace)).toEqual(differingPaths(before, plain.right.user))
            expect(noticesOf(trace)).toEqual(plain.right.notices.map((n) => ({ ...n })))
            expect(effectsOf(trace)).toEqual(plain.right.effects)
          }),
        ),
        { numRuns: runs(1_000) },
      )
    })
  }

  it('D-PG1 D-OP-1 explainGetUser: same result; every path where the view differs from the stored user explained once', () => {
    fc.assert(
      fc.property(
        usersArb,
        callerOf,
        sometimesMalformed(fc.record({ webExId: fc.constantFrom(...ASKED) })),
        counted((users, caller, body) => {
          const request = { caller, body }
          const plain = applyGetUser(users, request)
          const { result, trace } = explainGetUser(users, request)
          expect(result).toEqual(plain)
          expectAllExplained(trace)
          expectPipelineOrder(trace)
          if (E.isLeft(plain)) {
            expectRefusalExplained(trace, plain.left)
            return
          }
          const stored = users.find((u) => lower(u.webExId) === lower(body.webExId))
          expect(changedPathsOf(trace)).toEqual(differingPaths(stored, plain.right))
          expect(trace.filter((t) => t.kind !== 'step' && t.kind !== 'changed')).toEqual([])
        }),
      ),
      { numRuns: runs(1_000) },
    )
  })
})

// -------------------------------------------------------------------------------------
// LstsummaryUser
// -------------------------------------------------------------------------------------

const FIRST = ['Ana', 'ana', 'Bo', 'Cy']
const DATES = ['06/23/2004 01:00:00', '07/01/2010 09:30:00', '12/31/2019 23:59:59']

const listedArb: fc.Arbitrary<User[]> = fc
  .uniqueArray(fc.constantFrom(...NAMES), { maxLength: NAMES.length, selector: lower })
  .chain((names) =>
    fc.tuple(
      ...names.map((webExId, i) =>
        fc
          .record(
            {
              firstName: fc.constantFrom(...FIRST),
              email: fc.constantFrom('a@x.com', 'B@x.com'),
              active: fc.constantFrom('ACTIVATED' as const, 'DEACTIVATED' as const),
              registrationDate: fc.constantFrom(...DATES),
              userId: fc.constant(200 - i),
              webACDPrefs: fc.record({ isAgent: fc.boolean() }),
            },
            { requiredKeys: [] },
          )
          .map((rest): User => ({ webExId, ...rest })),
      ),
    ),
  )

const listBodyArb: fc.Arbitrary<LstsummaryUserBody> = fc.oneof(
  {
    arbitrary: fc.record(
      {
        firstName: fc.constantFrom(...FIRST, ''),
        email: fc.constantFrom('A@X.COM', 'b@x.com', ''),
        active: fc.constantFrom('ACTIVATED' as const, 'DEACTIVATED' as const),
        dataScope: fc.record(
          { regDateStart: fc.constantFrom(...DATES, '02/30/2016 15:21:23'), timeZoneID: fc.constantFrom(-1, 4) },
          { requiredKeys: [] },
        ),
        webACD: fc.record({ isAgent: fc.boolean(), manager: fc.constantFrom('', 'boss') }, { requiredKeys: [] }),
        listControl: fc.record(
          {
            startFrom: fc.integer({ min: 0, max: 7 }),
            maximumNum: fc.constantFrom(0, 1, 2, 1000),
            listMethod: fc.constantFrom('AND' as const, 'OR' as const),
          },
          { requiredKeys: [] },
        ),
        order: fc.record(
          {
            orderBy: fc.subarray(['FIRSTNAME' as const, 'EMAIL' as const, 'REGDATE' as const], { maxLength: 3 }),
            orderAD: fc.array(fc.constantFrom('ASC' as const, 'DESC' as const), { maxLength: 3 }),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    ),
    weight: 5,
  },
  { arbitrary: arbitraryOf(LstsummaryUserBody) as fc.Arbitrary<LstsummaryUserBody>, weight: 1 },
)

describe('D-PG1 explain of LstsummaryUser', () => {
  it('D-PG1 D-OP-4 D-OP-7 D-OP-8 D-OP-9 explainLstsummaryUser: same result; the steps carry the answer’s figures; a 000015 is justified by them', () => {
    fc.assert(
      fc.property(
        listedArb,
        callerOf,
        sometimesMalformed(listBodyArb),
        fc.boolean(),
        counted((users, caller, body, asSet) => {
          const request = { caller, body }
          const site = {
            activeHostCount: 0,
            allowUserToChangeUserName: false,
            takenWebExIds: [],
            productIds: [],
            controlHubManaged: false,
          }
          const plain = applyLstsummaryUser(site, users, request)
          // any iterable, read once, gives the same result and the same trace
          const { result, trace } = explainLstsummaryUser(site, asSet ? new Set(users) : users, request)
          expect(result).toEqual(plain)
          expectAllExplained(trace)
          expectPipelineOrder(trace)
          const stepOf = (rule: string): TraceEntry | undefined =>
            trace.find((t) => t.rule === rule && t.kind === 'step')
          if (E.isLeft(plain)) {
            expectRefusalExplained(trace, plain.left)
            if (plain.left._tag === 'NoRecordFound') {
              const filter = stepOf('D-OP-4')
              const matched = filter?.kind === 'step' ? filter.data['matched'] : undefined
              expect(typeof matched).toBe('number')
              expect(matched).toBeLessThan(pageOf(body.listControl).startFrom)
              expect(filter?.kind === 'step' && filter.data['users']).toBe(users.length)
            }
            return
          }
          const { matchingRecords, user } = plain.right
          expect(trace.map((t) => t.rule).filter((r) => r !== 'D-OP-5')).toEqual([
            'D-OP-1',
            'D-OP-4',
            ...(body.webACD?.isAgent !== undefined || body.webACD?.isMgr !== undefined ? ['D-OP-4'] : []),
            'D-OP-6',
            'D-OP-7',
            'D-OP-8',
          ])
          expect(stepOf('D-OP-4')).toMatchObject({ data: { matched: matchingRecords.total, users: users.length } })
          expect(stepOf('D-OP-7')).toMatchObject({
            data: {
              startFrom: matchingRecords.startFrom,
              returned: matchingRecords.returned,
              total: matchingRecords.total,
            },
          })
          expect(stepOf('D-OP-8')).toMatchObject({ data: { webExIds: user.map((u) => u.webExId) } })
          expect(trace.every((t) => t.kind === 'step')).toBe(true)
        }),
      ),
      { numRuns: runs(1_000) },
    )
  })
})

// -------------------------------------------------------------------------------------
// the login operations
// -------------------------------------------------------------------------------------

const secretArb = fc.nat().map((n) => `SECRET${String(n)}X`)

const credentialArb: fc.Arbitrary<Credential> = secretArb.chain((secret) =>
  fc.constantFrom<Credential>(
    { kind: 'password', password: secret },
    { kind: 'sessionTicket', sessionTicket: secret },
    { kind: 'accessToken', accessToken: secret },
    { kind: 'samlResponse', samlResponse: secret, protocol: 'SAML2.0' },
  ),
)

const secretsOf = (credential: Credential): string[] => {
  switch (credential.kind) {
    case 'password':
      return [credential.password]
    case 'sessionTicket':
      return [credential.sessionTicket]
    case 'accessToken':
      return [credential.accessToken]
    case 'samlResponse':
      return [credential.samlResponse]
  }
}

const T0 = 1564617600000
const ticketArb = fc.record(
  {
    ticket: fc.oneof({ arbitrary: secretArb, weight: 9 }, { arbitrary: secretArb.map((s) => `${s}&x`), weight: 1 }),
    createTime: fc.integer({ min: T0 - 10_000_000, max: T0 }),
    timeToLive: fc.integer({ min: 1, max: 5400 }),
    consumed: fc.boolean(),
  },
  { requiredKeys: ['ticket', 'createTime', 'timeToLive'] },
)
const ticketsArb = fc.record(
  { outstanding: ticketArb, fresh: ticketArb, now: fc.integer({ min: T0 - 1000, max: T0 + 10_000_000 }) },
  { requiredKeys: ['fresh', 'now'] },
)

describe('D-PG1 explain of the login operations', () => {
  it('D-PG1 D-OP-10 D-OP-11 D-OP-13 explainAuthenticateUser: same result; refusals by their exceptionID; no credential or ticket in the trace', () => {
    fc.assert(
      fc.property(
        fc.record(
          { webExId: fc.constantFrom(...NAMES), active: fc.constantFrom('ACTIVATED' as const, 'DEACTIVATED' as const) },
          { requiredKeys: ['webExId'] },
        ),
        fc.oneof(
          fc.record({ webExId: fc.constantFrom(...ASKED) }),
          fc.record({ email: fc.constant('host01@example.com') }),
        ),
        credentialArb,
        fc.boolean(),
        fc.record({
          sessionTicket: fc.oneof(secretArb, fc.constant('')),
          createTime: fc.integer({ min: 0, max: T0 }),
          timeToLive: fc.integer({ min: 0, max: 5400 }),
        }),
        counted((user, subject, credential, verified, issued) => {
          const claim = { subject, credential }
          const plain = applyAuthenticateUser(user, claim, verified, issued)
          const { result, trace } = explainAuthenticateUser(user, claim, verified, issued)
          expect(result).toEqual(plain)
          expectAllExplained(trace)
          expectPipelineOrder(trace)
          expectNoSecret(trace, [
            ...secretsOf(credential),
            ...(issued.sessionTicket === '' ? [] : [issued.sessionTicket]),
          ])
          if (E.isLeft(plain)) {
            expectRefusalExplained(trace, plain.left)
            return
          }
          expect(trace.map((t) => t.rule)).toEqual(['D-OP-10', 'D-OP-11', 'D-OP-11', 'D-OP-13'])
        }),
      ),
      { numRuns: runs(1_000) },
    )
  })

  it('D-PG1 D-OP-14 D-OP-16 explainGetLoginTicket, explainGetloginurlUser, explainGetlogouturlUser: same results; refusals by their exceptionID; no ticket in the trace', () => {
    fc.assert(
      fc.property(
        siteArb,
        usersArb,
        callerOf,
        sometimesMalformed(
          fc.record(
            { webExID: fc.constantFrom(...ASKED), backURL: fc.constantFrom('https://lms.example.edu/?a=1&b=2', '') },
            { requiredKeys: ['webExID'] },
          ),
        ),
        ticketsArb,
        counted((site, users, caller, body, tickets) => {
          const ticketsShown = [
            tickets.fresh.ticket,
            ...(tickets.outstanding === undefined ? [] : [tickets.outstanding.ticket]),
          ]
          const ticketRequest = { caller, body: {} }
          const plainTicket = applyGetLoginTicket(site, users, ticketRequest, tickets)
          const ticket = explainGetLoginTicket(site, users, ticketRequest, tickets)
          const request = { caller, body }
          const plainLogin = applyGetloginurlUser(site, users, request, tickets)
          const login = explainGetloginurlUser(site, users, request, tickets)
          const plainLogout = applyGetlogouturlUser(site, users, request)
          const logout = explainGetlogouturlUser(site, users, request)
          for (const [plain, explained] of [
            [plainTicket, ticket],
            [plainLogin, login],
            [plainLogout, logout],
          ] as const) {
            expect(explained.result).toEqual(plain)
            expectAllExplained(explained.trace)
            expectPipelineOrder(explained.trace)
            expectNoSecret(explained.trace, ticketsShown)
            if (E.isLeft(plain)) expectRefusalExplained(explained.trace, plain.left)
            else expect(explained.trace.every((t) => t.kind === 'step')).toBe(true)
          }
          if (E.isRight(plainLogin)) {
            const url = login.trace.at(-1)
            expect(url?.kind === 'step' && url.data['url']).toBe(
              plainLogin.right.answer.userLoginURL?.replace(`&TK=${plainLogin.right.ticket.ticket}&`, '&TK=******&'),
            )
          }
          if (E.isRight(plainLogout)) {
            const url = logout.trace.at(-1)
            expect(url?.kind === 'step' && url.data['url']).toBe(plainLogout.right.userLogoutURL)
          }
        }),
      ),
      { numRuns: runs(1_000) },
    )
  })
})
