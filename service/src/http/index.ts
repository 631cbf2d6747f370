/**
 * The service's HTTP layer: `POST /WBXService/XMLService` and `GET /healthz` on `node:http`, with
 * the limits a server exposed to clients it does not control needs (D-SVH-1 … D-SVH-3, D-SVH-7):
 *
 * - its own timeouts, well under Node's: the headers within 10 s, the whole request within 30 s
 *   (Node: 60 s and 300 s), checked every second (Node: every 30 s), idle keep-alive 5 s;
 * - a connection limit (512): connections past it are closed on accept, and counted in the log;
 * - a body over 64 KiB is answered 413 with the FAILURE message, and the answer is delivered even
 *   while the client is still sending: the response carries `Connection: close`, and the socket is
 *   closed only once the client has finished sending (the rest is read and discarded, up to
 *   16 MiB or 5 s). Closing a socket with unread data makes the kernel send a reset, which can
 *   destroy the answer before the client reads it;
 * - graceful shutdown: stop accepting, answer the requests in flight (with `Connection: close`),
 *   close idle connections, then return; the caller closes the database afterwards;
 * - one request id per request (`x-request-id` when sane, else a UUID), echoed in the response,
 *   and one JSON log line per request with the operation, the outcome and the duration.
 *
 * Every XML answer is HTTP 200 with SUCCESS or FAILURE inside, as Webex answers (corpus
 * response-failure-erolms-030047); 413, 404, 405 are the only other statuses of the XML path.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { EngineDefect, invalidRequest } from 'webex-user-rules'
import { MAX_MESSAGE_BYTES, renderFailureResponse } from 'webex-user-rules/xml'
import type { Logger } from '../log.js'
import { extractXml } from './transport.js'

export { decodeFormComponent, extractXml, formXmlField, type Extracted } from './transport.js'

/** The path Webex serves the XML API on. */
export const XML_SERVICE_PATH = '/WBXService/XMLService'

/** The health check's path: 200 when the database answers, 503 otherwise or while shutting down. */
export const HEALTH_PATH = '/healthz'

/** The content type Webex answers with (corpus response-failure-erolms-030047, its headers). */
export const XML_CONTENT_TYPE = 'text/xml;charset=UTF-8'

/** Fields a handler adds to its request's log line. */
export interface RequestAnnotations {
  /** The operation's name, e.g. `SetUser`. */
  readonly operation?: string
  /** The caller's webExID (never a credential). */
  readonly caller?: string
}

/** What the HTTP layer gives the handler with each message. */
export interface RequestContext {
  readonly requestId: string
  /** A child of the service's logger bound to the request id. */
  readonly log: Logger
  /**
   * Names the operation (and caller) on the request's log line. Optional: without it the line
   * names the operation given by the message's bodyContent `xsi:type`.
   */
  readonly annotate: (fields: RequestAnnotations) => void
}

/** Answers one XML message (the body's bytes) with the XML to send back. */
export type Handler = (body: Uint8Array, ctx: RequestContext) => Promise<string>

export interface HttpLimits {
  /** Time to receive a request's headers (Node's default: 60 s). */
  readonly headersTimeoutMs: number
  /** Time to receive a whole request (Node's default: 300 s). */
  readonly requestTimeoutMs: number
  /** How long an idle keep-alive connection stays open. */
  readonly keepAliveTimeoutMs: number
  /** How often the two timeouts above are checked (Node's default: 30 s). */
  readonly connectionsCheckingIntervalMs: number
  /** A socket with no traffic at all for this long is closed (a backstop; Node's default: never). */
  readonly socketIdleTimeoutMs: number
  /** Open connections at most; more are closed on accept. */
  readonly maxConnections: number
  /** The largest XML message (the XML adapter's limit, 64 KiB). */
  readonly maxMessageBytes: number
  /** How much of a refused body is read and discarded before the connection is closed anyway. */
  readonly lingerBytes: number
  /** How long a refused body is read and discarded before the connection is closed anyway. */
  readonly lingerMs: number
  /** How long `shutdown` waits for requests in flight before closing their connections. */
  readonly shutdownGraceMs: number
  /** How long the health check waits for the database. */
  readonly healthTimeoutMs: number
}

export const DEFAULT_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  connectionsCheckingIntervalMs: 1_000,
  socketIdleTimeoutMs: 120_000,
  maxConnections: 512,
  maxMessageBytes: MAX_MESSAGE_BYTES,
  lingerBytes: 16_777_216,
  lingerMs: 5_000,
  shutdownGraceMs: 10_000,
  healthTimeoutMs: 2_000,
}

/**
 * A form-encoded body may spend three bytes per XML byte (`%3C`), plus the other fields: the
 * form's own limit, checked before the `XML` field is decoded and held to `maxMessageBytes`.
 */
const formLimit = (limits: HttpLimits): number => 3 * limits.maxMessageBytes + 4_096

export interface HttpServiceOptions {
  readonly handle: Handler
  /** Whether the database answers. */
  readonly health: () => Promise<boolean>
  readonly logger: Logger
  readonly limits?: Partial<HttpLimits>
}

export interface HttpService {
  readonly server: Server
  /** Starts listening; resolves with the XML service's URL (port 0 picks a free port). */
  readonly listen: (port: number, host: string) => Promise<URL>
  /**
   * Stops accepting connections, answers the requests in flight, closes every connection, and
   * resolves. Idempotent. The database is the caller's to close afterwards.
   */
  readonly shutdown: () => Promise<void>
}

/** 000035, as a real server words a backend failure (corpus response-failure-atlas-000035). */
const SERVICE_NOT_RESPONDING = { exceptionID: '000035', reason: 'ASService not responding' } as const

const tooLargeResponse = (limits: HttpLimits): string =>
  renderFailureResponse(
    invalidRequest([
      {
        source: 'message',
        code: 'limit',
        path: '',
        expected: `a message of at most ${String(limits.maxMessageBytes)} bytes`,
        actual: 'more',
      },
    ]),
  )

// a request id from a proxy or client is kept when it is short and cannot forge a log field
const SANE_REQUEST_ID = /^[A-Za-z0-9._~:@+/=-]{1,128}$/

const requestIdOf = (req: IncomingMessage): string => {
  const given = req.headers['x-request-id']
  return typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID()
}

const pathOf = (req: IncomingMessage): string => {
  const url = req.url ?? '/'
  // origin-form is the rule; absolute-form (`http://host/path`) is allowed by HTTP/1.1
  if (url.startsWith('/')) return url.split('?', 1)[0] ?? '/'
  try {
    return new URL(url).pathname
  } catch {
    return url
  }
}

const declaredLength = (req: IncomingMessage): number | undefined => {
  const header = req.headers['content-length']
  return header === undefined ? undefined : Number(header)
}

const isForm = (req: IncomingMessage): boolean =>
  (req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')

/** Has the client more body to send? (A request without a body is complete once parsed.) */
const bodyPending = (req: IncomingMessage): boolean => !req.complete && !req.readableEnded

type Body =
  { readonly kind: 'ok'; readonly bytes: Buffer } | { readonly kind: 'tooLarge' } | { readonly kind: 'aborted' }

/**
 * Reads the body up to `limit` bytes. Past the limit it stops reading (the request is paused, the
 * data stays with the socket) and resolves `tooLarge`: the caller answers, then discards the rest.
 */
const readBody = (req: IncomingMessage, limit: number): Promise<Body> =>
  new Promise((resolve) => {
    const declared = declaredLength(req)
    if (declared !== undefined && declared > limit) {
      resolve({ kind: 'tooLarge' })
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    const finish = (body: Body): void => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onAbort)
      req.off('close', onClose)
      resolve(body)
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > limit) {
        req.pause()
        finish({ kind: 'tooLarge' })
      } else chunks.push(chunk)
    }
    const onEnd = (): void => {
      finish({ kind: 'ok', bytes: Buffer.concat(chunks, size) })
    }
    const onAbort = (): void => {
      finish({ kind: 'aborted' })
    }
    const onClose = (): void => {
      if (!req.complete) finish({ kind: 'aborted' })
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onAbort)
    req.on('close', onClose)
  })

const RESULT = /<serv:result>([A-Z]+)<\/serv:result>/
const EXCEPTION_ID = /<serv:exceptionID>([^<]{1,32})<\/serv:exceptionID>/
// the bodyContent's xsi:type names the operation: `java:com.webex.service.binding.user.SetUser`, `use:SetUser`
const BODY_TYPE = /<(?:[\w.-]+:)?bodyContent\b[^>]*?\btype\s*=\s*["']([^"']{1,200})["']/
const OPERATION = /([A-Za-z]{1,40})$/

/** The operation a message names, for the log line when the handler did not name it. */
const operationOf = (xml: Uint8Array): string | undefined => {
  const text = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).toString('latin1')
  const type = BODY_TYPE.exec(text)?.[1]
  return type === undefined ? undefined : OPERATION.exec(type)?.[1]
}

/** The fields of a request's log line, filled in as the request goes. */
interface LogEntry {
  method: string
  path: string
  status?: number
  transport?: 'xml' | 'form'
  operation?: string
  caller?: string
  outcome?: string
  exceptionID?: string
  bytesIn: number
  refused?: string
}

/**
 * The HTTP service around a handler.
 *
 * @example
 * ```ts
 * const service = createHttpService({ handle, health: () => db.ping(), logger: createLogger() })
 * const url = await service.listen(0, '127.0.0.1') // http://127.0.0.1:PORT/WBXService/XMLService
 * process.once('SIGTERM', () => void service.shutdown().then(() => db.close()))
 * ```
 */
export const createHttpService = (options: HttpServiceOptions): HttpService => {
  const limits: HttpLimits = { ...DEFAULT_LIMITS, ...options.limits }
  const { logger } = options
  const inFlight = new Set<ServerResponse>()
  let closing: Promise<void> | undefined
  let settled: (() => void) | undefined

  const server = createServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.connectionsCheckingIntervalMs,
  })
  server.maxConnections = limits.maxConnections
  server.maxHeadersCount = 100
  server.setTimeout(limits.socketIdleTimeoutMs)

  /** Writes a whole response (headers and body) without ending it. */
  const writeHead = (res: ServerResponse, status: number, contentType: string, body: string, close: boolean): void => {
    res.writeHead(status, {
      'content-type': contentType,
      'content-length': Buffer.byteLength(body),
      ...(close || closing !== undefined ? { connection: 'close' } : {}),
    })
  }

  const send = (res: ServerResponse, status: number, contentType: string, body: string, head = false): void => {
    if (res.destroyed) return
    writeHead(res, status, contentType, body, false)
    res.end(head ? undefined : body)
  }

  /**
   * Answers now and closes the connection once the client has stopped sending (or the linger
   * bounds are reached): the answer is written in full at once, and `end` — after which Node
   * closes the socket — waits until the unread body has been read and discarded.
   */
  const refuse = (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    contentType: string,
    body: string,
  ): void => {
    if (res.destroyed) return
    // a refused request closes its connection: its sender may well be sending more of the same
    writeHead(res, status, contentType, body, true)
    // nothing more is coming (with Expect: 100-continue no 100 was sent, so no body follows)
    if (!bodyPending(req) || /100-continue/i.test(req.headers.expect ?? '')) {
      res.end(body)
      return
    }
    res.write(body)
    let discarded = 0
    const stop = (): void => {
      clearTimeout(timer)
      req.off('data', onData)
      req.off('end', stop)
      req.off('close', stop)
      res.end()
    }
    const onData = (chunk: Buffer): void => {
      discarded += chunk.length
      if (discarded > limits.lingerBytes) stop()
    }
    const timer = setTimeout(stop, limits.lingerMs)
    timer.unref()
    req.on('data', onData)
    req.once('end', stop)
    req.once('close', stop)
    req.resume()
  }

  const health = async (): Promise<boolean> => {
    if (closing !== undefined) return false
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => {
        resolve(false)
      }, limits.healthTimeoutMs)
    })
    try {
      return await Promise.race([options.health().catch(() => false), timeout])
    } finally {
      clearTimeout(timer)
    }
  }

  const answerXml = async (
    req: IncomingMessage,
    res: ServerResponse,
    ctx: RequestContext,
    entry: LogEntry,
  ): Promise<void> => {
    const limit = isForm(req) ? formLimit(limits) : limits.maxMessageBytes
    const body = await readBody(req, limit)
    if (body.kind === 'aborted') {
      entry.refused = 'aborted'
      return
    }
    if (body.kind === 'tooLarge') {
      entry.refused = 'tooLarge'
      refuse(req, res, 413, XML_CONTENT_TYPE, tooLargeResponse(limits))
      return
    }
    entry.bytesIn = body.bytes.length
    const { transport, xml } = extractXml(body.bytes)
    entry.transport = transport
    if (xml.length > limits.maxMessageBytes) {
      entry.refused = 'tooLarge'
      refuse(req, res, 413, XML_CONTENT_TYPE, tooLargeResponse(limits))
      return
    }
    let answer: string
    let status = 200
    try {
      answer = await options.handle(xml, ctx)
    } catch (thrown) {
      // an engine defect is a server fault a client must not retry blindly: 500, with the cause and
      // its stack in the log (scrubbed); anything else the handler let through, Webex's "try later"
      const defect = thrown instanceof EngineDefect
      ctx.log.error({ err: thrown }, defect ? 'engine defect' : 'handler failed')
      if (defect) status = 500
      answer = renderFailureResponse(SERVICE_NOT_RESPONDING)
    }
    if (entry.operation === undefined) {
      const operation = operationOf(xml)
      if (operation !== undefined) entry.operation = operation
    }
    const head = answer.slice(0, 1_024)
    entry.outcome = RESULT.exec(head)?.[1] ?? 'UNKNOWN'
    const exceptionID = EXCEPTION_ID.exec(head)?.[1]
    if (exceptionID !== undefined) entry.exceptionID = exceptionID
    send(res, status, XML_CONTENT_TYPE, answer)
  }

  const route = async (
    req: IncomingMessage,
    res: ServerResponse,
    ctx: RequestContext,
    entry: LogEntry,
  ): Promise<void> => {
    if (entry.path === XML_SERVICE_PATH) {
      if (req.method === 'POST') {
        await answerXml(req, res, ctx, entry)
        return
      }
      res.setHeader('allow', 'POST')
      refuse(req, res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n')
      return
    }
    if (entry.path === HEALTH_PATH) {
      if (req.method === 'GET' || req.method === 'HEAD') {
        const ok = await health()
        const status = ok ? 'ok' : closing === undefined ? 'unavailable' : 'shutting down'
        send(res, ok ? 200 : 503, 'application/json', `${JSON.stringify({ status })}\n`, req.method === 'HEAD')
        return
      }
      res.setHeader('allow', 'GET, HEAD')
      refuse(req, res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n')
      return
    }
    refuse(req, res, 404, 'text/plain; charset=utf-8', 'Not found\n')
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now()
    const requestId = requestIdOf(req)
    res.setHeader('x-request-id', requestId)
    const log = logger.child({ requestId })
    const entry: LogEntry = { method: req.method ?? '', path: pathOf(req), bytesIn: 0 }
    const ctx: RequestContext = {
      requestId,
      log,
      annotate: (fields) => {
        if (fields.operation !== undefined) entry.operation = fields.operation
        if (fields.caller !== undefined) entry.caller = fields.caller
      },
    }
    inFlight.add(res)
    res.once('close', () => {
      inFlight.delete(res)
      if (inFlight.size === 0) settled?.()
      const line = {
        ...entry,
        // no answer was sent: the client went away, or a timeout cut the request (Node answers 408)
        ...(res.headersSent ? { status: res.statusCode } : { refused: entry.refused ?? 'aborted' }),
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
        ...(res.writableFinished ? {} : { completed: false }),
      }
      // health checks come every few seconds from every balancer: not worth a line each
      if (entry.path === HEALTH_PATH && res.statusCode === 200) log.debug(line, 'request')
      else log.info(line, 'request')
    })
    route(req, res, ctx, entry).catch((thrown: unknown) => {
      log.error({ err: thrown }, 'request failed')
      if (!res.headersSent) send(res, 200, XML_CONTENT_TYPE, renderFailureResponse(SERVICE_NOT_RESPONDING))
      else res.destroy()
    })
  }

  // Node's headers timeout starts with the first byte: a connection that sends none is closed here
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => {
      if (socket.bytesRead === 0) socket.destroy()
    }, limits.headersTimeoutMs)
    timer.unref()
    socket.once('close', () => {
      clearTimeout(timer)
    })
  })

  server.on('request', onRequest)
  // Expect: 100-continue: the body is invited only when it will be read
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const declared = declaredLength(req)
    const limit = isForm(req) ? formLimit(limits) : limits.maxMessageBytes
    if (pathOf(req) === XML_SERVICE_PATH && req.method === 'POST' && (declared === undefined || declared <= limit))
      res.writeContinue()
    onRequest(req, res)
  })

  // connections refused at the limit: one line a second at most, with the count
  let dropped = 0
  server.on('drop', () => {
    dropped += 1
    if (dropped === 1)
      setTimeout(() => {
        logger.warn({ dropped, maxConnections: limits.maxConnections }, 'connections refused at the connection limit')
        dropped = 0
      }, 1_000).unref()
  })

  // what Node does by default (answer 400/408/431 when nothing was sent yet, then close), logged
  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => {
    logger.debug({ code: error.code, remoteAddress: socket.remoteAddress }, 'client error')
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy()
      return
    }
    const status =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? '408 Request Timeout'
        : error.code === 'HPE_HEADER_OVERFLOW'
          ? '431 Request Header Fields Too Large'
          : '400 Bad Request'
    socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
    socket.destroy()
  })

  const listen = (port: number, host: string): Promise<URL> =>
    new Promise((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => {
        server.off('error', reject)
        const { port: actual } = server.address() as AddressInfo
        const name = host.includes(':') ? `[${host}]` : host
        resolve(new URL(`http://${name}:${String(actual)}${XML_SERVICE_PATH}`))
      })
    })

  const shutdown = (): Promise<void> => {
    closing ??= (async () => {
      logger.info({ inFlight: inFlight.size }, 'shutting down: no new connections')
      const closed = new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
      })
      server.closeIdleConnections()
      const drained = new Promise<void>((resolve) => {
        settled = resolve
        if (inFlight.size === 0) resolve()
      })
      let timer: NodeJS.Timeout | undefined
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, limits.shutdownGraceMs)
      })
      await Promise.race([drained, grace])
      clearTimeout(timer)
      if (inFlight.size > 0) logger.warn({ inFlight: inFlight.size }, 'shutdown grace over: closing requests in flight')
      // no request is in flight: what is left are idle or half-sent connections
      server.closeAllConnections()
      await closed
      logger.info('stopped accepting; every connection closed')
    })()
    return closing
  }

  return { server, listen, shutdown }
}

/**
 * Shuts the service down on SIGTERM or SIGINT, then runs `after` (close the database, flush the
 * log). A second signal while shutting down exits at once. Returns a function that removes the
 * handlers.
 */
export const shutdownOnSignals = (
  service: Pick<HttpService, 'shutdown'>,
  logger: Logger,
  after: () => Promise<void>,
): (() => void) => {
  let started = false
  const onSignal = (signal: NodeJS.Signals): void => {
    if (started) {
      logger.warn({ signal }, 'second signal: exiting now')
      process.exit(1)
    }
    started = true
    logger.info({ signal }, 'signal received')
    service
      .shutdown()
      .then(after)
      .then(
        () => {
          process.exitCode ??= 0
        },
        (thrown: unknown) => {
          logger.error({ err: thrown }, 'shutdown failed')
          process.exitCode = 1
        },
      )
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
  return () => {
    process.off('SIGTERM', onSignal)
    process.off('SIGINT', onSignal)
  }
}
