/**
 * Decoding the three inputs of `applySetUser` from untrusted data. Each decoder visits only what
 * is present (and, for the stored user and the site's long lists, only what the rules read), and
 * returns the input itself when it is valid.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { invalidInput, toFailure } from './errors/decodeFailure.js'
import { type DecodeFailure, invalidRequest, type InvalidRequest } from './errors/SetUserError.js'
import type * as t from 'io-ts'
import { type Issue, notPlainData, type Runnable, runCodec } from './model/codec.js'
import { hasPlainPrototype, isDataProperty } from './model/plain.js'
import { isValidated, markValidated } from './internal/validated.js'
import { SetUserRequest } from './model/request.js'
import { SiteContext } from './model/site.js'
import { User } from './model/user.js'

/** A request issue as a failure of `body` or `caller` (path re-rooted below it), or of the envelope. */
const splitRequestIssue = (issue: Issue): DecodeFailure => {
  const [head, ...rest] = issue.path
  if (head !== 'body' && head !== 'caller') return toFailure('request', issue)
  return toFailure(head, { ...issue, path: rest })
}

/**
 * Decodes an untrusted SetUser request `{ caller, body }`. Failures list every failing path, with
 * `source` `body` or `caller` and the path inside it.
 *
 * @category decoding
 * @example
 * ```ts
 * import { decodeSetUserRequest } from 'webex-user-rules'
 * const r = decodeSetUserRequest({ caller: { webExId: 'jdoe', role: 'host' }, body: { webExId: 'jdoe', Active: 'DEACTIVATED' } })
 * r._tag === 'Left' && r.left.failures
 * //=> [{ source: 'body', code: 'unknownElement', path: 'Active', expected: 'no element "Active" in SetUserBody', actual: 'DEACTIVATED', hint: 'did you mean "active"?' }]
 * ```
 */
export const decodeSetUserRequest = (u: unknown): E.Either<InvalidRequest, SetUserRequest> =>
  decodeRequest(SetUserRequest, u)

/** Decodes any `{ caller, body }` request with its codec, once (D-M7: remembered only while frozen). */
export const decodeRequest = <A>(codec: t.Type<A> & Runnable, u: unknown): E.Either<InvalidRequest, A> => {
  if (isValidated(u, codec)) return E.right(u as A)
  const { value, issues } = runCodec(codec, u)
  return issues.length === 0
    ? E.right(markValidated(value, codec))
    : E.left(invalidRequest(issues.map(splitRequestIssue)))
}

/** Site lists that can be long; their items are validated only when a rule reads them. */
const LAZY_SITE_LISTS: ReadonlySet<string> = new Set(['takenWebExIds', 'productIds', 'takenEmails', 'siteWebExIds'])

/** Decodes the site, checking that the long lists are arrays but not yet their items. */
export const decodeSite = (u: unknown): E.Either<InvalidRequest, SiteContext> => {
  if (isValidated(u, SiteContext)) return E.right(u as SiteContext)
  if (!hasPlainPrototype(u))
    return E.left(invalidInput('site', [{ code: 'wrongType', path: [], expected: 'SiteContext', actual: u }]))
  const issues: Issue[] = []
  for (const key of Object.getOwnPropertyNames(u)) {
    const property = Object.getOwnPropertyDescriptor(u, key)
    const codec = Object.hasOwn(SiteContext.props, key) ? SiteContext.props[key] : undefined
    if (!isDataProperty(property)) {
      issues.push(notPlainData([key]))
    } else if (codec === undefined) {
      issues.push({
        code: 'unknownElement',
        path: [key],
        expected: `no element "${key}" in SiteContext`,
        actual: property.value,
      })
    } else if (LAZY_SITE_LISTS.has(key)) {
      if (!Array.isArray(property.value))
        issues.push({ code: 'wrongType', path: [key], expected: codec.name, actual: property.value })
    } else {
      codec.run(property.value, [key], issues)
    }
  }
  for (const key of SiteContext.requiredKeys) {
    if (!Object.hasOwn(u, key))
      issues.push({ code: 'missingElement', path: [key], expected: `required element "${key}"`, actual: undefined })
  }
  return issues.length === 0
    ? E.right(markValidated(u as SiteContext, SiteContext))
    : E.left(invalidInput('site', issues))
}

/**
 * Decodes an operation's `{ caller, body }` request, then the site: when both are malformed the
 * request's failures are the answer, as they are for every operation.
 */
export const decodeCall = <A>(
  codec: t.Type<A> & Runnable,
  request: unknown,
  site: unknown,
): E.Either<InvalidRequest, { readonly request: A; readonly site: SiteContext }> => {
  const decodedRequest = decodeRequest(codec, request)
  if (E.isLeft(decodedRequest)) return decodedRequest
  const decodedSite = decodeSite(site)
  return E.isLeft(decodedSite) ? decodedSite : E.right({ request: decodedRequest.right, site: decodedSite.right })
}

/**
 * Validates the items of one lazily checked site list when a rule needs it. An absent optional
 * list (`takenEmails`, `siteWebExIds`) is empty: nobody is taken, nobody is a site user.
 */
export const decodeSiteList = <K extends 'takenWebExIds' | 'productIds' | 'takenEmails' | 'siteWebExIds'>(
  site: SiteContext,
  key: K,
): E.Either<InvalidRequest, NonNullable<SiteContext[K]>> => {
  const list = (site[key] ?? []) as NonNullable<SiteContext[K]>
  const codec = SiteContext.props[key]
  if (codec === undefined || isValidated(list, codec)) return E.right(list)
  const { issues } = runCodec(codec, list, [key])
  return issues.length === 0 ? E.right(markValidated(list, codec)) : E.left(invalidInput('site', issues))
}

/**
 * Checks that the stored user is a user element with a webExId, and decodes the top-level
 * elements in `keys` (the ones the rules will read). Other stored elements are not walked: the
 * merge checks each container it descends into.
 */
export const decodeStoredUser = (u: unknown, keys: Iterable<string>): E.Either<InvalidRequest, User> => {
  if (!hasPlainPrototype(u))
    return E.left(invalidInput('user', [{ code: 'wrongType', path: [], expected: 'User', actual: u }]))
  const issues: Issue[] = []
  // each element read is a data property, read once; one the rules do not read is kept as it is
  const check = (key: string): void => {
    const property = Object.getOwnPropertyDescriptor(u, key)
    const codec = Object.hasOwn(User.props, key) ? User.props[key] : undefined
    if (property === undefined || codec === undefined) {
      if (key === 'webExId') codec?.run(undefined, [key], issues)
    } else if (!isDataProperty(property)) issues.push(notPlainData([key]))
    else if (!isValidated(property.value, codec)) {
      const before = issues.length
      codec.run(property.value, [key], issues)
      if (issues.length === before) markValidated(property.value, codec)
    }
  }
  // no array built per call: LstsummaryUser checks every stored user of the site this way
  check('webExId')
  for (const key of keys) check(key)
  return issues.length === 0 ? E.right(u as unknown as User) : E.left(invalidInput('user', issues))
}
