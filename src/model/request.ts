/**
 * The SetUser request as the engine takes it: who calls, and the body.
 *
 * @module
 */
import type * as t from 'io-ts'
import { oneOf, str, struct, type StructType } from './codec.js'
import { SetUserBody } from './user.js'

/** The roles a caller can have; `attendee` is an attendee-only account. @category model */
export type CallerRole = 'siteAdmin' | 'roSiteAdmin' | 'host' | 'attendee'

const CallerC = struct(
  'Caller',
  {
    webExId: str(64, 1),
    role: oneOf(['siteAdmin', 'roSiteAdmin', 'host', 'attendee']),
  },
  ['webExId', 'role'],
)
/** The caller, resolved by the embedding server from the securityContext. @category model */
export interface Caller extends t.TypeOf<typeof CallerC> {}
/**
 * Codec for the `Caller` type.
 *
 * @category codecs
 * @example
 * ```ts
 * import { Caller } from 'webex-user-rules'
 * Caller.is({ webExId: 'admin', role: 'siteAdmin' }) //=> true
 * Caller.is({ webExId: 'admin', role: 'owner' }) //=> false
 * ```
 */
export const Caller: StructType<Caller> = CallerC

const SetUserRequestC = struct('SetUserRequest', { caller: Caller, body: SetUserBody }, ['caller', 'body'])
/** A SetUser request: the caller and the bodyContent. @category model */
export interface SetUserRequest extends t.TypeOf<typeof SetUserRequestC> {}
/**
 * Codec for the `SetUserRequest` type.
 *
 * @category codecs
 * @example
 * ```ts
 * import { SetUserRequest } from 'webex-user-rules'
 * SetUserRequest.is({ caller: { webExId: 'jdoe', role: 'host' }, body: { webExId: 'jdoe', firstName: 'Jane' } }) //=> true
 * ```
 */
export const SetUserRequest: StructType<SetUserRequest> = SetUserRequestC
