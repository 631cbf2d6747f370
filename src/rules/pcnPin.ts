/**
 * R8 — PCN needs a PIN.
 *
 * Seed: "The host must set a PIN before a PCN account can be added or edited. The 'createUser' and
 * 'setUser' API requires the user to have a valid PIN in order to add or edit a PCN account. If a
 * valid PIN does not exist, the XML API returns the error message: "valid PIN is required"."
 *
 * Decision D-R8: the PIN in effect after the request counts, so one request may set the PIN and
 * the account together. Deleting an account needs no PIN.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { validPinRequired, type ValidPinRequired } from '../errors/SetUserError.js'
import type { SetUserBody, User } from '../model/user.js'
import { isValidPin } from './pin.js'

/** Fails when the request adds or edits a PCN account and the resulting user has no valid PIN. */
export const checkPcnPin = (body: SetUserBody, result: User): E.Either<ValidPinRequired, void> => {
  const accounts = body.personalTeleconf?.account ?? []
  const edited = accounts.findIndex((account) => account.delete !== true)
  if (edited === -1) return E.right(undefined)
  const pin = result.phones?.PIN
  return pin !== undefined && isValidPin(pin)
    ? E.right(undefined)
    : E.left(validPinRequired(`personalTeleconf.account[${String(edited)}]`))
}
