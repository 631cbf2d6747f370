/**
 * Explain for the login operations: AuthenticateUser, GetLoginTicket, GetloginurlUser and
 * GetlogouturlUser. They change no user, so their traces are decision steps — which credential
 * (D-OP-10), whose verdict (D-OP-11), who may (D-OP-16), who was found (D-OP-2), whether the user
 * is active, which login ticket (D-OP-14), what the answer is built from (D-OP-12, D-OP-13,
 * D-OP-15) — and the error. No step shows a password, a token or a ticket: the login URL is shown
 * with its `TK` masked (D-PG2).
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import type { OperationError } from '../errors/OperationError.js'
import { activeState } from '../model/defaults.js'
import type { AuthenticateUserAnswer, GetLoginTicketAnswer, LoginUrlAnswer, LogoutUrlAnswer } from '../model/login.js'
import type { Caller } from '../model/request.js'
import type { SiteContext } from '../model/site.js'
import type { User } from '../model/user.js'
import { isPlainObject } from '../model/plain.js'
import {
  applyAuthenticateUser,
  applyGetLoginTicket,
  applyGetloginurlUser,
  applyGetlogouturlUser,
  type AuthenticationClaim,
  type GetLoginTicketRequest,
  type IssuedLoginTicket,
  type LoginTickets,
  type LoginUrlRequest,
  siteBaseUrl,
} from '../operations/login.js'
import { findUser, sameUser } from '../operations/lookup.js'
import {
  type Explained,
  type ExplainOverUsers,
  overUsers,
  stagesBefore,
  step,
  type TraceEntry,
  traceOfError,
} from './explain.js'
import type { ExplainStage } from './sources.js'

const MASK = '******'

const who = (caller: Caller): string => `${caller.webExId} (${caller.role})`

/** The stored user `name` names (ignoring case), as found in the users the operation read. */
const foundStep = (name: string, user: User): TraceEntry =>
  step(
    'D-OP-2',
    'names are case-insensitive',
    name === user.webExId ? `${user.webExId} found` : `${name} found as ${user.webExId}`,
    { requested: name, webExId: user.webExId },
  )

const activeStep = (rule: string, title: string, user: User): TraceEntry =>
  step(rule, title, `${user.webExId} is ${activeState(user)}`, { webExId: user.webExId, active: activeState(user) })

/** Which login ticket was handed out, and why (D-OP-14); never the ticket itself. */
const ticketStep = (tickets: LoginTickets, issued: IssuedLoginTicket): TraceEntry => {
  const { outstanding, now } = tickets
  const why = issued.reused
    ? 'the outstanding login ticket, neither used up nor expired, handed out again'
    : outstanding === undefined
      ? 'no outstanding login ticket: the fresh one'
      : outstanding.consumed === true
        ? 'the outstanding login ticket is used up: the fresh one'
        : now >= outstanding.createTime + outstanding.timeToLive * 1000
          ? 'the outstanding login ticket has expired: the fresh one'
          : 'the outstanding login ticket is not usable: the fresh one'
  const { createTime, timeToLive } = issued.ticket
  return step('D-OP-14', 'login tickets', why, {
    reused: issued.reused,
    createTime,
    timeToLive,
    expires: createTime + timeToLive * 1000,
  })
}

// -------------------------------------------------------------------------------------
// AuthenticateUser
// -------------------------------------------------------------------------------------

/** The claim's subject and credential kind as a step (D-OP-10), read defensively: never a secret. */
const claimStep = (claim: AuthenticationClaim): TraceEntry => {
  // a JavaScript caller may pass anything: only what is there, of the right type, is shown
  const given: unknown = claim
  const subject: unknown = isPlainObject(given) ? given['subject'] : undefined
  const credential: unknown = isPlainObject(given) ? given['credential'] : undefined
  const by =
    isPlainObject(subject) && typeof subject['webExId'] === 'string'
      ? { subject: 'webExId', name: subject['webExId'] }
      : isPlainObject(subject) && typeof subject['email'] === 'string'
        ? { subject: 'email', name: subject['email'] }
        : { subject: 'none', name: '' }
  const kind = isPlainObject(credential) && typeof credential['kind'] === 'string' ? credential['kind'] : 'none'
  return step('D-OP-10', 'which credential', `${by.subject} ${JSON.stringify(by.name)} presents a ${kind}`, {
    ...by,
    credential: kind,
  })
}

/**
 * `applyAuthenticateUser` with an explanation: the subject and the kind of credential the claim
 * presents (D-OP-10; never its value), the service's verdict (D-OP-11), whether the user is
 * active (D-OP-11: 030008 only after a verified credential), and the session ticket issued —
 * created, lifetime, expiry, never the ticket (D-OP-13). A rejected credential is explained by
 * D-OP-11 with its 030002, 030047 or 030048.
 *
 * @category explain
 * @example
 * ```ts
 * import { explainAuthenticateUser } from 'webex-user-rules/explain'
 * const claim = { subject: { webExId: 'host01' }, credential: { kind: 'password' as const, password: 'pw' } }
 * const issued = { sessionTicket: 'AAABBBdummySessionTicket000777', createTime: 1564617600000, timeToLive: 5400 }
 * explainAuthenticateUser({ webExId: 'host01' }, claim, true, issued).trace.map((t) => `${t.stage} ${t.rule} ${t.kind}`)
 * //=> ['credential D-OP-10 step', 'identity D-OP-11 step', 'state D-OP-11 step', 'answer D-OP-13 step']
 * explainAuthenticateUser({ webExId: 'host01' }, claim, false, issued).trace.map((t) => `${t.stage} ${t.rule} ${t.kind}`)
 * //=> ['credential D-OP-10 step', 'identity D-OP-11 error']
 * ```
 */
export const explainAuthenticateUser = (
  user: User,
  claim: AuthenticationClaim,
  verified: boolean,
  issued: AuthenticateUserAnswer,
): Explained<AuthenticateUserAnswer, OperationError> => {
  const result = applyAuthenticateUser(user, claim, verified, issued)
  const steps = (before: ExplainStage | undefined): TraceEntry[] => {
    const stages = stagesBefore(before)
    const out = [claimStep(claim)]
    if (stages.has('identity'))
      out.push(step('D-OP-11', "the verdict is the caller's", 'the service verified the credential', { verified }))
    if (stages.has('state')) out.push(activeStep('D-OP-11', 'deactivated after verification', user))
    return out
  }
  if (E.isLeft(result)) return { result, trace: traceOfError(result.left, 'AuthenticateUser', steps) }
  const { createTime, timeToLive } = result.right
  return {
    result,
    trace: [
      ...steps(undefined),
      step(
        'D-OP-13',
        'session tickets',
        `a session ticket for ${user.webExId}, valid ${String(timeToLive)} s from ${String(createTime)} (fixed expiry)`,
        { webExId: user.webExId, createTime, timeToLive, expires: createTime + timeToLive * 1000 },
      ),
    ],
  }
}

// -------------------------------------------------------------------------------------
// GetLoginTicket
// -------------------------------------------------------------------------------------

/**
 * `applyGetLoginTicket` with an explanation: the caller's own record found (D-OP-2) and active
 * (D-OP-14, else 030008), which login ticket — the outstanding one again, or the fresh one and
 * why (D-OP-14) — and the API version, the site's or the default (D-OP-12).
 *
 * @category explain
 * @example
 * ```ts
 * import { explainGetLoginTicket } from 'webex-user-rules/explain'
 * const site = { activeHostCount: 1, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false }
 * const fresh = { ticket: '3f1c9a0e5b7d4c2a', createTime: 1564617600000, timeToLive: 5400 }
 * const { trace } = explainGetLoginTicket(site, [{ webExId: 'host01' }], { caller: { webExId: 'host01', role: 'host' }, body: {} }, { fresh, now: 1564617600000 })
 * trace.map((t) => (t.kind === 'step' ? t.detail : t.kind))
 * //=> ['host01 found', 'host01 is ACTIVATED', 'no outstanding login ticket: the fresh one', 'apiVersion WebEx XML API V10.0.0 (the default)']
 * ```
 */
export const explainGetLoginTicket: ExplainOverUsers<
  GetLoginTicketRequest,
  IssuedLoginTicket & { readonly answer: GetLoginTicketAnswer },
  [tickets: LoginTickets]
> = (site, users, request, tickets) => {
  const list = overUsers(users, (input) => applyGetLoginTicket(site, input, request, tickets))
  const result = list.result
  const steps = (before: ExplainStage | undefined): TraceEntry[] => {
    const stages = stagesBefore(before)
    const user = stages.has('lookup') ? findUser(list.seen(), request.caller.webExId) : undefined
    if (user === undefined) return []
    return [
      foundStep(request.caller.webExId, user),
      ...(stages.has('state') ? [activeStep('D-OP-14', 'deactivated user', user)] : []),
    ]
  }
  if (E.isLeft(result)) return { result, trace: traceOfError(result.left, 'GetLoginTicket', steps) }
  return {
    result,
    trace: [
      ...steps(undefined),
      ticketStep(tickets, result.right),
      step(
        'D-OP-12',
        'site facts',
        `apiVersion ${result.right.answer.apiVersion}${site.apiVersion === undefined ? ' (the default)' : " (the site's)"}`,
        { apiVersion: result.right.answer.apiVersion, default: site.apiVersion === undefined },
      ),
    ],
  }
}

// -------------------------------------------------------------------------------------
// GetloginurlUser, GetlogouturlUser
// -------------------------------------------------------------------------------------

/** The steps both URL operations share: who may (D-OP-16), who was found, and (login) active. */
const urlSteps = (
  users: () => readonly User[],
  request: LoginUrlRequest,
  before: ExplainStage | undefined,
  checksState: boolean,
): TraceEntry[] => {
  const stages = stagesBefore(before)
  const { caller, body } = request
  const self = sameUser(caller.webExId, body.webExID)
  const out = [
    step(
      'D-OP-16',
      'whose URL',
      self ? `${who(caller)} asks for their own URL` : `${who(caller)}: a site admin may ask for any user's URL`,
      { caller: caller.webExId, role: caller.role, self },
    ),
  ]
  const user = stages.has('lookup') ? findUser(users(), body.webExID) : undefined
  if (user === undefined) return out
  out.push(foundStep(body.webExID, user))
  if (checksState && stages.has('state')) out.push(activeStep('D-OP-16', 'deactivated user', user))
  return out
}

const baseUrlStep = (site: SiteContext): TraceEntry =>
  step(
    'D-OP-12',
    'site facts',
    site.siteUrl !== undefined
      ? `the site's URL ${siteBaseUrl(site)}`
      : `no siteUrl: ${siteBaseUrl(site)}${site.siteName === undefined ? ' (no siteName either: examplesite)' : ''}`,
    { base: siteBaseUrl(site) },
  )

/**
 * `applyGetloginurlUser` with an explanation: who may ask (D-OP-16: self or a site admin, before
 * the lookup), the user found (D-OP-2) and active (D-OP-16, else 030008), which login ticket
 * (D-OP-14), the site's base URL (D-OP-12) and the URL's parameters (D-OP-15) — the URL shown with
 * its `TK` masked.
 *
 * @category explain
 * @example
 * ```ts
 * import { explainGetloginurlUser } from 'webex-user-rules/explain'
 * const site = { activeHostCount: 1, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false }
 * const users = [{ webExId: 'hostid', firstName: 'Fname', lastName: 'Lname', email: 'email@example.com' }]
 * const { trace } = explainGetloginurlUser(site, users, { caller: { webExId: 'hostid', role: 'host' }, body: { webExID: 'hostid' } }, { fresh: { ticket: 'ticket', createTime: 0, timeToLive: 5400 }, now: 0 })
 * trace.map((t) => `${t.stage} ${t.rule}`)
 * //=> ['authorization D-OP-16', 'lookup D-OP-2', 'state D-OP-16', 'ticket D-OP-14', 'answer D-OP-12', 'answer D-OP-15']
 * trace[5]?.kind === 'step' && trace[5].data['url']
 * //=> 'https://examplesite.webex.com/examplesite/p.php?AT=LI&FN=Fname&LN=Lname&EM=email@example.com&WID=hostid&TK=******&MU=GoBack&BU='
 * ```
 */
export const explainGetloginurlUser: ExplainOverUsers<
  LoginUrlRequest,
  IssuedLoginTicket & { readonly answer: LoginUrlAnswer },
  [tickets: LoginTickets]
> = (site, users, request, tickets) => {
  const list = overUsers(users, (input) => applyGetloginurlUser(site, input, request, tickets))
  const result = list.result
  if (E.isLeft(result))
    return {
      result,
      trace: traceOfError(result.left, 'GetloginurlUser', (before) => urlSteps(list.seen, request, before, true)),
    }
  const url = result.right.answer.userLoginURL ?? ''
  const ticket = `&TK=${result.right.ticket.ticket}&`
  return {
    result,
    trace: [
      ...urlSteps(list.seen, request, undefined, true),
      ticketStep(tickets, result.right),
      baseUrlStep(site),
      step(
        'D-OP-15',
        'the login URL',
        'FN, LN, EM, WID percent-encoded except @, TK the login ticket unencoded (shown here as ******), MU=GoBack, BU the encoded backURL',
        { url: url.replace(ticket, `&TK=${MASK}&`) },
      ),
    ],
  }
}

/**
 * `applyGetlogouturlUser` with an explanation: who may ask (D-OP-16), the user found (D-OP-2; no
 * state check), the site's base URL (D-OP-12) and the logout URL (D-OP-15).
 *
 * @category explain
 * @example
 * ```ts
 * import { explainGetlogouturlUser } from 'webex-user-rules/explain'
 * const site = { activeHostCount: 1, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false }
 * const { trace } = explainGetlogouturlUser(site, [{ webExId: 'hostid' }], { caller: { webExId: 'admin', role: 'roSiteAdmin' }, body: { webExID: 'hostid' } })
 * trace.map((t) => `${t.stage} ${t.rule} ${t.kind}`) //=> ['authorization D-OP-16 error']
 * ```
 */
export const explainGetlogouturlUser: ExplainOverUsers<LoginUrlRequest, LogoutUrlAnswer> = (site, users, request) => {
  const list = overUsers(users, (input) => applyGetlogouturlUser(site, input, request))
  const result = list.result
  if (E.isLeft(result))
    return {
      result,
      trace: traceOfError(result.left, 'GetlogouturlUser', (before) => urlSteps(list.seen, request, before, false)),
    }
  return {
    result,
    trace: [
      ...urlSteps(list.seen, request, undefined, false),
      baseUrlStep(site),
      step('D-OP-15', 'the logout URL', 'AT=LO, BU the encoded backURL', { url: result.right.userLogoutURL ?? '' }),
    ],
  }
}
