/**
 * Issue 15 goal 5, issue 11 item 10 (D-SP-1, D-SP-2): what makes the service's throughput — the
 * statements each request runs, the same for a site of 10 users and one of 2,000 — and the
 * host counter of migration 3, which must equal the count of the users the core counts (R6)
 * after any sequence of operations. Counted on a real PGlite database (the SQL is the same on
 * PostgreSQL); no timing anywhere (figures: docs/performance.md).
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countsAsHost } from 'webex-user-rules'
import { type Database, openDatabase } from '../src/db/database.js'
import { MIGRATIONS, migrate, statements } from '../src/db/migrations.js'
import { findSite, listUsers } from '../src/db/store.js'
import { type Authenticated, authenticate, issueSessionTicket } from '../src/operations/caller.js'
import { createUser, delUser, getUser, type OperationContext, setActive, setUser } from '../src/operations/users.js'
import { decodeSeed, importSeed } from '../src/seed.js'
import { recording, status } from './helpers.js'

const SITE = { allowUserToChangeUserName: true, productIds: [], controlHubManaged: false }
const silent = pino({ level: 'silent' })

let db: Database
let nextSite = 1

/** A site of `size` hosts u00001… besides the admin; returns its name. */
const site = async (size: number, hostLimit = size + 100): Promise<string> => {
  const siteId = nextSite++
  const siteName = `s${String(siteId)}`
  const users = [
    { webExId: 'admin', privilege: { siteAdmin: true } },
    ...Array.from({ length: size }, (_, i) => ({
      webExId: `u${String(i + 1).padStart(5, '0')}`,
      email: `u${String(i + 1)}@example.com`,
      privilege: { host: true },
    })),
  ]
  const sites = decodeSeed({ siteName, siteId, site: { ...SITE, hostLimit }, users })
  if (E.isLeft(sites)) throw new Error(sites.left)
  await importSeed(db, sites.right)
  return siteName
}

/** The admin of a site, authenticated by a session ticket as the bench's clients are. */
const adminOf = async (siteName: string, on: Database = db): Promise<Authenticated> => {
  const stored = await findSite(db, { siteName })
  if (stored === undefined) throw new Error(siteName)
  const [admin] = (await listUsers(db, stored.id)).filter((u) => u.user.webExId === 'admin')
  if (admin === undefined) throw new Error('no admin')
  const { ticket } = await issueSessionTicket(db, stored, admin.id)
  const auth = await authenticate(on, { webExID: 'admin', sessionTicket: ticket, siteName })
  if (!auth.ok) throw new Error(auth.failure.reason)
  return auth.value
}

const ctxOf = (on: Database): OperationContext => ({ db: on, log: silent })

beforeAll(async () => {
  db = await openDatabase('memory:')
  await migrate(db)
})
afterAll(async () => {
  await db.close()
})

describe('D-SP-2: the statements of a request do not depend on the site size', () => {
  // one site per size for the whole block (seeding 2,000 users takes seconds); each test edits other users
  const sized = new Map<number, Promise<string>>()
  const siteOf = (size: number): Promise<string> => {
    const known = sized.get(size) ?? site(size)
    sized.set(size, known)
    return known
  }

  /** Every statement one request sends, with the SQL text: authentication, then the operation. */
  const statementsOf = async (size: number, run: (ctx: OperationContext, auth: Authenticated) => Promise<string>) => {
    const siteName = await siteOf(size)
    const rec = recording(db)
    const auth = await adminOf(siteName, rec.db)
    const answer = await run(ctxOf(rec.db), auth)
    expect(status(answer).result).toBe('SUCCESS')
    return rec.sent
  }

  it('authentication by session ticket (every request): one statement', async () => {
    const siteName = await site(10)
    const rec = recording(db)
    await adminOf(siteName, rec.db)
    expect(rec.sent).toHaveLength(1)
  })

  it('SetUser of a firstName: BEGIN, one read that locks the user, the update, COMMIT — for 10 and 2,000 users', async () => {
    const run = (ctx: OperationContext, auth: Authenticated) =>
      setUser(ctx, auth, { webExId: 'u00007', firstName: 'Seven' })
    const small = await statementsOf(10, run)
    const large = await statementsOf(2000, run)
    // authentication, then the transaction
    expect(small).toHaveLength(5)
    expect(small.slice(1).map((sql) => sql.split(' ')[0])).toEqual(['BEGIN', 'SELECT', 'UPDATE', 'COMMIT'])
    expect(small[2]).toContain('FOR UPDATE OF t')
    expect(large).toEqual(small)
  })

  it('D-SP-6 SetUser of a firstName: its update is sent with the COMMIT (execute), its reads are awaited — 3 round trips on PostgreSQL', async () => {
    const siteName = await siteOf(10)
    const rec = recording(db)
    const auth = await adminOf(siteName, rec.db)
    expect(status(await setUser(ctxOf(rec.db), auth, { webExId: 'u00006', firstName: 'Six' })).result).toBe('SUCCESS')
    // authentication (1), BEGIN with the locking read (2), the update with COMMIT (3)
    expect(rec.executed.map((sql) => sql.split(' ')[0])).toEqual(['UPDATE'])
    expect(rec.sent.filter((sql) => !rec.executed.includes(sql)).map((sql) => sql.split(' ')[0])).toEqual([
      'SELECT',
      'BEGIN',
      'SELECT',
      'COMMIT',
    ])
  })

  it('SetUser of an e-mail holds the site row first (lock order), and costs the same for 10 and 2,000 users', async () => {
    const run = (ctx: OperationContext, auth: Authenticated) =>
      setUser(ctx, auth, { webExId: 'u00008', email: 'eight@example.com' })
    const small = await statementsOf(10, run)
    const large = await statementsOf(2000, run)
    expect(small[1]).toBe('BEGIN')
    expect(small[2]).toMatch(/^SELECT .* FROM site WHERE id = \$1 FOR UPDATE$/)
    expect(small[3]).toContain('FOR UPDATE OF t')
    expect(small.filter((sql) => /count\(/i.test(sql))).toEqual([])
    expect(large).toEqual(small)
  })

  it('GetUser: one statement after authentication, for 10 and 2,000 users', async () => {
    const run = (ctx: OperationContext, auth: Authenticated) => getUser(ctx, auth, 'u00009')
    const small = await statementsOf(10, run)
    const large = await statementsOf(2000, run)
    expect(small).toHaveLength(2)
    expect(large).toEqual(small)
  })

  it('no statement of SetUser or GetUser counts users (R6 reads the site row counter)', async () => {
    const set = await statementsOf(10, (ctx, auth) => setUser(ctx, auth, { webExId: 'u00003', active: 'DEACTIVATED' }))
    const get = await statementsOf(10, (ctx, auth) => getUser(ctx, auth, 'u00003'))
    expect([...set, ...get].filter((sql) => /count\(/i.test(sql))).toEqual([])
    expect(
      set.filter((sql) => sql.startsWith('SELECT active_host_count') || sql.includes('s.active_host_count')),
    ).not.toEqual([])
  })
})

describe('D-SP-1: the host counter of migration 3', () => {
  /** The counter as stored, and R6's count by the core's own predicate over every stored user. */
  const counts = async (siteName: string): Promise<{ counter: number; core: number }> => {
    const stored = await findSite(db, { siteName })
    if (stored === undefined) throw new Error(siteName)
    const [row] = await db.query<{ n: number }>('SELECT active_host_count AS n FROM site WHERE id = $1', [stored.id])
    const users = await listUsers(db, stored.id)
    return { counter: Number(row?.n), core: users.filter((u) => countsAsHost(u.user)).length }
  }

  it('R6 a seeded site: the counter is the number of users that count (admin + 5 hosts)', async () => {
    const siteName = await site(5)
    expect(await counts(siteName)).toEqual({ counter: 6, core: 6 })
  })

  const NAMES = ['u00001', 'u00002', 'u00003', 'n1', 'n2']
  const operation = fc.oneof(
    fc.record({ op: fc.constant('create' as const), name: fc.constantFrom('n1', 'n2'), attendee: fc.boolean() }),
    fc.record({
      op: fc.constant('set' as const),
      name: fc.constantFrom(...NAMES),
      active: fc.option(fc.constantFrom('ACTIVATED' as const, 'DEACTIVATED' as const), { nil: undefined }),
      attendee: fc.option(fc.boolean(), { nil: undefined }),
    }),
    fc.record({ op: fc.constantFrom('activate' as const, 'inactivate' as const), name: fc.constantFrom(...NAMES) }),
    fc.record({ op: fc.constant('delete' as const), names: fc.subarray(NAMES, { minLength: 1 }) }),
  )

  it('R6 property: after any sequence of CreateUser, SetUser, ActivateUser, InactivateUser and DelUser the counter equals the count of the users that count, and the host limit holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 8 }), async (ops) => {
        // admin and three hosts; the limit leaves room for one more
        const siteName = await site(3, 5)
        const auth = await adminOf(siteName)
        const ctx = ctxOf(db)
        for (const o of ops) {
          if (o.op === 'create')
            await createUser(ctx, auth, {
              webExId: o.name,
              firstName: 'N',
              lastName: 'U',
              email: `${o.name}@example.com`,
              ...(o.attendee ? { privilege: { attendeeOnly: true } } : {}),
            })
          else if (o.op === 'set')
            await setUser(ctx, auth, {
              webExId: o.name,
              ...(o.active === undefined ? {} : { active: o.active }),
              ...(o.attendee === undefined ? {} : { privilege: { attendeeOnly: o.attendee } }),
            })
          else if (o.op === 'delete') await delUser(ctx, auth, { webExId: o.names })
          else await setActive(ctx, o.op === 'activate' ? 'ActivateUser' : 'InactivateUser', auth, { webexID: o.name })
        }
        const { counter, core } = await counts(siteName)
        expect(counter).toBe(core)
        expect(counter).toBeLessThanOrEqual(5)
      }),
      { numRuns: 25 },
    )
  })

  it('migration 3 on a database that already has users sets the counter from them', async () => {
    const old = await openDatabase('memory:')
    try {
      await old.transaction(async (tx) => {
        await tx.query(
          'CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
        )
        for (const m of MIGRATIONS.filter((x) => x.version < 3)) {
          for (const s of statements(m.sql)) await tx.query(s)
          await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
        }
        await tx.query(`INSERT INTO site (id, name, settings) VALUES (1, 'old', '{}'::jsonb)`)
        for (const [name, host] of [
          ['a', true],
          ['b', false],
          ['c', true],
        ] as const)
          await tx.query(
            `INSERT INTO users (site_id, web_ex_id, counts_as_host, doc) VALUES (1, $1, $2, '{}'::jsonb)`,
            [name, host],
          )
      })
      expect(await migrate(old)).toEqual([3, 4, 5])
      const [row] = await old.query<{ n: number }>('SELECT active_host_count AS n FROM site WHERE id = 1')
      expect(Number(row?.n)).toBe(2)
      // and the triggers keep it from then on
      await old.query(`UPDATE users SET counts_as_host = false WHERE web_ex_id = 'a'`)
      await old.query(`INSERT INTO users (site_id, web_ex_id, counts_as_host, doc) VALUES (1, 'd', true, '{}'::jsonb)`)
      await old.query(`DELETE FROM users WHERE web_ex_id = 'c'`)
      const [after] = await old.query<{ n: number }>('SELECT active_host_count AS n FROM site WHERE id = 1')
      expect(Number(after?.n)).toBe(1)
    } finally {
      await old.close()
    }
  })
})

describe('the migration splitter', () => {
  it('keeps a $$ function body whole, splits the statements around it, drops comment lines', () => {
    const sql = [
      '-- a comment;',
      'CREATE TABLE t (a int);',
      'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$',
      'BEGIN',
      '  UPDATE t SET a = a + 1;',
      '  RETURN NULL;',
      'END',
      '$$;',
      'CREATE TRIGGER x AFTER INSERT ON t',
      '  FOR EACH ROW EXECUTE FUNCTION f();',
    ].join('\n')
    expect(statements(sql)).toEqual([
      'CREATE TABLE t (a int)',
      'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  UPDATE t SET a = a + 1;\n  RETURN NULL;\nEND\n$$',
      'CREATE TRIGGER x AFTER INSERT ON t\n  FOR EACH ROW EXECUTE FUNCTION f()',
    ])
  })
})
