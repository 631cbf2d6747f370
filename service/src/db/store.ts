/**
 * The SQL of the operations: reading the site and users (with the locks each operation needs),
 * the parts of `SiteContext` a request needs, writing users and effects. The same SQL on PGlite
 * and PostgreSQL.
 */
import { countsAsHost, type Effect, MASKED_PASSWORD, type SiteContext, type User } from 'webex-user-rules'
import type { Queryable, Row } from './database.js'
import { documentFromStored, storedDocumentOf } from './document.js'

/** The site as configured: `SiteContext` without what the database computes. */
export type SiteSettings = Omit<SiteContext, 'activeHostCount' | 'takenWebExIds' | 'takenEmails'>

export interface SiteRecord {
  readonly id: number
  readonly name: string
  readonly settings: SiteSettings
  readonly accessTokenHashes: readonly string[]
  readonly ticketTtlSeconds: number
  /** R6: users counted against the host limit when the row was read (migration 3's counter). */
  readonly activeHostCount: number
}

/** A stored user: the engine's `User` (with `userId`; a stored password shows as the mask). */
export interface StoredUser {
  readonly id: number
  readonly user: User
  readonly passwordHash: string | null
}

interface SiteRow {
  id: string
  name: string
  settings: SiteSettings
  access_token_hashes: string[]
  ticket_ttl_seconds: number
  active_host_count: number
  [column: string]: unknown
}

interface UserRow {
  id: string
  web_ex_id: string
  /** As stored (D-SP-11): a difference from a baseline, or a whole document. */
  doc: Readonly<Record<string, unknown>>
  password_hash: string | null
  [column: string]: unknown
}

const SITE_COLUMNS = 'id, name, settings, access_token_hashes, ticket_ttl_seconds, active_host_count'
const USER_COLUMNS = 'id, web_ex_id, doc, password_hash'

const toSite = (row: SiteRow): SiteRecord => ({
  id: Number(row.id),
  name: row.name,
  settings: row.settings,
  accessTokenHashes: row.access_token_hashes,
  ticketTtlSeconds: row.ticket_ttl_seconds,
  activeHostCount: row.active_host_count,
})

/**
 * The row as the engine sees the user: the whole document (D-SP-11), its name and userId from the
 * columns, and the mask for a stored password (the engine never sees a hash).
 */
const toUser = (row: UserRow): StoredUser => ({
  id: Number(row.id),
  passwordHash: row.password_hash,
  user: {
    ...(documentFromStored(row.doc) as Omit<User, 'webExId'>),
    webExId: row.web_ex_id,
    userId: Number(row.id),
    ...(row.password_hash === null ? {} : { password: MASKED_PASSWORD }),
  },
})

/** How a read treats the rows: `update` locks them (FOR UPDATE) until the transaction ends. */
export type Lock = 'none' | 'update'
const lockClause = (lock: Lock): string => (lock === 'update' ? ' FOR UPDATE' : '')

// -------------------------------------------------------------------------------------
// sites
// -------------------------------------------------------------------------------------

export const readSite = async (tx: Queryable, siteId: number, lock: Lock): Promise<SiteRecord | undefined> => {
  const [row] = await tx.query<SiteRow>(`SELECT ${SITE_COLUMNS} FROM site WHERE id = $1${lockClause(lock)}`, [siteId])
  return row === undefined ? undefined : toSite(row)
}

/** The site a securityContext names (siteID, else siteName), or the only site when it names none. */
export const findSite = async (
  tx: Queryable,
  named: { readonly siteID?: number; readonly siteName?: string },
): Promise<SiteRecord | undefined> => {
  const rows =
    named.siteID !== undefined
      ? await tx.query<SiteRow>(`SELECT ${SITE_COLUMNS} FROM site WHERE id = $1`, [named.siteID])
      : named.siteName !== undefined
        ? await tx.query<SiteRow>(`SELECT ${SITE_COLUMNS} FROM site WHERE lower(name) = lower($1)`, [named.siteName])
        : await tx.query<SiteRow>(`SELECT ${SITE_COLUMNS} FROM site ORDER BY id LIMIT 2`)
  const [row, second] = rows
  // no name and several sites: the request is ambiguous, as an unknown site is
  return row === undefined || second !== undefined ? undefined : toSite(row)
}

export const listSites = async (tx: Queryable): Promise<SiteRecord[]> =>
  (await tx.query<SiteRow>(`SELECT ${SITE_COLUMNS} FROM site ORDER BY id`)).map(toSite)

// -------------------------------------------------------------------------------------
// users
// -------------------------------------------------------------------------------------

/** The user named `webExId` (case-insensitive, D-R20), locked when asked. */
export const findUser = async (
  tx: Queryable,
  siteId: number,
  webExId: string,
  lock: Lock,
): Promise<StoredUser | undefined> => {
  const [row] = await tx.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users WHERE site_id = $1 AND lower(web_ex_id) = lower($2)${lockClause(lock)}`,
    [siteId, webExId],
  )
  return row === undefined ? undefined : toUser(row)
}

export const findUserById = async (
  tx: Queryable,
  siteId: number,
  userId: number,
  lock: Lock,
): Promise<StoredUser | undefined> => {
  const [row] = await tx.query<UserRow>(
    `SELECT ${USER_COLUMNS} FROM users WHERE site_id = $1 AND id = $2${lockClause(lock)}`,
    [siteId, userId],
  )
  return row === undefined ? undefined : toUser(row)
}

/** A user's columns under a prefix (`t_id`, `t_doc`, …): the joined reads below return two users a row. */
const prefixedUser = (prefix: string): string =>
  ['id', 'web_ex_id', 'doc', 'password_hash'].map((column) => `${prefix}.${column} AS ${prefix}_${column}`).join(', ')

const userFrom = (row: Row, prefix: string): StoredUser | undefined => {
  // bigint ids arrive as strings (pg) or numbers (PGlite)
  const id = row[`${prefix}_id`]
  if (typeof id !== 'string' && typeof id !== 'number') return undefined
  return toUser({
    id: String(id),
    web_ex_id: row[`${prefix}_web_ex_id`] as string,
    doc: row[`${prefix}_doc`] as UserRow['doc'],
    password_hash: row[`${prefix}_password_hash`] as string | null,
  })
}

/**
 * What an operation needs of its caller: who they are and the input of their role (`callerRole`
 * reads only `privilege`). Read without the rest of their document (D-SP-7): a user's document
 * is some 3 KB of JSON that the request would carry, decode and parse for nothing.
 */
export interface StoredCaller {
  readonly id: number
  readonly user: Pick<User, 'webExId' | 'privilege'>
}

/** The caller's columns under a prefix: id, name and the privilege element of the document. */
const prefixedCaller = (prefix: string): string =>
  `${prefix}.id AS ${prefix}_id, ${prefix}.web_ex_id AS ${prefix}_web_ex_id, ${prefix}.doc -> 'privilege' AS ${prefix}_privilege`

const callerFrom = (row: Row, prefix: string): StoredCaller | undefined => {
  const id = row[`${prefix}_id`]
  if (typeof id !== 'string' && typeof id !== 'number') return undefined
  const privilege = row[`${prefix}_privilege`] as User['privilege'] | null
  return {
    id: Number(id),
    user: {
      webExId: row[`${prefix}_web_ex_id`] as string,
      ...(privilege === null || privilege === undefined ? {} : { privilege }),
    },
  }
}

/** What a write to one user reads, in one statement. */
export interface WriteTarget {
  readonly site: SiteRecord
  /** Locked (FOR UPDATE) until the transaction ends. */
  readonly target: StoredUser
  /** The caller as stored (the target itself when they edit themselves); undefined when gone. */
  readonly caller: StoredCaller | undefined
}

/**
 * Locks the user named `webExId` (case-insensitive, D-R20) and reads, in the same statement, the
 * site row and the caller (D-SP-2: one round trip instead of three). The site row is not locked
 * here: an operation that needs it held has locked it before (lock order site, then user).
 * Undefined when the user does not exist.
 */
export const lockWriteTarget = async (
  tx: Queryable,
  siteId: number,
  webExId: string,
  callerId: number,
): Promise<WriteTarget | undefined> => {
  const [row] = await tx.query(
    `SELECT ${SITE_COLUMNS.split(', ')
      .map((column) => `s.${column}`)
      .join(', ')}, ${prefixedUser('t')}, ${prefixedCaller('c')}
     FROM users t
     JOIN site s ON s.id = t.site_id
     LEFT JOIN users c ON c.site_id = t.site_id AND c.id = $3 AND c.id <> t.id
     WHERE t.site_id = $1 AND lower(t.web_ex_id) = lower($2)
     FOR UPDATE OF t`,
    [siteId, webExId, callerId],
  )
  const target = row === undefined ? undefined : userFrom(row, 't')
  if (row === undefined || target === undefined) return undefined
  return { site: toSite(row as SiteRow), target, caller: target.id === callerId ? target : callerFrom(row, 'c') }
}

/**
 * The caller (by userId) and the user named `webExId`, in one statement and so from one
 * snapshot, without locks (reads). `caller` undefined: the caller is no longer stored.
 */
export const readCallerAndUser = async (
  tx: Queryable,
  siteId: number,
  callerId: number,
  webExId: string,
): Promise<{ readonly caller: StoredCaller | undefined; readonly target: StoredUser | undefined }> => {
  const [row] = await tx.query(
    `SELECT ${prefixedCaller('c')}, ${prefixedUser('t')}
     FROM users c
     LEFT JOIN users t ON t.site_id = c.site_id AND lower(t.web_ex_id) = lower($3)
     WHERE c.site_id = $1 AND c.id = $2`,
    [siteId, callerId, webExId],
  )
  return row === undefined
    ? { caller: undefined, target: undefined }
    : { caller: callerFrom(row, 'c'), target: userFrom(row, 't') }
}

/** How a securityContext names its site and user. */
export interface Credentials {
  readonly siteID?: number
  readonly siteName?: string
  readonly webExID?: string
  readonly email?: string
  /** SHA-256 (hex) of the session ticket sent, if one was. */
  readonly ticketHash?: string
}

/**
 * A user as authentication needs them (D-SP-7): who they are, the password hash, and the two
 * elements a sign-in and a role read (`active`, `privilege`), without the rest of the document.
 */
export interface LoginUser {
  readonly id: number
  readonly passwordHash: string | null
  readonly user: Pick<User, 'webExId' | 'active' | 'privilege'>
}

const LOGIN_USER_COLUMNS =
  "u.id AS u_id, u.web_ex_id AS u_web_ex_id, u.password_hash AS u_password_hash, u.doc -> 'active' AS u_active, u.doc -> 'privilege' AS u_privilege"

const loginUserFrom = (row: Row): LoginUser | undefined => {
  const id = row['u_id']
  if (typeof id !== 'string' && typeof id !== 'number') return undefined
  const active = row['u_active'] as User['active'] | null
  const privilege = row['u_privilege'] as User['privilege'] | null
  return {
    id: Number(id),
    passwordHash: row['u_password_hash'] as string | null,
    user: {
      webExId: row['u_web_ex_id'] as string,
      ...(active === null || active === undefined ? {} : { active }),
      ...(privilege === null || privilege === undefined ? {} : { privilege }),
    },
  }
}

/** What authentication reads. */
export interface CredentialRead<U extends LoginUser = LoginUser> {
  /** Undefined when the context names no stored site, or names none and there are several. */
  readonly site: SiteRecord | undefined
  /** The user the context names (webExID, else email) on that site. */
  readonly user: U | undefined
  /** The user whose live (unexpired) session of that site the ticket is; undefined when none. */
  readonly sessionUserId: number | undefined
}

/**
 * The site, the named user and the session of a securityContext in one statement (D-SP-2): the
 * authentication of every request costs one round trip. The user as {@link LoginUser}; see
 * {@link readCredentialsWithDocument} for the whole stored user.
 */
export const readCredentials = (tx: Queryable, named: Credentials): Promise<CredentialRead> =>
  credentials(tx, named, LOGIN_USER_COLUMNS, loginUserFrom)

/** {@link readCredentials} with the named user's whole document (AuthenticateUser answers with it). */
export const readCredentialsWithDocument = (tx: Queryable, named: Credentials): Promise<CredentialRead<StoredUser>> =>
  credentials(tx, named, prefixedUser('u'), (row) => userFrom(row, 'u'))

/** The statement {@link readCredentials} runs: its text and parameters, more may be appended. */
interface CredentialStatement {
  readonly sql: string
  readonly params: unknown[]
  /** Appends a parameter and returns its placeholder. */
  readonly param: (value: unknown) => string
}

const credentialStatement = (named: Credentials, userColumns: string): CredentialStatement => {
  const params: unknown[] = []
  const param = (value: unknown): string => {
    params.push(value)
    return `$${String(params.length)}`
  }
  const siteWhere =
    named.siteID !== undefined
      ? `id = ${param(named.siteID)}`
      : named.siteName !== undefined
        ? `lower(name) = lower(${param(named.siteName)})`
        : 'true'
  const userOn =
    named.webExID !== undefined
      ? `lower(u.web_ex_id) = lower(${param(named.webExID)})`
      : named.email !== undefined
        ? `lower(u.email) = lower(${param(named.email)})`
        : 'false'
  const session =
    named.ticketHash === undefined
      ? 'NULL::bigint'
      : `(SELECT user_id FROM sessions WHERE ticket_hash = ${param(named.ticketHash)} AND site_id = s.id AND expires_at > now())`
  const sql = `SELECT ${SITE_COLUMNS.split(', ')
    .map((column) => `s.${column}`)
    .join(', ')}, ${userColumns}, ${session} AS session_user_id
     FROM (SELECT ${SITE_COLUMNS} FROM site WHERE ${siteWhere} ORDER BY id LIMIT 2) s
     LEFT JOIN users u ON u.site_id = s.id AND ${userOn}
     ORDER BY s.id, u.id`
  return { sql, params, param }
}

const credentialsFrom = <U extends LoginUser>(
  rows: readonly Row[],
  userOf: (row: Row) => U | undefined,
): CredentialRead<U> => {
  const [row] = rows
  // no name and several sites: the request is ambiguous, as an unknown site is
  if (row === undefined || rows.some((other) => other['id'] !== row['id']))
    return { site: undefined, user: undefined, sessionUserId: undefined }
  const sessionUser = row['session_user_id']
  return {
    site: toSite(row as SiteRow),
    user: userOf(row),
    sessionUserId: sessionUser === null || sessionUser === undefined ? undefined : Number(sessionUser),
  }
}

const credentials = async <U extends LoginUser>(
  tx: Queryable,
  named: Credentials,
  userColumns: string,
  userOf: (row: Row) => U | undefined,
): Promise<CredentialRead<U>> => {
  const { sql, params } = credentialStatement(named, userColumns)
  return credentialsFrom(await tx.query(sql, params), userOf)
}

/**
 * A session ticket's credentials that name their site and user (D-SP-10): what an operation needs
 * to authenticate in its own first statement.
 */
export interface TicketCredentials extends Credentials {
  readonly ticketHash: string
}

/**
 * The condition, over the `cred` row of {@link credentialStatement}, under which the ticket path
 * of authentication signs the caller in (`judgeTicket` in operations/caller.ts decides the same
 * from the same row): a live session of the site whose user is the one named, not deactivated.
 */
const SIGNED_IN = `cred.session_user_id = cred.u_id AND cred.u_active IS DISTINCT FROM '"DEACTIVATED"'::jsonb`

/** A credential read, and what the operation's statement read in it when the caller is signed in. */
export interface CredentialsAnd<T> {
  readonly credentials: CredentialRead
  /** Undefined when the caller is not signed in, or the operation found nothing. */
  readonly read: T | undefined
}

/**
 * D-SP-10, SetUser: authentication and {@link lockWriteTarget} in ONE statement (one snapshot).
 * The user named `webExId` is locked only when the ticket signs its user in ({@link SIGNED_IN}):
 * a caller who is not signed in never waits for, nor holds, a user's lock. The caller of the
 * write is the signed-in user, read in the same statement.
 */
export const readCredentialsAndLockTarget = async (
  tx: Queryable,
  named: TicketCredentials,
  webExId: string,
): Promise<CredentialsAnd<WriteTarget>> => {
  const statement = credentialStatement(named, LOGIN_USER_COLUMNS)
  const target = statement.param(webExId)
  const rows = await tx.query(
    `WITH cred AS (${statement.sql}),
     w AS (
       SELECT ${prefixedUser('t')}
       FROM cred
       JOIN users t ON t.site_id = cred.id AND lower(t.web_ex_id) = lower(${target})
       WHERE ${SIGNED_IN}
       FOR UPDATE OF t
     )
     SELECT cred.*, w.* FROM cred LEFT JOIN w ON true`,
    statement.params,
  )
  const credentials = credentialsFrom(rows, loginUserFrom)
  const [row] = rows
  const locked = row === undefined ? undefined : userFrom(row, 't')
  const { site, user } = credentials
  if (locked === undefined || site === undefined || user === undefined) return { credentials, read: undefined }
  return { credentials, read: { site, target: locked, caller: locked.id === user.id ? locked : user } }
}

/**
 * D-SP-10, GetUser: authentication and the user named `webExId` in ONE statement (one snapshot,
 * no lock); the user is read only when the ticket signs its caller in ({@link SIGNED_IN}).
 */
export const readCredentialsAndUser = async (
  tx: Queryable,
  named: TicketCredentials,
  webExId: string,
): Promise<CredentialsAnd<StoredUser>> => {
  const statement = credentialStatement(named, LOGIN_USER_COLUMNS)
  const target = statement.param(webExId)
  const rows = await tx.query(
    `WITH cred AS (${statement.sql})
     SELECT cred.*, ${prefixedUser('t')} FROM cred
     LEFT JOIN users t ON t.site_id = cred.id AND lower(t.web_ex_id) = lower(${target}) AND ${SIGNED_IN}`,
    statement.params,
  )
  const [row] = rows
  return { credentials: credentialsFrom(rows, loginUserFrom), read: row === undefined ? undefined : userFrom(row, 't') }
}

/** The users named (case-insensitive), locked in id order: two such requests cannot deadlock. */
export const lockUsers = async (tx: Queryable, siteId: number, webExIds: readonly string[]): Promise<StoredUser[]> =>
  (
    await tx.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM users WHERE site_id = $1 AND lower(web_ex_id) = ANY($2::text[]) ORDER BY id FOR UPDATE`,
      [siteId, webExIds.map((name) => name.toLowerCase())],
    )
  ).map(toUser)

/** Every user of the site, in userId order (export). */
export const listUsers = async (tx: Queryable, siteId: number): Promise<StoredUser[]> =>
  (await tx.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE site_id = $1 ORDER BY id`, [siteId])).map(toUser)

/**
 * R6: the users counted against the host limit now: the site row's counter, which triggers keep
 * in step with `counts_as_host` (migration 3, D-SP-1), so its cost does not grow with the site.
 */
export const activeHostCount = async (tx: Queryable, siteId: number): Promise<number> => {
  const [row] = await tx.query<{ n: number }>('SELECT active_host_count AS n FROM site WHERE id = $1', [siteId])
  return row?.n ?? 0
}

const present = (names: readonly (string | undefined)[]): string[] =>
  names.flatMap((name) => (name === undefined || name === '' ? [] : [name.toLowerCase()]))

/**
 * R14: which of `names` another user has now or had before (the user's own prior names are not
 * taken for them). Only the names the request mentions are looked up: the cost does not grow
 * with the site.
 */
export const takenWebExIds = async (
  tx: Queryable,
  siteId: number,
  names: readonly (string | undefined)[],
  exceptUserId: number | undefined,
): Promise<string[]> => {
  const wanted = present(names)
  if (wanted.length === 0) return []
  const rows = await tx.query<{ name: string }>(
    `SELECT web_ex_id AS name FROM users WHERE site_id = $1 AND lower(web_ex_id) = ANY($2::text[]) AND id <> $3
     UNION ALL
     SELECT web_ex_id AS name FROM prior_names WHERE site_id = $1 AND lower(web_ex_id) = ANY($2::text[]) AND user_id <> $3`,
    [siteId, wanted, exceptUserId ?? 0],
  )
  return rows.map((r) => r.name)
}

/** 030005: which of `emails` another user of the site has. */
export const takenEmails = async (
  tx: Queryable,
  siteId: number,
  emails: readonly (string | undefined)[],
  exceptUserId: number | undefined,
): Promise<string[]> => {
  const wanted = present(emails)
  if (wanted.length === 0) return []
  const rows = await tx.query<{ email: string }>(
    'SELECT email FROM users WHERE site_id = $1 AND lower(email) = ANY($2::text[]) AND id <> $3',
    [siteId, wanted, exceptUserId ?? 0],
  )
  return rows.map((r) => r.email)
}

/**
 * The document stored for a user: neither the password (a hash column) nor the userId (the key),
 * and only what differs from the baseline (D-SP-11).
 */
const documentOf = (user: User): Readonly<Record<string, unknown>> => {
  const { password: _hashed, userId: _key, ...doc } = user
  return storedDocumentOf(doc)
}

const emailOf = (user: User): string | null => (user.email === undefined || user.email === '' ? null : user.email)

/** Stores a new user; returns its userId (from the sequence). */
export const insertUser = async (
  tx: Queryable,
  siteId: number,
  user: User,
  passwordHash: string | null,
): Promise<number> => {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO users (site_id, web_ex_id, email, counts_as_host, doc, password_hash)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING id`,
    [siteId, user.webExId, emailOf(user), countsAsHost(user), JSON.stringify(documentOf(user)), passwordHash],
  )
  if (row === undefined) throw new Error('INSERT … RETURNING returned no row')
  return Number(row.id)
}

/** Replaces a stored user; a new webExId keeps the old one as a prior name (R14). */
export const updateUser = async (
  tx: Queryable,
  siteId: number,
  before: StoredUser,
  user: User,
  passwordHash: string | null,
): Promise<void> => {
  // writes whose answers nothing reads: sent without waiting, with the COMMIT (D-SP-6)
  await tx.execute(
    'UPDATE users SET web_ex_id = $2, email = $3, counts_as_host = $4, doc = $5::jsonb, password_hash = $6 WHERE id = $1',
    [before.id, user.webExId, emailOf(user), countsAsHost(user), JSON.stringify(documentOf(user)), passwordHash],
  )
  if (before.user.webExId !== user.webExId)
    await tx.execute('INSERT INTO prior_names (site_id, user_id, web_ex_id) VALUES ($1, $2, $3)', [
      siteId,
      before.id,
      before.user.webExId,
    ])
}

/** Queues the effects for the dispatcher, in the operation's transaction. */
export const insertEffects = async (
  tx: Queryable,
  siteId: number,
  operation: string,
  webExId: string,
  effects: readonly Effect[],
): Promise<void> => {
  if (effects.length === 0) return
  // one statement for all of them (D-SP-2); unnest keeps their order, so their ids follow it
  await tx.execute(
    `INSERT INTO outbox (site_id, operation, web_ex_id, kind, payload)
     SELECT $1, $2, $3, e.kind, e.payload FROM unnest($4::text[], $5::jsonb[]) WITH ORDINALITY AS e (kind, payload, n)
     ORDER BY e.n`,
    [
      siteId,
      operation,
      webExId,
      effects.map((effect) => effect.kind),
      effects.map(({ kind: _kind, ...details }) => JSON.stringify(details)),
    ],
  )
}
