/**
 * The example server (examples/server) on 127.0.0.1 with an ephemeral port: corpus messages in,
 * real `serv:message` answers out, effects carried out, no lost updates under concurrency.
 */
import { readdirSync, readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import * as E from 'fp-ts/lib/Either.js'
import { afterEach, describe, expect, it } from 'vitest'
import type { SetUserBody, User } from 'webex-user-rules'
import {
  parseGetUserResponse,
  parseResponseStatus,
  renderGetUserMessage,
  renderSetUserMessage,
  type ResponseStatus,
  type SecurityContext,
} from 'webex-user-rules/xml'
import { createServer, XML_SERVICE_PATH } from '../../examples/server/server.js'
import { type Seed, UserStore } from '../../examples/server/store.js'

const CORPUS = new URL('../fixtures/corpus/', import.meta.url)
const corpus = (file: string): string => readFileSync(new URL(file, CORPUS), 'utf8')

/** Every caller and target of the corpus SetUser messages, so each one can succeed. */
const corpusSeed = (): Seed => ({
  site: { allowUserToChangeUserName: true, productIds: [], controlHubManaged: false },
  users: [
    { webExId: 'admin', password: 'DummyPass-1', privilege: { siteAdmin: true } },
    ...['svc-admin', 'admin@example.com', 'webexaccount', 'moodleapi', 'siteadmin'].map((webExId) => ({
      webExId,
      privilege: { siteAdmin: true },
    })),
    // ciscodoc: a host editing their own video systems (self-service, R11)
    { webExId: 'user1', privilege: { host: true } },
    { webExId: 'dstaudt', privilege: { host: true }, firstName: 'D' },
    ...[
      'jdoe@example.com',
      'jsmith',
      'student42',
      'family03@example.com',
      'maria.garcia@example.com',
      'boss@example.com',
      '374510',
    ].map((webExId) => ({ webExId, active: 'DEACTIVATED' as const })),
  ],
})

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))))
})

interface Running {
  readonly post: (body: string | Uint8Array, path?: string) => Promise<{ status: number; text: string }>
  readonly store: UserStore
  readonly log: string[]
}

const boot = async (seed: Seed, latencyMs = 0): Promise<Running> => {
  const store = UserStore.create(seed, { latencyMs })
  if (E.isLeft(store)) throw new Error(store.left)
  const log: string[] = []
  const server = createServer(store.right, { log: (line) => log.push(line) })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    store: store.right,
    log,
    post: async (body, path = XML_SERVICE_PATH) => {
      const response = await fetch(`http://127.0.0.1:${String(port)}${path}`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/xml' },
      })
      return { status: response.status, text: await response.text() }
    },
  }
}

const status = (text: string): ResponseStatus => {
  const parsed = parseResponseStatus(text)
  if (E.isLeft(parsed)) expect.fail(`not a serv:message response: ${text}`)
  return parsed.right
}

const ADMIN: SecurityContext = { webExID: 'admin', password: 'DummyPass-1' }
const setUser = (body: SetUserBody, securityContext: SecurityContext = ADMIN): string =>
  renderSetUserMessage({ securityContext, body })
const getUser = (webExId: string, securityContext: SecurityContext = ADMIN): string =>
  renderGetUserMessage({ securityContext, body: { webExId } })

const fetchUser = async (server: Running, webExId: string): Promise<User | undefined> => {
  const { text } = await server.post(getUser(webExId))
  const user = parseGetUserResponse(text)
  return E.isRight(user) ? user.right : undefined
}

const SET_USER_FILES = readdirSync(CORPUS).filter((f) => f.startsWith('setuser-') && f !== 'setuser-wxdash-13.xml')

describe('example server: SetUser and GetUser over HTTP (docs/spec.md §5)', () => {
  it.each(SET_USER_FILES)('%s: SUCCESS, and GetUser shows the change', async (file) => {
    const server = await boot(corpusSeed())
    const response = await server.post(corpus(file))
    expect(response.status).toBe(200)
    expect(status(response.text)).toEqual({ result: 'SUCCESS', gsbStatus: 'PRIMARY' })
    expect(response.text).toContain('xsi:type="use:setUserResponse"')
    expect(server.log[0]).toMatch(/^SetUser \S+ by \S+ \((siteAdmin|host)\): SUCCESS$/)
  })

  it('stores what the request says: R2 meetingTypes, R1 other elements untouched (corpus atlas-1)', async () => {
    const server = await boot(corpusSeed())
    await server.post(corpus('setuser-atlas-1.xml'))
    expect(await fetchUser(server, 'jdoe@example.com')).toEqual({
      webExId: 'jdoe@example.com',
      active: 'DEACTIVATED',
      meetingTypes: [214, 216],
      supportedServices: {
        meetingCenter: true,
        trainingCenter: false,
        supportCenter: false,
        eventCenter: true,
        salesCenter: false,
      },
    })
  })

  it('malformed XML (corpus wxdash-13) is FAILURE 999999, HTTP 200 like Webex', async () => {
    const server = await boot(corpusSeed())
    const response = await server.post(corpus('setuser-wxdash-13.xml'))
    expect(response.status).toBe(200)
    expect(status(response.text)).toMatchObject({ result: 'FAILURE', exceptionID: '999999' })
  })

  it('an unknown caller (or a wrong password) is FAILURE 030002 "Incorrect user or password"', async () => {
    const server = await boot(corpusSeed())
    const expected = status(corpus('response-failure-java-030002.xml'))
    const unknown = await server.post(setUser({ webExId: 'jsmith' }, { webExID: 'nobody' }))
    expect(status(unknown.text)).toEqual(expected)
    const wrongPassword = await server.post(setUser({ webExId: 'jsmith' }, { webExID: 'admin', password: 'guess' }))
    expect(status(wrongPassword.text)).toEqual(expected)
    const noId = await server.post(setUser({ webExId: 'jsmith' }, {}))
    expect(status(noId.text)).toEqual(expected)
  })

  it('R20 an unknown target is FAILURE 030001; webExIds are matched without regard to case', async () => {
    const server = await boot(corpusSeed())
    expect(status((await server.post(setUser({ webExId: 'ghost' }))).text)).toMatchObject({ exceptionID: '030001' })
    expect(status((await server.post(setUser({ webExId: 'JSMITH', firstName: 'J' }))).text).result).toBe('SUCCESS')
    expect(await fetchUser(server, 'jsmith')).toMatchObject({ webExId: 'jsmith', firstName: 'J' })
  })

  it('GetUser (corpus getuser-ciscodevnet-1): a real getUserResponse of the stored user, active always (D-GV-3)', async () => {
    const server = await boot(corpusSeed())
    const response = await server.post(corpus('getuser-ciscodevnet-1.xml'))
    expect(parseGetUserResponse(response.text)).toEqual(
      E.right({ webExId: 'dstaudt', firstName: 'D', privilege: { host: true }, active: 'ACTIVATED' }),
    )
  })

  it('D-X14 GetUser: admins read anyone, a host only themself', async () => {
    const server = await boot(corpusSeed())
    const byHost = await server.post(getUser('jsmith', { webExID: 'user1' }))
    expect(status(byHost.text)).toMatchObject({ result: 'FAILURE', exceptionID: '000001' })
    expect(status((await server.post(getUser('user1', { webExID: 'user1' }))).text).result).toBe('SUCCESS')
  })

  it('R11 the caller role comes from the stored privileges: a host may not change another user', async () => {
    const server = await boot(corpusSeed())
    const response = await server.post(setUser({ webExId: 'jsmith', firstName: 'X' }, { webExID: 'user1' }))
    expect(status(response.text)).toMatchObject({
      result: 'FAILURE',
      exceptionID: '000001',
      reason: 'Access denied, additional privileges are required',
    })
    expect((await fetchUser(server, 'jsmith'))?.firstName).toBeUndefined()
  })

  it('R11 an attendee-only caller is role attendee: own names yes, own privileges no', async () => {
    const server = await boot({
      site: { allowUserToChangeUserName: false, productIds: [], controlHubManaged: false },
      users: [{ webExId: 'guest', privilege: { attendeeOnly: true } }],
    })
    const own = await server.post(setUser({ webExId: 'guest', firstName: 'G' }, { webExID: 'guest' }))
    expect(status(own.text).result).toBe('SUCCESS')
    expect(server.log[0]).toBe('SetUser guest by guest (attendee): SUCCESS')
    const escalate = await server.post(
      setUser({ webExId: 'guest', privilege: { siteAdmin: true } }, { webExID: 'guest' }),
    )
    expect(status(escalate.text)).toMatchObject({ exceptionID: '000001' })
  })

  it('R6 the host count comes from the store: activating past the limit is 030010', async () => {
    const server = await boot({
      site: { hostLimit: 1, allowUserToChangeUserName: false, productIds: [], controlHubManaged: false },
      users: [
        { webExId: 'admin', privilege: { siteAdmin: true } },
        { webExId: 'jdoe', active: 'DEACTIVATED' },
      ],
    })
    const response = await server.post(setUser({ webExId: 'jdoe', active: 'ACTIVATED' }, { webExID: 'admin' }))
    expect(status(response.text)).toMatchObject({
      result: 'FAILURE',
      exceptionID: '030010',
      reason: 'exceededSiteHostLimit',
    })
  })

  it('R14 renamed re-keys the store; the old name stays taken (030004)', async () => {
    const server = await boot(corpusSeed())
    const renamed = await server.post(setUser({ webExId: 'jsmith', newWebExId: 'john.smith' }))
    expect(status(renamed.text).result).toBe('SUCCESS')
    expect(server.log).toContain('  effect renamed {"webExId":"john.smith","from":"jsmith","to":"john.smith"}')
    expect(status((await server.post(getUser('jsmith'))).text)).toMatchObject({ exceptionID: '030001' })
    expect(await fetchUser(server, 'john.smith')).toMatchObject({ webExId: 'john.smith' })
    const clash = await server.post(setUser({ webExId: 'user1', newWebExId: 'JSmith' }))
    expect(status(clash.text)).toMatchObject({ result: 'FAILURE', exceptionID: '030004' })
  })

  it('R10 generateAccessCodes is carried out: the account gets codes; other effects are logged', async () => {
    const server = await boot(corpusSeed())
    const response = await server.post(
      setUser({
        webExId: 'user1',
        phones: { PIN: '4826' },
        personalTeleconf: { account: [{ accountIndex: 1, autoGenerate: true }] },
      }),
    )
    expect(status(response.text).result).toBe('SUCCESS')
    const account = (await fetchUser(server, 'user1'))?.personalTeleconf?.account?.[0]
    expect(account).toMatchObject({ accountIndex: 1 })
    expect(account?.subscriberAccessCode).toMatch(/^\d{8}$/)
    expect(account?.participantFullAccessCode).toMatch(/^\d{8}$/)
    expect(server.log).toContain('  effect provisionTelephony {"webExId":"user1","server":"primaryLarge"}')
  })

  it('answers an ISO-8859-1 message by its declaration (corpus quirk 7)', async () => {
    const server = await boot(corpusSeed())
    const xml = setUser({ webExId: 'jsmith', lastName: 'Müller' }).replace('UTF-8', 'ISO-8859-1')
    const latin1 = Uint8Array.from(xml, (c) => c.charCodeAt(0))
    expect(status((await server.post(latin1)).text).result).toBe('SUCCESS')
    expect((await fetchUser(server, 'jsmith'))?.lastName).toBe('Müller')
  })
})

describe('example server: HTTP limits and routing', () => {
  it('docs/spec.md §5 a body over 64 KiB is HTTP 413, before any parsing', async () => {
    const server = await boot(corpusSeed())
    const big = setUser({ webExId: 'jsmith' }).replace('<webExId>', `<!--${'x'.repeat(65_536)}--><webExId>`)
    const response = await server.post(big)
    expect(response.status).toBe(413)
    expect(status(response.text)).toMatchObject({ result: 'FAILURE', exceptionID: '999999' })
    expect(server.log).toEqual([])
  })

  it('a streamed body (no content-length) over 64 KiB is cut off with 413 too', async () => {
    const server = await boot(corpusSeed())
    const chunk = new TextEncoder().encode(' '.repeat(16_384))
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk)
        else controller.close()
      },
    })
    const { port } = (servers[0]?.address() ?? {}) as AddressInfo
    const response = await fetch(`http://127.0.0.1:${String(port)}${XML_SERVICE_PATH}`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
    })
    expect(response.status).toBe(413)
    expect(server.store.snapshot()).toHaveLength(corpusSeed().users.length)
  })

  it('other paths are 404, other methods 405', async () => {
    const server = await boot(corpusSeed())
    expect((await server.post(getUser('admin'), '/elsewhere')).status).toBe(404)
    const { port } = (servers[0]?.address() ?? {}) as AddressInfo
    const get = await fetch(`http://127.0.0.1:${String(port)}${XML_SERVICE_PATH}`)
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
  })
})

describe('example server: concurrency', () => {
  it('concurrent SetUsers on one user lose no update (per-user serialisation)', async () => {
    const server = await boot(corpusSeed(), 2)
    const codes = Array.from({ length: 10 }, (_, i) => `trackingCode${String(i + 1)}` as const)
    const responses = await Promise.all(
      codes.map((code, i) => server.post(setUser({ webExId: 'jsmith', tracking: { [code]: `t${String(i)}` } }))),
    )
    expect(responses.map((r) => status(r.text).result)).toEqual(codes.map(() => 'SUCCESS'))
    // R1 merges each request into the stored tracking: all ten survive only if no read was stale
    expect((await fetchUser(server, 'jsmith'))?.tracking).toEqual(
      Object.fromEntries(codes.map((code, i) => [code, `t${String(i)}`])),
    )
  })

  it('R6 concurrent activations of different users cannot both take the last host seat', async () => {
    const server = await boot(
      {
        site: { hostLimit: 2, allowUserToChangeUserName: false, productIds: [], controlHubManaged: false },
        users: [
          { webExId: 'admin', privilege: { siteAdmin: true } },
          ...['a', 'b', 'c', 'd'].map((webExId) => ({ webExId, active: 'DEACTIVATED' as const })),
        ],
      },
      5,
    ) // a slow store, so the four requests overlap
    const responses = await Promise.all(
      ['a', 'b', 'c', 'd'].map((webExId) =>
        server.post(setUser({ webExId, active: 'ACTIVATED' }, { webExID: 'admin' })),
      ),
    )
    const results = responses.map((r) => status(r.text))
    expect(results.filter((r) => r.result === 'SUCCESS')).toHaveLength(1)
    expect(results.filter((r) => r.exceptionID === '030010')).toHaveLength(3)
    expect(server.store.snapshot().filter((u) => u.active !== 'DEACTIVATED')).toHaveLength(2)
  })

  it('failing SetUsers leave the stored user byte-identical, also among concurrent successes (nothing lost)', async () => {
    const server = await boot(corpusSeed(), 2)
    const stored = (): string => JSON.stringify(server.store.snapshot().find((u) => u.webExId === 'jsmith'))
    const before = stored()
    // every kind of refusal, concurrently: PIN (R7), privilege by a host (R11), bad value (decode), limit-free rename clash
    const failing: SetUserBody[] = [
      { webExId: 'jsmith', phones: { PIN: '1234' }, firstName: 'X' },
      { webExId: 'jsmith', newWebExId: 'admin', lastName: 'Y' },
      { webExId: 'jsmith', tspAccount: [{ accountIndex: 7 }] },
      { webExId: 'jsmith', security: { resetPassword: true, forceChangePassword: false } },
    ]
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(failing.map((body) => server.post(setUser(body))))
      expect(answers.map((a) => status(a.text).result)).toEqual(failing.map(() => 'FAILURE'))
      expect(stored()).toBe(before)
    }
    // failures mixed with successes: exactly the successes land
    const mixed = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        server.post(
          setUser(
            i % 3 === 0
              ? { webExId: 'jsmith', tracking: { [`trackingCode${String(i / 3 + 1)}`]: `ok${String(i)}` } }
              : (failing[i % failing.length] ?? { webExId: 'jsmith', phones: { PIN: '1111' } }),
          ),
        ),
      ),
    )
    expect(mixed.filter((a) => status(a.text).result === 'SUCCESS')).toHaveLength(4)
    expect((await fetchUser(server, 'jsmith'))?.tracking).toEqual({
      trackingCode1: 'ok0',
      trackingCode2: 'ok3',
      trackingCode3: 'ok6',
      trackingCode4: 'ok9',
    })
  })
})
