/**
 * ActivateUser and InactivateUser: set a user's `active` by `webexID` or `userID`. They are SetUser
 * with one element, so they share every rule: the host limit when activating (R6), licences on
 * Control Hub sites (R15), and `syncWebOffice` (R17; the seed lists both operations among those
 * that sync). Only a site admin may call them.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { guard } from '../errors/guard.js'
import { applySetUser } from './setUser.js'
import { decodeRequest, decodeSite } from '../decode.js'
import { invalidRequest, noPrivilege, type SetUserError, userNotFound } from '../errors/SetUserError.js'
import { ActivationRequest } from '../model/operations.js'
import type { SetUserResult } from '../model/result.js'
import type { SiteContext } from '../model/site.js'
import type { ActiveState, User } from '../model/user.js'
import { directoryOf } from './directory.js'
import { userKey } from './lookup.js'

const setActive =
  (state: ActiveState) =>
  (site: SiteContext, users: readonly User[], request: ActivationRequest): E.Either<SetUserError, SetUserResult> => {
    return guard({ site, user: users, request }, () => run(state, site, users, request))
  }

const run = (
  state: ActiveState,
  siteInput: unknown,
  usersInput: unknown,
  requestInput: unknown,
): E.Either<SetUserError, SetUserResult> => {
  const decoded = decodeRequest(ActivationRequest, requestInput)
  if (E.isLeft(decoded)) return decoded
  const { caller, body } = decoded.right
  if ((body.webexID === undefined) === (body.userID === undefined)) {
    return E.left(
      invalidRequest([
        {
          source: 'body',
          code: 'missingElement',
          path: '',
          expected: 'exactly one of webexID and userID',
          actual: { webexID: body.webexID, userID: body.userID },
        },
      ]),
    )
  }
  const site = decodeSite(siteInput)
  if (E.isLeft(site)) return site
  if (caller.role !== 'siteAdmin') return E.left(noPrivilege([]))
  const directory = directoryOf(usersInput)
  if (E.isLeft(directory)) return directory
  const user =
    body.webexID === undefined
      ? directory.right.byUserId.get(body.userID ?? Number.NaN)
      : directory.right.byWebExId.get(userKey(body.webexID))
  if (user === undefined) return E.left(userNotFound(body.webexID ?? String(body.userID)))
  return applySetUser(user, site.right, {
    caller,
    body: {
      webExId: user.webExId,
      active: state,
      ...(body.syncWebOffice === undefined ? {} : { syncWebOffice: body.syncWebOffice }),
    },
  })
}

/**
 * ActivateUser: `active` becomes ACTIVATED, within the host limit (R6).
 *
 * @category operations
 * @example
 * ```ts
 * import { applyActivateUser } from 'webex-user-rules'
 * const site = { activeHostCount: 5, hostLimit: 5, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false }
 * const users = [{ webExId: 'jsmith', userId: 42, active: 'DEACTIVATED' as const }]
 * const r = applyActivateUser(site, users, { caller: { webExId: 'admin', role: 'siteAdmin' }, body: { userID: 42 } })
 * r._tag === 'Left' && r.left._tag //=> 'ExceededSiteHostLimit'
 * ```
 */
export const applyActivateUser: (
  site: SiteContext,
  users: readonly User[],
  request: ActivationRequest,
) => E.Either<SetUserError, SetUserResult> = setActive('ACTIVATED')

/**
 * InactivateUser: `active` becomes DEACTIVATED (licences removed on Control Hub sites, R15).
 *
 * @category operations
 * @example
 * ```ts
 * import { applyInactivateUser } from 'webex-user-rules'
 * const site = { activeHostCount: 5, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false }
 * const r = applyInactivateUser(site, [{ webExId: 'jsmith' }], { caller: { webExId: 'admin', role: 'siteAdmin' }, body: { webexID: 'jsmith', syncWebOffice: true } })
 * r._tag === 'Right' && r.right.user //=> { webExId: 'jsmith', active: 'DEACTIVATED' }
 * r._tag === 'Right' && r.right.effects //=> [{ kind: 'syncWebOffice' }]
 * ```
 */
export const applyInactivateUser: (
  site: SiteContext,
  users: readonly User[],
  request: ActivationRequest,
) => E.Either<SetUserError, SetUserResult> = setActive('DEACTIVATED')
