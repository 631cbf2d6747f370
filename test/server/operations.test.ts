/**
 * The example server's CreateUser, DelUser, ActivateUser and InactivateUser routes (issue 8), on
 * 127.0.0.1 with an ephemeral port: the corpus CreateUser, then the others, as real messages.
 */
import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as E from 'fp-ts/lib/Either.js'
import { afterEach, describe, expect, it } from 'vitest'
import { countActiveHosts } from 'webex-user-rules'
import { parseResponseStatus, renderRequestMessage } from 'webex-user-rules/xml'
import { createServer, XML_SERVICE_PATH } from '../../examples/server/server.js'
import { UserStore } from '../../examples/server/store.js'

const corpus = (file: string): string => readFileSync(new URL(`../fixtures/corpus/${file}`, import.meta.url), 'utf8')

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))))
})

const boot = async (hostLimit: number) => {
  const store = UserStore.create({
    site: { hostLimit, allowUserToChangeUserName: false, productIds: [], controlHubManaged: true },
    users: [
      { webExId: 'moodleapi', password: 'DummyPass-3', privilege: { siteAdmin: true } },
      { webExId: 'host1', privilege: { host: true } },
    ],
  })
  if (E.isLeft(store)) throw new Error(store.left)
  const log: string[] = []
  const server = createServer(store.right, { log: (line) => log.push(line) })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const post = async (body: string): Promise<string> =>
    (await fetch(`http://127.0.0.1:${String(port)}${XML_SERVICE_PATH}`, { method: 'POST', body })).text()
  return { store: store.right, log, post }
}

const status = (xml: string) => {
  const s = parseResponseStatus(xml)
  return E.isRight(s) ? s.right : undefined
}

const admin = { webExID: 'moodleapi', password: 'DummyPass-3' }

describe('example server: the sibling operations', () => {
  it('CreateUser (the corpus Moodle message) stores the user and answers its userId', async () => {
    const { store, post, log } = await boot(10)
    const answer = await post(corpus('createuser-moodle-1.xml'))
    expect(status(answer)).toEqual({ result: 'SUCCESS', gsbStatus: 'PRIMARY' })
    expect(answer).toMatch(/xsi:type="use:createUserResponse".*<use:userId>\d+<\/use:userId>/)
    const created = await store.get('student42')
    expect(created).toMatchObject({ webExId: 'student42', lastName: "O'Neil", active: 'ACTIVATED' })
    expect(log).toContainEqual(expect.stringContaining('CreateUser student42 by moodleapi: SUCCESS'))
    // a second time, the name is taken
    expect(status(await post(corpus('createuser-moodle-1.xml')))).toMatchObject({
      result: 'FAILURE',
      exceptionID: '030004',
    })
  })

  it('CreateUser over the host limit is FAILURE 030010', async () => {
    const { post } = await boot(2)
    expect(status(await post(corpus('createuser-moodle-1.xml')))).toMatchObject({
      result: 'FAILURE',
      exceptionID: '030010',
    })
  })

  it('DelUser deactivates, InactivateUser and ActivateUser flip active, and the count stays exact', async () => {
    const { store, post, log } = await boot(10)
    const del = await post(
      renderRequestMessage({ operation: 'DelUser', securityContext: admin, body: { webExId: ['host1', 'ghost'] } }),
    )
    expect(del).toContain('<use:user><use:webExId>host1</use:webExId><use:status>SUCCESS</use:status></use:user>')
    expect(del).toContain('<use:user><use:webExId>ghost</use:webExId><use:status>FAILURE</use:status></use:user>')
    expect((await store.get('host1'))?.active).toBe('DEACTIVATED')
    expect(log).toContainEqual(expect.stringContaining('DelUser host1,ghost by moodleapi: SUCCESS'))

    const activate = await post(
      renderRequestMessage({ operation: 'ActivateUser', securityContext: admin, body: { webexID: 'host1' } }),
    )
    expect(activate).toContain('xsi:type="use:activateUserResponse"')
    expect((await store.get('host1'))?.active).toBe('ACTIVATED')

    const inactivate = await post(
      renderRequestMessage({ operation: 'InactivateUser', securityContext: admin, body: { webexID: 'host1' } }),
    )
    expect(status(inactivate)?.result).toBe('SUCCESS')
    expect((await store.get('host1'))?.active).toBe('DEACTIVATED')
    expect((await store.siteContext('')).activeHostCount).toBe(countActiveHosts(await store.list()))
  })

  it('a host may not call DelUser (FAILURE 000001) and nothing changes', async () => {
    const { store, post } = await boot(10)
    const answer = await post(
      renderRequestMessage({
        operation: 'DelUser',
        securityContext: { webExID: 'host1' },
        body: { webExId: ['moodleapi'] },
      }),
    )
    expect(status(answer)).toMatchObject({ result: 'FAILURE', exceptionID: '000001' })
    expect((await store.get('moodleapi'))?.active).toBeUndefined()
  })
})
