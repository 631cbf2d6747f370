// `npm run bench` (second part): what the explain trace costs (D-PG1). The operations are the same
// code whether or not the package has webex-user-rules/explain — explain runs after them, from
// their inputs and results, and the engine's modules import nothing of it (checked below) — so the
// cost of a call that does not ask for a trace is unchanged; a call that asks pays for the trace
// only. SetUser on a realistic user, and the other operations (DelUser, GetUser, LstsummaryUser
// over 200 users, GetloginurlUser) beside their explain. Alternating rounds in one process; each
// pair's results are checked equal before anything is timed.
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Bench } from 'tinybench'
import { applyDelUser, applyGetloginurlUser, applyGetUser, applyLstsummaryUser, applySetUser } from 'webex-user-rules'
import {
  explainDelUser,
  explainGetloginurlUser,
  explainGetUser,
  explainLstsummaryUser,
  explainSetUser,
} from 'webex-user-rules/explain'
import { realisticUser, site, typicalRequest } from './fixtures.mjs'

const quick = process.argv.includes('--quick')
const TIME_MS = quick ? 150 : 600
const ROUNDS = quick ? 2 : 5
const dist = fileURLToPath(new URL('../dist/', import.meta.url))

// the engine's modules never import the explain code (a static check of the built files)
const engineFiles = readdirSync(dist, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.js') && !f.startsWith('explain') && !f.startsWith('cli'))
const importsExplain = engineFiles.filter((f) => /from ['"][./]*explain\//.test(readFileSync(join(dist, f), 'utf8')))
assert.deepEqual(importsExplain, [], 'engine modules import explain')

const siteContext = site()
const user = realisticUser()
const admin = { webExId: 'admin@example.com', role: 'siteAdmin' }
const users = [
  user,
  ...Array.from({ length: 199 }, (_, i) => ({
    webExId: `user${i}@example.com`,
    userId: 1000 + i,
    firstName: `First${i % 17}`,
    lastName: `Last${i % 23}`,
    email: `user${i}@example.com`,
    active: i % 5 === 0 ? 'DEACTIVATED' : 'ACTIVATED',
    registrationDate: `0${1 + (i % 9)}/15/2012 10:00:00`,
  })),
]
const tickets = { fresh: { ticket: 'tk0123456789', createTime: 0, timeToLive: 5400 }, now: 0 }

/** [name, plain call, explain call]: the pairs timed against each other. */
const PAIRS = [
  [
    'SetUser',
    () => applySetUser(user, siteContext, typicalRequest()),
    () => explainSetUser(user, siteContext, typicalRequest()),
  ],
  [
    'DelUser',
    () => applyDelUser(siteContext, users, { caller: admin, body: { webExId: [user.webExId, 'user3@example.com'] } }),
    () => explainDelUser(siteContext, users, { caller: admin, body: { webExId: [user.webExId, 'user3@example.com'] } }),
  ],
  [
    'GetUser',
    () => applyGetUser(users, { caller: admin, body: { webExId: user.webExId } }),
    () => explainGetUser(users, { caller: admin, body: { webExId: user.webExId } }),
  ],
  [
    'LstsummaryUser',
    () =>
      applyLstsummaryUser(siteContext, users, {
        caller: admin,
        body: { active: 'ACTIVATED', order: { orderBy: ['LASTNAME'] } },
      }),
    () =>
      explainLstsummaryUser(siteContext, users, {
        caller: admin,
        body: { active: 'ACTIVATED', order: { orderBy: ['LASTNAME'] } },
      }),
  ],
  [
    'GetloginurlUser',
    () => applyGetloginurlUser(siteContext, users, { caller: admin, body: { webExID: 'user7@example.com' } }, tickets),
    () =>
      explainGetloginurlUser(siteContext, users, { caller: admin, body: { webExID: 'user7@example.com' } }, tickets),
  ],
]
const traceLength = {}
for (const [name, plain, explain] of PAIRS) {
  const explained = explain()
  assert.deepEqual(explained.result, plain(), `${name}: explain gives the plain result`)
  assert.ok(explained.trace.length > 0, `${name}: a trace`)
  traceLength[name] = explained.trace.length
}

const BATCH = 50
const medians = {}
for (let round = 0; round < ROUNDS; round++) {
  const bench = new Bench({ time: TIME_MS, warmupTime: 100 })
  // alternate the order of the two tasks of a pair from round to round
  for (const [name, plain, explain] of PAIRS) {
    const tasks = [
      [`${name} plain`, plain],
      [`${name} explain`, explain],
    ]
    if (round % 2 === 1) tasks.reverse()
    for (const [task, op] of tasks)
      bench.add(task, () => {
        for (let i = 0; i < BATCH; i++) op()
      })
  }
  await bench.run()
  for (const t of bench.tasks) (medians[t.name] ??= []).push((t.result.latency.p50 / BATCH) * 1000)
}
const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
console.log(
  `\nexplain (median of rounds, µs per call; engine modules importing explain: ${importsExplain.length})` +
    '\n  operation         plain      explain    ratio   trace entries',
)
for (const [name] of PAIRS) {
  const plain = mid(medians[`${name} plain`])
  const explain = mid(medians[`${name} explain`])
  console.log(
    `  ${name.padEnd(16)} ${plain.toFixed(2).padStart(8)}   ${explain.toFixed(2).padStart(8)}   ${(explain / plain).toFixed(2)}×   ${traceLength[name]}`,
  )
}
console.log('  (plain: the operation itself, which never builds a trace; explain: the operation, then its trace)')
