/**
 * Human-readable rendering of errors, kept apart from the error data (io-ts reporter style).
 *
 * @module
 */
import { renderFailureLine } from '../model/codec.js'
import type { OperationError } from './OperationError.js'
import { type DecodeFailure, failureWhere } from './SetUserError.js'

const showActual = (actual: unknown): string => {
  if (actual === undefined) return 'nothing'
  try {
    const json = JSON.stringify(actual)
    return json.length > 60 ? `${json.slice(0, 57)}...` : json
  } catch {
    return typeof actual
  }
}

/**
 * One line per failing path: `body.privilege.host: expected boolean, got "yes"`.
 *
 * @category errors
 * @example
 * ```ts
 * import { formatDecodeFailure } from 'webex-user-rules'
 * formatDecodeFailure({ source: 'body', code: 'unknownElement', path: 'Active', expected: 'no element "Active" in SetUserBody', actual: 'ACTIVATED', hint: 'did you mean "active"?' })
 * //=> 'body.Active: expected no element "Active" in SetUserBody, got "ACTIVATED" (did you mean "active"?)'
 * ```
 */
export const formatDecodeFailure = (f: DecodeFailure): string =>
  renderFailureLine({ ...f, where: failureWhere(f) }, showActual(f.actual))

/**
 * A readable message for any {@link OperationError} (SetUser's and the other operations'): tag,
 * exceptionID, reason, and one indented line per detail (failing path, denied path).
 *
 * @category errors
 * @example
 * ```ts
 * import { formatError, noPrivilege } from 'webex-user-rules'
 * formatError(noPrivilege(['personalTeleconf.joinBeforeHost']))
 * //=> 'NoPrivilege (exceptionID 000001): Access denied, additional privileges are required\n  - personalTeleconf.joinBeforeHost'
 * ```
 */
export const formatError = (error: OperationError): string => {
  const head = `${error._tag} (exceptionID ${error.exceptionID}): ${error.reason}`
  switch (error._tag) {
    case 'InvalidRequest':
      return [
        `${error._tag} (exceptionID ${error.exceptionID}): Invalid request`,
        ...error.failures.map((f) => `  - ${formatDecodeFailure(f)}`),
      ].join('\n')
    case 'NoPrivilege':
      return [head, ...error.paths.map((p) => `  - ${p}`)].join('\n')
    default:
      return head
  }
}
