/**
 * R23 — schedulingPermission names users of the site.
 *
 * Sources (docs/spec.md §7): `schedulingPermission` is one string of semicolon-separated webExIds
 * (the users who may schedule for this one); 030019 "Schedule permission user not found."
 *
 * D-F5: checked when the site lists its users (`site.siteWebExIds`); names compare
 * case-insensitively (webExIds are case-insensitive everywhere, D-R20); blanks around a name and
 * empty entries (`a;;b;`) are ignored. The path names the first unknown entry.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { ruleViolation, type RuleViolation } from '../errors/ruleViolation.js'

/**
 * The webExIds a schedulingPermission string names, in order.
 *
 * @category rules
 * @example
 * ```ts
 * import { schedulingPermissionNames } from 'webex-user-rules'
 * schedulingPermissionNames(' ana; bo;;') //=> ['ana', 'bo']
 * ```
 */
export const schedulingPermissionNames = (value: string): readonly string[] =>
  value
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '')

/** 030019 when an entry is not a user of the site. */
export const checkSchedulingPermission = (
  value: string | undefined,
  isSiteUser: ((webExId: string) => boolean) | undefined,
): E.Either<RuleViolation, void> => {
  if (value === undefined || isSiteUser === undefined) return E.right(undefined)
  const names = schedulingPermissionNames(value)
  const unknown = names.findIndex((name) => !isSiteUser(name))
  return unknown === -1
    ? E.right(undefined)
    : E.left(ruleViolation('R23', '030019', `schedulingPermission[${String(unknown)}]`))
}
