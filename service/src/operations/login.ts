/**
 * AuthenticateUser, GetLoginTicket, GetloginurlUser, GetlogouturlUser and LstsummaryUser on the
 * database (issue 11 items 5 and 6). Their rules are the core's (D-OP); this shell reads what
 * they need, calls them and stores the tickets they hand out, one transaction each.
 */
import { randomBytes } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import {
  type AuthenticateUserBody,
  applyAuthenticateUser,
  applyGetLoginTicket,
  applyGetloginurlUser,
  applyGetlogouturlUser,
  applyLstsummaryUser,
  authenticationClaim,
  callerRole,
  type Caller,
  type GetLoginTicketAnswer,
  type GetLoginTicketBody,
  type LoginTicket,
  type LoginUrlAnswer,
  type LoginUrlBody,
  type LstsummaryUserBody,
  SESSION_TICKET_TTL,
  type SiteContext,
} from 'webex-user-rules'
import {
  renderAuthenticateUserResponse,
  renderFailureResponse,
  renderGetLoginTicketResponse,
  renderGetloginurlUserResponse,
  renderGetlogouturlUserResponse,
  renderLstsummaryUserResponse,
  type SecurityContext,
} from 'webex-user-rules/xml'
import type { Queryable } from '../db/database.js'
import { activeHostCount, findUser, findUserById, listUsers, type SiteRecord, type StoredUser } from '../db/store.js'
import {
  type Authenticated,
  authenticateWithDocument,
  INCORRECT_USER_OR_PASSWORD,
  issueSessionTicket,
} from './caller.js'
import type { OperationContext } from './users.js'

/** Login tickets live as long as session tickets unless the site says otherwise. */
const loginTicketTtl = (site: SiteRecord): number => site.ticketTtlSeconds || SESSION_TICKET_TTL

const siteContextOf = async (tx: Queryable, site: SiteRecord): Promise<SiteContext> => ({
  siteName: site.name,
  ...site.settings,
  activeHostCount: await activeHostCount(tx, site.id),
  takenWebExIds: [],
  takenEmails: [],
})

const callerOf = (user: StoredUser): Caller => ({ webExId: user.user.webExId, role: callerRole(user.user) })

/**
 * AuthenticateUser: the credential of the securityContext, or form A's accessToken in the body,
 * checked as every request's is (D-SV-6); on success a new session ticket, stored hashed.
 */
export const authenticateUser = async (
  ctx: OperationContext,
  securityContext: SecurityContext,
  body: AuthenticateUserBody,
): Promise<string> => {
  const claim = authenticationClaim(securityContext, body)
  if (E.isLeft(claim)) return renderAuthenticateUserResponse(claim)
  // form A carries the token in the body; a SAML response has no identity provider to check it
  const withToken: SecurityContext =
    body.accessToken === undefined ? securityContext : { ...securityContext, accessToken: body.accessToken }
  if (body.samlResponse !== undefined) return renderFailureResponse(INCORRECT_USER_OR_PASSWORD)
  // the caller's whole document: the engine answers with it
  const auth = await authenticateWithDocument(ctx.db, withToken)
  if (!auth.ok) return renderFailureResponse(auth.failure)
  const { site, caller } = auth.value
  const issued = await issueSessionTicket(ctx.db, site, caller.id)
  const result = applyAuthenticateUser(caller.user, claim.right, true, {
    sessionTicket: issued.ticket,
    createTime: issued.createTime.getTime(),
    timeToLive: issued.timeToLive,
  })
  ctx.log.info({
    operation: 'AuthenticateUser',
    caller: caller.user.webExId,
    result: E.isLeft(result) ? 'FAILURE' : 'SUCCESS',
  })
  return renderAuthenticateUserResponse(result)
}

interface LoginTicketRow {
  ticket: string
  create_time: string
  time_to_live: number
  consumed: boolean
  [column: string]: unknown
}

const outstandingTicket = async (tx: Queryable, userId: number): Promise<LoginTicket | undefined> => {
  const [row] = await tx.query<LoginTicketRow>(
    'SELECT ticket, create_time, time_to_live, consumed FROM login_tickets WHERE user_id = $1',
    [userId],
  )
  return row === undefined
    ? undefined
    : { ticket: row.ticket, createTime: Number(row.create_time), timeToLive: row.time_to_live, consumed: row.consumed }
}

const storeTicket = (tx: Queryable, userId: number, ticket: LoginTicket): Promise<unknown> =>
  tx.query(
    `INSERT INTO login_tickets (user_id, ticket, create_time, time_to_live, consumed) VALUES ($1, $2, $3, $4, false)
     ON CONFLICT (user_id) DO UPDATE SET ticket = $2, create_time = $3, time_to_live = $4, consumed = false`,
    [userId, ticket.ticket, ticket.createTime, ticket.timeToLive],
  )

const freshTicket = (site: SiteRecord): LoginTicket => ({
  // base64url: only characters the login URL carries unencoded (D-OP-15)
  ticket: randomBytes(24).toString('base64url'),
  createTime: Date.now(),
  timeToLive: loginTicketTtl(site),
})

/** GetLoginTicket: the caller's outstanding host login ticket, or a new one (stored). */
export const getLoginTicket = (ctx: OperationContext, auth: Authenticated, body: GetLoginTicketBody): Promise<string> =>
  ctx.db.transaction(async (tx) => {
    // the ticket row is the user's: their row's lock orders two calls for them
    const me = await findUserById(tx, auth.site.id, auth.caller.id, 'update')
    if (me === undefined) return renderFailureResponse(INCORRECT_USER_OR_PASSWORD)
    const result = applyGetLoginTicket(
      await siteContextOf(tx, auth.site),
      [me.user],
      { caller: callerOf(me), body },
      { ...(await outstandingOrNothing(tx, me.id)), fresh: freshTicket(auth.site), now: Date.now() },
    )
    if (E.isRight(result) && !result.right.reused) await storeTicket(tx, me.id, result.right.ticket)
    return renderGetLoginTicketResponse(E.map((r: { readonly answer: GetLoginTicketAnswer }) => r.answer)(result))
  })

const outstandingOrNothing = async (tx: Queryable, userId: number): Promise<{ outstanding?: LoginTicket }> => {
  const outstanding = await outstandingTicket(tx, userId)
  return outstanding === undefined ? {} : { outstanding }
}

/** GetloginurlUser: the login URL of the user named, with their login ticket (stored). */
export const getloginurlUser = (ctx: OperationContext, auth: Authenticated, body: LoginUrlBody): Promise<string> =>
  ctx.db.transaction(async (tx) => {
    const caller = await findUserById(tx, auth.site.id, auth.caller.id, 'none')
    if (caller === undefined) return renderFailureResponse(INCORRECT_USER_OR_PASSWORD)
    const target = await findUser(tx, auth.site.id, body.webExID, 'update')
    const result = applyGetloginurlUser(
      await siteContextOf(tx, auth.site),
      target === undefined ? [] : [target.user],
      { caller: callerOf(caller), body },
      {
        ...(target === undefined ? {} : await outstandingOrNothing(tx, target.id)),
        fresh: freshTicket(auth.site),
        now: Date.now(),
      },
    )
    if (E.isRight(result) && target !== undefined && !result.right.reused)
      await storeTicket(tx, target.id, result.right.ticket)
    return renderGetloginurlUserResponse(E.map((r: { readonly answer: LoginUrlAnswer }) => r.answer)(result))
  })

/** GetlogouturlUser: the logout URL of the user named. */
export const getlogouturlUser = (ctx: OperationContext, auth: Authenticated, body: LoginUrlBody): Promise<string> =>
  ctx.db.transaction(async (tx) => {
    const caller = await findUserById(tx, auth.site.id, auth.caller.id, 'none')
    if (caller === undefined) return renderFailureResponse(INCORRECT_USER_OR_PASSWORD)
    const target = await findUser(tx, auth.site.id, body.webExID, 'none')
    return renderGetlogouturlUserResponse(
      applyGetlogouturlUser(await siteContextOf(tx, auth.site), target === undefined ? [] : [target.user], {
        caller: callerOf(caller),
        body,
      }),
    )
  })

/** LstsummaryUser: the core filters, orders and pages the site's users (read in one snapshot). */
export const lstsummaryUser = (ctx: OperationContext, auth: Authenticated, body: LstsummaryUserBody): Promise<string> =>
  ctx.db.transaction(async (tx) => {
    const caller = await findUserById(tx, auth.site.id, auth.caller.id, 'none')
    if (caller === undefined) return renderFailureResponse(INCORRECT_USER_OR_PASSWORD)
    const users = (await listUsers(tx, auth.site.id)).map((u) => u.user)
    return renderLstsummaryUserResponse(
      applyLstsummaryUser(await siteContextOf(tx, auth.site), users, { caller: callerOf(caller), body }),
    )
  })
