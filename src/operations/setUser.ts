/**
 * The SetUser pipeline: the rules R1–R20 composed in the order of docs/spec.md §4.
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
import * as E from '#fp-ts/Either.js'
import { guard } from '../errors/guard.js'
import { decodeSetUserRequest, decodeSite, decodeStoredUser } from '../decode.js'
import { type SetUserError } from '../errors/SetUserError.js'
import type { SetUserRequest } from '../model/request.js'
import type { SetUserResult } from '../model/result.js'
import type { SiteContext } from '../model/site.js'
import type { User } from '../model/user.js'
import { applyValidated, storedElementsRead, validateValues } from '../pipeline.js'
import { authorize } from '../rules/authorization.js'
import { checkIdentity } from '../rules/identity.js'
import { pinDecodeError } from '../rules/pin.js'

interface Decoded {
  readonly current: User
  readonly site: SiteContext
  readonly request: SetUserRequest
}

// The pipeline is written with early returns rather than fp-ts combinators: it runs on every
// request of a busy server, and `pipe`/`chainFirstW` allocate closures on each step (docs/performance.md).

const decodeInputs = (current: unknown, site: unknown, request: unknown): E.Either<SetUserError, Decoded> => {
  const decodedRequest = decodeSetUserRequest(request)
  if (E.isLeft(decodedRequest)) return E.left(pinDecodeError(decodedRequest.left)) // D-F1
  const decodedSite = decodeSite(site)
  if (E.isLeft(decodedSite)) return decodedSite
  const decodedUser = decodeStoredUser(current, storedElementsRead(decodedRequest.right.body, decodedSite.right))
  if (E.isLeft(decodedUser)) return decodedUser
  return E.right({ current: decodedUser.right, site: decodedSite.right, request: decodedRequest.right })
}

/**
 * Applies a SetUser request to the stored user.
 *
 * Returns the new user with the effects the server must carry out and notices of what was
 * ignored or reset, or the first error in the order of docs/spec.md §4. Inputs may come straight from
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
  return guard({ user: current, site, request }, () => run(current, site, request))
}

// the inputs are unknown until decoded, whatever their declared types were at the call
const run = (userInput: unknown, siteInput: unknown, requestInput: unknown): E.Either<SetUserError, SetUserResult> => {
  const decoded = decodeInputs(userInput, siteInput, requestInput)
  if (E.isLeft(decoded)) return decoded
  const { current, request } = decoded.right
  const identity = checkIdentity(current.webExId, request.body.webExId)
  if (E.isLeft(identity)) return identity
  const authorized = authorize(request.caller, current.webExId, request.body)
  if (E.isLeft(authorized)) return authorized
  const stage = { base: current, before: current, site: decoded.right.site, caller: request.caller, body: request.body }
  const validated = validateValues(stage)
  if (E.isLeft(validated)) return validated
  return applyValidated(stage, validated.right)
}
