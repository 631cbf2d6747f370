// `npm run bench`: applySetUser beside its physical limit and its peers, in one process run.
// Prints a table of medians and ratios and writes bench/results.json. Every implementation's result
// is checked equal to the others before anything is timed.
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import { produce } from 'immer'
import cloneDeep from 'lodash/cloneDeep.js'
import mergeWith from 'lodash/mergeWith.js'
import { Bench } from 'tinybench'
import { applySetUser, countActiveHosts, decodeSetUserRequest } from 'webex-user-rules'
import { deepFreeze, handWritten, realisticUser, site, typicalBody, typicalRequest } from './fixtures.mjs'

const quick = process.argv.includes('--quick')
const TIME_MS = quick ? 150 : 600
const results = {}

// ---------------------------------------------------------------------------------------------
// the implementations of "apply the typical request"
// ---------------------------------------------------------------------------------------------

const siteContext = site()
const request = typicalRequest()
const body = typicalBody()
const requestJson = JSON.stringify(request)

const ours = (user) => {
  const r = applySetUser(user, siteContext, request)
  if (r._tag === 'Left') throw new Error(r.left.reason)
  return r.right.user
}
const oursFromJson = (user, json) => {
  const decoded = decodeSetUserRequest(json)
  if (decoded._tag === 'Left') throw new Error(decoded.left.reason)
  const r = applySetUser(user, siteContext, decoded.right)
  if (r._tag === 'Left') throw new Error(r.left.reason)
  return r.right.user
}
const { webExId: _key, ...changes } = body
const immerDefault = (user) =>
  produce(user, (draft) => {
    draft.firstName = changes.firstName
    draft.phones.PIN = changes.phones.PIN
    draft.options.emailVisible = changes.options.emailVisible
    draft.meetingTypes = changes.meetingTypes
    draft.privilege.host = changes.privilege.host
  })
const lodashMerge = (user) => mergeWith(cloneDeep(user), changes, (_, src) => (Array.isArray(src) ? src : undefined))
const structured = (user) => {
  const next = structuredClone(user)
  next.firstName = changes.firstName
  next.phones.PIN = changes.phones.PIN
  next.options.emailVisible = changes.options.emailVisible
  next.meetingTypes = changes.meetingTypes
  next.privilege.host = changes.privilege.host
  return next
}

// All results equal before timing.
{
  const expected = handWritten(realisticUser())
  for (const [name, f] of Object.entries({ ours, immerDefault, lodashMerge, structured })) {
    assert.deepEqual(f(realisticUser()), expected, `${name} differs from the hand-written change`)
  }
  assert.deepEqual(oursFromJson(realisticUser(), JSON.parse(requestJson)), expected)
}

// ---------------------------------------------------------------------------------------------
// timing helpers: each task runs BATCH operations per sample; medians are per operation
// ---------------------------------------------------------------------------------------------

const BATCH = 50

/** Times `op(input)` with a pool of fresh inputs made outside the timed window. */
const task = (bench, name, makeInput, op, { batch = BATCH } = {}) => {
  let pool = []
  bench.add(
    name,
    () => {
      for (let i = 0; i < batch; i++) op(pool[i])
    },
    {
      beforeEach() {
        pool = Array.from({ length: batch }, makeInput)
      },
    },
  )
  return { name, batch }
}

const median = (bench, t) => {
  const found = bench.tasks.find((x) => x.name === t.name)
  return found.result.latency.p50 / t.batch // ms per operation
}

const us = (ms) => ms * 1000

// ---------------------------------------------------------------------------------------------
// 1. typical request on a realistic user
// ---------------------------------------------------------------------------------------------

const typical = new Bench({ time: TIME_MS, warmupTime: 100 })
const shared = realisticUser()
const sharedJson = () => JSON.parse(requestJson)
const t = {
  limit: task(typical, 'limit: hand-written spread', () => shared, handWritten),
  ours: task(typical, 'ours: applySetUser (decoded request)', () => shared, ours),
  oursJson: task(typical, 'ours: decodeSetUserRequest + applySetUser (JSON)', sharedJson, (json) =>
    oursFromJson(shared, json),
  ),
  immer: task(typical, 'peer: immer produce, auto-freeze (never-frozen user)', () => realisticUser(), immerDefault),
  lodash: task(typical, 'peer: lodash cloneDeep + mergeWith', () => shared, lodashMerge),
  structured: task(typical, 'peer: structuredClone + assignments', () => shared, structured),
}
await typical.run()
const limit = median(typical, t.limit)
results.typical = Object.fromEntries(
  Object.entries(t).map(([k, v]) => [
    k,
    { name: v.name, medianUs: us(median(typical, v)), ratioToLimit: median(typical, v) / limit },
  ]),
)

// ---------------------------------------------------------------------------------------------
// 2. scaling: untouched lists of 10 … 10,000 items (videoSystems, alternate hosts, scheduleFor)
// ---------------------------------------------------------------------------------------------

const sizes = [10, 100, 1000, 10000]
const scaling = new Bench({ time: TIME_MS, warmupTime: 100 })
const scaleTasks = []
for (const n of sizes) {
  const plain = realisticUser(n)
  const frozen = deepFreeze(realisticUser(n))
  scaleTasks.push({ n, kind: 'never-frozen', t: task(scaling, `ours n=${n} never-frozen`, () => plain, ours) })
  scaleTasks.push({ n, kind: 'frozen', t: task(scaling, `ours n=${n} frozen`, () => frozen, ours) })
  if (n === 1000) {
    scaleTasks.push({
      n,
      kind: 'immer',
      t: task(scaling, `peer immer n=${n}`, () => realisticUser(n), immerDefault, { batch: 5 }),
    })
    scaleTasks.push({
      n,
      kind: 'lodash',
      t: task(scaling, `peer lodash n=${n}`, () => plain, lodashMerge, { batch: 5 }),
    })
    scaleTasks.push({
      n,
      kind: 'structuredClone',
      t: task(scaling, `peer structuredClone n=${n}`, () => plain, structured, { batch: 5 }),
    })
  }
}
await scaling.run()
results.scaling = scaleTasks.map(({ n, kind, t: x }) => ({ n, kind, medianUs: us(median(scaling, x)) }))

// ---------------------------------------------------------------------------------------------
// 3. bulk: a whole site
// ---------------------------------------------------------------------------------------------

const BULK = 100_000
const users = Array.from({ length: BULK }, (_, i) => ({
  ...realisticUser(),
  webExId: `user${i}@example.com`,
  ...(i % 10 === 0 ? { active: 'DEACTIVATED' } : {}),
  ...(i % 7 === 0 ? { privilege: { attendeeOnly: true } } : {}),
}))
const bulkRequest = (u) => ({ caller: request.caller, body: { ...body, webExId: u.webExId } })
const bulkRequests = users.map(bulkRequest)
let start = process.hrtime.bigint()
const hostCount = countActiveHosts(users)
const countMs = Number(process.hrtime.bigint() - start) / 1e6
start = process.hrtime.bigint()
let applied = 0
for (let i = 0; i < BULK; i++) if (applySetUser(users[i], siteContext, bulkRequests[i])._tag === 'Right') applied++
const applyMs = Number(process.hrtime.bigint() - start) / 1e6
assert.equal(applied, BULK)
results.bulk = {
  users: BULK,
  countActiveHosts: { hosts: hostCount, ms: countMs },
  applyToEveryUser: { ms: applyMs, usPerUser: (applyMs * 1000) / BULK },
}

// ---------------------------------------------------------------------------------------------
// report
// ---------------------------------------------------------------------------------------------

const at = (n, kind) => results.scaling.find((r) => r.n === n && r.kind === kind).medianUs
const peersAt1000 = ['immer', 'lodash', 'structuredClone'].map((k) => at(1000, k))
results.goals = {
  applyVsSpread: { ratio: results.typical.ours.ratioToLimit, goal: 25 },
  decodeApplyVsSpread: { ratio: results.typical.oursJson.ratioToLimit, goal: 60 },
  scaling10kVs10NeverFrozen: { ratio: at(10000, 'never-frozen') / at(10, 'never-frozen'), goal: 1.2 },
  scaling10kVs10Frozen: { ratio: at(10000, 'frozen') / at(10, 'frozen'), goal: 1.2 },
  slowestPeerSpeedupAt1000: { ratio: Math.min(...peersAt1000) / at(1000, 'never-frozen'), goal: 10, atLeast: true },
}
results.machine = { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, quick }

const pad = (s, n) => String(s).padEnd(n)
console.log(`\nwebex-user-rules benchmark — ${results.machine.node}, ${results.machine.cpus} × ${results.machine.cpu}`)
console.log('\ntypical request, realistic user (~110 leaves, lists of 10)')
for (const r of Object.values(results.typical))
  console.log(`  ${pad(r.name, 58)} ${pad(r.medianUs.toFixed(2) + ' µs', 12)} ${r.ratioToLimit.toFixed(1)}× limit`)
console.log('\nscaling: untouched lists (median per call)')
for (const r of results.scaling) console.log(`  ${pad(`n=${r.n}`, 8)} ${pad(r.kind, 16)} ${r.medianUs.toFixed(2)} µs`)
console.log(
  `\nbulk: countActiveHosts over ${BULK} users: ${countMs.toFixed(1)} ms (${hostCount} hosts); one request applied to each: ${applyMs.toFixed(0)} ms (${results.bulk.applyToEveryUser.usPerUser.toFixed(2)} µs/user)`,
)
console.log('\ngoals (ratios from this run)')
for (const [k, g] of Object.entries(results.goals)) {
  const ok = g.atLeast ? g.ratio >= g.goal : g.ratio <= g.goal
  console.log(
    `  ${pad(k, 28)} ${pad(g.ratio.toFixed(2) + '×', 10)} goal ${g.atLeast ? '≥' : '≤'} ${g.goal}×  ${ok ? 'met' : 'MISSED'}`,
  )
}
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n')
console.log('\nwritten: bench/results.json')
