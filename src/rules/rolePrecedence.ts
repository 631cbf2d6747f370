/**
 * R3 — Role precedence.
 *
 * Seed: "one of the three elements (siteAdmin, roSiteAdmin and host) must be specified as TRUE. If
 * more than one is set to TRUE, the role of the user is automatically determined in the sequence
 * of siteAdmin, roSiteAdmin and host ... If none of the three elements is set to TRUE, then the
 * default role of the user is host."
 *
 * The request's flags are merged over the stored ones (R1); when the request sends any of the
 * three, the stored user is normalised so that exactly the role's flag is TRUE (D-R3).
 *
 * @module
 */
import { produce } from '../internal/immer.js'
import type { Notice } from '../model/result.js'
import type { Privilege, SetUserBody, User } from '../model/user.js'

/** The roles a stored user can have. @category model */
export type UserRole = 'siteAdmin' | 'roSiteAdmin' | 'host'

/**
 * The role flags in precedence order (R3).
 *
 * @category rules
 * @example
 * ```ts
 * import { ROLE_PRECEDENCE } from 'webex-user-rules'
 * ROLE_PRECEDENCE //=> ['siteAdmin', 'roSiteAdmin', 'host']
 * ```
 */
export const ROLE_PRECEDENCE: readonly UserRole[] = ['siteAdmin', 'roSiteAdmin', 'host']

/**
 * The role of a user: the first TRUE of siteAdmin, roSiteAdmin, host; none TRUE ⇒ host.
 *
 * @category rules
 * @example
 * ```ts
 * import { userRole } from 'webex-user-rules'
 * userRole({ webExId: 'jdoe', privilege: { siteAdmin: true, host: true } }) //=> 'siteAdmin'
 * userRole({ webExId: 'jdoe' }) //=> 'host'
 * ```
 */
export const userRole = (user: User): UserRole =>
  ROLE_PRECEDENCE.find((role) => user.privilege?.[role] === true) ?? 'host'

const sendsRoleFlag = (privilege: Privilege | undefined): boolean =>
  privilege !== undefined && ROLE_PRECEDENCE.some((role) => privilege[role] !== undefined)

/**
 * Normalises the merged user's role flags when the request sent any of them: the role's flag
 * becomes TRUE and any other TRUE flag FALSE. A sent value that normalisation overrides is
 * reported as ignored.
 */
export const normaliseRole = (
  body: SetUserBody,
  merged: User,
): { readonly user: User; readonly notices: readonly Notice[] } => {
  if (!sendsRoleFlag(body.privilege)) return { user: merged, notices: [] }
  const role = userRole(merged)
  const notices: Notice[] = []
  for (const flag of ROLE_PRECEDENCE) {
    // Stryker disable next-line OptionalChaining: equivalent, sendsRoleFlag above returned early unless body.privilege is defined
    const sent = body.privilege?.[flag]
    if (sent !== undefined && sent !== (flag === role)) {
      notices.push({
        kind: 'ignored',
        path: `privilege.${flag}`,
        message: `the role is ${role} (precedence siteAdmin, roSiteAdmin, host; none TRUE means host)`,
      })
    }
  }
  const flags = merged.privilege
  // a shortcut only: produce (immer, no autoFreeze) returns `merged` itself when the draft is not changed, and
  // merged.privilege is defined (the request sent a role flag), so skipping it changes nothing
  // Stryker disable next-line ConditionalExpression,ArrowFunction,EqualityOperator,OptionalChaining,BlockStatement: equivalent, see above
  if (ROLE_PRECEDENCE.every((flag) => (flag === role ? flags?.[flag] === true : flags?.[flag] !== true))) {
    return { user: merged, notices }
  }
  const user = produce(merged, (draft) => {
    const privilege = (draft.privilege ??= {})
    for (const flag of ROLE_PRECEDENCE) {
      if (flag === role) {
        // Stryker disable next-line ConditionalExpression: equivalent, immer records no change when a draft property is set to its own value
        if (privilege[flag] !== true) privilege[flag] = true
      } else if (privilege[flag] === true) {
        privilege[flag] = false
      }
    }
  })
  return { user, notices }
}
