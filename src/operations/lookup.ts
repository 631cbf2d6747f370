/**
 * Finding a user by name the way a Webex site does: webExIds and e-mail addresses are
 * case-insensitive, and the answer carries the stored spelling (D-OP-2). The embedding server
 * uses the same {@link userKey} for its own lookups (a case-insensitive unique index), so the
 * library and the service agree on who `JDoe` is.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { userNotFound, type UserNotFound } from '../errors/SetUserError.js'
import type { SetUserRequest } from '../model/request.js'
import type { User } from '../model/user.js'

import { userKey } from '../model/userKey.js'

export { userKey }

/**
 * The first user whose webExId equals `webExId` ignoring case, or `undefined`.
 *
 * @category operations
 * @example
 * ```ts
 * import { findUser } from 'webex-user-rules'
 * findUser([{ webExId: 'jdoe' }], 'JDoe') //=> { webExId: 'jdoe' }
 * findUser([{ webExId: 'jdoe' }], 'jdoe2') //=> undefined
 * ```
 */
export const findUser = (users: Iterable<User>, webExId: string): User | undefined => {
  const key = userKey(webExId)
  for (const user of users) if (typeof user.webExId === 'string' && userKey(user.webExId) === key) return user
  return undefined
}

/**
 * The first user whose e-mail equals `email` ignoring case, or `undefined`.
 *
 * @category operations
 * @example
 * ```ts
 * import { findUserByEmail } from 'webex-user-rules'
 * findUserByEmail([{ webExId: 'jdoe', email: 'jdoe@example.com' }], 'JDoe@Example.com') //=> { webExId: 'jdoe', email: 'jdoe@example.com' }
 * ```
 */
export const findUserByEmail = (users: Iterable<User>, email: string): User | undefined => {
  const key = userKey(email)
  for (const user of users) if (typeof user.email === 'string' && userKey(user.email) === key) return user
  return undefined
}

/** True when two webExIds name the same user. */
export const sameUser = (a: string, b: string): boolean => userKey(a) === userKey(b)

/**
 * The embedder's SetUser lookup (D-OP-19): the stored user `request.body.webExId` names, found
 * ignoring case, and the request with `body.webExId` in the stored spelling — so R20 (which
 * compares exactly, and SetUser stores `body.webExId`) neither refuses `JDoe` for `jdoe` nor
 * renames the user. Renaming stays `newWebExId`'s job (R14). Unknown: 030001.
 *
 * @category operations
 * @example
 * ```ts
 * import { setUserTarget } from 'webex-user-rules'
 * const users = [{ webExId: 'jdoe', firstName: 'John' }]
 * setUserTarget(users, { caller: { webExId: 'admin', role: 'siteAdmin' }, body: { webExId: 'JDoe', lastName: 'Doe' } })
 * //=> { _tag: 'Right', right: { current: { webExId: 'jdoe', firstName: 'John' }, request: { caller: { webExId: 'admin', role: 'siteAdmin' }, body: { webExId: 'jdoe', lastName: 'Doe' } } } }
 * setUserTarget(users, { caller: { webExId: 'admin', role: 'siteAdmin' }, body: { webExId: 'ghost' } })._tag //=> 'Left'
 * ```
 */
export const setUserTarget = (
  users: Iterable<User>,
  request: SetUserRequest,
): E.Either<UserNotFound, { readonly current: User; readonly request: SetUserRequest }> => {
  const current = findUser(users, request.body.webExId)
  if (current === undefined) return E.left(userNotFound(request.body.webExId))
  return E.right({
    current,
    request:
      current.webExId === request.body.webExId
        ? request
        : { ...request, body: { ...request.body, webExId: current.webExId } },
  })
}
