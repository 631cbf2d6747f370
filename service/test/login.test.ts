/**
 * Issue 11 items 5 and 6 over HTTP on PGlite, with the corpus's client messages:
 * AuthenticateUser (password and access-token forms) hands out a session ticket that later
 * requests present instead of a password; GetLoginTicket and GetloginurlUser store and reuse the
 * user's login ticket; GetlogouturlUser; LstsummaryUser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addSite, boot, corpus, message, type Running, status } from './helpers.js'

let server: Running
beforeAll(async () => {
  server = await boot({
    siteName: 'examplesite',
    accessTokens: ['DummyAccessToken-04'],
    site: { allowUserToChangeUserName: false, productIds: [], controlHubManaged: false },
    users: [
      { webExId: 'host01', password: 'DummyPass-21', firstName: 'H', lastName: 'One', email: 'h1@example.com' },
      { webExId: 'username', firstName: 'U', lastName: 'N', email: 'u@example.com' },
      {
        webExId: 'hostname@example.com',
        password: 'DummyPass-30',
        firstName: 'Ho',
        lastName: 'St',
        email: 'hostname@example.com',
      },
      {
        webExId: 'student42',
        password: 'Rnd&Pw-9x2Q',
        firstName: 'Ana',
        lastName: "O'Neil",
        email: 'ana.oneil@example.edu',
      },
      { webExId: 'moodleapi', password: 'DummyPass-3', privilege: { siteAdmin: true }, email: 'm@example.edu' },
      { webExId: 'admincred@example.com', password: 'DummyPass-31', privilege: { siteAdmin: true } },
    ],
  })
})
afterAll(async () => {
  await server.stop()
})

const post = async (xml: string): Promise<string> => (await server.post(xml)).text
const element = (xml: string, name: string): string | undefined =>
  new RegExp(`<use:${name}>([^<]*)</use:${name}>`).exec(xml)?.[1]

describe('AuthenticateUser', () => {
  it('password form (corpus ciscodevnet-1): a session ticket that then replaces the password', async () => {
    const answer = await post(corpus('authenticateuser-ciscodevnet-1.xml'))
    expect(status(answer).result).toBe('SUCCESS')
    const ticket = element(answer, 'sessionTicket') ?? ''
    expect(ticket.length).toBeGreaterThanOrEqual(43)
    expect(element(answer, 'timeToLive')).toBe('5400')
    expect(Number(element(answer, 'createTime'))).toBeGreaterThan(Date.UTC(2020, 0, 1))
    const get = await post(
      message({
        operation: 'GetUser',
        securityContext: { webExID: 'host01', sessionTicket: ticket, siteName: 'examplesite' },
        body: { webExId: 'host01' },
      }),
    )
    expect(status(get).result).toBe('SUCCESS')
  })

  it('access-token form (corpus ciscodoc-1): a token configured for the site; another token fails', async () => {
    expect(status(await post(corpus('authenticateuser-ciscodoc-1.xml'))).result).toBe('SUCCESS')
    const forged = corpus('authenticateuser-ciscodoc-1.xml').replace('DummyAccessToken-04', 'DummyAccessToken-99')
    expect(status(await post(forged))).toMatchObject({ result: 'FAILURE', exceptionID: '030002' })
  })

  it('a wrong password is 030002, and no ticket is stored for it', async () => {
    const [before] = await server.app.db.query<{ n: string }>('SELECT count(*) AS n FROM sessions')
    const wrong = corpus('authenticateuser-ciscodevnet-1.xml').replace('DummyPass-21', 'guess')
    expect(status(await post(wrong))).toMatchObject({ result: 'FAILURE', exceptionID: '030002' })
    const [after] = await server.app.db.query<{ n: string }>('SELECT count(*) AS n FROM sessions')
    expect(after?.n).toBe(before?.n)
  })
})

describe('login tickets and URLs', () => {
  it('GetLoginTicket (corpus ciscodoc-1): a ticket, the same one again while it is outstanding', async () => {
    const first = await post(corpus('getloginticket-ciscodoc-1.xml'))
    expect(status(first).result).toBe('SUCCESS')
    const ticket = element(first, 'ticket')
    expect(ticket).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(element(await post(corpus('getloginticket-ciscodoc-1.xml')), 'ticket')).toBe(ticket)
  })

  it('GetloginurlUser (corpus moodle-1): the login URL carries the stored login ticket', async () => {
    const answer = await post(corpus('getloginurluser-moodle-1.xml'))
    expect(status(answer).result).toBe('SUCCESS')
    const url = element(answer, 'userLoginURL') ?? ''
    expect(url).toContain('https://examplesite.webex.com/examplesite/p.php?AT=LI&amp;FN=Ana')
    const [row] = await server.app.db.query<{ ticket: string }>(
      "SELECT t.ticket FROM login_tickets t JOIN users u ON u.id = t.user_id WHERE u.web_ex_id = 'student42'",
    )
    expect(url).toContain(`TK=${row?.ticket ?? 'missing'}`)
  })

  it('GetlogouturlUser: self may; another host may not (000001)', async () => {
    const self = { webExID: 'host01', password: 'DummyPass-21', siteName: 'examplesite' }
    expect(
      status(await post(message({ operation: 'GetlogouturlUser', securityContext: self, body: { webExID: 'host01' } })))
        .result,
    ).toBe('SUCCESS')
    expect(
      status(
        await post(message({ operation: 'GetlogouturlUser', securityContext: self, body: { webExID: 'student42' } })),
      ),
    ).toMatchObject({ exceptionID: '000001' })
  })
})

describe('LstsummaryUser', () => {
  it('corpus moodle-1: the user with that e-mail, one record', async () => {
    const answer = await post(corpus('lstsummaryuser-moodle-1.xml'))
    expect(status(answer).result).toBe('SUCCESS')
    expect(answer).toContain('<use:webExId>student42</use:webExId>')
    expect(answer).toMatch(/<serv:total>1<\/serv:total>/)
  })

  it('corpus ciscodoc-1: nobody registered in 2004–2014 is 000015', async () => {
    expect(status(await post(corpus('lstsummaryuser-ciscodoc-1.xml')))).toMatchObject({ exceptionID: '000015' })
  })

  it('lists only the caller site: the users of another site are not there', async () => {
    const other = await addSite(server.app, {
      site: { allowUserToChangeUserName: false, productIds: [], controlHubManaged: false },
      users: [{ webExId: 'otheradmin', password: 'Other-1', privilege: { siteAdmin: true } }],
    })
    const answer = await post(
      message({
        operation: 'LstsummaryUser',
        securityContext: { webExID: 'otheradmin', password: 'Other-1', siteName: other },
        body: {},
      }),
    )
    expect(answer).toContain('<use:webExId>otheradmin</use:webExId>')
    expect(answer).not.toContain('student42')
  })
})
