// Goal 4 of issue 15, in a process of its own as a bulk job runs: one request applied to 100,000
// distinct users held in memory. `bench/honest.mjs` runs it in pairs, with node's defaults and with a
// young generation sized for the heap (D-PF-8), and reports both. Prints one JSON line: users per CPU
// second (the median of `BULK_RUNS` passes over all the users), each pass's figure, and the scavenges
// the passes cost.
//
//   node [--max-semi-space-size=64] bench/bulk.mjs
import assert from 'node:assert/strict'
import { constants, performance, PerformanceObserver } from 'node:perf_hooks'
import { applySetUser } from 'webex-user-rules'
import { realisticUser, site as makeSite, typicalRequest } from './fixtures.mjs'

const BULK = 100_000
const RUNS = Number(process.env.BULK_RUNS ?? 5)

const site = makeSite()
const request = typicalRequest()
const userText = JSON.stringify(realisticUser())
const users = Array.from({ length: BULK }, (_, i) => ({
  ...JSON.parse(userText),
  webExId: `user${i}@example.com`,
}))
const requests = users.map((u) => ({ caller: request.caller, body: { ...request.body, webExId: u.webExId } }))

// scavenges are what the heap's size makes dear: each one visits the old generation's pages, and
// 100,000 users make it about 490 MB (D-PF-8)
const collections = []
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) collections.push(entry)
}).observe({ entryTypes: ['gc'] })

// one pass not measured: it compiles the engine's paths and promotes the users just built out of the
// young generation, which a job pays once when it loads them, not per user it updates (D-PF-8)
for (let i = 0; i < BULK; i++) applySetUser(users[i], site, requests[i])

const runs = []
/** The timed passes, as [start, end] on `performance.now()`'s clock: the collections that count. */
const windows = []
let cpuUs = 0
for (let run = 0; run < RUNS; run++) {
  let applied = 0
  const started = performance.now()
  const start = process.cpuUsage()
  for (let i = 0; i < BULK; i++) if (applySetUser(users[i], site, requests[i])._tag === 'Right') applied++
  const spent = process.cpuUsage(start)
  windows.push([started, performance.now()])
  assert.equal(applied, BULK)
  const us = spent.user + spent.system
  cpuUs += us
  runs.push((BULK / us) * 1e6)
}
// the observer reports on a later turn of the event loop
await new Promise((resolve) => setTimeout(resolve, 10))

const gc = { scavenges: 0, ms: 0, others: 0, othersMs: 0 }
for (const entry of collections) {
  if (!windows.some(([from, to]) => entry.startTime >= from && entry.startTime <= to)) continue
  if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) {
    gc.scavenges += 1
    gc.ms += entry.duration
  } else {
    gc.others += 1
    gc.othersMs += entry.duration
  }
}
// RUNS is odd (5, or 3 in --quick): the middle pass is the median
const sorted = [...runs].sort((a, b) => a - b)
console.log(
  JSON.stringify({
    users: BULK,
    usersPerCpuSecond: sorted[Math.floor(sorted.length / 2)],
    runs,
    heapMB: Math.round(process.memoryUsage().heapUsed / 1e6),
    // the collector's pauses on the main thread, and the scavenges' share of the passes' CPU time (the
    // process's, which also counts the collector's helper threads: the share is a lower bound)
    gc: { ...gc, scavengeShare: (gc.ms * 1000) / cpuUs },
  }),
)
