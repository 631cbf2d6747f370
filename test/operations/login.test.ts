import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applyAuthenticateUser,
  applyGetLoginTicket,
  applyGetloginurlUser,
  applyGetlogouturlUser,
  authenticationClaim,
  checkSessionTicket,
  claimedUser,
  currentLoginTicket,
  siteBaseUrl,
  type User,
} from 'webex-user-rules'
import { deepFreeze, site } from '../helpers.js'

const HOSTID: User = {
  webExId: 'hostid',
  firstName: 'Fname',
  lastName: 'Lname',
  email: 'email@example.com',
  password: 'pw',
}
const GONE: User = { webExId: 'gone', active: 'DEACTIVATED', firstName: 'G' }
const users: readonly User[] = deepFreeze([
  HOSTID,
  { webExId: 'host01', email: 'host01@example.com' },
  GONE,
  { webExId: 'Odd', firstName: 'Anne & Co', lastName: 'Lee=1', email: 'a+b@example.com' },
])
const ADMIN = { webExId: 'admin', role: 'siteAdmin' } as const
const T0 = 1564617600000
const fresh = deepFreeze({ ticket: 'ticket', createTime: T0, timeToLive: 5400 })

describe('credentials (D-OP-10, D-OP-11)', () => {
  it('D-OP-10 form A (corpus authenticateuser-atlas-1): the body accessToken, no password in the header', () => {
    expect(
      authenticationClaim(
        { siteName: 'examplesite', webExID: 'admin@example.com' },
        { accessToken: 'DummyAccessToken-02' },
      ),
    ).toEqual(
      E.right({
        subject: { webExId: 'admin@example.com' },
        credential: { kind: 'accessToken', accessToken: 'DummyAccessToken-02' },
      }),
    )
  })
  it('D-OP-10 form B: the header password and an empty body; form C: the SAML response with its protocol', () => {
    expect(authenticationClaim({ webExID: 'host01', password: 'DummyPass-21' }, {})).toMatchObject(
      E.right({ credential: { kind: 'password', password: 'DummyPass-21' } }),
    )
    expect(
      authenticationClaim(
        { webExID: 'host03', password: 'DummyPass-27', email: 'host03@example.com' },
        {
          protocol: 'SAML2.0',
          samlResponse: 'PHNhbWw+',
        },
      ),
    ).toMatchObject(E.right({ credential: { kind: 'samlResponse', samlResponse: 'PHNhbWw+', protocol: 'SAML2.0' } }))
  })
  it('D-OP-10 the body credential beats the header password, the password beats a ticket; an e-mail can be the subject', () => {
    expect(authenticationClaim({ webExID: 'h', password: 'pw' }, { accessToken: 'tok' })).toMatchObject(
      E.right({ credential: { kind: 'accessToken' } }),
    )
    expect(authenticationClaim({ webExID: 'h', password: 'pw', sessionTicket: 'AAAB' })).toMatchObject(
      E.right({ credential: { kind: 'password' } }),
    )
    expect(authenticationClaim({ email: 'h@example.com', webExID: '', sessionTicket: 'AAAB' })).toMatchObject(
      E.right({ subject: { email: 'h@example.com' }, credential: { kind: 'sessionTicket' } }),
    )
    expect(authenticationClaim({ webExID: 'h', webExAccessToken: 'tok' })).toMatchObject(
      E.right({ credential: { kind: 'accessToken', accessToken: 'tok' } }),
    )
  })
  it('D-OP-11 no subject or no credential is 030002; empty elements count as absent', () => {
    expect(authenticationClaim({ webExID: 'host01', siteName: 'examplesite' }, {})).toEqual(
      E.left({ _tag: 'AuthenticationFailed', exceptionID: '030002', reason: 'Incorrect user or password' }),
    )
    expect(authenticationClaim({ password: 'pw' })).toMatchObject(E.left({ exceptionID: '030002' }))
    expect(authenticationClaim({ webExID: 'h', password: '', partnerID: '', email: '' })).toMatchObject(
      E.left({ exceptionID: '030002' }),
    )
  })
  it('D-OP-11 a malformed securityContext is 999999 naming the path, never the secret', () => {
    const r = authenticationClaim({ webExID: 'h', password: 'x'.repeat(300) })
    expect(r).toMatchObject(E.left({ exceptionID: '999999', failures: [{ source: 'caller', path: 'password' }] }))
    expect(JSON.stringify(r)).not.toContain('xxxx')
    expect(JSON.stringify(authenticationClaim({ webExID: 'h' }, { accessToken: 7 } as never))).not.toContain('7,')
  })
  it('D-OP-2 D-OP-11 the claimed user is found ignoring case; an unknown user gets the same answer as a wrong credential', () => {
    const password = { kind: 'password', password: 'pw' } as const
    expect(claimedUser(users, { subject: { webExId: 'HOSTID' }, credential: password })).toMatchObject(
      E.right({ webExId: 'hostid' }),
    )
    expect(claimedUser(users, { subject: { email: 'HOST01@example.com' }, credential: password })).toMatchObject(
      E.right({ webExId: 'host01' }),
    )
    const unknown = claimedUser(users, { subject: { webExId: 'ghost' }, credential: password })
    const wrong = applyAuthenticateUser(HOSTID, { subject: { webExId: 'hostid' }, credential: password }, false, {
      sessionTicket: 'AAAB',
      createTime: T0,
      timeToLive: 5400,
    })
    expect(unknown).toEqual(wrong)
    expect(unknown).toMatchObject(E.left({ exceptionID: '030002' }))
    expect(
      claimedUser(users, { subject: { webExId: 'ghost' }, credential: { kind: 'sessionTicket', sessionTicket: 'x' } }),
    ).toMatchObject(E.left({ exceptionID: '030047' }))
    expect(
      claimedUser(users, { subject: { webExId: 'ghost' }, credential: { kind: 'accessToken', accessToken: 'x' } }),
    ).toMatchObject(E.left({ exceptionID: '030048' }))
  })
})

describe('AuthenticateUser and session tickets (D-OP-11, D-OP-13)', () => {
  const claim = { subject: { webExId: 'hostid' }, credential: { kind: 'password', password: 'pw' } } as const
  const issued = { sessionTicket: 'AAABBBdummySessionTicket000777', createTime: T0, timeToLive: 5400 }
  it('D-OP-11 a verified credential gets the issued ticket, createTime and timeToLive (corpus authenticateuser-response-ciscodoc-1)', () => {
    expect(applyAuthenticateUser(HOSTID, claim, true, issued)).toEqual(E.right(issued))
  })
  it('D-OP-11 a deactivated user with a good credential gets 030008; with a bad one the usual rejection', () => {
    expect(applyAuthenticateUser(GONE, claim, true, issued)).toMatchObject(
      E.left({ _tag: 'UserNotActive', exceptionID: '030008' }),
    )
    expect(applyAuthenticateUser(GONE, claim, false, issued)).toMatchObject(E.left({ exceptionID: '030002' }))
  })
  it('D-OP-11 only a boolean true verifies; a malformed issued ticket is refused without echoing it', () => {
    expect(applyAuthenticateUser(HOSTID, claim, 'yes' as never, issued)._tag).toBe('Left')
    const r = applyAuthenticateUser(HOSTID, claim, true, { ...issued, timeToLive: 0 })
    expect(r).toMatchObject(E.left({ exceptionID: '999999' }))
    expect(JSON.stringify(r)).not.toContain('dummySessionTicket')
  })
  it('D-OP-13 a session ticket is good for its user (any case) until createTime + timeToLive, fixed', () => {
    const record = { webExId: 'hostid', createTime: T0, timeToLive: 5400 }
    expect(checkSessionTicket(record, 'HostID', T0)._tag).toBe('Right')
    expect(checkSessionTicket(record, 'hostid', T0 + 5_399_999)._tag).toBe('Right')
    expect(checkSessionTicket(record, 'hostid', T0 + 5_400_000)).toEqual(
      E.left({ _tag: 'InvalidSessionTicket', exceptionID: '030047', reason: 'Not a valid session ticket' }),
    )
    expect(checkSessionTicket(record, 'host01', T0)._tag).toBe('Left')
    expect(checkSessionTicket(record, undefined, T0)._tag).toBe('Left')
    expect(checkSessionTicket(undefined, 'hostid', T0)._tag).toBe('Left')
    expect(checkSessionTicket(record, 'hostid', Number.NaN)._tag).toBe('Left')
    expect(checkSessionTicket({ ...record, timeToLive: -5 }, 'hostid', T0)._tag).toBe('Left')
  })
})

describe('login tickets (D-OP-14)', () => {
  const outstanding = { ticket: 'old', createTime: T0, timeToLive: 5400 }
  it('D-OP-14 the outstanding ticket is reused until used up or expired, then the fresh one is issued', () => {
    expect(currentLoginTicket(outstanding, fresh, T0 + 1000)).toEqual(E.right({ ticket: outstanding, reused: true }))
    expect(currentLoginTicket({ ...outstanding, consumed: true }, fresh, T0)).toEqual(
      E.right({ ticket: fresh, reused: false }),
    )
    expect(currentLoginTicket(outstanding, fresh, T0 + 5_400_000)).toEqual(E.right({ ticket: fresh, reused: false }))
    expect(currentLoginTicket(undefined, fresh, T0)).toEqual(E.right({ ticket: fresh, reused: false }))
  })
  it('D-OP-15 a fresh ticket with characters that would break the URL is refused (not echoed)', () => {
    for (const ticket of ['a&b', 'a=b', 'a#b', 'a b', 'a%b', ''])
      expect(currentLoginTicket(undefined, { ...fresh, ticket }, T0)).toMatchObject(E.left({ exceptionID: '999999' }))
    expect(currentLoginTicket(undefined, { ...fresh, ticket: 'AAAB+/x_-.~' }, T0)._tag).toBe('Right')
  })
  it('D-OP-14 GetLoginTicket answers the caller ticket and the API version; 030008 for a deactivated caller', () => {
    const r = applyGetLoginTicket(
      site({ apiVersion: 'WebEx XML API V11.0.0' }),
      users,
      { caller: { webExId: 'HOST01', role: 'host' }, body: {} },
      { outstanding, fresh, now: T0 },
    )
    expect(r).toEqual(
      E.right({ ticket: outstanding, reused: true, answer: { ticket: 'old', apiVersion: 'WebEx XML API V11.0.0' } }),
    )
    expect(
      applyGetLoginTicket(site(), users, { caller: { webExId: 'gone', role: 'host' }, body: {} }, { fresh, now: T0 }),
    ).toMatchObject(E.left({ exceptionID: '030008' }))
    expect(
      applyGetLoginTicket(
        site(),
        users,
        { caller: { webExId: 'h', role: 'host' }, body: { x: 1 } },
        { fresh, now: T0 },
      ),
    ).toMatchObject(E.left({ exceptionID: '999999', failures: [{ source: 'body', path: 'x' }] }))
  })
})

describe('GetloginurlUser and GetlogouturlUser (D-OP-12, D-OP-15, D-OP-16)', () => {
  const url = (
    webExID: string,
    caller: { webExId: string; role: 'siteAdmin' | 'roSiteAdmin' | 'host' | 'attendee' },
    backURL?: string,
    s = site(),
  ) =>
    applyGetloginurlUser(
      s,
      users,
      { caller, body: { webExID, ...(backURL === undefined ? {} : { backURL }) } },
      { fresh, now: T0 },
    )
  it('D-OP-15 the URL of the Cisco sample (corpus getloginurluser-response-ciscodoc-1), parameter for parameter', () => {
    expect(url('hostid', { webExId: 'hostid', role: 'host' })).toMatchObject(
      E.right({
        answer: {
          userLoginURL:
            'https://examplesite.webex.com/examplesite/p.php?AT=LI&FN=Fname&LN=Lname&EM=email@example.com&WID=hostid&TK=ticket&MU=GoBack&BU=',
        },
      }),
    )
  })
  it('D-OP-15 user values are percent-encoded (except @), backURL fills BU encoded, the site URL is the site fact', () => {
    const r = url('odd', ADMIN, 'https://lms.example.edu/back?x=1', site({ siteUrl: 'https://acme.webex.com/acme/' }))
    expect(r).toMatchObject(
      E.right({
        answer: {
          userLoginURL:
            'https://acme.webex.com/acme/p.php?AT=LI&FN=Anne%20%26%20Co&LN=Lee%3D1&EM=a%2Bb@example.com&WID=Odd&TK=ticket&MU=GoBack&BU=https%3A%2F%2Flms.example.edu%2Fback%3Fx%3D1',
        },
      }),
    )
  })
  it('D-OP-12 the base URL: siteUrl, else from siteName, else examplesite', () => {
    expect(siteBaseUrl({})).toBe('https://examplesite.webex.com/examplesite')
    expect(siteBaseUrl({ siteName: 'acme' })).toBe('https://acme.webex.com/acme')
    expect(siteBaseUrl({ siteName: 'acme', siteUrl: 'http://127.0.0.1:9/x//' })).toBe('http://127.0.0.1:9/x')
  })
  it('D-OP-16 self (any case) or a site admin; a read-only admin or another host gets 000001 before any lookup', () => {
    expect(url('HOSTID', { webExId: 'hostid', role: 'host' })._tag).toBe('Right')
    expect(url('hostid', ADMIN)._tag).toBe('Right')
    expect(url('hostid', { webExId: 'viewer', role: 'roSiteAdmin' })).toMatchObject(E.left({ exceptionID: '000001' }))
    expect(url('hostid', { webExId: 'host01', role: 'host' })).toMatchObject(E.left({ exceptionID: '000001' }))
    // the same answer for an unknown user: a host cannot probe who exists
    expect(url('ghost', { webExId: 'host01', role: 'host' })).toMatchObject(E.left({ exceptionID: '000001' }))
  })
  it('D-OP-16 an unknown user is 030001, a deactivated one 030008', () => {
    expect(url('ghost', ADMIN)).toMatchObject(E.left({ _tag: 'UserNotFound', exceptionID: '030001' }))
    expect(url('gone', ADMIN)).toMatchObject(E.left({ exceptionID: '030008' }))
  })
  it('D-OP-15 D-OP-16 the logout URL: p.php?AT=LO&BU=, self or site admin, unknown 030001', () => {
    expect(
      applyGetlogouturlUser(site(), users, {
        caller: { webExId: 'Host01', role: 'host' },
        body: { webExID: 'host01' },
      }),
    ).toEqual(E.right({ userLogoutURL: 'https://examplesite.webex.com/examplesite/p.php?AT=LO&BU=' }))
    expect(
      applyGetlogouturlUser(site({ siteName: 'acme' }), users, {
        caller: ADMIN,
        body: { webExID: 'gone', backURL: 'https://x/?a=1&b' },
      }),
    ).toEqual(E.right({ userLogoutURL: 'https://acme.webex.com/acme/p.php?AT=LO&BU=https%3A%2F%2Fx%2F%3Fa%3D1%26b' }))
    expect(
      applyGetlogouturlUser(site(), users, {
        caller: { webExId: 'host01', role: 'host' },
        body: { webExID: 'hostid' },
      }),
    ).toMatchObject(E.left({ exceptionID: '000001' }))
    expect(applyGetlogouturlUser(site(), users, { caller: ADMIN, body: { webExID: 'ghost' } })).toMatchObject(
      E.left({ exceptionID: '030001' }),
    )
  })
  it('the body needs webExID with a capital D (webExId is an unknown element)', () => {
    expect(applyGetlogouturlUser(site(), users, { caller: ADMIN, body: { webExId: 'hostid' } as never })).toMatchObject(
      E.left({ exceptionID: '999999' }),
    )
  })
})
