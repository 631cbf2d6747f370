/**
 * GetUser: what the API returns for a user — every stored element, the PIN included ("Use the
 * GetUser API to retrieve the host's PIN"), the password masked, the account-level
 * joinBeforeHost mirrored (R9). A site admin or read-only site admin may read anyone; anyone else
 * only their own record (D-OP-1). The user is found ignoring case and shown in its stored spelling
 * (D-OP-2). GetUser reads every element it shows, so the found user's elements are decoded like
 * any stored element a rule reads (D-M3): a malformed one is an `InvalidRequest` naming `user`,
 * never shown and never a throw.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { guard } from '../errors/guard.js'
import { decodeRequest, decodeStoredUser } from '../decode.js'
import { noPrivilege, type SetUserError, userNotFound } from '../errors/SetUserError.js'
import { Caller } from '../model/request.js'
import { struct, type StructType } from '../model/codec.js'
import { GetUserBody } from '../model/operations.js'
import type * as t from 'io-ts'
import { GetUserView, type User } from '../model/user.js'
import { toGetUserView } from '../rules/getUserView.js'
import { directoryOf } from './directory.js'
import { userKey } from './lookup.js'
import { mayRead } from '../rules/readAccess.js'

const GetUserRequestC = struct('GetUserRequest', { caller: Caller, body: GetUserBody }, ['caller', 'body'])
/** A GetUser request. @category model */
export interface GetUserRequest extends t.TypeOf<typeof GetUserRequestC> {}
export const GetUserRequest: StructType<GetUserRequest> = GetUserRequestC

/** The stored elements GetUser shows: every element of its view (D-GV-1), decoded before they are. */
const SHOWN: readonly string[] = Object.keys(GetUserView.props)

/**
 * Answers a GetUser request from the users of the site.
 *
 * @category operations
 * @example
 * ```ts
 * import { applyGetUser } from 'webex-user-rules'
 * const users = [{ webExId: 'dstaudt', password: 'secret', phones: { PIN: '4826' } }]
 * applyGetUser(users, { caller: { webExId: 'dstaudt', role: 'host' }, body: { webExId: 'dstaudt' } })
 * //=> { _tag: 'Right', right: { webExId: 'dstaudt', phones: { PIN: '4826' }, password: '******', active: 'ACTIVATED' } }
 * applyGetUser(users, { caller: { webExId: 'someone', role: 'host' }, body: { webExId: 'dstaudt' } })._tag //=> 'Left'
 * ```
 */
export const applyGetUser = (users: readonly User[], request: GetUserRequest): E.Either<SetUserError, GetUserView> =>
  guard({ user: users, request }, () => {
    const decoded = decodeRequest(GetUserRequest, request)
    if (E.isLeft(decoded)) return decoded
    const { caller, body } = decoded.right
    // D-OP-1: site admins and read-only site admins read anyone, others their own record
    if (!mayRead(caller, body.webExId)) return E.left(noPrivilege([]))
    const directory = directoryOf(users)
    if (E.isLeft(directory)) return directory
    const user = directory.right.byWebExId.get(userKey(body.webExId))
    if (user === undefined) return E.left(userNotFound(body.webExId))
    // D-M3: the elements GetUser reads (all it shows) are decoded; one no rule reads is not shown
    const stored = decodeStoredUser(user, SHOWN)
    return E.isLeft(stored) ? stored : E.right(toGetUserView(stored.right))
  })
