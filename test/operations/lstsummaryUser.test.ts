import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applyLstsummaryUser,
  type LstsummaryUserBody,
  type LstsummaryUserResult,
  type OperationError,
  pageOf,
  registrationDateKey,
  type User,
} from 'webex-user-rules'
import { deepFreeze, site } from '../helpers.js'

const ADMIN = { webExId: 'admin', role: 'siteAdmin' } as const
const VIEWER = { webExId: 'viewer', role: 'roSiteAdmin' } as const

// the constructed sample of the research notes (users hostid and jdoe), plus a few more
const users: readonly User[] = deepFreeze([
  {
    webExId: 'jdoe',
    userId: 20,
    firstName: 'John',
    lastName: 'Doe',
    email: 'jdoe@example.com',
    registrationDate: '07/01/2010 09:30:00',
    active: 'DEACTIVATED',
    timeZoneID: 4,
    password: 'secret',
  },
  {
    webExId: 'hostid',
    userId: 10,
    firstName: 'Ana',
    lastName: 'Lee',
    email: 'ana.lee@example.com',
    registrationDate: '06/23/2004 01:00:00',
    active: 'ACTIVATED',
    timeZoneID: 4,
  },
  { webExId: 'Ana.ONeil', userId: 30, firstName: 'Ana', lastName: "O'Neil", email: 'ana.oneil@example.edu' },
  { webExId: 'noid', firstName: 'Zed', registrationDate: '12/31/2019 23:59:59' },
])

const list = (
  body: LstsummaryUserBody,
  caller: { webExId: string; role: 'siteAdmin' | 'roSiteAdmin' | 'host' | 'attendee' } = ADMIN,
  from: readonly User[] = users,
): E.Either<OperationError, LstsummaryUserResult> => applyLstsummaryUser(site(), from, deepFreeze({ caller, body }))

const ids = (r: E.Either<OperationError, LstsummaryUserResult>): string[] => {
  if (E.isLeft(r)) return expect.fail(JSON.stringify(r.left))
  return r.right.user.map((u) => u.webExId)
}

describe('LstsummaryUser: who may list (D-OP-1)', () => {
  it('D-OP-1 a site admin and a read-only site admin list everyone', () => {
    expect(ids(list({}, ADMIN))).toEqual(['hostid', 'jdoe', 'Ana.ONeil', 'noid'])
    expect(ids(list({}, VIEWER))).toEqual(['hostid', 'jdoe', 'Ana.ONeil', 'noid'])
  })
  it('D-OP-1 a host or attendee gets 000001, even for a filter naming themself', () => {
    for (const role of ['host', 'attendee'] as const)
      expect(list({ webExId: 'jdoe' }, { webExId: 'jdoe', role })).toMatchObject(
        E.left({ _tag: 'NoPrivilege', exceptionID: '000001' }),
      )
  })
})

describe('LstsummaryUser: filters (D-OP-4, D-OP-5)', () => {
  it('D-OP-4 the Moodle lookup by e-mail is exact and case-insensitive (corpus lstsummaryuser-moodle-1)', () => {
    expect(ids(list({ listControl: { startFrom: 1, maximumNum: 1 }, email: 'ANA.ONEIL@example.edu' }))).toEqual([
      'Ana.ONeil',
    ])
    // no partial match, no wildcard
    expect(list({ email: 'ana.oneil@example' })).toMatchObject(E.left({ exceptionID: '000015' }))
    expect(list({ email: 'ana.*' })).toMatchObject(E.left({ exceptionID: '000015' }))
  })
  it('D-OP-2 D-OP-4 webExId matches ignoring case and answers with the stored spelling', () => {
    expect(ids(list({ webExId: 'ana.oneil' }))).toEqual(['Ana.ONeil'])
  })
  it('D-OP-4 no filter lists every state; active filters by the effective state (absent = ACTIVATED)', () => {
    expect(ids(list({ active: 'ACTIVATED' }))).toEqual(['hostid', 'Ana.ONeil', 'noid'])
    expect(ids(list({ active: 'DEACTIVATED' }))).toEqual(['jdoe'])
  })
  it('D-OP-4 AND (the default) needs every filter, OR any one; an empty filter element is no filter', () => {
    expect(ids(list({ firstName: 'ana', lastName: 'lee' }))).toEqual(['hostid'])
    expect(ids(list({ firstName: 'ana', lastName: 'doe', listControl: { listMethod: 'OR' } }))).toEqual([
      'hostid',
      'jdoe',
      'Ana.ONeil',
    ])
    expect(list({ firstName: 'ana', lastName: 'doe' })).toMatchObject(E.left({ exceptionID: '000015' }))
    expect(ids(list({ email: '', firstName: 'zed' }))).toEqual(['noid'])
  })
  it('D-OP-5 registration dates: both bounds inclusive, either alone; users without a date are in no range', () => {
    expect(
      ids(list({ dataScope: { regDateStart: '06/23/2004 01:00:00', regDateEnd: '06/23/2014 10:00:00' } })),
    ).toEqual(['hostid', 'jdoe'])
    expect(ids(list({ dataScope: { regDateStart: '07/01/2010 09:30:00' } }))).toEqual(['jdoe', 'noid'])
    expect(ids(list({ dataScope: { regDateEnd: '07/01/2010 09:30:00' } }))).toEqual(['hostid', 'jdoe'])
    expect(ids(list({ dataScope: { regDateEnd: '07/01/2010 09:29:59' } }))).toEqual(['hostid'])
    expect(ids(list({ dataScope: {} }))).toHaveLength(4)
  })
  it('D-OP-5 a malformed date or another time zone is 999999 naming the path', () => {
    expect(list({ dataScope: { regDateStart: '2004-06-23' } })).toMatchObject(
      E.left({ exceptionID: '999999', failures: [{ source: 'body', path: 'dataScope.regDateStart' }] }),
    )
    expect(list({ dataScope: { regDateStart: '02/30/2016 00:00:00' } })._tag).toBe('Left')
    expect(list({ dataScope: { timeZoneID: 7, regDateStart: '06/23/2004 01:00:00' } })).toMatchObject(
      E.left({ failures: [{ path: 'dataScope.timeZoneID' }] }),
    )
    expect(ids(list({ dataScope: { timeZoneID: -1, regDateStart: '06/23/2004 01:00:00' } }))).toHaveLength(3)
    expect(
      applyLstsummaryUser(site({ timeZoneID: 7 }), users, {
        caller: ADMIN,
        body: { dataScope: { timeZoneID: 7, regDateEnd: '06/23/2004 01:00:00' } },
      }),
    ).toMatchObject(E.right({ user: [{ webExId: 'hostid' }] }))
  })
  it('D-OP-5 registrationDateKey reads MM/DD/YYYY HH:MM:SS calendar dates only', () => {
    expect(registrationDateKey('02/08/2016 15:21:23')).toBe(20160208152123)
    expect(registrationDateKey('02/29/2016 00:00:00')).toBe(20160229000000)
    expect(registrationDateKey('02/29/2000 12:00:00')).toBe(20000229120000)
    expect(registrationDateKey('02/29/1900 12:00:00')).toBeUndefined()
    expect(registrationDateKey('04/31/2016 00:00:00')).toBeUndefined()
    expect(registrationDateKey('00/10/2016 00:00:00')).toBeUndefined()
    for (const bad of ['02/29/2015 00:00:00', '13/01/2016 00:00:00', '01/01/2016 24:00:00', '1/1/2016 00:00:00', ''])
      expect(registrationDateKey(bad)).toBeUndefined()
  })
  it('D-OP-5 webACD filters by isAgent / isMgr; a manager filter is refused, not ignored', () => {
    const acd: User[] = [
      { webExId: 'agent', webACDPrefs: { isAgent: true } },
      { webExId: 'mgr', webACDPrefs: { isMgr: true } },
    ]
    expect(ids(list({ webACD: { isAgent: true } }, ADMIN, acd))).toEqual(['agent'])
    expect(ids(list({ webACD: { isMgr: false } }, ADMIN, acd))).toEqual(['agent'])
    expect(list({ webACD: { manager: 'boss' } }, ADMIN, acd)).toMatchObject(
      E.left({ failures: [{ path: 'webACD.manager' }] }),
    )
  })
})

describe('LstsummaryUser: order (D-OP-6)', () => {
  it('D-OP-6 no order is UID ASC; users without a userId come last', () => {
    expect(ids(list({}))).toEqual(['hostid', 'jdoe', 'Ana.ONeil', 'noid'])
  })
  it('D-OP-6 the i-th orderBy pairs with the i-th orderAD; a missing orderAD is ASC; UID breaks ties', () => {
    expect(ids(list({ order: { orderBy: ['FIRSTNAME', 'LASTNAME'], orderAD: ['DESC'] } }))).toEqual([
      'noid',
      'jdoe',
      'hostid',
      'Ana.ONeil',
    ])
    expect(ids(list({ order: { orderBy: ['FIRSTNAME'], orderAD: ['ASC'] } }))).toEqual([
      'hostid',
      'Ana.ONeil',
      'jdoe',
      'noid',
    ])
    expect(ids(list({ order: { orderBy: ['UID'], orderAD: ['DESC'] } }))).toEqual([
      'Ana.ONeil',
      'jdoe',
      'hostid',
      'noid',
    ])
  })
  it('D-OP-6 text sorts ignoring case; an absent value is last in both directions', () => {
    const people: User[] = [
      { webExId: 'b', userId: 1, lastName: 'beta' },
      { webExId: 'a', userId: 2, lastName: 'Alpha' },
      { webExId: 'n', userId: 3 },
    ]
    expect(ids(list({ order: { orderBy: ['LASTNAME'] } }, ADMIN, people))).toEqual(['a', 'b', 'n'])
    expect(ids(list({ order: { orderBy: ['LASTNAME'], orderAD: ['DESC'] } }, ADMIN, people))).toEqual(['b', 'a', 'n'])
  })
  it('D-OP-6 REGDATE sorts by date, not by the MM/DD text', () => {
    expect(ids(list({ order: { orderBy: ['REGDATE'] } }))).toEqual(['hostid', 'jdoe', 'noid', 'Ana.ONeil'])
  })
  it('D-OP-6 at most three keys, each from the schema enumeration', () => {
    expect(list({ order: { orderBy: ['UID', 'EMAIL', 'CITY', 'STATE'] } })).toMatchObject(
      E.left({ failures: [{ source: 'body', path: 'order.orderBy' }] }),
    )
  })
})

describe('LstsummaryUser: paging and the answer (D-OP-7, D-OP-8, D-OP-9)', () => {
  it('D-OP-7 startFrom is 1-based; absent or 0 is 1; maximumNum absent or 0 is 50, above 500 is 500', () => {
    expect(pageOf(undefined)).toEqual({ startFrom: 1, maximumNum: 50 })
    expect(pageOf({ startFrom: 0, maximumNum: 0 })).toEqual({ startFrom: 1, maximumNum: 50 })
    expect(pageOf({ maximumNum: 1000 })).toEqual({ startFrom: 1, maximumNum: 500 })
    expect(pageOf({ startFrom: 501, maximumNum: 500 })).toEqual({ startFrom: 501, maximumNum: 500 })
    expect(list({ listControl: { startFrom: 2, maximumNum: 2 } })).toMatchObject(
      E.right({
        user: [{ webExId: 'jdoe' }, { webExId: 'Ana.ONeil' }],
        matchingRecords: { total: 4, returned: 2, startFrom: 2 },
      }),
    )
    expect(list({ listControl: { startFrom: 4, maximumNum: 10 } })).toMatchObject(
      E.right({ matchingRecords: { total: 4, returned: 1, startFrom: 4 } }),
    )
  })
  it('D-OP-7 the borgified loop (1, 501, 1001 … by 500) sees every user once with a constant total', () => {
    const many: User[] = Array.from({ length: 1203 }, (_, i) => ({ webExId: `u${String(i)}`, userId: 5000 - i }))
    const seen: string[] = []
    for (let startFrom = 1; startFrom <= 1203; startFrom += 500) {
      const r = list({ listControl: { startFrom, maximumNum: 500 } }, ADMIN, many)
      if (E.isLeft(r)) return expect.fail(JSON.stringify(r.left))
      expect(r.right.matchingRecords).toEqual({ total: 1203, returned: Math.min(500, 1204 - startFrom), startFrom })
      seen.push(...r.right.user.map((u) => u.webExId))
    }
    expect(new Set(seen).size).toBe(1203)
    expect(list({ listControl: { maximumNum: 1000 } }, ADMIN, many)).toMatchObject(
      E.right({ matchingRecords: { total: 1203, returned: 500, startFrom: 1 } }),
    )
  })
  it('D-OP-8 each summary has the five required elements, the date and zone when stored, nothing else', () => {
    expect(list({ webExId: 'jdoe' })).toEqual(
      E.right({
        user: [
          {
            webExId: 'jdoe',
            firstName: 'John',
            lastName: 'Doe',
            email: 'jdoe@example.com',
            registrationDate: '07/01/2010 09:30:00',
            active: 'DEACTIVATED',
            timeZoneID: 4,
          },
        ],
        matchingRecords: { total: 1, returned: 1, startFrom: 1 },
      }),
    )
    expect(list({ webExId: 'noid' })).toMatchObject(
      E.right({ user: [{ webExId: 'noid', firstName: 'Zed', lastName: '', email: '', active: 'ACTIVATED' }] }),
    )
  })
  it('D-OP-9 nothing matching, and a page past the last match, are 000015', () => {
    expect(list({ webExId: 'ghost' })).toEqual(
      E.left({ _tag: 'NoRecordFound', exceptionID: '000015', reason: 'Sorry, no record found' }),
    )
    expect(list({ listControl: { startFrom: 5 } })).toMatchObject(E.left({ exceptionID: '000015' }))
    expect(list({}, ADMIN, [])).toMatchObject(E.left({ exceptionID: '000015' }))
  })
  it('takes any iterable of users and never trusts a stored user (999999 naming its index)', () => {
    function* rows(): Generator<User> {
      yield* users
    }
    expect(ids(applyLstsummaryUser(site(), rows(), { caller: ADMIN, body: {} }))).toHaveLength(4)
    const bad = [...users, { webExId: 'x', active: 'MAYBE' } as unknown as User]
    expect(list({}, ADMIN, bad)).toMatchObject(
      E.left({ exceptionID: '999999', failures: [{ source: 'user', path: '[4].active' }] }),
    )
    expect(applyLstsummaryUser(site(), 42 as unknown as User[], { caller: ADMIN, body: {} })._tag).toBe('Left')
  })
  it('never echoes a stored password, and a hostile request is an error, not a throw', () => {
    expect(JSON.stringify(list({}))).not.toContain('secret')
    const hostile = {
      caller: ADMIN,
      body: {
        get email(): string {
          throw new Error('boom')
        },
      },
    }
    expect(applyLstsummaryUser(site(), users, hostile as never)).toMatchObject(E.left({ exceptionID: '999999' }))
  })
})
