/**
 * The closed union of SetUser errors (docs/spec.md §1). Every error is data: a `_tag`, the Webex
 * `exceptionID` the server answers with, and the Webex-style `reason`. Nothing is thrown.
 *
 * @module
 */

import { type FailureCode, MAX_REPORTED_ISSUES, renderFailureLine } from '../model/codec.js'
import { isSecretName, REDACTED, redactSecrets } from '../model/secrets.js'

export type { FailureCode }
import type { RuleViolation } from './ruleViolation.js'

export * from './ruleViolation.js'

/** Where a malformed value came from. */
export type FailureSource = 'request' | 'body' | 'caller' | 'user' | 'site' | 'message'

/**
 * One failing path of a malformed input.
 *
 * @category errors
 */
export interface DecodeFailure {
  /** The kind of failure, for programs (D-E1). */
  readonly code: FailureCode
  /** Which input holds the path: the request envelope, its body or caller, the stored user, the site, or the XML message. */
  readonly source: FailureSource
  /** Element path inside that input, e.g. `privilege.host` or `videoSystems[1].address`. */
  readonly path: string
  /** What the schema expects there. */
  readonly expected: string
  /** The value found (`undefined` when an element is missing). */
  readonly actual: unknown
  /** A suggestion, e.g. `did you mean "active"?` for `<Active>`. */
  readonly hint?: string
  /** Where in the XML document (1-based), for failures of the document itself. */
  readonly line?: number
  readonly column?: number
}

/**
 * The reason of NoPrivilegeException, word for word (seed).
 *
 * @category errors
 * @example
 * ```ts
 * import { NO_PRIVILEGE_REASON } from 'webex-user-rules'
 * NO_PRIVILEGE_REASON //=> 'Access denied, additional privileges are required'
 * ```
 */
export const NO_PRIVILEGE_REASON = 'Access denied, additional privileges are required'
/**
 * The reason of the PIN WBXValidationException, word for word (seed).
 *
 * @category errors
 * @example
 * ```ts
 * import { INVALID_PIN_REASON } from 'webex-user-rules'
 * INVALID_PIN_REASON.startsWith('Not a valid PIN!') //=> true
 * ```
 */
export const INVALID_PIN_REASON =
  'Not a valid PIN! PIN must be 4-digit number and not allow PIN to be Single number values or simple sequences, like 1111 or 1234.'
/**
 * The PCN-without-PIN message, word for word (seed).
 *
 * @category errors
 * @example
 * ```ts
 * import { VALID_PIN_REQUIRED_REASON } from 'webex-user-rules'
 * VALID_PIN_REQUIRED_REASON //=> 'valid PIN is required'
 * ```
 */
export const VALID_PIN_REQUIRED_REASON = 'valid PIN is required'
/**
 * The host-limit error name the seed uses.
 *
 * @category errors
 * @example
 * ```ts
 * import { EXCEEDED_SITE_HOST_LIMIT_REASON } from 'webex-user-rules'
 * EXCEEDED_SITE_HOST_LIMIT_REASON //=> 'exceededSiteHostLimit'
 * ```
 */
export const EXCEEDED_SITE_HOST_LIMIT_REASON = 'exceededSiteHostLimit'

/** Malformed input: wrong type, unknown or mis-cased element, value out of range. @category errors */
export interface InvalidRequest {
  readonly _tag: 'InvalidRequest'
  readonly exceptionID: '999999'
  readonly reason: string
  /** Every failing path, not only the first. */
  readonly failures: readonly DecodeFailure[]
}

/** `body.webExId` is not the stored user's webExId (R20). @category errors */
export interface UserNotFound {
  readonly _tag: 'UserNotFound'
  readonly exceptionID: '030001'
  readonly reason: string
  readonly webExId: string
}

/** The caller may not write these paths, or may not edit this user (R11, R9). @category errors */
export interface NoPrivilege {
  readonly _tag: 'NoPrivilege'
  readonly exceptionID: '000001'
  readonly reason: typeof NO_PRIVILEGE_REASON
  /** The request paths that need more privilege; empty when the whole record is out of reach. */
  readonly paths: readonly string[]
}

/** `phones.PIN` or `personalMeetingRoom.hostPIN` is not a valid PIN (R7). @category errors */
export interface InvalidPin {
  readonly _tag: 'InvalidPin'
  readonly exceptionID: '999999'
  readonly reason: typeof INVALID_PIN_REASON
  readonly path: 'phones.PIN' | 'personalMeetingRoom.hostPIN'
}

/** A PCN account is added or edited while the user has no valid PIN (R8). @category errors */
export interface ValidPinRequired {
  readonly _tag: 'ValidPinRequired'
  readonly exceptionID: '999999'
  readonly reason: typeof VALID_PIN_REQUIRED_REASON
  /** The first account item that needs the PIN. */
  readonly path: string
}

/** The request would make the user a counted host beyond the site's host limit (R6). @category errors */
export interface ExceededSiteHostLimit {
  readonly _tag: 'ExceededSiteHostLimit'
  readonly exceptionID: '030010'
  readonly reason: typeof EXCEEDED_SITE_HOST_LIMIT_REASON
  readonly hostLimit: number
  /** The count the request would lead to. */
  readonly hostCount: number
}

/** With sme TRUE, requested prodIDs that do not exist on the site (R4). @category errors */
export interface UnknownProductId {
  readonly _tag: 'UnknownProductId'
  readonly exceptionID: '999999'
  readonly reason: string
  readonly productIds: readonly number[]
}

/** A user renames themself while the site does not allow it (R14). @category errors */
export interface UserNameChangeNotAllowed {
  readonly _tag: 'UserNameChangeNotAllowed'
  readonly exceptionID: '000001'
  readonly reason: typeof NO_PRIVILEGE_REASON
}

/** `newWebExId` is already taken on the site (R14). @category errors */
export interface WebExIdConflict {
  readonly _tag: 'WebExIdConflict'
  readonly exceptionID: '030004'
  readonly reason: string
  readonly webExId: string
}

/** Contradictory password security options (R12). @category errors */
export interface InvalidSecurityOptions {
  readonly _tag: 'InvalidSecurityOptions'
  readonly exceptionID: '030053' | '030057'
  readonly reason: string
}

/** Service Desk administrator on an attendee-only account (R13). @category errors */
export interface ServiceDeskNotSupported {
  readonly _tag: 'ServiceDeskNotSupported'
  readonly exceptionID: '030045'
  readonly reason: string
}

/** An account list that breaks the index / default rules (R10). @category errors */
export interface InvalidAccounts {
  readonly _tag: 'InvalidAccounts'
  readonly exceptionID: '999999'
  readonly reason: string
  readonly path: string
}

/** No telephony server is available for a request that changes telephony data (R16). @category errors */
export interface TelephonyUnavailable {
  readonly _tag: 'TelephonyUnavailable'
  readonly exceptionID: '000035'
  readonly reason: string
}

/** CreateUser without one of its required elements (030009). @category errors */
export interface MissingRequiredElements {
  readonly _tag: 'MissingRequiredElements'
  readonly exceptionID: '030009'
  readonly reason: string
  /** The required elements the request lacks, in the order webExId, password, email, firstName, lastName. */
  readonly missing: readonly string[]
}

/** CreateUser with an email another user of the site has (030005). @category errors */
export interface EmailConflict {
  readonly _tag: 'EmailConflict'
  readonly exceptionID: '030005'
  readonly reason: string
  readonly email: string
}

/**
 * Every error `applySetUser` and the sibling operations can return.
 *
 * @category errors
 */
export type SetUserError =
  | InvalidRequest
  | UserNotFound
  | NoPrivilege
  | InvalidPin
  | ValidPinRequired
  | ExceededSiteHostLimit
  | UnknownProductId
  | UserNameChangeNotAllowed
  | WebExIdConflict
  | InvalidSecurityOptions
  | ServiceDeskNotSupported
  | InvalidAccounts
  | TelephonyUnavailable
  | MissingRequiredElements
  | EmailConflict
  | RuleViolation

/** The `_tag`s of {@link SetUserError}. @category errors */
export type SetUserErrorTag = SetUserError['_tag']

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

/**
 * Where a failure is, as its line starts: the source, then the path.
 *
 * @category errors
 * @example
 * ```ts
 * import { failureWhere } from 'webex-user-rules'
 * failureWhere({ source: 'body', code: 'wrongType', path: 'privilege.host', expected: 'boolean', actual: 'yes' })
 * //=> 'body.privilege.host'
 * ```
 */
export const failureWhere = (f: DecodeFailure): string =>
  `${f.source}${f.path === '' || f.path.startsWith('[') ? '' : '.'}${f.path}`

/** The failure line of the wire reason: no value, only where, what was expected, and the place. */
const describeFailure = (f: DecodeFailure): string => renderFailureLine({ ...f, where: failureWhere(f) })

/**
 * D-E1: a failure at or under a secret element (a password, PIN, access code, ticket, anything in
 * a securityContext), or one whose hint names a secret element (a misspelt `<pasword>`), never
 * carries the value; any other value has the secrets inside it replaced.
 */
const HINTED_NAME = /"([^"]*)"/
const redact = (f: DecodeFailure): DecodeFailure => {
  const suggested = f.hint === undefined ? undefined : HINTED_NAME.exec(f.hint)?.[1]
  const secret = f.path.split(/[.[\]@]/).some(isSecretName) || (suggested !== undefined && isSecretName(suggested))
  // a count or an absence is not the value
  if (secret && f.code !== 'tooMany' && f.code !== 'missingElement')
    return f.actual === undefined || f.actual === REDACTED ? f : { ...f, actual: REDACTED }
  if (typeof f.actual !== 'object' || f.actual === null) return f
  return { ...f, actual: redactSecrets(f.actual) }
}

/**
 * An {@link InvalidRequest} (999999) listing every failure.
 *
 * @category constructors
 * @example
 * ```ts
 * import { invalidRequest } from 'webex-user-rules'
 * invalidRequest([{ source: 'body', code: 'wrongType', path: 'privilege.host', expected: 'boolean', actual: 'yes' }]).reason
 * //=> 'Invalid request: body.privilege.host: expected boolean'
 * ```
 */
export const invalidRequest = (all: readonly DecodeFailure[]): InvalidRequest => {
  // D-S2: the first MAX_REPORTED_ISSUES, then one note for the rest
  const failures: readonly DecodeFailure[] =
    all.length <= MAX_REPORTED_ISSUES
      ? all.map(redact)
      : [
          ...all.slice(0, MAX_REPORTED_ISSUES).map(redact),
          {
            source: all[MAX_REPORTED_ISSUES]?.source ?? 'request',
            code: 'limit',
            path: '',
            expected: `at most ${String(MAX_REPORTED_ISSUES)} reported failures`,
            actual: `${String(all.length - MAX_REPORTED_ISSUES)} more`,
          } satisfies DecodeFailure,
        ]
  return {
    _tag: 'InvalidRequest',
    exceptionID: '999999',
    reason: `Invalid request: ${failures.map(describeFailure).join('; ')}`,
    failures,
  }
}

/**
 * A {@link UserNotFound} (030001) for the webExId the request names.
 *
 * @category constructors
 * @example
 * ```ts
 * import { userNotFound } from 'webex-user-rules'
 * userNotFound('jdoe') //=> { _tag: 'UserNotFound', exceptionID: '030001', reason: 'User not found: jdoe', webExId: 'jdoe' }
 * ```
 */
export const userNotFound = (webExId: string): UserNotFound => ({
  _tag: 'UserNotFound',
  exceptionID: '030001',
  reason: `User not found: ${webExId}`,
  webExId,
})

/**
 * A {@link NoPrivilege} (000001) naming the paths that need more privilege.
 *
 * @category constructors
 * @example
 * ```ts
 * import { noPrivilege } from 'webex-user-rules'
 * noPrivilege(['privilege.siteAdmin']).exceptionID //=> '000001'
 * ```
 */
export const noPrivilege = (paths: readonly string[]): NoPrivilege => ({
  _tag: 'NoPrivilege',
  exceptionID: '000001',
  reason: NO_PRIVILEGE_REASON,
  paths,
})

/**
 * An {@link InvalidPin} (999999) with the seed's message.
 *
 * @category constructors
 * @example
 * ```ts
 * import { invalidPin } from 'webex-user-rules'
 * invalidPin('phones.PIN')._tag //=> 'InvalidPin'
 * ```
 */
export const invalidPin = (path: InvalidPin['path']): InvalidPin => ({
  _tag: 'InvalidPin',
  exceptionID: '999999',
  reason: INVALID_PIN_REASON,
  path,
})

/**
 * A {@link ValidPinRequired} (999999): "valid PIN is required".
 *
 * @category constructors
 * @example
 * ```ts
 * import { validPinRequired } from 'webex-user-rules'
 * validPinRequired('personalTeleconf.account[0]').reason //=> 'valid PIN is required'
 * ```
 */
export const validPinRequired = (path: string): ValidPinRequired => ({
  _tag: 'ValidPinRequired',
  exceptionID: '999999',
  reason: VALID_PIN_REQUIRED_REASON,
  path,
})

/**
 * An {@link ExceededSiteHostLimit} (030010) with the limit and the count the request would reach.
 *
 * @category constructors
 * @example
 * ```ts
 * import { exceededSiteHostLimit } from 'webex-user-rules'
 * exceededSiteHostLimit(50, 51) //=> { _tag: 'ExceededSiteHostLimit', exceptionID: '030010', reason: 'exceededSiteHostLimit', hostLimit: 50, hostCount: 51 }
 * ```
 */
export const exceededSiteHostLimit = (hostLimit: number, hostCount: number): ExceededSiteHostLimit => ({
  _tag: 'ExceededSiteHostLimit',
  exceptionID: '030010',
  reason: EXCEEDED_SITE_HOST_LIMIT_REASON,
  hostLimit,
  hostCount,
})

/**
 * An {@link UnknownProductId} (999999) naming the prodIDs the site does not have.
 *
 * @category constructors
 * @example
 * ```ts
 * import { unknownProductId } from 'webex-user-rules'
 * unknownProductId([999]).reason //=> 'prodID not found on the site: 999'
 * ```
 */
export const unknownProductId = (productIds: readonly number[]): UnknownProductId => ({
  _tag: 'UnknownProductId',
  exceptionID: '999999',
  reason: `prodID not found on the site: ${productIds.join(', ')}`,
  productIds,
})

/**
 * A {@link UserNameChangeNotAllowed} (000001).
 *
 * @category constructors
 * @example
 * ```ts
 * import { userNameChangeNotAllowed } from 'webex-user-rules'
 * userNameChangeNotAllowed().exceptionID //=> '000001'
 * ```
 */
export const userNameChangeNotAllowed = (): UserNameChangeNotAllowed => ({
  _tag: 'UserNameChangeNotAllowed',
  exceptionID: '000001',
  reason: NO_PRIVILEGE_REASON,
})

/**
 * A {@link WebExIdConflict} (030004) for a taken name.
 *
 * @category constructors
 * @example
 * ```ts
 * import { webExIdConflict } from 'webex-user-rules'
 * webExIdConflict('taken').exceptionID //=> '030004'
 * ```
 */
export const webExIdConflict = (webExId: string): WebExIdConflict => ({
  _tag: 'WebExIdConflict',
  exceptionID: '030004',
  reason: `WebExID is already in use by this site: ${webExId}`,
  webExId,
})

/**
 * The 030053 {@link InvalidSecurityOptions}: resetPassword needs forceChangePassword TRUE.
 *
 * @category constructors
 * @example
 * ```ts
 * import { resetNeedsForcedChange } from 'webex-user-rules'
 * resetNeedsForcedChange().exceptionID //=> '030053'
 * ```
 */
export const resetNeedsForcedChange = (): InvalidSecurityOptions => ({
  _tag: 'InvalidSecurityOptions',
  exceptionID: '030053',
  reason: 'forceChangePassword must be true while resetPassword is set to true.',
})

/**
 * The 030057 {@link InvalidSecurityOptions}: a forced change cannot be lifted without a reset.
 *
 * @category constructors
 * @example
 * ```ts
 * import { forcedChangeCannotBeLifted } from 'webex-user-rules'
 * forcedChangeCannotBeLifted().exceptionID //=> '030057'
 * ```
 */
export const forcedChangeCannotBeLifted = (): InvalidSecurityOptions => ({
  _tag: 'InvalidSecurityOptions',
  exceptionID: '030057',
  reason: 'Already requires user to change password on next logon. Cannot override forceChangePassword to false now.',
})

/**
 * A {@link ServiceDeskNotSupported} (030045).
 *
 * @category constructors
 * @example
 * ```ts
 * import { serviceDeskNotSupported } from 'webex-user-rules'
 * serviceDeskNotSupported().exceptionID //=> '030045'
 * ```
 */
export const serviceDeskNotSupported = (): ServiceDeskNotSupported => ({
  _tag: 'ServiceDeskNotSupported',
  exceptionID: '030045',
  reason: 'Attendee only account does not support Service Desk.',
})

/**
 * An {@link InvalidAccounts} (999999) at a path, with the problem.
 *
 * @category constructors
 * @example
 * ```ts
 * import { invalidAccounts } from 'webex-user-rules'
 * invalidAccounts('tspAccount[0].accountIndex', 'accountIndex must be 1..3, got 4').reason
 * //=> 'Invalid accounts at tspAccount[0].accountIndex: accountIndex must be 1..3, got 4'
 * ```
 */
export const invalidAccounts = (path: string, problem: string): InvalidAccounts => ({
  _tag: 'InvalidAccounts',
  exceptionID: '999999',
  reason: `Invalid accounts at ${path}: ${problem}`,
  path,
})

/**
 * A {@link TelephonyUnavailable} (000035): no telephony server is up.
 *
 * @category constructors
 * @example
 * ```ts
 * import { telephonyUnavailable } from 'webex-user-rules'
 * telephonyUnavailable().exceptionID //=> '000035'
 * ```
 */
export const telephonyUnavailable = (): TelephonyUnavailable => ({
  _tag: 'TelephonyUnavailable',
  exceptionID: '000035',
  reason: 'Telephony server not responding: Primary Large, NextGen and Backup 2 Large are all unavailable',
})

/**
 * A {@link MissingRequiredElements} (030009) naming what CreateUser lacks.
 *
 * @category constructors
 * @example
 * ```ts
 * import { missingRequiredElements } from 'webex-user-rules'
 * missingRequiredElements(['email', 'lastName']).reason //=> 'Missing required fields: email, lastName'
 * ```
 */
export const missingRequiredElements = (missing: readonly string[]): MissingRequiredElements => ({
  _tag: 'MissingRequiredElements',
  exceptionID: '030009',
  reason: `Missing required fields: ${missing.join(', ')}`,
  missing,
})

/**
 * An {@link EmailConflict} (030005) for an email already in use on the site.
 *
 * @category constructors
 * @example
 * ```ts
 * import { emailConflict } from 'webex-user-rules'
 * emailConflict('ana@example.edu').exceptionID //=> '030005'
 * ```
 */
export const emailConflict = (email: string): EmailConflict => ({
  _tag: 'EmailConflict',
  exceptionID: '030005',
  reason: `Email is already in use by this site: ${email}`,
  email,
})
