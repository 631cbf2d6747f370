/**
 * D-KT-1: the kit's concurrent rounds sign the admin in with a session ticket from AuthenticateUser
 * (a password costs a real server a slow hash per request, which spreads a round out); generated
 * serial requests keep their passwords; an endpoint without AuthenticateUser is asked once and gets
 * passwords only. The endpoint is the example server behind a front that hands out one ticket and
 * swaps it for the admin's password, recording how each request signed in.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { countActiveHosts, type User } from 'webex-user-rules'
import { checkConformance, type Send } from 'webex-user-rules/testing'
import { parseRequestMessage, renderAuthenticateUserResponse, renderFailureResponse } from 'webex-user-rules/xml'
import { createXmlHandler } from '../../examples/server/server.js'
import { type SiteSettings, UserStore } from '../../examples/server/store.js'

const PASSWORD = 'Adm1n-Secret-77'
const TICKET = 'KitTicket0123456789abcdefABCDEF'
const SETTINGS: SiteSettings = {
  hostLimit: 6,
  allowUserToChangeUserName: true,
  productIds: [120],
  controlHubManaged: false,
}
const USERS: User[] = [{ webExId: 'admin', password: PASSWORD, privilege: { siteAdmin: true } }, { webExId: 'jdoe' }]
const SITE = { ...SETTINGS, otherActiveHosts: countActiveHosts(USERS) }
const ADMIN = { webExId: 'admin', password: PASSWORD }

interface Seen {
  readonly operation: string
  readonly caller: string
  readonly credential: 'ticket' | 'password' | 'none'
  /** Another request was still being answered when this one arrived: part of a concurrent round. */
  readonly overlapping: boolean
}

const exampleServer = (): Send => {
  const store = UserStore.create({ site: SETTINGS, users: USERS })
  if (E.isLeft(store)) throw new Error(store.left)
  const answer = createXmlHandler(store.right)
  return (xml) => answer(new TextEncoder().encode(xml))
}

/** The example server behind a front that knows AuthenticateUser and one admin ticket. */
const ticketingFront = (seen: Seen[], issueTickets: boolean): Send => {
  const inner = exampleServer()
  let inFlight = 0
  return async (xml) => {
    const message = parseRequestMessage(xml)
    if (E.isLeft(message)) return inner(xml)
    const { securityContext: sc, operation } = message.right
    seen.push({
      operation,
      caller: sc.webExID ?? '',
      credential: sc.sessionTicket !== undefined ? 'ticket' : sc.password !== undefined ? 'password' : 'none',
      overlapping: inFlight > 0,
    })
    if (operation === 'AuthenticateUser') {
      if (!issueTickets || sc.webExID !== ADMIN.webExId || sc.password !== PASSWORD)
        return renderFailureResponse({ exceptionID: '000000', reason: 'Fail to forward request:null' })
      return renderAuthenticateUserResponse(
        E.right({ sessionTicket: TICKET, createTime: 1_764_000_000_000, timeToLive: 5400 }),
      )
    }
    if (sc.sessionTicket !== undefined && sc.sessionTicket !== TICKET)
      return renderFailureResponse({ exceptionID: '030047', reason: 'Not a valid session ticket' })
    const forwarded = xml.replace(
      /<((?:[A-Za-z]+:)?)sessionTicket>[^<]*<\/\1sessionTicket>/,
      (_m, prefix: string) => `<${prefix}password>${PASSWORD}</${prefix}password>`,
    )
    inFlight++
    try {
      return await inner(forwarded)
    } finally {
      inFlight--
    }
  }
}

describe('the admin of concurrent rounds signs in with a session ticket (D-KT-1)', { timeout: 120_000 }, () => {
  it('concurrent requests carry the ticket, generated serial requests passwords; one AuthenticateUser per run', async () => {
    const seen: Seen[] = []
    const runs = 5
    const report = await checkConformance({
      send: ticketingFront(seen, true),
      admin: ADMIN,
      site: SITE,
      runs,
      seed: 3,
      concurrency: 4,
      shrinkRuns: 0,
    })
    expect(report.unusable).toBeUndefined()
    const overlapping = seen.filter((s) => s.overlapping)
    expect(overlapping.length).toBeGreaterThan(10)
    // every request of a concurrent round is the admin's, with the ticket and no password
    expect(overlapping.filter((s) => s.credential !== 'ticket')).toEqual([])
    expect(overlapping.every((s) => s.caller === ADMIN.webExId)).toBe(true)
    // the password path stays under test: generated serial requests of the admin and of the kit's users
    const passwords = seen.filter((s) => s.credential === 'password' && s.operation !== 'AuthenticateUser')
    expect(passwords.some((s) => s.caller === ADMIN.webExId)).toBe(true)
    expect(passwords.some((s) => s.caller.startsWith('wurconf-'))).toBe(true)
    // a fresh ticket per run (a long check never outlives one), asked with the password
    const signIns = seen.filter((s) => s.operation === 'AuthenticateUser')
    expect(signIns.length).toBe(report.conforms ? runs : (report.failedAtRun ?? 0) + (report.shrinks ?? 0))
    expect(signIns.every((s) => s.credential === 'password' && s.caller === ADMIN.webExId)).toBe(true)
    // the ticket is a secret: never in the report
    expect(JSON.stringify(report)).not.toContain(TICKET)
  })

  it('an endpoint without AuthenticateUser is asked once, then sent passwords only', async () => {
    const seen: Seen[] = []
    const report = await checkConformance({
      send: ticketingFront(seen, false),
      admin: ADMIN,
      site: SITE,
      runs: 4,
      seed: 3,
      concurrency: 4,
      shrinkRuns: 0,
    })
    expect(report.unusable).toBeUndefined()
    expect(seen.filter((s) => s.operation === 'AuthenticateUser')).toHaveLength(1)
    expect(seen.filter((s) => s.credential === 'ticket')).toEqual([])
    expect(seen.filter((s) => s.overlapping).length).toBeGreaterThan(0)
  })

  it('adminTicket: false never asks for a ticket', async () => {
    const seen: Seen[] = []
    await checkConformance({
      send: ticketingFront(seen, true),
      admin: ADMIN,
      site: SITE,
      runs: 4,
      seed: 3,
      concurrency: 4,
      adminTicket: false,
      shrinkRuns: 0,
    })
    expect(seen.filter((s) => s.operation === 'AuthenticateUser' || s.credential === 'ticket')).toEqual([])
  })
})
