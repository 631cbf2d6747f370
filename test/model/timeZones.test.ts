/**
 * The Webex time-zone table (src/model/timeZones.ts), read from a copy of the module evaluated inside
 * each test (D-MU-5): the table and the exported functions are module-level values, evaluated once
 * for every other test file (`isolate: false`), so a mutant of them is only switched on here.
 *
 * The oracle is the schema's `com:timeZoneType` enumeration, in id order [XSD]: the research notes give
 * its form (`GMT-08:00, Pacific (San Jose)`, /work/shared/research/webex-user-service.md) but not its
 * 62 values, which are written out below from the enumeration as a JAXB binding of the Webex common
 * schema carries it (`com.webex.schemas._2002._06.common.TimeZoneType`, Nabeel Mukhtar's Webex Java
 * SDK). Ids 4 and 25 are also pinned by real GetUser answers (atlas-1 in the corpus; the erolms answer
 * of D-NU-3); the reference guide's table A.1 (XML API 5.9) gives the same 62 zones in the same order.
 */
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
// a static import, so that vitest counts this file as related to the module (the dynamic imports
// below are invisible to that analysis, and Stryker runs only related test files)
import * as shared from '../../src/model/timeZones.js'

type TimeZones = typeof import('../../src/model/timeZones.js')

/** A new instance of the module, evaluated now (a new query on every call, also across Stryker's runs). */
const fresh = async (): Promise<TimeZones> => {
  const url = `${new URL('../../src/model/timeZones.ts', import.meta.url).pathname}?fresh=${randomUUID()}`
  return (await import(/* @vite-ignore */ url)) as TimeZones
}

/** `com:timeZoneType`, index = `timeZoneID` [XSD], spelled as the schema does (`Ancorage`). */
const SCHEMA_TIME_ZONES: readonly string[] = [
  'GMT-12:00, Dateline (Eniwetok)',
  'GMT-11:00, Samoa (Samoa)',
  'GMT-10:00, Hawaii (Honolulu)',
  'GMT-09:00, Alaska (Ancorage)',
  'GMT-08:00, Pacific (San Jose)',
  'GMT-07:00, Mountain (Arizona)',
  'GMT-07:00, Mountain (Denver)',
  'GMT-06:00, Central (Chicago)',
  'GMT-06:00, Mexico (Mexico City,Tegucigalpa)',
  'GMT-06:00, Central (Regina)',
  'GMT-05:00, S. America Pacific (Bogota)',
  'GMT-05:00, Eastern (New York)',
  'GMT-05:00, Eastern (Indiana)',
  'GMT-04:00, Atlantic (Halifax)',
  'GMT-04:00, S. America Western (Caracas)',
  'GMT-03:30, Newfoundland (Newfoundland)',
  'GMT-03:00, S. America Eastern (Brasilia)',
  'GMT-03:00, S. America Eastern (Buenos Aires)',
  'GMT-02:00, Mid-Atlantic (Mid-Atlantic)',
  'GMT-01:00, Azores (Azores)',
  'GMT+00:00, Greenwich (Casablanca)',
  'GMT+00:00, GMT (London)',
  'GMT+01:00, Europe (Amsterdam)',
  'GMT+01:00, Europe (Paris)',
  'GMT+01:00, Europe (Prague)',
  'GMT+01:00, Europe (Berlin)',
  'GMT+02:00, Greece (Athens)',
  'GMT+02:00, Eastern Europe (Bucharest)',
  'GMT+02:00, Egypt (Cairo)',
  'GMT+02:00, South Africa (Pretoria)',
  'GMT+02:00, Northern Europe (Helsinki)',
  'GMT+02:00, Israel (Tel Aviv)',
  'GMT+03:00, Saudi Arabia (Baghdad)',
  'GMT+03:00, Russian (Moscow)',
  'GMT+03:00, Nairobi (Nairobi)',
  'GMT+03:00, Iran (Tehran)',
  'GMT+04:00, Arabian (Abu Dhabi, Muscat)',
  'GMT+04:00, Baku (Baku)',
  'GMT+04:00, Afghanistan (Kabul)',
  'GMT+05:00, West Asia (Ekaterinburg)',
  'GMT+05:00, West Asia (Islamabad)',
  'GMT+05:30, India (Bombay)',
  'GMT+06:00, Columbo (Columbo)',
  'GMT+06:00, Central Asia (Almaty)',
  'GMT+07:00, Bangkok (Bangkok)',
  'GMT+08:00, China (Beijing)',
  'GMT+08:00, Australia Western (Perth)',
  'GMT+08:00, Singapore (Singapore)',
  'GMT+08:00, Taipei (Hong Kong)',
  'GMT+09:00, Tokyo (Tokyo)',
  'GMT+09:00, Korea (Seoul)',
  'GMT+09:30, Yakutsk (Yakutsk)',
  'GMT+09:30, Australia Central (Adelaide)',
  'GMT+09:30, Australia Central (Darwin)',
  'GMT+10:00, Australia Eastern (Brisbane)',
  'GMT+10:00, Australia Eastern (Sydney)',
  'GMT+10:00, West Pacific (Guam)',
  'GMT+10:00, Tasmania (Hobart)',
  'GMT+10:00, Vladivostok (Vladivostok)',
  'GMT+11:00, Central Pacific (Solomon Is)',
  'GMT+12:00, New Zealand (Wellington)',
  'GMT+12:00, Fiji (Fiji)',
]

describe('D-MU-5 timeZones.ts evaluated afresh', () => {
  it('evaluates a new instance of the module, not the one every other test shares', async () => {
    const instance = await fresh()
    expect(Object.keys(instance).sort()).toEqual(Object.keys(shared).sort())
    expect(instance.timeZoneName).not.toBe(shared.timeZoneName)
  })

  it('D-NU-3 every timeZoneID 0…61 has its com:timeZoneType name, and the name its id', async () => {
    const { timeZoneName, timeZoneIdOf } = await fresh()
    expect(SCHEMA_TIME_ZONES).toHaveLength(62)
    SCHEMA_TIME_ZONES.forEach((name, id) => {
      expect(timeZoneName(id)).toBe(name)
      expect(timeZoneIdOf(name)).toBe(id)
    })
    // the zones real answers show beside their id (atlas-1, erolms)
    expect(timeZoneName(4)).toBe('GMT-08:00, Pacific (San Jose)')
    expect(timeZoneName(25)).toBe('GMT+01:00, Europe (Berlin)')
  })

  it('D-NU-3 an id outside the table, or not an integer, has no name', async () => {
    const { timeZoneName } = await fresh()
    for (const id of [-1, 62, 1.5, Number.NaN]) expect(timeZoneName(id)).toBeUndefined()
  })

  it('D-NU-3 a name that is not in the table (exactly) has no id', async () => {
    const { timeZoneIdOf } = await fresh()
    // -1 is indexOf's "not found": it must not leak out as an id
    for (const name of ['', 'Pacific', 'GMT-08:00, Pacific (San Jose) ', 'gmt-08:00, pacific (san jose)'])
      expect(timeZoneIdOf(name)).toBeUndefined()
  })

  it('D-NU-3 only zone 4 has a standard-time text: the one atlas-1 shows', async () => {
    const { standardTimeText } = await fresh()
    // getuser-response-atlas-1.xml, zone 4, captured in February
    expect(standardTimeText(4)).toBe('San Francisco (Pacific Standard Time, GMT-08:00)')
    // erolms's Berlin text is a summer-time one, so zone 25 has none; nor has any other zone
    for (const id of [-1, 0, 3, 5, 25, 61]) expect(standardTimeText(id)).toBeUndefined()
  })

  it('D-NU-4 the standard offset is read from the name: sign, hours and minutes', async () => {
    const { standardOffsetMinutes, timeZoneName } = await fresh()
    // GMT-03:30 Newfoundland, GMT+05:30 India: the minutes count with the hours' sign
    expect(standardOffsetMinutes(15)).toBe(-(3 * 60 + 30))
    expect(standardOffsetMinutes(41)).toBe(5 * 60 + 30)
    expect(standardOffsetMinutes(0)).toBe(-12 * 60)
    expect(standardOffsetMinutes(4)).toBe(-8 * 60)
    expect(standardOffsetMinutes(21)).toBe(0)
    expect(standardOffsetMinutes(61)).toBe(12 * 60)
    // the guide's table A.1 where the schema name disagrees (Tehran, Kabul, Yakutsk): the names stay
    // the schema's, the offsets are the guide's and the zones' real standard time
    expect(timeZoneName(35)).toBe('GMT+03:00, Iran (Tehran)')
    expect(standardOffsetMinutes(35)).toBe(3 * 60 + 30)
    expect(standardOffsetMinutes(38)).toBe(4 * 60 + 30)
    expect(standardOffsetMinutes(51)).toBe(9 * 60)
    // no zone, no offset (and no throw)
    for (const id of [-1, 62, 2.5]) expect(standardOffsetMinutes(id)).toBeUndefined()
  })
})
