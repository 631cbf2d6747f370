/**
 * D-NU — the user a site stores when it creates one: every element a real `getUserResponse` always
 * carries, at the value a Webex site gives a new user that was not given one (issue 11 item 7).
 *
 * What "always carried" means comes from the two real GetUser responses known
 * (test/fixtures/corpus/getuser-response-atlas-1.xml, XML API 10.0 page T31L; and a 2016 response
 * kept by erolms/webex_xml_api @b6ac0bb spec/fixtures/user_get_user_response_good.xml): the elements
 * both carry, plus those the newer one adds for every user (`phones/PIN`, `defaultCallIn`,
 * `videoSystems`, the call-back options and the newer privileges). docs/decisions.md D-NU lists them
 * with the evidence for each value. Values come from the site where the site model has them (its time
 * zone, its languages), else from the schema default [XSD] or the value both real responses agree on
 * [R]. Nothing here reads a clock: the time a user is stored is an input.
 *
 * @module
 */
import { booleanDefaults, privilegeDefaults } from './defaults.js'
import { isPlainObject } from './plain.js'
import type { SiteContext, SiteLanguage } from './site.js'
import {
  DEFAULT_TIME_ZONE_ID,
  standardOffsetMinutes,
  standardTimeText,
  timeZoneIdOf,
  timeZoneName,
} from './timeZones.js'
import type { NewUserTemplate } from './operations.js'
import { CommOptions, MyWebEx, Options, SupportedServices, type User } from './user.js'

/**
 * What a new user's defaults depend on besides its name.
 *
 * @category operations
 */
export interface NewUserContext {
  /**
   * The site the user is stored on: its time zone (`timeZoneID`) and the languages it offers decide
   * a new user's. Absent (or a site without them): Webex's own defaults, San Jose and English.
   */
  readonly site?: Pick<SiteContext, 'timeZoneID' | 'languages'>
  /**
   * When the user is stored, in milliseconds since 1970-01-01 UTC: its `registrationDate`, written
   * `MM/DD/YYYY HH:MM:SS` in the site's zone (D-NU-4). Absent, or not a time between 1970 and 9999:
   * no `registrationDate`.
   */
  readonly registeredAt?: number
}

/** What the defaults of the paired elements (time zone, language, the role) follow when a user gives one of them. */
type Given = Pick<User, 'timeZoneID' | 'timeZone' | 'timeZoneWithDST' | 'language' | 'languageID'> & {
  readonly privilege?: Readonly<Partial<Record<'siteAdmin' | 'roSiteAdmin', boolean>>>
}

/** English is languageID 1 (atlas-1). */
const ENGLISH: SiteLanguage = { id: 1, name: 'ENGLISH' }

/** The site's zone; `-1` (the schema's "not set") or an id outside the table is Webex's default. */
const siteZone = (site: NewUserContext['site']): number => {
  const id = site?.timeZoneID
  // Stryker disable next-line ConditionalExpression: equivalent, timeZoneName(undefined) is undefined too (not an integer)
  return id !== undefined && timeZoneName(id) !== undefined ? id : DEFAULT_TIME_ZONE_ID
}

/**
 * D-NU-3: the time zone elements, as one triple. The zone is the user's own (`timeZoneID`, else the
 * zone its `timeZone` name names), else the site's; `-1` ("not set") reads as the site's zone. The
 * names are those of that zone, where they are known.
 */
const timeZoneDefaults = (given: Given, site: NewUserContext['site']): Partial<User> => {
  const own = given.timeZoneID === -1 ? undefined : given.timeZoneID
  // Stryker disable next-line ConditionalExpression: equivalent, timeZoneIdOf(undefined) is undefined (no table name is undefined)
  const zone = own ?? (given.timeZone === undefined ? undefined : timeZoneIdOf(given.timeZone)) ?? siteZone(site)
  const name = timeZoneName(zone)
  const text = standardTimeText(zone)
  return {
    timeZoneID: zone,
    ...(name === undefined ? {} : { timeZone: name }),
    ...(text === undefined ? {} : { timeZoneWithDST: text }),
  }
}

/**
 * D-NU-5: `language` and `languageID` as one pair: the site's language (English when the site offers
 * it or lists none, else the first it lists), or the partner of the one the user gives, looked up in
 * the site's list (or English's id 1). A partner nobody knows is left out rather than invented.
 */
const languageDefaults = (given: Given, site: NewUserContext['site']): Partial<User> => {
  const offered = site?.languages ?? []
  const known = [...offered, ENGLISH]
  const byName = (name: string): SiteLanguage | undefined =>
    known.find((l) => l.name.toLowerCase() === name.trim().toLowerCase())
  const language =
    given.language !== undefined && given.language.trim() !== ''
      ? byName(given.language)
      : given.languageID !== undefined
        ? known.find((l) => l.id === given.languageID)
        : (offered.find((l) => l.name.toUpperCase() === ENGLISH.name) ?? offered[0] ?? ENGLISH)
  return language === undefined ? {} : { language: language.name, languageID: language.id }
}

const MS_PER_DAY = 86_400_000
/** 10000-01-01T00:00:00Z: a four-digit year ends here. */
const END_OF_YEAR_9999 = 253_402_300_800_000

const two = (n: number): string => String(n).padStart(2, '0')

/**
 * D-NU-4: `MM/DD/YYYY HH:MM:SS` (the format of atlas-1's `02/08/2016 15:21:23`) of a time in
 * milliseconds, shifted by the zone's standard offset. Civil date from the day count (Gregorian
 * rules, H. Hinnant's days-to-civil), so no `Date` and no clock. Undefined outside the years 1970–9999.
 *
 * @category operations
 * @example
 * ```ts
 * import { webexDateTime } from 'webex-user-rules/new-user'
 * webexDateTime(Date.UTC(2016, 1, 8, 23, 21, 23), -480) //=> '02/08/2016 15:21:23'
 * webexDateTime(-1) //=> undefined
 * ```
 */
export const webexDateTime = (ms: number, offsetMinutes = 0): string | undefined => {
  const local = Math.floor(ms) + offsetMinutes * 60_000
  if (!Number.isFinite(ms) || local < 0 || local >= END_OF_YEAR_9999) return undefined
  const days = Math.floor(local / MS_PER_DAY)
  const seconds = Math.floor((local - days * MS_PER_DAY) / 1000)
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  const time = `${two(Math.floor(seconds / 3600))}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`
  // Stryker disable next-line StringLiteral: equivalent, years are 1970…9999 here, always four digits, so nothing is padded
  return `${two(month)}/${two(day)}/${String(year).padStart(4, '0')} ${time}`
}

/**
 * The defaults of a new user named `webExId`, given what the user itself says about its zone and
 * language (CreateUser passes its body, so a body's `timeZoneID` gets its zone's names).
 */
export const defaultsOf = (webExId: string, context: NewUserContext, given: Given): User => {
  const registered =
    // Stryker disable next-line ConditionalExpression: equivalent, webexDateTime(undefined) is undefined (not finite)
    context.registeredAt === undefined
      ? undefined
      : webexDateTime(context.registeredAt, standardOffsetMinutes(siteZone(context.site)))
  // key order is the stored tree's (user.ts), so a JSON dump reads like the wire
  return {
    webExId,
    categoryId: 0,
    address: { addressType: 'PERSONAL' },
    phones: { PIN: '' },
    expirationDate: '12/31/2049 23:59:59',
    commOptions: booleanDefaults(CommOptions),
    options: booleanDefaults(Options),
    ...timeZoneDefaults(given, context.site),
    tracking: {},
    service: 'FREE_OFFICE',
    // the schema defaults, and the default role host (docs/spec.md §7.2) unless the user has a
    // stronger one (R3 precedence: siteAdmin > roSiteAdmin > host)
    privilege: {
      ...privilegeDefaults(),
      host: given.privilege?.siteAdmin !== true && given.privilege?.roSiteAdmin !== true,
    },
    ...languageDefaults(given, context.site),
    locale: 'U.S.',
    active: 'ACTIVATED',
    defaultCallIn: {},
    supportedServices: booleanDefaults(SupportedServices),
    myWebEx: {
      ...booleanDefaults(MyWebEx),
      myMeetings: true,
      totalStorageSize: 0,
      myComputer: 0,
      additionalRecordingStorage: 0,
    },
    personalTeleconf: { joinBeforeHost: false },
    videoSystems: [],
    sessionOptions: {
      defaultServiceType: 'MeetingCenter',
      autoDeleteAfterMeetingEnd: false,
      displayQuickStartHost: true,
      displayQuickStartAttendees: false,
    },
    supportCenter: { serviceDesk: { enable: false } },
    security: { forceChangePassword: false, resetPassword: false, lockAccount: false },
    salesCenter: { roles: { rep: true, mgr: false, asst: false, sme: false } },
    ...(registered === undefined ? {} : { registrationDate: registered }),
    visitCount: 0,
    passwordExpires: false,
    passwordDaysLeft: 0,
  }
}

/**
 * The user a site stores when it creates one named `webExId` and is given nothing else (D-OP1,
 * D-NU): every element a real `getUserResponse` always carries, at a new user's value — the schema
 * defaults (options, commOptions and privileges FALSE but `otherTelephony` TRUE, the role `host`,
 * ACTIVATED, category 0, PCN join-before-host FALSE, Sales Center role `rep`), the site's time zone
 * and language (else San Jose and English, locale U.S.), a personal address, an empty PIN, the
 * expiration date 12/31/2049 23:59:59, FREE_OFFICE, My Meetings, the Quick Start page for hosts,
 * visitCount 0, no password expiry, and the `registrationDate` of `context.registeredAt`. The
 * `userId` is the store's to assign.
 *
 * @category operations
 * @example
 * ```ts
 * import { newUserDefaults } from 'webex-user-rules/new-user'
 * const user = newUserDefaults('student42', { registeredAt: Date.UTC(2016, 1, 8, 23, 21, 23) })
 * user.active //=> 'ACTIVATED'
 * user.privilege?.host //=> true
 * user.privilege?.otherTelephony //=> true
 * user.options?.emailVisible //=> false
 * user.timeZone //=> 'GMT-08:00, Pacific (San Jose)'
 * user.registrationDate //=> '02/08/2016 15:21:23'
 * newUserDefaults('student42', { site: { timeZoneID: 25, languages: [{ id: 9, name: 'GERMAN' }] } }).timeZone
 * //=> 'GMT+01:00, Europe (Berlin)'
 * ```
 */
export const newUserDefaults = (webExId: string, context: NewUserContext = {}): User => defaultsOf(webExId, context, {})

/**
 * The template for `applyCreateUser` that stores what a real site stores (D-NU): {@link newUserDefaults}
 * on the request's site, with the time zone and language names that go with those the body sends,
 * registered at `registeredAt` (milliseconds since 1970 UTC: the caller's clock, the engine reads none;
 * anything but a time between 1970 and 9999 gives no `registrationDate`).
 *
 * @category operations
 * @example
 * ```ts
 * import { applyCreateUser } from 'webex-user-rules'
 * import { newUserOf } from 'webex-user-rules/new-user'
 * const site = { activeHostCount: 1, allowUserToChangeUserName: false, takenWebExIds: ['moodleapi'], productIds: [], controlHubManaged: false }
 * const body = { webExId: 'x', email: 'x@example.edu', password: 'pw', firstName: 'X', lastName: 'Y' }
 * const at = applyCreateUser(site, { caller: { webExId: 'moodleapi', role: 'siteAdmin' }, body }, newUserOf({ registeredAt: Date.UTC(2026, 0, 2, 20, 4, 5) }))
 * at._tag === 'Right' && at.right.user.registrationDate //=> '01/02/2026 12:04:05'
 * at._tag === 'Right' && at.right.user.timeZone //=> 'GMT-08:00, Pacific (San Jose)'
 * ```
 */
export const newUserOf =
  (context: Pick<NewUserContext, 'registeredAt'> = {}): NewUserTemplate =>
  (webExId, body, site) =>
    defaultsOf(
      webExId,
      { site, ...(typeof context.registeredAt === 'number' ? { registeredAt: context.registeredAt } : {}) },
      body,
    )

/** `given` over `defaults`: objects merged at any depth, any other value (a list too) as given. */
const over = (defaults: unknown, given: unknown): unknown => {
  if (!isPlainObject(defaults) || !isPlainObject(given)) return given
  const merged: Record<string, unknown> = { ...defaults }
  for (const [key, value] of Object.entries(given)) if (value !== undefined) merged[key] = over(defaults[key], value)
  return merged
}

/**
 * The user as a site stores it (D-NU-6): what `user` gives, completed with a new user's defaults
 * ({@link newUserDefaults}) for every element it lacks, at any depth — a given `privilege` with only
 * `siteAdmin` keeps every other privilege's default; a given list is kept whole. The time zone and
 * language defaults follow what the user gives (a `timeZoneID` of 25 gets Berlin's name); a
 * `timeZoneID` of -1 (the schema's "not set") becomes the site's zone. Everything else the user gives
 * is kept; the input is not changed. For seeds, imports and users stored before their store completed
 * them.
 *
 * @category operations
 * @example
 * ```ts
 * import { withUserDefaults } from 'webex-user-rules/new-user'
 * const user = withUserDefaults({ webExId: 'jdoe', privilege: { siteAdmin: true }, timeZoneID: 11 })
 * user.privilege?.siteAdmin //=> true
 * user.privilege?.otherTelephony //=> true
 * user.timeZone //=> 'GMT-05:00, Eastern (New York)'
 * user.visitCount //=> 0
 * ```
 */
export const withUserDefaults = (user: User, context: NewUserContext = {}): User => {
  const defaults = defaultsOf(user.webExId, context, user)
  const merged = over(defaults, user) as User
  // "not set": the site's zone, as the defaults chose it
  // Stryker disable next-line ConditionalExpression: equivalent, defaults.timeZoneID is the user's own id whenever it is not -1, so merged already carries it
  return user.timeZoneID === -1 ? { ...merged, timeZoneID: defaults.timeZoneID ?? DEFAULT_TIME_ZONE_ID } : merged
}
