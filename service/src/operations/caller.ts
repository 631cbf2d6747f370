/**
 * Who is calling (issue 11 item 5): the securityContext's site, user and credential, checked
 * against the database. Every failure is 030002 "Incorrect user or password", whether the user
 * exists or not; a session ticket that is unknown, expired, of another user or of another site is
 * 030047 "Not a valid session ticket" (corpus response-failure-erolms-030047).
 */
import type { User } from 'webex-user-rules'
import type { SecurityContext } from 'webex-user-rules/xml'
import { newTicket, sha256, tokenAccepted, verifyPassword } from '../auth.js'
import type { Queryable } from '../db/database.js'
import {
  type Credentials,
  type CredentialRead,
  findUserById,
  type LoginUser,
  readCredentials,
  readCredentialsWithDocument,
  type SiteRecord,
  type StoredUser,
  type TicketCredentials,
} from '../db/store.js'

/** A Webex failure answer: exceptionID and reason. */
export interface Failure {
  readonly exceptionID: string
  readonly reason: string
}

/** 030002, as the real server words it (corpus response-failure-java-030002). */
export const INCORRECT_USER_OR_PASSWORD: Failure = { exceptionID: '030002', reason: 'Incorrect user or password' }
/** 030047, as the real server words it (corpus response-failure-erolms-030047). */
export const INVALID_TICKET: Failure = { exceptionID: '030047', reason: 'Not a valid session ticket' }

/**
 * An authenticated caller: the site, and the stored user (whose role the operation re-reads) —
 * by default as a {@link LoginUser}, without their document (D-SP-7).
 */
export interface Authenticated<U extends LoginUser = LoginUser> {
  readonly site: SiteRecord
  readonly caller: U
}

export type Authentication<U extends LoginUser = LoginUser> =
  { readonly ok: true; readonly value: Authenticated<U> } | { readonly ok: false; readonly failure: Failure }

const fail = <U extends LoginUser>(failure: Failure): Authentication<U> => ({ ok: false, failure })

/** D-SV-7: a deactivated user cannot sign in, as on a Webex site. */
const mayLogIn = (user: Pick<User, 'active'>): boolean => user.active !== 'DEACTIVATED'

/**
 * Checks the securityContext. The credential is the session ticket when one is sent, else the
 * access token, else the password; with none of them the request fails (a caller who only names
 * a user is not that user).
 */
export const authenticate = (db: Queryable, context: SecurityContext): Promise<Authentication> =>
  authenticateWith(db, context, readCredentials)

/** {@link authenticate}, the caller with their whole document (AuthenticateUser answers with it). */
export const authenticateWithDocument = (
  db: Queryable,
  context: SecurityContext,
): Promise<Authentication<StoredUser>> => authenticateWith(db, context, readCredentialsWithDocument)

const authenticateWith = async <U extends LoginUser>(
  db: Queryable,
  context: SecurityContext,
  read: (db: Queryable, named: Credentials) => Promise<CredentialRead<U>>,
): Promise<Authentication<U | StoredUser>> => {
  const named = context.webExID ?? context.email
  // the site, the named user and the ticket's session in one round trip (D-SP-2)
  const { site, user, sessionUserId } = await read(db, {
    ...(context.siteID === undefined ? {} : { siteID: context.siteID }),
    ...(context.siteName === undefined ? {} : { siteName: context.siteName }),
    ...(context.webExID !== undefined ? { webExID: context.webExID } : named === undefined ? {} : { email: named }),
    ...(context.sessionTicket === undefined ? {} : { ticketHash: sha256(context.sessionTicket) }),
  })

  if (context.sessionTicket !== undefined) {
    if (site === undefined || sessionUserId === undefined) return fail(INVALID_TICKET)
    // bound to its user: a ticket presented with another user's name is not valid for them
    const owner = named === undefined ? await findUserById(db, site.id, sessionUserId, 'none') : user
    return judgeTicket({ site, user: owner, sessionUserId })
  }

  if (context.accessToken !== undefined) {
    const accepted = site !== undefined && tokenAccepted(context.accessToken, site.accessTokenHashes)
    if (!accepted || user === undefined || !mayLogIn(user.user)) return fail(INCORRECT_USER_OR_PASSWORD)
    return { ok: true, value: { site, caller: user } }
  }

  if (context.password !== undefined) {
    // one scrypt whatever happens: unknown users and users without a password meet a dummy hash
    const matches = await verifyPassword(context.password, user?.passwordHash)
    if (!matches || site === undefined || user === undefined || !mayLogIn(user.user))
      return fail(INCORRECT_USER_OR_PASSWORD)
    return { ok: true, value: { site, caller: user } }
  }

  return fail(INCORRECT_USER_OR_PASSWORD)
}

/**
 * The ticket path's verdict on what {@link readCredentials} read for a context that named its user:
 * a live session of the site, of the user named, who may sign in. The SQL of D-SP-10
 * (`SIGNED_IN` in db/store.ts) states the same condition for the statements that authenticate
 * and read (or lock) at once.
 */
export const judgeTicket = <U extends LoginUser>(read: CredentialRead<U>): Authentication<U> => {
  const { site, user, sessionUserId } = read
  if (site === undefined || sessionUserId === undefined || user?.id !== sessionUserId) return fail(INVALID_TICKET)
  return mayLogIn(user.user) ? { ok: true, value: { site, caller: user } } : fail(INVALID_TICKET)
}

/**
 * The credentials of a securityContext that authenticates by session ticket and names its site
 * and user (D-SP-10): such a request can authenticate in its operation's first statement.
 * Undefined for every other context (they authenticate first, as {@link authenticate} does).
 */
export const ticketCredentials = (context: SecurityContext): TicketCredentials | undefined => {
  const { sessionTicket, siteID, siteName, webExID, email } = context
  if (sessionTicket === undefined || (siteID === undefined && siteName === undefined)) return undefined
  if (webExID === undefined && email === undefined) return undefined
  return {
    ticketHash: sha256(sessionTicket),
    ...(siteID !== undefined ? { siteID } : siteName !== undefined ? { siteName } : {}),
    ...(webExID !== undefined ? { webExID } : email !== undefined ? { email } : {}),
  }
}

/**
 * A new session ticket for the user (AuthenticateUser): 256 random bits, of which only the
 * SHA-256 is stored, with the site's time to live. Returns the ticket and its times.
 */
export const issueSessionTicket = async (
  db: Queryable,
  site: SiteRecord,
  userId: number,
): Promise<{ readonly ticket: string; readonly createTime: Date; readonly timeToLive: number }> => {
  const ticket = newTicket()
  const [row] = await db.query<{ created_at: Date | string }>(
    `INSERT INTO sessions (ticket_hash, user_id, site_id, created_at, expires_at)
     VALUES ($1, $2, $3, now(), now() + make_interval(secs => $4)) RETURNING created_at`,
    [sha256(ticket), userId, site.id, site.ticketTtlSeconds],
  )
  return { ticket, createTime: new Date(row?.created_at ?? Date.now()), timeToLive: site.ticketTtlSeconds }
}
