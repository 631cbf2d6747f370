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
import * as E from '#fp-ts/Either.js'
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

const counted = (user: User | undefined): boolean => user !== undefined && countsAsHost(user)

/**
 * The site's host count after a user goes from `before` to `after` (`undefined`: the user does
 * not exist on that side — created, or deleted from the store). Embedders keep
 * `site.activeHostCount` current with it.
 *
 * @category rules
 * @example
 * ```ts
 * import { hostCountAfter } from 'webex-user-rules'
 * hostCountAfter({ activeHostCount: 7 }, { webExId: 'a', active: 'DEACTIVATED' }, { webExId: 'a', active: 'ACTIVATED' }) //=> 8
 * hostCountAfter({ activeHostCount: 7 }, undefined, { webExId: 'new' }) //=> 8
 * hostCountAfter({ activeHostCount: 7 }, { webExId: 'a' }, { webExId: 'a', privilege: { attendeeOnly: true } }) //=> 6
 * ```
 */
export const hostCountAfter = (
  site: Pick<SiteContext, 'activeHostCount'>,
  before: User | undefined,
  after: User | undefined,
): number => site.activeHostCount - (counted(before) ? 1 : 0) + (counted(after) ? 1 : 0)

/** Fails when the result is newly counted and the count after would exceed a set limit. */
export const checkHostLimit = (
  site: Pick<SiteContext, 'activeHostCount' | 'hostLimit'>,
  current: User | undefined,
  result: User,
): E.Either<ExceededSiteHostLimit, void> => {
  if (site.hostLimit === undefined || counted(current) || !countsAsHost(result)) return E.right(undefined)
  const after = hostCountAfter(site, current, result)
  return after > site.hostLimit ? E.left(exceededSiteHostLimit(site.hostLimit, after)) : E.right(undefined)
}
