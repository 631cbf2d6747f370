// Runs the conformance kit against the service (issue 12): `pglite` starts one service process on
// an in-memory PGlite database; `postgres URL` starts two service processes on one PostgreSQL
// database (emptied first) and sends each request to either process in turn, so a concurrent round
// spans both. Needs `npm run build`. Writes reports/conformance-service-<mode>.json; exit 0
// conforms, 1 disagrees, 2 could not run.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { countActiveHosts } from 'webex-user-rules'
import { checkConformance, httpSender } from 'webex-user-rules/testing'

const [mode, databaseUrl] = process.argv.slice(2)
if (mode !== 'pglite' && !(mode === 'postgres' && databaseUrl !== undefined)) {
  console.error('usage: node scripts/conformance-service.mjs pglite | postgres postgres://…')
  process.exit(2)
}
const runs = Number(process.env.CONFORMANCE_RUNS ?? 40)
// the lock-removal experiments of docs/testing.md point this at an edited copy of service/dist
const bin = process.env.CONFORMANCE_SERVICE_BIN ?? new URL('../service/dist/main.js', import.meta.url).pathname
const seed = Number(process.env.FC_SEED ?? 20261205)
// every shrinking attempt is a whole run against the service: a budget keeps a failing CI step short
const shrinkRuns = Number(process.env.CONFORMANCE_SHRINK_RUNS ?? 25)
const reportFile = process.env.CONFORMANCE_REPORT ?? `reports/conformance-service-${mode}.json`
// the example seed with its host limit a few seats above its own active hosts: the kit's two
// starting hosts take two of them, and its activations and creations race for the rest (D-KT-3)
const seats = Number(process.env.CONFORMANCE_FREE_SEATS ?? 3)
const exampleSeed = JSON.parse(readFileSync(new URL('../service/seed.json', import.meta.url), 'utf8'))
const serviceSeed = {
  ...exampleSeed,
  site: { ...exampleSeed.site, hostLimit: countActiveHosts(exampleSeed.users) + seats },
}
const seedDir = mkdtempSync(join(tmpdir(), 'conformance-seed-'))
const seedFile = join(seedDir, 'seed.json')
writeFileSync(seedFile, JSON.stringify(serviceSeed))

/** `<url>_conformance_<pid>`: two checks on one server (or one machine's worktrees) never share it. */
const databaseName = (url) => `${new URL(url).pathname.slice(1)}_conformance_${String(process.pid)}`

/** Runs `sql` on the server `url` names, over a connection to `url`'s own database. */
const onServer = async (url, sql) => {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(sql)
  } finally {
    await admin.end()
  }
}

/** A fresh, empty database on the server `url` names. */
const freshDatabase = async (url) => {
  const name = databaseName(url)
  await onServer(url, `DROP DATABASE IF EXISTS ${name}`)
  await onServer(url, `CREATE DATABASE ${name}`)
  const fresh = new URL(url)
  fresh.pathname = `/${name}`
  return fresh.href
}

/** Starts the bin; resolves with its URL once it printed its one stdout line. */
const start = (database) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--port', '0', '--database', database, '--seed', seedFile], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    let out = ''
    child.stdout.on('data', (chunk) => {
      out += chunk
      const match = /listening on (\S+)/.exec(out)
      if (match !== null) resolve({ child, url: match[1] })
    })
    child.on('exit', (code) => reject(new Error(`the service exited (${code}) before listening`)))
  })

const processes = []
let status = 2
try {
  const database = mode === 'pglite' ? 'memory:' : await freshDatabase(databaseUrl)
  // one after the other: the first fills the empty database from the seed, the second finds it filled
  processes.push(await start(database))
  if (mode === 'postgres') processes.push(await start(database))
  const senders = processes.map(({ url }) => httpSender(url))
  let next = 0
  const send = (xml) => senders[next++ % senders.length](xml)
  const report = await checkConformance({
    send,
    admin: { webExId: 'admin', password: 'DummyPass-1' },
    securityContext: { siteName: serviceSeed.siteName },
    site: { ...serviceSeed.site, otherActiveHosts: countActiveHosts(serviceSeed.users) },
    runs,
    seed,
    shrinkRuns,
    concurrency: 6,
  })
  mkdirSync('reports', { recursive: true })
  writeFileSync(reportFile, JSON.stringify(report, null, 2))
  const { conforms, unusable } = report
  console.log(
    `${mode}: ${processes.length} service process(es), ${report.runs} runs, ${report.operationsSent} operations, ` +
      `${report.checks} checks, seed ${seed}: ` +
      (unusable !== undefined
        ? `could not run: ${unusable}`
        : conforms
          ? 'conforms'
          : `DISAGREES (run ${report.failedAtRun}, ${report.shrinks} shrinks, replay path ${report.replayPath})`),
  )
  if (!conforms && unusable === undefined)
    console.log(
      JSON.stringify({ disagreements: report.disagreements, history: report.history }, null, 2).slice(0, 20_000),
    )
  status = unusable !== undefined ? 2 : conforms ? 0 : 1
} catch (thrown) {
  console.error(`conformance (${mode}): ${thrown instanceof Error ? thrown.message : String(thrown)}`)
} finally {
  await Promise.all(
    processes.map(
      ({ child }) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve()
          child.once('exit', resolve)
          child.kill('SIGTERM')
        }),
    ),
  )
  rmSync(seedDir, { recursive: true, force: true })
  if (mode === 'postgres')
    await onServer(databaseUrl, `DROP DATABASE IF EXISTS ${databaseName(databaseUrl)}`).catch(() => undefined)
}
process.exit(status)
