/**
 * Explain for the operations besides SetUser and CreateUser (D-PG1): DelUser, ActivateUser,
 * InactivateUser, GetUser, LstsummaryUser and the four login operations, on the examples of their
 * sources (the reference page, the decisions' samples, the corpus) — which rule and sentence
 * decided each step, change, effect and error; that no secret reaches a trace; and that the result
 * is the plain operation's. The laws over generated inputs are in
 * property-tests/explain/operations.prop.test.ts.
 */
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applyActivateUser,
  applyDelUser,
  applyGetloginurlUser,
  applyGetUser,
  applyLstsummaryUser,
  type User,
} from 'webex-user-rules'
import {
  explainActivateUser,
  explainAuthenticateUser,
  explainDelUser,
  explainGetLoginTicket,
  explainGetloginurlUser,
  explainGetlogouturlUser,
  explainGetUser,
  explainInactivateUser,
  explainLstsummaryUser,
  RULE_ROWS,
  type TraceEntry,
} from 'webex-user-rules/explain'
import { parseOperationMessage } from 'webex-user-rules/xml'
import { ADMIN, deepFreeze, site } from '../helpers.js'

const summary = (trace: readonly TraceEntry[]): string[] =>
  trace.map(
    (t) =>
      `${t.outcome === undefined ? '' : `#${String(t.outcome)} `}${t.stage} ${t.rule} ${t.kind}${
        t.kind === 'changed' || t.kind === 'ignored' || t.kind === 'reset' || t.kind === 'warning' ? ` ${t.path}` : ''
      }${t.kind === 'error' ? ` ${t.error.exceptionID}` : ''}`,
  )
const details = (trace: readonly TraceEntry[]): string[] => trace.flatMap((t) => (t.kind === 'step' ? [t.detail] : []))
const corpus = (name: string): string => readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), 'utf8')

const users: readonly User[] = deepFreeze([
  { webExId: 'jsmith', userId: 101, supportedServices: { meetingCenter: true, eventCenter: true } },
  { webExId: 'jdoe', userId: 102, active: 'DEACTIVATED' },
  { webExId: 'guest', userId: 103, privilege: { attendeeOnly: true } },
])

describe('explainDelUser', () => {
  it('D-OP2 D-OP-19 R15 R17 R6 the reference example: jsmith deactivated, ghost 030001; licences removed, synced, host count 2 → 1', () => {
    const s = site({ activeHostCount: 2, controlHubManaged: true })
    const request = { caller: ADMIN, body: { webExId: ['JSmith', 'ghost'], syncWebOffice: true } }
    const { result, trace } = explainDelUser(s, users, request)
    expect(result).toEqual(applyDelUser(s, users, request))
    expect(summary(trace)).toEqual([
      'authorization R11 step',
      '#0 lookup D-OP-19 step',
      '#0 merge D-OP2 changed active',
      '#0 effects R15 effect',
      '#0 effects R15 effect',
      '#0 effects R17 effect',
      '#1 lookup D-OP2 error 030001',
      'site-wide R6 changed activeHostCount',
    ])
    expect(details(trace)).toContain('JSmith found as jsmith')
    const deactivated = trace[2]
    expect(deactivated?.kind === 'changed' && [deactivated.before, deactivated.after]).toEqual([
      undefined,
      'DEACTIVATED',
    ])
    expect(deactivated?.source.text).toContain('As the API does, DelUser deactivates; it does not erase.')
    expect(trace.at(-1)).toMatchObject({ before: 2, after: 1 })
    expect(trace.at(-1)?.source.text).toContain('When SetUser counts active host accounts')
  })

  it('D-OP2 a webExId named twice is deactivated once: the second outcome changes nothing and says so by having no change', () => {
    const { trace } = explainDelUser(site({ activeHostCount: 1 }), users, {
      caller: ADMIN,
      body: { webExId: ['jsmith', 'JSMITH'] },
    })
    expect(summary(trace)).toEqual([
      'authorization R11 step',
      '#0 lookup D-OP-19 step',
      '#0 merge D-OP2 changed active',
      '#1 lookup D-OP-19 step',
      'site-wide R6 changed activeHostCount',
    ])
  })

  it('R11 a host may not delete: the error alone, with its 000001', () => {
    const { trace } = explainDelUser(site(), users, {
      caller: { webExId: 'jsmith', role: 'host' },
      body: { webExId: ['jdoe'] },
    })
    expect(summary(trace)).toEqual(['authorization R11 error 000001'])
  })
})

describe('explainActivateUser / explainInactivateUser', () => {
  it('R6 the reference example: activating on a full site is 030010, after the authorization and the lookup by userID', () => {
    const s = site({ activeHostCount: 5, hostLimit: 5 })
    const stored = [{ webExId: 'jsmith', userId: 42, active: 'DEACTIVATED' as const }]
    const request = { caller: ADMIN, body: { userID: 42 } }
    const { result, trace } = explainActivateUser(s, stored, request)
    expect(result).toEqual(applyActivateUser(s, stored, request))
    expect(summary(trace)).toEqual(['authorization D-OP3 step', 'lookup D-OP3 step', 'site-wide R6 error 030010'])
    expect(details(trace)).toEqual([
      'admin (siteAdmin): a site admin may change whether a user is active',
      'userID 42 is jsmith',
    ])
    expect(trace.at(-1)?.source.text).toContain('exceededSiteHostLimit')
  })

  it('D-OP3 R6 activating within the limit: active changed, the host count step 4 → 5', () => {
    const { trace } = explainActivateUser(site({ activeHostCount: 4, hostLimit: 5 }), users, {
      caller: ADMIN,
      body: { webexID: 'JDOE' },
    })
    expect(summary(trace)).toEqual([
      'authorization D-OP3 step',
      'lookup D-OP-19 step',
      'merge D-OP3 changed active',
      'site-wide R6 step',
    ])
    expect(details(trace).at(-1)).toBe("the site's active host count goes from 4 to 5 (host limit 5)")
  })

  it('D-OP3 R17 the reference example of InactivateUser: DEACTIVATED, syncWebOffice explained by the seed list of R17', () => {
    const { trace } = explainInactivateUser(site({ activeHostCount: 5 }), [{ webExId: 'jsmith' }], {
      caller: ADMIN,
      body: { webexID: 'jsmith', syncWebOffice: true },
    })
    expect(summary(trace)).toEqual([
      'authorization D-OP3 step',
      'lookup D-OP-19 step',
      'merge D-OP3 changed active',
      'site-wide R6 step',
      'effects R17 effect',
    ])
    expect(trace.at(-1)?.source.text).toContain('CreateUser, SetUser, DelUser, ActivateUser and InactivateUser')
  })

  it('D-OP3 D-OP-19 both keys, neither, a host, an unknown user: each error by its rule', () => {
    const s = site()
    const bothKeys = explainActivateUser(s, users, { caller: ADMIN, body: { webexID: 'jdoe', userID: 102 } })
    expect(summary(bothKeys.trace)).toEqual(['decode D-OP3 error 999999'])
    const host = explainActivateUser(s, users, { caller: { webExId: 'jdoe', role: 'host' }, body: { webexID: 'jdoe' } })
    expect(summary(host.trace)).toEqual(['authorization D-OP3 error 000001'])
    const unknown = explainInactivateUser(s, users, { caller: ADMIN, body: { webexID: 'ghost' } })
    expect(summary(unknown.trace)).toEqual(['authorization D-OP3 step', 'lookup D-OP-19 error 030001'])
  })
})

describe('explainGetUser', () => {
  it('D-OP-1 D-OP-19 D-OP4 D-GV-3 the reference example: the PIN shown ("Use the GetUser API to retrieve the host\'s PIN"), the password masked, active made explicit', () => {
    const stored = [{ webExId: 'dstaudt', password: 'secret', phones: { PIN: '4826' } }]
    const request = { caller: { webExId: 'dstaudt', role: 'host' as const }, body: { webExId: 'DStaudt' } }
    const { result, trace } = explainGetUser(stored, request)
    expect(result).toEqual(applyGetUser(stored, request))
    expect(summary(trace)).toEqual([
      'authorization D-OP-1 step',
      'lookup D-OP-19 step',
      'answer D-GV-1 step',
      'answer D-OP4 changed password',
      'answer D-GV-3 changed active',
    ])
    expect(details(trace)).toEqual([
      'dstaudt (host) reads their own record',
      'DStaudt found as dstaudt',
      'the stored user, in the order of the GetUser response type',
    ])
    // the PIN is not a change (GetUser returns it), and no secret is in the trace
    expect(JSON.stringify(trace)).not.toContain('secret')
    expect(JSON.stringify(trace)).not.toContain('4826')
  })

  it('R9 D-GV-2 D-OP4 the account-level joinBeforeHost mirrored, products as { prodID }, the engine-only designatedChatUser left out', () => {
    const stored = {
      webExId: 'jdoe',
      active: 'ACTIVATED' as const,
      designatedChatUser: true,
      personalTeleconf: { joinBeforeHost: true, account: [{ accountIndex: 1 }] },
      salesCenter: { roles: { sme: true }, smeInfo: { products: [124, 123] } },
    }
    const { trace } = explainGetUser([stored], { caller: ADMIN, body: { webExId: 'jdoe' } })
    expect(summary(trace)).toEqual([
      'authorization D-OP-1 step',
      'lookup D-OP-19 step',
      'answer D-GV-1 step',
      'answer R9 changed personalTeleconf.account',
      'answer D-GV-2 changed salesCenter.smeInfo.products',
      'answer D-OP4 changed designatedChatUser',
    ])
    expect(trace[3]?.source.text).toBe(
      'The XML API GetUser response will still return <personalTeleconf><account><joinBeforeHost>, but the value will be identical to the value of the new element <personalTeleconf><joinBeforeHost>.',
    )
  })

  it('D-OP-1 someone else reading dstaudt is 000001; D-OP-19 an unknown user is 030001 after the read rule', () => {
    const stored = [{ webExId: 'dstaudt' }]
    const denied = explainGetUser(stored, {
      caller: { webExId: 'someone', role: 'host' },
      body: { webExId: 'dstaudt' },
    })
    expect(summary(denied.trace)).toEqual(['authorization D-OP-1 error 000001'])
    const unknown = explainGetUser(stored, { caller: ADMIN, body: { webExId: 'ghost' } })
    expect(summary(unknown.trace)).toEqual(['authorization D-OP-1 step', 'lookup D-OP-19 error 030001'])
  })
})

describe('explainLstsummaryUser', () => {
  const listed: readonly User[] = deepFreeze([
    { webExId: 'jdoe', userId: 2, email: 'jdoe@example.com' },
    { webExId: 'Ana', userId: 1, email: 'ana.oneil@example.edu', active: 'DEACTIVATED' },
    { webExId: 'bo', userId: 3, email: 'bo@example.com', registrationDate: '07/01/2010 09:30:00' },
  ])
  const viewer = { webExId: 'viewer', role: 'roSiteAdmin' } as const

  it("D-OP-1 D-OP-4 D-OP-6 D-OP-7 D-OP-8 Moodle's lookup by e-mail (corpus lstsummaryuser-moodle-1): 1 of 3 match, UID ASC, records 1–1", () => {
    const message = parseOperationMessage(corpus('lstsummaryuser-moodle-1.xml'), 'LstsummaryUser')
    if (E.isLeft(message)) throw new Error('fixture')
    const request = { caller: viewer, body: message.right.body }
    const { result, trace } = explainLstsummaryUser(site(), listed, request)
    expect(result).toEqual(applyLstsummaryUser(site(), listed, request))
    expect(summary(trace)).toEqual([
      'authorization D-OP-1 step',
      'filter D-OP-4 step',
      'order D-OP-6 step',
      'page D-OP-7 step',
      'answer D-OP-8 step',
    ])
    expect(details(trace)).toEqual([
      "viewer (roSiteAdmin) may list the site's users",
      'email = "ana.oneil@example.edu" (listMethod AND): 1 of 3 users match',
      'no order: UID ASC, then webExId',
      'records 1–1 of 1: startFrom 1, maximumNum 1',
      '1 user summary: Ana',
    ])
    expect(trace[1]).toMatchObject({ data: { matched: 1, users: 3, listMethod: 'AND' } })
  })

  it('D-OP-7 D-OP-6 maximumNum 1000 (the C# tool) is clamped to 500; the order keys with their tie-breakers', () => {
    const { trace } = explainLstsummaryUser(site(), listed, {
      caller: ADMIN,
      body: { listControl: { maximumNum: 1000 }, order: { orderBy: ['EMAIL', 'WEBEXID'], orderAD: ['DESC'] } },
    })
    expect(details(trace)).toEqual([
      "admin (siteAdmin) may list the site's users",
      'no filter: every user in every state, 3 of 3',
      'EMAIL DESC, WEBEXID ASC, then UID ASC and webExId break ties',
      'records 1–3 of 3: startFrom 1, maximumNum 1000 clamped to 500',
      '3 user summaries: jdoe, bo, Ana',
    ])
  })

  it('D-OP-5 D-OP-4 a registration-date range and a WebACD filter add their steps; OR needs any one', () => {
    const { trace } = explainLstsummaryUser(site(), listed, {
      caller: ADMIN,
      body: {
        webExId: 'JDOE',
        dataScope: { regDateStart: '01/01/2010 00:00:00' },
        webACD: { isAgent: false },
        listControl: { listMethod: 'OR' },
      },
    })
    expect(summary(trace).slice(1, 4)).toEqual(['filter D-OP-4 step', 'filter D-OP-5 step', 'filter D-OP-4 step'])
    expect(details(trace)[1]).toBe(
      'webExId = "JDOE" or registrationDate ≥ 01/01/2010 00:00:00 or webACD.isAgent = false (listMethod OR): 3 of 3 users match',
    )
  })

  it('D-OP-9 no match is 000015, after the filters that matched 0; a startFrom past the last match, after 3 matched', () => {
    const none = explainLstsummaryUser(site(), listed, { caller: viewer, body: { email: 'nobody@example.com' } })
    expect(summary(none.trace)).toEqual(['authorization D-OP-1 step', 'filter D-OP-4 step', 'page D-OP-9 error 000015'])
    expect(none.trace[1]).toMatchObject({ data: { matched: 0, users: 3 } })
    // any iterable, read once: the users are recorded as the operation walks them
    const past = explainLstsummaryUser(site(), new Set(listed), {
      caller: viewer,
      body: { listControl: { startFrom: 4 } },
    })
    expect(summary(past.trace)).toEqual(['authorization D-OP-1 step', 'filter D-OP-4 step', 'page D-OP-9 error 000015'])
    expect(past.trace[1]).toMatchObject({ data: { matched: 3, users: 3 } })
  })

  it('D-OP-1 D-OP-5 D-OP-4 a host may not list; another time zone and a manager filter are refused by their decisions', () => {
    const host = explainLstsummaryUser(site(), listed, { caller: { webExId: 'jdoe', role: 'host' }, body: {} })
    expect(summary(host.trace)).toEqual(['authorization D-OP-1 error 000001'])
    const zone = explainLstsummaryUser(site(), listed, { caller: ADMIN, body: { dataScope: { timeZoneID: 4 } } })
    expect(summary(zone.trace)).toEqual(['authorization D-OP-1 step', 'filter D-OP-5 error 999999'])
    const manager = explainLstsummaryUser(site(), listed, { caller: ADMIN, body: { webACD: { manager: 'boss' } } })
    expect(summary(manager.trace)).toEqual(['authorization D-OP-1 step', 'filter D-OP-4 error 999999'])
  })
})

describe('explain the login operations', () => {
  const T0 = 1564617600000
  const claim = { subject: { webExId: 'host01' }, credential: { kind: 'password' as const, password: 'DummyPass-21' } }
  const issued = { sessionTicket: 'AAABBBdummySessionTicket000777', createTime: T0, timeToLive: 5400 }

  it('D-OP-10 D-OP-11 D-OP-13 AuthenticateUser (the Cisco sample answer): claim, verdict, active, the ticket’s lifetime — never the ticket or the password', () => {
    const { trace } = explainAuthenticateUser({ webExId: 'host01' }, claim, true, issued)
    expect(summary(trace)).toEqual([
      'credential D-OP-10 step',
      'identity D-OP-11 step',
      'state D-OP-11 step',
      'answer D-OP-13 step',
    ])
    expect(details(trace)).toEqual([
      'webExId "host01" presents a password',
      'the service verified the credential',
      'host01 is ACTIVATED',
      `a session ticket for host01, valid 5400 s from ${String(T0)} (fixed expiry)`,
    ])
    expect(JSON.stringify(trace)).not.toMatch(/DummyPass-21|AAABBBdummySessionTicket000777/)
  })

  it('D-OP-11 a wrong password is 030002, a session ticket 030047, an access token 030048; deactivated is 030008 only after the verdict', () => {
    const wrong = explainAuthenticateUser({ webExId: 'host01' }, claim, false, issued)
    expect(summary(wrong.trace)).toEqual(['credential D-OP-10 step', 'identity D-OP-11 error 030002'])
    const ticket = { ...claim, credential: { kind: 'sessionTicket' as const, sessionTicket: 'x' } }
    expect(summary(explainAuthenticateUser({ webExId: 'host01' }, ticket, false, issued).trace).at(-1)).toBe(
      'identity D-OP-11 error 030047',
    )
    const token = { ...claim, credential: { kind: 'accessToken' as const, accessToken: 'x' } }
    expect(summary(explainAuthenticateUser({ webExId: 'host01' }, token, false, issued).trace).at(-1)).toBe(
      'identity D-OP-11 error 030048',
    )
    const gone = explainAuthenticateUser({ webExId: 'host01', active: 'DEACTIVATED' }, claim, true, issued)
    expect(summary(gone.trace)).toEqual([
      'credential D-OP-10 step',
      'identity D-OP-11 step',
      'state D-OP-11 error 030008',
    ])
    const malformed = explainAuthenticateUser({ webExId: 'host01' }, claim, true, { ...issued, timeToLive: 0 })
    expect(summary(malformed.trace).at(-1)).toBe('answer D-OP-11 error 999999')
  })

  it('D-OP-2 D-OP-14 D-OP-12 GetLoginTicket (the reference sample): the fresh ticket, then the same one again while unused; 030008 for a deactivated caller', () => {
    const s = site()
    const fresh = { ticket: '3f1c9a0e5b7d4c2a', createTime: T0, timeToLive: 5400 }
    const request = { caller: { webExId: 'HOST01', role: 'host' as const }, body: {} }
    const first = explainGetLoginTicket(s, [{ webExId: 'host01' }], request, { fresh, now: T0 })
    expect(details(first.trace)).toEqual([
      'HOST01 found as host01',
      'host01 is ACTIVATED',
      'no outstanding login ticket: the fresh one',
      'apiVersion WebEx XML API V10.0.0 (the default)',
    ])
    const other = { ticket: 'newer', createTime: T0 + 1000, timeToLive: 5400 }
    const again = explainGetLoginTicket(s, [{ webExId: 'host01' }], request, {
      outstanding: fresh,
      fresh: other,
      now: T0 + 60_000,
    })
    expect(details(again.trace)[2]).toBe('the outstanding login ticket, neither used up nor expired, handed out again')
    const used = explainGetLoginTicket(s, [{ webExId: 'host01' }], request, {
      outstanding: { ...fresh, consumed: true },
      fresh: other,
      now: T0 + 60_000,
    })
    expect(details(used.trace)[2]).toBe('the outstanding login ticket is used up: the fresh one')
    expect(JSON.stringify([first.trace, again.trace, used.trace])).not.toMatch(/3f1c9a0e5b7d4c2a|newer/)
    const gone = explainGetLoginTicket(s, [{ webExId: 'host01', active: 'DEACTIVATED' }], request, { fresh, now: T0 })
    expect(summary(gone.trace)).toEqual(['lookup D-OP-2 step', 'state D-OP-14 error 030008'])
    const badTicket = explainGetLoginTicket(s, [{ webExId: 'host01' }], request, {
      fresh: { ...fresh, ticket: 'a&b' },
      now: T0,
    })
    expect(summary(badTicket.trace).at(-1)).toBe('ticket D-OP-15 error 999999')
  })

  it('D-OP-16 D-OP-2 D-OP-14 D-OP-12 D-OP-15 GetloginurlUser (corpus getloginurluser-ciscodoc-1): the Cisco sample URL with TK masked', () => {
    const message = parseOperationMessage(corpus('getloginurluser-ciscodoc-1.xml'), 'GetloginurlUser')
    if (E.isLeft(message)) throw new Error('fixture')
    const stored = [{ webExId: 'hostid', firstName: 'Fname', lastName: 'Lname', email: 'email@example.com' }]
    const request = { caller: { webExId: 'hostid', role: 'host' as const }, body: message.right.body }
    const tickets = { fresh: { ticket: 'tk9secret', createTime: 0, timeToLive: 5400 }, now: 0 }
    const { result, trace } = explainGetloginurlUser(site(), stored, request, tickets)
    expect(result).toEqual(applyGetloginurlUser(site(), stored, request, tickets))
    expect(summary(trace)).toEqual([
      'authorization D-OP-16 step',
      'lookup D-OP-2 step',
      'state D-OP-16 step',
      'ticket D-OP-14 step',
      'answer D-OP-12 step',
      'answer D-OP-15 step',
    ])
    expect(trace.at(-1)).toMatchObject({
      data: {
        url: 'https://examplesite.webex.com/examplesite/p.php?AT=LI&FN=Fname&LN=Lname&EM=email@example.com&WID=hostid&TK=******&MU=GoBack&BU=',
      },
    })
    expect(JSON.stringify(trace)).not.toContain('tk9secret')
  })

  it('D-OP-16 a read-only admin may not have a login URL (000001, before the lookup); an unknown user is 030001 after it', () => {
    const tickets = { fresh: { ticket: 'tk', createTime: 0, timeToLive: 5400 }, now: 0 }
    const ro = explainGetloginurlUser(
      site(),
      [{ webExId: 'hostid' }],
      {
        caller: { webExId: 'viewer', role: 'roSiteAdmin' },
        body: { webExID: 'ghost' },
      },
      tickets,
    )
    expect(summary(ro.trace)).toEqual(['authorization D-OP-16 error 000001'])
    const unknown = explainGetloginurlUser(
      site(),
      [{ webExId: 'hostid' }],
      { caller: ADMIN, body: { webExID: 'ghost' } },
      tickets,
    )
    expect(summary(unknown.trace)).toEqual(['authorization D-OP-16 step', 'lookup D-OP-16 error 030001'])
  })

  it('D-OP-16 D-OP-12 D-OP-15 GetlogouturlUser: self in any case, the site URL, AT=LO; no state check', () => {
    const { trace } = explainGetlogouturlUser(
      site({ siteUrl: 'http://127.0.0.1:8080/acme/' }),
      [{ webExId: 'hostid', active: 'DEACTIVATED' }],
      { caller: { webExId: 'HostID', role: 'host' }, body: { webExID: 'hostid', backURL: 'https://lms.example.edu/' } },
    )
    expect(summary(trace)).toEqual([
      'authorization D-OP-16 step',
      'lookup D-OP-2 step',
      'answer D-OP-12 step',
      'answer D-OP-15 step',
    ])
    expect(details(trace)).toEqual([
      'HostID (host) asks for their own URL',
      'hostid found',
      "the site's URL http://127.0.0.1:8080/acme",
      'AT=LO, BU the encoded backURL',
    ])
    expect(trace.at(-1)).toMatchObject({
      data: { url: 'http://127.0.0.1:8080/acme/p.php?AT=LO&BU=https%3A%2F%2Flms.example.edu%2F' },
    })
  })
})

describe('the rows of the other operations', () => {
  it('D-PG1 every decision row quotes docs/decisions.md word for word', () => {
    // the page's lines break anywhere, so whitespace is not compared
    const squeeze = (text: string): string => text.replace(/\s+/g, '')
    const decisions = squeeze(readFileSync(new URL('../../docs/decisions.md', import.meta.url), 'utf8'))
    const rows = RULE_ROWS.filter((row) => row.source.kind === 'decision')
    expect(rows.length).toBeGreaterThan(30)
    for (const row of rows) expect(decisions, `${row.rule} ${row.title}`).toContain(squeeze(row.source.text))
  })
})
