/**
 * Test support for the HTTP layer: a service on 127.0.0.1 port 0 with a real handler (the XML
 * adapter parses every message) and a logger writing into memory, and a raw-socket client that
 * reads responses byte by byte, so the tests see exactly what a client sees.
 */
import { connect, type Socket } from 'node:net'
import * as E from 'fp-ts/lib/Either.js'
import { userNotFound } from 'webex-user-rules'
import { decodeXmlBytes, parseRequestMessage, renderFailureResponse, renderSetUserResponse } from 'webex-user-rules/xml'
import { createHttpService, type Handler, type HttpLimits, type HttpService } from '../../src/http/index.js'
import { createLogger, type Logger } from '../../src/log.js'

/** A logger whose JSON lines land in `lines`. */
export const memoryLogger = (level: 'info' | 'debug' = 'debug'): { logger: Logger; lines: string[] } => {
  const lines: string[] = []
  const logger = createLogger({
    level,
    destination: {
      write: (line: string) => {
        lines.push(line)
      },
    },
  })
  return { logger, lines }
}

/** Parsed log lines (every line must be one JSON object). */
export const records = (lines: readonly string[]): Record<string, unknown>[] =>
  lines
    .flatMap((chunk) => chunk.split('\n').filter((line) => line !== ''))
    .map((line) => JSON.parse(line) as Record<string, unknown>)

/**
 * The handler a service would run, minus the database: parses the message with the XML adapter,
 * names the operation and caller, logs what it parsed (credentials included, as a careless
 * handler would: the logger must scrub them), and answers SetUser with SUCCESS and everything else
 * with 030001.
 */
export const adapterHandler: Handler = (bytes, ctx) => {
  const text = decodeXmlBytes(bytes)
  if (E.isLeft(text)) return Promise.resolve(renderFailureResponse(text.left))
  const message = parseRequestMessage(text.right)
  if (E.isLeft(message)) {
    ctx.log.info({ request: text.right }, 'refused a message')
    return Promise.resolve(renderFailureResponse(message.left))
  }
  const { operation, securityContext, body } = message.right
  ctx.annotate({ operation, ...(securityContext.webExID === undefined ? {} : { caller: securityContext.webExID }) })
  ctx.log.info({ securityContext, body }, 'parsed %s', operation)
  if (operation === 'SetUser')
    return Promise.resolve(renderSetUserResponse(E.right({ user: body, effects: [], notices: [] })))
  return Promise.resolve(renderFailureResponse(userNotFound('nobody')))
}

export interface Running {
  readonly service: HttpService
  readonly url: URL
  readonly port: number
  readonly lines: string[]
  readonly stop: () => Promise<void>
}

export const start = async (
  options: {
    handle?: Handler
    health?: () => Promise<boolean>
    limits?: Partial<HttpLimits>
    logger?: Logger
    lines?: string[]
  } = {},
): Promise<Running> => {
  const memory = options.logger === undefined ? memoryLogger() : { logger: options.logger, lines: options.lines ?? [] }
  const service = createHttpService({
    handle: options.handle ?? adapterHandler,
    health: options.health ?? (() => Promise.resolve(true)),
    logger: memory.logger,
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  })
  const url = await service.listen(0, '127.0.0.1')
  return { service, url, port: Number(url.port), lines: memory.lines, stop: () => service.shutdown() }
}

export interface RawResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/**
 * Reads one HTTP response from a socket (headers, then Content-Length bytes). Rejects with the
 * socket's error code, or `closed`, when the connection ends before the response is complete.
 */
export const readResponse = (socket: Socket, head = false): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0)
    const done = (): void => {
      socket.off('data', onData)
      socket.off('error', onError)
      socket.off('close', onClose)
    }
    const onData = (chunk: Buffer): void => {
      buffer = Buffer.concat([buffer, chunk])
      const end = buffer.indexOf('\r\n\r\n')
      if (end === -1) return
      const [statusLine = '', ...headerLines] = buffer.subarray(0, end).toString('latin1').split('\r\n')
      const headers: Record<string, string> = {}
      for (const line of headerLines) {
        const colon = line.indexOf(':')
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
      }
      const status = Number(statusLine.split(' ')[1])
      // interim 100 Continue: skip it and read on
      if (status === 100) {
        buffer = buffer.subarray(end + 4)
        return
      }
      const length = head ? 0 : Number(headers['content-length'] ?? 0)
      if (buffer.length < end + 4 + length) return
      done()
      resolve({ status, headers, body: buffer.subarray(end + 4, end + 4 + length).toString('utf8') })
    }
    const onError = (error: Error & { code?: string }): void => {
      done()
      reject(new Error(error.code ?? error.message))
    }
    const onClose = (): void => {
      done()
      reject(new Error('closed'))
    }
    socket.on('data', onData)
    socket.on('error', onError)
    socket.on('close', onClose)
  })

export const open = (port: number): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.off('error', reject)
      resolve(socket)
    })
    socket.once('error', reject)
  })

/** Resolves when the socket is closed by the other side (or by an error), with how it ended. */
export const closed = (socket: Socket): Promise<string> =>
  new Promise((resolve) => {
    if (socket.destroyed) {
      resolve('closed')
      return
    }
    let how = 'closed'
    socket.on('error', (error: Error & { code?: string }) => {
      how = error.code ?? error.message
    })
    socket.on('close', () => {
      resolve(how)
    })
  })

/** One request on a fresh connection; the connection is closed afterwards. */
export const request = async (
  port: number,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> => {
  const socket = await open(port)
  try {
    const body = typeof options.body === 'string' ? Buffer.from(options.body) : (options.body ?? Buffer.alloc(0))
    const headers = { host: 'localhost', 'content-length': String(body.length), ...options.headers }
    const head =
      `${options.method ?? 'POST'} ${options.path ?? '/WBXService/XMLService'} HTTP/1.1\r\n` +
      Object.entries(headers)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('') +
      '\r\n'
    const response = readResponse(socket, options.method === 'HEAD')
    socket.write(Buffer.concat([Buffer.from(head, 'latin1'), body]))
    return await response
  } finally {
    socket.destroy()
  }
}

export const delay = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms)
  })

/** A promise and its resolver. */
export const deferred = <T = void>(): { promise: Promise<T>; resolve: (value: T) => void } => {
  let resolve: (value: T) => void = () => undefined
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}
