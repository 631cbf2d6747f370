/**
 * The caller role of a stored user (docs/spec.md §1 `SetUserRequest.caller.role`), for servers that
 * resolve the caller from the securityContext: an attendee-only account is `attendee` whatever
 * its role flags say (it cannot host, R6); otherwise the user's role by R3 precedence.
 *
 * @module
 */
import { privilegeValue } from '../model/defaults.js'
import type { CallerRole } from '../model/request.js'
import type { User } from '../model/user.js'
import { userRole } from './rolePrecedence.js'

/**
 * The role a stored user calls SetUser with: `attendee` when `privilege.attendeeOnly`, else
 * `userRole(user)` (siteAdmin, roSiteAdmin, host).
 *
 * @category rules
 * @example
 * ```ts
 * import { callerRole } from 'webex-user-rules'
 * callerRole({ webExId: 'a', privilege: { siteAdmin: true } }) //=> 'siteAdmin'
 * callerRole({ webExId: 'g', privilege: { attendeeOnly: true } }) //=> 'attendee'
 * ```
 */
export const callerRole = (user: User): CallerRole =>
  privilegeValue(user.privilege, 'attendeeOnly') ? 'attendee' : userRole(user)
