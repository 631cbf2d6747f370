/**
 * Graceful shutdown (issue 11 item 8, D-SVH-7): stop accepting, answer the requests in flight
 * (with Connection: close), close idle and half-sent connections, then let the caller close the
 * database — in-process, and in a process of its own sent a real SIGTERM.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { closed, deferred, delay, open, readResponse, records, request, start, type Running } from './helpers.js'

let running: Running | undefined
afterEach(async () => {
  await running?.stop()
  running = undefined
})

const POST = 'POST /WBXService/XMLService HTTP/1.1\r\nhost: x\r\ncontent-length: 4\r\n\r\n<a/>'

describe('shutdown()', { timeout: 15_000 }, () => {
  it('answers the request in flight, refuses new connections, closes idle ones, then resolves', async () => {
    const release = deferred()
    const entered = deferred()
    running = await start({
      handle: async () => {
        entered.resolve()
        await release.promise
        return '<done/>'
      },
    })
    const { port } = running
    // an idle keep-alive connection, and one with a request in flight
    const idle = await open(port)
    const idleAnswer = readResponse(idle)
    idle.write('GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n')
    expect((await idleAnswer).status).toBe(200)
    const idleClosed = closed(idle)
    const busy = await open(port)
    const busyAnswer = readResponse(busy)
    busy.write(POST)
    await entered.promise

    let finished = false
    const stopping = running.service.shutdown().then(() => {
      finished = true
    })
    expect(await idleClosed).toBe('closed')
    await expect(open(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    await delay(50)
    expect(finished).toBe(false)

    release.resolve()
    const answer = await busyAnswer
    expect(answer.status).toBe(200)
    expect(answer.body).toBe('<done/>')
    expect(answer.headers['connection']).toBe('close')
    await stopping
    expect(finished).toBe(true)
    expect(busy.destroyed || (await closed(busy)) === 'closed').toBe(true)
  })

  it('does not wait for a client that is still sending its headers (no request is in flight)', async () => {
    running = await start({ limits: { headersTimeoutMs: 60_000, requestTimeoutMs: 60_000, shutdownGraceMs: 60_000 } })
    const slow = await open(running.port)
    slow.write('POST /WBXService/XMLService HTTP/1.1\r\nhost:')
    await delay(50)
    const slowClosed = closed(slow)
    await running.service.shutdown()
    expect(await slowClosed).toBe('closed')
  })

  it('past the grace period, closes the requests still in flight and says so', async () => {
    running = await start({ handle: () => new Promise<string>(() => undefined), limits: { shutdownGraceMs: 200 } })
    const socket = await open(running.port)
    const ending = closed(socket)
    socket.write(POST)
    await delay(50)
    await running.service.shutdown()
    expect(await ending).toBe('closed')
    expect(
      records(running.lines).some((line) => line['msg'] === 'shutdown grace over: closing requests in flight'),
    ).toBe(true)
  })

  it('health checks say 503 while shutting down; shutdown is idempotent', async () => {
    const release = deferred()
    const entered = deferred()
    running = await start({
      handle: async () => {
        entered.resolve()
        await release.promise
        return '<done/>'
      },
    })
    const keep = await open(running.port)
    const busy = await open(running.port)
    const busyAnswer = readResponse(busy)
    busy.write(POST)
    await entered.promise
    // a keep-alive connection that is mid-request when shutdown starts is answered, not dropped
    keep.write('GET /healthz HTTP/1.1\r\n')
    await delay(20)
    const first = running.service.shutdown()
    const second = running.service.shutdown()
    expect(second).toBe(first)
    const health = readResponse(keep)
    keep.write('host: x\r\n\r\n')
    const answer = await health
    expect([answer.status, answer.body, answer.headers['connection']]).toEqual([
      503,
      '{"status":"shutting down"}\n',
      'close',
    ])
    release.resolve()
    expect((await busyAnswer).status).toBe(200)
    await first
  })
})

describe('SIGTERM (shutdownOnSignals), in a process of its own', () => {
  const script = fileURLToPath(new URL('fixtures/serve.mjs', import.meta.url))
  const built = fileURLToPath(new URL('../../dist/http/index.js', import.meta.url))

  it('finishes the request in flight, then closes the database, then exits 0', async () => {
    expect(existsSync(built), 'build the service first (npm run build at the root)').toBe(true)
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] })
    const events: string[] = []
    const lines = createInterface({ input: child.stdout })
    const urlLine = new Promise<string>((resolve) => {
      lines.on('line', (line) => {
        if (line.startsWith('http://')) resolve(line)
        else events.push(line)
        if (line === 'handling') child.kill('SIGTERM')
      })
    })
    const exited = new Promise<number | null>((resolve) => {
      child.on('exit', (code) => {
        resolve(code)
      })
    })
    const url = new URL(await urlLine)
    const answer = await request(Number(url.port), { body: '<a/>' })
    expect(answer.status).toBe(200)
    expect(answer.body).toBe('<answer/>')
    expect(answer.headers['connection']).toBe('close')
    expect(await exited).toBe(0)
    expect(events).toEqual(['handling', 'answered', 'database closed'])
  })
})
