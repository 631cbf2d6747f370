// The edges of DelUser, ActivateUser / InactivateUser, GetUser and CreateUser that the mutation run of
// src/operations (issue 12 item 4, docs/testing.md) found unpinned: the exact refusal of a caller who
// may not (no path named), the order in which the inputs are read (D-SH-1), the exact failure of a
// malformed activation body and of a stored user without a webExId, the guard naming a hostile user
// list (D-E2), the site's lists read by CreateUser, and D-NU-3 with a template that has no time zone.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applyActivateUser,
  applyCreateUser,
  applyDelUser,
  applyGetUser,
  applyInactivateUser,
  type CreateUserBody,
  type SiteContext,
  type User,
} from 'webex-user-rules'
import { ADMIN, deepFreeze, site, throwingUsers } from '../helpers.js'

const users: readonly User[] = deepFreeze([{ webExId: 'host01', userId: 7, email: 'host01@example.com' }])
const HOST = { webExId: 'host01', role: 'host' } as const
const badSite = site({ activeHostCount: -1 })
const newUser: CreateUserBody = {
  webExId: 'student42',
  email: 'ana@example.edu',
  password: 'Rnd&Pw-9x2Q',
  firstName: 'Ana',
  lastName: 'ONeil',
}

/** The NoPrivilege of an operation that only a site admin (or the user) may call: no element named. */
const NO_PRIVILEGE = {
  _tag: 'NoPrivilege',
  exceptionID: '000001',
  reason: 'Access denied, additional privileges are required',
  paths: [],
}

/** Each operation on the stored users, called by `caller` with `body`. */
const CALLS = {
  DelUser: (s: SiteContext, u: unknown, caller: typeof HOST | typeof ADMIN, body: unknown) =>
    applyDelUser(s, u as User[], { caller, body } as Parameters<typeof applyDelUser>[2]),
  ActivateUser: (s: SiteContext, u: unknown, caller: typeof HOST | typeof ADMIN, body: unknown) =>
    applyActivateUser(s, u as User[], { caller, body } as Parameters<typeof applyActivateUser>[2]),
  InactivateUser: (s: SiteContext, u: unknown, caller: typeof HOST | typeof ADMIN, body: unknown) =>
    applyInactivateUser(s, u as User[], { caller, body } as Parameters<typeof applyInactivateUser>[2]),
} as const
const BODIES: Readonly<Record<keyof typeof CALLS, unknown>> = {
  DelUser: { webExId: ['host01'] },
  ActivateUser: { webexID: 'host01' },
  InactivateUser: { userID: 7 },
}

describe('who may call DelUser, ActivateUser, InactivateUser, CreateUser and GetUser (D-OP-1)', () => {
  for (const [name, call] of Object.entries(CALLS)) {
    it(`D-OP-1 ${name}: a caller who is no site admin is refused with NoPrivilege naming no element`, () => {
      expect(call(site(), users, HOST, BODIES[name as keyof typeof CALLS])).toEqual(E.left(NO_PRIVILEGE))
    })
  }

  it('D-OP-1 CreateUser: a caller who is no site admin is refused with NoPrivilege naming no element', () => {
    expect(applyCreateUser(site(), { caller: HOST, body: newUser })).toEqual(E.left(NO_PRIVILEGE))
  })

  it("D-OP-1 GetUser: a host reading another user's record is refused with NoPrivilege naming no element", () => {
    const other = deepFreeze([...users, { webExId: 'jdoe' }])
    expect(applyGetUser(other, { caller: HOST, body: { webExId: 'jdoe' } })).toEqual(E.left(NO_PRIVILEGE))
  })
})

describe('the order in which DelUser, ActivateUser and InactivateUser read their inputs (D-SH-1)', () => {
  for (const [name, call] of Object.entries(CALLS)) {
    const body = BODIES[name as keyof typeof CALLS]
    it(`D-SH-1 ${name}: a malformed site is named before the caller's right is checked`, () => {
      expect(call(badSite, users, HOST, body)).toMatchObject(
        E.left({ _tag: 'InvalidRequest', failures: [{ source: 'site', path: 'activeHostCount' }] }),
      )
    })

    it(`D-SH-1 ${name}: users that are not a list are an InvalidRequest naming user, not a crash`, () => {
      expect(call(site(), 42, ADMIN, body)).toEqual(
        E.left({
          _tag: 'InvalidRequest',
          exceptionID: '999999',
          reason: expect.any(String) as string,
          failures: [{ source: 'user', code: 'wrongType', path: '', expected: 'a list of users', actual: 42 }],
        }),
      )
    })

    it(`D-E2 ${name}: a user list that throws when read is the caller error naming user`, () => {
      expect(call(site(), throwingUsers(), ADMIN, body)).toMatchObject(
        E.left({
          _tag: 'InvalidRequest',
          failures: [{ source: 'user', code: 'wrongType', path: '', actual: 'a value that throws when read' }],
        }),
      )
    })
  }

  it('D-E2 GetUser: a user list that throws when read is the caller error naming user', () => {
    expect(applyGetUser(throwingUsers(), { caller: ADMIN, body: { webExId: 'host01' } })).toMatchObject(
      E.left({
        _tag: 'InvalidRequest',
        failures: [{ source: 'user', code: 'wrongType', path: '', actual: 'a value that throws when read' }],
      }),
    )
  })
})

describe('ActivateUser, InactivateUser and the directory: exact failures', () => {
  it('exactly one of webexID and userID: both given is one missingElement failure of the body showing both', () => {
    const both = applyActivateUser(site(), users, { caller: ADMIN, body: { webexID: 'host01', userID: 7 } })
    expect(E.isLeft(both) && 'failures' in both.left && both.left.failures).toEqual([
      {
        source: 'body',
        code: 'missingElement',
        path: '',
        expected: 'exactly one of webexID and userID',
        actual: { webexID: 'host01', userID: 7 },
      },
    ])
  })

  it('a stored user without a string webExId is a wrongType failure of user naming its index', () => {
    const stored = deepFreeze([{ webExId: 'host01' }, { firstName: 'NoId' }])
    for (const r of [
      applyGetUser(stored as User[], { caller: ADMIN, body: { webExId: 'host01' } }),
      applyInactivateUser(site(), stored as User[], { caller: ADMIN, body: { webexID: 'host01' } }),
    ])
      expect(E.isLeft(r) && 'failures' in r.left && r.left.failures).toEqual([
        {
          source: 'user',
          code: 'wrongType',
          path: '[1].webExId',
          expected: 'a user with a webExId',
          actual: { firstName: 'NoId' },
        },
      ])
  })
})

describe('CreateUser reads the site as it needs it', () => {
  it("030004 / 030005 need the site's lists: a malformed takenWebExIds or takenEmails is named, not a crash", () => {
    for (const key of ['takenWebExIds', 'takenEmails'] as const) {
      const malformed = site({ [key]: ['fine', 7] })
      expect(applyCreateUser(malformed, { caller: ADMIN, body: newUser })).toMatchObject(
        E.left({ _tag: 'InvalidRequest', failures: [{ source: 'site', path: `${key}[1]` }] }),
      )
    }
  })

  it('D-E2 a site or request that throws when read is the caller error naming that input', () => {
    const trap = <T extends object>(base: T, handler: ProxyHandler<T>): T => new Proxy({ ...base }, handler)
    const throwing = (): never => {
      throw new Error('trap')
    }
    const s = trap(site(), { ownKeys: throwing })
    const request = trap({ caller: ADMIN, body: newUser }, { getPrototypeOf: throwing })
    for (const [source, r] of [
      ['site', applyCreateUser(s, { caller: ADMIN, body: newUser })],
      ['request', applyCreateUser(site(), request)],
    ] as const)
      expect(r).toMatchObject(
        E.left({
          _tag: 'InvalidRequest',
          failures: [{ source, code: 'wrongType', path: '', actual: 'a value that throws when read' }],
        }),
      )
  })

  it('D-NU-3 a timeZoneID of -1 stays -1 when the template has no time zone of its own', () => {
    const created = applyCreateUser(site(), { caller: ADMIN, body: { ...newUser, timeZoneID: -1 } }, (webExId) => ({
      webExId,
    }))
    if (E.isLeft(created)) expect.fail(JSON.stringify(created.left))
    expect(created.right.user.timeZoneID).toBe(-1)
  })
})
