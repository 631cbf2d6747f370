/**
 * Every operation over HTTP on PGlite, with the corpus's real client messages (issue 11 items
 * 2, 3, 7): the answers, what is stored, and the effects queued in the outbox.
 */
import { readdirSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countsAsHost, type SetUserBody, type User } from 'webex-user-rules'
import { parseGetUserResponse, type SecurityContext } from 'webex-user-rules/xml'
import { addSite, boot, corpus, getUserOf, message, type Running, status, stored, ticketFor } from './helpers.js'
import { documentFromStored } from '../src/db/document.js'

let server: Running
beforeAll(async () => {
  server = await boot()
})
afterAll(async () => {
  await server.stop()
})

const SITE = { allowUserToChangeUserName: true, productIds: [], controlHubManaged: false }

/** Every caller and target of the corpus messages, with the passwords the messages carry. */
const corpusUsers = [
  { webExId: 'admin', password: 'DummyPass-1', privilege: { siteAdmin: true } },
  { webExId: 'svc-admin', password: 'DummyPass-2', privilege: { siteAdmin: true } },
  { webExId: 'moodleapi', password: 'DummyPass-3', privilege: { siteAdmin: true } },
  { webExId: 'webexaccount', password: 'DummyPass-4', privilege: { siteAdmin: true } },
  { webExId: 'siteadmin', password: 'DummyPass-6', privilege: { siteAdmin: true } },
  { webExId: 'admin@example.com', privilege: { siteAdmin: true } },
  { webExId: 'user1', password: 'DummyPass-9', privilege: { host: true } },
  { webExId: 'dstaudt', privilege: { host: true }, firstName: 'D' },
  ...[
    'jdoe@example.com',
    'jsmith',
    'student42',
    'family03@example.com',
    'maria.garcia@example.com',
    'boss@example.com',
    '374510',
  ].map((webExId) => ({ webExId, active: 'DEACTIVATED' })),
]

/** A corpus message on a site of its own: the site named, a dummy ticket replaced by a real one. */
const onSite = async (xml: string, siteName: string): Promise<string> => {
  // the siteID form (borgified, maekee) names the site by number: addSite's ids follow its names
  const named = xml
    .replace(/<siteName>[^<]*<\/siteName>/, `<siteName>${siteName}</siteName>`)
    .replace(/<siteID>\d+<\/siteID>/, `<siteID>${siteName.replace('site', '')}</siteID>`)
  const withSite =
    named.includes('<siteName>') || named.includes('<siteID>')
      ? named
      : named.replace('</webExID>', `</webExID><siteName>${siteName}</siteName>`)
  const ticket = /<webExID>([^<]*)<\/webExID>[\s\S]*<sessionTicket>/.exec(withSite)
  if (ticket?.[1] === undefined) return withSite
  const real = await ticketFor(server.app, ticket[1], siteName)
  return withSite.replace(/<sessionTicket>[^<]*<\/sessionTicket>/, `<sessionTicket>${real}</sessionTicket>`)
}

const admin = (siteName: string): SecurityContext => ({ webExID: 'admin', password: 'DummyPass-1', siteName })
const setUser = (body: SetUserBody, securityContext: SecurityContext): string =>
  message({ operation: 'SetUser', securityContext, body })
const post = (xml: string | Uint8Array) => server.post(xml)
const postText = async (xml: string): Promise<string> => (await server.post(xml)).text

const SET_USER_FILES = readdirSync(new URL('../../test/fixtures/corpus/', import.meta.url)).filter(
  (f) => f.startsWith('setuser-') && f !== 'setuser-wxdash-13.xml',
)

describe('SetUser and GetUser over HTTP on PGlite', () => {
  it.each(SET_USER_FILES)('%s: SUCCESS (corpus message, its own credentials)', async (file) => {
    const siteName = await addSite(server.app, { site: SITE, users: corpusUsers })
    const response = await post(await onSite(corpus(file), siteName))
    expect(response.status).toBe(200)
    expect(status(response.text)).toEqual({ result: 'SUCCESS', gsbStatus: 'PRIMARY' })
    expect(response.text).toContain('xsi:type="use:setUserResponse"')
  })

  it('R1 R2 stores what the request says and keeps the rest (corpus atlas-1, a session ticket)', async () => {
    const siteName = await addSite(server.app, { site: SITE, users: corpusUsers })
    await post(await onSite(corpus('setuser-atlas-1.xml'), siteName))
    const user = await getUserOf(post, 'jdoe@example.com', admin(siteName))
    expect(user).toMatchObject({
      webExId: 'jdoe@example.com',
      active: 'DEACTIVATED',
      meetingTypes: [214, 216],
      supportedServices: { meetingCenter: true, eventCenter: true, salesCenter: false },
      // item 7: the elements a real getUserResponse carries, seeded users included (getuser.test.ts)
      categoryId: 0,
      timeZoneID: 4,
      visitCount: 0,
    })
    expect(user?.userId).toBeGreaterThan(1_000_000)
  })

  it('item 7: GetUser (corpus getuser-ciscodevnet-1) answers userId and active for a seeded user', async () => {
    const siteName = await addSite(server.app, { site: SITE, users: corpusUsers })
    const response = await post(await onSite(corpus('getuser-ciscodevnet-1.xml'), siteName))
    const user = parseGetUserResponse(response.text)
    expect(E.isRight(user) && user.right).toMatchObject({
      webExId: 'dstaudt',
      firstName: 'D',
      active: 'ACTIVATED',
      privilege: { host: true, siteAdmin: false },
    })
    expect(response.text).toMatch(/<use:userId>\d+<\/use:userId>/)
  })

  it('malformed XML (corpus wxdash-13) is FAILURE 999999 with HTTP 200', async () => {
    const response = await post(corpus('setuser-wxdash-13.xml'))
    expect(response.status).toBe(200)
    expect(status(response.text)).toMatchObject({ result: 'FAILURE', exceptionID: '999999' })
  })

  it('R20 an unknown target is 030001; webExIds match without regard to case', async () => {
    const siteName = await addSite(server.app, { site: SITE, users: corpusUsers })
    expect(status((await post(setUser({ webExId: 'ghost' }, admin(siteName)))).text)).toMatchObject({
      exceptionID: '030001',
    })
    expect(status((await post(setUser({ webExId: 'JSMITH', firstName: 'J' }, admin(siteName)))).text).result).toBe(
      'SUCCESS',
    )
    expect(await getUserOf(post, 'jsmith', admin(siteName))).toMatchObject({ webExId: 'jsmith', firstName: 'J' })
  })

  it('D-SV-8 GetUser: admins read anyone, a host only themself', async () => {
    const siteName = await addSite(server.app, { site: SITE, users: corpusUsers })
    const host = { webExID: 'user1', password: 'DummyPass-9', siteName }
    const other = await post(message({ operation: 'GetUser', securityContext: host, body: { webExId: 'jsmith' } }))
    expect(status(other.text)).toMatchObject({ result: 'FAILURE', exceptionID: '000001' })
    expect(await getUserOf(post, 'user1', host)).toMatchObject({ webExId: 'user1' })
  })

  it('R11 the caller role comes from the stored user: a host may not change another user', async () => {
    const siteName = await addSite(server.app, { site: SITE, users: corpusUsers })
    const host = { webExID: 'user1', password: 'DummyPass-9', siteName }
    const response = await post(setUser({ webExId: 'jsmith', firstName: 'X' }, host))
    expect(status(response.text)).toMatchObject({ result: 'FAILURE', exceptionID: '000001' })
    expect((await stored(server.app, siteName, 'jsmith'))?.user.firstName).toBeUndefined()
  })

  it('R6 the host count comes from the database: activating past the limit is 030010', async () => {
    const siteName = await addSite(server.app, {
      site: { ...SITE, hostLimit: 1 },
      users: [
        { webExId: 'admin', password: 'DummyPass-1', privilege: { siteAdmin: true } },
        { webExId: 'jdoe', active: 'DEACTIVATED' },
      ],
    })
    const response = await post(setUser({ webExId: 'jdoe', active: 'ACTIVATED' }, admin(siteName)))
    expect(status(response.text)).toMatchObject({ exceptionID: '030010', reason: 'exceededSiteHostLimit' })
    expect((await stored(server.app, siteName, 'jdoe'))?.user.active).toBe('DEACTIVATED')
  })

  it('R14 a rename re-keys the user; the old name stays taken (030004); the effect is queued', async () => {
    const siteName = await addSite(server.app, { site: SITE, users: corpusUsers })
    const before = await stored(server.app, siteName, 'jsmith')
    const renamed = await post(setUser({ webExId: 'jsmith', newWebExId: 'john.smith' }, admin(siteName)))
    expect(status(renamed.text).result).toBe('SUCCESS')
    expect(await stored(server.app, siteName, 'jsmith')).toBeUndefined()
    expect((await stored(server.app, siteName, 'john.smith'))?.id).toBe(before?.id)
    const clash = await post(setUser({ webExId: 'user1', newWebExId: 'JSmith' }, admin(siteName)))
    expect(status(clash.text)).toMatchObject({ result: 'FAILURE', exceptionID: '030004' })
    const outbox = await server.app.db.query<{ kind: string; payload: unknown }>(
      "SELECT kind, payload FROM outbox WHERE web_ex_id = 'john.smith' AND kind = 'renamed'",
    )
    expect(outbox).toEqual([{ kind: 'renamed', payload: { from: 'jsmith', to: 'john.smith' } }])
  })

  it('R10 generateAccessCodes is carried out in the transaction: the account gets codes', async () => {
    const siteName = await addSite(server.app, { site: SITE, users: corpusUsers })
    const response = await post(
      setUser(
        {
          webExId: 'user1',
          phones: { PIN: '4826' },
          personalTeleconf: { account: [{ accountIndex: 1, autoGenerate: true }] },
        },
        admin(siteName),
      ),
    )
    expect(status(response.text).result).toBe('SUCCESS')
    const account = (await stored(server.app, siteName, 'user1'))?.user.personalTeleconf?.account?.[0]
    expect(account?.subscriberAccessCode).toMatch(/^\d{8}$/)
    expect(account?.participantFullAccessCode).toMatch(/^\d{8}$/)
    expect(account?.participantLimitedAccessCode).toMatch(/^\d{8}$/)
  })

  it('a SetUser password is stored as an scrypt hash, never in the document, and works for sign-in', async () => {
    const siteName = await addSite(server.app, { site: SITE, users: corpusUsers })
    expect(
      status((await post(setUser({ webExId: 'user1', password: 'N3w-Secret!' }, admin(siteName)))).text).result,
    ).toBe('SUCCESS')
    const row = await stored(server.app, siteName, 'user1')
    expect(row?.passwordHash).toMatch(/^scrypt\$/)
    const [doc] = await server.app.db.query<{ doc: string }>('SELECT doc::text AS doc FROM users WHERE id = $1', [
      row?.id,
    ])
    expect(doc?.doc).not.toContain('N3w-Secret!')
    expect(await getUserOf(post, 'user1', { webExID: 'user1', password: 'N3w-Secret!', siteName })).toMatchObject({
      webExId: 'user1',
    })
    const old = await post(
      message({
        operation: 'GetUser',
        securityContext: { webExID: 'user1', password: 'DummyPass-9', siteName },
        body: { webExId: 'user1' },
      }),
    )
    expect(status(old.text).exceptionID).toBe('030002')
  })

  it('answers an ISO-8859-1 message by its declaration (corpus quirk 7)', async () => {
    const siteName = await addSite(server.app, { site: SITE, users: corpusUsers })
    const xml = setUser({ webExId: 'jsmith', lastName: 'Müller' }, admin(siteName)).replace('UTF-8', 'ISO-8859-1')
    expect(status((await post(Uint8Array.from(xml, (c) => c.charCodeAt(0)))).text).result).toBe('SUCCESS')
    expect((await stored(server.app, siteName, 'jsmith'))?.user.lastName).toBe('Müller')
  })
})

describe('CreateUser, DelUser, ActivateUser, InactivateUser over HTTP on PGlite', () => {
  const moodle = (hostLimit: number) =>
    addSite(server.app, {
      site: { hostLimit, allowUserToChangeUserName: false, productIds: [], controlHubManaged: true },
      users: [
        { webExId: 'moodleapi', password: 'DummyPass-3', privilege: { siteAdmin: true } },
        { webExId: 'host1', password: 'DummyPass-5', privilege: { host: true } },
      ],
    })
  const moodleAdmin = (siteName: string): SecurityContext => ({
    webExID: 'moodleapi',
    password: 'DummyPass-3',
    siteName,
  })

  it('CreateUser (corpus moodle-1) stores the user with a userId from the sequence; again it is 030004', async () => {
    const siteName = await moodle(10)
    const answer = await postText(await onSite(corpus('createuser-moodle-1.xml'), siteName))
    expect(status(answer)).toEqual({ result: 'SUCCESS', gsbStatus: 'PRIMARY' })
    const userId = Number(/<use:userId>(\d+)<\/use:userId>/.exec(answer)?.[1])
    const created = await stored(server.app, siteName, 'student42')
    expect(created?.id).toBe(userId)
    expect(created?.user).toMatchObject({ webExId: 'student42', lastName: "O'Neil", active: 'ACTIVATED' })
    // the corpus password is hashed, and signs the new user in
    expect(created?.passwordHash).toMatch(/^scrypt\$/)
    expect(
      await getUserOf(post, 'student42', { webExID: 'student42', password: 'Rnd&Pw-9x2Q', siteName }),
    ).toMatchObject({
      webExId: 'student42',
    })
    expect(status(await postText(await onSite(corpus('createuser-moodle-1.xml'), siteName)))).toMatchObject({
      result: 'FAILURE',
      exceptionID: '030004',
    })
  })

  it('CreateUser over the host limit is 030010 and stores nothing', async () => {
    const siteName = await moodle(2)
    expect(status(await postText(await onSite(corpus('createuser-moodle-1.xml'), siteName)))).toMatchObject({
      exceptionID: '030010',
    })
    expect(await stored(server.app, siteName, 'student42')).toBeUndefined()
  })

  it('DelUser deactivates; Inactivate and Activate (by webexID and by userID) flip active; counts_as_host follows', async () => {
    const siteName = await moodle(10)
    const ctx = moodleAdmin(siteName)
    const del = await postText(
      message({ operation: 'DelUser', securityContext: ctx, body: { webExId: ['HOST1', 'ghost'] } }),
    )
    expect(del).toContain('<use:user><use:webExId>host1</use:webExId><use:status>SUCCESS</use:status></use:user>')
    expect(del).toContain('<use:user><use:webExId>ghost</use:webExId><use:status>FAILURE</use:status></use:user>')
    const host = await stored(server.app, siteName, 'host1')
    expect(host?.user.active).toBe('DEACTIVATED')

    const byId = await postText(
      message({ operation: 'ActivateUser', securityContext: ctx, body: { userID: host?.id ?? 0 } }),
    )
    expect(byId).toContain('xsi:type="use:activateUserResponse"')
    expect((await stored(server.app, siteName, 'host1'))?.user.active).toBe('ACTIVATED')

    const inactivate = await postText(
      message({ operation: 'InactivateUser', securityContext: ctx, body: { webexID: 'Host1' } }),
    )
    expect(status(inactivate).result).toBe('SUCCESS')
    const rows = await server.app.db.query<{
      web_ex_id: string
      counts_as_host: boolean
      doc: Readonly<Record<string, unknown>>
    }>('SELECT u.web_ex_id, u.counts_as_host, u.doc FROM users u JOIN site s ON s.id = u.site_id WHERE s.name = $1', [
      siteName,
    ])
    // the indexed column agrees with the engine's own predicate for every user
    for (const row of rows) expect(row.counts_as_host).toBe(countsAsHost(documentFromStored(row.doc) as User))
    expect(rows.find((r) => r.web_ex_id === 'host1')?.counts_as_host).toBe(false)
  })

  it('a host may not call DelUser (000001) and nothing changes', async () => {
    const siteName = await moodle(10)
    const answer = await postText(
      message({
        operation: 'DelUser',
        securityContext: { webExID: 'host1', password: 'DummyPass-5', siteName },
        body: { webExId: ['moodleapi'] },
      }),
    )
    expect(status(answer)).toMatchObject({ result: 'FAILURE', exceptionID: '000001' })
    expect((await stored(server.app, siteName, 'moodleapi'))?.user.active).toBe('ACTIVATED')
  })
})

describe('HTTP front', () => {
  it('a body over 64 KiB is HTTP 413; other paths 404; GET 405; /healthz 200', async () => {
    const big = `<x>${'x'.repeat(70_000)}</x>`
    expect((await post(big)).status).toBe(413)
    expect((await server.post('<x/>', '/elsewhere')).status).toBe(404)
    expect((await fetch(server.served.url)).status).toBe(405)
    const health = await fetch(new URL('/healthz', server.served.url))
    expect(health.status).toBe(200)
  })
})
