/**
 * The requests of the sibling operations: CreateUser, GetUser, DelUser, ActivateUser and
 * InactivateUser (docs/spec.md §7.6). CreateUser's body is in `user.ts` beside SetUser's.
 *
 * @module
 */
import type * as t from 'io-ts'
import { bool, list, long, str, struct, type StructType } from './codec.js'
import { Caller } from './request.js'
import type { SiteContext } from './site.js'
import { CreateUserBody, type User } from './user.js'

/**
 * DelUser takes 1..50 webExIds (XSD).
 *
 * @category operations
 * @example
 * ```ts
 * import { DEL_USER_MAX } from 'webex-user-rules'
 * DEL_USER_MAX //=> 50
 * ```
 */
export const DEL_USER_MAX = 50

const GetUserBodyC = struct('GetUserBody', { webExId: str(64, 1) }, ['webExId'])
/** The bodyContent of a GetUser request. @category model */
export interface GetUserBody extends t.TypeOf<typeof GetUserBodyC> {}
/**
 * Codec for the `GetUserBody` type.
 *
 * @category codecs
 * @example
 * ```ts
 * import { GetUserBody } from 'webex-user-rules'
 * GetUserBody.is({ webExId: 'dstaudt' }) //=> true
 * ```
 */
export const GetUserBody: StructType<GetUserBody> = GetUserBodyC

const DelUserBodyC = struct(
  'DelUserBody',
  { webExId: list(str(64, 1), { minItems: 1, maxItems: DEL_USER_MAX }), syncWebOffice: bool },
  ['webExId'],
)
/** The bodyContent of a DelUser request: 1..50 `webExId` elements. @category model */
export interface DelUserBody extends t.TypeOf<typeof DelUserBodyC> {}
/**
 * Codec for the `DelUserBody` type.
 *
 * @category codecs
 * @example
 * ```ts
 * import { DelUserBody } from 'webex-user-rules'
 * DelUserBody.is({ webExId: ['jsmith', 'jdoe'], syncWebOffice: true }) //=> true
 * DelUserBody.is({ webExId: [] }) //=> false
 * ```
 */
export const DelUserBody: StructType<DelUserBody> = DelUserBodyC

const ActivationBodyC = struct('ActivationBody', { webexID: str(64, 1), userID: long, syncWebOffice: bool })
/**
 * The bodyContent of ActivateUser / InactivateUser: the user by `webexID` or by `userID` (the
 * schema's spelling for these two operations), exactly one of them.
 *
 * @category model
 */
export interface ActivationBody extends t.TypeOf<typeof ActivationBodyC> {}
/**
 * Codec for the `ActivationBody` type.
 *
 * @category codecs
 * @example
 * ```ts
 * import { ActivationBody } from 'webex-user-rules'
 * ActivationBody.is({ webexID: 'jsmith' }) //=> true
 * ActivationBody.is({ userID: 962225390 }) //=> true
 * ```
 */
export const ActivationBody: StructType<ActivationBody> = ActivationBodyC

const CreateUserRequestC = struct('CreateUserRequest', { caller: Caller, body: CreateUserBody }, ['caller', 'body'])
/** A CreateUser request. @category model */
export interface CreateUserRequest extends t.TypeOf<typeof CreateUserRequestC> {}
export const CreateUserRequest: StructType<CreateUserRequest> = CreateUserRequestC

const DelUserRequestC = struct('DelUserRequest', { caller: Caller, body: DelUserBody }, ['caller', 'body'])
/** A DelUser request. @category model */
export interface DelUserRequest extends t.TypeOf<typeof DelUserRequestC> {}
export const DelUserRequest: StructType<DelUserRequest> = DelUserRequestC

const ActivationRequestC = struct('ActivationRequest', { caller: Caller, body: ActivationBody }, ['caller', 'body'])
/** An ActivateUser or InactivateUser request. @category model */
export interface ActivationRequest extends t.TypeOf<typeof ActivationRequestC> {}
export const ActivationRequest: StructType<ActivationRequest> = ActivationRequestC

/**
 * The user a CreateUser starts from, given the new name, the request's body and the site (decoded):
 * `userDefaults` unless the caller passes another, such as `newUserOf(…)` of
 * `webex-user-rules/new-user` (what a real site stores, D-NU).
 *
 * @category operations
 */
export type NewUserTemplate = (webExId: string, body: CreateUserBody, site: SiteContext) => User
