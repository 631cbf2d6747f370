/**
 * R27 — e-mail addresses are plain ASCII.
 *
 * Sources (docs/spec.md §7): 030062 "email contains invalid ASCII characters".
 *
 * D-F8: `email` and `email2` may hold printable ASCII only, without space and without the
 * characters an address cannot carry unquoted (`" ( ) , : ; < > [ \ ]`). This holds on every site
 * (it needs no site fact); an empty value clears the address and is not checked. The shape of the
 * address (one `@`, a domain) stays with `validateFormat` (D-VF).
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { ruleViolation, type RuleViolation } from '../errors/ruleViolation.js'
import type { SetUserBody } from '../model/user.js'

const EMAIL_CHARACTERS = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.@]*$/

/**
 * Does an e-mail address use only the characters 030062 allows?
 *
 * @category rules
 * @example
 * ```ts
 * import { hasValidEmailCharacters } from 'webex-user-rules'
 * hasValidEmailCharacters("ana.o'neil@example.edu") //=> true
 * hasValidEmailCharacters('ana lee@example.edu') //=> false
 * hasValidEmailCharacters('anä@example.edu') //=> false
 * ```
 */
export const hasValidEmailCharacters = (email: string): boolean => EMAIL_CHARACTERS.test(email)

/** 030062 for the first address with a character outside the set. */
export const checkEmailCharacters = (body: Pick<SetUserBody, 'email' | 'email2'>): E.Either<RuleViolation, void> => {
  for (const path of ['email', 'email2'] as const) {
    // an absent address is checked as the empty one, which the set allows: one test, and no
    // `undefined` guard whose removal `RegExp.test` would hide (it reads undefined as 'undefined')
    if (!hasValidEmailCharacters(body[path] ?? '')) return E.left(ruleViolation('R27', '030062', path))
  }
  return E.right(undefined)
}
