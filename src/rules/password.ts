/**
 * R21 — Password rules.
 *
 * Sources (docs/spec.md §7): 030003 "password must be at least 6 characters"; 030058 "password
 * contains disallowed characters (only A-Z, a-z, 0-9 and common punctuation, no `"`)".
 *
 * Checked only on a site that states a password policy (`site.passwords`, D-F3): the minimum
 * length is `minLength` (default 6), the characters printable ASCII without the double quote or
 * a space. An empty password is "not specified" as for the PIN, and is not checked. The password
 * itself never appears in the error.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { ruleViolation, type RuleViolation } from '../errors/ruleViolation.js'
import type { PasswordPolicy } from '../model/site.js'

/**
 * The minimum length when the policy names none (030003's documented 6).
 *
 * @category rules
 * @example
 * ```ts
 * import { DEFAULT_PASSWORD_MIN_LENGTH } from 'webex-user-rules'
 * DEFAULT_PASSWORD_MIN_LENGTH //=> 6
 * ```
 */
export const DEFAULT_PASSWORD_MIN_LENGTH = 6

/** Printable ASCII without space and `"` (030058). */
const PASSWORD_CHARACTERS = /^[\x21\x23-\x7e]*$/

/**
 * Checks a password against the site's policy; `undefined` policy or password = nothing to check.
 *
 * @category rules
 * @example
 * ```ts
 * import { checkPassword } from 'webex-user-rules'
 * checkPassword({}, 'Rnd&Pw-9x2Q')._tag //=> 'Right'
 * checkPassword({}, 'abc')._tag //=> 'Left'
 * checkPassword({}, 'pass"word')._tag //=> 'Left'
 * ```
 */
export const checkPassword = (
  policy: PasswordPolicy | undefined,
  password: string | undefined,
): E.Either<RuleViolation, void> => {
  if (policy === undefined || password === undefined || password === '') return E.right(undefined)
  if (password.length < (policy.minLength ?? DEFAULT_PASSWORD_MIN_LENGTH))
    return E.left(ruleViolation('R21', '030003', 'password'))
  if (!PASSWORD_CHARACTERS.test(password)) return E.left(ruleViolation('R21', '030058', 'password'))
  return E.right(undefined)
}
