/**
 * R11 — Authorization.
 *
 * Seed: "Allows site administrators to update the information of an existing user"; a host may
 * change what their own My Profile page offers (the hostPIN example "allows a user or admin to set
 * the hostPIN"; newWebExId "the user can change their setting"); "Create/SetUser will only allow
 * the site admin to specify <personalTeleconf><joinBeforeHost> ... NoPrivilegeException(ID =
 * 000001 ...)".
 *
 * Checked before any value validation, so a lower role cannot probe the rules (docs/spec.md §4). A site
 * admin may write anything on anyone; every other role only their own record, and only
 * `self-service` paths of the R11 table. Presence, not change, is checked (D-R11): an admin-only
 * element fails even when its value equals the stored one, and an admin-only container fails even
 * when sent empty (D-F2).
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { noPrivilege, type NoPrivilege } from '../errors/SetUserError.js'
import { ACCESS_BY_PATH } from '../model/access.js'
import type { ModelCodec } from '../model/codec.js'
import { forEachPresentPath, schemaPaths } from '../model/paths.js'
import type { Caller } from '../model/request.js'
import { SetUserBody } from '../model/user.js'

/**
 * Every leaf and list path present in a request, in request order, plus (D-F2) every container sent
 * empty (`<tracking/>`) whose contents are all admin-only: presence decides for containers as for
 * elements, so `<privilege/>` is refused like `<meetingTypes/>`, while `<phones/>` or a mixed
 * container such as `<personalTeleconf/>` writes nothing a host may not.
 */
const visitRequestPaths = (codec: ModelCodec, value: unknown, prefix: string, visit: (path: string) => void): void => {
  // defensive: the body is decoded by SetUserBody before authorize, so a struct's value is a plain object and a
  // leaf's or list's is not one; each operand alone already decides every decoded input
  // Stryker disable next-line LogicalOperator,ConditionalExpression: equivalent on decoded bodies, see above
  if (codec._tag !== 'StructType' || typeof value !== 'object' || value === null || Array.isArray(value)) {
    forEachPresentPath(codec, value, visit, prefix)
    return
  }
  const record = value as Readonly<Record<string, unknown>>
  const keys = Object.keys(record)
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, a decoded body always has webExId, so the root is never empty
  if (keys.length === 0 && prefix !== '') {
    if (schemaPaths(codec, prefix).every((p) => ACCESS_BY_PATH.get(p.path) === 'admin-only')) visit(prefix)
    return
  }
  for (const key of keys) {
    const child = Object.hasOwn(codec.props, key) ? codec.props[key] : undefined
    // Stryker disable next-line ConditionalExpression: equivalent, the decoded body has no key outside the codec's props
    if (child !== undefined) visitRequestPaths(child, record[key], prefix === '' ? key : `${prefix}.${key}`, visit)
  }
}

/** The request's paths that only a site admin may send, in request order, without duplicates. */
export const adminOnlyPaths = (body: SetUserBody): readonly string[] => {
  const found = new Set<string>()
  visitRequestPaths(SetUserBody, body, '', (path) => {
    if (ACCESS_BY_PATH.get(path) !== 'self-service') found.add(path)
  })
  return [...found]
}

/** May this caller send this body for the user `targetWebExId`? */
export const authorize = (caller: Caller, targetWebExId: string, body: SetUserBody): E.Either<NoPrivilege, void> => {
  if (caller.role === 'siteAdmin') return E.right(undefined)
  if (caller.webExId !== targetWebExId) return E.left(noPrivilege([]))
  const denied = adminOnlyPaths(body)
  return denied.length === 0 ? E.right(undefined) : E.left(noPrivilege(denied))
}
