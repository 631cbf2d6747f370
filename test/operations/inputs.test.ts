import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applyDelUser,
  applyGetLoginTicket,
  applyGetloginurlUser,
  applyGetlogouturlUser,
  applyLstsummaryUser,
  type SiteContext,
  type User,
} from 'webex-user-rules'
import { deepFreeze, site } from '../helpers.js'

// The operations that take a request, the site and the stored users read them in one order
// (D-SH-1): the request, then the site, then the caller's right, then the users.

const users: readonly User[] = deepFreeze([{ webExId: 'host01', firstName: 'H', email: 'host01@example.com' }])
const ADMIN = { webExId: 'admin', role: 'siteAdmin' } as const
const HOST = { webExId: 'host01', role: 'host' } as const
const fresh = deepFreeze({ ticket: 'ticket', createTime: 0, timeToLive: 5400 })
const badSite = { activeHostCount: -1 } as unknown as SiteContext
const notUsers = 42 as unknown as readonly User[]

/** Each operation with a valid request, a request with a body element it does not have, and its call. */
const OPERATIONS = {
  DelUser: {
    call: (s: SiteContext, u: readonly User[], body: unknown) =>
      applyDelUser(s, u, { caller: ADMIN, body } as Parameters<typeof applyDelUser>[2]),
    body: { webExId: ['host01'] },
  },
  LstsummaryUser: {
    call: (s: SiteContext, u: readonly User[], body: unknown) =>
      applyLstsummaryUser(s, u, { caller: ADMIN, body } as Parameters<typeof applyLstsummaryUser>[2]),
    body: {},
  },
  GetLoginTicket: {
    call: (s: SiteContext, u: readonly User[], body: unknown) =>
      applyGetLoginTicket(s, u, { caller: HOST, body } as Parameters<typeof applyGetLoginTicket>[2], {
        fresh,
        now: 0,
      }),
    body: {},
  },
  GetloginurlUser: {
    call: (s: SiteContext, u: readonly User[], body: unknown) =>
      applyGetloginurlUser(s, u, { caller: HOST, body } as Parameters<typeof applyGetloginurlUser>[2], {
        fresh,
        now: 0,
      }),
    body: { webExID: 'host01' },
  },
  GetlogouturlUser: {
    call: (s: SiteContext, u: readonly User[], body: unknown) =>
      applyGetlogouturlUser(s, u, { caller: HOST, body } as Parameters<typeof applyGetlogouturlUser>[2]),
    body: { webExID: 'host01' },
  },
} as const

/** The sources of an InvalidRequest's failures, or the error's tag. */
const sourcesOf = (result: E.Either<{ readonly _tag: string }, unknown>): readonly string[] | string => {
  if (E.isRight(result)) return 'Right'
  const error = result.left as { readonly _tag: string; readonly failures?: readonly { readonly source: string }[] }
  return error.failures === undefined ? error._tag : [...new Set(error.failures.map((f) => f.source))]
}

describe('the order in which operations read their inputs (D-SH-1)', () => {
  for (const [name, { call, body }] of Object.entries(OPERATIONS)) {
    it(`D-SH-1 ${name}: the valid request succeeds on a good site and users`, () => {
      expect(sourcesOf(call(site(), users, body))).toBe('Right')
    })

    it(`D-SH-1 ${name}: a malformed request is the answer even when the site is malformed too`, () => {
      expect(sourcesOf(call(badSite, users, { ...body, bogus: 1 }))).toEqual(['body'])
    })

    it(`D-SH-1 ${name}: a valid request on a malformed site names the site`, () => {
      expect(sourcesOf(call(badSite, users, body))).toEqual(['site'])
    })

    it(`D-SH-1 ${name}: users that are not a list are an InvalidRequest naming user, not a crash`, () => {
      const result = call(site(), notUsers, body)
      expect(sourcesOf(result)).toEqual(['user'])
      expect(E.isLeft(result) && 'failures' in result.left && result.left.failures).toEqual([
        { source: 'user', code: 'wrongType', path: '', expected: 'a list of users', actual: 42 },
      ])
    })
  }

  it('D-SH-1 D-OP-16 the URL operations refuse a caller who may not act for the user before reading the users', () => {
    const other = { webExId: 'someone', role: 'host' } as const
    const login = applyGetloginurlUser(
      site(),
      notUsers,
      { caller: other, body: { webExID: 'host01' } },
      { fresh, now: 0 },
    )
    const logout = applyGetlogouturlUser(site(), notUsers, { caller: other, body: { webExID: 'host01' } })
    expect([sourcesOf(login), sourcesOf(logout)]).toEqual(['NoPrivilege', 'NoPrivilege'])
  })

  it('D-SH-1 D-OP-1 LstsummaryUser refuses a host before reading the users', () => {
    expect(sourcesOf(applyLstsummaryUser(site(), notUsers, { caller: HOST, body: {} }))).toBe('NoPrivilege')
  })

  it('D-SH-1 the list operations read any iterable of users, not only arrays', () => {
    const iterable: Iterable<User> = new Set(users)
    const listed = applyLstsummaryUser(site(), iterable, { caller: ADMIN, body: {} })
    const url = applyGetlogouturlUser(site(), iterable, { caller: HOST, body: { webExID: 'host01' } })
    expect([sourcesOf(listed), sourcesOf(url)]).toEqual(['Right', 'Right'])
  })
})
