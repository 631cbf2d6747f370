/**
 * The service without its HTTP layer: a database, the operations and the outbox dispatcher.
 * `handle` turns one request body into the XML answer; the HTTP layer calls it.
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Logger } from 'pino'
import { EngineDefect } from 'webex-user-rules'
import { decodeXmlBytes, parseRequestMessage, renderFailureResponse } from 'webex-user-rules/xml'
import { type Database, openDatabase } from './db/database.js'
import { migrate } from './db/migrations.js'
import { authenticate, type Failure, ticketCredentials } from './operations/caller.js'
import {
  authenticateUser,
  getLoginTicket,
  getloginurlUser,
  getlogouturlUser,
  lstsummaryUser,
} from './operations/login.js'
import {
  createUser,
  delUser,
  getUser,
  getUserByTicket,
  type OperationContext,
  setActive,
  setUser,
  setUserAuthenticatesInline,
  setUserByTicket,
} from './operations/users.js'
import { type Dispatcher, logSink, type Sink, startDispatcher, webhookSink } from './outbox.js'
import { decodeSeed, importSeed } from './seed.js'

/** 000035, as the real server words it (corpus response-failure-atlas-000035). */
export const SERVICE_NOT_RESPONDING = { exceptionID: '000035', reason: 'ASService not responding' } as const

export interface AppOptions {
  /** `memory:`, a folder, or `postgres://…`. */
  readonly database: string
  /** Connections of the PostgreSQL pool of this process (default 10, D-SP-4). */
  readonly poolSize?: number
  readonly log: Logger
  /** A seed (file content, parsed) imported when the database has no site yet. */
  readonly seed?: unknown
  /** POST effects here instead of logging them. */
  readonly webhook?: string
  /** Poll interval of the outbox dispatcher, in ms. */
  readonly outboxPollMs?: number
  /** How long a claimed effect waits for its delivery before another attempt may take it, in s. */
  readonly outboxLeaseSeconds?: number
}

export interface App {
  readonly db: Database
  readonly dispatcher: Dispatcher
  handle(body: Uint8Array, ctx: { readonly requestId: string; readonly log: Logger }): Promise<string>
  health(): Promise<boolean>
  /** Stops the dispatcher and closes the database (after the HTTP layer has drained). */
  close(): Promise<void>
}

/** Why the service cannot start (bad seed, unreachable database): the message names the cause. */
export class StartupError extends Error {}

export const createApp = async (options: AppOptions): Promise<App> => {
  const db = await openDatabase(options.database, options.poolSize === undefined ? {} : { poolSize: options.poolSize })
  try {
    await migrate(db)
    if (options.seed !== undefined) {
      const sites = decodeSeed(options.seed)
      if (E.isLeft(sites)) throw new StartupError(`unusable seed: ${sites.left}`)
      // D-SV-5: a seed fills an empty database only; a restart keeps what the service changed
      await importSeed(db, sites.right, { onlyIfEmpty: true })
    }
  } catch (thrown) {
    await db.close()
    throw thrown
  }
  const sink: Sink = options.webhook === undefined ? logSink(options.log) : webhookSink(options.webhook)
  const dispatcher = startDispatcher({
    db,
    sink,
    log: options.log,
    ...(options.outboxPollMs === undefined ? {} : { pollMs: options.outboxPollMs }),
    ...(options.outboxLeaseSeconds === undefined ? {} : { leaseSeconds: options.outboxLeaseSeconds }),
  })

  const handle = async (bytes: Uint8Array, ctx: { readonly log: Logger }): Promise<string> => {
    const text = decodeXmlBytes(bytes)
    if (E.isLeft(text)) return renderFailureResponse(text.left)
    const request = parseRequestMessage(text.right)
    if (E.isLeft(request)) {
      ctx.log.info(
        { result: 'FAILURE', exceptionID: request.left.exceptionID, error: request.left._tag },
        'request refused',
      )
      return renderFailureResponse(request.left)
    }
    const message = request.right
    const op: OperationContext = { db, log: ctx.log }
    // its credential may be in the body (form A), and it is what hands out session tickets
    if (message.operation === 'AuthenticateUser') return authenticateUser(op, message.securityContext, message.body)
    const refused = (failure: Failure): string => {
      // the name only: never the password, ticket or token
      ctx.log.info(
        { operation: message.operation, caller: message.securityContext.webExID, exceptionID: failure.exceptionID },
        'authentication failed',
      )
      return renderFailureResponse(failure)
    }
    // D-SP-10: a session ticket that names its site and user is checked in the operation's statement
    // (hashed here only for the two operations that can use it; the others hash it in authenticate)
    const ticket =
      message.operation === 'GetUser' || message.operation === 'SetUser'
        ? ticketCredentials(message.securityContext)
        : undefined
    if (ticket !== undefined && message.operation === 'GetUser') {
      const answered = await getUserByTicket(op, ticket, message.body.webExId)
      return answered.ok ? answered.answer : refused(answered.failure)
    }
    if (ticket !== undefined && message.operation === 'SetUser' && setUserAuthenticatesInline(message.body)) {
      const answered = await setUserByTicket(op, ticket, message.body)
      return answered.ok ? answered.answer : refused(answered.failure)
    }
    const auth = await authenticate(db, message.securityContext)
    if (!auth.ok) return refused(auth.failure)
    switch (message.operation) {
      case 'GetUser':
        return getUser(op, auth.value, message.body.webExId)
      case 'SetUser':
        return setUser(op, auth.value, message.body)
      case 'CreateUser':
        return createUser(op, auth.value, message.body)
      case 'DelUser':
        return delUser(op, auth.value, message.body)
      case 'ActivateUser':
      case 'InactivateUser':
        return setActive(op, message.operation, auth.value, message.body)
      case 'GetLoginTicket':
        return getLoginTicket(op, auth.value, message.body)
      case 'GetloginurlUser':
        return getloginurlUser(op, auth.value, message.body)
      case 'GetlogouturlUser':
        return getlogouturlUser(op, auth.value, message.body)
      case 'LstsummaryUser':
        return lstsummaryUser(op, auth.value, message.body)
    }
  }

  return {
    db,
    dispatcher,
    handle: async (bytes, ctx) => {
      try {
        return await handle(bytes, ctx)
      } catch (thrown) {
        // a bug in the engine is not the database's "try later": the HTTP layer answers it as a
        // server fault (D-SV-12)
        if (thrown instanceof EngineDefect) throw thrown
        // a database failure (or a retry budget used up): the client sees Webex's own "try later"
        ctx.log.error({ err: thrown }, 'operation failed')
        return renderFailureResponse(SERVICE_NOT_RESPONDING)
      }
    },
    health: async () => {
      try {
        await db.query('SELECT 1')
        return true
      } catch {
        return false
      }
    },
    close: async () => {
      await dispatcher.stop()
      await db.close()
    },
  }
}
