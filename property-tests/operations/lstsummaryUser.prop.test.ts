/**
 * LstsummaryUser laws (D-OP-4, D-OP-6, D-OP-7): for any site and any request, the pages of a
 * listing partition the ordered matches; `total` does not depend on paging; each page is the
 * matching users, ordered, with nothing invented; the order respects the first key; the filters
 * are sound and complete against an independent reading of them.
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  applyLstsummaryUser,
  type LstsummaryUserBody,
  type OrderByKey,
  type SiteContext,
  type User,
  userKey,
} from 'webex-user-rules'
import { runs } from '../support/runs.js'

const SITE: SiteContext = {
  activeHostCount: 0,
  allowUserToChangeUserName: false,
  takenWebExIds: [],
  productIds: [],
  controlHubManaged: false,
}
const ADMIN = { webExId: 'admin', role: 'siteAdmin' } as const

const NAMES = ['ana', 'Ana', 'bo', 'BO', 'cy', 'Zoë']
const DATES = ['06/23/2004 01:00:00', '07/01/2010 09:30:00', '07/01/2010 09:30:01', '12/31/2019 23:59:59']

const userArb: fc.Arbitrary<Omit<User, 'webExId' | 'userId'>> = fc.record(
  {
    firstName: fc.constantFrom(...NAMES),
    lastName: fc.constantFrom(...NAMES),
    email: fc.constantFrom('a@x.com', 'A@X.com', 'b@x.com'),
    active: fc.constantFrom('ACTIVATED', 'DEACTIVATED', 'REQUEST_TO_ACTIVATE'),
    registrationDate: fc.constantFrom(...DATES),
    timeZoneID: fc.integer({ min: 0, max: 5 }),
  },
  { requiredKeys: [] },
)

/** Users with case-insensitively unique webExIds and unique (or absent) userIds, as a site stores them. */
const usersArb: fc.Arbitrary<User[]> = fc
  .uniqueArray(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9.]{0,5}$/), { maxLength: 30, selector: userKey })
  .chain((ids) =>
    fc.tuple(
      fc.constant(ids),
      fc.array(userArb, { minLength: ids.length, maxLength: ids.length }),
      fc.shuffledSubarray(
        Array.from({ length: ids.length }, (_, i) => i + 1),
        { minLength: 0, maxLength: ids.length },
      ),
    ),
  )
  .map(([ids, rest, uidOrder]) =>
    ids.map((webExId, i) => ({
      webExId,
      ...rest[i],
      ...(uidOrder[i] === undefined ? {} : { userId: 100 + (uidOrder[i] ?? 0) }),
    })),
  )

const filtersArb: fc.Arbitrary<LstsummaryUserBody> = fc.record(
  {
    firstName: fc.constantFrom(...NAMES, ''),
    email: fc.constantFrom('a@x.com', 'B@X.COM', ''),
    active: fc.constantFrom('ACTIVATED', 'DEACTIVATED'),
    dataScope: fc.record(
      { regDateStart: fc.constantFrom(...DATES), regDateEnd: fc.constantFrom(...DATES) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
)

const KEYS: OrderByKey[] = ['UID', 'WEBEXID', 'FIRSTNAME', 'LASTNAME', 'EMAIL', 'ACTIVE', 'REGDATE', 'TIMEZONE']
const orderArb = fc.option(
  fc.record({
    orderBy: fc.array(fc.constantFrom(...KEYS), { maxLength: 3 }),
    orderAD: fc.array(fc.constantFrom<'ASC' | 'DESC'>('ASC', 'DESC'), { maxLength: 3 }),
  }),
  { nil: undefined },
)
const methodArb = fc.constantFrom<'AND' | 'OR' | undefined>('AND', 'OR', undefined)

const list = (users: readonly User[], body: LstsummaryUserBody) =>
  applyLstsummaryUser(SITE, users, { caller: ADMIN, body })

/** An independent reading of the filters (D-OP-4, D-OP-5): what should match. */
const expectedMatch = (u: User, body: LstsummaryUserBody, method: 'AND' | 'OR'): boolean => {
  const tests: boolean[] = []
  const same = (a: string | undefined, b: string): boolean => a?.toLowerCase() === b.toLowerCase()
  if (body.firstName !== undefined && body.firstName !== '') tests.push(same(u.firstName, body.firstName))
  if (body.email !== undefined && body.email !== '') tests.push(same(u.email, body.email))
  if (body.active !== undefined) tests.push((u.active ?? 'ACTIVATED') === body.active)
  const { regDateStart: start, regDateEnd: end } = body.dataScope ?? {}
  if (start !== undefined || end !== undefined) {
    // the four sample dates sort like their index in DATES
    const at = u.registrationDate === undefined ? -1 : DATES.indexOf(u.registrationDate)
    tests.push(
      at >= 0 && (start === undefined || at >= DATES.indexOf(start)) && (end === undefined || at <= DATES.indexOf(end)),
    )
  }
  if (tests.length === 0) return true
  return method === 'OR' ? tests.some(Boolean) : tests.every(Boolean)
}

describe('LstsummaryUser laws', () => {
  it('D-OP-4 filters are sound and complete; D-OP-9 no match is 000015', () => {
    fc.assert(
      fc.property(usersArb, filtersArb, methodArb, (users, filters, listMethod) => {
        const body = {
          ...filters,
          listControl: { maximumNum: 500, ...(listMethod === undefined ? {} : { listMethod }) },
        }
        const expected = users.filter((u) => expectedMatch(u, body, listMethod ?? 'AND')).map((u) => u.webExId)
        const r = list(users, body)
        if (expected.length === 0) {
          expect(r).toMatchObject(E.left({ exceptionID: '000015' }))
          return
        }
        if (E.isLeft(r)) return expect.fail(JSON.stringify(r.left))
        expect(r.right.user.map((u) => u.webExId).sort()).toEqual([...expected].sort())
        expect(r.right.matchingRecords.total).toBe(expected.length)
      }),
      { numRuns: runs(1000) },
    )
  })

  it('D-OP-7 pages of any size partition the ordered matches, total and order independent of paging', () => {
    fc.assert(
      fc.property(usersArb, orderArb, fc.integer({ min: 1, max: 7 }), (users, order, size) => {
        const base = order === undefined ? {} : { order }
        const all = list(users, { ...base, listControl: { maximumNum: 500 } })
        if (users.length === 0) {
          expect(all).toMatchObject(E.left({ exceptionID: '000015' }))
          return
        }
        if (E.isLeft(all)) return expect.fail(JSON.stringify(all.left))
        // order is a permutation of the users (no filter: every user)
        expect(all.right.user.map((u) => u.webExId).sort()).toEqual(users.map((u) => u.webExId).sort())
        const pages: string[] = []
        for (let startFrom = 1; startFrom <= users.length; startFrom += size) {
          const page = list(users, { ...base, listControl: { startFrom, maximumNum: size } })
          if (E.isLeft(page)) return expect.fail(JSON.stringify(page.left))
          expect(page.right.matchingRecords).toEqual({
            total: users.length,
            returned: Math.min(size, users.length - startFrom + 1),
            startFrom,
          })
          pages.push(...page.right.user.map((u) => u.webExId))
        }
        expect(pages).toEqual(all.right.user.map((u) => u.webExId))
        expect(list(users, { ...base, listControl: { startFrom: users.length + 1 } })).toMatchObject(
          E.left({ exceptionID: '000015' }),
        )
      }),
      { numRuns: runs(1000) },
    )
  })

  it('D-OP-6 the first key orders the answer (absent values last), DESC reverses present values', () => {
    const read: Partial<Record<OrderByKey, (u: User) => string | number | undefined>> = {
      UID: (u) => u.userId,
      FIRSTNAME: (u) => u.firstName?.toLowerCase(),
      TIMEZONE: (u) => u.timeZoneID,
    }
    fc.assert(
      fc.property(
        usersArb,
        fc.constantFrom<OrderByKey>('UID', 'FIRSTNAME', 'TIMEZONE'),
        fc.boolean(),
        (users, by, desc) => {
          fc.pre(users.length > 0)
          const r = list(users, {
            order: { orderBy: [by], orderAD: [desc ? 'DESC' : 'ASC'] },
            listControl: { maximumNum: 500 },
          })
          if (E.isLeft(r)) return expect.fail(JSON.stringify(r.left))
          const byId = new Map(users.map((u) => [u.webExId, u]))
          const values = r.right.user.map((s) => {
            const u = byId.get(s.webExId)
            if (u === undefined) return expect.fail(`invented user ${s.webExId}`)
            return (read[by] as (u: User) => string | number | undefined)(u)
          })
          for (let i = 1; i < values.length; i++) {
            const [a, b] = [values[i - 1], values[i]]
            if (a === undefined) expect(b).toBeUndefined()
            else if (b !== undefined) expect(desc ? a >= b : a <= b).toBe(true)
          }
        },
      ),
      { numRuns: runs(1000) },
    )
  })

  it('D-OP-8 each summary is the stored user read through the view; inputs are never changed', () => {
    fc.assert(
      fc.property(usersArb, (users) => {
        fc.pre(users.length > 0)
        const before = JSON.stringify(users)
        const r = list(users, { listControl: { maximumNum: 500 } })
        expect(JSON.stringify(users)).toBe(before)
        if (E.isLeft(r)) return expect.fail(JSON.stringify(r.left))
        const byId = new Map(users.map((u) => [u.webExId, u]))
        for (const s of r.right.user) {
          const u = byId.get(s.webExId)
          if (u === undefined) return expect.fail(`invented user ${s.webExId}`)
          expect(s).toEqual({
            webExId: u.webExId,
            firstName: u.firstName ?? '',
            lastName: u.lastName ?? '',
            email: u.email ?? '',
            ...(u.registrationDate === undefined ? {} : { registrationDate: u.registrationDate }),
            active: u.active ?? 'ACTIVATED',
            ...(u.timeZoneID === undefined ? {} : { timeZoneID: u.timeZoneID }),
          })
        }
      }),
      { numRuns: runs(1000) },
    )
  })
})
