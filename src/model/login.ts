/**
 * AuthenticateUser, GetLoginTicket, GetloginurlUser and GetlogouturlUser: request bodies and
 * answers (docs/spec.md, "List and login operations"; decisions D-OP-10 … D-OP-18).
 *
 * @module
 */
import type * as t from 'io-ts'
import { int, long, str, struct, type StructType } from './codec.js'

const AuthenticateUserBodyC = struct('AuthenticateUserBody', {
  /** Form A: a Webex platform OAuth access token. */
  accessToken: str(8192, 1),
  /** Form C: a base64 SAML response, with an optional `protocol` (`SAML2.0`). */
  samlResponse: str(65536, 1),
  protocol: str(32),
})
/**
 * The bodyContent of an AuthenticateUser request: an `accessToken`, a `samlResponse` (with
 * `protocol`), or nothing (form B: the password is in the securityContext).
 *
 * @category model
 */
export interface AuthenticateUserBody extends t.TypeOf<typeof AuthenticateUserBodyC> {}
/**
 * Codec for the `AuthenticateUserBody` type.
 *
 * @category codecs
 * @example
 * ```ts
 * import { AuthenticateUserBody } from 'webex-user-rules'
 * AuthenticateUserBody.is({ accessToken: 'DummyAccessToken-02' }) //=> true
 * AuthenticateUserBody.is({}) //=> true
 * AuthenticateUserBody.is({ password: 'pw' }) //=> false
 * ```
 */
export const AuthenticateUserBody: StructType<AuthenticateUserBody> = AuthenticateUserBodyC

const GetLoginTicketBodyC = struct('GetLoginTicketBody', {})
/** The bodyContent of a GetLoginTicket request: always empty. @category model */
export interface GetLoginTicketBody extends t.TypeOf<typeof GetLoginTicketBodyC> {}
/**
 * Codec for the `GetLoginTicketBody` type.
 *
 * @category codecs
 * @example
 * ```ts
 * import { GetLoginTicketBody } from 'webex-user-rules'
 * GetLoginTicketBody.is({}) //=> true
 * GetLoginTicketBody.is({ webExId: 'host01' }) //=> false
 * ```
 */
export const GetLoginTicketBody: StructType<GetLoginTicketBody> = GetLoginTicketBodyC

const LoginUrlBodyC = struct('LoginUrlBody', { webExID: str(64, 1), backURL: str(2048) }, ['webExID'])
/**
 * The bodyContent of GetloginurlUser and GetlogouturlUser: the user (`webExID`, capital D, as
 * the schema and every client spell it here) and an optional `backURL`.
 *
 * @category model
 */
export interface LoginUrlBody extends t.TypeOf<typeof LoginUrlBodyC> {}
/**
 * Codec for the `LoginUrlBody` type.
 *
 * @category codecs
 * @example
 * ```ts
 * import { LoginUrlBody } from 'webex-user-rules'
 * LoginUrlBody.is({ webExID: 'student42' }) //=> true
 * LoginUrlBody.is({ webExId: 'student42' }) //=> false
 * ```
 */
export const LoginUrlBody: StructType<LoginUrlBody> = LoginUrlBodyC

const ttl = int(1, 2_147_483_647)

const AuthenticateUserAnswerC = struct(
  'AuthenticateUserAnswer',
  { sessionTicket: str(4096, 1), createTime: long, timeToLive: ttl },
  ['sessionTicket', 'createTime', 'timeToLive'],
)
/**
 * `use:authenticateUserResponse`: the session ticket, its creation time (ms since the epoch) and
 * its lifetime in seconds.
 *
 * @category model
 */
export interface AuthenticateUserAnswer extends t.TypeOf<typeof AuthenticateUserAnswerC> {}
export const AuthenticateUserAnswer: StructType<AuthenticateUserAnswer> = AuthenticateUserAnswerC

const GetLoginTicketAnswerC = struct('GetLoginTicketAnswer', { ticket: str(4096, 1), apiVersion: str(128) }, [
  'ticket',
  'apiVersion',
])
/** `use:getLoginTicketResponse`: the host login ticket and the API version. @category model */
export interface GetLoginTicketAnswer extends t.TypeOf<typeof GetLoginTicketAnswerC> {}
export const GetLoginTicketAnswer: StructType<GetLoginTicketAnswer> = GetLoginTicketAnswerC

const LoginUrlAnswerC = struct('LoginUrlAnswer', { userLoginURL: str(8192) })
/** `use:getloginurlUserResponse`. @category model */
export interface LoginUrlAnswer extends t.TypeOf<typeof LoginUrlAnswerC> {}
export const LoginUrlAnswer: StructType<LoginUrlAnswer> = LoginUrlAnswerC

const LogoutUrlAnswerC = struct('LogoutUrlAnswer', { userLogoutURL: str(8192) })
/** `use:getlogouturlUserResponse`. @category model */
export interface LogoutUrlAnswer extends t.TypeOf<typeof LogoutUrlAnswerC> {}
export const LogoutUrlAnswer: StructType<LogoutUrlAnswer> = LogoutUrlAnswerC
