/**
 * Issue 11 item 3: every pair of writing operations on the same user, and full sites, raced —
 * on PGlite in this process, and with TWO service processes (the built bin) on one PostgreSQL
 * (WEBEX_TEST_DATABASE_URL; CI starts one). Asserted: no lost update (both answers SUCCESS and
 * both changes stored), the host limit never exceeded, names unique. docs/testing.md records
 * that each race fails with the site lock or the user lock removed.
 */
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { User } from 'webex-user-rules'
import type { RequestMessage, SecurityContext } from 'webex-user-rules/xml'
import { MIGRATIONS } from '../src/db/migrations.js'
import { type Database, openDatabase } from '../src/db/database.js'
import { findSite, findUser, listUsers } from '../src/db/store.js'
import { issueSessionTicket } from '../src/operations/caller.js'
import { boot, freshPostgres, message, POSTGRES_URL, type ServerProcess, spawnServer, status } from './helpers.js'

const ROUNDS = 12
const FULL_SITES = 6
const CANDIDATES = 4

/** Site 1: an admin and the users the pair races use; sites 2…: full sites (one seat left). */
const raceSeed = () => ({
  sites: [
    {
      siteName: 'race',
      siteId: 1,
      site: { allowUserToChangeUserName: true, productIds: [], controlHubManaged: false },
      users: [
        { webExId: 'admin', password: 'DummyPass-1', privilege: { siteAdmin: true } },
        ...Array.from({ length: ROUNDS }, (_, i) => [
          { webExId: `off${String(i)}`, active: 'DEACTIVATED' },
          { webExId: `on${String(i)}` },
          { webExId: `del${String(i)}` },
          { webExId: `two${String(i)}` },
          { webExId: `ren${String(i)}` },
        ]).flat(),
      ],
    },
    ...Array.from({ length: FULL_SITES }, (_, s) => ({
      siteName: `full${String(s)}`,
      siteId: 10 + s,
      // admin and h0 count; the limit leaves one seat for CANDIDATES deactivated users
      site: { hostLimit: 3, allowUserToChangeUserName: false, productIds: [], controlHubManaged: false },
      users: [
        { webExId: 'admin', password: 'DummyPass-1', privilege: { siteAdmin: true } },
        { webExId: 'h0' },
        ...Array.from({ length: CANDIDATES }, (_, i) => ({ webExId: `c${String(i)}`, active: 'DEACTIVATED' })),
      ],
    })),
  ],
})

/** How the races reach the service: several front doors (processes) over one database. */
interface Target {
  readonly db: Database
  readonly posts: readonly ((xml: string) => Promise<string>)[]
}

const tickets = new Map<string, string>()
/** An admin session ticket per site: the races spend no time in scrypt, so they overlap more. */
const adminOf = async (target: Target, siteName: string): Promise<SecurityContext> => {
  let ticket = tickets.get(siteName)
  if (ticket === undefined) {
    const site = await findSite(target.db, { siteName })
    const admin = site === undefined ? undefined : await findUser(target.db, site.id, 'admin', 'none')
    if (site === undefined || admin === undefined) throw new Error(`no admin on ${siteName}`)
    ticket = (await issueSessionTicket(target.db, site, admin.id)).ticket
    tickets.set(siteName, ticket)
  }
  return { webExID: 'admin', sessionTicket: ticket, siteName }
}

const userOf = async (target: Target, siteName: string, webExId: string): Promise<User | undefined> => {
  const site = await findSite(target.db, { siteName })
  return site === undefined ? undefined : (await findUser(target.db, site.id, webExId, 'none'))?.user
}

/** Sends the messages at once, the i-th through front door i (mod the doors). */
const race = async (target: Target, messages: readonly RequestMessage[]) =>
  (
    await Promise.all(
      messages.map((m, i) => {
        const post = target.posts[i % target.posts.length]
        if (post === undefined) throw new Error('no front door')
        return post(message(m))
      }),
    )
  ).map(status)

const SUCCESS = { result: 'SUCCESS', gsbStatus: 'PRIMARY' }

const pairRaces = (target: () => Target) => {
  it('SetUser × SetUser on one user: both changes stored', async () => {
    const ctx = await adminOf(target(), 'race')
    for (let i = 0; i < ROUNDS; i++) {
      const webExId = `two${String(i)}`
      const answers = await race(target(), [
        { operation: 'SetUser', securityContext: ctx, body: { webExId, firstName: `F${String(i)}` } },
        { operation: 'SetUser', securityContext: ctx, body: { webExId, lastName: `L${String(i)}` } },
      ])
      expect(answers).toEqual([SUCCESS, SUCCESS])
      expect(await userOf(target(), 'race', webExId)).toMatchObject({
        firstName: `F${String(i)}`,
        lastName: `L${String(i)}`,
      })
    }
  })

  it('SetUser × ActivateUser: the SetUser change and ACTIVATED both stored', async () => {
    const ctx = await adminOf(target(), 'race')
    for (let i = 0; i < ROUNDS; i++) {
      const webExId = `off${String(i)}`
      const answers = await race(target(), [
        { operation: 'SetUser', securityContext: ctx, body: { webExId, firstName: `A${String(i)}` } },
        { operation: 'ActivateUser', securityContext: ctx, body: { webexID: webExId } },
      ])
      expect(answers.map((a) => a.result)).toEqual(['SUCCESS', 'SUCCESS'])
      expect(await userOf(target(), 'race', webExId)).toMatchObject({ firstName: `A${String(i)}`, active: 'ACTIVATED' })
    }
  })

  it('SetUser × InactivateUser: the SetUser change and DEACTIVATED both stored', async () => {
    const ctx = await adminOf(target(), 'race')
    for (let i = 0; i < ROUNDS; i++) {
      const webExId = `on${String(i)}`
      const answers = await race(target(), [
        { operation: 'InactivateUser', securityContext: ctx, body: { webexID: webExId } },
        { operation: 'SetUser', securityContext: ctx, body: { webExId, lastName: `I${String(i)}` } },
      ])
      expect(answers.map((a) => a.result)).toEqual(['SUCCESS', 'SUCCESS'])
      expect(await userOf(target(), 'race', webExId)).toMatchObject({
        lastName: `I${String(i)}`,
        active: 'DEACTIVATED',
      })
    }
  })

  it('SetUser × DelUser: the SetUser change and the deletion (DEACTIVATED) both stored', async () => {
    const ctx = await adminOf(target(), 'race')
    for (let i = 0; i < ROUNDS; i++) {
      const webExId = `del${String(i)}`
      const answers = await race(target(), [
        { operation: 'SetUser', securityContext: ctx, body: { webExId, tracking: { trackingCode1: `D${String(i)}` } } },
        { operation: 'DelUser', securityContext: ctx, body: { webExId: [webExId] } },
      ])
      expect(answers.map((a) => a.result)).toEqual(['SUCCESS', 'SUCCESS'])
      expect(await userOf(target(), 'race', webExId)).toMatchObject({
        tracking: { trackingCode1: `D${String(i)}` },
        active: 'DEACTIVATED',
      })
    }
  })

  it('SetUser rename × SetUser on the same user: the rename and the change both stored', async () => {
    const ctx = await adminOf(target(), 'race')
    for (let i = 0; i < ROUNDS; i++) {
      const webExId = `ren${String(i)}`
      const answers = await race(target(), [
        { operation: 'SetUser', securityContext: ctx, body: { webExId, newWebExId: `renamed${String(i)}` } },
        { operation: 'SetUser', securityContext: ctx, body: { webExId, firstName: `R${String(i)}` } },
      ])
      // the second may find the user already renamed (030001): then the first won and nothing is lost
      expect(answers[0]).toEqual(SUCCESS)
      const after = await userOf(target(), 'race', `renamed${String(i)}`)
      expect(after).toBeDefined()
      if (answers[1]?.result === 'SUCCESS') expect(after?.firstName).toBe(`R${String(i)}`)
      else expect(answers[1]?.exceptionID).toBe('030001')
    }
  })

  it('CreateUser × CreateUser of one name: exactly one SUCCESS, one user stored', async () => {
    const ctx = await adminOf(target(), 'race')
    for (let i = 0; i < ROUNDS; i++) {
      const body = {
        webExId: `new${String(i)}`,
        email: `new${String(i)}@example.com`,
        password: 'Pw-123456',
        firstName: 'N',
        lastName: 'U',
      }
      const answers = await race(target(), [
        { operation: 'CreateUser', securityContext: ctx, body },
        { operation: 'CreateUser', securityContext: ctx, body: { ...body, email: `other${String(i)}@example.com` } },
      ])
      expect(answers.filter((a) => a.result === 'SUCCESS')).toHaveLength(1)
      expect(answers.filter((a) => a.exceptionID === '030004')).toHaveLength(1)
      const site = await findSite(target().db, { siteName: 'race' })
      const named = (await listUsers(target().db, site?.id ?? 0)).filter((u) => u.user.webExId === `new${String(i)}`)
      expect(named).toHaveLength(1)
    }
  })
}

const fullSiteRaces = (target: () => Target) => {
  it('R6 full sites: racing activations (ActivateUser, SetUser active) take the one seat once', async () => {
    for (let s = 0; s < FULL_SITES; s++) {
      const siteName = `full${String(s)}`
      const ctx = await adminOf(target(), siteName)
      const answers = await race(
        target(),
        Array.from({ length: CANDIDATES }, (_, i): RequestMessage =>
          i % 2 === 0
            ? { operation: 'ActivateUser', securityContext: ctx, body: { webexID: `c${String(i)}` } }
            : { operation: 'SetUser', securityContext: ctx, body: { webExId: `c${String(i)}`, active: 'ACTIVATED' } },
        ),
      )
      expect(answers.filter((a) => a.result === 'SUCCESS')).toHaveLength(1)
      expect(answers.filter((a) => a.exceptionID === '030010')).toHaveLength(CANDIDATES - 1)
      const site = await findSite(target().db, { siteName })
      const [count] = await target().db.query<{ n: string }>(
        'SELECT count(*) AS n FROM users WHERE site_id = $1 AND counts_as_host',
        [site?.id ?? 0],
      )
      expect(Number(count?.n)).toBe(3)
    }
  })
}

describe('races on PGlite (one process)', () => {
  let server: Awaited<ReturnType<typeof boot>>
  beforeAll(async () => {
    tickets.clear()
    server = await boot(raceSeed())
  })
  afterAll(async () => {
    await server.stop()
  })
  const target = (): Target => ({ db: server.app.db, posts: [async (xml) => (await server.post(xml)).text] })
  pairRaces(target)
  fullSiteRaces(target)
})

it('CI runs the PostgreSQL races (they are skipped only where no server is configured)', () => {
  expect(process.env['CI'] !== 'true' || /^postgres(ql)?:\/\//.test(POSTGRES_URL ?? '')).toBe(true)
})

describe.runIf(POSTGRES_URL !== undefined)('races with two service processes on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshPostgres>>
  let db: Database
  let processes: ServerProcess[] = []
  beforeAll(async () => {
    tickets.clear()
    database = await freshPostgres()
    const seedFile = join(tmpdir(), `race-seed-${String(process.pid)}.json`)
    writeFileSync(seedFile, JSON.stringify(raceSeed()))
    // both start at once: migrations and the seed are applied once (advisory locks)
    processes = await Promise.all([0, 1].map(() => spawnServer(['--database', database.url, '--seed', seedFile])))
    db = await openDatabase(database.url, { poolSize: 2 })
  })
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()))
    await db.close()
    await database.drop()
  })
  const target = (): Target => ({ db, posts: processes.map((p) => async (xml: string) => (await p.post(xml)).text) })

  it('both processes started on the fresh database and the seed was imported once', async () => {
    expect(processes.map((p) => p.stdout())).toEqual(processes.map((p) => `listening on ${p.url.href}\n`))
    const [sites] = await db.query<{ n: string }>('SELECT count(*) AS n FROM site')
    expect(Number(sites?.n)).toBe(1 + FULL_SITES)
    const [migrations] = await db.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations')
    expect(Number(migrations?.n)).toBe(MIGRATIONS.length)
  })
  pairRaces(target)
  fullSiteRaces(target)
})
