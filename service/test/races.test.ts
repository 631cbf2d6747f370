/**
 * Issue 11 item 3: every pair of writing operations on the same user, and full sites, raced —
 * on PGlite in this process, and with TWO service processes (the built bin) on one PostgreSQL
 * (WEBEX_TEST_DATABASE_URL; CI starts one). Asserted: no lost update (both answers SUCCESS and
 * both changes stored), the host limit never exceeded, names unique. The writers are SetUser,
 * CreateUser, DelUser, ActivateUser and InactivateUser; where a pair has two possible winners the
 * race asserts that the answers, the stored user and the queued effects are exactly those of ONE
 * serial order of the two (`serialOutcomes`). docs/testing.md records which race fails with the
 * site lock, the user lock or every lock removed.
 */
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActiveState, User } from 'webex-user-rules'
import { parseDelUserResponse, type RequestMessage, type SecurityContext } from 'webex-user-rules/xml'
import { MIGRATIONS } from '../src/db/migrations.js'
import { type Database, openDatabase } from '../src/db/database.js'
import { findSite, findUser, listUsers } from '../src/db/store.js'
import { issueSessionTicket } from '../src/operations/caller.js'
import { boot, freshPostgres, message, POSTGRES_URL, type ServerProcess, spawnServer, status } from './helpers.js'

const ROUNDS = 12
const FULL_SITES = 6
const CANDIDATES = 4

/** The contenders of each last-seat race (R6): CreateUser against each other activation. */
const SEAT_RACES = ['ActivateUser', 'SetUser', 'CreateUser'] as const

/** Users of the hub site: Control Hub managed (R15), so each (de)activation queues a licence effect. */
const hubUser = (webExId: string, active: ActiveState) => ({
  webExId,
  active,
  supportedServices: { meetingCenter: true },
})

/** Where the Activate/Inactivate pairs start: ACTIVATED on odd rounds, DEACTIVATED on even ones. */
const alternating = (i: number): ActiveState => (i % 2 === 0 ? 'DEACTIVATED' : 'ACTIVATED')

/**
 * Site 1: an admin and the users the SetUser races use; `hub`: the (de)activation pairs; `names`:
 * CreateUser against a rename and a DelUser; `seat…`: one seat left, reopened after each round;
 * `full…`: full sites (one seat left). The `names` and `seat` sites sign in through SSO, so
 * CreateUser needs no password and spends no time in scrypt: the raced requests overlap more.
 */
const raceSeed = () => ({
  sites: [
    {
      siteName: 'hub',
      siteId: 2,
      site: { allowUserToChangeUserName: false, productIds: [], controlHubManaged: true },
      users: [
        { webExId: 'admin', password: 'DummyPass-1', privilege: { siteAdmin: true } },
        ...Array.from({ length: ROUNDS }, (_, i) => [
          hubUser(`ai${String(i)}`, alternating(i)),
          hubUser(`ad${String(i)}`, alternating(i)),
          hubUser(`id${String(i)}`, 'ACTIVATED'),
          hubUser(`dd${String(i)}`, 'ACTIVATED'),
        ]).flat(),
      ],
    },
    {
      siteName: 'names',
      siteId: 3,
      site: { allowUserToChangeUserName: true, usesSSO: true, productIds: [], controlHubManaged: false },
      users: [
        { webExId: 'admin', password: 'DummyPass-1', privilege: { siteAdmin: true } },
        ...Array.from({ length: ROUNDS }, (_, i) => ({ webExId: `mv${String(i)}` })),
      ],
    },
    ...SEAT_RACES.map((_, s) => ({
      siteName: `seat${String(s)}`,
      siteId: 4 + s,
      // admin and h0 count: one seat left; each round's winner is deactivated again to reopen it
      site: { hostLimit: 3, allowUserToChangeUserName: false, usesSSO: true, productIds: [], controlHubManaged: false },
      users: [
        { webExId: 'admin', password: 'DummyPass-1', privilege: { siteAdmin: true } },
        { webExId: 'h0' },
        ...Array.from({ length: ROUNDS }, (_, i) => ({ webExId: `c${String(i)}`, active: 'DEACTIVATED' })),
      ],
    })),
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

/** Sends the messages at once, the i-th through front door i (mod the doors); the response texts. */
const raceTexts = (target: Target, messages: readonly RequestMessage[]): Promise<string[]> =>
  Promise.all(
    messages.map((m, i) => {
      const post = target.posts[i % target.posts.length]
      if (post === undefined) throw new Error('no front door')
      return post(message(m))
    }),
  )

const race = async (target: Target, messages: readonly RequestMessage[]) =>
  (await raceTexts(target, messages)).map(status)

/**
 * A request's answer in one word: SUCCESS, or the exceptionID of a FAILURE; for a DelUser of one
 * user, the status of that user (its XML carries no exceptionID: an unknown user is `FAILURE`).
 */
const answerOf = (sent: RequestMessage, text: string): string => {
  const answered = status(text)
  if (answered.result !== 'SUCCESS') return answered.exceptionID ?? answered.result
  if (sent.operation !== 'DelUser') return answered.result
  const parsed = parseDelUserResponse(text)
  if (E.isLeft(parsed)) return expect.fail(`not a delUserResponse: ${text}`)
  return parsed.right.users.map((u) => u.status).join(' ')
}

/** Races the messages and answers each in one word ({@link answerOf}). */
const raceAnswers = async (target: Target, messages: readonly RequestMessage[]): Promise<string[]> =>
  (await raceTexts(target, messages)).map((text, i) => {
    const sent = messages[i]
    if (sent === undefined) throw new Error('an answer without a request')
    return answerOf(sent, text)
  })

/** The two serial orders of a pair: first-then-second, second-then-first. */
const ORDERS = [
  [0, 1],
  [1, 0],
] as const

/** A user's `active` as stored, or `absent` when no user has that name. */
const stateOf = async (target: Target, siteName: string, webExId: string): Promise<ActiveState | 'absent'> =>
  (await userOf(target, siteName, webExId))?.active ?? 'absent'

/** R6: the site row's counter and the rows it counts; the two must agree. */
const hostCount = async (target: Target, siteName: string): Promise<{ counter: number; rows: number }> => {
  const site = await findSite(target.db, { siteName })
  if (site === undefined) throw new Error(`no site ${siteName}`)
  const [rows] = await target.db.query<{ n: string }>(
    'SELECT count(*) AS n FROM users WHERE site_id = $1 AND counts_as_host',
    [site.id],
  )
  return { counter: site.activeHostCount, rows: Number(rows?.n) }
}

/** The effects queued for a user, in queue order: `operation kind service`. */
const effectsOf = async (target: Target, siteName: string, webExId: string): Promise<string[]> => {
  const site = await findSite(target.db, { siteName })
  const rows = await target.db.query<{ operation: string; kind: string; service: string | null }>(
    "SELECT operation, kind, payload->>'service' AS service FROM outbox WHERE site_id = $1 AND web_ex_id = $2 ORDER BY id",
    [site?.id ?? 0, webExId],
  )
  return rows.map((r) => [r.operation, r.kind, r.service ?? ''].join(' ').trim())
}

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

/** The (de)activating writers: each sets `active` and, on the hub, queues R15's licence effect. */
type Toggle = 'ActivateUser' | 'InactivateUser' | 'DelUser'

const toggleMessage = (ctx: SecurityContext, op: Toggle, webExId: string): RequestMessage =>
  op === 'DelUser'
    ? { operation: 'DelUser', securityContext: ctx, body: { webExId: [webExId] } }
    : { operation: op, securityContext: ctx, body: { webexID: webExId } }

/** What a pair race leaves: the answers (in the order sent), the user's `active`, its effects. */
interface PairOutcome {
  readonly answers: readonly string[]
  readonly active: ActiveState | 'absent'
  readonly effects: readonly string[]
}

/**
 * What running `ops` one after the other gives, in each serial order, on the hub (no host limit;
 * the user has meetingCenter): every answer SUCCESS (a DelUser or InactivateUser of an inactive
 * user, an ActivateUser of an active one, changes nothing and succeeds); `active` as the later
 * one sets it; one licence effect per change of `active` only (R15: assign when the user starts
 * to count, remove when they stop).
 */
const serialOutcomes = (initial: ActiveState, ops: readonly [Toggle, Toggle]): PairOutcome[] =>
  ORDERS.map((order) => {
    let active = initial
    const answers = ['', '']
    const effects: string[] = []
    for (const k of order) {
      const op = ops[k]
      const next: ActiveState = op === 'ActivateUser' ? 'ACTIVATED' : 'DEACTIVATED'
      if (next !== active)
        effects.push(`${op} ${next === 'ACTIVATED' ? 'assignMeetingLicense' : 'removeMeetingLicense'} meetingCenter`)
      active = next
      answers[k] = 'SUCCESS'
    }
    return { answers, active, effects }
  })

/** The (de)activation pairs on one hub user, each with the users it races and where they start. */
const TOGGLE_PAIRS: readonly {
  readonly ops: readonly [Toggle, Toggle]
  readonly prefix: string
  readonly initial: (round: number) => ActiveState
}[] = [
  { ops: ['ActivateUser', 'InactivateUser'], prefix: 'ai', initial: alternating },
  { ops: ['ActivateUser', 'DelUser'], prefix: 'ad', initial: alternating },
  { ops: ['InactivateUser', 'DelUser'], prefix: 'id', initial: () => 'ACTIVATED' },
  { ops: ['DelUser', 'DelUser'], prefix: 'dd', initial: () => 'ACTIVATED' },
]

const togglePairRaces = (target: () => Target) => {
  for (const { ops, prefix, initial } of TOGGLE_PAIRS) {
    it(`${ops.join(' × ')} on one user: the answers, the stored user and the R15 effects of one serial order`, async () => {
      const ctx = await adminOf(target(), 'hub')
      for (let i = 0; i < ROUNDS; i++) {
        const webExId = `${prefix}${String(i)}`
        const answers = await raceAnswers(
          target(),
          ops.map((op) => toggleMessage(ctx, op, webExId)),
        )
        const observed: PairOutcome = {
          answers,
          active: await stateOf(target(), 'hub', webExId),
          effects: await effectsOf(target(), 'hub', webExId),
        }
        expect(serialOutcomes(initial(i), ops)).toContainEqual(observed)
      }
      const count = await hostCount(target(), 'hub')
      expect(count.counter).toBe(count.rows)
    })
  }
}

const createRaces = (target: () => Target) => {
  it('R14 CreateUser of a name × SetUser renaming another user onto it: one serial order, the name once', async () => {
    const ctx = await adminOf(target(), 'names')
    const site = await findSite(target().db, { siteName: 'names' })
    for (let i = 0; i < ROUNDS; i++) {
      const name = `nx${String(i)}`
      const renamed = await userOf(target(), 'names', `mv${String(i)}`)
      if (renamed === undefined) throw new Error(`no user mv${String(i)}`)
      const answers = await raceAnswers(target(), [
        {
          operation: 'CreateUser',
          securityContext: ctx,
          body: { webExId: name, email: `${name}@example.com`, firstName: 'N', lastName: 'X' },
        },
        { operation: 'SetUser', securityContext: ctx, body: { webExId: `mv${String(i)}`, newWebExId: name } },
      ])
      const holder = await userOf(target(), 'names', name)
      const observed = {
        answers,
        // who holds the name: the renamed user (its userId) or a new one
        holder: holder === undefined ? 'nobody' : holder.userId === renamed.userId ? 'renamed' : 'created',
        oldName: await stateOf(target(), 'names', `mv${String(i)}`),
      }
      expect([
        // CreateUser first: the rename finds the name taken
        { answers: ['SUCCESS', '030004'], holder: 'created', oldName: 'ACTIVATED' },
        // SetUser first: the name is the renamed user's, CreateUser finds it taken
        { answers: ['030004', 'SUCCESS'], holder: 'renamed', oldName: 'absent' },
      ]).toContainEqual(observed)
      const same = (await listUsers(target().db, site?.id ?? 0)).filter((u) => u.user.webExId.toLowerCase() === name)
      expect(same).toHaveLength(1)
    }
  })

  it('CreateUser × DelUser of the same name: the answers and the stored user of one serial order', async () => {
    const ctx = await adminOf(target(), 'names')
    for (let i = 0; i < ROUNDS; i++) {
      const name = `dx${String(i)}`
      const answers = await raceAnswers(target(), [
        {
          operation: 'CreateUser',
          securityContext: ctx,
          body: { webExId: name, email: `${name}@example.com`, firstName: 'D', lastName: 'X' },
        },
        { operation: 'DelUser', securityContext: ctx, body: { webExId: [name] } },
      ])
      const observed = { answers, active: await stateOf(target(), 'names', name) }
      expect([
        // CreateUser first: DelUser deactivates the new user (DelUser never erases, spec §7.6)
        { answers: ['SUCCESS', 'SUCCESS'], active: 'DEACTIVATED' },
        // DelUser first: its one user is not found (030001, a per-user FAILURE), then created
        { answers: ['SUCCESS', 'FAILURE'], active: 'ACTIVATED' },
      ]).toContainEqual(observed)
    }
  })

  for (const [s, contender] of SEAT_RACES.entries()) {
    it(`R6 the last seat, reopened each round: CreateUser × ${contender === 'SetUser' ? 'SetUser active' : contender} — one SUCCESS, one 030010, never above the limit`, async () => {
      const siteName = `seat${String(s)}`
      const ctx = await adminOf(target(), siteName)
      for (let i = 0; i < ROUNDS; i++) {
        const created = `n${String(i)}`
        const other = contender === 'CreateUser' ? `m${String(i)}` : `c${String(i)}`
        const create = (webExId: string): RequestMessage => ({
          operation: 'CreateUser',
          securityContext: ctx,
          body: { webExId, email: `${webExId}@example.com`, firstName: 'S', lastName: 'T' },
        })
        const answers = await raceAnswers(target(), [
          create(created),
          contender === 'CreateUser'
            ? create(other)
            : contender === 'SetUser'
              ? { operation: 'SetUser', securityContext: ctx, body: { webExId: other, active: 'ACTIVATED' } }
              : { operation: 'ActivateUser', securityContext: ctx, body: { webexID: other } },
        ])
        const users = [created, other]
        const before: readonly (ActiveState | 'absent')[] = [
          'absent',
          contender === 'CreateUser' ? 'absent' : 'DEACTIVATED',
        ]
        const observed = {
          answers,
          states: await Promise.all(users.map((u) => stateOf(target(), siteName, u))),
          count: await hostCount(target(), siteName),
        }
        // the first takes the seat, the second finds the site full and changes nothing
        expect(
          ORDERS.map(([first, second]) => ({
            answers: first === 0 ? ['SUCCESS', '030010'] : ['030010', 'SUCCESS'],
            states: first === 0 ? ['ACTIVATED', before[second]] : [before[second], 'ACTIVATED'],
            count: { counter: 3, rows: 3 },
          })),
        ).toContainEqual(observed)
        // reopen the seat: the winner deactivated, one request at a time
        const winner = users[answers.indexOf('SUCCESS')] ?? ''
        const [reopened] = await race(target(), [
          { operation: 'InactivateUser', securityContext: ctx, body: { webexID: winner } },
        ])
        expect(reopened).toEqual(SUCCESS)
        expect(await hostCount(target(), siteName)).toEqual({ counter: 2, rows: 2 })
      }
    })
  }
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
  togglePairRaces(target)
  createRaces(target)
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
    // race, hub, names, the seat sites and the full sites
    expect(Number(sites?.n)).toBe(3 + SEAT_RACES.length + FULL_SITES)
    const [migrations] = await db.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations')
    expect(Number(migrations?.n)).toBe(MIGRATIONS.length)
  })
  pairRaces(target)
  togglePairRaces(target)
  createRaces(target)
  fullSiteRaces(target)
})
