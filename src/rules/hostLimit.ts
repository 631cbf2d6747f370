/**
 * R6 — Host limit.
 *
 * Seed: "The SetUser command returns an exceededSiteHostLimit error if an attempt to change a
 * user's active=ACTIVATED parameter means that the WebEx site's host limit would be exceeded ...
 * When SetUser counts active host accounts, attendee account and designated chat user are excluded
 * from the count, but site admin and admin view only are included."
 *
 * Decision D-R6: any change that makes the user newly counted is checked (activation, leaving
 * attendeeOnly, no longer a chat user), so the limit cannot be bypassed; a request that adds no
 * counted host never fails, even on a site already over its limit.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { exceededSiteHostLimit, type ExceededSiteHostLimit } from '../errors/SetUserError.js'
import { activeState, privilegeValue } from '../model/defaults.js'
import type { SiteContext } from '../model/site.js'
import type { User } from '../model/user.js'

/**
 * Whether a user counts against the host limit: ACTIVATED, and neither an attendee account nor a
 * designated chat user. Every role (siteAdmin, roSiteAdmin, host) counts.
 *
 * @category rules
 * @example
 * ```ts
 * import { countsAsHost } from 'webex-user-rules'
 * countsAsHost({ webExId: 'a', privilege: { siteAdmin: true } }) //=> true
 * countsAsHost({ webExId: 'b', privilege: { attendeeOnly: true } }) //=> false
 * countsAsHost({ webExId: 'c', active: 'DEACTIVATED' }) //=> false
 * ```
 */
export const countsAsHost = (user: User): boolean =>
  activeState(user) === 'ACTIVATED' &&
  !privilegeValue(user.privilege, 'attendeeOnly') &&
  user.designatedChatUser !== true

/**
 * The number of users that count against the host limit, by the same predicate SetUser uses.
 *
 * @category rules
 * @example
 * ```ts
 * import { countActiveHosts } from 'webex-user-rules'
 * countActiveHosts([
 *   { webExId: 'admin', privilege: { siteAdmin: true } },
 *   { webExId: 'viewer', privilege: { roSiteAdmin: true } },
 *   { webExId: 'guest', privilege: { attendeeOnly: true } },
 *   { webExId: 'bot', designatedChatUser: true },
 * ])
 * //=> 2
 * ```
 */
export const countActiveHosts = (users: Iterable<User>): number => {
  let n = 0
  for (const user of users) if (countsAsHost(user)) n++
  return n
}

/** The site's host count after the change. */
export const hostCountAfter = (site: Pick<SiteContext, 'activeHostCount'>, current: User, result: User): number =>
  site.activeHostCount - (countsAsHost(current) ? 1 : 0) + (countsAsHost(result) ? 1 : 0)

/** Fails when the result is newly counted and the count after would exceed a set limit. */
export const checkHostLimit = (
  site: Pick<SiteContext, 'activeHostCount' | 'hostLimit'>,
  current: User,
  result: User,
): E.Either<ExceededSiteHostLimit, void> => {
  if (site.hostLimit === undefined || countsAsHost(current) || !countsAsHost(result)) return E.right(undefined)
  const after = hostCountAfter(site, current, result)
  return after > site.hostLimit ? E.left(exceededSiteHostLimit(site.hostLimit, after)) : E.right(undefined)
}
