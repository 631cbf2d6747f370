// `npm run bench` (in service/): GetUser and SetUser requests per second and p50/p99 latency at 1,
// 16 and 64 concurrent clients, for sites of 10 and 10,000 users, on
//   - PGlite (embedded, one process),
//   - PostgreSQL with one service process,
//   - PostgreSQL with two service processes (the clients alternate between them),
// next to a bare node:http server answering one fixed message (the limit of this load generator
// and machine). Every cell runs against freshly seeded data; the load generator runs in its own
// process. Not a test: nothing here passes or fails, figures go to docs/performance.md.
//
// Environment: BENCH_ROUNDS (default 3), BENCH_SECONDS per cell (default 5), BENCH_WARMUP (seconds
// of each operation at the largest client count on every new set of processes before its cells,
// not measured; default 10, D-SP-12), BENCH_SIZES
// (default "10,10000"), BENCH_CONFIGS (default "bare,pglite,pg1,pg2"), BENCH_OPS (default
// "GetUser,SetUser"), BENCH_CLIENTS (default "1,16,64"), BENCH_CLIENT (the load generator's HTTP
// client: "socket", the default, or "http" for node:http's, D-SP-9), BENCH_BEFORE (the service/
// folder of another built checkout: every cell but the bare one then runs on both, back to back, in
// the other order every second round, and a table of this ÷ before paired by round follows),
// WEBEX_BENCH_DATABASE_URL
// (or WEBEX_TEST_DATABASE_URL): a PostgreSQL role that may create databases; without it the
// PostgreSQL configurations are skipped (scripts/postgres.sh starts one and prints its URL).
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import pg from 'pg'

const here = new URL('./', import.meta.url)
const SERVER = new URL('server.mjs', here).pathname
const LOAD = new URL('load.mjs', here).pathname
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10)
const SIZES = (process.env.BENCH_SIZES ?? '10,10000').split(',').map(Number)
const CONFIGS = (process.env.BENCH_CONFIGS ?? 'bare,pglite,pg1,pg2').split(',')
const CONCURRENCY = (process.env.BENCH_CLIENTS ?? '1,16,64').split(',').map(Number)
const OPS = (process.env.BENCH_OPS ?? 'GetUser,SetUser').split(',')
const POSTGRES = process.env.WEBEX_BENCH_DATABASE_URL ?? process.env.WEBEX_TEST_DATABASE_URL
const CLIENT = process.env.BENCH_CLIENT ?? 'socket'
const BEFORE = process.env.BENCH_BEFORE
const BEFORE_SERVER = BEFORE === undefined ? undefined : join(BEFORE, 'bench', 'server.mjs')
if (BEFORE_SERVER !== undefined && !existsSync(BEFORE_SERVER)) {
  console.error(`bench: BENCH_BEFORE has no bench/server.mjs (${BEFORE_SERVER})`)
  process.exit(2)
}

if (!existsSync(new URL('../dist/http/index.js', here))) {
  console.error('bench: build the service first (npm run build at the repository root)')
  process.exit(2)
}

const work = mkdtempSync(join(tmpdir(), 'webex-bench-'))

/** A site of `size` users besides the admin; every user a host, the limit well above them. */
const seedFile = (size) => {
  const path = join(work, `seed-${String(size)}.json`)
  if (!existsSync(path)) {
    const users = [{ webExId: 'admin', password: 'Bench-Admin-1', privilege: { siteAdmin: true } }]
    for (let n = 1; n <= size; n++) {
      const id = `u${String(n).padStart(5, '0')}`
      users.push({
        webExId: id,
        firstName: 'First',
        lastName: `Last${String(n)}`,
        email: `${id}@example.com`,
        meetingTypes: [1, 2, 3],
        privilege: { host: true },
      })
    }
    writeFileSync(
      path,
      JSON.stringify({
        siteName: 'examplesite',
        site: { hostLimit: size + 100, allowUserToChangeUserName: true, productIds: [], controlHubManaged: false },
        users,
      }),
    )
  }
  return path
}

const startServer = (args, server = SERVER) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [server, ...args], { stdio: ['ignore', 'pipe', 'ignore'] })
    const lines = createInterface({ input: child.stdout })
    lines.once('line', (line) => resolve({ child, ...JSON.parse(line) }))
    child.once('exit', (code) => reject(new Error(`server exited (${String(code)}) before listening`)))
  })

const stopServer = ({ child }) =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })

const load = (targets, op, users, concurrency, seconds) =>
  new Promise((resolve, reject) => {
    const config = {
      targets: targets.map(({ url, ticket, pid }) => ({ url, ticket, pid })),
      op,
      users,
      concurrency,
      warmupSeconds: 1,
      seconds,
      client: CLIENT,
    }
    const child = spawn(process.execPath, [LOAD, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load exited ${String(code)}`)),
    )
  })

/**
 * DROP DATABASE … WITH (FORCE) ends the database's sessions, but a role that is not a superuser may
 * not end an autovacuum worker's (42501), which the bench's writes can start: wait for it and again.
 */
const dropDatabase = async (name) => {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: POSTGRES })
    await client.connect()
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      return
    } catch (error) {
      if (attempt >= 20 || (error.code !== '42501' && error.code !== '55006')) throw error
    } finally {
      await client.end()
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

const withDatabase = async (body) => {
  const name = `webex_bench_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: POSTGRES })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(POSTGRES)
  url.pathname = `/${name}`
  try {
    return await body(url.href)
  } finally {
    await dropDatabase(name)
  }
}

/**
 * A site that has just been seeded is not a site in service: the first read of each freshly inserted
 * row sets its hint bits (a write), and autovacuum has not yet run. `VACUUM (ANALYZE)` brings it to
 * the state a site reaches in its first minutes of use, so the cells measure the operations and not
 * the seed's aftermath (D-SP-9: without it, PostgreSQL's CPU per GetUser on 10,000 users was about
 * twice that on 10).
 */
const settle = async (database) => {
  const client = new pg.Client({ connectionString: database })
  await client.connect()
  try {
    await client.query('VACUUM (ANALYZE)')
  } finally {
    await client.end()
  }
}

/** Starts the configuration's processes (seeding the first), runs `body` with them, stops them. */
const withServers = async (config, size, tree, body) => {
  const seed = seedFile(size)
  const server = tree === 'before' ? BEFORE_SERVER : SERVER
  const run = async (database, count) => {
    const servers = []
    try {
      // the first process seeds the empty database; the second finds it seeded
      for (let i = 0; i < count; i++) servers.push(await startServer([database, seed], server))
      if (database.startsWith('postgres')) await settle(database)
      return await body(servers)
    } finally {
      await Promise.all(servers.map(stopServer))
    }
  }
  if (config === 'bare') return run('--bare', 1)
  if (config === 'pglite') {
    const dir = mkdtempSync(join(work, 'pglite-'))
    try {
      return await run(dir, 1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return withDatabase((url) => run(url, config === 'pg2' ? 2 : 1))
}

const configs = CONFIGS.filter((config) => {
  if (config.startsWith('pg') && config !== 'pglite' && POSTGRES === undefined) {
    console.error(`bench: ${config} skipped (set WEBEX_BENCH_DATABASE_URL; scripts/postgres.sh prints one)`)
    return false
  }
  return true
})

const results = []
const load1 = () => loadavg()[0].toFixed(1)
console.error(
  `bench: ${String(cpus().length)} cores, Node ${process.version}, ${String(ROUNDS)} rounds of ${String(SECONDS)} s per cell after ${String(WARMUP)} s of warm-up per operation, load average ${load1()}`,
)
for (let round = 1; round <= ROUNDS; round++) {
  for (const config of configs) {
    // the sizes in turn, the other way round every second round, so a drift of the machine's speed
    // within a round does not favour one size (the site-size ratios below pair them by round)
    for (const size of config === 'bare' ? [0] : round % 2 === 0 ? [...SIZES].reverse() : SIZES) {
      // with BENCH_BEFORE, the two trees back to back, the other way round every second round
      const trees =
        config === 'bare' || BEFORE === undefined ? ['this'] : round % 2 === 0 ? ['this', 'before'] : ['before', 'this']
      for (const tree of trees)
        await withServers(config, size, tree, async (servers) => {
          const ops = config === 'bare' ? ['fixed'] : OPS
          // the bare server answers every request with its fixed message: send it GetUsers
          const send = (op, concurrency, seconds) =>
            load(servers, op === 'fixed' ? 'GetUser' : op, Math.max(size, 1), concurrency, seconds)
          // a deployed service answers almost every request warm; a process seconds old is still
          // compiling its hot paths (a new process on a warmed database climbs the same way), so the
          // cells come after a warm-up that is not measured (D-SP-12)
          if (WARMUP > 0) for (const op of ops) await send(op, Math.max(...CONCURRENCY), WARMUP)
          for (const op of ops)
            for (const concurrency of CONCURRENCY) {
              const result = await send(op, concurrency, SECONDS)
              const row = {
                round,
                config: tree === 'before' ? `${config} before` : config,
                users: size,
                op,
                concurrency,
                ...result,
              }
              results.push(row)
              console.error(
                `round ${String(round)} ${row.config} users=${String(size)} ${op} c=${String(concurrency)}: ` +
                  `${result.rps.toFixed(0)} req/s p50 ${result.p50.toFixed(2)} ms p99 ${result.p99.toFixed(2)} ms` +
                  (result.cpuMs === undefined
                    ? ''
                    : ` cpu/request service ${result.cpuMs.service.toFixed(3)} postgres ${result.cpuMs.postgres.toFixed(3)} load ${result.cpuMs.load.toFixed(3)} ms`) +
                  (result.failures > 0 ? ` FAILURES ${String(result.failures)}: ${result.sampleFailure}` : ''),
              )
            }
        })
    }
  }
}
rmSync(work, { recursive: true, force: true })
console.log(
  `${String(cpus().length)} cores, Node ${process.version}, ${String(ROUNDS)} rounds of ${String(SECONDS)} s per cell after ${String(WARMUP)} s of warm-up per operation and set of processes, load generator client ${CLIENT}; 1-minute load average at the end: ${load1()}\n`,
)

// the table: per cell, the median of the rounds, and every round's req/s
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const cells = new Map()
for (const row of results) {
  const key = `${row.config}|${String(row.users)}|${row.op}|${String(row.concurrency)}`
  cells.set(key, [...(cells.get(key) ?? []), row])
}
const bare = new Map()
for (const rows of cells.values())
  if (rows[0].config === 'bare') bare.set(rows[0].concurrency, median(rows.map((r) => r.rps)))
const cpuCell = (rows, party) =>
  rows.every((r) => r.cpuMs !== undefined) ? median(rows.map((r) => r.cpuMs[party])).toFixed(3) : '–'
console.log(
  '| configuration | users | operation | clients | req/s (median) | req/s per round | p50 ms | p99 ms | ÷ bare | CPU ms per request: service / PostgreSQL / load | not SUCCESS |',
)
console.log('|---|---:|---|---:|---:|---|---:|---:|---:|---|---:|')
for (const rows of cells.values()) {
  const { config, users, op, concurrency } = rows[0]
  const rps = median(rows.map((r) => r.rps))
  const limit = bare.get(concurrency)
  console.log(
    `| ${config} | ${config === 'bare' ? '–' : String(users)} | ${op} | ${String(concurrency)} | ${rps.toFixed(0)} | ${rows.map((r) => r.rps.toFixed(0)).join(' / ')} | ` +
      `${median(rows.map((r) => r.p50)).toFixed(2)} | ${median(rows.map((r) => r.p99)).toFixed(2)} | ` +
      `${limit === undefined || config === 'bare' ? '–' : (rps / limit).toFixed(3)} | ` +
      `${config === 'bare' ? cpuCell(rows, 'load') + ' (load)' : `${cpuCell(rows, 'service')} / ${cpuCell(rows, 'postgres')} / ${cpuCell(rows, 'load')}`} | ` +
      `${String(rows.reduce((sum, r) => sum + r.failures, 0))} |`,
  )
}

// goal 5's site-size bound: each round's larger site over its smaller one, same configuration,
// operation and clients (the two ran back to back in that round), then the median of the rounds
if (SIZES.length === 2) {
  const [small, large] = [...SIZES].sort((a, b) => a - b)
  console.log(
    `\nsite size: req/s with ${String(large)} users ÷ with ${String(small)}, per round and median of the rounds\n`,
  )
  console.log('| configuration | operation | clients | per round | median | within 1.2× |')
  console.log('|---|---|---:|---|---:|---|')
  for (const rows of cells.values()) {
    const { config, users, op, concurrency } = rows[0]
    if (config === 'bare' || users !== small) continue
    const ratios = rows.flatMap((row) => {
      const pair = results.find(
        (r) =>
          r.round === row.round &&
          r.config === config &&
          r.users === large &&
          r.op === op &&
          r.concurrency === concurrency,
      )
      return pair === undefined ? [] : [pair.rps / row.rps]
    })
    if (ratios.length === 0) continue
    const m = median(ratios)
    console.log(
      `| ${config} | ${op} | ${String(concurrency)} | ${ratios.map((r) => r.toFixed(2)).join(' / ')} | ${m.toFixed(2)} | ${m >= 1 / 1.2 && m <= 1.2 ? 'yes' : 'no'} |`,
    )
  }
}

// BENCH_BEFORE: this tree over the other, each cell paired with the other's in the same round (they
// ran back to back), then the median of the rounds; CPU per request likewise
if (BEFORE !== undefined) {
  console.log(
    `\nthis ÷ before (${BEFORE}), paired by round: req/s, and CPU per request of the service and PostgreSQL\n`,
  )
  console.log(
    '| configuration | users | operation | clients | req/s per round | req/s median | CPU service | CPU PostgreSQL |',
  )
  console.log('|---|---:|---|---:|---|---:|---:|---:|')
  for (const rows of cells.values()) {
    const { config, users, op, concurrency } = rows[0]
    if (config === 'bare' || config.endsWith(' before')) continue
    const pairs = rows.flatMap((row) => {
      const other = results.find(
        (r) =>
          r.round === row.round &&
          r.config === `${config} before` &&
          r.users === users &&
          r.op === op &&
          r.concurrency === concurrency,
      )
      return other === undefined ? [] : [[row, other]]
    })
    if (pairs.length === 0) continue
    const ratios = pairs.map(([row, other]) => row.rps / other.rps)
    const cpu = (party) =>
      pairs.every(([row, other]) => row.cpuMs !== undefined && other.cpuMs !== undefined)
        ? median(pairs.map(([row, other]) => row.cpuMs[party] / other.cpuMs[party])).toFixed(2)
        : '–'
    console.log(
      `| ${config} | ${String(users)} | ${op} | ${String(concurrency)} | ${ratios.map((r) => r.toFixed(2)).join(' / ')} | ${median(ratios).toFixed(2)} | ${cpu('service')} | ${cpu('postgres')} |`,
    )
  }
}
