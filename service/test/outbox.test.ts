/**
 * Issue 11 item 4: effects go to the outbox in the operation's transaction and are delivered at
 * least once. The webhook sink retries with backoff under one idempotency key; a process killed
 * (SIGKILL) between commit and delivery loses nothing: the restarted process delivers it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { backoffSeconds } from '../src/outbox.js'
import { ADMIN, boot, freshPostgres, message, POSTGRES_URL, spawnServer, status } from './helpers.js'

interface Received {
  readonly headers: IncomingHttpHeaders
  readonly body: Record<string, unknown>
}

/** A webhook receiver: `answer` decides each delivery's fate (a status, or 'hang' for no answer). */
const receiver = async (answer: (n: number) => number | 'hang') => {
  const received: Received[] = []
  const hanging: ServerResponse[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      })
      const fate = answer(received.length)
      if (fate === 'hang') hanging.push(res)
      else res.writeHead(fate).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${String(port)}/effects`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy()
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      }),
  }
}

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

const until = async (check: () => boolean | Promise<boolean>, what: string, ms = 60_000): Promise<void> => {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const SEED = {
  site: { allowUserToChangeUserName: true, productIds: [], controlHubManaged: false },
  users: [
    { webExId: 'admin', password: 'DummyPass-1', privilege: { siteAdmin: true } },
    { webExId: 'jdoe', password: 'JdoePass-1' },
  ],
}
const rename = message({
  operation: 'SetUser',
  securityContext: ADMIN,
  body: { webExId: 'jdoe', newWebExId: 'jane.doe' },
})

describe('the outbox', () => {
  it('backoff doubles from 1 s and stops growing at 5 minutes', () => {
    expect([1, 2, 3, 4, 10, 20].map(backoffSeconds)).toEqual([1, 2, 4, 8, 300, 300])
  })

  it('the default sink writes one structured log line per effect, and marks it delivered', async () => {
    const server = await boot(SEED)
    cleanups.push(() => server.stop())
    expect(status((await server.post(rename)).text).result).toBe('SUCCESS')
    await until(() => server.logText().includes('"msg":"effect"'), 'the effect log line')
    const line =
      server
        .logText()
        .split('\n')
        .find((l) => l.includes('"msg":"effect"')) ?? ''
    expect(JSON.parse(line)).toMatchObject({
      effect: { kind: 'renamed', webExId: 'jane.doe', details: { from: 'jdoe', to: 'jane.doe' }, operation: 'SetUser' },
    })
    await until(
      async () => (await server.app.db.query('SELECT 1 FROM outbox WHERE delivered_at IS NULL')).length === 0,
      'delivered_at',
    )
  })

  it('a failed effect (failed engine answer) queues nothing: effects commit with the operation only', async () => {
    const server = await boot(SEED)
    cleanups.push(() => server.stop())
    const clash = message({
      operation: 'SetUser',
      securityContext: ADMIN,
      body: { webExId: 'jdoe', newWebExId: 'admin' },
    })
    expect(status((await server.post(clash)).text).exceptionID).toBe('030004')
    expect(await server.app.db.query('SELECT 1 FROM outbox')).toEqual([])
  })

  it('the webhook sink retries a 500 with backoff under one idempotency key, then marks it delivered', async () => {
    const hook = await receiver((n) => (n === 1 ? 500 : 204))
    cleanups.push(() => hook.close())
    const server = await boot(SEED, 'memory:', hook.url)
    cleanups.push(() => server.stop())
    expect(status((await server.post(rename)).text).result).toBe('SUCCESS')
    await until(() => hook.received.length >= 2, 'the retry')
    const [first, second] = hook.received
    expect(first?.headers['idempotency-key']).toMatch(/^outbox-\d+$/)
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key'])
    expect(second?.body).toMatchObject({
      kind: 'renamed',
      webExId: 'jane.doe',
      details: { from: 'jdoe', to: 'jane.doe' },
    })
    await until(
      async () => (await server.app.db.query('SELECT 1 FROM outbox WHERE delivered_at IS NULL')).length === 0,
      'delivered_at',
    )
    const [row] = await server.app.db.query<{ attempts: number }>('SELECT attempts FROM outbox')
    expect(row?.attempts).toBe(2)
  })
})

/** Kills the bin (SIGKILL) while its webhook delivery hangs, restarts it on the same database. */
const crashAndRestart = async (database: string) => {
  const hook = await receiver((n) => (n === 1 ? 'hang' : 200))
  cleanups.push(() => hook.close())
  const seedFile = join(mkdtempSync(join(tmpdir(), 'outbox-')), 'seed.json')
  writeFileSync(seedFile, JSON.stringify(SEED))
  const args = ['--database', database, '--seed', seedFile, '--webhook', hook.url, '--outbox-lease', '1']
  const first = await spawnServer(args)
  expect(status((await first.post(rename)).text).result).toBe('SUCCESS')
  // committed, claimed, and on its way: the receiver holds the request open
  await until(() => hook.received.length === 1, 'the first delivery')
  first.child.kill('SIGKILL')
  await new Promise((resolve) => first.child.once('exit', resolve))
  const second = await spawnServer(args)
  cleanups.push(async () => {
    await second.stop()
  })
  await until(() => hook.received.length >= 2, 'the delivery after the restart')
  expect(hook.received[1]?.headers['idempotency-key']).toBe(hook.received[0]?.headers['idempotency-key'])
  expect(hook.received[1]?.body).toMatchObject({ kind: 'renamed', webExId: 'jane.doe' })
  // and the restarted process kept the committed rename
  const get = await second.post(
    message({ operation: 'GetUser', securityContext: ADMIN, body: { webExId: 'jane.doe' } }),
  )
  expect(status(get.text).result).toBe('SUCCESS')
}

describe('a crash between commit and delivery loses nothing', () => {
  it('PGlite in a folder: SIGKILL mid-delivery, restart, the effect is delivered', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'webex-db-'))
    cleanups.push(() => {
      rmSync(folder, { recursive: true, force: true })
    })
    await crashAndRestart(folder)
  }, 180_000)

  it.runIf(POSTGRES_URL !== undefined)(
    'PostgreSQL: SIGKILL mid-delivery, restart, the effect is delivered',
    async () => {
      const database = await freshPostgres()
      cleanups.push(() => database.drop())
      await crashAndRestart(database.url)
    },
    180_000,
  )
})
