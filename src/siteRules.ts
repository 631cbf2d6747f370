/**
 * The rules R21–R35 (docs/spec.md §6) as the pipeline's steps, so `pipeline.ts` gains three calls
 * rather than fifteen: identity on Control Hub sites first (R33, R34: who may change what), then
 * the value rules on the request (R31 before R10's account checks, R21, R22, R27, R26, R25, R23,
 * R24, R30, R32), then the rules on the resulting user (R28, R29) and the R35 notice.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { decodeSiteList } from './decode.js'
import type { SetUserError } from './errors/SetUserError.js'
import type { Notice } from './model/result.js'
import type { SiteContext } from './model/site.js'
import type { SetUserBody, User } from './model/user.js'
import { checkControlHubIdentity, checkRoleAssignment } from './rules/controlHubIdentity.js'
import { checkEmailCharacters } from './rules/emailCharacters.js'
import { checkLanguage } from './rules/language.js'
import { checkMpProfileNumber } from './rules/mpProfile.js'
import { checkMyWebEx } from './rules/myWebEx.js'
import { checkPassword } from './rules/password.js'
import { checkPasswordAuthority } from './rules/passwordAuthority.js'
import { checkPcnMeetingType } from './rules/pcnMeetingType.js'
import { pcnWithoutPinNotices } from './rules/pcnPinState.js'
import { checkSalesManager } from './rules/salesManager.js'
import { checkSchedulingPermission } from './rules/schedulingPermission.js'
import { checkSessionTypeLimits } from './rules/sessionTypeLimit.js'
import { checkTelephonyPrivileges } from './rules/telephonyPrivileges.js'
import { checkTspAccounts } from './rules/tspAccounts.js'
import { takenNameLookup } from './rules/rename.js'

type Check = E.Either<SetUserError, unknown>

/** What these rules read of the pipeline's stage (`Stage` in pipeline.ts, which imports this module). */
interface Stage {
  readonly base: User
  readonly before: User | undefined
  readonly site: SiteContext
  readonly body: SetUserBody
}

/** R33, R34: run before any value rule, as authorization is. */
export const checkIdentityRules = ({ base, before, site, body }: Stage): Check => {
  if (before !== undefined) {
    const identity = checkControlHubIdentity(before, body, site)
    if (E.isLeft(identity)) return identity
  }
  return checkRoleAssignment(base, body, site)
}

/** R31: before R10, so TSP lists answer with the TSP exception IDs. */
export const checkTspRules = ({ base, site, body }: Stage): Check => checkTspAccounts(base, body, site)

/** The value rules of R21–R32 on the request, in the order of docs/spec.md §4. */
export const checkRequestRules = ({ base, site, body }: Stage): Check => {
  const checks: (() => Check)[] = [
    () => checkPasswordAuthority(site, body),
    () => checkPassword(site.passwords, body.password),
    () => checkEmailCharacters(body),
    () => checkLanguage(body, site.languages),
    () => checkMpProfileNumber(body.mpProfileNumber, base.mpProfileNumber, site.takenMpProfileNumbers),
    () => checkDirectory(site, body.schedulingPermission, body.salesCenter?.manager),
    () => checkTelephonyPrivileges(base, body, site),
    () => checkMyWebEx(base, body, site),
  ]
  for (const check of checks) {
    const checked = check()
    if (E.isLeft(checked)) return checked
  }
  return E.right(undefined)
}

const checkDirectory = (
  site: Stage['site'],
  schedulingPermission: string | undefined,
  manager: string | undefined,
): Check => {
  if (site.siteWebExIds === undefined || (schedulingPermission === undefined && manager === undefined))
    return E.right(undefined)
  const users = decodeSiteList(site, 'siteWebExIds')
  if (E.isLeft(users)) return users
  const isSiteUser = takenNameLookup(users.right)
  const permission = checkSchedulingPermission(schedulingPermission, isSiteUser)
  if (E.isLeft(permission)) return permission
  return checkSalesManager(manager, isSiteUser)
}

/** R28, R29 on the resulting user. */
export const checkResultRules = ({ before, site, body }: Stage, user: User): Check => {
  const pcn = checkPcnMeetingType(body, user, site.meetingCenterProTypes)
  if (E.isLeft(pcn)) return pcn
  return checkSessionTypeLimits(before, user, site.sessionTypeLimits)
}

/** R35: the notice for a user left with PCN accounts and no valid PIN. */
export const resultNotices = (user: User): readonly Notice[] => pcnWithoutPinNotices(user)
