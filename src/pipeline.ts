/**
 * The stages every user operation shares (docs/spec.md §4): which stored elements the rules read, value
 * validation, and merge → reset → site-wide checks → effects. `applySetUser` runs them on the stored
 * user; `applyCreateUser` on the schema defaults; DelUser, ActivateUser and InactivateUser through
 * `applySetUser`. One implementation, so the operations cannot disagree.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { decodeSiteList } from './decode.js'
import { invalidInput } from './errors/decodeFailure.js'
import { numberLookup } from './internal/siteIndex.js'
import type { SetUserError } from './errors/SetUserError.js'
import type { Caller } from './model/request.js'
import type { Effect, Notice, SetUserResult } from './model/result.js'
import type { SiteContext } from './model/site.js'
import type { SetUserBody, User } from './model/user.js'
import { applyAccounts, validateAccounts } from './rules/accounts.js'
import { containerIssues } from './rules/containers.js'
import { formatIssues } from './rules/formatValidation.js'
import { checkHostLimit } from './rules/hostLimit.js'
import { ignoredAccountJoinBeforeHost } from './rules/joinBeforeHost.js'
import { licenceEffects } from './rules/licences.js'
import { mergeBody } from './rules/merge.js'
import { resetInvalidOptions } from './rules/optionReset.js'
import { checkPcnPin } from './rules/pcnPin.js'
import { validatePins, withoutEmptyPins } from './rules/pin.js'
import { applyRename, requestedRename, takenNameLookup, validateRename } from './rules/rename.js'
import { normaliseRole } from './rules/rolePrecedence.js'
import { securityEffects, validateSecurity } from './rules/security.js'
import { validateServiceDesk } from './rules/serviceDesk.js'
import { applySmeProducts, resultingSme, validateProducts } from './rules/smeProducts.js'
import { telephonyEffects } from './rules/telephony.js'
import { webOfficeEffects } from './rules/webOffice.js'
import { checkIdentityRules, checkRequestRules, checkResultRules, checkTspRules, resultNotices } from './siteRules.js'

/** Stored elements every request reads (host count R6, licences R15, reset R5, the R35 notice). */
const ALWAYS_READ = [
  'privilege',
  'active',
  'designatedChatUser',
  'supportedServices',
  'eventCenter',
  'personalTeleconf',
  'phones',
] as const

/** Stored elements a request reads when it sends the same top-level element. */
const READ_WHEN_SENT = [
  'security',
  'salesCenter',
  'tspAccount',
  'thirdPartyTeleconf',
  // R25, R32, R33 compare with the stored value
  'mpProfileNumber',
  'myWebEx',
  'email',
  'firstName',
  'lastName',
] as const

export const storedElementsRead = (body: SetUserBody, site: SiteContext): string[] => {
  const keys: string[] = [...ALWAYS_READ]
  for (const key of READ_WHEN_SENT) if (body[key] !== undefined) keys.push(key)
  // the stored meeting types, a list that may be long, only where a rule reads them: R29 compares
  // the sent ones with them on a site with session-type limits, R28 reads them when PCN accounts
  // come without meeting types (the flatness goal, docs/performance.md)
  if ((body.meetingTypes === undefined ? body.personalTeleconf : site.sessionTypeLimits) !== undefined)
    keys.push('meetingTypes')
  return keys
}

/** What the validation and apply stages work on. */
export interface Stage {
  /** The user the request is merged into: the stored user, or the schema defaults on CreateUser. */
  readonly base: User
  /** The user before the operation for host counting, licences and state-change effects; `undefined` on CreateUser. */
  readonly before: User | undefined
  readonly site: SiteContext
  readonly caller: Caller
  readonly body: SetUserBody
}

/**
 * Value validation (docs/spec.md §4), in the order R33/R34, R7, R31, R10, R12, R13, R14, R18, D-VF,
 * R21–R32, R4 products.
 */
export const validateValues = (stage: Stage): E.Either<SetUserError, readonly Notice[]> => {
  const { base: current, site, caller, body } = stage
  const identityRules = checkIdentityRules(stage)
  if (E.isLeft(identityRules)) return identityRules
  const pins = validatePins(body)
  if (E.isLeft(pins)) return pins
  const tsp = checkTspRules(stage)
  if (E.isLeft(tsp)) return tsp
  const accounts = validateAccounts(body)
  if (E.isLeft(accounts)) return accounts
  const security = validateSecurity(current, body)
  if (E.isLeft(security)) return security
  const serviceDesk = validateServiceDesk(current, body)
  if (E.isLeft(serviceDesk)) return serviceDesk
  if (requestedRename(current, body) !== undefined) {
    const taken = decodeSiteList(site, 'takenWebExIds')
    if (E.isLeft(taken)) return taken
    const rename = validateRename(current, body, caller, site.allowUserToChangeUserName, takenNameLookup(taken.right))
    if (E.isLeft(rename)) return rename
  }
  const containers = containerIssues(body)
  if (containers.length > 0) return E.left(invalidInput('body', containers))
  const formats = formatIssues(body)
  if (formats.length > 0) return E.left(invalidInput('body', formats))
  const requestRules = checkRequestRules(stage)
  if (E.isLeft(requestRules)) return requestRules
  if (body.salesCenter?.smeInfo?.products !== undefined && resultingSme(current, body)) {
    const ids = decodeSiteList(site, 'productIds')
    if (E.isLeft(ids)) return ids
    const products = validateProducts(current, body, { has: numberLookup(ids.right) })
    if (E.isLeft(products)) return products
  }
  return pins
}

/** Merge, reset, site-wide checks and effects, once every value is valid. */
export const applyValidated = (
  stage: Stage,
  validationNotices: readonly Notice[],
): E.Either<SetUserError, SetUserResult> => {
  const { base: current, before, site, body } = stage
  const notices: Notice[] = [...validationNotices]

  // merge: R1/R2, then the rules that own parts of the result
  const merged = mergeBody(current, withoutEmptyPins(body))
  if (merged.issues.length > 0) return E.left(invalidInput('user', merged.issues))
  const roled = normaliseRole(body, merged.user)
  notices.push(...roled.notices)
  const sme = applySmeProducts(current, body, roled.user)
  notices.push(...sme.notices)
  notices.push(...ignoredAccountJoinBeforeHost(body))
  const accounts = applyAccounts(current, body, sme.user)
  notices.push(...accounts.notices)
  const renamed = applyRename(current, body, accounts.user)

  // reset: R5 over the whole result
  const reset = resetInvalidOptions(renamed.user, site.features)
  notices.push(...reset.notices)
  const user = reset.user

  // site-wide checks: R6, R8, R16
  const hostLimit = checkHostLimit(site, before, user)
  if (E.isLeft(hostLimit)) return hostLimit
  const pcnPin = checkPcnPin(body, user)
  if (E.isLeft(pcnPin)) return pcnPin
  const telephony = telephonyEffects(body, site)
  if (E.isLeft(telephony)) return telephony
  const resultRules = checkResultRules(stage, user)
  if (E.isLeft(resultRules)) return resultRules
  notices.push(...resultNotices(user))

  const effects: Effect[] = [
    ...renamed.effects,
    ...securityEffects(before, body),
    ...sme.effects,
    ...accounts.effects,
    ...telephony.right,
    ...licenceEffects(site.controlHubManaged, before, user),
    ...webOfficeEffects(body),
  ]
  return E.right({ user, effects, notices })
}
