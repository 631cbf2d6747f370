// The edges of the login operations that the first mutation run of the list and login operations
// found unpinned (docs/testing.md): the exact failures (source, path, redaction), the guard's
// naming of a hostile input, stored users that are not trusted, and the optional parts of a claim.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applyAuthenticateUser,
  applyGetLoginTicket,
  applyGetloginurlUser,
  applyGetlogouturlUser,
  authenticationClaim,
  type Caller,
  credentialRejected,
  currentLoginTicket,
  type LoginTicket,
  type SiteContext,
  type User,
} from 'webex-user-rules'
import { ADMIN, baseSite, deepFreeze, site, throwingGetter, throwingUsers } from '../helpers.js'

const T0 = 1564617600000
const fresh: LoginTicket = deepFreeze({ ticket: 'ticket', createTime: T0, timeToLive: 5400 })
const users: readonly User[] = deepFreeze([
  { webExId: 'hostid', firstName: 'Fname', lastName: 'Lname', email: 'email@example.com' },
  // no names, no e-mail: the URL keeps FN=, LN=, EM= empty
  { webExId: 'bare' },
])
const HOST = { webExId: 'hostid', role: 'host' } as const

describe('authenticationClaim (D-OP-10, D-OP-11)', () => {
  it('D-OP-11 a malformed AuthenticateUser body is 999999 naming body.<path>, the value not shown', () => {
    // protocol is no secret name, so the general redaction would keep its value: this one drops it
    const r = authenticationClaim({ webExID: 'h', password: 'pw' }, { samlResponse: 'x', protocol: 7 } as never)
    expect(r).toMatchObject(
      E.left({
        exceptionID: '999999',
        failures: [{ source: 'body', code: 'wrongType', path: 'protocol', actual: '(not shown)' }],
      }),
    )
  })
  it('D-OP-11 a malformed securityContext names the caller path with the value replaced by (not shown)', () => {
    expect(authenticationClaim({ webExID: 42, sessionTicket: 'AAAB' })).toMatchObject(
      E.left({ failures: [{ source: 'caller', path: 'webExID', actual: '(not shown)' }] }),
    )
  })
  it('D-OP-10 an empty or absent protocol is left out of the SAML credential', () => {
    for (const body of [{ samlResponse: 'PHNhbWw+', protocol: '' }, { samlResponse: 'PHNhbWw+' }]) {
      const r = authenticationClaim({ webExID: 'host03' }, body)
      if (E.isLeft(r)) return expect.fail(JSON.stringify(r.left))
      expect(r.right.credential).toStrictEqual({ kind: 'samlResponse', samlResponse: 'PHNhbWw+' })
    }
  })
  it('D-OP-11 a rejected SAML response is 030048, as an access token', () => {
    expect(credentialRejected({ kind: 'samlResponse', samlResponse: 'x' })).toMatchObject({ exceptionID: '030048' })
  })
})

describe('applyAuthenticateUser (D-OP-11)', () => {
  const claim = { subject: { webExId: 'x' }, credential: { kind: 'password', password: 'pw' } } as const
  const issued = { sessionTicket: 'AAABBBdummySessionTicket000777', createTime: T0, timeToLive: 5400 }
  it('D-OP-11 the stored user is not trusted: a malformed active state is 999999 naming user.active', () => {
    expect(applyAuthenticateUser({ webExId: 'x', active: 'MAYBE' } as never, claim, true, issued)).toMatchObject(
      E.left({ exceptionID: '999999', failures: [{ source: 'user', path: 'active' }] }),
    )
  })
  it('D-OP-11 a malformed issued ticket names request.<path> and shows no value', () => {
    expect(applyAuthenticateUser({ webExId: 'x' }, claim, true, { ...issued, timeToLive: 0 })).toMatchObject(
      E.left({ failures: [{ source: 'request', path: 'timeToLive', actual: '(not shown)' }] }),
    )
  })
})

describe('currentLoginTicket (D-OP-14, D-OP-15)', () => {
  it('a time that is not a finite number is 999999 naming now', () => {
    for (const now of [Number.NaN, Number.POSITIVE_INFINITY])
      expect(currentLoginTicket(undefined, fresh, now)).toMatchObject(
        E.left({
          exceptionID: '999999',
          failures: [{ source: 'request', code: 'wrongType', path: 'now', expected: 'a time in ms' }],
        }),
      )
  })
  it('D-OP-14 an outstanding record that is not a LoginTicket is never handed out again', () => {
    const broken = { ticket: 'old', createTime: T0, timeToLive: 3_000_000_000 }
    expect(currentLoginTicket(broken, fresh, T0)).toEqual(E.right({ ticket: fresh, reused: false }))
  })
  it('D-OP-14 D-OP-15 a fresh ticket must be a LoginTicket and unused; consumed: false is unused', () => {
    const refused = {
      exceptionID: '999999',
      failures: [
        {
          source: 'request',
          code: 'wrongType',
          path: 'fresh',
          expected: expect.stringContaining('unused LoginTicket') as unknown,
          actual: '(not shown)',
        },
      ],
    }
    expect(currentLoginTicket(undefined, { ...fresh, timeToLive: 0 }, T0)).toMatchObject(E.left(refused))
    expect(currentLoginTicket(undefined, { ...fresh, consumed: true }, T0)).toMatchObject(E.left(refused))
    const unused = { ...fresh, consumed: false }
    expect(currentLoginTicket(undefined, unused, T0)).toEqual(E.right({ ticket: unused, reused: false }))
  })
})

describe('GetLoginTicket, GetloginurlUser, GetlogouturlUser: failures (D-OP-14, D-OP-16, D-E2)', () => {
  const ticketOf = (s: SiteContext, u: unknown, caller: Caller = HOST, f: LoginTicket = fresh) =>
    applyGetLoginTicket(s, u as User[], { caller, body: {} }, { fresh: f, now: T0 })
  const urlOf = (s: SiteContext, u: unknown, body: object = { webExID: 'hostid' }, f: LoginTicket = fresh) =>
    applyGetloginurlUser(s, u as User[], { caller: ADMIN, body } as never, { fresh: f, now: T0 })
  const logoutOf = (s: SiteContext, u: unknown, body: object = { webExID: 'hostid' }) =>
    applyGetlogouturlUser(s, u as User[], { caller: ADMIN, body } as never)
  const badSite = site({ activeHostCount: 'x' as never })

  it('a malformed site is 999999 naming site.<path>, for each operation', () => {
    const expected = E.left({ exceptionID: '999999', failures: [{ source: 'site', path: 'activeHostCount' }] })
    expect(ticketOf(badSite, users)).toMatchObject(expected)
    expect(urlOf(badSite, users)).toMatchObject(expected)
    expect(logoutOf(badSite, users)).toMatchObject(expected)
  })
  it('users that are not a list are 999999 from user, not a throw', () => {
    for (const notAList of [null, 42, {}]) {
      const expected = E.left({
        exceptionID: '999999',
        failures: [{ source: 'user', code: 'wrongType', path: '', expected: 'a list of users' }],
      })
      expect(ticketOf(site(), notAList)).toMatchObject(expected)
      expect(urlOf(site(), notAList)).toMatchObject(expected)
      expect(logoutOf(site(), notAList)).toMatchObject(expected)
    }
  })
  it('D-OP-14 GetLoginTicket for a caller the site does not have is 030001', () => {
    expect(ticketOf(site(), users, { webExId: 'ghost', role: 'host' })).toMatchObject(
      E.left({ _tag: 'UserNotFound', exceptionID: '030001' }),
    )
  })
  it('D-OP-15 a fresh ticket that would break the URL is refused by GetLoginTicket and GetloginurlUser too', () => {
    const bad = { ...fresh, ticket: 'a&b' }
    expect(ticketOf(site(), users, HOST, bad)).toMatchObject(E.left({ failures: [{ path: 'fresh' }] }))
    expect(urlOf(site(), users, { webExID: 'hostid' }, bad)).toMatchObject(E.left({ failures: [{ path: 'fresh' }] }))
  })
  it('a malformed GetloginurlUser request is 999999 naming body.<path>', () => {
    expect(urlOf(site(), users, { webExID: 7 })).toMatchObject(
      E.left({ exceptionID: '999999', failures: [{ source: 'body', path: 'webExID' }] }),
    )
  })
  it('D-OP-16 the refusal names no path (it is given before any lookup)', () => {
    const other = { caller: { webExId: 'bare', role: 'host' }, body: { webExID: 'hostid' } } as const
    const refusal = E.left({
      _tag: 'NoPrivilege',
      exceptionID: '000001',
      reason: 'Access denied, additional privileges are required',
      paths: [],
    })
    expect(applyGetloginurlUser(site(), users, other, { fresh, now: T0 })).toEqual(refusal)
    expect(applyGetlogouturlUser(site(), users, other)).toEqual(refusal)
  })
  it('the stored user is not trusted: each element the URL or the state reads is decoded', () => {
    for (const key of ['firstName', 'lastName', 'email', 'active'])
      expect(urlOf(site(), [{ webExId: 'hostid', [key]: 5 }])).toMatchObject(
        E.left({ exceptionID: '999999', failures: [{ source: 'user', path: key }] }),
      )
  })
  it('D-OP-15 a user without names or e-mail gets FN=, LN=, EM= empty', () => {
    expect(urlOf(site(), users, { webExID: 'bare' })).toMatchObject(
      E.right({
        answer: {
          userLoginURL:
            'https://examplesite.webex.com/examplesite/p.php?AT=LI&FN=&LN=&EM=&WID=bare&TK=ticket&MU=GoBack&BU=',
        },
      }),
    )
  })
  it('D-E2 a hostile site, user list or request is the caller error naming that input', () => {
    const cases: readonly (readonly [string, SiteContext, unknown, object])[] = [
      ['site', throwingGetter(baseSite, 'siteName'), users, { webExID: 'hostid' }],
      ['user', site(), throwingUsers(), { webExID: 'hostid' }],
      ['request', site(), users, throwingGetter({}, 'webExID')],
    ]
    // a getter is not plain data and is named by its path, whether or not it throws (issue 14)
    const named: Readonly<Record<string, object>> = {
      site: { source: 'site', path: 'siteName' },
      user: { source: 'user', path: '' },
      request: { source: 'body', path: 'webExID' },
    }
    for (const [source, s, u, body] of cases) {
      const expected = E.left({ exceptionID: '999999', failures: [named[source]] })
      expect(urlOf(s, u, body)).toMatchObject(expected)
      expect(logoutOf(s, u, body)).toMatchObject(expected)
    }
    const ticketCases: readonly (readonly [string, SiteContext, unknown, object])[] = [
      ['site', throwingGetter(baseSite, 'siteName'), users, {}],
      ['user', site(), throwingUsers(), {}],
      ['request', site(), users, throwingGetter({}, 'x')],
    ]
    for (const [source, s, u, body] of ticketCases)
      expect(applyGetLoginTicket(s, u as User[], { caller: HOST, body }, { fresh, now: T0 })).toMatchObject(
        E.left({
          exceptionID: '999999',
          failures: [{ ...named[source], ...(source === 'request' ? { path: 'x' } : {}) }],
        }),
      )
  })
})
