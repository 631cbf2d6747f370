/**
 * What the engine needs to know about the site (docs/spec.md §2).
 *
 * @module
 */
import type * as t from 'io-ts'
import { bool, count, flags, int, list, long, requiredStruct, str, struct, type StructType } from './codec.js'

const TelephonyAvailabilityC = requiredStruct('telephony', { primaryLarge: bool, nextGen: bool, backup2Large: bool })
/** Which telephony servers are up (R16). @category model */
export interface TelephonyAvailability extends t.TypeOf<typeof TelephonyAvailabilityC> {}
export const TelephonyAvailability: StructType<TelephonyAvailability> = TelephonyAvailabilityC

const PasswordPolicyC = struct('passwords', { minLength: int(1, 60), adminMaySet: bool, optionalOnCreate: bool })
/** The site's password policy (R21, R22); present = R21 is checked. @category model */
export interface PasswordPolicy extends t.TypeOf<typeof PasswordPolicyC> {}
export const PasswordPolicy: StructType<PasswordPolicy> = PasswordPolicyC

const SiteLanguageC = requiredStruct('language', { id: long, name: str(64, 1) })
/** A language the site offers: its languageID and its name (R26). @category model */
export interface SiteLanguage extends t.TypeOf<typeof SiteLanguageC> {}
export const SiteLanguage: StructType<SiteLanguage> = SiteLanguageC

const SessionTypeLimitC = requiredStruct('sessionTypeLimit', { sessionType: long, limit: count, users: count })
/** A session type's user limit and the number of other users that hold it (R29). @category model */
export interface SessionTypeLimit extends t.TypeOf<typeof SessionTypeLimitC> {}
export const SessionTypeLimit: StructType<SessionTypeLimit> = SessionTypeLimitC

const TspSiteC = struct('tsp', { provisioning: bool, callIn: bool, authorizes: bool })
/** TSP audio on the site; an absent flag = enabled (R31). @category model */
export interface TspSite extends t.TypeOf<typeof TspSiteC> {}
export const TspSite: StructType<TspSite> = TspSiteC

const myWebExLimits = { proLicenses: count, proLicensesUsed: count, maxStorageSize: count, maxComputers: count }
const MyWebExSiteC = struct('myWebEx', myWebExLimits)
/** My WebEx Pro licences (total, held by other users) and per-user limits; absent = unlimited (R32). @category model */
export interface MyWebExSite extends t.TypeOf<typeof MyWebExSiteC> {}
export const MyWebExSite: StructType<MyWebExSite> = MyWebExSiteC

const SiteContextC = struct(
  'SiteContext',
  {
    /** Absent = unlimited. */
    hostLimit: count,
    /** Counted hosts on the site as stored now, this user included (R6). */
    activeHostCount: count,
    allowUserToChangeUserName: bool,
    /** webExIds (and prior names) of all other users (R14). */
    takenWebExIds: list(str(256)),
    /** SME products that exist on the site (R4). */
    productIds: list(long),
    controlHubManaged: bool,
    /** Site capabilities by GetSite element name; an absent key = supported (R5). */
    features: flags,
    /** Absent = all servers up (R16). */
    telephony: TelephonyAvailability,
    /** E-mail addresses of all other users (CreateUser, 030005). Absent = none taken. */
    takenEmails: list(str(256)),
    /** The site signs users in through SSO: CreateUser needs no password, and a password is refused unless `passwords.adminMaySet` (R22). */
    usesSSO: bool,
    // D-OP-12: site facts of the list and login operations; each absent = its documented default
    /** The site's name (`<site>` of `https://<site>.webex.com/<site>`). Absent = `examplesite`. */
    siteName: str(128, 1),
    /** The site's base URL, without a trailing `/`. Absent = `https://<siteName>.webex.com/<siteName>`. */
    siteUrl: str(2048, 1),
    /** The site's default time zone (a Webex timeZoneID). Absent = unknown: only `-1` is accepted. */
    timeZoneID: long,
    /** What GetLoginTicket reports as `apiVersion`. Absent = `WebEx XML API V10.0.0`. */
    apiVersion: str(128, 1),
    // The facts of R21–R34 (docs/spec.md §6). Each is optional: absent = the rule is not checked.
    /** The site's password policy (R21, R22). */
    passwords: PasswordPolicy,
    /** The current webExIds of the site's users, this user included (R23 schedulingPermission, R24 manager). */
    siteWebExIds: list(str(256)),
    /** MeetingPlace profile numbers other users hold (R25). */
    takenMpProfileNumbers: list(str(64)),
    /** The languages the site offers (R26). */
    languages: list(SiteLanguage),
    /** The session types that are Meeting Center Pro meeting types (R28). */
    meetingCenterProTypes: list(long),
    /** Per-session-type user limits and how many other users hold each type (R29). */
    sessionTypeLimits: list(SessionTypeLimit),
    /** The site answers 030011/030012/030023/030036/030050 instead of resetting (R30). */
    telephonyPrivilegeErrors: bool,
    /** TSP audio on the site (R31). */
    tsp: TspSite,
    /** My WebEx licences and limits (R32). */
    myWebEx: MyWebExSite,
    /** Identity and roles are managed in Control Hub / Common Identity (R33, R34). */
    commonIdentity: bool,
  },
  ['activeHostCount', 'allowUserToChangeUserName', 'takenWebExIds', 'productIds', 'controlHubManaged'],
)

/**
 * The site as the engine sees it: host limit and count, rename policy, taken names, SME
 * products, Control Hub management, feature flags and telephony availability.
 *
 * @category model
 */
export interface SiteContext extends t.TypeOf<typeof SiteContextC> {}
/**
 * Codec for the `SiteContext` type.
 *
 * @category codecs
 * @example
 * ```ts
 * import { SiteContext } from 'webex-user-rules'
 * SiteContext.is({ activeHostCount: 3, hostLimit: 50, allowUserToChangeUserName: true, takenWebExIds: ['jdoe'], productIds: [120], controlHubManaged: false, features: { HDvideo: false } })
 * //=> true
 * SiteContext.is({ activeHostCount: -1, allowUserToChangeUserName: true, takenWebExIds: [], productIds: [], controlHubManaged: false })
 * //=> false
 * ```
 */
export const SiteContext: StructType<SiteContext> = SiteContextC
