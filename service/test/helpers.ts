/**
 * Real databases and real processes for the service's tests: PGlite in this process, or a
 * fresh database on the PostgreSQL server `WEBEX_TEST_DATABASE_URL` names (no mocks anywhere).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import pg from 'pg'
import pino from 'pino'
import { expect } from 'vitest'
import type { User } from 'webex-user-rules'
import {
  parseGetUserResponse,
  parseResponseStatus,
  renderRequestMessage,
  type RequestMessage,
  type ResponseStatus,
  type SecurityContext,
} from 'webex-user-rules/xml'
import { type App, createApp } from '../src/app.js'
import type { Database, Queryable, Row } from '../src/db/database.js'
import { findSite, findUser, type StoredUser } from '../src/db/store.js'
import { issueSessionTicket } from '../src/operations/caller.js'
import { serve, type Served } from '../src/serve.js'
import { decodeSeed, importSeed } from '../src/seed.js'

export const SERVICE = fileURLToPath(new URL('../', import.meta.url))
export const BIN = `${SERVICE}dist/main.js`
const CORPUS = new URL('../../test/fixtures/corpus/', import.meta.url)
export const corpus = (file: string): string => readFileSync(new URL(file, CORPUS), 'utf8')

/** The PostgreSQL server of the multi-process tests, or undefined (then they are skipped locally; CI sets it). */
export const POSTGRES_URL = process.env['WEBEX_TEST_DATABASE_URL']

/** A new, empty database on the test server; `drop` removes it. */
export const freshPostgres = async (): Promise<{ url: string; drop: () => Promise<void> }> => {
  if (POSTGRES_URL === undefined) throw new Error('WEBEX_TEST_DATABASE_URL is not set')
  const name = `webex_t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(POSTGRES_URL)
  url.pathname = `/${name}`
  return {
    url: url.href,
    drop: async () => {
      // FORCE ends the database's sessions, but a role that is not a superuser may not end an
      // autovacuum worker's (42501): wait for it and try again
      for (let attempt = 1; ; attempt++) {
        const client = new pg.Client({ connectionString: POSTGRES_URL })
        await client.connect()
        try {
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
          return
        } catch (thrown) {
          const code = (thrown as { code?: unknown }).code
          if (attempt >= 20 || (code !== '42501' && code !== '55006')) throw thrown
        } finally {
          await client.end()
        }
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    },
  }
}

export interface Running {
  readonly app: App
  readonly served: Served
  readonly logText: () => string
  post(body: string | Uint8Array, path?: string): Promise<{ status: number; text: string }>
  stop(): Promise<void>
}

let nextSiteId = 100

/**
 * Adds a site of its own to a running app (opening a PGlite database costs seconds, so a test
 * file shares one and each test gets a new site). Returns the site's name.
 */
export const addSite = async (app: App, seed: Record<string, unknown>): Promise<string> => {
  const siteId = nextSiteId++
  const siteName = `site${String(siteId)}`
  const sites = decodeSeed({ siteName, siteId, ...seed })
  if (E.isLeft(sites)) throw new Error(sites.left)
  await importSeed(app.db, sites.right)
  return siteName
}

/** The stored row of a user, read straight from the database. */
export const stored = async (app: App, siteName: string, webExId: string): Promise<StoredUser | undefined> => {
  const site = await findSite(app.db, { siteName })
  return site === undefined ? undefined : findUser(app.db, site.id, webExId, 'none')
}

/** The app on PGlite (`memory:` unless told) behind the HTTP front, on 127.0.0.1 and any port. */
export const boot = async (seed?: unknown, database = 'memory:', webhook?: string): Promise<Running> => {
  const raw: string[] = []
  const log = pino({}, { write: (line: string) => raw.push(line) })
  const app = await createApp({
    database,
    log,
    ...(seed === undefined ? {} : { seed }),
    outboxPollMs: 50,
    ...(webhook === undefined ? {} : { webhook }),
  })
  const served = await serve(app, log, 0, '127.0.0.1')
  return {
    app,
    served,
    logText: () => raw.join(''),
    post: async (body, path) => {
      const url = path === undefined ? served.url : new URL(path, served.url)
      const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'text/xml' } })
      return { status: response.status, text: await response.text() }
    },
    stop: async () => {
      await served.shutdown()
      await app.close()
    },
  }
}

export const status = (text: string): ResponseStatus => {
  const parsed = parseResponseStatus(text)
  if (E.isLeft(parsed)) expect.fail(`not a serv:message response: ${text}`)
  return parsed.right
}

/** A request message of any operation. */
export const message = (m: RequestMessage): string => renderRequestMessage(m)

export const ADMIN: SecurityContext = { webExID: 'admin', password: 'DummyPass-1', siteName: 'examplesite' }

export const getUserOf = async (
  post: (body: string) => Promise<{ text: string }>,
  webExId: string,
  securityContext: SecurityContext = ADMIN,
): Promise<User | undefined> => {
  const { text } = await post(message({ operation: 'GetUser', securityContext, body: { webExId } }))
  const user = parseGetUserResponse(text)
  return E.isRight(user) ? user.right : undefined
}

/** A real session ticket for a stored user (what AuthenticateUser hands out). */
export const ticketFor = async (app: App, webExId: string, siteName = 'examplesite'): Promise<string> => {
  const site = await findSite(app.db, { siteName })
  if (site === undefined) throw new Error(`no site ${siteName}`)
  const user = await findUser(app.db, site.id, webExId, 'none')
  if (user === undefined) throw new Error(`no user ${webExId}`)
  return (await issueSessionTicket(app.db, site, user.id)).ticket
}

/** A server process of the built bin; resolves once it printed its one stdout line. */
export interface ServerProcess {
  readonly child: ChildProcess
  readonly url: URL
  readonly stdout: () => string
  readonly stderr: () => string
  post(body: string): Promise<{ status: number; text: string }>
  /** SIGTERM, and the exit code. */
  stop(): Promise<number | null>
}

export const spawnServer = (args: readonly string[]): Promise<ServerProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    const exited = new Promise<number | null>((done) =>
      child.once('exit', (code) => {
        done(code)
      }),
    )
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      const match = /^listening on (\S+)\n/.exec(out)
      if (match?.[1] !== undefined) {
        const url = new URL(match[1])
        resolve({
          child,
          url,
          stdout: () => out,
          stderr: () => err,
          post: async (body) => {
            const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'text/xml' } })
            return { status: response.status, text: await response.text() }
          },
          stop: async () => {
            child.kill('SIGTERM')
            return exited
          },
        })
      }
    })
    void exited.then((code) => {
      reject(new Error(`the server exited (${String(code)}) before listening: ${err}`))
    })
  })

/**
 * `db` with every statement it is sent written down (BEGIN and COMMIT included), and apart the ones
 * sent through `execute` (on PostgreSQL: not awaited, they travel with the COMMIT, D-SP-6).
 */
export const recording = (
  db: Database,
): { readonly db: Database; readonly sent: string[]; readonly executed: string[] } => {
  const sent: string[] = []
  const executed: string[] = []
  const record = (q: Queryable): Queryable => ({
    query: <R extends Row = Row>(sql: string, params?: readonly unknown[]) => {
      sent.push(sql.replace(/\s+/g, ' ').trim())
      return q.query<R>(sql, params)
    },
    execute: (sql: string, params?: readonly unknown[]) => {
      sent.push(sql.replace(/\s+/g, ' ').trim())
      executed.push(sql.replace(/\s+/g, ' ').trim())
      return q.execute(sql, params)
    },
  })
  const outside = record(db)
  return {
    sent,
    executed,
    db: {
      kind: db.kind,
      query: <R extends Row = Row>(sql: string, params?: readonly unknown[]) => outside.query<R>(sql, params),
      execute: (sql: string, params?: readonly unknown[]) => outside.execute(sql, params),
      transaction: async <T>(work: (tx: Queryable) => Promise<T>): Promise<T> => {
        sent.push('BEGIN')
        try {
          return await db.transaction((tx) => work(record(tx)))
        } finally {
          sent.push('COMMIT')
        }
      },
      close: () => db.close(),
    },
  }
}
