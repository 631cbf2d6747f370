/**
 * Which elements hold secrets: passwords, PINs, access codes, session tickets, and everything under
 * a `securityContext` (D-E1). Errors and the CLI never show their values.
 *
 * @module
 */
import { isPlainObject } from './plain.js'

// password, passwordHintAnswer, PIN, hostPIN, *AccessCode, moderatorCode, sessionTicket, and names like them
const SECRET_NAME = /password|hintanswer|pin$|accesscode|moderatorcode|ticket|secret|token/i

/**
 * What a secret's value is replaced with.
 *
 * @category errors
 * @example
 * ```ts
 * import { REDACTED } from 'webex-user-rules'
 * REDACTED //=> '[redacted]'
 * ```
 */
export const REDACTED = '[redacted]'

/**
 * Whether an element of this name holds a secret.
 *
 * @category errors
 * @example
 * ```ts
 * import { isSecretName } from 'webex-user-rules'
 * isSecretName('hostPIN') //=> true
 * isSecretName('firstName') //=> false
 * ```
 */
export const isSecretName = (name: string | number): boolean =>
  typeof name === 'string' && (name === 'securityContext' || SECRET_NAME.test(name))

/**
 * A copy of `value` with the value of every secret element replaced by {@link REDACTED}.
 *
 * @category errors
 * @example
 * ```ts
 * import { redactSecrets } from 'webex-user-rules'
 * redactSecrets({ webExId: 'jdoe', phones: { PIN: '4826' } }) //=> { webExId: 'jdoe', phones: { PIN: '[redacted]' } }
 * ```
 */
export const redactSecrets = (value: unknown, depth = 0): unknown => {
  if (depth > 32) return REDACTED
  if (Array.isArray(value)) return value.map((item: unknown) => redactSecrets(item, depth + 1))
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) out[key] = isSecretName(key) ? REDACTED : redactSecrets(value[key], depth + 1)
  return out
}
