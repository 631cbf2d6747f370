/**
 * Import and export (issue 11 item 2). A seed is JSON:
 *
 * ```json
 * { "siteName": "examplesite", "siteId": 1, "accessTokens": ["…"], "ticketTimeToLive": 5400,
 *   "site": { "hostLimit": 4, "allowUserToChangeUserName": true, "productIds": [], "controlHubManaged": false },
 *   "users": [{ "webExId": "admin", "password": "…", "privilege": { "siteAdmin": true } }] }
 * ```
 *
 * or `{ "sites": [ …that, per site… ] }`. A user's `password` is hashed on import (scrypt); an
 * export carries `passwordHash` instead, which import takes as it is. Users may also come from
 * GetUser responses (`parseGetUserResponse`). Every imported user is stored as a real site stores
 * it (D-SV-11, issue 11 item 7): what the seed gives, completed by the core's `withUserDefaults` with
 * the elements a real getUserResponse always carries (its site's time zone and language, a
 * registrationDate of the time it is stored, …), and a userId from the database's sequence.
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { SiteContext, User } from 'webex-user-rules'
import { withUserDefaults } from 'webex-user-rules/new-user'
import { parseGetUserResponse } from 'webex-user-rules/xml'
import { hashPassword, sha256 } from './auth.js'
import type { Database, Queryable } from './db/database.js'
import { findUser, insertUser, listSites, listUsers, readSite, type SiteSettings, updateUser } from './db/store.js'

/** One site of a seed, decoded. */
export interface SiteSeed {
  readonly siteName: string
  readonly siteId: number
  readonly settings: SiteSettings
  readonly accessTokenHashes: readonly string[]
  readonly ticketTimeToLive: number
  readonly users: readonly UserSeed[]
}

export interface UserSeed {
  readonly user: User
  /** A plaintext password to hash, or a stored hash to keep. */
  readonly password?: { readonly plain: string } | { readonly hash: string }
}

/** The default site name and id when a seed names none. */
export const DEFAULT_SITE_NAME = 'examplesite'
export const DEFAULT_SITE_ID = 1
/** Session tickets live 90 minutes unless the seed says otherwise (D-SV-6). */
export const DEFAULT_TICKET_TTL = 5400

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** io-ts errors as paths only: a value may be a secret, so none is shown. */
const paths = (where: string, errors: t.Errors): string =>
  [
    ...new Set(
      errors.map((e) => {
        const path = e.context
          .map((c) => c.key)
          .filter((k) => k !== '')
          .join('.')
        return `${where}${path === '' ? '' : `.${path}`}`
      }),
    ),
  ].join(', ')

const decodeUser = (raw: unknown, where: string): E.Either<string, UserSeed> => {
  if (!isObject(raw) || typeof raw['webExId'] !== 'string' || raw['webExId'] === '')
    return E.left(`${where}.webExId: expected a non-empty string`)
  const { password, passwordHash, userId: _assigned, ...rest } = raw
  if (password !== undefined && typeof password !== 'string') return E.left(`${where}.password: expected a string`)
  if (passwordHash !== undefined && (typeof passwordHash !== 'string' || !passwordHash.startsWith('scrypt$')))
    return E.left(`${where}.passwordHash: expected an scrypt hash from an export`)
  // validated as given; completed when stored (importUsers), where the site and the clock are known
  const user = User.decode(rest)
  if (E.isLeft(user)) return E.left(`${where}: ${paths(where, user.left)} invalid`)
  return E.right({
    user: user.right,
    ...(typeof password === 'string' && password !== ''
      ? { password: { plain: password } }
      : typeof passwordHash === 'string'
        ? { password: { hash: passwordHash } }
        : {}),
  })
}

const decodeSite = (raw: unknown, where: string, index: number): E.Either<string, SiteSeed> => {
  if (!isObject(raw)) return E.left(`${where}: expected an object`)
  const { site, users, siteName, siteId, accessTokens, accessTokenHashes, ticketTimeToLive } = raw
  if (!isObject(site))
    return E.left(`${where}.site: expected the site's settings (SiteContext without the computed fields)`)
  const settings = SiteContext.decode({ ...site, activeHostCount: 0, takenWebExIds: [] })
  if (E.isLeft(settings)) return E.left(`${where}.site: ${paths(`${where}.site`, settings.left)} invalid`)
  if (siteName !== undefined && (typeof siteName !== 'string' || siteName === ''))
    return E.left(`${where}.siteName: expected a non-empty string`)
  if (siteId !== undefined && (!Number.isSafeInteger(siteId) || (siteId as number) < 1))
    return E.left(`${where}.siteId: expected a positive integer`)
  if (accessTokens !== undefined && !(Array.isArray(accessTokens) && accessTokens.every((x) => typeof x === 'string')))
    return E.left(`${where}.accessTokens: expected a list of strings`)
  if (
    accessTokenHashes !== undefined &&
    !(
      Array.isArray(accessTokenHashes) &&
      accessTokenHashes.every((x) => typeof x === 'string' && /^[0-9a-f]{64}$/.test(x))
    )
  )
    return E.left(`${where}.accessTokenHashes: expected a list of SHA-256 hashes (hex) from an export`)
  if (ticketTimeToLive !== undefined && (!Number.isSafeInteger(ticketTimeToLive) || (ticketTimeToLive as number) < 1))
    return E.left(`${where}.ticketTimeToLive: expected a positive number of seconds`)
  if (!Array.isArray(users)) return E.left(`${where}.users: expected a list`)
  const decoded: UserSeed[] = []
  const seen = new Set<string>()
  for (const [i, candidate] of (users as unknown[]).entries()) {
    const user = decodeUser(candidate, `${where}.users[${String(i)}]`)
    if (E.isLeft(user)) return user
    const key = user.right.user.webExId.toLowerCase()
    if (seen.has(key)) return E.left(`${where}.users[${String(i)}]: webExId ${user.right.user.webExId} twice`)
    seen.add(key)
    decoded.push(user.right)
  }
  const { activeHostCount: _computed, takenWebExIds: _alsoComputed, takenEmails: _andThis, ...rest } = settings.right
  return E.right({
    siteName: siteName ?? (index === 0 ? DEFAULT_SITE_NAME : `site${String(index + 1)}`),
    siteId: (siteId as number | undefined) ?? DEFAULT_SITE_ID + index,
    settings: rest,
    accessTokenHashes: [...(accessTokens ?? []).map(sha256), ...((accessTokenHashes as string[] | undefined) ?? [])],
    ticketTimeToLive: (ticketTimeToLive as number | undefined) ?? DEFAULT_TICKET_TTL,
    users: decoded,
  })
}

/** A seed file's content, decoded, or what is wrong with it (paths, never values). */
export const decodeSeed = (raw: unknown): E.Either<string, SiteSeed[]> => {
  if (!isObject(raw)) return E.left('the seed must be { "site": …, "users": […] } or { "sites": […] }')
  if (raw['sites'] === undefined) return E.map((s: SiteSeed) => [s])(decodeSite(raw, 'seed', 0))
  if (!Array.isArray(raw['sites'])) return E.left('seed.sites: expected a list')
  const sites: SiteSeed[] = []
  for (const [i, site] of (raw['sites'] as unknown[]).entries()) {
    const decoded = decodeSite(site, `seed.sites[${String(i)}]`, i)
    if (E.isLeft(decoded)) return decoded
    sites.push(decoded.right)
  }
  return E.right(sites)
}

/** Users from GetUser response documents (for `import --site NAME file.xml…`). */
export const usersFromGetUserResponses = (documents: readonly string[]): E.Either<string, UserSeed[]> => {
  const users: UserSeed[] = []
  for (const [i, xml] of documents.entries()) {
    const parsed = parseGetUserResponse(xml)
    if (E.isLeft(parsed)) return E.left(`document ${String(i + 1)}: ${parsed.left.exceptionID} ${parsed.left.reason}`)
    // the response masks the password: an imported user has none until one is set
    const { password: _masked, ...user } = parsed.right
    const completed = decodeUser(user, `document ${String(i + 1)}`)
    if (E.isLeft(completed)) return completed
    users.push(completed.right)
  }
  return E.right(users)
}

const hashOf = async (seed: UserSeed): Promise<string | null> =>
  seed.password === undefined ? null : 'plain' in seed.password ? hashPassword(seed.password.plain) : seed.password.hash

/**
 * Stores the users in the site, each completed as a real site stores a user (D-SV-11): what the
 * seed gives, plus every element a getUserResponse always carries at a new user's value on this
 * site, registered `now` (ms). A webExId already there is replaced, keeping its userId and, unless
 * the seed gives one, its registrationDate.
 */
export const importUsers = async (
  tx: Queryable,
  siteId: number,
  users: readonly UserSeed[],
  now: number = Date.now(),
): Promise<number> => {
  const site = await readSite(tx, siteId, 'none')
  for (const seed of users) {
    const hash = await hashOf(seed)
    const existing = await findUser(tx, siteId, seed.user.webExId, 'update')
    const registered = seed.user.registrationDate ?? existing?.user.registrationDate
    const given = registered === undefined ? seed.user : { ...seed.user, registrationDate: registered }
    const user = withUserDefaults(given, { ...(site === undefined ? {} : { site: site.settings }), registeredAt: now })
    if (existing === undefined) await insertUser(tx, siteId, user, hash)
    else await updateUser(tx, siteId, existing, user, hash)
  }
  return users.length
}

/**
 * Creates or updates each site and imports its users, in one transaction holding the site rows
 * (an import changes names and host counts like any operation that does).
 */
/** Any fixed number: processes starting together on one database import a `--seed` once. */
const SEED_LOCK = 7_351_020_012

export const importSeed = async (
  db: Database,
  sites: readonly SiteSeed[],
  options: { readonly onlyIfEmpty?: boolean } = {},
): Promise<number> => {
  // scrypt before the transaction: ~50 ms each must not hold the locks
  const hashed = await Promise.all(
    sites.map(async (site) => ({
      ...site,
      users: await Promise.all(
        site.users.map(async (u): Promise<UserSeed> => {
          const hash = await hashOf(u)
          return hash === null ? { user: u.user } : { user: u.user, password: { hash } }
        }),
      ),
    })),
  )
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK])
    if (options.onlyIfEmpty === true && (await listSites(tx)).length > 0) return 0
    let count = 0
    for (const site of hashed) {
      await tx.query(
        `INSERT INTO site (id, name, settings, access_token_hashes, ticket_ttl_seconds) VALUES ($1, $2, $3::jsonb, $4::text[], $5)
         ON CONFLICT (id) DO UPDATE SET name = $2, settings = $3::jsonb, access_token_hashes = $4::text[], ticket_ttl_seconds = $5`,
        [site.siteId, site.siteName, JSON.stringify(site.settings), site.accessTokenHashes, site.ticketTimeToLive],
      )
      await tx.query('SELECT id FROM site WHERE id = $1 FOR UPDATE', [site.siteId])
      count += await importUsers(tx, site.siteId, site.users)
    }
    return count
  })
}

/** Runs the tasks one after another (one connection runs one query at a time anyway). */
const sequentially = async <T>(tasks: readonly (() => Promise<T>)[]): Promise<T[]> => {
  const results: T[] = []
  for (const task of tasks) results.push(await task())
  return results
}

/**
 * Every site with its users, as a seed `import` takes back: settings, token hashes (the tokens
 * themselves are not stored), users with their userId and `passwordHash`.
 */
export const exportSeed = async (db: Database): Promise<unknown> =>
  db.transaction(async (tx) => {
    const sites = await listSites(tx)
    return {
      sites: await sequentially(
        sites.map((site) => async () => ({
          siteName: site.name,
          siteId: site.id,
          ticketTimeToLive: site.ticketTtlSeconds,
          accessTokenHashes: site.accessTokenHashes,
          site: site.settings,
          users: (await listUsers(tx, site.id)).map((stored) => {
            const { password: _masked, ...user } = stored.user
            return stored.passwordHash === null ? user : { ...user, passwordHash: stored.passwordHash }
          }),
        })),
      ),
    }
  })
