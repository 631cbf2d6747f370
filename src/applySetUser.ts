/**
 * The SetUser pipeline: the rules R1–R20 composed in the order of spec §4.
 *
 * decode → R20 identity → R11 authorization → value validation (R7, R10, R12, R13, R14, R18,
 * D-VF, R4 products) → merge (R1, R2, R3, R4, R9, R10, R14) → reset (R5) → site-wide checks (R6,
 * R8, R16) → effects (R14, R12, R4, R10, R16, R15, R17).
 *
 * The first failing check decides the error (R19: an error carries no user and no effects).
 * Nothing here mutates an input or reads a clock; untouched subtrees of the stored user are the
 * same objects in the result.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { decodeSetUserRequest, decodeSite, decodeSiteList, decodeStoredUser } from './decode.js'
import { invalidInput } from './errors/decodeFailure.js'
import { invalidRequest, type SetUserError } from './errors/SetUserError.js'
import type { Effect, Notice, SetUserResult } from './model/result.js'
import type { SetUserRequest } from './model/request.js'
import type { SiteContext } from './model/site.js'
import type { SetUserBody, User } from './model/user.js'
import { applyAccounts, validateAccounts } from './rules/accounts.js'
import { authorize } from './rules/authorization.js'
import { containerIssues } from './rules/containers.js'
import { formatIssues } from './rules/formatValidation.js'
import { checkHostLimit } from './rules/hostLimit.js'
import { checkIdentity } from './rules/identity.js'
import { ignoredAccountJoinBeforeHost } from './rules/joinBeforeHost.js'
import { licenceEffects } from './rules/licences.js'
import { mergeBody } from './rules/merge.js'
import { resetInvalidOptions } from './rules/optionReset.js'
import { checkPcnPin } from './rules/pcnPin.js'
import { validatePins, withoutEmptyPins } from './rules/pin.js'
import { applyRename, requestedRename, takenNameLookup, validateRename } from './rules/rename.js'
import { normaliseRole } from './rules/rolePrecedence.js'
import { validateSecurity, securityEffects } from './rules/security.js'
import { validateServiceDesk } from './rules/serviceDesk.js'
import { applySmeProducts, resultingSme, validateProducts } from './rules/smeProducts.js'
import { telephonyEffects } from './rules/telephony.js'
import { webOfficeEffects } from './rules/webOffice.js'

/** Stored elements every request reads (host count R6, licences R15, reset R5). */
const ALWAYS_READ = ['privilege', 'active', 'designatedChatUser', 'supportedServices', 'eventCenter'] as const

/** Stored elements a request reads when it sends the same top-level element. */
const READ_WHEN_SENT = [
  'security',
  'salesCenter',
  'personalTeleconf',
  'tspAccount',
  'thirdPartyTeleconf',
  'phones',
] as const

const storedElementsRead = (body: SetUserBody): string[] => {
  const keys: string[] = [...ALWAYS_READ]
  for (const key of READ_WHEN_SENT) if (body[key] !== undefined) keys.push(key)
  // R8 reads the resulting PIN, which is the stored one when the request sends no phones
  if (body.personalTeleconf !== undefined) keys.push('phones')
  return keys
}

interface Decoded {
  readonly current: User
  readonly site: SiteContext
  readonly request: SetUserRequest
}

// The pipeline is written with early returns rather than fp-ts combinators: it runs on every
// request of a busy server, and `pipe`/`chainFirstW` allocate closures on each step (docs/performance.md).

const decodeInputs = (current: unknown, site: unknown, request: unknown): E.Either<SetUserError, Decoded> => {
  const decodedRequest = decodeSetUserRequest(request)
  if (E.isLeft(decodedRequest)) return decodedRequest
  const decodedSite = decodeSite(site)
  if (E.isLeft(decodedSite)) return decodedSite
  const decodedUser = decodeStoredUser(current, storedElementsRead(decodedRequest.right.body))
  if (E.isLeft(decodedUser)) return decodedUser
  return E.right({ current: decodedUser.right, site: decodedSite.right, request: decodedRequest.right })
}

/** Value validation (spec §4), in the order R7, R10, R12, R13, R14, R18, D-VF, R4 products. */
const validateValues = ({ current, site, request }: Decoded): E.Either<SetUserError, readonly Notice[]> => {
  const { body, caller } = request
  const pins = validatePins(body)
  if (E.isLeft(pins)) return pins
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
  if (body.salesCenter?.smeInfo?.products !== undefined && resultingSme(current, body)) {
    const ids = decodeSiteList(site, 'productIds')
    if (E.isLeft(ids)) return ids
    const products = validateProducts(current, body, new Set(ids.right))
    if (E.isLeft(products)) return products
  }
  return pins
}

/**
 * Applies a SetUser request to the stored user.
 *
 * Returns the new user with the effects the server must carry out and notices of what was
 * ignored or reset, or the first error in the order of spec §4. Inputs may come straight from
 * `JSON.parse`: they are decoded, never trusted, never mutated.
 *
 * @category pipeline
 * @example
 * ```ts
 * import { applySetUser } from 'webex-user-rules'
 * const site = { activeHostCount: 1, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false }
 * applySetUser(
 *   { webExId: 'jdoe', meetingTypes: [1, 2, 3] },
 *   site,
 *   { caller: { webExId: 'admin', role: 'siteAdmin' }, body: { webExId: 'jdoe', meetingTypes: [105] } },
 * )
 * //=> { _tag: 'Right', right: { user: { webExId: 'jdoe', meetingTypes: [105] }, effects: [], notices: [] } }
 * applySetUser({ webExId: 'jdoe' }, site, { caller: { webExId: 'jdoe', role: 'host' }, body: { webExId: 'jdoe', active: 'DEACTIVATED' } })
 * //=> { _tag: 'Left', left: { _tag: 'NoPrivilege', exceptionID: '000001', reason: 'Access denied, additional privileges are required', paths: ['active'] } }
 * ```
 */
export const applySetUser = (
  current: User,
  site: SiteContext,
  request: SetUserRequest,
): E.Either<SetUserError, SetUserResult> => {
  try {
    return run(current, site, request)
  } catch (thrown) {
    // Only reachable with input that is not plain data (a throwing getter or proxy): plain JSON
    // values never throw here, which the totality properties check.
    return E.left(
      invalidRequest([
        {
          source: 'request',
          path: '',
          expected: 'plain data (JSON values)',
          actual: thrown instanceof Error ? thrown.message : thrown,
        },
      ]),
    )
  }
}

const run = (
  currentInput: unknown,
  siteInput: unknown,
  requestInput: unknown,
): E.Either<SetUserError, SetUserResult> => {
  const decoded = decodeInputs(currentInput, siteInput, requestInput)
  if (E.isLeft(decoded)) return decoded
  const { current, request } = decoded.right
  const identity = checkIdentity(current.webExId, request.body.webExId)
  if (E.isLeft(identity)) return identity
  const authorized = authorize(request.caller, current.webExId, request.body)
  if (E.isLeft(authorized)) return authorized
  const validated = validateValues(decoded.right)
  if (E.isLeft(validated)) return validated
  return applyValidated(decoded.right, validated.right)
}

/** Merge, reset, site-wide checks and effects, once every value is valid. */
const applyValidated = (
  { current, site, request }: Decoded,
  validationNotices: readonly Notice[],
): E.Either<SetUserError, SetUserResult> => {
  const { body } = request
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
  const hostLimit = checkHostLimit(site, current, user)
  if (E.isLeft(hostLimit)) return hostLimit
  const pcnPin = checkPcnPin(body, user)
  if (E.isLeft(pcnPin)) return pcnPin
  const telephony = telephonyEffects(body, site)
  if (E.isLeft(telephony)) return telephony

  const effects: Effect[] = [
    ...renamed.effects,
    ...securityEffects(current, body),
    ...sme.effects,
    ...accounts.effects,
    ...telephony.right,
    ...licenceEffects(site.controlHubManaged, current, user),
    ...webOfficeEffects(body),
  ]
  return E.right({ user, effects, notices })
}
