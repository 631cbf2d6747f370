/**
 * The pure parts of AuthenticateUser, GetLoginTicket, GetloginurlUser and GetlogouturlUser
 * (D-OP-10 … D-OP-18). Randomness, clocks and hashing stay with the caller: it passes the ticket
 * it generated, the time it read, and whether the credential it checked was right. What is
 * decided here: which credential a request presents, who it names, which exceptionID each
 * failure gets (alike for unknown and known users), whether a session or login ticket is still
 * good, and the answers, URLs included.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import type * as t from 'io-ts'
import { decodeCall, decodeRequest, decodeStoredUser } from '../decode.js'
import {
  authenticationFailed,
  invalidSessionTicket,
  type OperationError,
  sessionTicketNotGenerated,
  userNotActive,
} from '../errors/OperationError.js'
import { guard } from '../errors/guard.js'
import { invalidRequest, noPrivilege, userNotFound } from '../errors/SetUserError.js'
import { bool, type FailureCode, int, long, str, struct, type StructType } from '../model/codec.js'
import { activeState } from '../model/defaults.js'
import {
  AuthenticateUserAnswer,
  AuthenticateUserBody,
  GetLoginTicketBody,
  type GetLoginTicketAnswer,
  LoginUrlBody,
  type LoginUrlAnswer,
  type LogoutUrlAnswer,
} from '../model/login.js'
import { Caller } from '../model/request.js'
import type { SiteContext } from '../model/site.js'
import type { User } from '../model/user.js'
import { usersOf } from './directory.js'
import { findUser, findUserByEmail, sameUser } from './lookup.js'

// -------------------------------------------------------------------------------------
// credentials
// -------------------------------------------------------------------------------------

/**
 * The credential a request presents, in the order it is taken (D-OP-10): a body credential of
 * AuthenticateUser (access token, SAML response), else the securityContext's password, else its
 * `webExAccessToken`, else its session ticket.
 *
 * @category operations
 */
export type Credential =
  | { readonly kind: 'accessToken'; readonly accessToken: string }
  | { readonly kind: 'samlResponse'; readonly samlResponse: string; readonly protocol?: string }
  | { readonly kind: 'password'; readonly password: string }
  | { readonly kind: 'sessionTicket'; readonly sessionTicket: string }

/** Who a request says it is: a webExId or, in the newer form, an e-mail address. @category operations */
export type Subject = { readonly webExId: string } | { readonly email: string }

/** A subject and the credential that should prove it. @category operations */
export interface AuthenticationClaim {
  readonly subject: Subject
  readonly credential: Credential
}

const CredentialsC = struct('securityContext', {
  webExID: str(64),
  email: str(128),
  password: str(256),
  sessionTicket: str(4096),
  accessToken: str(8192),
  webExAccessToken: str(8192),
})
/**
 * The parts of a securityContext that say who calls and with what (the XML adapter's
 * `SecurityContext` has these and the site's names, which the service checks itself).
 *
 * @category model
 */
export interface Credentials extends t.TypeOf<typeof CredentialsC> {}
export const Credentials: StructType<Credentials> = CredentialsC

/** An empty element counts as absent (clients send `<email></email>`). */
const given = (value: string | undefined): string | undefined =>
  value === undefined || value === '' ? undefined : value

/**
 * The subject and credential of a request (the securityContext, and for AuthenticateUser its
 * body). No subject or no credential is 030002, the same answer as a wrong password (D-OP-11);
 * a malformed securityContext or body is 999999 naming the path, never the value of a secret.
 *
 * @category operations
 * @example
 * ```ts
 * import { authenticationClaim } from 'webex-user-rules'
 * authenticationClaim({ webExID: 'admin@example.com', siteName: 'examplesite' }, { accessToken: 'DummyAccessToken-02' })
 * //=> { _tag: 'Right', right: { subject: { webExId: 'admin@example.com' }, credential: { kind: 'accessToken', accessToken: 'DummyAccessToken-02' } } }
 * authenticationClaim({ webExID: 'host01', sessionTicket: 'AAABBB' })
 * //=> { _tag: 'Right', right: { subject: { webExId: 'host01' }, credential: { kind: 'sessionTicket', sessionTicket: 'AAABBB' } } }
 * authenticationClaim({ webExID: 'host01', siteName: 'examplesite' }, {})._tag //=> 'Left'
 * ```
 */
export const authenticationClaim = (
  securityContext: Readonly<Record<string, unknown>>,
  body?: AuthenticateUserBody,
): E.Either<OperationError, AuthenticationClaim> => {
  // only the credential elements are read; the site's names are the service's business
  const picked: Record<string, unknown> = {}
  for (const key of Object.keys(Credentials.props))
    if (Object.hasOwn(securityContext, key)) picked[key] = securityContext[key]
  const decoded = decodeRequest(Credentials, picked)
  if (E.isLeft(decoded)) return E.left(redacted('caller', decoded.left.failures))
  if (body !== undefined) {
    const decodedBody = decodeRequest(AuthenticateUserBody, body)
    if (E.isLeft(decodedBody)) return E.left(redacted('body', decodedBody.left.failures))
  }
  const context = decoded.right
  const webExId = given(context.webExID)
  const email = given(context.email)
  const subject: Subject | undefined = webExId !== undefined ? { webExId } : email !== undefined ? { email } : undefined
  const credential = credentialOf(context, body)
  return subject === undefined || credential === undefined
    ? E.left(authenticationFailed())
    : E.right({ subject, credential })
}

/** The failures with every value dropped: these inputs hold passwords and tickets. */
const redacted = (
  source: 'caller' | 'body',
  failures: readonly { readonly code: FailureCode; readonly path: string; readonly expected: string }[],
): OperationError =>
  invalidRequest(
    failures.map((f) => ({ source, code: f.code, path: f.path, expected: f.expected, actual: '(not shown)' })),
  )

const credentialOf = (context: Credentials, body: AuthenticateUserBody | undefined): Credential | undefined => {
  if (body?.accessToken !== undefined) return { kind: 'accessToken', accessToken: body.accessToken }
  if (body?.samlResponse !== undefined)
    return {
      kind: 'samlResponse',
      samlResponse: body.samlResponse,
      ...(given(body.protocol) === undefined ? {} : { protocol: body.protocol }),
    }
  const password = given(context.password)
  if (password !== undefined) return { kind: 'password', password }
  const token = given(context.webExAccessToken) ?? given(context.accessToken)
  if (token !== undefined) return { kind: 'accessToken', accessToken: token }
  const ticket = given(context.sessionTicket)
  if (ticket !== undefined) return { kind: 'sessionTicket', sessionTicket: ticket }
  return undefined
}

/**
 * The failure for a credential that did not prove its subject — an unknown user and a wrong
 * credential get the same answer (D-OP-11): 030002 for a password, 030047 for a session ticket,
 * 030048 for an access token or SAML response.
 *
 * @category operations
 * @example
 * ```ts
 * import { credentialRejected } from 'webex-user-rules'
 * credentialRejected({ kind: 'password', password: 'x' }).exceptionID //=> '030002'
 * credentialRejected({ kind: 'sessionTicket', sessionTicket: 'x' }).exceptionID //=> '030047'
 * credentialRejected({ kind: 'accessToken', accessToken: 'x' }).exceptionID //=> '030048'
 * ```
 */
export const credentialRejected = (credential: Credential): OperationError => {
  switch (credential.kind) {
    case 'password':
      return authenticationFailed()
    case 'sessionTicket':
      return invalidSessionTicket()
    case 'accessToken':
    case 'samlResponse':
      return sessionTicketNotGenerated()
  }
}

/**
 * The stored user a claim names (webExId or e-mail, ignoring case; D-OP-2), or the credential's
 * rejection when there is none — so an unknown user cannot be told from a wrong credential.
 *
 * @category operations
 * @example
 * ```ts
 * import { claimedUser } from 'webex-user-rules'
 * const users = [{ webExId: 'host01', email: 'host01@example.com' }]
 * claimedUser(users, { subject: { email: 'HOST01@example.com' }, credential: { kind: 'password', password: 'pw' } })
 * //=> { _tag: 'Right', right: { webExId: 'host01', email: 'host01@example.com' } }
 * claimedUser(users, { subject: { webExId: 'ghost' }, credential: { kind: 'password', password: 'pw' } })._tag //=> 'Left'
 * ```
 */
export const claimedUser = (users: Iterable<User>, claim: AuthenticationClaim): E.Either<OperationError, User> => {
  const user =
    'webExId' in claim.subject ? findUser(users, claim.subject.webExId) : findUserByEmail(users, claim.subject.email)
  return user === undefined ? E.left(credentialRejected(claim.credential)) : E.right(user)
}

// -------------------------------------------------------------------------------------
// session tickets
// -------------------------------------------------------------------------------------

const TicketRecordC = struct(
  'TicketRecord',
  { webExId: str(64, 1), createTime: long, timeToLive: int(1, 2_147_483_647) },
  ['webExId', 'createTime', 'timeToLive'],
)
/**
 * What a service keeps of a ticket it issued (the ticket itself it keeps hashed): whose it is,
 * when it was made (ms since the epoch) and for how long (seconds).
 *
 * @category model
 */
export interface TicketRecord extends t.TypeOf<typeof TicketRecordC> {}
export const TicketRecord: StructType<TicketRecord> = TicketRecordC

/**
 * The lifetime of a session ticket in seconds (90 minutes, every sample).
 *
 * @category operations
 * @example
 * ```ts
 * import { SESSION_TICKET_TTL } from 'webex-user-rules'
 * SESSION_TICKET_TTL //=> 5400
 * ```
 */
export const SESSION_TICKET_TTL = 5400

/** True while `now` (ms) is before the ticket's fixed expiry (no sliding, D-OP-13). */
const unexpired = (record: TicketRecord, now: number): boolean => now < record.createTime + record.timeToLive * 1000

/**
 * Whether a presented session ticket is good for the webExId presented with it at `now` (ms):
 * the service looked up the record by the ticket's hash (`undefined` when unknown). Unknown,
 * expired, malformed or another user's ticket: 030047 (D-OP-13).
 *
 * @category operations
 * @example
 * ```ts
 * import { checkSessionTicket } from 'webex-user-rules'
 * const record = { webExId: 'host01', createTime: 1564617600000, timeToLive: 5400 }
 * checkSessionTicket(record, 'HOST01', 1564617600000 + 5399999)._tag //=> 'Right'
 * checkSessionTicket(record, 'host01', 1564617600000 + 5400000)._tag //=> 'Left'
 * checkSessionTicket(record, 'host02', 1564617600000)._tag //=> 'Left'
 * checkSessionTicket(undefined, 'host01', 1564617600000)._tag //=> 'Left'
 * ```
 */
export const checkSessionTicket = (
  record: TicketRecord | undefined,
  webExId: string | undefined,
  now: number,
): E.Either<OperationError, TicketRecord> =>
  // the stored record comes from the embedder's storage: a value that throws when read is the
  // embedder's malformed input (named, never echoed), not an engine defect
  guard(
    record === undefined ? {} : { request: record },
    () =>
      record !== undefined &&
      webExId !== undefined &&
      TicketRecord.is(record) &&
      Number.isFinite(now) &&
      sameUser(record.webExId, webExId) &&
      unexpired(record, now)
        ? E.right(record)
        : E.left(invalidSessionTicket()),
    true,
  )

/**
 * The AuthenticateUser answer for a user the service has found (`claimedUser`) and whose
 * credential it has checked (`verified`). A rejected credential gets `credentialRejected`; a
 * deactivated user with a good credential gets 030008 (D-OP-11); otherwise the ticket the
 * service issued, as `sessionTicket`, `createTime` (ms) and `timeToLive` (s).
 *
 * @category operations
 * @example
 * ```ts
 * import { applyAuthenticateUser } from 'webex-user-rules'
 * const claim = { subject: { webExId: 'host01' }, credential: { kind: 'password' as const, password: 'pw' } }
 * const issued = { sessionTicket: 'AAABBBdummySessionTicket000777', createTime: 1564617600000, timeToLive: 5400 }
 * applyAuthenticateUser({ webExId: 'host01' }, claim, true, issued) //=> { _tag: 'Right', right: issued }
 * applyAuthenticateUser({ webExId: 'host01' }, claim, false, issued)
 * //=> { _tag: 'Left', left: { _tag: 'AuthenticationFailed', exceptionID: '030002', reason: 'Incorrect user or password' } }
 * ```
 */
export const applyAuthenticateUser = (
  user: User,
  claim: AuthenticationClaim,
  verified: boolean,
  issued: AuthenticateUserAnswer,
): E.Either<OperationError, AuthenticateUserAnswer> =>
  guard({ user, request: [claim, issued] }, () => {
    // only `true` proves the credential: a JavaScript caller's truthy 'yes' must not
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-boolean-literal-compare
    if (verified !== true) return E.left(credentialRejected(claim.credential))
    const stored = decodeStoredUser(user, ['active'])
    if (E.isLeft(stored)) return stored
    if (activeState(stored.right) === 'DEACTIVATED') return E.left(userNotActive())
    const answer = decodeRequest(AuthenticateUserAnswer, issued)
    // the issued ticket is a secret: a malformed one is named by path only
    return E.isLeft(answer) ? E.left(redactedRequest(answer.left.failures)) : answer
  })

const redactedRequest = (
  failures: readonly { readonly code: FailureCode; readonly path: string; readonly expected: string }[],
): OperationError =>
  invalidRequest(
    failures.map((f) => ({
      source: 'request',
      code: f.code,
      path: f.path,
      expected: f.expected,
      actual: '(not shown)',
    })),
  )

// -------------------------------------------------------------------------------------
// login tickets
// -------------------------------------------------------------------------------------

const LoginTicketC = struct(
  'LoginTicket',
  { ticket: str(4096, 1), createTime: long, timeToLive: int(1, 2_147_483_647), consumed: bool },
  ['ticket', 'createTime', 'timeToLive'],
)
/**
 * A host login ticket (GetLoginTicket, and `TK` of GetloginurlUser's URL): the ticket, when it
 * was made (ms), its lifetime (s), and whether a URL-API login has used it up.
 *
 * @category model
 */
export interface LoginTicket extends t.TypeOf<typeof LoginTicketC> {}
export const LoginTicket: StructType<LoginTicket> = LoginTicketC

/**
 * The characters a login ticket may have: it goes into the login URL unencoded (clients edit
 * that URL as text, D-OP-15), so no `&`, `=`, `#`, `%` or space.
 */
const LOGIN_TICKET_ALPHABET = /^[A-Za-z0-9+/._~-]+$/

/**
 * The login ticket to hand out (D-OP-14): the user's outstanding ticket while it is neither used
 * up nor expired at `now` (ms), else the `fresh` one the caller generated.
 *
 * @category operations
 * @example
 * ```ts
 * import { currentLoginTicket } from 'webex-user-rules'
 * const outstanding = { ticket: 'tk1', createTime: 0, timeToLive: 5400 }
 * const fresh = { ticket: 'tk2', createTime: 1000, timeToLive: 5400 }
 * currentLoginTicket(outstanding, fresh, 1000) //=> { _tag: 'Right', right: { ticket: outstanding, reused: true } }
 * currentLoginTicket({ ...outstanding, consumed: true }, fresh, 1000) //=> { _tag: 'Right', right: { ticket: fresh, reused: false } }
 * ```
 */
export const currentLoginTicket = (
  outstanding: LoginTicket | undefined,
  fresh: LoginTicket,
  now: number,
): E.Either<OperationError, { readonly ticket: LoginTicket; readonly reused: boolean }> =>
  // (an absent outstanding ticket is no input: `undefined` is not plain data)
  guard(
    { request: outstanding === undefined ? fresh : [outstanding, fresh] },
    () => chooseLoginTicket(outstanding, fresh, now),
    true,
  )

const chooseLoginTicket = (
  outstanding: LoginTicket | undefined,
  fresh: LoginTicket,
  now: number,
): E.Either<OperationError, { readonly ticket: LoginTicket; readonly reused: boolean }> => {
  if (!Number.isFinite(now))
    return E.left(
      invalidRequest([{ source: 'request', code: 'wrongType', path: 'now', expected: 'a time in ms', actual: now }]),
    )
  if (
    outstanding !== undefined &&
    LoginTicket.is(outstanding) &&
    LOGIN_TICKET_ALPHABET.test(outstanding.ticket) &&
    outstanding.consumed !== true &&
    now < outstanding.createTime + outstanding.timeToLive * 1000
  )
    return E.right({ ticket: outstanding, reused: true })
  if (!LoginTicket.is(fresh) || !LOGIN_TICKET_ALPHABET.test(fresh.ticket) || fresh.consumed === true)
    return E.left(
      redactedRequest([
        {
          code: 'wrongType',
          path: 'fresh',
          expected: 'an unused LoginTicket whose ticket has only A-Z a-z 0-9 + / . _ ~ -',
        },
      ]),
    )
  return E.right({ ticket: fresh, reused: false })
}

/** The tickets a GetLoginTicket or GetloginurlUser call chooses from, and the time. @category operations */
export interface LoginTickets {
  /** The user's outstanding login ticket, if the service keeps one. */
  readonly outstanding?: LoginTicket
  /** A new ticket the service generated, used when there is no good outstanding one. */
  readonly fresh: LoginTicket
  /** Now, in ms since the epoch. */
  readonly now: number
}

/** The login ticket an operation handed out, and whether it was the outstanding one. @category operations */
export interface IssuedLoginTicket {
  readonly ticket: LoginTicket
  readonly reused: boolean
}

const DEFAULT_SITE_NAME = 'examplesite'

/**
 * `apiVersion` when the site does not say (the string a real GetAPIVersion answered in 2016).
 *
 * @category operations
 * @example
 * ```ts
 * import { DEFAULT_API_VERSION } from 'webex-user-rules'
 * DEFAULT_API_VERSION //=> 'WebEx XML API V10.0.0'
 * ```
 */
export const DEFAULT_API_VERSION = 'WebEx XML API V10.0.0'

/**
 * The site's base URL (D-OP-12): `siteUrl`, else `https://<siteName>.webex.com/<siteName>`,
 * with `examplesite` when the site has no name either.
 *
 * @category operations
 * @example
 * ```ts
 * import { siteBaseUrl } from 'webex-user-rules'
 * siteBaseUrl({ siteName: 'acme' }) //=> 'https://acme.webex.com/acme'
 * siteBaseUrl({ siteUrl: 'http://127.0.0.1:8080/acme/' }) //=> 'http://127.0.0.1:8080/acme'
 * ```
 */
export const siteBaseUrl = (site: Pick<SiteContext, 'siteName' | 'siteUrl'>): string => {
  if (site.siteUrl !== undefined) return site.siteUrl.replace(/\/+$/, '')
  const name = encodeURIComponent(site.siteName ?? DEFAULT_SITE_NAME)
  return `https://${name}.webex.com/${name}`
}

/**
 * A user value in the login URL: percent-encoded except `@`, so that a plain e-mail reads as in
 * the Cisco sample (`EM=email@example.com`) and a name with `&` cannot break the query (D-OP-15).
 */
const queryValue = (value: string): string => encodeURIComponent(value).replace(/%40/g, '@')

/** A request whose caller acts on the user named by `webExID`. */
const LoginUrlRequestC = struct('LoginUrlRequest', { caller: Caller, body: LoginUrlBody }, ['caller', 'body'])
/** A GetloginurlUser or GetlogouturlUser request. @category model */
export interface LoginUrlRequest extends t.TypeOf<typeof LoginUrlRequestC> {}
export const LoginUrlRequest: StructType<LoginUrlRequest> = LoginUrlRequestC

const GetLoginTicketRequestC = struct('GetLoginTicketRequest', { caller: Caller, body: GetLoginTicketBody }, [
  'caller',
  'body',
])
/** A GetLoginTicket request: the caller, and an empty body. @category model */
export interface GetLoginTicketRequest extends t.TypeOf<typeof GetLoginTicketRequestC> {}
export const GetLoginTicketRequest: StructType<GetLoginTicketRequest> = GetLoginTicketRequestC

/** The stored user `webExId` names (any case), checked for what the URL and the state read. */
const storedUser = (users: unknown, webExId: string): E.Either<OperationError, User> => {
  const list = usersOf(users)
  if (E.isLeft(list)) return list
  const found = findUser(list.right as Iterable<User>, webExId)
  if (found === undefined) return E.left(userNotFound(webExId))
  return decodeStoredUser(found, ['firstName', 'lastName', 'email', 'active'])
}

/** Self, or a site admin, may get a user's login or logout URL (D-OP-16). */
const mayActFor = (caller: Caller, webExId: string): boolean =>
  caller.role === 'siteAdmin' || sameUser(caller.webExId, webExId)

/**
 * What GetloginurlUser and GetlogouturlUser both check, in this order: the request, the site,
 * the caller's right to act for the user (000001 before the lookup, so it tells nothing), the user.
 */
const urlTarget = (
  site: unknown,
  users: unknown,
  request: unknown,
): E.Either<OperationError, { readonly site: SiteContext; readonly body: LoginUrlBody; readonly user: User }> => {
  const decoded = decodeCall(LoginUrlRequest, request, site)
  if (E.isLeft(decoded)) return decoded
  const { caller, body } = decoded.right.request
  if (!mayActFor(caller, body.webExID)) return E.left(noPrivilege([]))
  const user = storedUser(users, body.webExID)
  return E.isLeft(user) ? user : E.right({ site: decoded.right.site, body, user: user.right })
}

/**
 * GetLoginTicket: the caller's host login ticket (their outstanding one while it is good, else
 * the fresh one) and the API version. A deactivated caller gets 030008.
 *
 * @category operations
 * @example
 * ```ts
 * import { applyGetLoginTicket } from 'webex-user-rules'
 * const site = { activeHostCount: 1, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false }
 * const fresh = { ticket: '3f1c9a0e5b7d4c2a', createTime: 1564617600000, timeToLive: 5400 }
 * const r = applyGetLoginTicket(site, [{ webExId: 'host01' }], { caller: { webExId: 'host01', role: 'host' }, body: {} }, { fresh, now: 1564617600000 })
 * r._tag === 'Right' && r.right.answer //=> { ticket: '3f1c9a0e5b7d4c2a', apiVersion: 'WebEx XML API V10.0.0' }
 * ```
 */
export const applyGetLoginTicket = (
  site: SiteContext,
  users: Iterable<User>,
  request: GetLoginTicketRequest,
  tickets: LoginTickets,
): E.Either<OperationError, IssuedLoginTicket & { readonly answer: GetLoginTicketAnswer }> =>
  guard({ site, user: users, request: [request, tickets] }, () => {
    const decoded = decodeCall(GetLoginTicketRequest, request, site)
    if (E.isLeft(decoded)) return decoded
    const user = storedUser(users, decoded.right.request.caller.webExId)
    if (E.isLeft(user)) return user
    if (activeState(user.right) === 'DEACTIVATED') return E.left(userNotActive())
    const issued = currentLoginTicket(tickets.outstanding, tickets.fresh, tickets.now)
    if (E.isLeft(issued)) return issued
    return E.right({
      ...issued.right,
      answer: {
        ticket: issued.right.ticket.ticket,
        apiVersion: decoded.right.site.apiVersion ?? DEFAULT_API_VERSION,
      },
    })
  })

/**
 * GetloginurlUser: the URL that signs the user in, `<site>/p.php?AT=LI&FN=…&LN=…&EM=…&WID=…&TK=…&MU=GoBack&BU=…`
 * (parameters in the Cisco sample's order, `TK` the login ticket unencoded, `BU` the encoded
 * `backURL` or empty). Self or a site admin only (000001, before the user is looked up, so it
 * tells nothing); an unknown user is 030001, a deactivated one 030008.
 *
 * @category operations
 * @example
 * ```ts
 * import { applyGetloginurlUser } from 'webex-user-rules'
 * const site = { activeHostCount: 1, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false }
 * const users = [{ webExId: 'hostid', firstName: 'Fname', lastName: 'Lname', email: 'email@example.com' }]
 * const r = applyGetloginurlUser(site, users, { caller: { webExId: 'hostid', role: 'host' }, body: { webExID: 'hostid' } }, { fresh: { ticket: 'ticket', createTime: 0, timeToLive: 5400 }, now: 0 })
 * r._tag === 'Right' && r.right.answer.userLoginURL
 * //=> 'https://examplesite.webex.com/examplesite/p.php?AT=LI&FN=Fname&LN=Lname&EM=email@example.com&WID=hostid&TK=ticket&MU=GoBack&BU='
 * ```
 */
export const applyGetloginurlUser = (
  site: SiteContext,
  users: Iterable<User>,
  request: LoginUrlRequest,
  tickets: LoginTickets,
): E.Either<OperationError, IssuedLoginTicket & { readonly answer: LoginUrlAnswer }> =>
  guard({ site, user: users, request: [request, tickets] }, () => {
    const target = urlTarget(site, users, request)
    if (E.isLeft(target)) return target
    const { body, user: u } = target.right
    if (activeState(u) === 'DEACTIVATED') return E.left(userNotActive())
    const issued = currentLoginTicket(tickets.outstanding, tickets.fresh, tickets.now)
    if (E.isLeft(issued)) return issued
    const url =
      `${siteBaseUrl(target.right.site)}/p.php?AT=LI` +
      `&FN=${queryValue(u.firstName ?? '')}&LN=${queryValue(u.lastName ?? '')}&EM=${queryValue(u.email ?? '')}` +
      `&WID=${queryValue(u.webExId)}&TK=${issued.right.ticket.ticket}&MU=GoBack` +
      `&BU=${encodeURIComponent(body.backURL ?? '')}`
    return E.right({ ...issued.right, answer: { userLoginURL: url } })
  })

/**
 * GetlogouturlUser: `<site>/p.php?AT=LO&BU=<encoded backURL>` (the form the Moodle plugin builds
 * by hand). Self or a site admin only (000001); an unknown user is 030001.
 *
 * @category operations
 * @example
 * ```ts
 * import { applyGetlogouturlUser } from 'webex-user-rules'
 * const site = { activeHostCount: 1, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false }
 * applyGetlogouturlUser(site, [{ webExId: 'hostid' }], { caller: { webExId: 'HostID', role: 'host' }, body: { webExID: 'hostid' } })
 * //=> { _tag: 'Right', right: { userLogoutURL: 'https://examplesite.webex.com/examplesite/p.php?AT=LO&BU=' } }
 * ```
 */
export const applyGetlogouturlUser = (
  site: SiteContext,
  users: Iterable<User>,
  request: LoginUrlRequest,
): E.Either<OperationError, LogoutUrlAnswer> =>
  guard({ site, user: users, request }, () => {
    const target = urlTarget(site, users, request)
    if (E.isLeft(target)) return target
    const { site: decodedSite, body } = target.right
    return E.right({
      userLogoutURL: `${siteBaseUrl(decodedSite)}/p.php?AT=LO&BU=${encodeURIComponent(body.backURL ?? '')}`,
    })
  })
