// `npm run bench` (second part): what the explain trace costs (D-PG1). applySetUser is the same
// code whether or not the package has webex-user-rules/explain — explain runs after it, from its
// inputs and result, and the engine's modules import nothing of it (checked below) — so the cost
// of a call that does not ask for a trace is unchanged; a call that asks pays for the trace only.
// Alternating rounds in one process; the results are checked equal before anything is timed.
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Bench } from 'tinybench'
import { applySetUser } from 'webex-user-rules'
import { explainSetUser } from 'webex-user-rules/explain'
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
const request = typicalRequest()
const user = realisticUser()
const plain = applySetUser(user, siteContext, request)
const explained = explainSetUser(user, siteContext, request)
assert.deepEqual(explained.result, plain)
assert.ok(explained.trace.length > 0)

const BATCH = 200
const medians = { applySetUser: [], explainSetUser: [] }
for (let round = 0; round < ROUNDS; round++) {
  const bench = new Bench({ time: TIME_MS, warmupTime: 100 })
  // alternate the order of the two tasks from round to round
  const tasks = [
    ['applySetUser', () => applySetUser(user, siteContext, request)],
    ['explainSetUser', () => explainSetUser(user, siteContext, request)],
  ]
  if (round % 2 === 1) tasks.reverse()
  for (const [name, op] of tasks)
    bench.add(name, () => {
      for (let i = 0; i < BATCH; i++) op()
    })
  await bench.run()
  for (const t of bench.tasks) medians[t.name].push((t.result.latency.p50 / BATCH) * 1000)
}
const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const apply = mid(medians.applySetUser)
const explain = mid(medians.explainSetUser)
console.log('\nexplain (typical request on a realistic user, median of rounds, µs per call)')
console.log(`  applySetUser     ${apply.toFixed(2)} µs   (engine modules importing explain: ${importsExplain.length})`)
console.log(
  `  explainSetUser   ${explain.toFixed(2)} µs   ${(explain / apply).toFixed(2)}× — the trace, when asked for`,
)
console.log(`  trace entries    ${explained.trace.length}`)
