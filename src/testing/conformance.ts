/**
 * The conformance kit: a model-based test of a running User-service endpoint. It creates its own
 * users (names under a reserved prefix), sends generated requests from generated callers through
 * the wire, and compares every answer and the GetUser view of every one of its users afterwards
 * with the engine's prediction. Concurrent rounds send 2–6 requests at once and search for a
 * serial order of them that explains every answer and the state after the round.
 *
 * The model is the engine itself (`applySetUser`, `applyCreateUser`, …) on the kit's own users;
 * what it cannot see — users outside the prefix — is given by `site` (D-K2).
 */
import * as E from '#fp-ts/Either.js'
import fc from 'fast-check'
import {
  applyActivateUser,
  applyCreateUser,
  applyDelUser,
  applyGetUser,
  applyInactivateUser,
  applySetUser,
  type Caller,
  type CallerRole,
  callerRole,
  countActiveHosts,
  isPlainObject,
  type CreateUserBody,
  type Effect,
  type SetUserBody,
  type SetUserError,
  type SiteContext,
  type User,
} from '../index.js'
import {
  parseAuthenticateUserResponse,
  parseCreateUserResponse,
  parseDelUserResponse,
  parseGetUserResponse,
  parseRequestMessage,
  parseResponseStatus,
  type RequestMessage,
  renderGetUserResponse,
  type SecurityContext,
} from '../xml/index.js'
import { newUserOf } from '../newUser/index.js'
import { adminBodyArb, selfServiceBodyArb } from './model.js'
import { createUserBodyArb } from './operations.js'
import { type ClientStyle, clientStyleArb, PLAIN_STYLE, renderClientMessage } from './wire.js'

// -------------------------------------------------------------------------------------
// options and report
// -------------------------------------------------------------------------------------

/** Sends one request message and resolves to the answer (an XML `serv:message`). */
export type Send = (xml: string) => Promise<string>

/**
 * What the kit must know about the site and cannot learn through the User service: the settings
 * the engine reads, and how many hosts are active outside the kit's own users (D-K2).
 */
export interface ConformanceSite {
  /** The site's host limit; absent = unlimited. */
  readonly hostLimit?: number
  /** Active hosts on the site besides the kit's users (default 0). */
  readonly otherActiveHosts?: number
  readonly allowUserToChangeUserName?: boolean
  readonly productIds?: readonly number[]
  readonly controlHubManaged?: boolean
  readonly features?: Readonly<Record<string, boolean>>
  readonly telephony?: SiteContext['telephony']
  readonly usesSSO?: boolean
  /** The site's time zone: a created user's (D-NU-3); absent = Webex's San Jose. */
  readonly timeZoneID?: number
  /** The languages the site offers: a created user's comes from them (D-NU-5). */
  readonly languages?: SiteContext['languages']
}

/** The options of {@link checkConformance}. */
export interface ConformanceOptions {
  /** The endpoint: `httpSender(url)` or an in-process handler. */
  readonly send: Send
  /** A site administrator's credentials; the kit acts as this user and never changes it. */
  readonly admin: { readonly webExId: string; readonly password: string }
  readonly site?: ConformanceSite
  /** Sent in every request's securityContext besides webExID and password (e.g. `siteName`). */
  readonly securityContext?: Omit<SecurityContext, 'webExID' | 'password'>
  /** Runs (generated sequences), default 20. */
  readonly runs?: number
  /** The fast-check seed; the report names it so a failure replays. */
  readonly seed?: number
  /** The largest concurrent round (1 = serial only, at most 6; default 4). */
  readonly concurrency?: number
  /**
   * Authenticate the admin of concurrent rounds (and of the reads that check them) by a session
   * ticket from AuthenticateUser, fetched once per run (default true; falls back to the password
   * when the endpoint gives none). A password costs the server a deliberately slow hash per request,
   * which spreads a round's requests tens of milliseconds apart: they would rarely overlap (D-KT-1).
   */
  readonly adminTicket?: boolean
  /** Steps per run at most (default 10). */
  readonly maxSteps?: number
  /** Distinguishes this run's users from earlier runs with the same seed (default: random). */
  readonly runId?: string
  /**
   * Stops generating and shrinking after this long (ms): a failure found by then is reported with the
   * shortest history found so far; without one, `interrupted` says fewer runs were made.
   */
  readonly timeLimitMs?: number
  /**
   * Runs spent shrinking a failure, at most (default 200). Against a racy endpoint every attempt is
   * a whole run over the wire and most do not meet the race again; past the budget the remaining
   * candidates are passed without being sent, and the shortest failing history so far is reported.
   */
  readonly shrinkRuns?: number
  /** A failure's `replayPath` (with its seed): runs that one sequence again. */
  readonly replayPath?: string
  /** Called after each run. */
  readonly onProgress?: (done: number, total: number) => void
}

/** The kinds of disagreement the kit reports. */
export type DisagreementKind =
  'result' | 'exceptionID' | 'delUserStatuses' | 'getUserView' | 'state' | 'noSerialOrder' | 'unreadableAnswer'

/** One request and its answer, as sent (passwords redacted). */
export interface Exchange {
  readonly operation: RequestMessage['operation']
  readonly request: string
  readonly answer: string
  /** What the model expected, in words (`SUCCESS`, `FAILURE 030001`, …). */
  readonly expected?: string
}

/** One step of a failing run: a request, or a concurrent round of them. */
export interface HistoryStep {
  readonly round: 'serial' | 'concurrent'
  readonly exchanges: readonly Exchange[]
}

/** A disagreement between the endpoint and the model. */
export interface Disagreement {
  readonly kind: DisagreementKind
  readonly message: string
  readonly expected?: string
  readonly actual?: string
}

/** The outcome of {@link checkConformance}; plain JSON. */
export interface ConformanceReport {
  /** True when every answer agreed with the model. */
  readonly conforms: boolean
  /** Set when the kit could not run (unreachable endpoint, bad admin credentials). */
  readonly unusable?: string
  readonly seed: number
  readonly runId: string
  readonly runs: number
  readonly operationsSent: number
  readonly byOperation: Readonly<Record<string, number>>
  readonly checks: number
  readonly disagreements: readonly Disagreement[]
  /** The shrunk failing run: every step as XML, with the model's expectations. */
  readonly history?: readonly HistoryStep[]
  /** True when `timeLimitMs` cut the check short. */
  readonly interrupted?: boolean
  /** The run (1-based) that failed first, before shrinking. */
  readonly failedAtRun?: number
  /** Shrinking steps that still failed. */
  readonly shrinks?: number
  /** fast-check's replay path: pass it with the seed to replay the same run. */
  readonly replayPath?: string
}

// -------------------------------------------------------------------------------------
// generated programs: symbolic commands resolved against the model when they run
// -------------------------------------------------------------------------------------

const SLOTS = 4
const RENAME_SLOTS = 2

/** Who sends a command: the admin, one of the kit's users, or one of them with a wrong password. */
type Who = { readonly kind: 'admin' } | { readonly kind: 'user' | 'wrongPassword'; readonly slot: number }

type Command =
  | { readonly op: 'CreateUser'; readonly slot: number; readonly body: CreateUserBody; readonly emailOf: number }
  | {
      readonly op: 'SetUser'
      readonly who: Who
      readonly slot: number
      readonly upperCase: boolean
      readonly body: SetUserBody
      readonly rename: number | undefined
    }
  | { readonly op: 'GetUser'; readonly who: Who; readonly slot: number }
  | { readonly op: 'DelUser'; readonly who: Who; readonly slots: readonly number[]; readonly sync: boolean }
  | {
      readonly op: 'ActivateUser' | 'InactivateUser'
      readonly who: Who
      readonly slot: number
      readonly byUserId: boolean
    }

type Step =
  | { readonly kind: 'serial'; readonly command: Command; readonly style: ClientStyle }
  | { readonly kind: 'concurrent'; readonly commands: readonly Command[]; readonly style: ClientStyle }

const slotArb = fc.nat(SLOTS - 1)
const whoArb: fc.Arbitrary<Who> = fc.oneof(
  { arbitrary: fc.constant<Who>({ kind: 'admin' }), weight: 5 },
  { arbitrary: slotArb.map((slot): Who => ({ kind: 'user', slot })), weight: 4 },
  { arbitrary: slotArb.map((slot): Who => ({ kind: 'wrongPassword', slot })), weight: 1 },
)

/**
 * A SetUser body that changes one field of My Profile to a value of its own: guarded by the user's
 * lock alone (no host count, name or e-mail), so two of them on one user, or one beside an
 * activation, lose an update when that lock is missing (D-KT-2).
 */
const touchBodyArb: fc.Arbitrary<SetUserBody> = fc
  .record({ field: fc.constantFrom('firstName', 'lastName', 'title', 'company'), value: fc.nat(9999) })
  .map(({ field, value }): SetUserBody => ({ webExId: 'x', [field]: `Kit${String(value)}` }))

const commandArb = (
  who: fc.Arbitrary<Who>,
  slot: fc.Arbitrary<number> = slotArb,
  setUserBody: fc.Arbitrary<SetUserBody> = fc.oneof(adminBodyArb, selfServiceBodyArb),
  createBody: fc.Arbitrary<CreateUserBody> = createUserBodyArb(['x']),
): fc.Arbitrary<Command> =>
  fc.oneof(
    {
      arbitrary: fc
        .record({ slot, body: createBody, emailOf: fc.nat(SLOTS) })
        .map((c): Command => ({ op: 'CreateUser', ...c })),
      weight: 2,
    },
    {
      arbitrary: fc
        .record({
          who,
          slot,
          upperCase: fc.boolean(),
          body: setUserBody,
          rename: fc.option(fc.nat(SLOTS + RENAME_SLOTS - 1), { nil: undefined, freq: 4 }),
        })
        .map((c): Command => ({ op: 'SetUser', ...c })),
      weight: 8,
    },
    { arbitrary: fc.record({ who, slot }).map((c): Command => ({ op: 'GetUser', ...c })), weight: 2 },
    {
      arbitrary: fc
        .record({ who, slots: fc.array(slot, { minLength: 1, maxLength: 3 }), sync: fc.boolean() })
        .map((c): Command => ({ op: 'DelUser', ...c })),
      weight: 1,
    },
    {
      arbitrary: fc
        .record({
          op: fc.constantFrom('ActivateUser' as const, 'InactivateUser' as const),
          who,
          slot,
          byUserId: fc.boolean(),
        })
        .map((c): Command => c),
      weight: 3,
    },
  )

const stepArb = (concurrency: number): fc.Arbitrary<Step> => {
  const serial = fc
    .record({ command: commandArb(whoArb), style: clientStyleArb })
    .map((s): Step => ({ kind: 'serial', ...s }))
  if (concurrency < 2) return serial
  // concurrent rounds are sent by the admin: a caller whose rights change within the round would
  // make "which order" ambiguous for reasons that are not races of the endpoint (D-K4)
  const admin = fc.constant<Who>({ kind: 'admin' })
  const concurrent = fc
    .record({
      commands: fc.array(commandArb(admin), { minLength: 2, maxLength: concurrency }),
      style: clientStyleArb,
    })
    .map((s): Step => ({ kind: 'concurrent', ...s }))
  // hot rounds: every request on one or two users, mostly one-field SetUsers and (de)activations,
  // so conflicting writes meet on the same rows (D-KT-2)
  // mostly the two users every run starts with, sometimes a free slot (CreateUsers racing for a name)
  const hotSlotArb = fc.oneof(
    { arbitrary: fc.constant(0), weight: 3 },
    { arbitrary: fc.constant(1), weight: 2 },
    { arbitrary: slotArb, weight: 2 },
  )
  const hot = fc
    .uniqueArray(hotSlotArb, { minLength: 1, maxLength: 2 })
    .chain((slots) =>
      fc.record({
        commands: fc.array(
          commandArb(
            admin,
            fc.constantFrom(...slots),
            fc.oneof({ arbitrary: touchBodyArb, weight: 3 }, { arbitrary: adminBodyArb, weight: 1 }),
            // mostly a plain host, so two creations race for the last host seat and for one name
            fc.oneof(
              { arbitrary: fc.nat(SLOTS - 1).map(baseBody), weight: 2 },
              { arbitrary: createUserBodyArb(['x']), weight: 1 },
            ),
          ),
          { minLength: 2, maxLength: concurrency },
        ),
        style: clientStyleArb,
      }),
    )
    .map((s): Step => ({ kind: 'concurrent', ...s }))
  return fc.oneof({ arbitrary: serial, weight: 2 }, { arbitrary: concurrent, weight: 1 }, { arbitrary: hot, weight: 3 })
}

// -------------------------------------------------------------------------------------
// the model
// -------------------------------------------------------------------------------------

interface KitUser {
  readonly user: User
  /** Names the user had before renames (R14: still taken). */
  readonly prior: readonly string[]
  /** PCN accounts whose access codes the server generated and the model learns from it. */
  readonly pendingCodes: readonly number[]
}

interface ModelState {
  readonly users: readonly (KitUser | undefined)[]
}

const key = (name: string): string => name.toLowerCase()

interface Context {
  readonly prefix: string
  readonly securityContext: Omit<SecurityContext, 'webExID' | 'password'>
  readonly admin: { readonly webExId: string; readonly password: string }
  readonly adminRole: CallerRole
  /** The admin's session ticket for this run (concurrent rounds and the kit's reads), if the endpoint gave one. */
  readonly adminTicket: string | undefined
  readonly site: ConformanceSite
}

const slotName = (ctx: Context, slot: number): string => `${ctx.prefix}u${String(slot)}`
const renameName = (ctx: Context, i: number): string => `${ctx.prefix}n${String(i)}`
const kitEmail = (ctx: Context, i: number): string => `${ctx.prefix}m${String(i)}@conformance.invalid`

const currentName = (ctx: Context, state: ModelState, slot: number): string =>
  state.users[slot]?.user.webExId ?? slotName(ctx, slot)

const slotOf = (state: ModelState, name: string): number =>
  state.users.findIndex((u) => u !== undefined && key(u.user.webExId) === key(name))

const kitUsers = (state: ModelState): User[] => state.users.flatMap((u) => (u === undefined ? [] : [u.user]))

/** The site as the engine needs it for a request about `webExId` ('' for none): the server's view of it. */
const siteFor = (ctx: Context, state: ModelState, webExId: string): SiteContext => {
  const others = state.users.filter((u): u is KitUser => u !== undefined && key(u.user.webExId) !== key(webExId))
  const s = ctx.site
  return {
    ...(s.hostLimit === undefined ? {} : { hostLimit: s.hostLimit }),
    activeHostCount: (s.otherActiveHosts ?? 0) + countActiveHosts(kitUsers(state)),
    allowUserToChangeUserName: s.allowUserToChangeUserName ?? false,
    takenWebExIds: others.flatMap((u) => [u.user.webExId, ...u.prior]),
    takenEmails: others.flatMap((u) => (u.user.email === undefined ? [] : [u.user.email])),
    productIds: [...(s.productIds ?? [])],
    controlHubManaged: s.controlHubManaged ?? false,
    ...(s.features === undefined ? {} : { features: s.features }),
    ...(s.telephony === undefined ? {} : { telephony: s.telephony }),
    ...(s.usesSSO === undefined ? {} : { usesSSO: s.usesSSO }),
    ...(s.timeZoneID === undefined ? {} : { timeZoneID: s.timeZoneID }),
    ...(s.languages === undefined ? {} : { languages: s.languages }),
  }
}

const codesOf = (effects: readonly Effect[]): number[] =>
  effects.flatMap((e) => (e.kind === 'generateAccessCodes' ? [e.accountIndex] : []))

const withUser = (state: ModelState, slot: number, next: KitUser): ModelState => ({
  users: Array.from({ length: SLOTS }, (_, i) => (i === slot ? next : state.users[i])),
})

const updated = (previous: KitUser, user: User, effects: readonly Effect[]): KitUser => ({
  user,
  prior: key(previous.user.webExId) === key(user.webExId) ? previous.prior : [...previous.prior, previous.user.webExId],
  pendingCodes: [...new Set([...previous.pendingCodes, ...codesOf(effects)])],
})

/** What an answer says, as the kit compares it. */
interface Answer {
  readonly result: 'SUCCESS' | 'FAILURE'
  readonly exceptionID?: string
  readonly users?: readonly { readonly webExId: string; readonly status: string }[]
  readonly view?: User
  readonly userId?: number
}

const describe = (a: Answer): string =>
  a.result === 'SUCCESS'
    ? `SUCCESS${a.users === undefined ? '' : ` ${a.users.map((u) => `${u.webExId}:${u.status}`).join(',')}`}`
    : `FAILURE ${a.exceptionID ?? '(no exceptionID)'}`

const failure = (error: Pick<SetUserError, 'exceptionID'>): Answer => ({
  result: 'FAILURE',
  exceptionID: error.exceptionID,
})

/** 030002, as the example server and Webex answer an unknown caller or a wrong password. */
const INCORRECT_USER_OR_PASSWORD: Answer = { result: 'FAILURE', exceptionID: '030002' }

const resolveCaller = (ctx: Context, state: ModelState, sc: SecurityContext): Caller | undefined => {
  const name = sc.webExID ?? ''
  if (key(name) === key(ctx.admin.webExId)) {
    const valid =
      sc.sessionTicket === undefined
        ? sc.password === ctx.admin.password
        : ctx.adminTicket !== undefined && sc.sessionTicket === ctx.adminTicket
    return valid ? { webExId: ctx.admin.webExId, role: ctx.adminRole } : undefined
  }
  const slot = slotOf(state, name)
  const user = state.users[slot]?.user
  if (user === undefined || user.password !== sc.password) return undefined
  return { webExId: user.webExId, role: callerRole(user) }
}

/**
 * The model's answer to `message` in `state`, and the state after it. `observed` supplies what
 * only the server can choose (CreateUser's userId; its registrationDate is learnt at the first read).
 */
const predict = (
  ctx: Context,
  state: ModelState,
  message: RequestMessage,
  observed: Answer | undefined,
): { readonly expected: Answer; readonly next: ModelState } => {
  const caller = resolveCaller(ctx, state, message.securityContext)
  if (caller === undefined) return { expected: INCORRECT_USER_OR_PASSWORD, next: state }
  switch (message.operation) {
    case 'SetUser': {
      const slot = slotOf(state, message.body.webExId)
      const target = state.users[slot]
      if (target === undefined) return { expected: { result: 'FAILURE', exceptionID: '030001' }, next: state }
      const result = applySetUser(target.user, siteFor(ctx, state, target.user.webExId), {
        caller,
        body: { ...message.body, webExId: target.user.webExId },
      })
      if (E.isLeft(result)) return { expected: failure(result.left), next: state }
      return {
        expected: { result: 'SUCCESS' },
        next: withUser(state, slot, updated(target, result.right.user, result.right.effects)),
      }
    }
    case 'CreateUser': {
      const result = applyCreateUser(siteFor(ctx, state, ''), { caller, body: message.body }, newUserOf())
      if (E.isLeft(result)) return { expected: failure(result.left), next: state }
      const slot = Number(/u([0-9]+)$/.exec(message.body.webExId ?? '')?.[1] ?? -1)
      const userId = observed?.userId
      const user = userId === undefined ? result.right.user : { ...result.right.user, userId }
      return {
        expected: { result: 'SUCCESS' },
        next: withUser(state, slot, { user, prior: [], pendingCodes: codesOf(result.right.effects) }),
      }
    }
    case 'GetUser': {
      const result = applyGetUser(kitUsers(state), { caller, body: message.body })
      if (E.isLeft(result)) return { expected: failure(result.left), next: state }
      const target = state.users[slotOf(state, message.body.webExId)]
      return {
        expected: { result: 'SUCCESS', ...(target === undefined ? {} : { view: target.user }) },
        next: state,
      }
    }
    case 'DelUser': {
      const result = applyDelUser(siteFor(ctx, state, ''), kitUsers(state), { caller, body: message.body })
      if (E.isLeft(result)) return { expected: failure(result.left), next: state }
      let next = state
      for (const outcome of result.right.results) {
        if (outcome.status !== 'SUCCESS') continue
        const slot = slotOf(next, outcome.webExId)
        const previous = next.users[slot]
        if (previous !== undefined) next = withUser(next, slot, updated(previous, outcome.user, outcome.effects))
      }
      return {
        expected: {
          result: 'SUCCESS',
          users: result.right.results.map((o) => ({ webExId: o.webExId, status: o.status })),
        },
        next,
      }
    }
    case 'ActivateUser':
    case 'InactivateUser': {
      const apply = message.operation === 'ActivateUser' ? applyActivateUser : applyInactivateUser
      const result = apply(siteFor(ctx, state, ''), kitUsers(state), { caller, body: message.body })
      if (E.isLeft(result)) return { expected: failure(result.left), next: state }
      const slot = slotOf(state, result.right.user.webExId)
      const previous = state.users[slot]
      return {
        expected: { result: 'SUCCESS' },
        next:
          previous === undefined
            ? state
            : withUser(state, slot, updated(previous, result.right.user, result.right.effects)),
      }
    }
    // the kit generates only the six user operations above; a message of another operation means a bug in the kit
    default:
      throw new Error(`the conformance model does not predict ${message.operation}`)
  }
}

/**
 * The model reads the message as the wire carries it: what the adapter parses from the XML sent
 * (a value a client cannot write, such as a whitespace-only name, is an InvalidRequest there too).
 */
const predictSent = (
  ctx: Context,
  state: ModelState,
  wire: E.Either<SetUserError, RequestMessage>,
  observed: Answer | undefined,
): { readonly expected: Answer; readonly next: ModelState } =>
  E.isLeft(wire) ? { expected: failure(wire.left), next: state } : predict(ctx, state, wire.right, observed)

// -------------------------------------------------------------------------------------
// comparing
// -------------------------------------------------------------------------------------

/** JSON with sorted keys: equal values, equal strings. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    isPlainObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  )

/** The model's user as a GetUser answer shows it (through the same renderer and parser). */
const asViewed = (user: User): User | undefined => {
  const parsed = parseGetUserResponse(renderGetUserResponse(user))
  return E.isRight(parsed) ? parsed.right : undefined
}

/** `MM/DD/YYYY HH:MM:SS`, as real GetUser answers write a registration date (D-NU-4). */
const REGISTRATION_DATE = /^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/

const CODE_KEYS = ['subscriberAccessCode', 'participantFullAccessCode', 'participantLimitedAccessCode'] as const

/**
 * The model's user with what the server chose itself taken from `seen`: the userId and the
 * registrationDate (the server's clock, D-NU-4) when the model does not know them, and the access
 * codes of accounts whose codes the server generated (R8).
 */
const adopt = (model: KitUser, seen: User): User => {
  let user = model.user
  if (user.userId === undefined && seen.userId !== undefined) user = { ...user, userId: seen.userId }
  // learnt only in the documented form: a malformed date stays a disagreement
  const seenDate = seen.registrationDate
  if (user.registrationDate === undefined && seenDate !== undefined && REGISTRATION_DATE.test(seenDate))
    user = { ...user, registrationDate: seenDate }
  const accounts = user.personalTeleconf?.account
  if (model.pendingCodes.length > 0 && accounts !== undefined) {
    const seenAccounts = seen.personalTeleconf?.account ?? []
    user = {
      ...user,
      personalTeleconf: {
        ...user.personalTeleconf,
        account: accounts.map((account) => {
          if (!model.pendingCodes.includes(account.accountIndex)) return account
          const theirs = seenAccounts.find((a) => a.accountIndex === account.accountIndex)
          const codes = Object.fromEntries(
            CODE_KEYS.flatMap((k) => (theirs?.[k] === undefined ? [] : [[k, theirs[k]]])),
          )
          return { ...account, ...codes }
        }),
      },
    }
  }
  return user
}

const sameView = (model: KitUser, seen: User): boolean => {
  const expected = asViewed(adopt(model, seen))
  return expected !== undefined && canonical(expected) === canonical(seen)
}

const answersAgree = (expected: Answer, actual: Answer, model: KitUser | undefined): DisagreementKind | undefined => {
  if (expected.result !== actual.result) return 'result'
  if (expected.result === 'FAILURE') return expected.exceptionID === actual.exceptionID ? undefined : 'exceptionID'
  if (expected.users !== undefined && canonical(expected.users) !== canonical(actual.users ?? []))
    return 'delUserStatuses'
  if (
    expected.view !== undefined &&
    (model === undefined || actual.view === undefined || !sameView(model, actual.view))
  )
    return 'getUserView'
  return undefined
}

/** Reads an answer for the kit; undefined when it is no readable `serv:message`. */
const readAnswer = (operation: RequestMessage['operation'], xml: string): Answer | undefined => {
  const status = parseResponseStatus(xml)
  if (E.isLeft(status)) return undefined
  const { result, exceptionID } = status.right
  if (result === 'FAILURE') return { result, ...(exceptionID === undefined ? {} : { exceptionID }) }
  switch (operation) {
    case 'GetUser': {
      const view = parseGetUserResponse(xml)
      return E.isLeft(view) ? undefined : { result, view: view.right }
    }
    case 'DelUser': {
      const users = parseDelUserResponse(xml)
      return E.isLeft(users) ? undefined : { result, users: users.right.users }
    }
    case 'CreateUser': {
      const created = parseCreateUserResponse(xml)
      if (E.isLeft(created)) return undefined
      return created.right.userId === undefined ? { result } : { result, userId: created.right.userId }
    }
    default:
      return { result }
  }
}

// -------------------------------------------------------------------------------------
// running
// -------------------------------------------------------------------------------------

/** Passwords (and other secrets of the securityContext) never reach a report (D-K6). */
export const redactSecrets = (xml: string): string =>
  xml.replace(
    /<((?:[A-Za-z_][\w.-]*:)?(?:password|sessionTicket|accessToken|PIN|hostPIN|subscriberAccessCode|participantFullAccessCode|participantLimitedAccessCode))>([^<]*)<\/\1>/g,
    (_m, tag: string) => `<${tag}>[redacted]</${tag}>`,
  )

class Disagreed extends Error {
  constructor(readonly disagreement: Disagreement) {
    super(`${disagreement.kind}: ${disagreement.message}`)
  }
}

interface Counters {
  operationsSent: number
  checks: number
  readonly byOperation: Record<string, number>
}

interface Run {
  readonly ctx: Context
  readonly send: Send
  readonly counters: Counters
  state: ModelState
  readonly history: HistoryStep[]
  /** Earlier runs' users the clean-up could not deactivate: hosts the site counts. */
  readonly leftoverHosts: { count: number }
}

/** How the admin proves who it is: its password, or the run's session ticket (D-KT-1). */
type Credential = 'password' | 'ticket'

const securityContextOf = (
  ctx: Context,
  state: ModelState,
  who: Who,
  credential: Credential = 'ticket',
): SecurityContext => {
  if (who.kind === 'admin')
    return credential === 'ticket' && ctx.adminTicket !== undefined
      ? { webExID: ctx.admin.webExId, sessionTicket: ctx.adminTicket, ...ctx.securityContext }
      : { webExID: ctx.admin.webExId, password: ctx.admin.password, ...ctx.securityContext }
  const user = state.users[who.slot]?.user
  const webExID = currentName(ctx, state, who.slot)
  const password = user?.password ?? 'none'
  return { webExID, password: who.kind === 'wrongPassword' ? `${password}-wrong` : password, ...ctx.securityContext }
}

/** A caller the sources say nothing about (inactive or locked account): the command is skipped (D-K4). */
const unusableCaller = (state: ModelState, who: Who): boolean => {
  if (who.kind !== 'user') return false
  const user = state.users[who.slot]?.user
  return user !== undefined && ((user.active ?? 'ACTIVATED') !== 'ACTIVATED' || user.security?.lockAccount === true)
}

/** The concrete message of a command in `state`, or undefined when its caller is unusable. */
const resolve = (
  ctx: Context,
  state: ModelState,
  command: Command,
  credential: Credential,
): RequestMessage | undefined => {
  if (command.op === 'CreateUser') {
    const { emailOf, slot } = command
    const email = emailOf < SLOTS ? (state.users[emailOf]?.user.email ?? kitEmail(ctx, slot)) : kitEmail(ctx, slot)
    const body = {
      ...command.body,
      webExId: slotName(ctx, slot),
      ...(command.body.email === undefined ? {} : { email }),
    }
    return {
      operation: 'CreateUser',
      securityContext: securityContextOf(ctx, state, { kind: 'admin' }, credential),
      body,
    }
  }
  if (unusableCaller(state, command.who)) return undefined
  const securityContext = securityContextOf(ctx, state, command.who, credential)
  switch (command.op) {
    case 'SetUser': {
      const name = currentName(ctx, state, command.slot)
      const { newWebExId: _generated, email: generatedEmail, ...rest } = command.body
      const rename =
        command.rename === undefined
          ? {}
          : {
              newWebExId:
                command.rename < SLOTS
                  ? currentName(ctx, state, command.rename)
                  : renameName(ctx, command.rename - SLOTS),
            }
      const email = generatedEmail === undefined ? {} : { email: kitEmail(ctx, command.slot + SLOTS * 2) }
      return {
        operation: 'SetUser',
        securityContext,
        body: { ...rest, ...email, ...rename, webExId: command.upperCase ? name.toUpperCase() : name },
      }
    }
    case 'GetUser':
      return { operation: 'GetUser', securityContext, body: { webExId: currentName(ctx, state, command.slot) } }
    case 'DelUser':
      return {
        operation: 'DelUser',
        securityContext,
        body: {
          webExId: command.slots.map((s) => currentName(ctx, state, s)),
          ...(command.sync ? { syncWebOffice: true } : {}),
        },
      }
    case 'ActivateUser':
    case 'InactivateUser': {
      const userId = state.users[command.slot]?.user.userId
      const body =
        command.byUserId && userId !== undefined
          ? { userID: userId }
          : { webexID: currentName(ctx, state, command.slot) }
      return { operation: command.op, securityContext, body }
    }
  }
}

const sendOne = async (
  run: Run,
  message: RequestMessage,
  style: ClientStyle,
): Promise<{ xml: string; answer: string }> => {
  const xml = renderClientMessage(message, style)
  run.counters.operationsSent++
  run.counters.byOperation[message.operation] = (run.counters.byOperation[message.operation] ?? 0) + 1
  return { xml, answer: await run.send(xml) }
}

/** GetUser (as the admin) of every kit user; compares each view with the model and adopts server-chosen values. */
const checkState = async (run: Run, step: HistoryStep): Promise<void> => {
  const { ctx } = run
  const users: (KitUser | undefined)[] = [...run.state.users]
  for (const [slot, model] of run.state.users.entries()) {
    if (model === undefined) continue
    const message: RequestMessage = {
      operation: 'GetUser',
      securityContext: securityContextOf(ctx, run.state, { kind: 'admin' }),
      body: { webExId: model.user.webExId },
    }
    const { xml, answer } = await sendOne(run, message, PLAIN_STYLE)
    run.counters.checks++
    const seen = parseGetUserResponse(answer)
    const expected = asViewed(model.user)
    if (E.isLeft(seen) || !sameView(model, seen.right)) {
      // the step is the last of the history: the read that disagreed joins it
      run.history.splice(-1, 1, {
        ...step,
        exchanges: [...step.exchanges, exchange(message, xml, answer, 'the GetUser view of the model')],
      })
      throw new Disagreed({
        kind: 'state',
        message: `after the ${step.round} step, GetUser ${model.user.webExId} differs from the model`,
        expected: redactSecrets(renderGetUserResponse(expected ?? model.user)),
        actual: redactSecrets(answer),
      })
    }
    users[slot] = { user: adopt(model, seen.right), prior: model.prior, pendingCodes: [] }
  }
  run.state = { users }
}

const exchange = (message: RequestMessage, xml: string, answer: string, expected?: string): Exchange => ({
  operation: message.operation,
  request: redactSecrets(xml),
  answer: redactSecrets(answer),
  ...(expected === undefined ? {} : { expected }),
})

const runSerial = async (run: Run, command: Command, style: ClientStyle): Promise<void> => {
  // generated serial requests keep the password: that path is part of what the kit checks
  const message = resolve(run.ctx, run.state, command, 'password')
  if (message === undefined) return
  const { xml, answer } = await sendOne(run, message, style)
  const actual = readAnswer(message.operation, answer)
  const { expected, next } = predictSent(run.ctx, run.state, parseRequestMessage(xml), actual)
  const step: HistoryStep = { round: 'serial', exchanges: [exchange(message, xml, answer, describe(expected))] }
  run.history.push(step)
  run.counters.checks++
  if (actual === undefined)
    throw new Disagreed({
      kind: 'unreadableAnswer',
      message: `${message.operation}: the answer is no readable serv:message`,
      actual: redactSecrets(answer),
    })
  const target = message.operation === 'GetUser' ? run.state.users[slotOf(run.state, message.body.webExId)] : undefined
  const kind = answersAgree(expected, actual, target)
  if (kind !== undefined)
    throw new Disagreed({
      kind,
      message: `${message.operation} answered ${describe(actual)}, the model expects ${describe(expected)}`,
      expected: describe(expected),
      actual: redactSecrets(answer),
    })
  run.state = next
  await checkState(run, step)
}

/** Every order of `items` whose answers all agree with the model, depth first; the first that fits the final views. */
const findOrder = (
  run: Run,
  state: ModelState,
  items: readonly {
    readonly message: RequestMessage
    readonly wire: E.Either<SetUserError, RequestMessage>
    readonly actual: Answer
  }[],
  fits: (final: ModelState) => boolean,
): number[] | undefined => {
  const search = (s: ModelState, left: readonly number[], order: number[]): number[] | undefined => {
    if (left.length === 0) return fits(s) ? order : undefined
    for (const i of left) {
      const item = items[i]
      if (item === undefined) continue
      const { expected, next } = predictSent(run.ctx, s, item.wire, item.actual)
      const target = item.message.operation === 'GetUser' ? s.users[slotOf(s, item.message.body.webExId)] : undefined
      if (answersAgree(expected, item.actual, target) !== undefined) continue
      const found = search(
        next,
        left.filter((j) => j !== i),
        [...order, i],
      )
      if (found !== undefined) return found
    }
    return undefined
  }
  return search(
    state,
    items.map((_, i) => i),
    [],
  )
}

const runConcurrent = async (run: Run, commands: readonly Command[], style: ClientStyle): Promise<void> => {
  const messages = commands.flatMap((c) => {
    const m = resolve(run.ctx, run.state, c, 'ticket')
    return m === undefined ? [] : [m]
  })
  const sent = await Promise.all(
    messages.map(async (message) => ({ message, ...(await sendOne(run, message, style)) })),
  )
  const items: {
    message: RequestMessage
    wire: E.Either<SetUserError, RequestMessage>
    actual: Answer
    exchange: Exchange
  }[] = []
  for (const { message, xml, answer } of sent) {
    const actual = readAnswer(message.operation, answer)
    run.counters.checks++
    if (actual === undefined) {
      run.history.push({ round: 'concurrent', exchanges: sent.map((s) => exchange(s.message, s.xml, s.answer)) })
      throw new Disagreed({
        kind: 'unreadableAnswer',
        message: `${message.operation}: the answer is no readable serv:message`,
        actual: redactSecrets(answer),
      })
    }
    items.push({ message, wire: parseRequestMessage(xml), actual, exchange: exchange(message, xml, answer) })
  }
  // the views after the round, read once; an order fits when its final state shows as they do
  const views = new Map<string, User | undefined>()
  const reads: Exchange[] = []
  const names = [
    ...run.state.users.flatMap((u) => (u === undefined ? [] : [u.user.webExId])),
    ...Array.from({ length: SLOTS }, (_, slot) => slotName(run.ctx, slot)),
    ...Array.from({ length: RENAME_SLOTS }, (_, i) => renameName(run.ctx, i)),
  ]
  for (const name of new Set(names.map(key))) {
    const message: RequestMessage = {
      operation: 'GetUser',
      securityContext: securityContextOf(run.ctx, run.state, { kind: 'admin' }),
      body: { webExId: name },
    }
    const { xml, answer } = await sendOne(run, message, PLAIN_STYLE)
    const seen = parseGetUserResponse(answer)
    views.set(name, E.isRight(seen) ? seen.right : undefined)
    if (E.isRight(seen)) reads.push(exchange(message, xml, answer, 'the state after the round'))
  }
  const fits = (final: ModelState): boolean =>
    [...views.entries()].every(([name, seen]) => {
      const model = final.users[slotOf(final, name)]
      return model === undefined ? seen === undefined : seen !== undefined && sameView(model, seen)
    })
  run.counters.checks++
  const order = findOrder(run, run.state, items, fits)
  if (order === undefined) {
    // the report shows the requests as sent, each with the model's answer in that order, then the state read after
    let state = run.state
    const asSent = items.map((item) => {
      const { expected, next } = predictSent(run.ctx, state, item.wire, item.actual)
      state = next
      return { ...item.exchange, expected: `${describe(expected)} (if run in the order sent)` }
    })
    run.history.push({ round: 'concurrent', exchanges: [...asSent, ...reads] })
    throw new Disagreed({
      kind: 'noSerialOrder',
      message: `no serial order of the ${String(items.length)} concurrent requests explains their answers and the state after them`,
      expected: 'answers and GetUser views of at least one serial order of the round',
      actual: items.map(({ message, actual }) => `${message.operation}: ${describe(actual)}`).join('; '),
    })
  }
  let state = run.state
  const explained: Exchange[] = []
  for (const i of order) {
    const item = items[i]
    if (item === undefined) continue
    const { expected, next } = predictSent(run.ctx, state, item.wire, item.actual)
    explained.push({ ...item.exchange, expected: describe(expected) })
    state = next
  }
  const ordered: HistoryStep = { round: 'concurrent', exchanges: explained }
  run.history.push(ordered)
  run.state = state
  await checkState(run, ordered)
}

/**
 * Deactivates every user the run created (the API has no erase; D-K3). Answers are not checked;
 * returns how many of them still count as active hosts (a deactivation the rules refuse), which
 * later runs add to the site's other hosts.
 */
const cleanUp = async (run: Run): Promise<number> => {
  // every name the run may have given a user, not only those the model knows: a server that
  // disagreed may hold users the model does not
  const names = [
    ...new Set(
      [
        ...run.state.users.flatMap((u) => (u === undefined ? [] : [u.user.webExId])),
        ...Array.from({ length: SLOTS }, (_, slot) => slotName(run.ctx, slot)),
        ...Array.from({ length: RENAME_SLOTS }, (_, i) => renameName(run.ctx, i)),
      ].map(key),
    ),
  ]
  const admin = securityContextOf(run.ctx, run.state, { kind: 'admin' })
  let remaining = 0
  try {
    await sendOne(run, { operation: 'DelUser', securityContext: admin, body: { webExId: names } }, PLAIN_STYLE)
    for (const webExId of names) {
      const { answer } = await sendOne(
        run,
        { operation: 'GetUser', securityContext: admin, body: { webExId } },
        PLAIN_STYLE,
      )
      const seen = parseGetUserResponse(answer)
      if (E.isRight(seen)) remaining += countActiveHosts([seen.right])
    }
  } catch {
    // the run's verdict stands; a failed clean-up leaves users under the prefix only
  }
  return remaining
}

const runProgram = async (run: Run, steps: readonly Step[]): Promise<void> => {
  try {
    // two users to start with, so every run has someone to work on
    await runSerial(run, { op: 'CreateUser', slot: 0, body: baseBody(0), emailOf: SLOTS }, PLAIN_STYLE)
    await runSerial(run, { op: 'CreateUser', slot: 1, body: baseBody(1), emailOf: SLOTS }, PLAIN_STYLE)
    for (const step of steps) {
      if (step.kind === 'serial') await runSerial(run, step.command, step.style)
      else await runConcurrent(run, step.commands, step.style)
    }
  } finally {
    run.leftoverHosts.count += await cleanUp(run)
  }
}

const baseBody = (slot: number): CreateUserBody => ({
  webExId: 'x',
  email: 'x@conformance.invalid',
  password: `Kit-pw-${String(slot)}x9`,
  firstName: 'Conformance',
  lastName: `Kit${String(slot)}`,
})

// -------------------------------------------------------------------------------------
// the entry point
// -------------------------------------------------------------------------------------

/** An error's message with its cause (fetch says "fetch failed" and puts ECONNREFUSED in the cause). */
const describeError = (thrown: unknown): string => {
  if (!(thrown instanceof Error)) return String(thrown)
  const cause: unknown = thrown.cause
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code
    return `${thrown.message} (${typeof code === 'string' ? code : cause.message})`
  }
  return thrown.message
}

/**
 * A session ticket for the admin (AuthenticateUser, the password in the securityContext), or
 * undefined when the endpoint gives none: the kit then sends the password everywhere.
 */
const fetchAdminTicket = async (options: ConformanceOptions, counters: Counters): Promise<string | undefined> => {
  const message: RequestMessage = {
    operation: 'AuthenticateUser',
    securityContext: { webExID: options.admin.webExId, password: options.admin.password, ...options.securityContext },
    body: {},
  }
  // the kit's own sign-in, like its first GetUser: sent, but not one of the operations under test
  counters.operationsSent++
  const answer = parseAuthenticateUserResponse(await options.send(renderClientMessage(message)))
  return E.isRight(answer) ? answer.right.sessionTicket : undefined
}

const randomId = (): string => Math.random().toString(36).slice(2, 8)

/**
 * Checks that the endpoint behind `send` answers the User service as the engine specifies.
 * Never throws: an unreachable endpoint or refused admin credentials give a report with
 * `unusable`, disagreements a report with `conforms: false` and the shrunk history.
 *
 * @example
 * ```ts
 * import { checkConformance } from 'webex-user-rules/testing'
 * import { renderFailureResponse } from 'webex-user-rules/xml'
 * // an endpoint that refuses every caller: the kit cannot run, and says why
 * const send = async () => renderFailureResponse({ exceptionID: '030002', reason: 'Incorrect user or password' })
 * const report = await checkConformance({ send, admin: { webExId: 'admin', password: 'secret' }, runs: 5, seed: 42 })
 * report.unusable //=> 'the admin credentials are refused (030002 Incorrect user or password)'
 * report.conforms //=> false
 * ```
 */
export const checkConformance = async (options: ConformanceOptions): Promise<ConformanceReport> => {
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff)
  const runId = options.runId ?? randomId()
  const runs = options.runs ?? 20
  const concurrency = Math.min(6, Math.max(1, options.concurrency ?? 4))
  const counters: Counters = { operationsSent: 0, checks: 0, byOperation: {} }
  const site = options.site ?? {}
  const base = { seed, runId, runs }
  const report = (rest: Partial<ConformanceReport> & Pick<ConformanceReport, 'conforms'>): ConformanceReport => ({
    ...base,
    operationsSent: counters.operationsSent,
    byOperation: { ...counters.byOperation },
    checks: counters.checks,
    disagreements: [],
    ...rest,
  })

  // the admin reads itself: proves the endpoint answers and the credentials work, and gives its role
  let adminRole: CallerRole
  try {
    const xml = renderClientMessage({
      operation: 'GetUser',
      securityContext: {
        webExID: options.admin.webExId,
        password: options.admin.password,
        ...options.securityContext,
      },
      body: { webExId: options.admin.webExId },
    })
    counters.operationsSent++
    const answer = await options.send(xml)
    const status = parseResponseStatus(answer)
    if (E.isLeft(status))
      return report({ conforms: false, unusable: 'the endpoint does not answer with a serv:message' })
    if (status.right.result !== 'SUCCESS')
      return report({
        conforms: false,
        unusable:
          `the admin credentials are refused (${status.right.exceptionID ?? ''} ${status.right.reason ?? ''})`.trim(),
      })
    const admin = parseGetUserResponse(answer)
    if (E.isLeft(admin)) return report({ conforms: false, unusable: "the admin's GetUser answer is unreadable" })
    adminRole = callerRole(admin.right)
    if (adminRole !== 'siteAdmin')
      return report({ conforms: false, unusable: `the admin is no site administrator (role ${adminRole})` })
  } catch (thrown) {
    return report({
      conforms: false,
      unusable: `the endpoint is unreachable: ${describeError(thrown)}`,
    })
  }

  let runIndex = 0
  const leftoverHosts = { count: 0 }
  let lastFailure: { disagreement: Disagreement; history: HistoryStep[] } | undefined
  let transportError: string | undefined
  let done = 0
  let shrinkRuns = 0
  let ticketsGiven = options.adminTicket !== false
  const property = fc.asyncProperty(
    fc.array(stepArb(concurrency), { minLength: 1, maxLength: options.maxSteps ?? 10 }),
    async (steps) => {
      if (lastFailure !== undefined && shrinkRuns++ >= (options.shrinkRuns ?? 200)) return
      // a ticket per run: a long check never outlives one (their time to live is the site's)
      let adminTicket: string | undefined
      try {
        if (ticketsGiven) adminTicket = await fetchAdminTicket(options, counters)
        // an endpoint that refused once (no AuthenticateUser) is not asked again
        ticketsGiven = adminTicket !== undefined
      } catch (thrown) {
        transportError ??= describeError(thrown)
        throw thrown
      }
      const ctx: Context = {
        adminTicket,
        prefix: `wurconf-${String(seed)}-${runId}-${(runIndex++).toString(36)}-`,
        admin: options.admin,
        securityContext: options.securityContext ?? {},
        adminRole,
        site: { ...site, otherActiveHosts: (site.otherActiveHosts ?? 0) + leftoverHosts.count },
      }
      const run: Run = { ctx, send: options.send, counters, state: { users: [] }, history: [], leftoverHosts }
      try {
        await runProgram(run, steps)
      } catch (thrown) {
        if (thrown instanceof Disagreed) lastFailure = { disagreement: thrown.disagreement, history: run.history }
        else transportError ??= describeError(thrown)
        throw thrown
      } finally {
        if (runIndex <= runs) options.onProgress?.(++done, runs)
      }
    },
  )
  const details = await fc.check(property, {
    numRuns: runs,
    seed,
    ...(options.replayPath === undefined ? {} : { path: options.replayPath }),
    ...(options.timeLimitMs === undefined ? {} : { plugins: [fc.interruptAfterTimeLimit(options.timeLimitMs)] }),
  })
  const interrupted = details.interrupted ? { interrupted: true, runs: details.numRuns } : {}
  if (!details.failed && lastFailure === undefined) return report({ conforms: true, ...interrupted })
  if (lastFailure === undefined)
    return report({ conforms: false, unusable: `the endpoint failed to answer: ${transportError ?? 'unknown error'}` })
  return report({
    ...interrupted,
    conforms: false,
    disagreements: [lastFailure.disagreement],
    history: lastFailure.history,
    failedAtRun: details.numRuns,
    shrinks: details.numShrinks,
    ...(details.counterexamplePath === null ? {} : { replayPath: details.counterexamplePath }),
  })
}
