/**
 * One `Database` over embedded PGlite (`memory:` or a folder) and a PostgreSQL server
 * (`postgres://…`, a node-postgres Pool). Every caller writes the same SQL for both (D-SV-2).
 */
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'

/** A row as the driver returns it: column name to value. */
export type Row = Record<string, unknown>

/** What a transaction (or the database outside one) can run. */
export interface Queryable {
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>
  /**
   * Runs a statement whose result the caller does not need (a write). In a PostgreSQL
   * transaction it is sent without waiting for its answer (D-SP-6): its failure is the
   * transaction's failure, reported by the next `query` or by the commit, and the transaction
   * is then rolled back, never committed. Elsewhere it is `query` awaited.
   */
  execute(sql: string, params?: readonly unknown[]): Promise<void>
}

export interface Database extends Queryable {
  /** `pglite` runs in this process; `postgres` is shared by every process that connects. */
  readonly kind: 'pglite' | 'postgres'
  /**
   * Runs `work` in one transaction (READ COMMITTED, the locks taken with FOR UPDATE) and commits,
   * or rolls back when it throws. A serialization failure (40001) or deadlock (40P01) runs it
   * again, at most {@link MAX_ATTEMPTS} times, after a growing random pause.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** Attempts of a transaction that keeps meeting serialization failures or deadlocks. */
export const MAX_ATTEMPTS = 8

/** SQLSTATEs that mean "run it again": serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(['40001', '40P01'])

const sqlState = (thrown: unknown): string | undefined =>
  typeof thrown === 'object' && thrown !== null && 'code' in thrown && typeof thrown.code === 'string'
    ? thrown.code
    : undefined

/** True when `thrown` is a PostgreSQL error with that SQLSTATE. */
export const hasSqlState = (thrown: unknown, state: string): boolean => sqlState(thrown) === state

const pause = (attempt: number): Promise<void> =>
  // full jitter: two retrying transactions do not meet again at the same moment
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** attempt)))

/** Runs `once` until it succeeds, fails for another reason, or has used up its attempts. */
export const withRetry = async <T>(once: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await once()
    } catch (thrown) {
      const state = sqlState(thrown)
      if (attempt >= MAX_ATTEMPTS || state === undefined || !RETRYABLE.has(state)) throw thrown
      await pause(attempt)
    }
  }
}

class PgliteDatabase implements Database {
  readonly kind = 'pglite'
  constructor(private readonly db: PGlite) {}

  async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    return (await this.db.query<R>(sql, [...params])).rows
  }

  async execute(sql: string, params: readonly unknown[] = []): Promise<void> {
    await this.db.query(sql, [...params])
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    // PGlite runs one transaction at a time (its transaction() queues them): no deadlock is
    // possible, but the retry costs nothing and keeps both kinds alike
    return withRetry(() =>
      this.db.transaction(async (tx) =>
        work({
          query: async <R extends Row = Row>(sql: string, params: readonly unknown[] = []) =>
            (await tx.query<R>(sql, [...params])).rows,
          execute: async (sql: string, params: readonly unknown[] = []) => {
            await tx.query(sql, [...params])
          },
        }),
      ),
    )
  }

  close(): Promise<void> {
    return this.db.close()
  }
}

/**
 * A named (prepared) statement for every query that takes parameters (D-SP-3): each connection
 * parses and plans such a text once and then only binds and executes it. The texts are the
 * store's fixed SQL (a few dozen), so the names are few; a query without parameters (the
 * migrations' DDL, `SELECT 1`) stays unnamed.
 */
const statementNames = new Map<string, string>()
const statement = (sql: string, params: readonly unknown[]): pg.QueryConfig<unknown[]> => {
  if (params.length === 0) return { text: sql }
  let name = statementNames.get(sql)
  if (name === undefined) {
    name = `wur_${String(statementNames.size + 1)}`
    statementNames.set(sql, name)
  }
  return { name, text: sql, values: [...params] }
}

/** Thrown when COMMIT ended the transaction in a rollback (a statement of it had failed). */
export class RolledBack extends Error {}

/**
 * The pool's connections run in pipeline mode (D-SP-6): a statement is sent without waiting for
 * the answer to the previous one, the answers come back in order, and each statement keeps its
 * own Sync (so its own success or failure). A transaction uses it for two things only:
 *
 * - `BEGIN` is sent with the transaction's first statement, in one write: one round trip;
 * - the writes whose results it does not need (`execute`) are sent as they come, and `COMMIT`
 *   right behind them, in one write: one round trip for the writes and the commit.
 *
 * Every statement still runs in the transaction, in the order the operation issued it, and the
 * transaction commits only if every one of them succeeded: a failed write leaves the transaction
 * aborted, so the statements behind it fail and `COMMIT` rolls back (PostgreSQL answers it with
 * `ROLLBACK`), which is reported as that write's error.
 */
class PostgresDatabase implements Database {
  readonly kind = 'postgres'
  constructor(private readonly pool: pg.Pool) {}

  async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    return (await this.pool.query<R>(statement(sql, params))).rows
  }

  async execute(sql: string, params: readonly unknown[] = []): Promise<void> {
    await this.pool.query(statement(sql, params))
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return withRetry(async () => {
      const client = await this.pool.connect()
      const { stream } = client.connection
      // writes held in the socket's buffer (cork) until the next statement whose answer is awaited
      let corked = false
      const flush = (): void => {
        if (corked) stream.uncork()
        corked = false
      }
      // an object: the closures below set it, the checks after `work` read it
      const state = { begun: false }
      /** The writes sent and not yet answered, and the first of them that failed. */
      const writes: Promise<unknown>[] = []
      let failedWrite: Error | undefined
      const writeFailure = async (): Promise<Error | undefined> => {
        await Promise.allSettled(writes)
        return failedWrite
      }
      const send = <R extends Row>(sql: string, params: readonly unknown[]): Promise<pg.QueryResult<R>> => {
        if (state.begun) return client.query<R>(statement(sql, params))
        state.begun = true
        // BEGIN with the first statement: one write, one round trip
        stream.cork()
        try {
          const begin = client.query('BEGIN')
          const first = client.query<R>(statement(sql, params))
          return Promise.all([begin, first]).then(([, result]) => result)
        } finally {
          stream.uncork()
        }
      }
      const tx: Queryable = {
        query: async <R extends Row = Row>(sql: string, params: readonly unknown[] = []) => {
          const answer = send<R>(sql, params)
          flush()
          try {
            return (await answer).rows
          } catch (thrown) {
            // after a failed write every statement fails ("current transaction is aborted"):
            // the write's error is the one to report (a deadlock there is retried)
            throw (await writeFailure()) ?? thrown
          }
        },
        execute: (sql: string, params: readonly unknown[] = []) => {
          if (!corked) stream.cork()
          corked = true
          const answer = send(sql, params).catch((thrown: unknown) => {
            failedWrite ??= thrown instanceof Error ? thrown : new Error(String(thrown))
          })
          writes.push(answer)
          return Promise.resolve()
        },
      }
      let broken = false
      try {
        const result = await work(tx)
        if (!state.begun) return result
        const commit = client.query('COMMIT')
        flush()
        const [failure, committed] = await Promise.all([writeFailure(), commit])
        if (failure !== undefined) throw failure
        if (committed.command !== 'COMMIT') throw new RolledBack(`COMMIT answered ${committed.command}`)
        return result
      } catch (thrown) {
        flush()
        const failure = await writeFailure()
        if (state.begun)
          try {
            // after a COMMIT that failed or rolled back there is no transaction left: a warning only
            await client.query('ROLLBACK')
          } catch {
            // the connection itself failed: do not give it back to the pool
            broken = true
          }
        throw failure ?? thrown
      } finally {
        flush()
        client.release(broken)
      }
    })
  }

  close(): Promise<void> {
    return this.pool.end()
  }
}

/** Connections of a PostgreSQL pool unless told otherwise (D-SP-4). */
export const DEFAULT_POOL_SIZE = 10

/** Options of {@link openDatabase}. */
export interface OpenOptions {
  /** Connections of a PostgreSQL pool (default {@link DEFAULT_POOL_SIZE}). */
  readonly poolSize?: number
}

/**
 * Opens `location`: `memory:` (PGlite, gone when the process ends), `postgres://…` or
 * `postgresql://…` (a server), anything else a folder PGlite persists to (created if missing).
 */
export const openDatabase = async (location: string, options: OpenOptions = {}): Promise<Database> => {
  if (/^postgres(ql)?:\/\//.test(location)) {
    const pool = new pg.Pool({
      connectionString: location,
      max: options.poolSize ?? DEFAULT_POOL_SIZE,
      // D-SP-6: statements of a transaction travel together (see PostgresDatabase)
      pipeline: true,
    })
    // an idle client's error (the server restarted) must not crash the process; the next
    // query reports it to its caller
    pool.on('error', () => undefined)
    return new PostgresDatabase(pool)
  }
  const db = location === 'memory:' ? await PGlite.create() : await PGlite.create(location)
  return new PgliteDatabase(db)
}
