/**
 * Finding users in the list an embedder passes to DelUser, ActivateUser and InactivateUser.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { invalidInput } from '../errors/decodeFailure.js'
import type { InvalidRequest } from '../errors/SetUserError.js'
import { isPlainObject } from '../model/plain.js'
import type { User } from '../model/user.js'
import { userKey } from './lookup.js'

/**
 * An index of users by webExId (under its `userKey`, so `JDoe` finds `jdoe`, D-OP-2) and by
 * userId; each user is validated when an operation uses it.
 */
export interface Directory {
  /** Keyed by `userKey(webExId)`: look up with `byWebExId.get(userKey(name))`. */
  readonly byWebExId: ReadonlyMap<string, User>
  readonly byUserId: ReadonlyMap<number, User>
}

/** Indexes the users (any element without a string webExId is an InvalidRequest naming it). */
export const directoryOf = (users: unknown): E.Either<InvalidRequest, Directory> => {
  if (!Array.isArray(users))
    return E.left(invalidInput('user', [{ code: 'wrongType', path: [], expected: 'a list of users', actual: users }]))
  const byWebExId = new Map<string, User>()
  const byUserId = new Map<number, User>()
  for (const [i, user] of (users as readonly unknown[]).entries()) {
    if (!isPlainObject(user) || typeof user['webExId'] !== 'string') {
      return E.left(
        invalidInput('user', [
          { code: 'wrongType', path: [i, 'webExId'], expected: 'a user with a webExId', actual: user },
        ]),
      )
    }
    byWebExId.set(userKey(user['webExId']), user as unknown as User)
    if (typeof user['userId'] === 'number') byUserId.set(user['userId'], user as unknown as User)
  }
  return E.right({ byWebExId, byUserId })
}
