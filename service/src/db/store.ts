/**
 * The SQL of the operations: reading the site and users (with the locks each operation needs),
 * the parts of `SiteContext` a request needs, writing users and effects. The same SQL on PGlite
 * and PostgreSQL.
 */
import { countsAsHost, type Effect, MASKED_PASSWORD, type SiteContext, type User } from 'webex-user-rules'
import type { Queryable } from './database.js'

/** The site as configured: `SiteContext` without what the database computes. */
export type SiteSettings = Omit<SiteContext, 'activeHostCount' | 'takenWebExIds' | 'takenEmails'>

export interface SiteRecord {
  readonly id: number
  readonly name: string
  readonly settings: SiteSettings
  readonly accessTokenHashes: readonly string[]
  readonly ticketTtlSeconds: number
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
  [column: string]: unknown
}

interface UserRow {
  id: string
  web_ex_id: string
  doc: User
  password_hash: string | null
  [column: string]: unknown
}

const SITE_COLUMNS = 'id, name, settings, access_token_hashes, ticket_ttl_seconds'
const USER_COLUMNS = 'id, web_ex_id, doc, password_hash'

const toSite = (row: SiteRow): SiteRecord => ({
  id: Number(row.id),
  name: row.name,
  settings: row.settings,
  accessTokenHashes: row.access_token_hashes,
  ticketTtlSeconds: row.ticket_ttl_seconds,
})

/**
 * The row as the engine sees the user: the document, its name and userId from the columns, and
 * the mask for a stored password (the engine never sees a hash).
 */
const toUser = (row: UserRow): StoredUser => ({
  id: Number(row.id),
  passwordHash: row.password_hash,
  user: {
    ...row.doc,
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

/** R6: the users counted against the host limit now (an index-only count). */
export const activeHostCount = async (tx: Queryable, siteId: number): Promise<number> => {
  const [row] = await tx.query<{ n: string }>('SELECT count(*) AS n FROM users WHERE site_id = $1 AND counts_as_host', [
    siteId,
  ])
  return Number(row?.n ?? 0)
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

/** The document stored for a user: neither the password (a hash column) nor the userId (the key). */
const documentOf = (user: User): Omit<User, 'password' | 'userId'> => {
  const { password: _hashed, userId: _key, ...doc } = user
  return doc
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
  await tx.query(
    'UPDATE users SET web_ex_id = $2, email = $3, counts_as_host = $4, doc = $5::jsonb, password_hash = $6 WHERE id = $1',
    [before.id, user.webExId, emailOf(user), countsAsHost(user), JSON.stringify(documentOf(user)), passwordHash],
  )
  if (before.user.webExId !== user.webExId)
    await tx.query('INSERT INTO prior_names (site_id, user_id, web_ex_id) VALUES ($1, $2, $3)', [
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
  for (const effect of effects) {
    const { kind, ...details } = effect
    await tx.query(
      'INSERT INTO outbox (site_id, operation, web_ex_id, kind, payload) VALUES ($1, $2, $3, $4, $5::jsonb)',
      [siteId, operation, webExId, kind, JSON.stringify(details)],
    )
  }
}
