// The edges of LstsummaryUser that the first mutation run of the list and login operations found
// unpinned (docs/testing.md): every order key on users without the container it reads, numeric and
// absent sort values, the tie-breakers, empty filter elements, the exact failures, and the guard.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applyLstsummaryUser,
  findUser,
  findUserByEmail,
  type LstsummaryUserBody,
  type LstsummaryUserResult,
  type OperationError,
  type OrderByKey,
  registrationDateKey,
  setUserTarget,
  type SiteContext,
  toUserSummary,
  type User,
} from 'webex-user-rules'
import { ADMIN, baseSite, deepFreeze, site, throwingGetter, throwingUsers } from '../helpers.js'

const list = (
  body: LstsummaryUserBody,
  from: unknown,
  s: SiteContext = site(),
): E.Either<OperationError, LstsummaryUserResult> =>
  applyLstsummaryUser(s, deepFreeze(from) as User[], deepFreeze({ caller: ADMIN, body }))

const ids = (r: E.Either<OperationError, LstsummaryUserResult>): string[] => {
  if (E.isLeft(r)) return expect.fail(JSON.stringify(r.left))
  return r.right.user.map((u) => u.webExId)
}
const order = (...orderBy: OrderByKey[]): LstsummaryUserBody => ({ order: { orderBy } })

describe('LstsummaryUser order (D-OP-6)', () => {
  it('D-OP-6 every key on a nested element sorts a user without that container last, without failing', () => {
    const keys: readonly [OrderByKey, User][] = [
      ['ADDRESS1', { webExId: 'a', address: { address1: 'x' } }],
      ['ADDRESS2', { webExId: 'a', address: { address2: 'x' } }],
      ['CITY', { webExId: 'a', address: { city: 'x' } }],
      ['STATE', { webExId: 'a', address: { state: 'x' } }],
      ['ZIPCODE', { webExId: 'a', address: { zipCode: 'x' } }],
      ['COUNTRY', { webExId: 'a', address: { country: 'x' } }],
      ['PHONE1', { webExId: 'a', phones: { phone: '1' } }],
      ['PHONE2', { webExId: 'a', phones: { phone2: '1' } }],
      ['MOBILE1', { webExId: 'a', phones: { mobilePhone: '1' } }],
      ['MOBILE2', { webExId: 'a', phones: { mobilePhone2: '1' } }],
      ['FAX', { webExId: 'a', phones: { fax: '1' } }],
      ['PAGER', { webExId: 'a', phones: { pager: '1' } }],
      ['DIVISION', { webExId: 'a', tracking: { trackingCode1: 'x' } }],
    ]
    // "bare" comes first by UID, so only the key can put "a" before it
    for (const [key, user] of keys)
      expect(
        ids(
          list(order(key), [
            { webExId: 'bare', userId: 1 },
            { ...user, userId: 2 },
          ]),
        ),
        key,
      ).toEqual(['a', 'bare'])
  })
  it('D-OP-6 REGEXPDATE sorts by date, not by the MM/DD text; absent last', () => {
    const people: User[] = [
      { webExId: 'none', userId: 1 },
      { webExId: 'late', userId: 2, expirationDate: '01/01/2030 00:00:00' },
      { webExId: 'early', userId: 3, expirationDate: '12/31/2020 00:00:00' },
    ]
    expect(ids(list(order('REGEXPDATE'), people))).toEqual(['early', 'late', 'none'])
  })
  it('D-OP-6 PRIVILEGE sorts by the role name, an attendee-only user as attendee', () => {
    const people: User[] = [
      { webExId: 'admin', userId: 1, privilege: { siteAdmin: true } },
      { webExId: 'host', userId: 2 },
      { webExId: 'att', userId: 3, privilege: { attendeeOnly: true } },
      { webExId: 'ro', userId: 4, privilege: { roSiteAdmin: true } },
    ]
    expect(ids(list(order('PRIVILEGE'), people))).toEqual(['att', 'host', 'ro', 'admin'])
  })
  it('D-OP-6 numbers sort numerically (9 before 10 before 100), not as text', () => {
    const people: User[] = [
      { webExId: 'c', userId: 100 },
      { webExId: 'b', userId: 10 },
      { webExId: 'a', userId: 9 },
    ]
    expect(ids(list({}, people))).toEqual(['a', 'b', 'c'])
    expect(ids(list({ order: { orderBy: ['UID'], orderAD: ['DESC'] } }, people))).toEqual(['c', 'b', 'a'])
  })
  it('D-OP-6 an absent value sorts after every present one, even after text above "undefined"', () => {
    const people: User[] = [
      { webExId: 'none', userId: 1 },
      { webExId: 'zed', userId: 2, lastName: 'Zed' },
    ]
    expect(ids(list(order('LASTNAME'), people))).toEqual(['zed', 'none'])
    expect(ids(list({ order: { orderBy: ['LASTNAME'], orderAD: ['DESC'] } }, people))).toEqual(['zed', 'none'])
  })
  it('D-OP-6 ties on a key, present or absent, are broken by UID ASC, then webExId ASC', () => {
    const sameName: User[] = [
      { webExId: 'second', userId: 2, firstName: 'Ana' },
      { webExId: 'first', userId: 1, firstName: 'ana' },
    ]
    expect(ids(list(order('FIRSTNAME'), sameName))).toEqual(['first', 'second'])
    const noName: User[] = [
      { webExId: 'second', userId: 2 },
      { webExId: 'first', userId: 1 },
    ]
    expect(ids(list(order('LASTNAME'), noName))).toEqual(['first', 'second'])
    const noUid: User[] = [{ webExId: 'b' }, { webExId: 'A' }, { webExId: 'c' }]
    expect(ids(list({}, noUid))).toEqual(['A', 'b', 'c'])
  })
  it('D-OP-6 users equal on every key keep their input order', () => {
    const twins: User[] = [
      { webExId: 'Twin', firstName: 'one' },
      { webExId: 'twin', firstName: 'two' },
      { webExId: 'TWIN', firstName: 'three' },
    ]
    const r = list({}, twins)
    if (E.isLeft(r)) return expect.fail(JSON.stringify(r.left))
    expect(r.right.user.map((u) => u.firstName)).toEqual(['one', 'two', 'three'])
  })
  it('D-OP-6 the stored element an order key reads is decoded before sorting', () => {
    expect(list(order('PHONE1'), [{ webExId: 'a', phones: 'x' }])).toMatchObject(
      E.left({ exceptionID: '999999', failures: [{ source: 'user', path: '[0].phones' }] }),
    )
  })
})

describe('LstsummaryUser filters (D-OP-4, D-OP-5)', () => {
  const people: User[] = [
    { webExId: 'agent', userId: 1, webACDPrefs: { isAgent: true }, registrationDate: '01/01/2010 00:00:00' },
    { webExId: 'plain', userId: 2 },
  ]
  it('D-OP-4 an absent WebACD preference is false', () => {
    expect(ids(list({ webACD: { isAgent: false } }, people))).toEqual(['plain'])
    expect(ids(list({ webACD: { isMgr: false } }, people))).toEqual(['agent', 'plain'])
  })
  it('D-OP-4 an empty manager element is no filter; a manager is refused with its own failure', () => {
    expect(ids(list({ webACD: { manager: '', isAgent: true } }, people))).toEqual(['agent'])
    expect(list({ webACD: { manager: 'boss' } }, people)).toMatchObject(
      E.left({
        failures: [
          {
            source: 'body',
            code: 'outOfRange',
            path: 'webACD.manager',
            expected: 'no manager filter (the model keeps no WebACD manager assignments)',
          },
        ],
      }),
    )
  })
  it('D-OP-4 OR without any filter still lists every user', () => {
    expect(ids(list({ listControl: { listMethod: 'OR' } }, people))).toEqual(['agent', 'plain'])
  })
  it('D-OP-4 active: ACTIVATED keeps the users whose effective state is ACTIVATED', () => {
    const mixed: User[] = [{ webExId: 'on' }, { webExId: 'off', active: 'DEACTIVATED' }]
    expect(ids(list({ active: 'ACTIVATED' }, mixed))).toEqual(['on'])
  })
  it('D-OP-5 empty date bounds are no bound', () => {
    expect(ids(list({ dataScope: { regDateStart: '', regDateEnd: '' } }, people))).toEqual(['agent', 'plain'])
  })
  it('D-OP-5 a malformed bound is a format failure naming the date form', () => {
    expect(list({ dataScope: { regDateEnd: '2010-01-01' } }, people)).toMatchObject(
      E.left({
        failures: [
          {
            code: 'format',
            path: 'dataScope.regDateEnd',
            expected: 'a date MM/DD/YYYY HH:MM:SS',
            actual: '2010-01-01',
          },
        ],
      }),
    )
  })
  it('D-OP-5 the time zone: absent is the site zone even when the site has one; another is outOfRange', () => {
    const zoned = site({ timeZoneID: 7 })
    expect(ids(list({ dataScope: { regDateEnd: '01/01/2011 00:00:00' } }, people, zoned))).toEqual(['agent'])
    expect(list({ dataScope: { timeZoneID: 4 } }, people, zoned)).toMatchObject(
      E.left({
        failures: [
          { code: 'outOfRange', path: 'dataScope.timeZoneID', expected: "-1 (the site's time zone) or 7", actual: 4 },
        ],
      }),
    )
    expect(list({ dataScope: { timeZoneID: 4 } }, people)).toMatchObject(
      E.left({ failures: [{ code: 'outOfRange', expected: "-1 (the site's time zone)" }] }),
    )
  })
  it('D-OP-5 registrationDateKey refuses day 0, minute 60 and second 60', () => {
    for (const bad of ['01/00/2016 00:00:00', '01/01/2016 00:60:00', '01/01/2016 00:00:60'])
      expect(registrationDateKey(bad), bad).toBeUndefined()
    expect(registrationDateKey('01/31/2016 23:59:59')).toBe(20160131235959)
  })
})

describe('LstsummaryUser inputs and answer (D-OP-1, D-OP-8, D-E2)', () => {
  it('D-OP-8 a summary has no registrationDate or timeZoneID key when none is stored', () => {
    expect(Object.keys(toUserSummary({ webExId: 'x' }))).toEqual([
      'webExId',
      'firstName',
      'lastName',
      'email',
      'active',
    ])
  })
  it('D-OP-1 a refused list names no path', () => {
    expect(applyLstsummaryUser(site(), [], { caller: { webExId: 'h', role: 'host' }, body: {} })).toEqual(
      E.left({
        _tag: 'NoPrivilege',
        exceptionID: '000001',
        reason: 'Access denied, additional privileges are required',
        paths: [],
      }),
    )
  })
  it('a malformed site is 999999 naming site.<path>', () => {
    expect(list({}, [{ webExId: 'a' }], site({ activeHostCount: 'x' as never }))).toMatchObject(
      E.left({ exceptionID: '999999', failures: [{ source: 'site', path: 'activeHostCount' }] }),
    )
  })
  it('users that are not a list are one failure of user, not a throw', () => {
    for (const notAList of [null, 42, {}])
      expect(list({}, notAList)).toMatchObject(
        E.left({
          exceptionID: '999999',
          failures: [{ source: 'user', code: 'wrongType', path: '', expected: 'a list of users' }],
        }),
      )
  })
  it('a stored user that is not an object is named by its index alone', () => {
    expect(list({}, [{ webExId: 'a' }, 5])).toMatchObject(
      E.left({ exceptionID: '999999', failures: [{ source: 'user', path: '[1]' }] }),
    )
  })
  it('D-E2 a hostile site, user list or request is the caller error naming that input', () => {
    const cases = [
      ['site', throwingGetter(baseSite, 'siteName'), [], { caller: ADMIN, body: {} }],
      ['user', site(), throwingUsers(), { caller: ADMIN, body: {} }],
      ['request', site(), [], throwingGetter({ caller: ADMIN }, 'body')],
    ] as const
    for (const [source, s, u, request] of cases)
      expect(applyLstsummaryUser(s, u, request as never)).toMatchObject(
        // a getter is not plain data and is named by its path, whether or not it throws (issue 14)
        E.left({
          exceptionID: '999999',
          failures: [
            source === 'site'
              ? { source, path: 'siteName' }
              : { source: source === 'request' ? 'body' : source, path: '' },
          ],
        }),
      )
  })
})

describe('lookups (D-OP-2, D-OP-19)', () => {
  it('D-OP-2 findUser skips stored users without a webExId, findUserByEmail those without an e-mail', () => {
    const stored = [{ email: 'x@example.com' } as unknown as User, { webExId: 'jdoe' }]
    expect(findUser(stored, 'JDOE')).toBe(stored[1])
    const noEmail: User[] = [{ webExId: 'a' }, { webExId: 'b', email: 'B@example.com' }]
    expect(findUserByEmail(noEmail, 'b@EXAMPLE.com')).toBe(noEmail[1])
  })
  it('D-OP-19 a request already in the stored spelling is returned as it is (shared, not copied)', () => {
    const request = deepFreeze({ caller: ADMIN, body: { webExId: 'jdoe', lastName: 'Doe' } })
    const r = setUserTarget([{ webExId: 'jdoe' }], request)
    if (E.isLeft(r)) return expect.fail(JSON.stringify(r.left))
    expect(r.right.request).toBe(request)
  })
})
