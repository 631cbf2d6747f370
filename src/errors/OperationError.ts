/**
 * The errors of the list and login operations that SetUser never returns (docs/spec.md, "List
 * and login operations"). Like {@link SetUserError} they are data with the Webex `exceptionID`
 * and `reason`; none of them echoes a credential.
 *
 * @module
 */
import type { SetUserError } from './SetUserError.js'

/** LstsummaryUser found nothing, or the page starts past the last match (000015). @category errors */
export interface NoRecordFound {
  readonly _tag: 'NoRecordFound'
  readonly exceptionID: '000015'
  readonly reason: typeof NO_RECORD_FOUND_REASON
}

/** Unknown user, wrong password, or no credential at all (030002), alike for all (D-OP-11). @category errors */
export interface AuthenticationFailed {
  readonly _tag: 'AuthenticationFailed'
  readonly exceptionID: '030002'
  readonly reason: typeof AUTHENTICATION_FAILED_REASON
}

/** Unknown, expired or foreign session ticket (030047). @category errors */
export interface InvalidSessionTicket {
  readonly _tag: 'InvalidSessionTicket'
  readonly exceptionID: '030047'
  readonly reason: typeof INVALID_SESSION_TICKET_REASON
}

/** An access token or SAML response that maps to no active user of the site (030048). @category errors */
export interface SessionTicketNotGenerated {
  readonly _tag: 'SessionTicketNotGenerated'
  readonly exceptionID: '030048'
  readonly reason: typeof SESSION_TICKET_NOT_GENERATED_REASON
}

/** The user's account is deactivated (030008). @category errors */
export interface UserNotActive {
  readonly _tag: 'UserNotActive'
  readonly exceptionID: '030008'
  readonly reason: typeof USER_NOT_ACTIVE_REASON
}

/**
 * Every error the list and login operations can return: the {@link SetUserError}s they share
 * with SetUser (999999, 000001, 030001) and their own.
 *
 * @category errors
 */
export type OperationError =
  SetUserError | NoRecordFound | AuthenticationFailed | InvalidSessionTicket | SessionTicketNotGenerated | UserNotActive

/**
 * The reason of 000015. No source quotes the server's text; this one is unverified (D-OP-9).
 *
 * @category errors
 * @example
 * ```ts
 * import { NO_RECORD_FOUND_REASON } from 'webex-user-rules'
 * NO_RECORD_FOUND_REASON //=> 'Sorry, no record found'
 * ```
 */
export const NO_RECORD_FOUND_REASON = 'Sorry, no record found'
/**
 * The reason of 030002, word for word from a real response.
 *
 * @category errors
 * @example
 * ```ts
 * import { AUTHENTICATION_FAILED_REASON } from 'webex-user-rules'
 * AUTHENTICATION_FAILED_REASON //=> 'Incorrect user or password'
 * ```
 */
export const AUTHENTICATION_FAILED_REASON = 'Incorrect user or password'
/**
 * The reason of 030047, word for word from a real response.
 *
 * @category errors
 * @example
 * ```ts
 * import { INVALID_SESSION_TICKET_REASON } from 'webex-user-rules'
 * INVALID_SESSION_TICKET_REASON //=> 'Not a valid session ticket'
 * ```
 */
export const INVALID_SESSION_TICKET_REASON = 'Not a valid session ticket'
/**
 * The reason of 030048, from Cisco's admin UI string table (without the UI's final period).
 *
 * @category errors
 * @example
 * ```ts
 * import { SESSION_TICKET_NOT_GENERATED_REASON } from 'webex-user-rules'
 * SESSION_TICKET_NOT_GENERATED_REASON //=> "Authentication Server can't generate a valid session ticket"
 * ```
 */
export const SESSION_TICKET_NOT_GENERATED_REASON = "Authentication Server can't generate a valid session ticket"
/**
 * The reason of 030008, from Cisco's admin UI string table (without the UI's final period).
 *
 * @category errors
 * @example
 * ```ts
 * import { USER_NOT_ACTIVE_REASON } from 'webex-user-rules'
 * USER_NOT_ACTIVE_REASON //=> 'This user account is not active'
 * ```
 */
export const USER_NOT_ACTIVE_REASON = 'This user account is not active'

/**
 * A {@link NoRecordFound} (000015).
 *
 * @category constructors
 * @example
 * ```ts
 * import { noRecordFound } from 'webex-user-rules'
 * noRecordFound().exceptionID //=> '000015'
 * ```
 */
export const noRecordFound = (): NoRecordFound => ({
  _tag: 'NoRecordFound',
  exceptionID: '000015',
  reason: NO_RECORD_FOUND_REASON,
})

/**
 * An {@link AuthenticationFailed} (030002).
 *
 * @category constructors
 * @example
 * ```ts
 * import { authenticationFailed } from 'webex-user-rules'
 * authenticationFailed().reason //=> 'Incorrect user or password'
 * ```
 */
export const authenticationFailed = (): AuthenticationFailed => ({
  _tag: 'AuthenticationFailed',
  exceptionID: '030002',
  reason: AUTHENTICATION_FAILED_REASON,
})

/**
 * An {@link InvalidSessionTicket} (030047).
 *
 * @category constructors
 * @example
 * ```ts
 * import { invalidSessionTicket } from 'webex-user-rules'
 * invalidSessionTicket().exceptionID //=> '030047'
 * ```
 */
export const invalidSessionTicket = (): InvalidSessionTicket => ({
  _tag: 'InvalidSessionTicket',
  exceptionID: '030047',
  reason: INVALID_SESSION_TICKET_REASON,
})

/**
 * A {@link SessionTicketNotGenerated} (030048).
 *
 * @category constructors
 * @example
 * ```ts
 * import { sessionTicketNotGenerated } from 'webex-user-rules'
 * sessionTicketNotGenerated().exceptionID //=> '030048'
 * ```
 */
export const sessionTicketNotGenerated = (): SessionTicketNotGenerated => ({
  _tag: 'SessionTicketNotGenerated',
  exceptionID: '030048',
  reason: SESSION_TICKET_NOT_GENERATED_REASON,
})

/**
 * A {@link UserNotActive} (030008).
 *
 * @category constructors
 * @example
 * ```ts
 * import { userNotActive } from 'webex-user-rules'
 * userNotActive().exceptionID //=> '030008'
 * ```
 */
export const userNotActive = (): UserNotActive => ({
  _tag: 'UserNotActive',
  exceptionID: '030008',
  reason: USER_NOT_ACTIVE_REASON,
})
