/**
 * LstsummaryUser: the request body (every element optional, bound by local name in any order, as
 * real clients send it) and the per-user summary of the answer (docs/spec.md, "List and login
 * operations"; decisions D-OP-1 … D-OP-9).
 *
 * @module
 */
import type * as t from 'io-ts'
import { bool, count, list, long, oneOf, str, struct, type StructType } from './codec.js'

/**
 * The `orderBy` keys of the schema's `use:orderByType`, in schema order.
 *
 * @category operations
 * @example
 * ```ts
 * import { ORDER_BY_KEYS } from 'webex-user-rules'
 * ORDER_BY_KEYS.slice(0, 3) //=> ['UID', 'WEBEXID', 'FIRSTNAME']
 * ```
 */
export const ORDER_BY_KEYS = [
  'UID',
  'WEBEXID',
  'FIRSTNAME',
  'LASTNAME',
  'EMAIL',
  'ACTIVE',
  'REGDATE',
  'REGEXPDATE',
  'PRIVILEGE',
  'PERSONALURL',
  'ADDRESS1',
  'ADDRESS2',
  'CITY',
  'STATE',
  'ZIPCODE',
  'COUNTRY',
  'PHONE1',
  'PHONE2',
  'MOBILE1',
  'MOBILE2',
  'FAX',
  'PAGER',
  'EMAIL2',
  'DIVISION',
  'DEPARTMENT',
  'PROJECT',
  'OTHER',
  'TIMEZONE',
  'OFFICENAME',
  'OFFICETITLE',
  'OFFICEURL',
  'CATEGORYID',
  'VISITCOUNT',
] as const

/** One `orderBy` key. @category operations */
export type OrderByKey = (typeof ORDER_BY_KEYS)[number]

/** The schema allows up to three sort keys. */
const MAX_ORDER_KEYS = 3

const activeType = oneOf(['ACTIVATED', 'REQUEST_TO_ACTIVATE', 'DEACTIVATED'])

const LstsummaryUserBodyC = struct('LstsummaryUserBody', {
  firstName: str(64),
  lastName: str(64),
  email: str(128),
  active: activeType,
  webExId: str(64),
  listControl: struct('listControl', { startFrom: count, maximumNum: count, listMethod: oneOf(['AND', 'OR']) }),
  // `orderBy` and `orderAD` are repeated elements bound by name: the i-th of one pairs with the
  // i-th of the other whatever the interleaving (D-OP-6)
  order: struct('order', {
    orderBy: list(oneOf(ORDER_BY_KEYS as unknown as readonly [OrderByKey, ...OrderByKey[]]), {
      maxItems: MAX_ORDER_KEYS,
    }),
    orderAD: list(oneOf(['ASC', 'DESC']), { maxItems: MAX_ORDER_KEYS }),
  }),
  dataScope: struct('dataScope', { regDateStart: str(19), timeZoneID: long, regDateEnd: str(19) }),
  webACD: struct('webACD', { isAgent: bool, isMgr: bool, manager: str(64), returnPrefs: bool }),
})
/** The bodyContent of a LstsummaryUser request; every element is optional. @category model */
export interface LstsummaryUserBody extends t.TypeOf<typeof LstsummaryUserBodyC> {}
/**
 * Codec for the `LstsummaryUserBody` type.
 *
 * @category codecs
 * @example
 * ```ts
 * import { LstsummaryUserBody } from 'webex-user-rules'
 * LstsummaryUserBody.is({ listControl: { startFrom: 1, maximumNum: 1 }, email: 'ana.oneil@example.edu' }) //=> true
 * LstsummaryUserBody.is({ order: { orderBy: ['NAME'] } }) //=> false
 * ```
 */
export const LstsummaryUserBody: StructType<LstsummaryUserBody> = LstsummaryUserBodyC

// the body's parts, named for the programs that build a request piece by piece
/** `serv:lstControlType`: 1-based `startFrom`, `maximumNum`, AND/OR `listMethod`. @category model */
export interface ListControl extends NonNullable<LstsummaryUserBody['listControl']> {}
/** `use:orderType`: up to three `orderBy` keys and their `orderAD` directions. @category model */
export interface Order extends NonNullable<LstsummaryUserBody['order']> {}
/** `use:dataScopeType`: registration dates `MM/DD/YYYY HH:MM:SS`, both bounds inclusive. @category model */
export interface DataScope extends NonNullable<LstsummaryUserBody['dataScope']> {}
/** The Support Center WebACD filter. @category model */
export interface WebAcdFilter extends NonNullable<LstsummaryUserBody['webACD']> {}

const UserSummaryC = struct(
  'UserSummary',
  {
    webExId: str(64),
    firstName: str(64),
    lastName: str(64),
    email: str(128),
    registrationDate: str(19),
    active: activeType,
    timeZoneID: long,
  },
  ['webExId', 'firstName', 'lastName', 'email', 'active'],
)
/**
 * `use:userSummaryInstanceType`: one user of a LstsummaryUser answer, in schema order. The five
 * schema-required elements are always there (empty when the user has no value).
 *
 * @category model
 */
export interface UserSummary extends t.TypeOf<typeof UserSummaryC> {}
export const UserSummary: StructType<UserSummary> = UserSummaryC

const MatchingRecordsC = struct('matchingRecords', { total: count, returned: count, startFrom: count }, [
  'total',
  'returned',
  'startFrom',
])
/** `serv:matchingRecordsType`: all matches, this page's size, this page's 1-based start. @category model */
export interface MatchingRecords extends t.TypeOf<typeof MatchingRecordsC> {}
export const MatchingRecords: StructType<MatchingRecords> = MatchingRecordsC

const LstsummaryUserResultC = struct(
  'LstsummaryUserResult',
  { user: list(UserSummary), matchingRecords: MatchingRecords },
  ['user', 'matchingRecords'],
)
/** The answer to a LstsummaryUser: one page of summaries, then `matchingRecords`. @category model */
export interface LstsummaryUserResult extends t.TypeOf<typeof LstsummaryUserResultC> {}
export const LstsummaryUserResult: StructType<LstsummaryUserResult> = LstsummaryUserResultC
