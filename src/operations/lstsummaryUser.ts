/**
 * LstsummaryUser: who may list (D-OP-1), which users match the filters (D-OP-4, D-OP-5), in
 * which order (D-OP-6), which page (D-OP-7), and what each user's summary shows (D-OP-8).
 * Nothing matching, or a page past the last match, is 000015 (D-OP-9).
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import type * as t from 'io-ts'
import { decodeCall, decodeStoredUser } from '../decode.js'
import { invalidInput } from '../errors/decodeFailure.js'
import { noRecordFound, type OperationError } from '../errors/OperationError.js'
import { guard } from '../errors/guard.js'
import { invalidRequest, noPrivilege } from '../errors/SetUserError.js'
import { struct, type Issue, type StructType } from '../model/codec.js'
import { activeState, privilegeValue } from '../model/defaults.js'
import {
  type LstsummaryUserBody,
  LstsummaryUserBody as LstsummaryUserBodyCodec,
  type LstsummaryUserResult,
  type OrderByKey,
  type UserSummary,
} from '../model/lstsummary.js'
import { Caller } from '../model/request.js'
import type { SiteContext } from '../model/site.js'
import type { User } from '../model/user.js'
import { mayListUsers } from '../rules/readAccess.js'
import { userRole } from '../rules/rolePrecedence.js'
import { usersOf } from './directory.js'
import { userKey } from './lookup.js'

const LstsummaryUserRequestC = struct('LstsummaryUserRequest', { caller: Caller, body: LstsummaryUserBodyCodec }, [
  'caller',
  'body',
])
/** A LstsummaryUser request: the caller and the bodyContent. @category model */
export interface LstsummaryUserRequest extends t.TypeOf<typeof LstsummaryUserRequestC> {}
export const LstsummaryUserRequest: StructType<LstsummaryUserRequest> = LstsummaryUserRequestC

/**
 * `maximumNum` when the request gives none (or 0): the documented default of list requests.
 *
 * @category operations
 * @example
 * ```ts
 * import { LIST_DEFAULT_MAXIMUM } from 'webex-user-rules'
 * LIST_DEFAULT_MAXIMUM //=> 50
 * ```
 */
export const LIST_DEFAULT_MAXIMUM = 50
/**
 * The largest page: a bigger `maximumNum` is clamped to it, not refused (D-OP-7).
 *
 * @category operations
 * @example
 * ```ts
 * import { LIST_MAXIMUM } from 'webex-user-rules'
 * LIST_MAXIMUM //=> 500
 * ```
 */
export const LIST_MAXIMUM = 500

/** The `timeZoneID` that means "the site's time zone" (the schema default). */
const SITE_TIME_ZONE = -1

// -------------------------------------------------------------------------------------
// registration dates
// -------------------------------------------------------------------------------------

const REG_DATE = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/

/**
 * A `MM/DD/YYYY HH:MM:SS` date as a number that sorts like the date (YYYYMMDDhhmmss), or
 * `undefined` when it is not a valid date of that form.
 *
 * @category operations
 * @example
 * ```ts
 * import { registrationDateKey } from 'webex-user-rules'
 * registrationDateKey('06/23/2004 01:00:00') //=> 20040623010000
 * registrationDateKey('02/30/2016 15:21:23') //=> undefined
 * registrationDateKey('2016-02-08') //=> undefined
 * ```
 */
export const registrationDateKey = (text: string): number | undefined => {
  const m = REG_DATE.exec(text)
  if (m === null) return undefined
  const [month, day, year, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  // a calendar date, by the Gregorian rules (the core reads no clock, so no Date)
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  if (days === undefined || day < 1 || day > days || hour > 23 || minute > 59 || second > 59) return undefined
  return ((((year * 100 + month) * 100 + day) * 100 + hour) * 100 + minute) * 100 + second
}

// -------------------------------------------------------------------------------------
// filters
// -------------------------------------------------------------------------------------

type Filter = (user: User) => boolean

/** An exact, case-insensitive text filter; an empty filter element is no filter (D-OP-4). */
const textFilter = (value: string | undefined, read: (user: User) => string | undefined): Filter | undefined => {
  if (value === undefined || value === '') return undefined
  const key = userKey(value)
  return (user) => {
    const stored = read(user)
    return stored !== undefined && userKey(stored) === key
  }
}

/** The filters the body gives, or the failures of its malformed dates. */
const filtersOf = (body: LstsummaryUserBody, site: SiteContext): E.Either<Issue[], Filter[]> => {
  const issues: Issue[] = []
  const filters: (Filter | undefined)[] = [
    textFilter(body.firstName, (u) => u.firstName),
    textFilter(body.lastName, (u) => u.lastName),
    textFilter(body.email, (u) => u.email),
    textFilter(body.webExId, (u) => u.webExId),
    body.active === undefined ? undefined : (u) => activeState(u) === body.active,
  ]
  const scope = body.dataScope
  if (scope !== undefined) {
    const zone = scope.timeZoneID
    // D-OP-5: dates are read in the site's zone; another zone would need the Webex zone table
    if (zone !== undefined && zone !== SITE_TIME_ZONE && zone !== site.timeZoneID)
      issues.push({
        code: 'outOfRange',
        path: ['dataScope', 'timeZoneID'],
        expected: `-1 (the site's time zone)${site.timeZoneID === undefined ? '' : ` or ${String(site.timeZoneID)}`}`,
        actual: zone,
      })
    const bound = (key: 'regDateStart' | 'regDateEnd'): number | undefined => {
      const text = scope[key]
      if (text === undefined || text === '') return undefined
      const parsed = registrationDateKey(text)
      if (parsed === undefined)
        issues.push({ code: 'format', path: ['dataScope', key], expected: 'a date MM/DD/YYYY HH:MM:SS', actual: text })
      return parsed
    }
    const start = bound('regDateStart')
    const end = bound('regDateEnd')
    if (start !== undefined || end !== undefined)
      filters.push((u) => {
        const date = u.registrationDate === undefined ? undefined : registrationDateKey(u.registrationDate)
        // a user without a (readable) registration date is in no date range
        return date !== undefined && (start === undefined || date >= start) && (end === undefined || date <= end)
      })
  }
  const acd = body.webACD
  if (acd !== undefined) {
    if (acd.manager !== undefined && acd.manager !== '')
      issues.push({
        code: 'outOfRange',
        path: ['webACD', 'manager'],
        expected: 'no manager filter (the model keeps no WebACD manager assignments)',
        actual: acd.manager,
      })
    if (acd.isAgent !== undefined) filters.push((u) => (u.webACDPrefs?.isAgent ?? false) === acd.isAgent)
    if (acd.isMgr !== undefined) filters.push((u) => (u.webACDPrefs?.isMgr ?? false) === acd.isMgr)
  }
  return issues.length > 0 ? E.left(issues) : E.right(filters.filter((f): f is Filter => f !== undefined))
}

/** AND (default): every filter; OR: any filter. No filter: every user, whatever its state. */
const matcher = (filters: readonly Filter[], method: 'AND' | 'OR'): Filter =>
  filters.length === 0
    ? () => true
    : method === 'OR'
      ? (u) => filters.some((f) => f(u))
      : (u) => filters.every((f) => f(u))

// -------------------------------------------------------------------------------------
// order
// -------------------------------------------------------------------------------------

type SortValue = string | number | undefined

const tracking = (n: 1 | 2 | 3 | 4) => (u: User) => u.tracking?.[`trackingCode${String(n)}` as 'trackingCode1']

/** What each orderBy key sorts on (D-OP-6). */
const SORT_VALUE: Readonly<Record<OrderByKey, (user: User) => SortValue>> = {
  UID: (u) => u.userId,
  WEBEXID: (u) => u.webExId,
  FIRSTNAME: (u) => u.firstName,
  LASTNAME: (u) => u.lastName,
  EMAIL: (u) => u.email,
  ACTIVE: (u) => activeState(u),
  REGDATE: (u) => (u.registrationDate === undefined ? undefined : registrationDateKey(u.registrationDate)),
  REGEXPDATE: (u) => (u.expirationDate === undefined ? undefined : registrationDateKey(u.expirationDate)),
  PRIVILEGE: (u) => (privilegeValue(u.privilege, 'attendeeOnly') ? 'attendee' : userRole(u)),
  PERSONALURL: (u) => u.personalUrl,
  ADDRESS1: (u) => u.address?.address1,
  ADDRESS2: (u) => u.address?.address2,
  CITY: (u) => u.address?.city,
  STATE: (u) => u.address?.state,
  ZIPCODE: (u) => u.address?.zipCode,
  COUNTRY: (u) => u.address?.country,
  PHONE1: (u) => u.phones?.phone,
  PHONE2: (u) => u.phones?.phone2,
  MOBILE1: (u) => u.phones?.mobilePhone,
  MOBILE2: (u) => u.phones?.mobilePhone2,
  FAX: (u) => u.phones?.fax,
  PAGER: (u) => u.phones?.pager,
  EMAIL2: (u) => u.email2,
  DIVISION: tracking(1),
  DEPARTMENT: tracking(2),
  PROJECT: tracking(3),
  OTHER: tracking(4),
  TIMEZONE: (u) => u.timeZoneID,
  OFFICENAME: (u) => u.company,
  OFFICETITLE: (u) => u.title,
  OFFICEURL: (u) => u.officeurl,
  CATEGORYID: (u) => u.categoryId,
  VISITCOUNT: (u) => u.visitCount,
}

/** The stored elements the order keys read (decoded before sorting, so none is trusted). */
const SORT_ELEMENTS: Readonly<Record<OrderByKey, keyof User>> = {
  UID: 'userId',
  WEBEXID: 'webExId',
  FIRSTNAME: 'firstName',
  LASTNAME: 'lastName',
  EMAIL: 'email',
  ACTIVE: 'active',
  REGDATE: 'registrationDate',
  REGEXPDATE: 'expirationDate',
  PRIVILEGE: 'privilege',
  PERSONALURL: 'personalUrl',
  ADDRESS1: 'address',
  ADDRESS2: 'address',
  CITY: 'address',
  STATE: 'address',
  ZIPCODE: 'address',
  COUNTRY: 'address',
  PHONE1: 'phones',
  PHONE2: 'phones',
  MOBILE1: 'phones',
  MOBILE2: 'phones',
  FAX: 'phones',
  PAGER: 'phones',
  EMAIL2: 'email2',
  DIVISION: 'tracking',
  DEPARTMENT: 'tracking',
  PROJECT: 'tracking',
  OTHER: 'tracking',
  TIMEZONE: 'timeZoneID',
  OFFICENAME: 'company',
  OFFICETITLE: 'title',
  OFFICEURL: 'officeurl',
  CATEGORYID: 'categoryId',
  VISITCOUNT: 'visitCount',
}

/**
 * Compares two sort values ascending: text ignoring case (by code unit, not locale), numbers
 * numerically, an absent value after every present one (as Oracle sorts NULLs, D-OP-6).
 */
const compareValues = (a: SortValue, b: SortValue): number => {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const x = userKey(String(a))
  const y = userKey(String(b))
  return x < y ? -1 : x > y ? 1 : 0
}

/** One sort key: the i-th orderBy with the i-th orderAD (ASC when missing). */
interface SortKey {
  readonly by: OrderByKey
  readonly descending: boolean
}

const sortKeysOf = (body: LstsummaryUserBody): SortKey[] => {
  const by = body.order?.orderBy ?? []
  const ad = body.order?.orderAD ?? []
  // D-OP-6: no order = UID ASC; UID ASC is always the last tie-breaker
  const keys: SortKey[] = by.map((key, i) => ({ by: key, descending: ad[i] === 'DESC' }))
  keys.push({ by: 'UID', descending: false }, { by: 'WEBEXID', descending: false })
  return keys
}

/**
 * The users in the requested order; stable (users equal on every key keep their input order).
 * A DESC key reverses the comparison of present values only: absent values stay last.
 */
const sorted = (users: readonly User[], keys: readonly SortKey[]): User[] =>
  users
    .map((user, index) => ({ user, index, values: keys.map((k) => SORT_VALUE[k.by](user)) }))
    .sort((a, b) => {
      for (const [i, key] of keys.entries()) {
        const x = a.values[i]
        const y = b.values[i]
        if (x === undefined || y === undefined) {
          const c = compareValues(x, y)
          if (c !== 0) return c
          continue
        }
        const c = compareValues(x, y)
        if (c !== 0) return key.descending ? -c : c
      }
      return a.index - b.index
    })
    .map((entry) => entry.user)

// -------------------------------------------------------------------------------------
// the view and the operation
// -------------------------------------------------------------------------------------

/**
 * One user's `use:userSummaryInstanceType`: webExId (stored spelling), firstName, lastName and
 * email (empty when the user has none), registrationDate when stored, active (its schema
 * default ACTIVATED when absent), timeZoneID when stored (D-OP-8).
 *
 * @category operations
 * @example
 * ```ts
 * import { toUserSummary } from 'webex-user-rules'
 * toUserSummary({ webExId: 'jdoe', firstName: 'John', registrationDate: '07/01/2010 09:30:00', phones: { PIN: '4826' } })
 * //=> { webExId: 'jdoe', firstName: 'John', lastName: '', email: '', registrationDate: '07/01/2010 09:30:00', active: 'ACTIVATED' }
 * ```
 */
export const toUserSummary = (user: User): UserSummary => ({
  webExId: user.webExId,
  firstName: user.firstName ?? '',
  lastName: user.lastName ?? '',
  email: user.email ?? '',
  ...(user.registrationDate === undefined ? {} : { registrationDate: user.registrationDate }),
  active: activeState(user),
  ...(user.timeZoneID === undefined ? {} : { timeZoneID: user.timeZoneID }),
})

/**
 * The 1-based first record and the page size a `listControl` asks for: `startFrom` absent or 0
 * is 1; `maximumNum` absent or 0 is 50, above 500 is 500 (D-OP-7).
 *
 * @category operations
 * @example
 * ```ts
 * import { pageOf } from 'webex-user-rules'
 * pageOf(undefined) //=> { startFrom: 1, maximumNum: 50 }
 * pageOf({ startFrom: 501, maximumNum: 1000 }) //=> { startFrom: 501, maximumNum: 500 }
 * ```
 */
export const pageOf = (
  listControl: LstsummaryUserBody['listControl'],
): { readonly startFrom: number; readonly maximumNum: number } => {
  const startFrom = listControl?.startFrom ?? 0
  const maximumNum = listControl?.maximumNum ?? 0
  return {
    startFrom: startFrom === 0 ? 1 : startFrom,
    maximumNum: maximumNum === 0 ? LIST_DEFAULT_MAXIMUM : Math.min(maximumNum, LIST_MAXIMUM),
  }
}

/** Top-level stored elements the filters and the summary read. */
const READ_ELEMENTS: readonly (keyof User)[] = [
  'firstName',
  'lastName',
  'email',
  'active',
  'registrationDate',
  'timeZoneID',
  'userId',
  'webACDPrefs',
]

const run = (
  siteInput: unknown,
  usersInput: unknown,
  requestInput: unknown,
): E.Either<OperationError, LstsummaryUserResult> => {
  const decoded = decodeCall(LstsummaryUserRequest, requestInput, siteInput)
  if (E.isLeft(decoded)) return decoded
  const { caller, body } = decoded.right.request
  if (!mayListUsers(caller)) return E.left(noPrivilege([]))
  const filters = filtersOf(body, decoded.right.site)
  if (E.isLeft(filters)) return E.left(invalidInput('body', filters.left))
  const users = usersOf(usersInput)
  if (E.isLeft(users)) return users

  const keys = sortKeysOf(body)
  const read = new Set<string>([...READ_ELEMENTS, ...keys.map((k) => SORT_ELEMENTS[k.by])])
  const matches = matcher(filters.right, body.listControl?.listMethod ?? 'AND')
  const found: User[] = []
  let index = 0
  for (const candidate of users.right) {
    // each stored user is checked for the elements read, whatever it was before
    const user = decodeStoredUser(candidate, read)
    if (E.isLeft(user))
      return E.left(
        invalidRequest(
          user.left.failures.map((f) => ({ ...f, path: `[${String(index)}]${f.path === '' ? '' : `.${f.path}`}` })),
        ),
      )
    if (matches(user.right)) found.push(user.right)
    index++
  }
  const { startFrom, maximumNum } = pageOf(body.listControl)
  if (startFrom > found.length) return E.left(noRecordFound())
  const page = sorted(found, keys).slice(startFrom - 1, startFrom - 1 + maximumNum)
  return E.right({
    user: page.map(toUserSummary),
    matchingRecords: { total: found.length, returned: page.length, startFrom },
  })
}

/**
 * Answers a LstsummaryUser request from the users of the site (any iterable, e.g. the rows a
 * service read): the caller must be a site admin or a read-only site admin; the users matching
 * the filters (exact, case-insensitive; AND or OR), ordered by up to three keys then UID, one
 * page of their summaries and `matchingRecords {total, returned, startFrom}`. No match, or a
 * page past the last match, is 000015.
 *
 * @category operations
 * @example
 * ```ts
 * import { applyLstsummaryUser } from 'webex-user-rules'
 * const site = { activeHostCount: 2, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false }
 * const users = [{ webExId: 'jdoe', userId: 2, email: 'jdoe@example.com' }, { webExId: 'Ana', userId: 1, email: 'ana@example.com', active: 'DEACTIVATED' as const }]
 * const r = applyLstsummaryUser(site, users, { caller: { webExId: 'viewer', role: 'roSiteAdmin' }, body: { listControl: { maximumNum: 1 } } })
 * r //=> { _tag: 'Right', right: { user: [{ webExId: 'Ana', firstName: '', lastName: '', email: 'ana@example.com', active: 'DEACTIVATED' }], matchingRecords: { total: 2, returned: 1, startFrom: 1 } } }
 * applyLstsummaryUser(site, users, { caller: { webExId: 'viewer', role: 'roSiteAdmin' }, body: { email: 'JDOE@example.com' } })._tag //=> 'Right'
 * applyLstsummaryUser(site, users, { caller: { webExId: 'viewer', role: 'roSiteAdmin' }, body: { email: 'nobody@example.com' } })
 * //=> { _tag: 'Left', left: { _tag: 'NoRecordFound', exceptionID: '000015', reason: 'Sorry, no record found' } }
 * ```
 */
export const applyLstsummaryUser = (
  site: SiteContext,
  users: Iterable<User>,
  request: LstsummaryUserRequest,
): E.Either<OperationError, LstsummaryUserResult> => {
  return guard({ site, user: users, request }, () => run(site, users, request))
}
