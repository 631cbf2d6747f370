/**
 * Finding a user by name the way a Webex site does: webExIds and e-mail addresses are
 * case-insensitive, and the answer carries the stored spelling (D-OP-2). The embedding server
 * uses the same {@link userKey} for its own lookups (a case-insensitive unique index), so the
 * library and the service agree on who `JDoe` is.
 *
 * @module
 */
import type { User } from '../model/user.js'

/**
 * The key under which a webExId or an e-mail address is unique on a site: its lower case
 * (locale-independent `toLowerCase`, the same as PostgreSQL's `lower()` on UTF-8 text).
 *
 * @category operations
 * @example
 * ```ts
 * import { userKey } from 'webex-user-rules'
 * userKey('JDoe') //=> 'jdoe'
 * userKey('JDoe') === userKey('jdoe') //=> true
 * ```
 */
export const userKey = (name: string): string => name.toLowerCase()

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
