/**
 * The engine's answer in the form the reference model states its own: errors keep `_tag`,
 * `exceptionID` and the details the spec fixes; notices keep `kind` and `path`.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { SetUserError, SetUserResult } from 'webex-user-rules'
import type { ModelError, ModelResult } from '../model/reference.js'

const projectError = (e: SetUserError): ModelError => {
  switch (e._tag) {
    case 'InvalidRequest':
      return {
        _tag: e._tag,
        exceptionID: e.exceptionID,
        failures: e.failures.map((f) => ({ source: f.source, path: f.path })),
      }
    case 'UserNotFound':
    case 'WebExIdConflict':
      return { _tag: e._tag, exceptionID: e.exceptionID, webExId: e.webExId }
    case 'NoPrivilege':
      return { _tag: e._tag, exceptionID: e.exceptionID, reason: e.reason, paths: e.paths }
    case 'InvalidPin':
    case 'ValidPinRequired':
      return { _tag: e._tag, exceptionID: e.exceptionID, reason: e.reason, path: e.path }
    case 'ExceededSiteHostLimit':
      return {
        _tag: e._tag,
        exceptionID: e.exceptionID,
        reason: e.reason,
        hostLimit: e.hostLimit,
        hostCount: e.hostCount,
      }
    case 'UnknownProductId':
      return { _tag: e._tag, exceptionID: e.exceptionID, productIds: e.productIds }
    case 'UserNameChangeNotAllowed':
      return { _tag: e._tag, exceptionID: e.exceptionID, reason: e.reason }
    case 'InvalidAccounts':
      return { _tag: e._tag, exceptionID: e.exceptionID, path: e.path }
    case 'RuleViolation':
      return {
        _tag: e._tag,
        exceptionID: e.exceptionID,
        path: e.path,
        ...(e.value === undefined ? {} : { value: e.value }),
      }
    // the sibling operations' errors: SetUser never returns them, and the model never states them
    case 'MissingRequiredElements':
      return { _tag: e._tag, exceptionID: e.exceptionID, missing: e.missing }
    case 'EmailConflict':
    case 'InvalidSecurityOptions':
    case 'ServiceDeskNotSupported':
    case 'TelephonyUnavailable':
      return { _tag: e._tag, exceptionID: e.exceptionID }
  }
}

/** The engine's result, projected for comparison with the model. */
export const project = (result: E.Either<SetUserError, SetUserResult>): ModelResult =>
  E.isLeft(result)
    ? { _tag: 'Left', left: projectError(result.left) }
    : {
        _tag: 'Right',
        right: {
          user: result.right.user,
          effects: result.right.effects,
          notices: result.right.notices.map((n) => ({ kind: n.kind, path: n.path })),
        },
      }
