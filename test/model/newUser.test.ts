/**
 * D-NU — a new user carries every element a real getUserResponse always carries (issue 11 item 7):
 * the site's time zone and language, the registration date of the time it was stored, and the
 * values a new user gets when not given one; `withUserDefaults` completes a given user without
 * changing anything it gives.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { applyCreateUser, type CreateUserBody, type SetUserResult, type SiteContext, type User } from 'webex-user-rules'
import { newUserDefaults as userDefaults, newUserOf, withUserDefaults } from 'webex-user-rules/new-user'
import { webexDateTime } from '../../src/model/newUser.js'
import { timeZoneName } from '../../src/model/timeZones.js'
import { ADMIN, ATLAS_REGISTERED, deepFreeze, NEW_USER_BODY as BODY, site } from '../helpers.js'

const created = (body: CreateUserBody, siteContext: SiteContext = site(), registeredAt?: number): User => {
  const result = applyCreateUser(
    deepFreeze(siteContext),
    deepFreeze({ caller: ADMIN, body }),
    newUserOf(registeredAt === undefined ? {} : { registeredAt }),
  )
  if (E.isLeft(result)) return expect.fail(JSON.stringify(result.left))
  return (result.right satisfies SetUserResult).user
}

describe('D-NU-4 registrationDate: MM/DD/YYYY HH:MM:SS in the site zone, from the caller clock', () => {
  it("writes atlas-1's date for the instant it names (San Jose, GMT-08:00, the default zone)", () => {
    expect(userDefaults('x', { registeredAt: ATLAS_REGISTERED }).registrationDate).toBe('02/08/2016 15:21:23')
    expect(created(BODY, site(), ATLAS_REGISTERED).registrationDate).toBe('02/08/2016 15:21:23')
  })

  it("uses the site's zone: Berlin (GMT+01:00) is the next day at 00:21:23", () => {
    expect(userDefaults('x', { site: { timeZoneID: 25 }, registeredAt: ATLAS_REGISTERED }).registrationDate).toBe(
      '02/09/2016 00:21:23',
    )
    // half-hour zones: Newfoundland is GMT-03:30
    expect(webexDateTime(Date.UTC(2024, 0, 1, 3, 0, 0), -210)).toBe('12/31/2023 23:30:00')
  })

  it('counts days by the Gregorian rules: leap days, century years, the epoch, the last second of 9999', () => {
    expect(webexDateTime(Date.UTC(2024, 1, 29, 12, 0, 0))).toBe('02/29/2024 12:00:00')
    expect(webexDateTime(Date.UTC(2000, 1, 29, 0, 0, 0))).toBe('02/29/2000 00:00:00')
    expect(webexDateTime(Date.UTC(2100, 2, 1, 0, 0, 0))).toBe('03/01/2100 00:00:00')
    expect(webexDateTime(0)).toBe('01/01/1970 00:00:00')
    expect(webexDateTime(Date.UTC(9999, 11, 31, 23, 59, 59, 999))).toBe('12/31/9999 23:59:59')
    expect(webexDateTime(1999)).toBe('01/01/1970 00:00:01')
  })

  it('writes no date for no clock, a clock that is not a time, or a time outside 1970…9999', () => {
    for (const at of [undefined, Number.NaN, Number.POSITIVE_INFINITY, -1, Date.UTC(10_000, 0, 1, 8)])
      expect(userDefaults('x', at === undefined ? {} : { registeredAt: at })).not.toHaveProperty('registrationDate')
    // a zone before GMT takes the epoch's first hours back before 1970
    expect(webexDateTime(0, -480)).toBeUndefined()
    // CreateUser takes the clock as it comes: anything but a number is no clock, never a throw
    expect(created(BODY, site(), 'now' as unknown as number)).not.toHaveProperty('registrationDate')
  })
})

describe('D-NU-3 the time zone: the user zone, else the site zone, else San Jose; the names of that zone', () => {
  it("a site's zone is a new user's, with its name; its DST text only where a real answer shows it", () => {
    const berlin = userDefaults('x', { site: { timeZoneID: 25 } })
    expect(berlin).toMatchObject({ timeZoneID: 25, timeZone: 'GMT+01:00, Europe (Berlin)' })
    expect(berlin).not.toHaveProperty('timeZoneWithDST')
    expect(userDefaults('x', { site: { timeZoneID: 4 } }).timeZoneWithDST).toBe(
      'San Francisco (Pacific Standard Time, GMT-08:00)',
    )
  })

  it('a site zone of -1 ("not set") or outside the table is San Jose', () => {
    for (const timeZoneID of [-1, 62, 1000])
      expect(userDefaults('x', { site: { timeZoneID } })).toMatchObject({
        timeZoneID: 4,
        timeZone: 'GMT-08:00, Pacific (San Jose)',
      })
  })

  it("the table has the schema's 62 names, in id order", () => {
    expect(timeZoneName(0)).toBe('GMT-12:00, Dateline (Eniwetok)')
    expect(timeZoneName(11)).toBe('GMT-05:00, Eastern (New York)')
    expect(timeZoneName(61)).toBe('GMT+12:00, Fiji (Fiji)')
    expect(timeZoneName(62)).toBeUndefined()
    expect(timeZoneName(1.5)).toBeUndefined()
  })

  it("the names follow the zone the user or the request gives, not the site's", () => {
    expect(created({ ...BODY, timeZoneID: 11 }, site({ timeZoneID: 25 }))).toMatchObject({
      timeZoneID: 11,
      timeZone: 'GMT-05:00, Eastern (New York)',
    })
    expect(created({ ...BODY, timeZoneID: 11 }, site({ timeZoneID: 25 }))).not.toHaveProperty('timeZoneWithDST')
    expect(withUserDefaults({ webExId: 'x', timeZone: 'GMT+01:00, Europe (Berlin)' })).toMatchObject({
      timeZoneID: 25,
      timeZone: 'GMT+01:00, Europe (Berlin)',
    })
    // names the user gives are kept, even for a zone the table names otherwise
    expect(withUserDefaults({ webExId: 'x', timeZoneID: 4, timeZone: 'Pacific' })).toMatchObject({
      timeZoneID: 4,
      timeZone: 'Pacific',
      timeZoneWithDST: 'San Francisco (Pacific Standard Time, GMT-08:00)',
    })
  })

  it('CreateUser stores a timeZoneID of -1 ("not set") as the site zone, with its names', () => {
    expect(created({ ...BODY, timeZoneID: -1 }, site({ timeZoneID: 25 }))).toMatchObject({
      timeZoneID: 25,
      timeZone: 'GMT+01:00, Europe (Berlin)',
    })
  })

  it('a stored -1 (the old CreateUser default, "not set") becomes the site zone', () => {
    expect(withUserDefaults({ webExId: 'x', timeZoneID: -1 }, { site: { timeZoneID: 11 } })).toMatchObject({
      timeZoneID: 11,
      timeZone: 'GMT-05:00, Eastern (New York)',
    })
  })
})

describe('D-NU-5 language and languageID as one pair', () => {
  const languages = [
    { id: 9, name: 'GERMAN' },
    { id: 1, name: 'ENGLISH' },
  ]

  it('English when the site offers it or lists none, else the first language the site lists; locale U.S.', () => {
    expect(userDefaults('x')).toMatchObject({ language: 'ENGLISH', languageID: 1, locale: 'U.S.' })
    expect(userDefaults('x', { site: { languages } })).toMatchObject({ language: 'ENGLISH', languageID: 1 })
    expect(userDefaults('x', { site: { languages: [{ id: 9, name: 'GERMAN' }] } })).toMatchObject({
      language: 'GERMAN',
      languageID: 9,
    })
  })

  it("the partner of the one the user gives, from the site's list; an unknown partner is left out", () => {
    expect(created({ ...BODY, language: 'german' }, site({ languages }))).toMatchObject({
      language: 'german',
      languageID: 9,
    })
    expect(created({ ...BODY, languageID: 1 }, site({ languages }))).toMatchObject({
      language: 'ENGLISH',
      languageID: 1,
    })
    const klingon = withUserDefaults({ webExId: 'x', language: 'KLINGON' })
    expect(klingon.language).toBe('KLINGON')
    expect(klingon).not.toHaveProperty('languageID')
    expect(withUserDefaults({ webExId: 'x', languageID: 7 })).not.toHaveProperty('language')
  })
})

describe('D-NU-6 withUserDefaults: the given user, completed', () => {
  const given: User = deepFreeze({
    webExId: 'jdoe',
    firstName: 'Jane',
    privilege: { siteAdmin: true },
    address: { city: 'Berlin' },
    phones: { PIN: '4826' },
    videoSystems: [{ address: 'room@example.com' }],
    registrationDate: '06/23/2004 01:00:00',
    visitCount: 12,
    userId: 962225390,
  })

  it('keeps every value the user gives, objects completed at any depth, lists whole', () => {
    const user = withUserDefaults(given, { registeredAt: ATLAS_REGISTERED })
    expect(user).toMatchObject({
      webExId: 'jdoe',
      firstName: 'Jane',
      // a site admin is not also given the default role host (R3 precedence)
      privilege: { siteAdmin: true, host: false, otherTelephony: true, attendeeOnly: false },
      address: { addressType: 'PERSONAL', city: 'Berlin' },
      phones: { PIN: '4826' },
      videoSystems: [{ address: 'room@example.com' }],
      registrationDate: '06/23/2004 01:00:00',
      visitCount: 12,
      userId: 962225390,
    })
  })

  it('the default role host: unless the user has a stronger one; a role the user gives is kept', () => {
    expect(withUserDefaults({ webExId: 'x', privilege: { roSiteAdmin: true } }).privilege).toMatchObject({
      roSiteAdmin: true,
      host: false,
    })
    expect(withUserDefaults({ webExId: 'x', privilege: { siteAdmin: false } }).privilege?.host).toBe(true)
    expect(withUserDefaults({ webExId: 'x', privilege: { siteAdmin: true, host: true } }).privilege?.host).toBe(true)
    expect(withUserDefaults({ webExId: 'x', supportCenter: { serviceDesk: {} } }).supportCenter).toEqual({
      serviceDesk: { enable: false },
    })
  })

  it('completes a user with nothing but a name to the defaults of a new user', () => {
    expect(withUserDefaults({ webExId: 'x' }, { registeredAt: ATLAS_REGISTERED })).toEqual(
      userDefaults('x', { registeredAt: ATLAS_REGISTERED }),
    )
  })

  it('is idempotent and builds new objects (the input is frozen above)', () => {
    const once = withUserDefaults(given)
    expect(withUserDefaults(once)).toEqual(once)
    expect(once.privilege).not.toBe(given.privilege)
    expect(userDefaults('a').myWebEx).not.toBe(userDefaults('b').myWebEx)
  })
})
