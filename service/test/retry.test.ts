/**
 * Issue 11 item 3, "no deadlock left unhandled": `withRetry` (service/src/db/database.ts) runs a
 * transaction again after a serialization failure (40001) or a deadlock (40P01), at most
 * MAX_ATTEMPTS times, and throws anything else at once. First the function itself, with thrown
 * errors carrying those SQLSTATEs; then, on a real PostgreSQL (WEBEX_TEST_DATABASE_URL; no mock
 * of the database), a real deadlock and a real serialization failure that both end committed
 * because of the retry. docs/testing.md records that these fail with MAX_ATTEMPTS = 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database, MAX_ATTEMPTS, openDatabase, withRetry } from '../src/db/database.js'
import { freshPostgres, POSTGRES_URL } from './helpers.js'

/** An error as node-postgres raises it: a SQLSTATE in `code`. */
const sqlError = (code: string): Error => Object.assign(new Error(`SQLSTATE ${code}`), { code })

const codeOf = (thrown: unknown): string =>
  typeof thrown === 'object' && thrown !== null && 'code' in thrown ? String(thrown.code) : 'no code'

/** A promise and the function that settles it. */
const signal = (): { readonly done: Promise<void>; readonly fire: () => void } => {
  let fire = (): void => undefined
  const done = new Promise<void>((resolve) => {
    fire = resolve
  })
  return { done, fire }
}

/** Resolves for everyone once `parties` have arrived. */
const barrier = (parties: number): (() => Promise<void>) => {
  const all = signal()
  let arrived = 0
  return () => {
    arrived++
    if (arrived === parties) all.fire()
    return all.done
  }
}

describe('withRetry', () => {
  it('40001 and 40P01 run the work again: after k such failures it returns the value of run k + 1', async () => {
    expect(MAX_ATTEMPTS).toBeGreaterThan(1)
    for (const k of [1, 2, MAX_ATTEMPTS - 1]) {
      let runs = 0
      const value = await withRetry(() => {
        runs++
        // the two retryable SQLSTATEs in turn
        return runs <= k
          ? Promise.reject(sqlError(runs % 2 === 0 ? '40P01' : '40001'))
          : Promise.resolve(`run ${String(runs)}`)
      })
      expect(value).toBe(`run ${String(k + 1)}`)
      expect(runs).toBe(k + 1)
    }
  })

  it('bounded: work that keeps failing with 40P01 runs MAX_ATTEMPTS times, then its last failure is thrown', async () => {
    const thrown: Error[] = []
    let runs = 0
    const result = withRetry(() => {
      runs++
      const failure = sqlError(runs % 2 === 0 ? '40001' : '40P01')
      thrown.push(failure)
      return Promise.reject(failure)
    })
    await expect(result).rejects.toThrow(/^SQLSTATE 40/)
    expect(runs).toBe(MAX_ATTEMPTS)
    expect(await result.catch((e: unknown) => e)).toBe(thrown.at(-1))
  })

  it('any other failure is thrown at once, after one run: another SQLSTATE, a non-string code, no code', async () => {
    const others = [
      sqlError('23505'),
      sqlError('40P02'),
      Object.assign(new Error('a numeric code'), { code: 40001 }),
      new Error('40001'),
    ]
    for (const failure of others) {
      let runs = 0
      const caught = await withRetry(() => {
        runs++
        return Promise.reject(failure)
      }).catch((e: unknown) => e)
      expect(caught).toBe(failure)
      expect(runs).toBe(1)
    }
  })
})

it('CI runs the PostgreSQL retry tests (they are skipped only where no server is configured)', () => {
  expect(process.env['CI'] !== 'true' || /^postgres(ql)?:\/\//.test(POSTGRES_URL ?? '')).toBe(true)
})

describe.runIf(POSTGRES_URL !== undefined)('Database.transaction on PostgreSQL: real 40P01 and 40001 retried', () => {
  let database: Awaited<ReturnType<typeof freshPostgres>>
  let db: Database
  beforeAll(async () => {
    database = await freshPostgres()
    db = await openDatabase(database.url, { poolSize: 4 })
    await db.query('CREATE TABLE pair (id integer PRIMARY KEY, v integer NOT NULL)')
  })
  afterAll(async () => {
    await db.close()
    await database.drop()
  })

  const values = async (): Promise<number[]> =>
    (await db.query<{ v: number }>('SELECT v FROM pair ORDER BY id')).map((r) => r.v)

  it('a deadlock (two transactions lock two rows in opposite orders): PostgreSQL aborts one with 40P01, the retry runs it again, both commit once', async () => {
    await db.query('TRUNCATE pair')
    await db.query('INSERT INTO pair (id, v) VALUES (1, 0), (2, 0)')
    const bothHoldTheirFirstRow = barrier(2)
    const runs = [0, 0]
    const failures: string[] = []
    const lockBoth = (k: 0 | 1, first: number, second: number): Promise<number> =>
      db.transaction(async (tx) => {
        runs[k] = (runs[k] ?? 0) + 1
        try {
          await tx.query('SELECT v FROM pair WHERE id = $1 FOR UPDATE', [first])
          // the first run of each waits until both hold their first row: the second locks cross
          if (runs[k] === 1) await bothHoldTheirFirstRow()
          await tx.query('UPDATE pair SET v = v + 1 WHERE id = $1', [second])
          await tx.query('UPDATE pair SET v = v + 1 WHERE id = $1', [first])
          return k
        } catch (thrown) {
          failures.push(codeOf(thrown))
          throw thrown
        }
      })
    expect(await Promise.all([lockBoth(0, 1, 2), lockBoth(1, 2, 1)])).toEqual([0, 1])
    // one victim, run twice; its first run rolled back, so each row was incremented once per transaction
    expect(failures).toEqual(['40P01'])
    expect([...runs].sort()).toEqual([1, 2])
    expect(await values()).toEqual([2, 2])
  })

  it('a deadlock met by writes sent without waiting (execute, D-SP-6): reported at the commit as 40P01, retried, both commit once', async () => {
    await db.query('TRUNCATE pair')
    await db.query('INSERT INTO pair (id, v) VALUES (1, 0), (2, 0)')
    const bothHoldTheirFirstRow = barrier(2)
    const runs = [0, 0]
    const lockBoth = (k: 0 | 1, first: number, second: number): Promise<number> =>
      db.transaction(async (tx) => {
        runs[k] = (runs[k] ?? 0) + 1
        await tx.query('SELECT v FROM pair WHERE id = $1 FOR UPDATE', [first])
        if (runs[k] === 1) await bothHoldTheirFirstRow()
        await tx.execute('UPDATE pair SET v = v + 1 WHERE id = $1', [second])
        await tx.execute('UPDATE pair SET v = v + 1 WHERE id = $1', [first])
        return k
      })
    expect(await Promise.all([lockBoth(0, 1, 2), lockBoth(1, 2, 1)])).toEqual([0, 1])
    expect([...runs].sort()).toEqual([1, 2])
    expect(await values()).toEqual([2, 2])
  })

  it('a write sent without waiting that fails fails its transaction: its error is thrown (also by the query behind it), nothing is committed', async () => {
    await db.query('TRUNCATE pair')
    await db.query('INSERT INTO pair (id, v) VALUES (1, 0)')
    // the failing write last: the COMMIT behind it rolls back, the transaction throws the write's error
    const atCommit = await db
      .transaction(async (tx) => {
        await tx.execute('UPDATE pair SET v = 5 WHERE id = $1', [1])
        await tx.execute('INSERT INTO pair (id, v) VALUES ($1, $2)', [1, 7])
        return 'committed'
      })
      .catch((thrown: unknown) => thrown)
    expect(codeOf(atCommit)).toBe('23505')
    // a query behind the failed write fails too ("transaction aborted"): the write's error is reported
    const behind = await db
      .transaction(async (tx) => {
        await tx.execute('INSERT INTO pair (id, v) VALUES ($1, $2)', [1, 7])
        await tx.query('UPDATE pair SET v = 9 WHERE id = $1', [1])
        return 'committed'
      })
      .catch((thrown: unknown) => thrown)
    expect(codeOf(behind)).toBe('23505')
    expect(await values()).toEqual([0])
    // and the pool's connections are usable afterwards
    expect(await db.transaction((tx) => tx.query<{ v: number }>('SELECT v FROM pair WHERE id = $1', [1]))).toEqual([
      { v: 0 },
    ])
  })

  it('a serialization failure (a SERIALIZABLE read-modify-write overtaken by a committed update): 40001, run again on a fresh snapshot, no update lost', async () => {
    await db.query('TRUNCATE pair')
    await db.query('INSERT INTO pair (id, v) VALUES (1, 0)')
    const read = signal()
    const overtaken = signal()
    let runs = 0
    const failures: string[] = []
    const addTen = db.transaction(async (tx) => {
      runs++
      try {
        await tx.query('SET TRANSACTION ISOLATION LEVEL SERIALIZABLE')
        const [row] = await tx.query<{ v: number }>('SELECT v FROM pair WHERE id = $1', [1])
        if (runs === 1) {
          read.fire()
          await overtaken.done
        }
        await tx.query('UPDATE pair SET v = $2 WHERE id = $1', [1, (row?.v ?? Number.NaN) + 10])
      } catch (thrown) {
        failures.push(codeOf(thrown))
        throw thrown
      }
    })
    await read.done
    await db.transaction((tx) => tx.query('UPDATE pair SET v = v + 1 WHERE id = $1', [1]))
    overtaken.fire()
    await addTen
    expect(failures).toEqual(['40001'])
    expect(runs).toBe(2)
    expect(await values()).toEqual([11])
  })
})
