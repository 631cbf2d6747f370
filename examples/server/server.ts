/**
 * An example Webex-compatible endpoint: `POST /WBXService/XMLService` answering SetUser and
 * GetUser from a {@link UserStore}, with `node:http` and nothing else.
 *
 * - The caller is the stored user named by the securityContext `webExID`; an unknown one is
 *   FAILURE 030002 "Incorrect user or password" (corpus response-failure-java-030002). This is an
 *   identification, not an authentication server: a password is compared only when the stored
 *   caller and the request both carry one.
 * - The caller's role comes from their stored privileges (`callerRole`).
 * - The site's `activeHostCount` and `takenWebExIds` are computed from the store.
 * - Effects that change data are carried out (`renamed` re-keys the store, `generateAccessCodes`
 *   fills the account's codes); the others are logged for the systems that would act on them.
 * - SetUser is serialised per user, so concurrent requests lose no update; requests that can
 *   change the host count or the set of names (active, attendeeOnly, newWebExId) are also
 *   serialised site-wide, so two activations cannot both take the last host seat (R6).
 * - Bodies over 64 KiB get HTTP 413; every XML answer is HTTP 200 with SUCCESS or FAILURE in the
 *   message, as Webex does.
 */
import { randomInt } from 'node:crypto'
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import * as E from 'fp-ts/lib/Either.js'
import {
  type ActivationBody,
  applyActivateUser,
  applyCreateUser,
  applyDelUser,
  applyGetlogouturlUser,
  applyInactivateUser,
  applyLstsummaryUser,
  applySetUser,
  type CreateUserBody,
  callerRole,
  type DelUserBody,
  type Effect,
  invalidRequest,
  noPrivilege,
  type SetUserBody,
  type SetUserError,
  type User,
  userNotFound,
} from 'webex-user-rules'
import {
  decodeXmlBytes,
  MAX_MESSAGE_BYTES,
  parseRequestMessage,
  renderActivationResponse,
  renderCreateUserResponse,
  renderDelUserResponse,
  renderFailureResponse,
  renderGetlogouturlUserResponse,
  renderGetUserResponse,
  renderLstsummaryUserResponse,
  renderSetUserResponse,
  type SecurityContext,
} from 'webex-user-rules/xml'
import { newUserOf } from 'webex-user-rules/new-user'
import type { UserStore } from './store.js'

/** The path Webex serves the XML API on. */
export const XML_SERVICE_PATH = '/WBXService/XMLService'

/** 030002, as the real server words it (corpus response-failure-java-030002). */
export const INCORRECT_USER_OR_PASSWORD = { exceptionID: '030002', reason: 'Incorrect user or password' } as const

export interface ServerOptions {
  /** Receives one line per request and per effect. Default: nothing is logged. */
  readonly log?: (line: string) => void
}

// -------------------------------------------------------------------------------------
// serialisation
// -------------------------------------------------------------------------------------

/** Runs tasks with the same key one after another, in arrival order. */
class KeyedQueue {
  readonly #tails = new Map<string, Promise<void>>()

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve()
    const result = previous.then(task)
    const tail = result.then(
      () => undefined,
      () => undefined,
    )
    this.#tails.set(key, tail)
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key)
    })
    return result
  }
}

const SITE_KEY = '\u0000site'

/** R6 and R14 read other users: such requests also take the site-wide turn. */
const touchesSite = (body: SetUserBody): boolean =>
  body.active !== undefined || body.privilege?.attendeeOnly !== undefined || body.newWebExId !== undefined

// -------------------------------------------------------------------------------------
// the operations
// -------------------------------------------------------------------------------------

interface Caller {
  readonly user: User
}

const resolveCaller = async (store: UserStore, context: SecurityContext): Promise<Caller | undefined> => {
  if (context.webExID === undefined) return undefined
  const user = await store.get(context.webExID)
  if (user === undefined) return undefined
  if (user.password !== undefined && context.password !== undefined && user.password !== context.password)
    return undefined
  return { user }
}

const digits = (n: number): string => Array.from({ length: n }, () => String(randomInt(10))).join('')

/** Carries out the effects that change stored data; returns the user to store. */
const withGeneratedCodes = (user: User, effects: readonly Effect[]): User => {
  const indexes = new Set(effects.flatMap((e) => (e.kind === 'generateAccessCodes' ? [e.accountIndex] : [])))
  const accounts = user.personalTeleconf?.account
  if (indexes.size === 0 || accounts === undefined) return user
  return {
    ...user,
    personalTeleconf: {
      ...user.personalTeleconf,
      account: accounts.map((account) =>
        indexes.has(account.accountIndex)
          ? {
              ...account,
              subscriberAccessCode: digits(8),
              participantFullAccessCode: digits(8),
              participantLimitedAccessCode: digits(8),
            }
          : account,
      ),
    },
  }
}

const setUser = async (
  store: UserStore,
  caller: Caller,
  body: SetUserBody,
  log: (line: string) => void,
): Promise<string> => {
  const target = await store.get(body.webExId)
  if (target === undefined) return renderFailureResponse(userNotFound(body.webExId))
  const site = await store.siteContext(target.webExId)
  const role = callerRole(caller.user)
  // D-R20: the store is case-insensitive, so the engine gets the stored spelling
  const result = applySetUser(target, site, {
    caller: { webExId: caller.user.webExId, role },
    body: { ...body, webExId: target.webExId },
  })
  log(
    `SetUser ${target.webExId} by ${caller.user.webExId} (${role}): ${E.isLeft(result) ? `FAILURE ${result.left.exceptionID} ${result.left._tag}` : 'SUCCESS'}`,
  )
  if (E.isRight(result)) {
    const { user, effects } = result.right
    await store.put(target.webExId, withGeneratedCodes(user, effects))
    for (const effect of effects) {
      const { kind, ...details } = effect
      log(`  effect ${kind} ${JSON.stringify({ webExId: user.webExId, ...details })}`)
    }
  }
  return renderSetUserResponse(result)
}

const logEffects = (webExId: string, effects: readonly Effect[], log: (line: string) => void): void => {
  for (const effect of effects) {
    const { kind, ...details } = effect
    log(`  effect ${kind} ${JSON.stringify({ webExId, ...details })}`)
  }
}

const outcome = (result: E.Either<SetUserError, unknown>): string =>
  E.isLeft(result) ? `FAILURE ${result.left.exceptionID} ${result.left._tag}` : 'SUCCESS'

const createUser = async (
  store: UserStore,
  caller: Caller,
  body: CreateUserBody,
  log: (line: string) => void,
): Promise<string> => {
  // every stored name and e-mail is taken for a new user ('' names nobody)
  const site = await store.siteContext('')
  // what a real site stores for a new user, registered now (D-NU)
  const result = applyCreateUser(
    site,
    { caller: { webExId: caller.user.webExId, role: callerRole(caller.user) }, body },
    newUserOf({ registeredAt: Date.now() }),
  )
  log(`CreateUser ${body.webExId ?? '(none)'} by ${caller.user.webExId}: ${outcome(result)}`)
  if (E.isLeft(result)) return renderCreateUserResponse(result)
  const { user, effects } = result.right
  const userId = await store.create(withGeneratedCodes(user, effects))
  logEffects(user.webExId, effects, log)
  return renderCreateUserResponse(result, userId)
}

const delUser = async (
  store: UserStore,
  caller: Caller,
  body: DelUserBody,
  log: (line: string) => void,
): Promise<string> => {
  const [site, users] = [await store.siteContext(''), await store.list()]
  const result = applyDelUser(site, users, {
    caller: { webExId: caller.user.webExId, role: callerRole(caller.user) },
    body,
  })
  log(`DelUser ${body.webExId.join(',')} by ${caller.user.webExId}: ${outcome(result)}`)
  if (E.isRight(result)) {
    for (const o of result.right.results) {
      if (o.status === 'SUCCESS') {
        await store.put(o.webExId, o.user)
        logEffects(o.webExId, o.effects, log)
      }
    }
  }
  return renderDelUserResponse(result)
}

const setActive = async (
  operation: 'ActivateUser' | 'InactivateUser',
  store: UserStore,
  caller: Caller,
  body: ActivationBody,
  log: (line: string) => void,
): Promise<string> => {
  const [site, users] = [await store.siteContext(''), await store.list()]
  const apply = operation === 'ActivateUser' ? applyActivateUser : applyInactivateUser
  const result = apply(site, users, { caller: { webExId: caller.user.webExId, role: callerRole(caller.user) }, body })
  log(`${operation} ${body.webexID ?? String(body.userID)} by ${caller.user.webExId}: ${outcome(result)}`)
  if (E.isRight(result)) {
    await store.put(result.right.user.webExId, result.right.user)
    logEffects(result.right.user.webExId, result.right.effects, log)
  }
  return renderActivationResponse(operation, result)
}

const getUser = async (
  store: UserStore,
  caller: Caller,
  webExId: string,
  log: (line: string) => void,
): Promise<string> => {
  const role = callerRole(caller.user)
  const target = await store.get(webExId)
  // D-X14: admins (read-only ones too) read anyone; everyone else only themselves
  const mayRead = role === 'siteAdmin' || role === 'roSiteAdmin' || target?.webExId === caller.user.webExId
  log(`GetUser ${webExId} by ${caller.user.webExId} (${role})`)
  if (!mayRead) return renderFailureResponse(noPrivilege([]))
  return target === undefined ? renderFailureResponse(userNotFound(webExId)) : renderGetUserResponse(target)
}

// -------------------------------------------------------------------------------------
// HTTP
// -------------------------------------------------------------------------------------

const XML_TYPE = 'text/xml; charset=UTF-8'

const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': XML_TYPE, ...headers })
  res.end(body)
}

const tooLarge = (): SetUserError =>
  invalidRequest([
    {
      source: 'message',
      code: 'limit',
      path: '',
      expected: `a message of at most ${String(MAX_MESSAGE_BYTES)} bytes`,
      actual: 'more',
    },
  ])

/** Reads the body, or undefined once it passes the limit (the 413 is already sent then). */
const readBody = (req: IncomingMessage, res: ServerResponse): Promise<Uint8Array | undefined> =>
  new Promise((resolve, reject) => {
    const refuse = (): void => {
      send(res, 413, renderFailureResponse(tooLarge()), { connection: 'close' })
      res.on('finish', () => req.destroy())
      resolve(undefined)
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_MESSAGE_BYTES) {
      refuse()
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_MESSAGE_BYTES) {
        req.removeAllListeners('data')
        req.pause()
        refuse()
      } else chunks.push(chunk)
    })
    req.on('end', () => {
      if (size <= MAX_MESSAGE_BYTES) resolve(Buffer.concat(chunks))
    })
    req.on('error', reject)
  })

/**
 * The XML service without HTTP: request bytes in, the answer out. One handler keeps one set of
 * turns (the serialisation above), so every request of a store must go through the same handler;
 * the conformance kit calls it in-process.
 *
 * @example
 * ```ts
 * const answer = createXmlHandler(store)
 * await answer(new TextEncoder().encode(xml)) // a serv:message
 * ```
 */
export const createXmlHandler = (
  store: UserStore,
  options: ServerOptions = {},
): ((bytes: Uint8Array) => Promise<string>) => {
  const log = options.log ?? ((): void => undefined)
  const queue = new KeyedQueue()

  return async (bytes: Uint8Array): Promise<string> => {
    const text = decodeXmlBytes(bytes)
    if (E.isLeft(text)) return renderFailureResponse(text.left)
    const request = parseRequestMessage(text.right)
    if (E.isLeft(request)) {
      log(`request refused: ${request.left.reason}`)
      return renderFailureResponse(request.left)
    }
    const message = request.right
    const caller = await resolveCaller(store, message.securityContext)
    if (caller === undefined) {
      log(`unknown caller ${message.securityContext.webExID ?? '(none)'}`)
      return renderFailureResponse(INCORRECT_USER_OR_PASSWORD)
    }
    switch (message.operation) {
      case 'GetUser':
        return getUser(store, caller, message.body.webExId, log)
      case 'SetUser': {
        const { body } = message
        const perUser = (): Promise<string> =>
          queue.run(body.webExId.toLowerCase(), () => setUser(store, caller, body, log))
        return touchesSite(body) ? queue.run(SITE_KEY, perUser) : perUser()
      }
      // these change who exists or who is counted: the site-wide turn, then every user's turn is moot
      case 'CreateUser':
        return queue.run(SITE_KEY, () => createUser(store, caller, message.body, log))
      case 'DelUser':
        return queue.run(SITE_KEY, () => delUser(store, caller, message.body, log))
      case 'ActivateUser':
      case 'InactivateUser':
        return queue.run(SITE_KEY, () => setActive(message.operation, store, caller, message.body, log))
      case 'LstsummaryUser': {
        const result = applyLstsummaryUser(await store.siteContext(''), await store.list(), {
          caller: { webExId: caller.user.webExId, role: callerRole(caller.user) },
          body: message.body,
        })
        return renderLstsummaryUserResponse(result)
      }
      case 'GetlogouturlUser':
        return renderGetlogouturlUserResponse(
          applyGetlogouturlUser(await store.siteContext(''), await store.list(), {
            caller: { webExId: caller.user.webExId, role: callerRole(caller.user) },
            body: message.body,
          }),
        )
      // the example keeps no tickets; the service package issues and checks them
      case 'AuthenticateUser':
      case 'GetLoginTicket':
      case 'GetloginurlUser':
        return renderFailureResponse({ exceptionID: '000000', reason: 'Fail to forward request:null' })
    }
  }
}

/**
 * The HTTP server for a store. Call `listen` on it; it does nothing until then.
 *
 * @example
 * ```ts
 * const store = UserStore.create(JSON.parse(readFileSync('seed.json', 'utf8')))
 * if (E.isRight(store)) createServer(store.right).listen(8080)
 * ```
 */
export const createServer = (store: UserStore, options: ServerOptions = {}): Server => {
  const log = options.log ?? ((): void => undefined)
  const answer = createXmlHandler(store, options)

  return createHttpServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]
    if (path !== XML_SERVICE_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n')
      return
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { 'content-type': 'text/plain', allow: 'POST' }).end('Method not allowed\n')
      return
    }
    readBody(req, res)
      .then(async (bytes) => {
        if (bytes !== undefined) send(res, 200, await answer(bytes))
      })
      .catch((thrown: unknown) => {
        // not reachable with the in-memory store; a real store's I/O errors would land here
        log(`internal error: ${thrown instanceof Error ? thrown.message : String(thrown)}`)
        if (!res.headersSent)
          send(res, 500, renderFailureResponse({ exceptionID: '000035', reason: 'Service not responding' }))
      })
  })
}
