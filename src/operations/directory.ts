/**
 * Reading the users an embedder passes to the operations: as a list to index (DelUser, GetUser,
 * ActivateUser, InactivateUser) or as any iterable to walk (LstsummaryUser, the login operations).
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

const notAList = (users: unknown): InvalidRequest =>
  invalidInput('user', [{ code: 'wrongType', path: [], expected: 'a list of users', actual: users }])

/**
 * The users of an operation that reads them one by one (any iterable, e.g. the rows a service
 * read), or an InvalidRequest naming `user`.
 */
export const usersOf = (users: unknown): E.Either<InvalidRequest, Iterable<unknown>> =>
  users !== null && typeof users === 'object' && Symbol.iterator in users
    ? E.right(users as Iterable<unknown>)
    : E.left(notAList(users))

/** Indexes the users (any element without a string webExId is an InvalidRequest naming it). */
export const directoryOf = (users: unknown): E.Either<InvalidRequest, Directory> => {
  if (!Array.isArray(users)) return E.left(notAList(users))
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
