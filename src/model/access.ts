/**
 * R11 — who may write what: the one table that classifies every element path of the model.
 *
 * - `self-service`: what a person edits on their own My Profile page; any caller may send it for
 *   their own record.
 * - `admin-only`: only a site admin may send it (presence, not change, is checked: D-R11).
 * - `output-only`: the server assigns it; a request that sends it is an `InvalidRequest`.
 *
 * Entries are path prefixes; a path takes the class of its longest matching entry. A test fails
 * if any leaf or list path of `User`, `SetUserBody` or `GetUserView` has no entry, or if an entry
 * matches no path.
 *
 * @module
 */
import { schemaPaths } from './paths.js'
import { GetUserView, SetUserBody, User } from './user.js'

/** The three access classes of R11. @category model */
export type Access = 'self-service' | 'admin-only' | 'output-only'

/**
 * The classification table (R11).
 *
 * @category rules
 * @example
 * ```ts
 * import { PATH_ACCESS } from 'webex-user-rules'
 * PATH_ACCESS.find(([prefix]) => prefix === 'personalTeleconf.joinBeforeHost') //=> ['personalTeleconf.joinBeforeHost', 'admin-only']
 * ```
 */
export const PATH_ACCESS: readonly (readonly [prefix: string, access: Access])[] = [
  // the key and the request flags
  ['webExId', 'self-service'],
  ['newWebExId', 'self-service'], // R14 decides who may rename
  ['syncWebOffice', 'self-service'],
  ['validateFormat', 'self-service'],
  // My Profile
  ['firstName', 'self-service'],
  ['lastName', 'self-service'],
  ['title', 'self-service'],
  ['company', 'self-service'],
  ['address', 'self-service'],
  ['phones', 'self-service'],
  ['email', 'self-service'],
  ['email2', 'self-service'],
  ['password', 'self-service'],
  ['passwordHint', 'self-service'],
  ['passwordHintAnswer', 'self-service'],
  ['options', 'self-service'],
  ['commOptions', 'self-service'],
  ['timeZone', 'self-service'],
  ['timeZoneID', 'self-service'],
  ['language', 'self-service'],
  ['languageID', 'self-service'],
  ['locale', 'self-service'],
  ['personalMeetingRoom', 'self-service'],
  ['personalTeleconf.account', 'self-service'],
  ['videoSystems', 'self-service'],
  ['sessionOptions', 'self-service'],
  ['schedulingPermission', 'self-service'],
  // site administration
  ['categoryId', 'admin-only'],
  ['description', 'admin-only'],
  ['officeGreeting', 'admin-only'],
  ['officeurl', 'admin-only'],
  ['personalUrl', 'admin-only'],
  ['expirationDate', 'admin-only'],
  ['meetingTypes', 'admin-only'],
  ['tracking', 'admin-only'],
  ['service', 'admin-only'],
  ['privilege', 'admin-only'],
  ['active', 'admin-only'],
  ['tspAccount', 'admin-only'],
  ['supportedServices', 'admin-only'],
  ['myWebEx', 'admin-only'],
  ['personalTeleconf.joinBeforeHost', 'admin-only'], // R9
  ['thirdPartyTeleconf', 'admin-only'],
  ['supportCenter', 'admin-only'],
  ['schedulingTemplates', 'admin-only'],
  ['mpProfileNumber', 'admin-only'],
  ['security', 'admin-only'],
  ['webACDPrefs', 'admin-only'],
  ['remoteSupport', 'admin-only'],
  ['remoteAccess', 'admin-only'],
  ['salesCenter', 'admin-only'],
  ['eventCenter', 'admin-only'],
  // assigned by the server
  ['timeZoneWithDST', 'output-only'],
  ['personalMeetingRoom.personalMeetingRoomURL', 'output-only'],
  ['personalMeetingRoom.sipURL', 'output-only'],
  ['personalMeetingRoom.accessCode', 'output-only'],
  ['registrationDate', 'output-only'],
  ['visitCount', 'output-only'],
  ['userId', 'output-only'],
  ['peExpired', 'output-only'],
  ['peActive', 'output-only'],
  ['passwordExpires', 'output-only'],
  ['passwordDaysLeft', 'output-only'],
  ['scheduleFor', 'output-only'],
  // D-GV-2: GetUser's product{prodID,name}; a request sends products as bare prodIDs
  ['salesCenter.smeInfo.products[]', 'output-only'],
  ['designatedChatUser', 'output-only'], // engine-only: set by the embedder, never by SetUser
]

const matches = (prefix: string, path: string): boolean =>
  path === prefix || (path.startsWith(prefix) && (path[prefix.length] === '.' || path[prefix.length] === '['))

/**
 * The class of a schema path (`[]` for list items), by longest matching prefix; `undefined` if unclassified.
 *
 * @category rules
 * @example
 * ```ts
 * import { classifyPath } from 'webex-user-rules'
 * classifyPath('personalMeetingRoom.hostPIN') //=> 'self-service'
 * classifyPath('personalTeleconf.account[].defaultFlag') //=> 'self-service'
 * classifyPath('personalTeleconf.joinBeforeHost') //=> 'admin-only'
 * classifyPath('userId') //=> 'output-only'
 * ```
 */
export const classifyPath = (path: string): Access | undefined => {
  let best: readonly [string, Access] | undefined
  for (const entry of PATH_ACCESS) {
    if (matches(entry[0], path) && (best === undefined || entry[0].length > best[0].length)) best = entry
  }
  return best?.[1]
}

/**
 * Every leaf and list path of the model (stored user, request body, GetUser view), deduplicated.
 *
 * @category model
 * @example
 * ```ts
 * import { MODEL_PATHS } from 'webex-user-rules'
 * MODEL_PATHS.includes('videoSystems[].address') //=> true
 * MODEL_PATHS.includes('meetingTypes') //=> true
 * ```
 */
export const MODEL_PATHS: readonly string[] = [
  ...new Set([User, SetUserBody, GetUserView].flatMap((codec) => schemaPaths(codec).map((p) => p.path))),
]

/** The class of every model path, computed once. */
export const ACCESS_BY_PATH: ReadonlyMap<string, Access> = new Map(
  MODEL_PATHS.flatMap((path) => {
    const access = classifyPath(path)
    // Stryker disable next-line ArrayDeclaration: equivalent, every model path is classified (test/rules/authorization.test.ts), so no path takes this branch
    return access === undefined ? [] : [[path, access] as const]
  }),
)
