/**
 * D-NU-6's table of a new user's values, and the paired time zone and language defaults at their
 * edges, checked on the shared module and (D-MU-5) on a copy of `src/model/newUser.ts` evaluated
 * inside the test: its module-level values (English, the two-digit writer, `newUserDefaults` and
 * `newUserOf` themselves) are constants that a shared instance evaluates before any mutant is on.
 */
import { randomUUID } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { applyCreateUser, type User } from 'webex-user-rules'
// static import: makes this file related to the module for Stryker (the fresh copies are invisible to it)
import * as shared from '../../src/model/newUser.js'
import { ADMIN, ATLAS_REGISTERED, deepFreeze, NEW_USER_BODY as BODY, site } from '../helpers.js'

type NewUserModule = typeof shared

/** A new instance of src/model/newUser.ts, evaluated now (its own imports stay shared). */
const fresh = async (): Promise<NewUserModule> => {
  const url = `${new URL('../../src/model/newUser.ts', import.meta.url).pathname}?fresh=${randomUUID()}`
  return (await import(/* @vite-ignore */ url)) as NewUserModule
}

/** Every value of an object is FALSE, or 0 for a number, except those named. */
const allOff = (value: object | undefined, except: Readonly<Record<string, unknown>> = {}): void => {
  expect(value).toBeDefined()
  for (const [key, v] of Object.entries(value ?? {}))
    expect([key, v]).toEqual([key, key in except ? except[key] : typeof v === 'number' ? 0 : false])
}

/** The D-NU-6 table, written out from docs/decisions.md. */
const expectTableValues = (user: User): void => {
  expect(user).toMatchObject({
    webExId: 'x',
    categoryId: 0,
    address: { addressType: 'PERSONAL' },
    expirationDate: '12/31/2049 23:59:59',
    service: 'FREE_OFFICE',
    visitCount: 0,
    passwordExpires: false,
    passwordDaysLeft: 0,
  })
  expect(user.phones).toEqual({ PIN: '' })
  expect(user.tracking).toEqual({})
  expect(user.defaultCallIn).toEqual({})
  expect(user.videoSystems).toEqual([])
  allOff(user.commOptions)
  allOff(user.options)
  allOff(user.supportedServices)
  allOff(user.myWebEx, { myMeetings: true })
  expect(user.personalTeleconf).toEqual({ joinBeforeHost: false })
  expect(user.sessionOptions).toEqual({
    defaultServiceType: 'MeetingCenter',
    autoDeleteAfterMeetingEnd: false,
    displayQuickStartHost: true,
    displayQuickStartAttendees: false,
  })
  expect(user.supportCenter).toEqual({ serviceDesk: { enable: false } })
  expect(user.security).toEqual({ forceChangePassword: false, resetPassword: false, lockAccount: false })
  expect(user.salesCenter).toEqual({ roles: { rep: true, mgr: false, asst: false, sme: false } })
}

describe('D-NU-6 the values of a new user, as the table lists them', () => {
  it('D-NU-6 newUserDefaults carries each value of the table', () => {
    expectTableValues(shared.newUserDefaults('x'))
  })

  it('D-NU-6 the same from a freshly evaluated module (D-MU-5)', async () => {
    expectTableValues((await fresh()).newUserDefaults('x'))
  })
})

describe('D-NU module-level values, freshly evaluated (D-MU-5)', () => {
  it('D-NU-5 English is ENGLISH / 1 when the site lists no languages', async () => {
    const { newUserDefaults } = await fresh()
    expect(newUserDefaults('x')).toMatchObject({ language: 'ENGLISH', languageID: 1 })
    // the site's English is found by English's name
    expect(
      newUserDefaults('x', {
        site: {
          languages: [
            { id: 9, name: 'GERMAN' },
            { id: 1, name: 'English' },
          ],
        },
      }),
    ).toMatchObject({ language: 'English', languageID: 1 })
  })

  it('D-NU-4 newUserOf writes atlas-1 registrationDate with two-digit fields', async () => {
    const { newUserOf } = await fresh()
    const result = applyCreateUser(
      deepFreeze(site()),
      deepFreeze({ caller: ADMIN, body: BODY }),
      newUserOf({ registeredAt: ATLAS_REGISTERED }),
    )
    if (E.isLeft(result)) return expect.fail(JSON.stringify(result.left))
    expect(result.right.user.registrationDate).toBe('02/08/2016 15:21:23')
    expect(result.right.user.timeZoneID).toBe(4)
  })
})

describe('D-NU-3 / D-NU-5 edges of the paired defaults', () => {
  it('D-NU-3 a zone outside the table keeps its id and gets no names (names only where known)', () => {
    const user = shared.withUserDefaults({ webExId: 'x', timeZoneID: 1000 })
    expect(user.timeZoneID).toBe(1000)
    expect(user).not.toHaveProperty('timeZone')
    expect(user).not.toHaveProperty('timeZoneWithDST')
  })

  it('D-NU-5 spaces around a given language name are not significant (D-X12): its partner is found', () => {
    const languages = [{ id: 9, name: 'GERMAN' }]
    expect(shared.withUserDefaults({ webExId: 'x', language: ' german ' }, { site: { languages } }).languageID).toBe(9)
  })

  it('D-NU-5 an empty or blank language is none given: the pair defaults to the site language', () => {
    // the user's own (empty) value is kept; its partner is the default's
    for (const language of ['', '   ']) {
      const user = shared.withUserDefaults({ webExId: 'x', language })
      expect(user).toMatchObject({ language, languageID: 1 })
    }
  })

  it('D-NU-4 a clock that is not a number (a bigint) is no clock, never a throw', () => {
    const template = shared.newUserOf({ registeredAt: 1_454_974_883_000n as unknown as number })
    const result = applyCreateUser(deepFreeze(site()), deepFreeze({ caller: ADMIN, body: BODY }), template)
    if (E.isLeft(result)) return expect.fail(JSON.stringify(result.left))
    expect(result.right.user).not.toHaveProperty('registrationDate')
  })

  it('D-NU-6 an element present with the value undefined is one the user lacks: it gets its default', () => {
    // plain JS callers can hand over such keys; exactOptionalPropertyTypes forbids writing them in TS
    const user = { webExId: 'x', visitCount: undefined, myWebEx: { myMeetings: undefined } } as unknown as User
    expect(shared.withUserDefaults(user)).toMatchObject({ visitCount: 0, myWebEx: { myMeetings: true } })
  })
})
