/**
 * Who may read whose record (D-OP-1, issue 13 item 1): a site admin and a read-only site admin
 * ("admin view only") read every user of the site; anyone else reads only their own record.
 * GetUser and LstsummaryUser in this library and in the service use this one rule.
 *
 * @module
 */
import type { Caller } from '../model/request.js'
import { userKey } from '../model/userKey.js'

/**
 * True when the caller may read the record of `webExId` (names compared ignoring case).
 *
 * @category rules
 * @example
 * ```ts
 * import { mayRead } from 'webex-user-rules'
 * mayRead({ webExId: 'viewer', role: 'roSiteAdmin' }, 'jdoe') //=> true
 * mayRead({ webExId: 'JDoe', role: 'host' }, 'jdoe') //=> true
 * mayRead({ webExId: 'jsmith', role: 'host' }, 'jdoe') //=> false
 * ```
 */
export const mayRead = (caller: Caller, webExId: string): boolean =>
  mayListUsers(caller) || userKey(caller.webExId) === userKey(webExId)

/**
 * True when the caller may list the users of the site (LstsummaryUser): site admins and
 * read-only site admins.
 *
 * @category rules
 * @example
 * ```ts
 * import { mayListUsers } from 'webex-user-rules'
 * mayListUsers({ webExId: 'viewer', role: 'roSiteAdmin' }) //=> true
 * mayListUsers({ webExId: 'jdoe', role: 'host' }) //=> false
 * ```
 */
export const mayListUsers = (caller: Caller): boolean => caller.role === 'siteAdmin' || caller.role === 'roSiteAdmin'
