/**
 * R33 — identity on Control Hub / Common Identity sites; R34 — roles there.
 *
 * Sources (docs/spec.md §7): on Control Hub managed sites SetUser "cannot update user's Webex ID,
 * password, email, name, or telephone number" (the reference overview; whether a field is
 * read-only depends on a site setting); on Common Identity sites "Assignment of this role is not
 * supported" (E030103, XML API 9.0 SP2).
 *
 * D-F14, on a site whose identity is managed in Control Hub (`site.commonIdentity` TRUE):
 * - R33: SetUser may not change `newWebExId`, `password`, `email`, `firstName`, `lastName` or a
 *   telephone number (`phones` other than the PIN). Sending the stored value is not a change, so
 *   a client that writes back what GetUser returned still works; a password is always a change.
 *   The answer is NoPrivilege (000001) naming the paths, the documented "access denied".
 *   CreateUser is not restricted (Control Hub creates the identity, docs/spec.md §7).
 * - R34: assigning an administrator role (`privilege.siteAdmin` or `privilege.roSiteAdmin` TRUE
 *   for a user who does not hold it) is E030103, on SetUser and CreateUser alike.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { noPrivilege, type NoPrivilege } from '../errors/SetUserError.js'
import { ruleViolation, type RuleViolation } from '../errors/ruleViolation.js'
import { privilegeValue } from '../model/defaults.js'
import type { SiteContext } from '../model/site.js'
import type { SetUserBody, User } from '../model/user.js'

const PHONE_NUMBERS = ['phone', 'mobilePhone', 'fax', 'pager'] as const

/**
 * The identity paths a Control Hub site does not let SetUser change, in the order checked.
 *
 * @category rules
 * @example
 * ```ts
 * import { CONTROL_HUB_IDENTITY_PATHS } from 'webex-user-rules'
 * CONTROL_HUB_IDENTITY_PATHS.includes('email') //=> true
 * ```
 */
export const CONTROL_HUB_IDENTITY_PATHS: readonly string[] = [
  'newWebExId',
  'password',
  'email',
  'firstName',
  'lastName',
  ...PHONE_NUMBERS.map((key) => `phones.${key}`),
]

/** R33: the identity paths this request changes on a Control Hub identity site. */
export const checkControlHubIdentity = (
  stored: User,
  body: SetUserBody,
  site: Pick<SiteContext, 'commonIdentity'>,
): E.Either<NoPrivilege, void> => {
  if (site.commonIdentity !== true) return E.right(undefined)
  const changed: string[] = []
  if (body.newWebExId !== undefined && body.newWebExId.toLowerCase() !== stored.webExId.toLowerCase())
    changed.push('newWebExId')
  if (body.password !== undefined && body.password !== '') changed.push('password')
  for (const key of ['email', 'firstName', 'lastName'] as const) {
    if (body[key] !== undefined && body[key] !== stored[key]) changed.push(key)
  }
  for (const key of PHONE_NUMBERS) {
    const value = body.phones?.[key]
    if (value !== undefined && value !== stored.phones?.[key]) changed.push(`phones.${key}`)
  }
  return changed.length === 0 ? E.right(undefined) : E.left(noPrivilege(changed))
}

/** R34: E030103 when the request assigns an administrator role on a Common Identity site. */
export const checkRoleAssignment = (
  base: Pick<User, 'privilege'>,
  body: Pick<SetUserBody, 'privilege'>,
  site: Pick<SiteContext, 'commonIdentity'>,
): E.Either<RuleViolation, void> => {
  if (site.commonIdentity !== true) return E.right(undefined)
  for (const key of ['siteAdmin', 'roSiteAdmin'] as const) {
    if (body.privilege?.[key] === true && !privilegeValue(base.privilege, key))
      return E.left(ruleViolation('R34', 'E030103', `privilege.${key}`))
  }
  return E.right(undefined)
}
