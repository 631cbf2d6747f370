/**
 * The explain trace: the usual result of an operation plus, in pipeline order, which rule decided
 * each changed path, each ignored or reset value, each effect, each decision step and the error,
 * with the sentence of the reference page (or the decision) behind it.
 *
 * The trace is computed after the operation from its inputs and its result, by the rule rows of
 * `sources.ts`: the operations themselves are not touched, so a call that does not ask for a trace
 * costs exactly what it did (D-PG1). This module holds the trace's shape and the machinery every
 * operation's explain shares, with SetUser and CreateUser; `siblings.ts`, `list.ts` and `login.ts`
 * explain the other operations.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { applySetUser } from '../operations/setUser.js'
import type { OperationError } from '../errors/OperationError.js'
import type { SetUserError } from '../errors/SetUserError.js'
import type { CreateUserRequest } from '../model/operations.js'
import type { SetUserRequest } from '../model/request.js'
import type { Effect, Notice, SetUserResult } from '../model/result.js'
import type { SiteContext } from '../model/site.js'
import type { User } from '../model/user.js'
import { isPlainObject } from '../model/plain.js'
import { applyCreateUser } from '../operations/createUser.js'
import {
  EXPLAIN_STAGES,
  RULE_ROWS,
  type ChangeContext,
  type ExplainOperation,
  type ExplainStage,
  type RuleRow,
  type RuleSource,
} from './sources.js'

interface EntryBase {
  readonly stage: ExplainStage
  /** The rule id (`R7`, `D-OP1`), or `unexplained` when no rule row claims the entry. */
  readonly rule: string
  readonly title: string
  readonly source: RuleSource
  /**
   * DelUser only: the index, in request order, of the outcome (`results[i]`) this entry is about.
   * Absent on an entry about the request as a whole.
   */
  readonly outcome?: number
}

/**
 * A value in a decision step's `data`: plain, JSON-ready, never a secret.
 *
 * @category explain
 */
export type StepValue = string | number | boolean | readonly string[]

/**
 * One line of the explain trace: a changed path, a notice, an effect, the error, or — for the
 * operations that read and decide rather than change (GetUser, LstsummaryUser, the login
 * operations) and for the lookups of DelUser, ActivateUser and InactivateUser — a decision step
 * (`step`): who may, who was found, which filter, order and page, which credential and ticket.
 *
 * @category explain
 */
export type TraceEntry =
  | (EntryBase & {
      readonly kind: 'step'
      /** What was decided, for people; never a secret (no password, ticket or token). */
      readonly detail: string
      /** The same, for programs: e.g. `{ matched: 3, users: 10 }` for a filter. */
      readonly data: Readonly<Record<string, StepValue>>
    })
  | (EntryBase & {
      readonly kind: 'changed'
      readonly path: string
      /** Secrets (passwords, PINs, access codes) are shown as `******`. */
      readonly before: unknown
      readonly after: unknown
    })
  | (EntryBase & { readonly kind: Notice['kind']; readonly path: string; readonly message: string })
  | (EntryBase & { readonly kind: 'effect'; readonly effect: Effect })
  | (EntryBase & { readonly kind: 'error'; readonly error: OperationError })

/**
 * An operation's result and the trace that explains it: `Explained` (SetUser's result) for
 * SetUser, CreateUser, ActivateUser and InactivateUser, `Explained<DelUserResult>` for DelUser,
 * `Explained<GetUserView>` for GetUser, and the list and login operations' own results and
 * `OperationError`.
 *
 * @category explain
 */
export interface Explained<A = SetUserResult, L = SetUserError> {
  readonly result: E.Either<L, A>
  readonly trace: readonly TraceEntry[]
}

const UNEXPLAINED: Omit<EntryBase, 'stage'> = {
  rule: 'unexplained',
  title: 'no rule claims this',
  source: { kind: 'spec', text: '' },
}

// -------------------------------------------------------------------------------------
// changed paths
// -------------------------------------------------------------------------------------

const EMPTY: Readonly<Record<string, unknown>> = {}

/**
 * The element paths whose value differs, in the result's element order. Containers are walked,
 * a list is one path (R2 replaces it whole; R4 and R10 merge it by their own rules).
 */
const changedPaths = (before: unknown, after: unknown, path: string, out: string[]): void => {
  // untouched subtrees are the same objects in the result (R19): the walk follows the request
  if (before === after) return
  if (isPlainObject(before) || isPlainObject(after)) {
    const b = isPlainObject(before) ? before : EMPTY
    const a = isPlainObject(after) ? after : EMPTY
    for (const key of Object.keys(a)) changedPaths(b[key], a[key], path === '' ? key : `${path}.${key}`, out)
    for (const key of Object.keys(b)) {
      if (!Object.hasOwn(a, key)) changedPaths(b[key], undefined, path === '' ? key : `${path}.${key}`, out)
    }
    return
  }
  if (!sameJson(before, after)) out.push(path)
}

const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameJson(v, b[i]))
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a)
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]))
  }
  return false
}

/** The value at a dotted path of containers, and whether it is there. */
const lookup = (root: unknown, path: string): { readonly found: boolean; readonly value: unknown } => {
  let node: unknown = root
  for (const key of path.split('.')) {
    if (!isPlainObject(node) || !Object.hasOwn(node, key)) return { found: false, value: undefined }
    node = node[key]
  }
  return { found: true, value: node }
}

const SECRET = /(^|\.)(password|passwordHintAnswer|PIN|hostPIN|[a-zA-Z]*[aA]ccessCode|moderatorCode)$/
const MASK = '******'

/** The value with every secret inside it masked: a trace is shown to people (D-PG2). */
const redact = (value: unknown, path: string): unknown => {
  if (value === undefined) return undefined
  if (SECRET.test(path)) return MASK
  // a list of values holds no secret (secrets are named elements): it is shown as it is
  if (Array.isArray(value)) return value.some(isPlainObject) ? value.map((item) => redact(item, `${path}[]`)) : value
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(value)) out[key] = redact(child, `${path}.${key}`)
    return out
  }
  return value
}

// -------------------------------------------------------------------------------------
// the trace
// -------------------------------------------------------------------------------------

interface Ranked {
  readonly entry: TraceEntry
  readonly stage: number
  readonly order: number
}

/**
 * Within a stage: what the stage decided, what it wrote, then what it ignored or reset, then what
 * it asks for, then its error.
 */
const KIND_ORDER: Readonly<Record<TraceEntry['kind'], number>> = {
  step: 0,
  changed: 1,
  ignored: 2,
  reset: 2,
  warning: 2,
  effect: 3,
  error: 4,
}
const KINDS = 5

const base = (row: RuleRow | undefined, stage: ExplainStage): EntryBase =>
  row === undefined ? { ...UNEXPLAINED, stage } : { stage, rule: row.rule, title: row.title, source: row.source }

const rank = (entry: TraceEntry, order: number): Ranked => ({
  entry,
  stage: stageIndex(entry.stage) * KINDS + KIND_ORDER[entry.kind],
  order,
})

/** Where a stage comes in the pipeline (`EXPLAIN_STAGES`). */
export const stageIndex = (stage: ExplainStage): number => EXPLAIN_STAGES.indexOf(stage)

/**
 * The stages that ran before `stage` (every stage when `undefined`, i.e. the operation succeeded):
 * what a refused operation's steps may describe.
 */
export const stagesBefore = (stage: ExplainStage | undefined): ReadonlySet<ExplainStage> =>
  new Set(stage === undefined ? EXPLAIN_STAGES : EXPLAIN_STAGES.slice(0, stageIndex(stage)))

/**
 * A decision step of the rule row `rule` / `title`, in the row's stage unless `stage` says
 * otherwise. A row that is not there gives an `unexplained` step, which the explain laws refuse.
 */
export const step = (
  rule: string,
  title: string,
  detail: string,
  data: Readonly<Record<string, StepValue>> = {},
  stage?: ExplainStage,
): TraceEntry => {
  const row = RULE_ROWS.find((r) => r.rule === rule && r.title === title)
  return { ...base(row, stage ?? row?.stage ?? 'decode'), kind: 'step', detail, data }
}

/** The entries with `outcome` set (DelUser's per-user entries). */
export const forOutcome = (entries: readonly TraceEntry[], outcome: number): TraceEntry[] =>
  entries.map((entry) => ({ ...entry, outcome }))

/**
 * An explain function of an operation over the site's users (LstsummaryUser and the login
 * operations): the operation's own arguments, any after the request in `Extra`.
 */
export type ExplainOverUsers<R, A, Extra extends readonly unknown[] = readonly []> = (
  site: SiteContext,
  users: Iterable<User>,
  request: R,
  ...extra: Extra
) => Explained<A, OperationError>

/**
 * Runs `operation` over `users` and keeps what it read for the trace: an array as given (the
 * operation reads it as it is), any other iterable recorded while the operation walks it (it may be
 * one-shot, so the explanation must not read it again).
 */
export const overUsers = <A>(
  users: Iterable<User>,
  operation: (input: Iterable<User>) => A,
): { readonly result: A; readonly seen: () => readonly User[] } => {
  if (Array.isArray(users)) return { result: operation(users), seen: () => users as readonly User[] }
  const recorded: User[] = []
  const input: Iterable<User> = {
    *[Symbol.iterator]() {
      for (const user of users) {
        recorded.push(user)
        yield user
      }
    },
  }
  return { result: operation(input), seen: () => recorded }
}

/** The row that explains `error` in `operation`, and the stage it fails in. */
const errorEntry = (error: OperationError, operation: ExplainOperation): TraceEntry => {
  const row = RULE_ROWS.find((r) => r.error?.claims(error, operation) === true)
  return { ...base(row, row?.error?.stage ?? 'decode'), kind: 'error', error }
}

/**
 * The trace of a refused operation: the decision steps that ran before the error (those of an
 * earlier stage than the error's), then the error and the rule that answered with it. `steps`
 * is asked for only when the error comes after the stages it describes, so a step is never
 * computed from inputs the operation refused.
 */
export const traceOfError = (
  error: OperationError,
  operation: ExplainOperation,
  steps: (before: ExplainStage) => readonly TraceEntry[] = () => [],
): readonly TraceEntry[] => {
  const entry = errorEntry(error, operation)
  const limit = stageIndex(entry.stage)
  const ran = limit > 0 ? steps(entry.stage).filter((s) => stageIndex(s.stage) < limit) : []
  return [...ran, entry]
}

/** What a successful operation's trace is computed from. */
export interface Outcome {
  /** The user before the operation (`undefined` for CreateUser). */
  readonly before: User | undefined
  /** The user after it (GetUser: the view). */
  readonly after: unknown
  /** The body of the SetUser request the operation ran (for DelUser and (In)activateUser, of `active`). */
  readonly body: unknown
  readonly notices: readonly Notice[]
  readonly effects: readonly Effect[]
  readonly operation: ExplainOperation
  /** The decision steps (authorization, lookup, …). */
  readonly steps?: readonly TraceEntry[]
}

/** The trace of a successful operation, from its input user, its body and its result. */
export const traceOfSuccess = (
  before: User | undefined,
  body: unknown,
  result: SetUserResult,
  operation: ExplainOperation,
): readonly TraceEntry[] =>
  traceOf({ before, after: result.user, body, notices: result.notices, effects: result.effects, operation })

/** The trace of an outcome: its steps, changed paths, notices and effects in pipeline order. */
export const traceOf = (outcome: Outcome): readonly TraceEntry[] => {
  const { before, after, body, operation } = outcome
  const ranked: Ranked[] = (outcome.steps ?? []).map((entry, i) => rank(entry, i))
  const paths: string[] = []
  changedPaths(before, after, '', paths)
  for (const [i, path] of paths.entries()) {
    const beforeValue = lookup(before, path).value
    const afterValue = lookup(after, path).value
    const sent = lookup(body, path)
    const context: ChangeContext = {
      path,
      before: beforeValue,
      after: afterValue,
      sent: sent.value,
      isSent: sent.found,
      notices: outcome.notices,
      operation,
    }
    const row = RULE_ROWS.find((r) => r.change?.(context) === true)
    const stage = row?.stage ?? 'merge'
    const entry: TraceEntry = {
      ...base(row, stage),
      kind: 'changed',
      path,
      before: redact(beforeValue, path),
      after: redact(afterValue, path),
    }
    ranked.push(rank(entry, i))
  }
  for (const [i, notice] of outcome.notices.entries()) ranked.push(explainNotice(notice, i))
  for (const [i, effect] of outcome.effects.entries()) {
    const row = RULE_ROWS.find((r) => r.effects?.includes(effect.kind) === true)
    // effects keep the order the pipeline gives them in (D-§4)
    ranked.push(rank({ ...base(row, 'effects'), kind: 'effect', effect }, i))
  }
  ranked.sort((a, b) => a.stage - b.stage || a.order - b.order)
  return ranked.map((r) => r.entry)
}

const explainNotice = (notice: Notice, order: number): Ranked => {
  const row = RULE_ROWS.find((r) => r.notice?.(notice) === true)
  const entry: TraceEntry = {
    ...base(row, row?.stage ?? 'merge'),
    kind: notice.kind,
    path: notice.path,
    message: notice.message,
  }
  return rank(entry, order)
}

/**
 * `applySetUser` with an explanation: the same result, and a trace naming for every changed path,
 * every ignored or reset value, every effect and the error the rule that decided it and the
 * sentence of the reference page behind it, in pipeline order.
 *
 * @category explain
 * @example
 * ```ts
 * import { explainSetUser } from 'webex-user-rules/explain'
 * const site = { activeHostCount: 1, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false }
 * const { trace } = explainSetUser(
 *   { webExId: 'jdoe', meetingTypes: [1, 2, 3] },
 *   site,
 *   { caller: { webExId: 'admin', role: 'siteAdmin' }, body: { webExId: 'jdoe', meetingTypes: [105] } },
 * )
 * trace.map((t) => [t.kind, t.rule, t.kind === 'changed' ? t.path : '']) //=> [['changed', 'R2', 'meetingTypes']]
 * ```
 */
export const explainSetUser = (current: User, site: SiteContext, request: SetUserRequest): Explained => {
  const result = applySetUser(current, site, request)
  if (E.isLeft(result)) return { result, trace: traceOfError(result.left, 'SetUser') }
  // a Right means every input decoded: they are plain data of the model
  return { result, trace: traceOfSuccess(current, request.body, result.right, 'SetUser') }
}

/**
 * `applyCreateUser` with an explanation: the paths the request sent are explained by the rules
 * that wrote them, the rest by the schema defaults (D-OP1).
 *
 * @category explain
 * @example
 * ```ts
 * import { explainCreateUser } from 'webex-user-rules/explain'
 * const site = { activeHostCount: 1, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false }
 * const { trace } = explainCreateUser(site, { caller: { webExId: 'admin', role: 'siteAdmin' }, body: { webExId: 'x' } })
 * trace.map((t) => t.rule) //=> ['D-OP1']
 * ```
 */
export const explainCreateUser = (site: SiteContext, request: CreateUserRequest): Explained => {
  const result = applyCreateUser(site, request)
  if (E.isLeft(result)) return { result, trace: traceOfError(result.left, 'CreateUser') }
  return { result, trace: traceOfSuccess(undefined, request.body, result.right, 'CreateUser') }
}
