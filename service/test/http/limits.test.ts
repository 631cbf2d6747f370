/**
 * Slow clients and the connection limit (issue 11 item 8, D-SVH-2): slowloris in the headers or
 * in the body is cut by the service's own timeouts, idle connections are closed, and connections
 * past the limit are refused while the others are served. The timeouts are shortened here so
 * that the tests are quick; no test measures how fast anything is.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { closed, delay, open, readResponse, records, request, start, type Running } from './helpers.js'

let running: Running | undefined
afterEach(async () => {
  await running?.stop()
  running = undefined
})

const SHORT = {
  headersTimeoutMs: 400,
  requestTimeoutMs: 800,
  connectionsCheckingIntervalMs: 50,
  keepAliveTimeoutMs: 300,
}

/** Writes `text` one byte every `everyMs` until the socket closes; resolves with the bytes written. */
const trickle = async (socket: import('node:net').Socket, text: string, everyMs: number): Promise<number> => {
  let written = 0
  for (const char of text) {
    if (socket.destroyed || !socket.writable) break
    socket.write(char)
    written += 1
    await delay(everyMs)
  }
  return written
}

// a cut that does not come fails the test in 15 s rather than vitest's 60
describe('slow clients are cut by the timeouts', { timeout: 15_000 }, () => {
  it('slowloris in the headers: 408 and the connection closed before the headers are complete', async () => {
    running = await start({ limits: SHORT })
    const socket = await open(running.port)
    let received = ''
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1')
    })
    const ending = closed(socket)
    // 60 header bytes at one per 50 ms would take 3 s: far past the 400 ms headers timeout
    const headers = `POST /WBXService/XMLService HTTP/1.1\r\nhost: x\r\nx-slow: ${'a'.repeat(20)}\r\n\r\n`
    const written = trickle(socket, headers, 50)
    await ending
    expect(await written).toBeLessThan(headers.length)
    expect(received).toMatch(/^HTTP\/1\.1 408 /)
  })

  it('slowloris in the body: the request timeout cuts it, the handler never runs', async () => {
    let calls = 0
    running = await start({
      limits: SHORT,
      handle: () => {
        calls += 1
        return Promise.resolve('<ok/>')
      },
    })
    const socket = await open(running.port)
    let received = ''
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1')
    })
    const ending = closed(socket)
    socket.write('POST /WBXService/XMLService HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\n')
    const written = trickle(socket, 'b'.repeat(100), 50)
    await ending
    expect(await written).toBeLessThan(100)
    expect(received).toMatch(/^HTTP\/1\.1 408 /)
    expect(calls).toBe(0)
    await delay(20)
    expect(records(running.lines).filter((line) => line['msg'] === 'request')).toEqual([
      expect.objectContaining({ refused: 'aborted', completed: false }),
    ])
  })

  it('a connection that never sends a byte is closed by the headers timeout', async () => {
    running = await start({ limits: SHORT })
    const socket = await open(running.port)
    expect(await closed(socket)).toBe('closed')
  })

  it('an idle keep-alive connection is closed after the keep-alive timeout; a busy one is reused', async () => {
    running = await start({ limits: SHORT })
    const socket = await open(running.port)
    const ask = (): Promise<{ status: number }> => {
      const answer = readResponse(socket)
      socket.write('POST /WBXService/XMLService HTTP/1.1\r\nhost: x\r\ncontent-length: 4\r\n\r\n<a/>')
      return answer
    }
    expect((await ask()).status).toBe(200)
    await delay(100)
    expect((await ask()).status).toBe(200)
    expect(await closed(socket)).toBe('closed')
  })

  it('a client that sends within the timeouts, however slowly, is served', async () => {
    running = await start({ limits: { ...SHORT, headersTimeoutMs: 3_000, requestTimeoutMs: 6_000 } })
    const socket = await open(running.port)
    const answer = readResponse(socket)
    const message = 'POST /WBXService/XMLService HTTP/1.1\r\nhost: x\r\ncontent-length: 4\r\n\r\n<a/>'
    for (const part of message.match(/[\s\S]{1,8}/g) ?? []) {
      socket.write(part)
      await delay(20)
    }
    expect((await answer).status).toBe(200)
    socket.destroy()
  })

  it('the timeouts default to well under Node’s (headers 60 s, request 300 s)', async () => {
    running = await start()
    const { server } = running.service
    expect(server.headersTimeout).toBe(10_000)
    expect(server.requestTimeout).toBe(30_000)
    expect(server.keepAliveTimeout).toBe(5_000)
    expect(server.maxConnections).toBe(512)
  })
})

describe('the connection limit', { timeout: 15_000 }, () => {
  it('connections past the limit are closed at once; the others are served; freed places are reused', async () => {
    running = await start({ limits: { maxConnections: 4, headersTimeoutMs: 30_000, requestTimeoutMs: 30_000 } })
    const held = await Promise.all(Array.from({ length: 4 }, () => open(running?.port ?? 0)))
    // each holds its place with half a request
    for (const socket of held) socket.write('POST /WBXService/XMLService HTTP/1.1\r\n')
    await delay(50)
    const extra = await open(running.port)
    let got = ''
    extra.on('data', (chunk: Buffer) => {
      got += chunk.toString('latin1')
    })
    extra.write('POST /WBXService/XMLService HTTP/1.1\r\nhost: x\r\ncontent-length: 4\r\n\r\n<a/>')
    expect(await closed(extra)).toMatch(/closed|ECONNRESET|EPIPE/)
    expect(got).toBe('')
    // the held connections still work
    const first = held[0]
    if (first === undefined) throw new Error('no socket')
    const answer = readResponse(first)
    first.write('host: x\r\ncontent-length: 4\r\n\r\n<a/>')
    expect((await answer).status).toBe(200)
    // free one place: a new client gets in
    held[1]?.destroy()
    let served: number | undefined
    for (let attempt = 0; attempt < 50 && served === undefined; attempt++) {
      try {
        served = (await request(running.port, { body: '<a/>' })).status
      } catch {
        await delay(20)
      }
    }
    expect(served).toBe(200)
    for (const socket of held) socket.destroy()
    // the refusals are counted in one line (at most one a second)
    await delay(1_100)
    const refused = records(running.lines).filter(
      (line) => line['msg'] === 'connections refused at the connection limit',
    )
    expect(refused.length).toBeGreaterThanOrEqual(1)
    expect(refused[0]).toMatchObject({ maxConnections: 4, level: 40 })
    expect(refused[0]?.['dropped']).toBeGreaterThanOrEqual(1)
  })
})
