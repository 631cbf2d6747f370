/**
 * R12 — Security options (admin-only, see R11).
 *
 * Seed: "Users can be forced to change their password on their next login or locked out of their
 * account entirely by Site Admin." Exception texts: 030053 "forceChangePassword must be true while
 * resetPassword is set to true.", 030057 "Already requires user to change password on next logon.
 * Cannot override forceChangePassword to false now."
 *
 * `resetPassword` is an action, not a setting (D-R12): it yields the effect `passwordReset` and
 * is not stored. The other effects report state changes: `passwordChangeForced` when the flag
 * turns on, `accountLocked` / `accountUnlocked` when the lock flips.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import {
  forcedChangeCannotBeLifted,
  type InvalidSecurityOptions,
  resetNeedsForcedChange,
} from '../errors/SetUserError.js'
import type { Effect } from '../model/result.js'
import type { SetUserBody, User } from '../model/user.js'

/** Rejects contradictory security options (030053, 030057). */
export const validateSecurity = (current: User, body: SetUserBody): E.Either<InvalidSecurityOptions, void> => {
  const sent = body.security
  if (sent === undefined) return E.right(undefined)
  if (sent.resetPassword === true && sent.forceChangePassword === false) return E.left(resetNeedsForcedChange())
  if (
    sent.forceChangePassword === false &&
    current.security?.forceChangePassword === true &&
    sent.resetPassword !== true
  ) {
    return E.left(forcedChangeCannotBeLifted())
  }
  return E.right(undefined)
}

/** The security effects of a request, in the order reset, forced change, lock. */
export const securityEffects = (current: User | undefined, body: SetUserBody): readonly Effect[] => {
  const sent = body.security
  if (sent === undefined) return []
  const effects: Effect[] = []
  const was = current?.security
  if (sent.resetPassword === true) effects.push({ kind: 'passwordReset' })
  if (sent.forceChangePassword === true && was?.forceChangePassword !== true)
    effects.push({ kind: 'passwordChangeForced' })
  if (sent.lockAccount === true && was?.lockAccount !== true) effects.push({ kind: 'accountLocked' })
  if (sent.lockAccount === false && was?.lockAccount === true) effects.push({ kind: 'accountUnlocked' })
  return effects
}
