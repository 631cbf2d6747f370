/**
 * The conformance kit against the example server, in-process (issue 12): the server as shipped,
 * and the same server with one of its turns removed by a one-line edit, which the kit must catch.
 */
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { countActiveHosts, type User } from 'webex-user-rules'
import { checkConformance, type ConformanceReport, type ConformanceSite, type Send } from 'webex-user-rules/testing'
import { describe, expect, it } from 'vitest'
import { createXmlHandler } from '../../examples/server/server.js'
import { type SiteSettings, UserStore } from '../../examples/server/store.js'

const ADMIN = { webExId: 'admin', password: 'DummyPass-1' }
const SETTINGS: SiteSettings = {
  hostLimit: 6,
  allowUserToChangeUserName: true,
  productIds: [120, 123, 124],
  controlHubManaged: false,
}
const OTHERS: User[] = [
  { webExId: 'admin', password: ADMIN.password, privilege: { siteAdmin: true } },
  { webExId: 'jdoe', privilege: { host: true } },
  { webExId: 'guest', privilege: { attendeeOnly: true } },
]
const SITE: ConformanceSite = { ...SETTINGS, otherActiveHosts: countActiveHosts(OTHERS) }
const SEED = Number(process.env['FC_SEED'] ?? 20261205)

type Handler = typeof createXmlHandler

const inProcess = (handler: Handler, latencyMs = 0): Send => {
  const store = UserStore.create({ site: SETTINGS, users: OTHERS }, { latencyMs })
  if (E.isLeft(store)) throw new Error(store.left)
  const answer = handler(store.right)
  return (xml) => answer(new TextEncoder().encode(xml))
}

/** The example server with `from` replaced by `to` (exactly once), imported from a temporary copy. */
const editedServer = async (from: string, to: string): Promise<Handler> => {
  const source = fileURLToPath(new URL('../../examples/server/server.ts', import.meta.url))
  const text = readFileSync(source, 'utf8')
  expect(text.split(from).length, `the edit "${from}" must match exactly once`).toBe(2)
  const store = fileURLToPath(new URL('../../examples/server/store.ts', import.meta.url))
  const dir = mkdtempSync(join(tmpdir(), 'wur-broken-'))
  const file = join(dir, 'server.ts')
  writeFileSync(file, text.replace(from, to).replace("from './store.js'", `from '${store}'`))
  const module = (await import(/* @vite-ignore */ file)) as { createXmlHandler: Handler }
  return module.createXmlHandler
}

const summary = (r: ConformanceReport): string =>
  JSON.stringify(
    { conforms: r.conforms, unusable: r.unusable, disagreements: r.disagreements, history: r.history },
    null,
    1,
  ).slice(0, 6000)

// no time limit: in-process, with a fixed seed and run id, the runs and their shrinking are the same on
// every machine, whereas a time limit would end the search early on a loaded one and pass the racy server
const run = (send: Send, runId: string, runs: number, concurrency: number): Promise<ConformanceReport> =>
  checkConformance({ send, admin: ADMIN, site: SITE, runs, seed: SEED, concurrency, runId })

/** Operations of the last (concurrent) step of a failure's history, by user. */
const lastRound = (r: ConformanceReport): string[] => (r.history?.at(-1)?.exchanges ?? []).map((e) => e.operation)

// the one-line edits of docs/testing.md
const SITE_TURN = 'return touchesSite(body) ? queue.run(SITE_KEY, perUser) : perUser()'
const USER_TURN = 'queue.run(body.webExId.toLowerCase(), () => setUser(store, caller, body, log))'

describe('checkConformance against the example server (issue 12)', { timeout: 600_000 }, () => {
  it('the example server with every SetUser in the site-wide turn conforms, serial and concurrent rounds', async () => {
    const fixed = await editedServer(SITE_TURN, 'return queue.run(SITE_KEY, perUser)')
    const report = await run(inProcess(fixed), 'fixed', 30, 5)
    expect(report.unusable, summary(report)).toBeUndefined()
    expect(report.conforms, summary(report)).toBe(true)
    expect(report.disagreements).toEqual([])
    expect(report.operationsSent).toBeGreaterThan(500)
    expect(Object.keys(report.byOperation).sort()).toEqual([
      'ActivateUser',
      'CreateUser',
      'DelUser',
      'GetUser',
      'InactivateUser',
      'SetUser',
    ])
  })

  it('the example server as shipped: the kit finds its documented race (issue 11: a SetUser not touching active undoes a concurrent (In)activateUser or DelUser)', async () => {
    const report = await run(inProcess(createXmlHandler), 'shipped', 60, 5)
    expect(report.conforms, summary(report)).toBe(false)
    expect(report.disagreements.map((d) => d.kind)).toEqual(['noSerialOrder'])
    const ops = lastRound(report)
    expect(ops, summary(report)).toContain('SetUser')
    expect(
      ops.some((op) => ['ActivateUser', 'InactivateUser', 'DelUser'].includes(op)),
      summary(report),
    ).toBe(true)
  })

  it('without the site-wide turn the kit fails the server (host limit or lost update)', async () => {
    const broken = await editedServer(SITE_TURN, 'return perUser()')
    const report = await run(inProcess(broken), 'nosite', 60, 6)
    expect(report.conforms, summary(report)).toBe(false)
    expect(report.disagreements.map((d) => d.kind)).toEqual(['noSerialOrder'])
  })

  it('without the per-user turn the kit fails the server (two SetUsers of one user, one update lost)', async () => {
    const broken = await editedServer(USER_TURN, 'setUser(store, caller, body, log)')
    const report = await run(inProcess(broken), 'nouser', 60, 6)
    expect(report.conforms, summary(report)).toBe(false)
    expect(
      report.disagreements.map((d) => d.kind),
      summary(report),
    ).toEqual(['noSerialOrder'])
    expect(lastRound(report).filter((op) => op === 'SetUser').length, summary(report)).toBeGreaterThanOrEqual(2)
  })
})
