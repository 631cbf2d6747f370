/**
 * R30 — telephony privileges the site or the user cannot support.
 *
 * Sources (docs/spec.md §7): 030011 / 030012 / 030023 / 030036 / 030050 "user doesn't support
 * call-in / call back / international local call-in / toll-free call-in / Internet Phone (VoIP)".
 *
 * D-F11: the seed's R5 resets unsupported settings silently; some sites answer with these errors
 * instead. On a site that does (`site.telephonyPrivilegeErrors` TRUE), a request that sets one of
 * the five privileges TRUE fails when the site feature of R5's table is off, or when the user is
 * (after the request) an attendee-only account, which hosts no meetings. Stored privileges are
 * still reset by R5.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { ruleViolation, type RuleViolation, type RuleViolationId } from '../errors/ruleViolation.js'
import { privilegeValue } from '../model/defaults.js'
import type { SiteContext } from '../model/site.js'
import type { Privilege, SetUserBody, User } from '../model/user.js'

/**
 * Each telephony privilege, its exception and the site feature (GetSite name) it needs.
 *
 * @category rules
 * @example
 * ```ts
 * import { TELEPHONY_PRIVILEGES } from 'webex-user-rules'
 * TELEPHONY_PRIVILEGES.find((p) => p.key === 'voiceOverIp')?.exceptionID //=> '030050'
 * ```
 */
export const TELEPHONY_PRIVILEGES: readonly {
  readonly key: keyof Privilege
  readonly exceptionID: RuleViolationId
  readonly feature: string
}[] = [
  { key: 'teleConfCallIn', exceptionID: '030011', feature: 'callInTeleconferencing' },
  { key: 'teleConfCallOut', exceptionID: '030012', feature: 'callBackTeleconferencing' },
  { key: 'teleConfCallInInternational', exceptionID: '030023', feature: 'intlCallInTeleconferencing' },
  { key: 'teleConfTollFreeCallIn', exceptionID: '030036', feature: 'tollFreeCallinTeleconferencing' },
  { key: 'voiceOverIp', exceptionID: '030050', feature: 'internetPhone' },
]

/** The first telephony privilege the request sets TRUE that the site or the user cannot support. */
export const checkTelephonyPrivileges = (
  base: Pick<User, 'privilege'>,
  body: Pick<SetUserBody, 'privilege'>,
  site: Pick<SiteContext, 'telephonyPrivilegeErrors' | 'features'>,
): E.Either<RuleViolation, void> => {
  const requested = body.privilege
  if (site.telephonyPrivilegeErrors !== true || requested === undefined) return E.right(undefined)
  const attendeeOnly = requested.attendeeOnly ?? privilegeValue(base.privilege, 'attendeeOnly')
  for (const { key, exceptionID, feature } of TELEPHONY_PRIVILEGES) {
    if (requested[key] !== true) continue
    if (attendeeOnly || site.features?.[feature] === false)
      return E.left(ruleViolation('R30', exceptionID, `privilege.${key}`))
  }
  return E.right(undefined)
}
