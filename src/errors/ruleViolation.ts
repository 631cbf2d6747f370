/**
 * The errors of the rules R21–R34 (docs/spec.md §6): one shape for the documented User-service
 * exceptions that carry no more than a path, so the closed {@link SetUserError} union grows by one
 * member, not by twenty. The `exceptionID` and `reason` are the ones docs/spec.md §7 lists.
 *
 * @module
 */

/**
 * The exception IDs the rules R21–R34 answer with (docs/spec.md §7).
 *
 * @category errors
 */
export type RuleViolationId =
  | '000001'
  | '030003'
  | '030011'
  | '030012'
  | '030013'
  | '030014'
  | '030015'
  | '030016'
  | '030017'
  | '030018'
  | '030019'
  | '030021'
  | '030022'
  | '030023'
  | '030036'
  | '030050'
  | '030051'
  | '030055'
  | '030056'
  | '030058'
  | '030060'
  | '030062'
  | '030077'
  | '110055'
  | 'E030103'

/**
 * A documented User-service exception raised by one of the rules R21–R34.
 *
 * @category errors
 */
export interface RuleViolation {
  readonly _tag: 'RuleViolation'
  readonly exceptionID: RuleViolationId
  readonly reason: string
  /** The rule that refused the request, e.g. `R29`. */
  readonly rule: string
  /** The request path the exception is about. */
  readonly path: string
  /** The `serv:value` of the wire answer (110055: the session type). */
  readonly value?: string
}

/**
 * The reason of each {@link RuleViolationId}: the server's text where a response shows it, else the
 * text Cisco's own admin UI shows for the ID (docs/spec.md §7).
 *
 * @category errors
 * @example
 * ```ts
 * import { RULE_VIOLATION_REASONS } from 'webex-user-rules'
 * RULE_VIOLATION_REASONS['030060'] //=> 'Not a valid language.'
 * ```
 */
export const RULE_VIOLATION_REASONS: Readonly<Record<RuleViolationId, string>> = {
  '000001': 'Access denied, additional privileges are required',
  '030003': 'Password must be at least 6 characters.',
  '030011': "User doesn't support call-in teleconferencing.",
  '030012': "User doesn't support call back teleconferencing.",
  '030013': 'Failed to authorize the TSP account.',
  '030014': 'Only one default TSP account is allowed.',
  '030015': 'No more My WebEx Pro licenses are available.',
  '030016': 'My WebEx storage size exceeded the limit.',
  '030017': 'My WebEx computer number exceeded the limit.',
  '030018': 'Invalid TSP account index.',
  '030019': 'Schedule permission user not found.',
  '030021': 'Manager not found.',
  '030022': 'TSP account cannot be added when TSP provisioning or call-in teleconferencing is disabled.',
  '030023': "User doesn't support international local call-in teleconferencing.",
  '030036': "User doesn't support toll-free call-in teleconferencing.",
  '030050': "User doesn't support Internet Phone.",
  '030051': 'Cisco Unified MeetingPlace profile number is in use.',
  '030055': 'resetPassword must be true while SiteAdmin does not specify user password.',
  '030056': 'Site Admin cannot set password for user.',
  '030058': 'Password contains invalid characters.',
  '030060': 'Not a valid language.',
  '030062': 'Email address contains invalid characters.',
  '030077': 'Personal Conference meetings require the Meeting Center Pro meeting type.',
  '110055': 'User limit exceeded for the session type.',
  E030103: 'Assignment of this role is not supported.',
}

/**
 * A {@link RuleViolation} with the documented reason of its exception ID.
 *
 * @category constructors
 * @example
 * ```ts
 * import { ruleViolation } from 'webex-user-rules'
 * ruleViolation('R29', '110055', 'meetingTypes', '214')
 * //=> { _tag: 'RuleViolation', exceptionID: '110055', reason: 'User limit exceeded for the session type.', rule: 'R29', path: 'meetingTypes', value: '214' }
 * ```
 */
export const ruleViolation = (
  rule: string,
  exceptionID: RuleViolationId,
  path: string,
  value?: string,
): RuleViolation => ({
  _tag: 'RuleViolation',
  exceptionID,
  reason: RULE_VIOLATION_REASONS[exceptionID],
  rule,
  path,
  ...(value === undefined ? {} : { value }),
})
