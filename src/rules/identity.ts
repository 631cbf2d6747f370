/**
 * R20 — Identity.
 *
 * `body.webExId` names the user being changed (the XSD's required key; the embedder looked the
 * stored user up by it). It must equal the stored user's webExId, else `UserNotFound` (030001).
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { userNotFound, type UserNotFound } from '../errors/SetUserError.js'

/** Fails unless the request names the stored user. */
export const checkIdentity = (storedWebExId: string, requestedWebExId: string): E.Either<UserNotFound, void> =>
  storedWebExId === requestedWebExId ? E.right(undefined) : E.left(userNotFound(requestedWebExId))
