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
/** Codec for {@link Caller}. @category codecs */
export const Caller: StructType<Caller> = CallerC

const SetUserRequestC = struct('SetUserRequest', { caller: Caller, body: SetUserBody }, ['caller', 'body'])
/** A SetUser request: the caller and the bodyContent. @category model */
export interface SetUserRequest extends t.TypeOf<typeof SetUserRequestC> {}
/** Codec for {@link SetUserRequest}. @category codecs */
export const SetUserRequest: StructType<SetUserRequest> = SetUserRequestC
