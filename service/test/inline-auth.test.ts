/**
 * D-SP-10 (issue 15 goal 5): SetUser and GetUser with a session ticket that names its site and
 * user authenticate in the operation's own first statement. Asserted: the answers are those of
 * the separate authentication for every mix of ticket, name and site (a property, on PGlite);
 * the statements sent (one for GetUser; BEGIN, one read, the write and COMMIT for SetUser); and,
 * on PostgreSQL, that the target is locked only when the ticket signs its caller in — a caller
 * who is not signed in never waits for a user another transaction holds.
 */
import * as E from 'fp-ts/lib/Either.js'
import pg from 'pg'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderFailureResponse, type SecurityContext } from 'webex-user-rules/xml'
import { type Database, openDatabase } from '../src/db/database.js'
import { migrate } from '../src/db/migrations.js'
import { findSite, findUser, type TicketCredentials } from '../src/db/store.js'
import { type Authenticated, authenticate, issueSessionTicket, ticketCredentials } from '../src/operations/caller.js'
import {
  type Answered,
  getUser,
  getUserByTicket,
  type OperationContext,
  setUser,
  setUserAuthenticatesInline,
  setUserByTicket,
} from '../src/operations/users.js'
import { decodeSeed, importSeed } from '../src/seed.js'
import { freshPostgres, POSTGRES_URL, recording, status } from './helpers.js'

const silent = pino({ level: 'silent' })
const SITE = { allowUserToChangeUserName: false, productIds: [], controlHubManaged: false }
const USERS = [
  { webExId: 'admin', email: 'admin@example.com', privilege: { siteAdmin: true } },
  { webExId: 'host1', email: 'host1@example.com' },
  { webExId: 'gone', email: 'gone@example.com', active: 'DEACTIVATED', privilege: { siteAdmin: true } },
  { webExId: 't1', email: 't1@example.com' },
  { webExId: 't2', email: 't2@example.com' },
]

/** The tickets the scenarios present: live ones of three users on site A, one of site B, an expired one. */
type TicketName = 'adminA' | 'host1A' | 'goneA' | 'adminB' | 'expiredA' | 'madeUp'

interface World {
  readonly siteA: { readonly id: number; readonly name: string }
  readonly siteB: { readonly name: string }
  readonly tickets: Readonly<Record<TicketName, string>>
}

let nextSite = 1

/** Sites A and B with {@link USERS}, and a ticket of each kind. */
const prepare = async (db: Database): Promise<World> => {
  const names = [0, 1].map(() => {
    const siteId = nextSite++
    return { siteId, siteName: `inline${String(siteId)}` }
  })
  for (const { siteId, siteName } of names) {
    const sites = decodeSeed({ siteName, siteId, site: SITE, users: USERS })
    if (E.isLeft(sites)) throw new Error(sites.left)
    await importSeed(db, sites.right)
  }
  const ticketOf = async (siteName: string, webExId: string): Promise<string> => {
    const site = await findSite(db, { siteName })
    const user = site === undefined ? undefined : await findUser(db, site.id, webExId, 'none')
    if (site === undefined || user === undefined) throw new Error(`${siteName}/${webExId}`)
    return (await issueSessionTicket(db, site, user.id)).ticket
  }
  const [a, b] = names
  if (a === undefined || b === undefined) throw new Error('two sites')
  const expiredA = await ticketOf(a.siteName, 'admin')
  await db.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE site_id = $1", [a.siteId])
  return {
    siteA: { id: a.siteId, name: a.siteName },
    siteB: { name: b.siteName },
    tickets: {
      adminA: await ticketOf(a.siteName, 'admin'),
      host1A: await ticketOf(a.siteName, 'host1'),
      goneA: await ticketOf(a.siteName, 'gone'),
      adminB: await ticketOf(b.siteName, 'admin'),
      expiredA,
      madeUp: 'AAABBBdummySessionTicket000111',
    },
  }
}

const ctxOf = (db: Database): OperationContext => ({ db, log: silent })
const answerOf = (answered: Answered): string =>
  answered.ok ? answered.answer : renderFailureResponse(answered.failure)
const named = (context: SecurityContext): TicketCredentials => {
  const credentials = ticketCredentials(context)
  if (credentials === undefined) throw new Error('not a ticket context that names its site and user')
  return credentials
}

describe('D-SP-10 on PGlite: the answers of the separate authentication, and the statements sent', () => {
  let db: Database
  let world: World
  beforeAll(async () => {
    db = await openDatabase('memory:')
    await migrate(db)
    world = await prepare(db)
  })
  afterAll(async () => {
    await db.close()
  })

  /** Every context of the mix: 6 tickets × 5 names × by webExID or e-mail × 4 sites = 240. */
  const everyContext = (): SecurityContext[] => {
    const { siteA, siteB, tickets } = world
    const all: SecurityContext[] = []
    for (const ticket of ['adminA', 'host1A', 'goneA', 'adminB', 'expiredA', 'madeUp'] as const)
      for (const name of ['admin', 'host1', 'gone', 'nobody', 'ADMIN'])
        for (const byEmail of [false, true])
          for (const site of ['A', 'B', 'A by id', 'unknown'])
            all.push({
              sessionTicket: tickets[ticket],
              ...(byEmail ? { email: `${name}@example.com` } : { webExID: name }),
              ...(site === 'A by id'
                ? { siteID: siteA.id }
                : { siteName: site === 'A' ? siteA.name : site === 'B' ? siteB.name : 'nosuchsite' }),
            })
    return all
  }

  /** How many answers of each result: the mix must hold both, or the comparison proves little. */
  const tally = (answers: readonly string[]) => {
    const results = answers.map((answer) => status(answer).result)
    return {
      success: results.filter((r) => r === 'SUCCESS').length,
      failure: results.filter((r) => r !== 'SUCCESS').length,
    }
  }

  /**
   * For every context and every target: the inline answer, which must be the answer of
   * authentication followed by the operation, on the same body.
   */
  const compareAll = async <B>(
    targets: readonly string[],
    bodyOf: (target: string) => B,
    separate: (auth: Authenticated, body: B) => Promise<string>,
    inline: (credentials: TicketCredentials, body: B) => Promise<Answered>,
  ): Promise<string[]> => {
    const answers: string[] = []
    for (const context of everyContext())
      for (const target of targets) {
        const body = bodyOf(target)
        const auth = await authenticate(db, context)
        const expected = auth.ok ? await separate(auth.value, body) : renderFailureResponse(auth.failure)
        const answer = answerOf(await inline(named(context), body))
        expect({ context, target, answer }).toEqual({ context, target, answer: expected })
        answers.push(answer)
      }
    return answers
  }

  it('GetUser: the same answer for every ticket, name and site, and for every target (all 1,440 combinations)', async () => {
    const answers = await compareAll(
      ['admin', 'host1', 'gone', 't1', 'nobody', 'T2'],
      (target) => target,
      (auth, target) => getUser(ctxOf(db), auth, target),
      (credentials, target) => getUserByTicket(ctxOf(db), credentials, target),
    )
    expect(answers).toHaveLength(1440)
    // signed in: the admin (admin, ADMIN; by name or e-mail; site A by name or id: 8 contexts) reads the 5
    // stored targets, host1 (4 contexts) themselves
    const { success, failure } = tally(answers)
    expect(success).toBeGreaterThanOrEqual(8 * 5 + 4)
    expect(failure).toBeGreaterThan(1000)
  })

  it('SetUser: the same answer for every ticket, name and site, and for every target (all 1,200 combinations)', async () => {
    let n = 0
    const answers = await compareAll(
      ['t1', 'T2', 'host1', 'admin', 'nobody'],
      (target) => {
        const body = { webExId: target, firstName: `First${String(n++)}` }
        expect(setUserAuthenticatesInline(body)).toBe(true)
        return body
      },
      (auth, body) => setUser(ctxOf(db), auth, body),
      (credentials, body) => setUserByTicket(ctxOf(db), credentials, body),
    )
    expect(answers).toHaveLength(1200)
    // the signed-in admin (8 contexts) writes the 4 stored targets
    const { success, failure } = tally(answers)
    expect(success).toBeGreaterThanOrEqual(8 * 4)
    expect(failure).toBeGreaterThan(1000)
  })

  it('SetUser by a signed-in admin writes; a made-up ticket writes nothing (030047)', async () => {
    const site = { siteName: world.siteA.name }
    const ok = await setUserByTicket(
      ctxOf(db),
      named({ webExID: 'admin', sessionTicket: world.tickets.adminA, ...site }),
      { webExId: 't1', firstName: 'Written' },
    )
    expect(status(answerOf(ok)).result).toBe('SUCCESS')
    const refused = await setUserByTicket(
      ctxOf(db),
      named({ webExID: 'admin', sessionTicket: world.tickets.madeUp, ...site }),
      { webExId: 't1', firstName: 'NotWritten' },
    )
    expect(refused).toEqual({ ok: false, failure: { exceptionID: '030047', reason: 'Not a valid session ticket' } })
    const t1 = await findUser(db, world.siteA.id, 't1', 'none')
    expect(t1?.user.firstName).toBe('Written')
  })

  it('what may not authenticate inline: a password to hash, a change of what the site row guards, a context without a site or a name', () => {
    expect(setUserAuthenticatesInline({ webExId: 't1', password: 'New-Pass-1' })).toBe(false)
    expect(setUserAuthenticatesInline({ webExId: 't1', active: 'DEACTIVATED' })).toBe(false)
    expect(setUserAuthenticatesInline({ webExId: 't1', email: 'x@example.com' })).toBe(false)
    expect(setUserAuthenticatesInline({ webExId: 't1', newWebExId: 'x' })).toBe(false)
    expect(setUserAuthenticatesInline({ webExId: 't1', privilege: { attendeeOnly: true } })).toBe(false)
    expect(setUserAuthenticatesInline({ webExId: 't1', privilege: { host: true } })).toBe(true)
    expect(ticketCredentials({ webExID: 'admin', sessionTicket: 't' })).toBeUndefined()
    expect(ticketCredentials({ siteName: 's', sessionTicket: 't' })).toBeUndefined()
    expect(ticketCredentials({ webExID: 'admin', siteName: 's', password: 'p' })).toBeUndefined()
    expect(ticketCredentials({ webExID: 'admin', siteName: 's', sessionTicket: 't' })).toMatchObject({
      webExID: 'admin',
      siteName: 's',
    })
  })

  const admin = (): TicketCredentials =>
    named({ webExID: 'admin', sessionTicket: world.tickets.adminA, siteName: world.siteA.name })

  it('GetUser: one statement, authentication and read together', async () => {
    const rec = recording(db)
    const answer = answerOf(await getUserByTicket(ctxOf(rec.db), admin(), 't1'))
    expect(status(answer).result).toBe('SUCCESS')
    expect(rec.sent).toHaveLength(1)
    expect(rec.sent[0]).toMatch(/^WITH cred AS \(SELECT .* FROM sessions WHERE ticket_hash = /)
  })

  it('SetUser of a firstName: BEGIN, one statement that authenticates and locks, the update, COMMIT', async () => {
    const rec = recording(db)
    const answer = answerOf(await setUserByTicket(ctxOf(rec.db), admin(), { webExId: 't2', firstName: 'Two' }))
    expect(status(answer).result).toBe('SUCCESS')
    expect(rec.sent.map((sql) => sql.split(' ')[0])).toEqual(['BEGIN', 'WITH', 'UPDATE', 'COMMIT'])
    expect(rec.sent[1]).toContain('FOR UPDATE OF t')
    expect(rec.sent[1]).toContain('FROM sessions WHERE ticket_hash = ')
  })
})

describe.runIf(POSTGRES_URL !== undefined)('D-SP-10 on PostgreSQL: only a signed-in caller locks the target', () => {
  let database: Awaited<ReturnType<typeof freshPostgres>>
  let db: Database
  let world: World
  let holder: pg.Client
  beforeAll(async () => {
    database = await freshPostgres()
    db = await openDatabase(database.url, { poolSize: 4 })
    await migrate(db)
    world = await prepare(db)
    holder = new pg.Client({ connectionString: database.url })
    await holder.connect()
  })
  afterAll(async () => {
    await holder.end()
    await db.close()
    await database.drop()
  })

  /** Another transaction holds t1's row until `release`. */
  const holdT1 = async (): Promise<{ release: () => Promise<void> }> => {
    await holder.query('BEGIN')
    await holder.query("SELECT id FROM users WHERE site_id = $1 AND web_ex_id = 't1' FOR UPDATE", [world.siteA.id])
    return {
      release: async () => {
        await holder.query('COMMIT')
      },
    }
  }

  it("made-up, expired, another user's, a deactivated user's and another site's tickets answer 030047 while t1 is held: they never wait for its lock", async () => {
    const held = await holdT1()
    try {
      const site = { siteName: world.siteA.name }
      const refused: [string, SecurityContext][] = [
        ['made up', { webExID: 'admin', sessionTicket: world.tickets.madeUp, ...site }],
        ['expired', { webExID: 'admin', sessionTicket: world.tickets.expiredA, ...site }],
        ["host1's, named admin", { webExID: 'admin', sessionTicket: world.tickets.host1A, ...site }],
        ["a deactivated admin's", { webExID: 'gone', sessionTicket: world.tickets.goneA, ...site }],
        ["site B's", { webExID: 'admin', sessionTicket: world.tickets.adminB, ...site }],
      ]
      for (const [why, context] of refused) {
        // were the lock taken or awaited, this would wait for the holder, which waits for this loop
        const answered = await setUserByTicket(ctxOf(db), named(context), { webExId: 't1', firstName: 'Never' })
        expect({ why, answered }).toEqual({
          why,
          answered: { ok: false, failure: { exceptionID: '030047', reason: 'Not a valid session ticket' } },
        })
      }
    } finally {
      await held.release()
    }
  }, 20_000)

  it("a signed-in caller's statement waits for the lock, then writes on the holder's committed change (no lost update)", async () => {
    const held = await holdT1()
    // the holder changes t1 before it commits: the waiting statement must re-read the row it then locks
    await holder.query(
      `UPDATE users SET doc = jsonb_set(doc, '{lastName}', '"ByTheHolder"') WHERE site_id = $1 AND web_ex_id = 't1'`,
      [world.siteA.id],
    )
    const pending = setUserByTicket(
      ctxOf(db),
      named({ webExID: 'admin', sessionTicket: world.tickets.adminA, siteName: world.siteA.name }),
      { webExId: 't1', firstName: 'AfterTheLock' },
    )
    let settledEarly = false
    void pending.then(
      () => (settledEarly = true),
      () => (settledEarly = true),
    )
    try {
      // the request's backend shows up waiting on a lock, in its first statement (authentication and lock)
      const deadline = Date.now() + 10_000
      for (;;) {
        const waiting = await db.query<{ query: string }>(
          "SELECT query FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        )
        if (waiting.length > 0) {
          expect(waiting.map((w) => w.query.trim().slice(0, 9))).toEqual(['WITH cred'])
          break
        }
        expect(settledEarly).toBe(false)
        if (Date.now() > deadline) throw new Error('the request never waited for the held row')
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    } finally {
      await held.release()
    }
    expect(status(answerOf(await pending)).result).toBe('SUCCESS')
    const t1 = await findUser(db, world.siteA.id, 't1', 'none')
    expect({ firstName: t1?.user.firstName, lastName: t1?.user.lastName }).toEqual({
      firstName: 'AfterTheLock',
      lastName: 'ByTheHolder',
    })
  }, 20_000)
})
