/**
 * The closed union of SetUser errors (spec §1). Every error is data: a `_tag`, the Webex
 * `exceptionID` the server answers with, and the Webex-style `reason`. Nothing is thrown.
 *
 * @module
 */

/** Where a malformed value came from. */
export type FailureSource = 'request' | 'body' | 'caller' | 'user' | 'site' | 'message'

/**
 * One failing path of a malformed input.
 *
 * @category errors
 */
export interface DecodeFailure {
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
}

/** The reason of NoPrivilegeException, word for word (seed). */
export const NO_PRIVILEGE_REASON = 'Access denied, additional privileges are required'
/** The reason of the PIN WBXValidationException, word for word (seed). */
export const INVALID_PIN_REASON =
  'Not a valid PIN! PIN must be 4-digit number and not allow PIN to be Single number values or simple sequences, like 1111 or 1234.'
/** The PCN-without-PIN message, word for word (seed). */
export const VALID_PIN_REQUIRED_REASON = 'valid PIN is required'
/** The host-limit error name the seed uses. */
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

/**
 * Every error `applySetUser` can return.
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

/** The `_tag`s of {@link SetUserError}. @category errors */
export type SetUserErrorTag = SetUserError['_tag']

// -------------------------------------------------------------------------------------
// constructors
// -------------------------------------------------------------------------------------

const describeFailure = (f: DecodeFailure): string =>
  `${f.source}${f.path === '' ? '' : `.${f.path}`}: expected ${f.expected}${f.hint === undefined ? '' : ` (${f.hint})`}`

/** @category constructors */
export const invalidRequest = (failures: readonly DecodeFailure[]): InvalidRequest => ({
  _tag: 'InvalidRequest',
  exceptionID: '999999',
  reason: `Invalid request: ${failures.map(describeFailure).join('; ')}`,
  failures,
})

/** @category constructors */
export const userNotFound = (webExId: string): UserNotFound => ({
  _tag: 'UserNotFound',
  exceptionID: '030001',
  reason: `User not found: ${webExId}`,
  webExId,
})

/** @category constructors */
export const noPrivilege = (paths: readonly string[]): NoPrivilege => ({
  _tag: 'NoPrivilege',
  exceptionID: '000001',
  reason: NO_PRIVILEGE_REASON,
  paths,
})

/** @category constructors */
export const invalidPin = (path: InvalidPin['path']): InvalidPin => ({
  _tag: 'InvalidPin',
  exceptionID: '999999',
  reason: INVALID_PIN_REASON,
  path,
})

/** @category constructors */
export const validPinRequired = (path: string): ValidPinRequired => ({
  _tag: 'ValidPinRequired',
  exceptionID: '999999',
  reason: VALID_PIN_REQUIRED_REASON,
  path,
})

/** @category constructors */
export const exceededSiteHostLimit = (hostLimit: number, hostCount: number): ExceededSiteHostLimit => ({
  _tag: 'ExceededSiteHostLimit',
  exceptionID: '030010',
  reason: EXCEEDED_SITE_HOST_LIMIT_REASON,
  hostLimit,
  hostCount,
})

/** @category constructors */
export const unknownProductId = (productIds: readonly number[]): UnknownProductId => ({
  _tag: 'UnknownProductId',
  exceptionID: '999999',
  reason: `prodID not found on the site: ${productIds.join(', ')}`,
  productIds,
})

/** @category constructors */
export const userNameChangeNotAllowed = (): UserNameChangeNotAllowed => ({
  _tag: 'UserNameChangeNotAllowed',
  exceptionID: '000001',
  reason: NO_PRIVILEGE_REASON,
})

/** @category constructors */
export const webExIdConflict = (webExId: string): WebExIdConflict => ({
  _tag: 'WebExIdConflict',
  exceptionID: '030004',
  reason: `WebExID is already in use by this site: ${webExId}`,
  webExId,
})

/** @category constructors */
export const resetNeedsForcedChange = (): InvalidSecurityOptions => ({
  _tag: 'InvalidSecurityOptions',
  exceptionID: '030053',
  reason: 'forceChangePassword must be true while resetPassword is set to true.',
})

/** @category constructors */
export const forcedChangeCannotBeLifted = (): InvalidSecurityOptions => ({
  _tag: 'InvalidSecurityOptions',
  exceptionID: '030057',
  reason: 'Already requires user to change password on next logon. Cannot override forceChangePassword to false now.',
})

/** @category constructors */
export const serviceDeskNotSupported = (): ServiceDeskNotSupported => ({
  _tag: 'ServiceDeskNotSupported',
  exceptionID: '030045',
  reason: 'Attendee only account does not support Service Desk.',
})

/** @category constructors */
export const invalidAccounts = (path: string, problem: string): InvalidAccounts => ({
  _tag: 'InvalidAccounts',
  exceptionID: '999999',
  reason: `Invalid accounts at ${path}: ${problem}`,
  path,
})

/** @category constructors */
export const telephonyUnavailable = (): TelephonyUnavailable => ({
  _tag: 'TelephonyUnavailable',
  exceptionID: '000035',
  reason: 'Telephony server not responding: Primary Large, NextGen and Backup 2 Large are all unavailable',
})
