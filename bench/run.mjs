// `npm run bench`: applySetUser beside its physical limit and its peers, in one process run.
// Prints a table of medians and ratios and writes bench/results.json. Every implementation's result
// is checked equal to the others before anything is timed.
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import os from 'node:os'
import { produce } from 'immer'
import cloneDeep from 'lodash/cloneDeep.js'
import mergeWith from 'lodash/mergeWith.js'
import { XMLParser } from 'fast-xml-parser'
import { Bench } from 'tinybench'
import { applySetUser, countActiveHosts, decodeSetUserRequest } from 'webex-user-rules'
import { parseSetUserMessage, renderSetUserMessage, renderSetUserResponse } from 'webex-user-rules/xml'
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
// D-E2: the engine trusts a decoded object only while it cannot change, so "a decoded request" is
// one the server froze after decoding it (with the site and the stored user it keeps)
const frozenSite = deepFreeze(site())
const frozenRequest = deepFreeze(typicalRequest())
const oursFrozen = (user) => {
  const r = applySetUser(user, frozenSite, frozenRequest)
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
const sharedFrozen = deepFreeze(realisticUser())
const sharedJson = () => JSON.parse(requestJson)
const t = {
  limit: task(typical, 'limit: hand-written spread', () => shared, handWritten),
  oursFrozen: task(typical, 'ours: applySetUser (decoded request, frozen: D-E2)', () => sharedFrozen, oursFrozen),
  ours: task(typical, 'ours: applySetUser (request, site and user mutable)', () => shared, ours),
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
// 3. the wire: parseSetUserMessage → applySetUser → renderSetUserResponse, against the parser alone
// ---------------------------------------------------------------------------------------------

const securityContext = { webExID: 'admin@example.com', password: 'DummyPass-1', siteName: 'examplesite' }
// the issue's sizes: about 0.8 KB and 2.3 KB on the wire
const smallBody = {
  webExId: 'jdoe@example.com',
  firstName: 'Janet',
  lastName: 'Doe',
  personalMeetingRoom: { PMRAlternateHost: true, alternateHost: { allowAnyoneHostMyPMR: true } },
  privilege: { host: true },
  meetingTypes: [105],
}
const largeBody = {
  ...typicalBody(),
  lastName: 'Doe',
  email: 'jane.doe@example.com',
  address: {
    address1: '170 West Tasman Dr',
    city: 'San Jose',
    state: 'CA',
    zipCode: '95134',
    country: 'United States',
  },
  phones: { phone: '1,408,5551234', mobilePhone: '1,408,5550000', PIN: '5829' },
  options: { emailVisible: true, workPhoneCallback: true, cellPhoneCallback: false, listInCategory: true },
  supportedServices: {
    meetingCenter: true,
    trainingCenter: false,
    supportCenter: false,
    eventCenter: true,
    salesCenter: false,
  },
  personalMeetingRoom: {
    title: "Janet Doe's Personal Room",
    hostPIN: '8314',
    PMRAutoLock: true,
    PMRAutoLockWaitTime: 10,
    applyPMRForInstantMeeting: true,
  },
  sessionOptions: { defaultSessionType: 216, defaultServiceType: 'EventCenter', displayQuickStartHost: true },
  tracking: { trackingCode1: 'Sales', trackingCode2: 'EMEA', trackingCode3: 'Q4', trackingCode4: 'Direct' },
  commOptions: { prodAnnounce: true, trainingInfo: false, electronicInfo: true, promos: false, press: false },
  timeZoneID: 4,
  languageID: 1,
  description: 'Regional sales lead, EMEA enterprise accounts',
  meetingTypes: [105, 214, 216, 311],
}
const messages = {
  small: renderSetUserMessage({ securityContext, body: smallBody }),
  large: renderSetUserMessage({ securityContext, body: largeBody }),
}
const wireUser = realisticUser()
const wire = (xml) => {
  const message = parseSetUserMessage(xml)
  if (message._tag === 'Left') throw new Error(message.left.reason)
  return renderSetUserResponse(
    applySetUser(wireUser, siteContext, {
      caller: { webExId: 'admin@example.com', role: 'siteAdmin' },
      body: message.right.body,
    }),
  )
}
const parser = new XMLParser()
for (const xml of Object.values(messages)) assert.match(wire(xml), /<serv:result>SUCCESS<\/serv:result>/)

const wireBench = new Bench({ time: TIME_MS, warmupTime: 100 })
const wireTasks = Object.entries(messages).flatMap(([size, xml]) => [
  {
    size,
    kind: 'parser',
    bytes: Buffer.byteLength(xml),
    t: task(
      wireBench,
      `fast-xml-parser parse, ${size}`,
      () => xml,
      (x) => parser.parse(x),
      { batch: 10 },
    ),
  },
  {
    size,
    kind: 'ours',
    bytes: Buffer.byteLength(xml),
    t: task(wireBench, `ours end to end, ${size}`, () => xml, wire, { batch: 10 }),
  },
])
await wireBench.run()
results.wire = wireTasks.map(({ size, kind, bytes, t }) => ({ size, kind, bytes, medianUs: us(median(wireBench, t)) }))

// Hostile documents (docs/security.md S6): each is refused; the time of one refusal.
const base = messages.small
const hostile = {
  'billion laughs': `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]>${base.replace(/^<\?xml[^>]*\?>/, '').replace('<webExId>', '<webExId>&lol9;')}`,
  'large entity × 2,000': `<!DOCTYPE m [<!ENTITY big "${'x'.repeat(9000)}">]>${base.replace('<webExId>', `<webExId>${'&big;'.repeat(2000)}`)}`,
  'a million &#65;': base.replace('<webExId>', `<webExId>${'&#65;'.repeat(1_000_000)}`),
  '10,000 &#65; (inside 64 KiB)': base.replace(
    '<webExId>',
    `<firstName>${'&#65;'.repeat(10_000)}</firstName><webExId>`,
  ),
  'nesting 10,000 deep': base.replace('<webExId>', `${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}<webExId>`),
  'nesting 17 deep': base.replace('<webExId>', `${'<a>'.repeat(17)}${'</a>'.repeat(17)}<webExId>`),
  '1 MB of text': base.replace('<webExId>', `<firstName>${'A'.repeat(1_000_000)}</firstName><webExId>`),
  '64 KiB of elements (16,000)': base.replace('<webExId>', `${'<a/>'.repeat(16_000)}<webExId>`),
  '4,000 unknown elements': base.replace('<webExId>', `${'<a/>'.repeat(4_000)}<webExId>`),
}
results.hostile = Object.entries(hostile).map(([name, xml]) => {
  const result = parseSetUserMessage(xml)
  assert.equal(result._tag, 'Left', `${name} must be refused`)
  const samples = []
  for (let i = 0; i < 15; i++) {
    const start = process.hrtime.bigint()
    parseSetUserMessage(xml)
    samples.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  samples.sort((a, b) => a - b)
  return {
    name,
    bytes: Buffer.byteLength(xml),
    refusedWith: result.left._tag,
    medianMs: samples[7],
    maxMs: samples[14],
  }
})

// ---------------------------------------------------------------------------------------------
// 4. bulk: a whole site
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
// paired ratios: the goals that compare two tasks of the same kind of work
// ---------------------------------------------------------------------------------------------
// On a shared machine the speed drifts between tasks timed seconds apart (the tables above), so
// each of these goals is measured in alternating short rounds of its two tasks, and the goal uses
// the median of the per-round ratios: a drift hits both sides of a round alike.

const ROUNDS = quick ? 7 : 21
const ROUND_MS = quick ? 20 : 50
/** Mean µs per call of `op(input)` over at least `ms`. */
const perCall = (op, input, ms) => {
  let calls = 0
  const begin = performance.now()
  let now
  do {
    for (let i = 0; i < 10; i++) op(input)
    calls += 10
    now = performance.now()
  } while (now - begin < ms)
  return ((now - begin) * 1000) / calls
}
const pairedRatio = ([opA, inputA], [opB, inputB]) => {
  perCall(opA, inputA, ROUND_MS) // warm-up
  perCall(opB, inputB, ROUND_MS)
  const ratios = []
  for (let r = 0; r < ROUNDS; r++) {
    // alternate which side goes first, so neither always runs on the warmer (or colder) machine
    const a = r % 2 === 0 ? perCall(opA, inputA, ROUND_MS) : undefined
    const b = perCall(opB, inputB, ROUND_MS)
    ratios.push((a ?? perCall(opA, inputA, ROUND_MS)) / b)
  }
  ratios.sort((x, y) => x - y)
  return { ratio: ratios[Math.floor(ratios.length / 2)], min: ratios[0], max: ratios[ratios.length - 1] }
}
const user10 = realisticUser(10)
const user10k = realisticUser(10000)
results.paired = {
  scaling10kVs10NeverFrozen: pairedRatio([ours, user10k], [ours, user10]),
  scaling10kVs10Frozen: pairedRatio([ours, deepFreeze(realisticUser(10000))], [ours, deepFreeze(realisticUser(10))]),
  xmlEndToEndVsParserSmall: pairedRatio([wire, messages.small], [(x) => parser.parse(x), messages.small]),
  xmlEndToEndVsParserLarge: pairedRatio([wire, messages.large], [(x) => parser.parse(x), messages.large]),
}

// ---------------------------------------------------------------------------------------------
// report
// ---------------------------------------------------------------------------------------------

const at = (n, kind) => results.scaling.find((r) => r.n === n && r.kind === kind).medianUs
const peersAt1000 = ['immer', 'lodash', 'structuredClone'].map((k) => at(1000, k))
results.goals = {
  applyVsSpread: { ratio: results.typical.oursFrozen.ratioToLimit, goal: 25 },
  decodeApplyVsSpread: { ratio: results.typical.oursJson.ratioToLimit, goal: 60 },
  scaling10kVs10NeverFrozen: { ratio: results.paired.scaling10kVs10NeverFrozen.ratio, goal: 1.2 },
  scaling10kVs10Frozen: { ratio: results.paired.scaling10kVs10Frozen.ratio, goal: 1.2 },
  slowestPeerSpeedupAt1000: { ratio: Math.min(...peersAt1000) / at(1000, 'never-frozen'), goal: 10, atLeast: true },
  xmlEndToEndVsParserSmall: { ratio: results.paired.xmlEndToEndVsParserSmall.ratio, goal: 1.3 },
  xmlEndToEndVsParserLarge: { ratio: results.paired.xmlEndToEndVsParserLarge.ratio, goal: 1.3 },
  slowestHostileDocumentMs: { ratio: Math.max(...results.hostile.map((h) => h.maxMs)), goal: 50 },
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
console.log('\nthe wire: parseSetUserMessage → applySetUser → renderSetUserResponse (median per message)')
for (const r of results.wire)
  console.log(
    `  ${pad(r.size, 6)} ${pad(`${r.bytes} B`, 8)} ${pad(r.kind === 'ours' ? 'ours, end to end' : 'fast-xml-parser parse alone', 30)} ${r.medianUs.toFixed(2)} µs`,
  )
console.log('\nhostile documents (all refused)')
for (const r of results.hostile)
  console.log(
    `  ${pad(r.name, 34)} ${pad(`${r.bytes} B`, 10)} ${pad(r.refusedWith, 16)} median ${r.medianMs.toFixed(3)} ms, max ${r.maxMs.toFixed(3)} ms`,
  )
console.log(`\npaired ratios (median of ${ROUNDS} alternating rounds of ${ROUND_MS} ms; min–max)`)
for (const [k, r] of Object.entries(results.paired))
  console.log(`  ${pad(k, 28)} ${pad(r.ratio.toFixed(2) + '×', 8)} (${r.min.toFixed(2)}–${r.max.toFixed(2)})`)
console.log('\ngoals (ratios from this run; scaling and XML from the paired rounds)')
for (const [k, g] of Object.entries(results.goals)) {
  const ok = g.atLeast ? g.ratio >= g.goal : g.ratio <= g.goal
  const unit = k.endsWith('Ms') ? ' ms' : '×'
  console.log(
    `  ${pad(k, 28)} ${pad(g.ratio.toFixed(2) + unit, 10)} goal ${g.atLeast ? '≥' : '≤'} ${g.goal}${unit}  ${ok ? 'met' : 'MISSED'}`,
  )
}
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n')
console.log('\nwritten: bench/results.json')
