// Runs the conformance kit against the service (issue 12): `pglite` starts one service process on
// an in-memory PGlite database; `postgres URL` starts two service processes on one PostgreSQL
// database (emptied first) and sends each request to either process in turn, so a concurrent round
// spans both. Needs `npm run build`. Writes reports/conformance-service-<mode>.json; exit 0
// conforms, 1 disagrees, 2 could not run.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import pg from 'pg'
import { countActiveHosts } from 'webex-user-rules'
import { checkConformance, httpSender } from 'webex-user-rules/testing'

const [mode, databaseUrl] = process.argv.slice(2)
if (mode !== 'pglite' && !(mode === 'postgres' && databaseUrl !== undefined)) {
  console.error('usage: node scripts/conformance-service.mjs pglite | postgres postgres://…')
  process.exit(2)
}
const runs = Number(process.env.CONFORMANCE_RUNS ?? 40)
const seed = Number(process.env.FC_SEED ?? 20261205)
const seedFile = new URL('../service/seed.json', import.meta.url)
const serviceSeed = JSON.parse(readFileSync(seedFile, 'utf8'))

/** A fresh, empty database on the server `url` names, as `<url>_conformance`. */
const freshDatabase = async (url) => {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const name = `${new URL(url).pathname.slice(1)}_conformance`
  await admin.query(`DROP DATABASE IF EXISTS ${name}`)
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const fresh = new URL(url)
  fresh.pathname = `/${name}`
  return fresh.href
}

/** Starts the bin; resolves with its URL once it printed its one stdout line. */
const start = (database) =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        new URL('../service/dist/main.js', import.meta.url).pathname,
        '--port',
        '0',
        '--database',
        database,
        '--seed',
        seedFile.pathname,
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    )
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
    concurrency: 6,
  })
  mkdirSync('reports', { recursive: true })
  writeFileSync(`reports/conformance-service-${mode}.json`, JSON.stringify(report, null, 2))
  const { conforms, unusable } = report
  console.log(
    `${mode}: ${processes.length} service process(es), ${report.runs} runs, ${report.operationsSent} operations, ` +
      `${report.checks} checks, seed ${seed}: ` +
      (unusable !== undefined ? `could not run: ${unusable}` : conforms ? 'conforms' : 'DISAGREES'),
  )
  if (!conforms && unusable === undefined)
    console.log(
      JSON.stringify({ disagreements: report.disagreements, history: report.history }, null, 2).slice(0, 20_000),
    )
  status = unusable !== undefined ? 2 : conforms ? 0 : 1
} catch (thrown) {
  console.error(`conformance (${mode}): ${thrown instanceof Error ? thrown.message : String(thrown)}`)
} finally {
  for (const { child } of processes) child.kill('SIGTERM')
}
process.exit(status)
