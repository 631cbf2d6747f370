/**
 * Big bodies (issue 11 item 8, D-SVH-3): a message over 64 KiB is answered 413 with the FAILURE
 * message, and the answer reaches the client even while it is still sending — by Content-Length
 * or chunked, read before, during or after the upload. The client here is a raw socket that
 * keeps writing as fast as the server reads and reads the answer at the same time.
 */
import { spawn } from 'node:child_process'
import type { Socket } from 'node:net'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_MESSAGE_BYTES, parseResponseStatus } from 'webex-user-rules/xml'
import {
  closed,
  delay,
  open,
  readResponse,
  records,
  request,
  start,
  type RawResponse,
  type Running,
} from './helpers.js'

let running: Running | undefined
afterEach(async () => {
  await running?.stop()
  running = undefined
})

/** A well-formed message of exactly `size` bytes (a comment pads it). */
const messageOf = (size: number): Buffer => {
  const head = '<?xml version="1.0" encoding="UTF-8"?><serv:message><!--'
  const tail = '--></serv:message>'
  return Buffer.from(head + 'x'.repeat(size - head.length - tail.length) + tail)
}

const isTooLarge = (response: RawResponse): boolean => {
  const parsed = parseResponseStatus(response.body)
  return (
    response.status === 413 &&
    response.headers['connection'] === 'close' &&
    E.isRight(parsed) &&
    parsed.right.result === 'FAILURE' &&
    parsed.right.exceptionID === '999999' &&
    response.body.includes(`at most ${String(MAX_MESSAGE_BYTES)} bytes`)
  )
}

interface Upload {
  readonly response?: RawResponse
  readonly error?: string
  readonly sent: number
}

/**
 * Sends `total` body bytes in 16 KiB writes (waiting for 'drain' like a real client), declared by
 * Content-Length or chunked, and reads the answer meanwhile. `readAfterUpload`: a naive client
 * that reads only once everything is written.
 */
const upload = async (
  port: number,
  options: { total: number; chunked?: boolean; readAfterUpload?: boolean; headers?: Record<string, string> },
): Promise<Upload> => {
  const socket: Socket = await open(port)
  const framing = options.chunked === true ? 'transfer-encoding: chunked' : `content-length: ${String(options.total)}`
  const extra = Object.entries({ 'content-type': 'text/xml', ...options.headers })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')
  socket.write(`POST /WBXService/XMLService HTTP/1.1\r\nhost: localhost\r\n${extra}${framing}\r\n\r\n`)
  let sent = 0
  let failed: string | undefined
  socket.on('error', (error: Error & { code?: string }) => {
    failed ??= error.code ?? error.message
  })
  const reading = options.readAfterUpload === true ? undefined : readResponse(socket)
  reading?.catch(() => undefined)
  const piece = Buffer.alloc(16_384, 0x61)
  while (sent < options.total && !socket.destroyed && failed === undefined) {
    const size = Math.min(piece.length, options.total - sent)
    const data =
      options.chunked === true
        ? `${size.toString(16)}\r\n${piece.toString('latin1', 0, size)}\r\n`
        : piece.subarray(0, size)
    sent += size
    if (!socket.write(data))
      await new Promise<void>((resolve) => {
        const go = (): void => {
          socket.off('drain', go)
          socket.off('close', go)
          resolve()
        }
        socket.on('drain', go)
        socket.on('close', go)
      })
  }
  if (options.chunked === true && !socket.destroyed) socket.write('0\r\n\r\n')
  try {
    const response = await (reading ?? readResponse(socket))
    return { response, sent }
  } catch (thrown) {
    return { error: thrown instanceof Error ? thrown.message : String(thrown), sent }
  } finally {
    socket.destroy()
  }
}

describe('the 64 KiB limit', () => {
  it('a message of exactly 64 KiB reaches the handler; one byte more is 413 with the FAILURE message', async () => {
    const sizes: number[] = []
    running = await start({
      handle: (bytes) => {
        sizes.push(bytes.length)
        return Promise.resolve('<ok/>')
      },
    })
    const fits = await request(running.port, { body: messageOf(MAX_MESSAGE_BYTES) })
    expect(fits.status).toBe(200)
    expect(sizes).toEqual([MAX_MESSAGE_BYTES])
    const over = await request(running.port, { body: messageOf(MAX_MESSAGE_BYTES + 1) })
    expect(isTooLarge(over)).toBe(true)
    expect(sizes).toEqual([MAX_MESSAGE_BYTES])
  })

  it('chunked: the limit counts the bytes received, whatever the framing', async () => {
    running = await start({ handle: (bytes) => Promise.resolve(`<n>${String(bytes.length)}</n>`) })
    const fits = await upload(running.port, { total: MAX_MESSAGE_BYTES, chunked: true })
    expect(fits.response?.body).toBe(`<n>${String(MAX_MESSAGE_BYTES)}</n>`)
    const over = await upload(running.port, { total: MAX_MESSAGE_BYTES + 1, chunked: true })
    expect(over.response !== undefined && isTooLarge(over.response)).toBe(true)
  })

  it('a form body may be up to 3 × 64 KiB + 4 KiB encoded, but its XML field is held to 64 KiB', async () => {
    running = await start({ handle: (bytes) => Promise.resolve(`<n>${String(bytes.length)}</n>`) })
    const form = 'application/x-www-form-urlencoded'
    const encoded = (xmlBytes: number): string => `UID=a&PWD=b&XML=${'%41'.repeat(xmlBytes)}`
    const fits = await request(running.port, { headers: { 'content-type': form }, body: encoded(MAX_MESSAGE_BYTES) })
    expect(fits.body).toBe(`<n>${String(MAX_MESSAGE_BYTES)}</n>`)
    const over = await request(running.port, {
      headers: { 'content-type': form },
      body: encoded(MAX_MESSAGE_BYTES + 1),
    })
    expect(isTooLarge(over)).toBe(true)
    const huge = await upload(running.port, { total: 3 * MAX_MESSAGE_BYTES + 4_097, headers: { 'content-type': form } })
    expect(huge.response !== undefined && isTooLarge(huge.response)).toBe(true)
  })

  it('the refusal is logged once, with the request id, and the handler never runs', async () => {
    let calls = 0
    running = await start({
      handle: () => {
        calls += 1
        return Promise.resolve('<ok/>')
      },
    })
    const over = await upload(running.port, { total: 200_000, headers: { 'x-request-id': 'big-1' } })
    expect(over.response?.status).toBe(413)
    await delay(50)
    expect(calls).toBe(0)
    const lines = records(running.lines).filter((line) => line['msg'] === 'request')
    expect(lines).toEqual([expect.objectContaining({ requestId: 'big-1', status: 413, refused: 'tooLarge' })])
  })
})

/** Uploads with node:http from another process; each round's answer, or the error that ended it. */
const nodeClientUploads = (port: number, total: number, rounds: number): Promise<(RawResponse | { error: string })[]> =>
  new Promise((resolve, reject) => {
    const client = spawn(process.execPath, [
      fileURLToPath(new URL('fixtures/upload-client.mjs', import.meta.url)),
      String(port),
      String(total),
      String(rounds),
    ])
    let out = ''
    client.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
    })
    client.on('error', reject)
    client.on('close', () => {
      resolve(JSON.parse(out) as (RawResponse | { error: string })[])
    })
  })

describe('the 413 is delivered while the client is still sending (no reset)', () => {
  // each round: a fresh connection, a 1 MiB body written as fast as the server reads it
  const ROUNDS = 40

  it(`node:http client in another process, 4 MB bodies: ${String(ROUNDS * 2)} of ${String(ROUNDS * 2)} rounds get the 413 answer, none a reset`, async () => {
    running = await start()
    const results = await nodeClientUploads(running.port, 4_000_000, ROUNDS * 2)
    expect(results).toHaveLength(ROUNDS * 2)
    const lost = results.filter((result) => !('status' in result) || !isTooLarge(result))
    expect(lost).toEqual([])
  })

  it(`declared by Content-Length: ${String(ROUNDS)} of ${String(ROUNDS)} rounds get the whole 413 answer`, async () => {
    running = await start()
    const outcomes: string[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const result = await upload(running.port, { total: 1_000_000 })
      outcomes.push(
        result.response !== undefined && isTooLarge(result.response)
          ? '413'
          : `lost: ${result.error ?? 'wrong answer'}`,
      )
    }
    expect(outcomes.filter((outcome) => outcome !== '413')).toEqual([])
  })

  it(`chunked: ${String(ROUNDS)} of ${String(ROUNDS)} rounds get the whole 413 answer`, async () => {
    running = await start()
    const outcomes: string[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const result = await upload(running.port, { total: 1_000_000, chunked: true })
      outcomes.push(
        result.response !== undefined && isTooLarge(result.response)
          ? '413'
          : `lost: ${result.error ?? 'wrong answer'}`,
      )
    }
    expect(outcomes.filter((outcome) => outcome !== '413')).toEqual([])
  })

  it('a client that reads only after writing everything still gets the answer', async () => {
    running = await start()
    const outcomes: string[] = []
    for (let round = 0; round < 10; round++) {
      const result = await upload(running.port, { total: 600_000, readAfterUpload: true })
      outcomes.push(
        result.response !== undefined && isTooLarge(result.response)
          ? '413'
          : `lost: ${result.error ?? 'wrong answer'}`,
      )
    }
    expect(outcomes.filter((outcome) => outcome !== '413')).toEqual([])
  })

  it('several clients at once, each sending 1 MiB', async () => {
    running = await start()
    const results = await Promise.all(
      Array.from({ length: 16 }, () => upload(running?.port ?? 0, { total: 1_000_000 })),
    )
    expect(results.filter((result) => result.response === undefined || !isTooLarge(result.response))).toEqual([])
  })

  it('after the client has sent everything, the server closes the connection (Connection: close)', async () => {
    running = await start()
    const socket = await open(running.port)
    const ending = closed(socket)
    const answer = readResponse(socket)
    socket.write(`POST /WBXService/XMLService HTTP/1.1\r\nhost: x\r\ncontent-length: 100000\r\n\r\n`)
    socket.write(Buffer.alloc(100_000, 0x61))
    expect(isTooLarge(await answer)).toBe(true)
    expect(await ending).toBe('closed')
  })
})

describe('the discarding is bounded', () => {
  it('a client that goes on sending past the linger bound is cut off before it has sent everything', async () => {
    running = await start({ limits: { lingerBytes: 256 * 1024 } })
    const result = await upload(running.port, { total: 64 * 1024 * 1024 })
    // the answer was written first; what matters here is that the server did not read 64 MiB
    expect(result.sent).toBeLessThan(64 * 1024 * 1024)
  })

  it('a client that stops sending after the headers is cut off after the linger time, having had the answer', async () => {
    running = await start({ limits: { lingerMs: 300 } })
    const socket = await open(running.port)
    const ending = closed(socket)
    const answer = readResponse(socket)
    socket.write(`POST /WBXService/XMLService HTTP/1.1\r\nhost: x\r\ncontent-length: 10000000\r\n\r\n`)
    socket.write(Buffer.alloc(1_000, 0x61))
    expect(isTooLarge(await answer)).toBe(true)
    expect(await ending).toBe('closed')
  })

  it('Expect: 100-continue with a declared length over the limit: 413 at once, no 100 Continue, no body read', async () => {
    running = await start()
    const socket = await open(running.port)
    let received = ''
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1')
    })
    const ending = closed(socket)
    socket.write(
      `POST /WBXService/XMLService HTTP/1.1\r\nhost: x\r\nexpect: 100-continue\r\ncontent-length: 10000000\r\n\r\n`,
    )
    expect(await ending).toBe('closed')
    expect(received.startsWith('HTTP/1.1 413 ')).toBe(true)
    expect(received).not.toContain('100 Continue')
  })

  it('Expect: 100-continue within the limit: 100 Continue, then the answer', async () => {
    running = await start({ handle: (bytes) => Promise.resolve(`<n>${String(bytes.length)}</n>`) })
    const socket = await open(running.port)
    let received = ''
    const sawContinue = new Promise<void>((resolve) => {
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString('latin1')
        if (received.includes('100 Continue')) resolve()
      })
    })
    const answer = readResponse(socket)
    socket.write(`POST /WBXService/XMLService HTTP/1.1\r\nhost: x\r\nexpect: 100-continue\r\ncontent-length: 5\r\n\r\n`)
    await sawContinue
    socket.write('<a/>\n')
    expect((await answer).body).toBe('<n>5</n>')
    socket.destroy()
  })

  it('a 404 with a big body is refused the same way: answered, and the body not kept', async () => {
    running = await start()
    const socket = await open(running.port)
    const answer = readResponse(socket)
    socket.write(`POST /elsewhere HTTP/1.1\r\nhost: x\r\ncontent-length: 500000\r\n\r\n`)
    socket.write(Buffer.alloc(500_000, 0x61))
    const response = await answer
    expect([response.status, response.headers['connection']]).toEqual([404, 'close'])
    socket.destroy()
  })
})
