/**
 * What the engine needs to know about the site (spec §2).
 *
 * @module
 */
import type * as t from 'io-ts'
import { bool, flags, int, list, long, str, struct, type StructType } from './codec.js'

const count = int(0, Number.MAX_SAFE_INTEGER)

const TelephonyAvailabilityC = struct('telephony', { primaryLarge: bool, nextGen: bool, backup2Large: bool }, [
  'primaryLarge',
  'nextGen',
  'backup2Large',
])
/** Which telephony servers are up (R16). @category model */
export interface TelephonyAvailability extends t.TypeOf<typeof TelephonyAvailabilityC> {}
export const TelephonyAvailability: StructType<TelephonyAvailability> = TelephonyAvailabilityC

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
    /** The site signs users in through SSO, so CreateUser needs no password. */
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
