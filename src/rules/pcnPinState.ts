/**
 * R35 — a user with PCN accounts and no valid PIN.
 *
 * Seed: "If an XML API user who has never had a PIN launches a PCN meeting … The user needs to
 * create their PIN before attempting to launch a PCN meeting. Otherwise, the user will not be able
 * to launch meetings any more."
 *
 * R8 stops a request from adding or editing an account without a valid PIN, but a stored user can
 * still be in that state (accounts from before the PIN rule, a PIN that R7 now refuses). D-F15:
 * every operation that succeeds and leaves the user so — whether or not it touched the accounts —
 * carries a `warning` notice at `phones.PIN`, so the integrator learns it before the user does.
 *
 * @module
 */
import type { Notice } from '../model/result.js'
import type { User } from '../model/user.js'
import { isValidPin } from './pin.js'

/**
 * The warning R35 gives.
 *
 * @category rules
 * @example
 * ```ts
 * import { PCN_WITHOUT_PIN_MESSAGE } from 'webex-user-rules'
 * PCN_WITHOUT_PIN_MESSAGE.includes('no valid PIN') //=> true
 * ```
 */
export const PCN_WITHOUT_PIN_MESSAGE =
  'the user has PCN accounts but no valid PIN, so cannot start PCN meetings until a valid PIN is set'

/** The R35 notice when the resulting user has PCN accounts and no valid PIN; none otherwise. */
export const pcnWithoutPinNotices = (user: Pick<User, 'personalTeleconf' | 'phones'>): readonly Notice[] => {
  if ((user.personalTeleconf?.account ?? []).length === 0) return []
  const pin = user.phones?.PIN
  return pin !== undefined && isValidPin(pin)
    ? []
    : [{ kind: 'warning', path: 'phones.PIN', message: PCN_WITHOUT_PIN_MESSAGE }]
}
