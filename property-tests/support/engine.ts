/** Small helpers around `applySetUser` for the property files. */
import * as E from 'fp-ts/lib/Either.js'
import { expect } from 'vitest'
import {
  applySetUser,
  type SetUserError,
  type SetUserRequest,
  type SetUserResult,
  type SiteContext,
  type User,
} from 'webex-user-rules'
import { deepFreeze } from 'webex-user-rules/testing'

/** A site with no limit, every feature supported, telephony up. */
export const plainSite: SiteContext = deepFreeze({
  activeHostCount: 1,
  allowUserToChangeUserName: true,
  takenWebExIds: ['taken.one'],
  productIds: [120, 123, 124],
  controlHubManaged: false,
})

export const ADMIN = deepFreeze({ webExId: 'admin', role: 'siteAdmin' as const })

/** `applySetUser` on deep-frozen inputs. */
export const apply = (
  user: User,
  request: SetUserRequest,
  site: SiteContext = plainSite,
): E.Either<SetUserError, SetUserResult> => applySetUser(deepFreeze(user), deepFreeze(site), deepFreeze(request))

export const expectRight = (result: E.Either<SetUserError, SetUserResult>): SetUserResult => {
  if (E.isLeft(result)) expect.fail(`expected success, got ${JSON.stringify(result.left)}`)
  return result.right
}

export const expectLeft = (result: E.Either<SetUserError, SetUserResult>): SetUserError => {
  if (E.isRight(result)) expect.fail(`expected an error, got ${JSON.stringify(result.right)}`)
  return result.left
}

/** R6 as the spec states it: ACTIVATED, not attendee-only, not a designated chat user. */
export const countsBySpec = (user: User): boolean =>
  (user.active ?? 'ACTIVATED') === 'ACTIVATED' &&
  user.privilege?.attendeeOnly !== true &&
  user.designatedChatUser !== true

/** The site after a successful request changed the user (the count follows the user, R6). */
export const siteAfter = (site: SiteContext, before: User, after: User): SiteContext => ({
  ...site,
  activeHostCount: site.activeHostCount - (countsBySpec(before) ? 1 : 0) + (countsBySpec(after) ? 1 : 0),
})
