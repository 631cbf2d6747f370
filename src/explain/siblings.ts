/**
 * Explain for the sibling operations that find a user in the site's users: DelUser, ActivateUser
 * and InactivateUser (SetUser of `active`, D-OP2, D-OP3) and GetUser (a read, D-OP-1, D-OP4).
 * Each runs the operation itself, then derives the trace from its inputs and its result (D-PG1):
 * the authorization and the lookup as decision steps, then what SetUser's rules did — or, for
 * GetUser, how the view differs from the stored user.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import type { SetUserError } from '../errors/SetUserError.js'
import type { ActivationRequest, DelUserRequest } from '../model/operations.js'
import type { Caller } from '../model/request.js'
import type { SetUserResult } from '../model/result.js'
import type { SiteContext } from '../model/site.js'
import type { ActiveState, GetUserView, User } from '../model/user.js'
import { applyActivateUser, applyInactivateUser } from '../operations/activation.js'
import { applyDelUser, type DelUserResult } from '../operations/delUser.js'
import { directoryOf } from '../operations/directory.js'
import { applyGetUser, type GetUserRequest } from '../operations/getUser.js'
import { userKey } from '../operations/lookup.js'
import { hostCountAfter } from '../rules/hostLimit.js'
import { mayListUsers } from '../rules/readAccess.js'
import { type Explained, forOutcome, stagesBefore, step, type TraceEntry, traceOf, traceOfError } from './explain.js'
import type { ExplainStage } from './sources.js'

const who = (caller: Caller): string => `${caller.webExId} (${caller.role})`

/** The body of the SetUser of `active` that DelUser, ActivateUser and InactivateUser run. */
const activeBody = (webExId: string, active: ActiveState, syncWebOffice: boolean | undefined): unknown => ({
  webExId,
  active,
  ...(syncWebOffice === undefined ? {} : { syncWebOffice }),
})

/** `requested` found as `user` (in its stored spelling) by the directory's case-insensitive key. */
const foundStep = (requested: string, user: User): TraceEntry =>
  step(
    'D-OP-19',
    'case-insensitive lookup',
    requested === user.webExId ? `${user.webExId} found` : `${requested} found as ${user.webExId}`,
    { requested, webExId: user.webExId },
  )

/** DelUser's change of the site's host count (R6): a path of its result, `activeHostCount`. */
const hostCountChange = (before: number, after: number): TraceEntry => {
  const { rule, title, source, stage } = step('R6', 'host count', '')
  return { stage, rule, title, source, kind: 'changed', path: 'activeHostCount', before, after }
}

// -------------------------------------------------------------------------------------
// DelUser
// -------------------------------------------------------------------------------------

/**
 * `applyDelUser` with an explanation: the authorization, then each requested webExId in request
 * order — its lookup (D-OP-19) and what deactivating it changed, noticed and asked for, or its
 * FAILURE (030001 by D-OP2, or the SetUser rule that refused it) — each entry carrying the index
 * of its outcome (`outcome`); last the site's host count (R6), when it changed.
 *
 * @category explain
 * @example
 * ```ts
 * import { explainDelUser } from 'webex-user-rules/explain'
 * const site = { activeHostCount: 2, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false }
 * const { trace } = explainDelUser(site, [{ webExId: 'jsmith' }], { caller: { webExId: 'admin', role: 'siteAdmin' }, body: { webExId: ['JSmith', 'ghost'] } })
 * trace.map((t) => [t.outcome, t.rule, t.kind])
 * //=> [[undefined, 'R11', 'step'], [0, 'D-OP-19', 'step'], [0, 'D-OP2', 'changed'], [1, 'D-OP2', 'error'], [undefined, 'R6', 'changed']]
 * ```
 */
export const explainDelUser = (
  site: SiteContext,
  users: readonly User[],
  request: DelUserRequest,
): Explained<DelUserResult> => {
  const result = applyDelUser(site, users, request)
  if (E.isLeft(result)) return { result, trace: traceOfError(result.left, 'DelUser') }
  // a Right means the request, the site and the users decoded: they are plain data of the model
  const { caller, body } = request
  const directory = directoryOf(users)
  const current = new Map(E.isRight(directory) ? directory.right.byWebExId : [])
  const trace: TraceEntry[] = [
    step('R11', 'authorization', `${who(caller)}: a site admin deactivates users`, { caller: caller.webExId }),
  ]
  for (const [i, outcome] of result.right.results.entries()) {
    const requested = body.webExId[i] ?? outcome.webExId
    const before = current.get(userKey(requested))
    const found = before === undefined ? [] : [foundStep(requested, before)]
    if (outcome.status === 'FAILURE') {
      trace.push(
        ...forOutcome(
          traceOfError(outcome.error, 'DelUser', () => found),
          i,
        ),
      )
      continue
    }
    const entries = traceOf({
      before,
      after: outcome.user,
      body: activeBody(outcome.webExId, 'DEACTIVATED', body.syncWebOffice),
      notices: outcome.notices,
      effects: outcome.effects,
      operation: 'DelUser',
      steps: found,
    })
    trace.push(...forOutcome(entries, i))
    current.set(userKey(outcome.webExId), outcome.user)
  }
  if (result.right.activeHostCount !== site.activeHostCount)
    trace.push(hostCountChange(site.activeHostCount, result.right.activeHostCount))
  return { result, trace }
}

// -------------------------------------------------------------------------------------
// ActivateUser, InactivateUser
// -------------------------------------------------------------------------------------

/**
 * The steps of an activation: the authorization, then (when the operation got past it, i.e.
 * `before` is a later stage) the lookup.
 */
const activationSteps = (
  users: readonly User[],
  request: ActivationRequest,
  before: ExplainStage | undefined,
): readonly TraceEntry[] => {
  const { caller, body } = request
  const steps: TraceEntry[] = [
    step('D-OP3', 'site admin only', `${who(caller)}: a site admin may change whether a user is active`, {
      caller: caller.webExId,
    }),
  ]
  if (!stagesBefore(before).has('lookup')) return steps
  const directory = directoryOf(users)
  if (E.isLeft(directory)) return steps
  if (body.webexID !== undefined) {
    const user = directory.right.byWebExId.get(userKey(body.webexID))
    if (user !== undefined) steps.push(foundStep(body.webexID, user))
  } else if (body.userID !== undefined) {
    const user = directory.right.byUserId.get(body.userID)
    if (user !== undefined)
      steps.push(
        step(
          'D-OP3',
          'webexID or userID',
          `userID ${String(body.userID)} is ${user.webExId}`,
          { userID: body.userID, webExId: user.webExId },
          'lookup',
        ),
      )
  }
  return steps
}

const explainActivation =
  (state: ActiveState, operation: 'ActivateUser' | 'InactivateUser') =>
  (site: SiteContext, users: readonly User[], request: ActivationRequest): Explained => {
    const apply = state === 'ACTIVATED' ? applyActivateUser : applyInactivateUser
    const result: E.Either<SetUserError, SetUserResult> = apply(site, users, request)
    if (E.isLeft(result))
      return { result, trace: traceOfError(result.left, operation, (at) => activationSteps(users, request, at)) }
    const steps = activationSteps(users, request, undefined)
    const user = result.right.user
    const directory = directoryOf(users)
    const before = E.isRight(directory) ? directory.right.byWebExId.get(userKey(user.webExId)) : undefined
    const count = hostCountAfter(site, before, user)
    const countStep: TraceEntry[] =
      count === site.activeHostCount
        ? []
        : [
            step(
              'R6',
              'host count',
              `the site's active host count goes from ${String(site.activeHostCount)} to ${String(count)}` +
                (site.hostLimit === undefined ? '' : ` (host limit ${String(site.hostLimit)})`),
              {
                before: site.activeHostCount,
                after: count,
                ...(site.hostLimit === undefined ? {} : { hostLimit: site.hostLimit }),
              },
            ),
          ]
    const trace = traceOf({
      before,
      after: user,
      body: activeBody(user.webExId, state, request.body.syncWebOffice),
      notices: result.right.notices,
      effects: result.right.effects,
      operation,
      steps: [...steps, ...countStep],
    })
    return { result, trace }
  }

/**
 * `applyActivateUser` with an explanation: who may (D-OP3), which user the `webexID` or `userID`
 * names, then SetUser's rules on `active` — the change (D-OP3), the site's host count (R6, and its
 * error 030010), licences (R15) and `syncWebOffice` (R17).
 *
 * @category explain
 * @example
 * ```ts
 * import { explainActivateUser } from 'webex-user-rules/explain'
 * const site = { activeHostCount: 4, hostLimit: 5, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false }
 * const users = [{ webExId: 'jsmith', userId: 42, active: 'DEACTIVATED' as const }]
 * const { trace } = explainActivateUser(site, users, { caller: { webExId: 'admin', role: 'siteAdmin' }, body: { userID: 42 } })
 * trace.map((t) => `${t.stage} ${t.rule} ${t.kind}`)
 * //=> ['authorization D-OP3 step', 'lookup D-OP3 step', 'merge D-OP3 changed', 'site-wide R6 step']
 * ```
 */
export const explainActivateUser: (site: SiteContext, users: readonly User[], request: ActivationRequest) => Explained =
  explainActivation('ACTIVATED', 'ActivateUser')

/**
 * `applyInactivateUser` with an explanation, as {@link explainActivateUser}: the change of
 * `active`, the host count (R6), licences removed on Control Hub sites (R15) and `syncWebOffice`
 * (R17).
 *
 * @category explain
 * @example
 * ```ts
 * import { explainInactivateUser } from 'webex-user-rules/explain'
 * const site = { activeHostCount: 5, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false }
 * const { trace } = explainInactivateUser(site, [{ webExId: 'jsmith' }], { caller: { webExId: 'admin', role: 'siteAdmin' }, body: { webexID: 'jsmith', syncWebOffice: true } })
 * trace.map((t) => `${t.stage} ${t.rule} ${t.kind}`)
 * //=> ['authorization D-OP3 step', 'lookup D-OP-19 step', 'merge D-OP3 changed', 'site-wide R6 step', 'effects R17 effect']
 * ```
 */
export const explainInactivateUser: (
  site: SiteContext,
  users: readonly User[],
  request: ActivationRequest,
) => Explained = explainActivation('DEACTIVATED', 'InactivateUser')

// -------------------------------------------------------------------------------------
// GetUser
// -------------------------------------------------------------------------------------

const readStep = (caller: Caller, webExId: string): TraceEntry =>
  step(
    'D-OP-1',
    'who reads whom',
    mayListUsers(caller) ? `${who(caller)} reads any user of the site` : `${who(caller)} reads their own record`,
    { caller: caller.webExId, role: caller.role, webExId },
  )

/**
 * `applyGetUser` with an explanation: who may read (D-OP-1), who was found (D-OP-19), and every
 * path where the answer differs from the stored user — the password masked and engine-only
 * elements left out (D-OP4), each PCN account's joinBeforeHost mirrored (R9), `active` made
 * explicit (D-GV-3), SME products as `{ prodID }` (D-GV-2) — after the step of the response
 * order (D-GV-1).
 *
 * @category explain
 * @example
 * ```ts
 * import { explainGetUser } from 'webex-user-rules/explain'
 * const users = [{ webExId: 'dstaudt', password: 'secret', phones: { PIN: '4826' } }]
 * const { trace } = explainGetUser(users, { caller: { webExId: 'dstaudt', role: 'host' }, body: { webExId: 'DStaudt' } })
 * trace.map((t) => (t.kind === 'changed' ? `${t.rule} ${t.path}` : `${t.rule} ${t.kind}`))
 * //=> ['D-OP-1 step', 'D-OP-19 step', 'D-GV-1 step', 'D-OP4 password', 'D-GV-3 active']
 * ```
 */
export const explainGetUser = (users: readonly User[], request: GetUserRequest): Explained<GetUserView> => {
  const result = applyGetUser(users, request)
  const steps = (before: ExplainStage | undefined): TraceEntry[] => {
    const { caller, body } = request
    const out = [readStep(caller, body.webExId)]
    if (!stagesBefore(before).has('lookup')) return out
    const directory = directoryOf(users)
    const user = E.isRight(directory) ? directory.right.byWebExId.get(userKey(body.webExId)) : undefined
    if (user !== undefined) out.push(foundStep(body.webExId, user))
    return out
  }
  if (E.isLeft(result)) return { result, trace: traceOfError(result.left, 'GetUser', steps) }
  const directory = directoryOf(users)
  const before = E.isRight(directory) ? directory.right.byWebExId.get(userKey(request.body.webExId)) : undefined
  const trace = traceOf({
    before,
    after: result.right,
    body: undefined,
    notices: [],
    effects: [],
    operation: 'GetUser',
    steps: [
      ...steps(undefined),
      step('D-GV-1', 'the response order', 'the stored user, in the order of the GetUser response type', {
        webExId: result.right.webExId,
      }),
    ],
  })
  return { result, trace }
}
