/**
 * DelUser: 1..50 webExIds; the API does not erase a user, it deactivates them (docs/spec.md §7.6). On
 * a Control Hub managed site that removes the meeting licences (R15); `syncWebOffice` syncs each
 * (R17). Each user gets its own SUCCESS or FAILURE, as in the response's `user{webExId,status}`
 * list; one user's failure does not stop the others.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { guard } from '../errors/guard.js'
import { applySetUser } from './setUser.js'
import { decodeCall } from '../decode.js'
import { noPrivilege, type SetUserError, userNotFound } from '../errors/SetUserError.js'
import { DelUserRequest } from '../model/operations.js'
import type { Effect, Notice } from '../model/result.js'
import type { SiteContext } from '../model/site.js'
import type { User } from '../model/user.js'
import { hostCountAfter } from '../rules/hostLimit.js'
import { directoryOf } from './directory.js'
import { userKey } from './lookup.js'

/** What happened to one user of a DelUser request. @category operations */
export type DelUserOutcome =
  | {
      readonly webExId: string
      readonly status: 'SUCCESS'
      /** The deactivated user to store. */
      readonly user: User
      readonly effects: readonly Effect[]
      readonly notices: readonly Notice[]
    }
  | { readonly webExId: string; readonly status: 'FAILURE'; readonly error: SetUserError }

/** The outcome of a DelUser request. @category operations */
export interface DelUserResult {
  /** One outcome per requested webExId, in request order. */
  readonly results: readonly DelUserOutcome[]
  /** The site's host count after every deactivation. */
  readonly activeHostCount: number
}

/**
 * Applies a DelUser request to the users of the site: each named user is deactivated.
 *
 * @category operations
 * @example
 * ```ts
 * import { applyDelUser } from 'webex-user-rules'
 * const site = { activeHostCount: 2, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: true }
 * const users = [{ webExId: 'jsmith', supportedServices: { meetingCenter: true } }, { webExId: 'jdoe' }]
 * const r = applyDelUser(site, users, { caller: { webExId: 'admin', role: 'siteAdmin' }, body: { webExId: ['jsmith', 'ghost'] } })
 * r._tag === 'Right' && r.right.results.map((o) => o.status) //=> ['SUCCESS', 'FAILURE']
 * r._tag === 'Right' && r.right.results[0]
 * //=> { webExId: 'jsmith', status: 'SUCCESS', user: { webExId: 'jsmith', supportedServices: { meetingCenter: true }, active: 'DEACTIVATED' }, effects: [{ kind: 'removeMeetingLicense', service: 'meetingCenter' }], notices: [] }
 * r._tag === 'Right' && r.right.activeHostCount //=> 1
 * ```
 */
export const applyDelUser = (
  site: SiteContext,
  users: readonly User[],
  request: DelUserRequest,
): E.Either<SetUserError, DelUserResult> => {
  return guard({ site, user: users, request }, () => run(site, users, request))
}

const run = (siteInput: unknown, usersInput: unknown, requestInput: unknown): E.Either<SetUserError, DelUserResult> => {
  const decoded = decodeCall(DelUserRequest, requestInput, siteInput)
  if (E.isLeft(decoded)) return decoded
  const {
    request: { caller, body },
    site,
  } = decoded.right
  if (caller.role !== 'siteAdmin') return E.left(noPrivilege([]))
  const directory = directoryOf(usersInput)
  if (E.isLeft(directory)) return directory

  // sequential: a webExId named twice sees the first deactivation, and the count stays exact
  const current = new Map(directory.right.byWebExId)
  let activeHostCount = site.activeHostCount
  const results: DelUserOutcome[] = []
  for (const requested of body.webExId) {
    // D-OP-2: found ignoring case; the outcome and the change name the stored spelling
    const user = current.get(userKey(requested))
    if (user === undefined) {
      results.push({ webExId: requested, status: 'FAILURE', error: userNotFound(requested) })
      continue
    }
    const webExId = user.webExId
    const applied = applySetUser(
      user,
      { ...site, activeHostCount },
      {
        caller,
        body: {
          webExId,
          active: 'DEACTIVATED',
          ...(body.syncWebOffice === undefined ? {} : { syncWebOffice: body.syncWebOffice }),
        },
      },
    )
    if (E.isLeft(applied)) {
      results.push({ webExId, status: 'FAILURE', error: applied.left })
      continue
    }
    activeHostCount = hostCountAfter({ activeHostCount }, user, applied.right.user)
    current.set(userKey(webExId), applied.right.user)
    results.push({ webExId, status: 'SUCCESS', ...applied.right })
  }
  return E.right({ results, activeHostCount })
}
