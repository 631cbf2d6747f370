/**
 * The bin itself (issue 11 items 1, 2 and 8): `import` and `export` into a database folder, a
 * restart on that folder, and SIGTERM while requests are in flight — the built
 * `webex-user-rules-server` in processes of its own, on a PGlite folder (no mocks).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { SecurityContext } from 'webex-user-rules/xml'
import pg from 'pg'
import { BIN, corpus, freshPostgres, getUserOf, message, POSTGRES_URL, spawnServer, status } from './helpers.js'

const scratch = mkdtempSync(join(tmpdir(), 'webex-bin-'))
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
})
const at = (name: string): string => join(scratch, name)

/** The exit code of a child process, once it has exited. */
const exitOf = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) =>
        child.once('exit', (code) => {
          resolve(code)
        }),
      )

/** Polls `ready` every 20 ms until it holds; fails naming `what` after 30 s. */
const waitFor = async (what: string, ready: () => Promise<boolean>): Promise<void> => {
  const deadline = Date.now() + 30_000
  while (!(await ready())) {
    if (Date.now() > deadline) expect.fail(`still waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
/** Sessions waiting for a row lock (the service's transactions behind the holder's). */
const WAITING =
  "SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"

/** Runs the bin to its end: exit code, stdout, stderr. */
const runBin = (args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.once('exit', (code) => {
      resolve({ code, stdout, stderr })
    })
  })

const SITE = 'binsite'
const seed = {
  siteName: SITE,
  siteId: 7,
  site: { hostLimit: 50, allowUserToChangeUserName: false, productIds: [], controlHubManaged: false },
  users: [
    { webExId: 'admin', password: 'DummyPass-1', privilege: { siteAdmin: true } },
    { webExId: 'ana', firstName: 'Ana', email: 'ana@example.com', password: 'Secret-Pass-9' },
    ...Array.from({ length: 8 }, (_, i) => ({ webExId: `u${String(i)}` })),
  ],
}
const ADMIN: SecurityContext = { webExID: 'admin', password: 'DummyPass-1', siteName: SITE }

interface ExportedUser {
  readonly webExId: string
  readonly userId?: number
  readonly password?: unknown
  readonly passwordHash?: string
  readonly firstName?: string
}
interface Exported {
  readonly sites: readonly { readonly siteName: string; readonly users: readonly ExportedUser[] }[]
}
const exported = (stdout: string): Exported => JSON.parse(stdout) as Exported
const usersOf = (e: Exported): readonly ExportedUser[] => e.sites.find((s) => s.siteName === SITE)?.users ?? []

describe('import and export (the bin)', { timeout: 120_000 }, () => {
  it('imports a seed into a folder, exports it with hashed passwords, and the export imports back to the same', async () => {
    writeFileSync(at('seed.json'), JSON.stringify(seed))
    const imported = await runBin(['import', '--database', at('db1'), at('seed.json')])
    expect([imported.code, imported.stderr.trim()]).toEqual([0, 'webex-user-rules-server: imported 10 users'])

    const first = await runBin(['export', '--database', at('db1')])
    expect(first.code).toBe(0)
    const users = usersOf(exported(first.stdout))
    expect(users.map((u) => u.webExId).sort()).toEqual(seed.users.map((u) => u.webExId).sort())
    // every user got a userId; no password leaves in plain text, only as a hash
    expect(users.every((u) => Number.isSafeInteger(u.userId) && (u.userId ?? 0) > 0)).toBe(true)
    expect(first.stdout).not.toContain('DummyPass-1')
    expect(first.stdout).not.toContain('Secret-Pass-9')
    expect(users.filter((u) => u.passwordHash !== undefined).map((u) => u.webExId)).toEqual(['admin', 'ana'])
    expect(users.every((u) => u.password === undefined)).toBe(true)

    // the export is a seed: imported into another folder, it exports the same document
    writeFileSync(at('export.json'), first.stdout)
    expect((await runBin(['import', '--database', at('db2'), at('export.json')])).code).toBe(0)
    const second = await runBin(['export', '--database', at('db2')])
    expect(second.code).toBe(0)
    expect(exported(second.stdout)).toEqual(exported(first.stdout))

    // the imported hash still authenticates: a server on that folder lets ana in with her password
    const server = await spawnServer(['--database', at('db2'), '--seed', at('seed.json')])
    try {
      const ana = await getUserOf((body) => server.post(body), 'ana', {
        webExID: 'ana',
        password: 'Secret-Pass-9',
        siteName: SITE,
      })
      expect(ana?.firstName).toBe('Ana')
      const wrong = await server.post(
        message({
          operation: 'GetUser',
          securityContext: { webExID: 'ana', password: 'Secret-Pass-8', siteName: SITE },
          body: { webExId: 'ana' },
        }),
      )
      expect(status(wrong.text).exceptionID).toBe('030002')
    } finally {
      expect(await server.stop()).toBe(0)
    }
  })

  it('imports GetUser responses into a named site: the masked password is not a password', async () => {
    const file = at('atlas-1.xml')
    writeFileSync(file, corpus('getuser-response-atlas-1.xml'))
    const imported = await runBin(['import', '--database', at('db1'), '--site', SITE, file])
    expect([imported.code, imported.stderr.trim()]).toEqual([0, 'webex-user-rules-server: imported 1 users'])
    const users = usersOf(exported((await runBin(['export', '--database', at('db1')])).stdout))
    const atlas = users.find((u) => u.webExId === 'jdoe+78695@example.com')
    expect(atlas).toMatchObject({ webExId: 'jdoe+78695@example.com', firstName: 'undefined' })
    expect(atlas?.passwordHash).toBeUndefined()
    expect(JSON.stringify(atlas)).not.toContain('******')
    expect(users).toHaveLength(11)
  })

  it('refuses what it cannot import, with exit status 2 and a reason', async () => {
    const none = await runBin(['import', '--database', at('db3')])
    expect([none.code, none.stderr.trim()]).toEqual([2, 'webex-user-rules-server: import: name the files to import'])
    const file = at('atlas-1.xml')
    writeFileSync(file, corpus('getuser-response-atlas-1.xml'))
    const noSite = await runBin(['import', '--database', at('db3'), '--site', 'nowhere', file])
    expect(noSite.code).toBe(2)
    expect(noSite.stderr).toContain('--site NAME names no site')
    writeFileSync(
      at('bad.json'),
      JSON.stringify({ ...seed, users: [{ webExId: 'x', password: 'Leak-Me-1', active: 'MAYBE' }] }),
    )
    const bad = await runBin(['import', '--database', at('db3'), at('bad.json')])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('seed.users[0]')
    expect(bad.stderr).not.toContain('Leak-Me-1')
    const unknown = await runBin(['frobnicate'])
    expect([unknown.code, unknown.stderr.trim()]).toEqual([
      2,
      'webex-user-rules-server: unknown command frobnicate (serve, import, export)',
    ])
  })
})

describe.runIf(POSTGRES_URL !== undefined)(
  'SIGTERM on the bin (issue 11 item 8), on PostgreSQL',
  { timeout: 120_000 },
  () => {
    it('finishes the requests in flight (held on a row lock) before it closes the database, then exits 0', async () => {
      const database = await freshPostgres()
      writeFileSync(at('seed.json'), JSON.stringify(seed))
      const server = await spawnServer(['--database', database.url, '--seed', at('seed.json')])
      const holder = new pg.Client({ connectionString: database.url })
      // a session of its own: inside the holder's transaction pg_stat_activity would stay one snapshot
      const observer = new pg.Client({ connectionString: database.url })
      try {
        // a session ticket first: the SetUsers then spend no time in scrypt
        const auth = await server.post(message({ operation: 'AuthenticateUser', securityContext: ADMIN, body: {} }))
        const ticket = /<use:sessionTicket>([^<]+)</.exec(auth.text)?.[1] ?? ''
        expect(ticket).not.toBe('')
        const ctx: SecurityContext = { webExID: 'admin', sessionTicket: ticket, siteName: SITE }
        // another session holds ana's row: every SetUser of ana waits inside its transaction
        await holder.connect()
        await observer.connect()
        await holder.query('BEGIN')
        await holder.query("SELECT id FROM users WHERE lower(web_ex_id) = 'ana' FOR UPDATE")
        const sent = Array.from({ length: 6 }, (_, i) => `N${String(i)}`)
        const answers = sent.map((firstName) =>
          server
            .post(message({ operation: 'SetUser', securityContext: ctx, body: { webExId: 'ana', firstName } }))
            .then(
              (a) => status(a.text).result,
              () => 'no answer',
            ),
        )
        await waitFor(
          'the SetUsers to wait for the row lock',
          async () => Number((await observer.query<{ n: string }>(WAITING)).rows[0]?.n) === sent.length,
        )

        server.child.kill('SIGTERM')
        await waitFor('the log line of the shutdown', () =>
          Promise.resolve(server.stderr().includes('shutting down: no new connections')),
        )
        const inFlight = /"inFlight":(\d+),[^\n]*"msg":"shutting down: no new connections"/.exec(server.stderr())?.[1]
        expect(inFlight).toBe(String(sent.length))
        await holder.query('COMMIT')
        // every request in flight when the signal came is finished and answered, and stored
        expect(await Promise.all(answers)).toEqual(sent.map(() => 'SUCCESS'))
        expect(await exitOf(server.child)).toBe(0)
        expect(server.stderr()).not.toContain(ticket)
        const stored = await holder.query<{ first_name: string }>(
          "SELECT doc->>'firstName' AS first_name FROM users WHERE lower(web_ex_id) = 'ana'",
        )
        expect(sent).toContain(stored.rows[0]?.first_name)
      } finally {
        await holder.end()
        await observer.end()
        if (server.child.exitCode === null) await server.stop()
        await database.drop()
      }
    })
  },
)

// the seed given on a restart does not overwrite what the folder holds (only an empty database is seeded)
describe('a restart on a folder', { timeout: 120_000 }, () => {
  it('keeps the changes made before; --seed seeds only an empty database', async () => {
    const folder = at('db5')
    writeFileSync(at('seed.json'), JSON.stringify(seed))
    const first = await spawnServer(['--database', folder, '--seed', at('seed.json')])
    try {
      const set = await first.post(
        message({ operation: 'SetUser', securityContext: ADMIN, body: { webExId: 'ana', firstName: 'Changed' } }),
      )
      expect(status(set.text).result).toBe('SUCCESS')
    } finally {
      expect(await first.stop()).toBe(0)
    }
    const second = await spawnServer(['--database', folder, '--seed', at('seed.json')])
    try {
      expect((await getUserOf((body) => second.post(body), 'ana', ADMIN))?.firstName).toBe('Changed')
    } finally {
      expect(await second.stop()).toBe(0)
    }
    expect(JSON.parse(readFileSync(at('seed.json'), 'utf8'))).toEqual(seed)
  })
})
