/**
 * R7 — PIN.
 *
 * Seed: "Single number values and simple sequences, like 1111 or 1234 are not allowed. If value is
 * not a valid PIN, the XML API throws the exception: WBXValidationException (ID=999999, "Not a
 * valid PIN! PIN must be 4-digit number ...")".
 *
 * Decisions (docs/decisions.md): descending runs (4321) are rejected too (D-R7a); an empty PIN
 * means "not specified" (D-R7b); `personalMeetingRoom.hostPIN` follows the same rule (D-R7c); a
 * PIN of any length or content gets the PIN error (D-F1).
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { type InvalidRequest, invalidPin, type InvalidPin } from '../errors/SetUserError.js'
import type { Notice } from '../model/result.js'
import type { SetUserBody } from '../model/user.js'

const FOUR_DIGITS = /^[0-9]{4}$/

const isRepeated = (pin: string): boolean => {
  const first = pin.charCodeAt(0)
  return pin.charCodeAt(1) === first && pin.charCodeAt(2) === first && pin.charCodeAt(3) === first
}

const isRun = (pin: string, step: 1 | -1): boolean => {
  for (let i = 1; i < 4; i++) {
    if (pin.charCodeAt(i) - pin.charCodeAt(i - 1) !== step) return false
  }
  return true
}

/**
 * The one PIN predicate: exactly four ASCII digits, not one digit repeated (0000…9999), not an
 * ascending (0123…6789) or descending (9876…3210) run. 24 of the 10,000 four-digit strings fail.
 *
 * @category rules
 * @example
 * ```ts
 * import { isValidPin } from 'webex-user-rules'
 * isValidPin('4826') //=> true
 * isValidPin('1111') //=> false
 * isValidPin('1234') //=> false
 * isValidPin('0123') //=> false
 * ```
 */
export const isValidPin = (pin: string): boolean =>
  FOUR_DIGITS.test(pin) && !isRepeated(pin) && !isRun(pin, 1) && !isRun(pin, -1)

const requestedPins = (body: SetUserBody): readonly [InvalidPin['path'], string | undefined][] => [
  ['phones.PIN', body.phones?.PIN],
  ['personalMeetingRoom.hostPIN', body.personalMeetingRoom?.hostPIN],
]

/**
 * Validates the PINs a request sends. An empty PIN is "not specified" (D-R7b): it is not
 * validated, not stored, and reported as ignored.
 */
export const validatePins = (body: SetUserBody): E.Either<InvalidPin, readonly Notice[]> => {
  const notices: Notice[] = []
  for (const [path, pin] of requestedPins(body)) {
    if (pin === undefined) continue
    if (pin === '') {
      notices.push({ kind: 'ignored', path, message: 'an empty PIN means "not specified"; the stored PIN is kept' })
      continue
    }
    if (!isValidPin(pin)) return E.left(invalidPin(path))
  }
  return E.right(notices)
}

/** The body without empty PINs (D-R7b: empty means "not specified"); the same body when it has none. */
export const withoutEmptyPins = (body: SetUserBody): SetUserBody => {
  const { phones, personalMeetingRoom: room } = body
  let next: SetUserBody = body
  if (phones?.PIN === '') {
    const { PIN: _empty, ...rest } = phones
    next = { ...next, phones: rest }
  }
  if (room?.hostPIN === '') {
    const { hostPIN: _empty, ...rest } = room
    next = { ...next, personalMeetingRoom: rest }
  }
  return next
}

const PIN_PATHS: ReadonlySet<string> = new Set(['phones.PIN', 'personalMeetingRoom.hostPIN'])

/**
 * D-F1: a PIN the schema refuses (longer than its 16 characters) is still "not a valid PIN". When
 * every failure of a request is a PIN given as text, the answer is the seed's PIN error for the
 * first one, not a generic InvalidRequest, and the PIN is not echoed. Other failures keep the
 * InvalidRequest (the request is malformed, not only its PIN).
 */
export const pinDecodeError = (error: InvalidRequest): InvalidRequest | InvalidPin => {
  const [first] = error.failures
  if (first === undefined) return error
  for (const failure of error.failures) {
    // the value itself may be redacted (a PIN is a secret, D-E1): its code says whether it was text
    if (failure.source !== 'body' || !PIN_PATHS.has(failure.path) || failure.code === 'wrongType') return error
  }
  return invalidPin(first.path as InvalidPin['path'])
}
