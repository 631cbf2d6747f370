/**
 * Explain for LstsummaryUser: a read that decides rather than changes, so its trace is the
 * decision steps — who may list (D-OP-1), which filters and how many users they match (D-OP-4,
 * D-OP-5), the order (D-OP-6), the page (D-OP-7), the summaries (D-OP-8) — or the steps that ran
 * before its error (000015 by D-OP-9, a refused filter by D-OP-4 / D-OP-5). Computed after the
 * operation from its inputs and its result (D-PG1).
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import type { LstsummaryUserBody, LstsummaryUserResult } from '../model/lstsummary.js'
import type { SiteContext } from '../model/site.js'
import type { User } from '../model/user.js'
import {
  applyLstsummaryUser,
  LIST_DEFAULT_MAXIMUM,
  LIST_MAXIMUM,
  type LstsummaryUserRequest,
  pageOf,
} from '../operations/lstsummaryUser.js'
import { type ExplainOverUsers, overUsers, step, type TraceEntry, traceOfError } from './explain.js'
import type { ExplainStage } from './sources.js'

const given = (value: string | undefined): value is string => value !== undefined && value !== ''

/** The filters a body gives, as `element value` (an empty text filter is no filter, D-OP-4). */
const filterTerms = (body: LstsummaryUserBody): string[] => {
  const terms: string[] = []
  for (const key of ['firstName', 'lastName', 'email', 'webExId'] as const) {
    const value = body[key]
    if (given(value)) terms.push(`${key} = ${JSON.stringify(value)}`)
  }
  if (body.active !== undefined) terms.push(`active = ${body.active}`)
  if (given(body.dataScope?.regDateStart)) terms.push(`registrationDate ≥ ${body.dataScope.regDateStart}`)
  if (given(body.dataScope?.regDateEnd)) terms.push(`registrationDate ≤ ${body.dataScope.regDateEnd}`)
  if (body.webACD?.isAgent !== undefined) terms.push(`webACD.isAgent = ${String(body.webACD.isAgent)}`)
  if (body.webACD?.isMgr !== undefined) terms.push(`webACD.isMgr = ${String(body.webACD.isMgr)}`)
  return terms
}

/** The filter steps: every filter and how many of the users it matched, then dates and WebACD. */
const filterSteps = (body: LstsummaryUserBody, matched: number, users: number): TraceEntry[] => {
  const terms = filterTerms(body)
  const method = body.listControl?.listMethod ?? 'AND'
  const steps = [
    step(
      'D-OP-4',
      'filters',
      terms.length === 0
        ? `no filter: every user in every state, ${String(matched)} of ${String(users)}`
        : `${terms.join(method === 'AND' ? ' and ' : ' or ')} (listMethod ${method}): ${String(matched)} of ${String(users)} users match`,
      { filters: terms, listMethod: method, matched, users },
    ),
  ]
  const scope = body.dataScope
  if (scope !== undefined && (given(scope.regDateStart) || given(scope.regDateEnd)))
    steps.push(
      step('D-OP-5', 'registration dates', "registration dates compared inclusively, in the site's time zone", {
        regDateStart: scope.regDateStart ?? '',
        regDateEnd: scope.regDateEnd ?? '',
      }),
    )
  if (body.webACD?.isAgent !== undefined || body.webACD?.isMgr !== undefined)
    steps.push(step('D-OP-4', 'WebACD filter', 'WebACD preferences compared, an absent one as false'))
  return steps
}

/** The sort keys as the operation uses them: the request's, then UID ASC and webExId (D-OP-6). */
const orderStep = (body: LstsummaryUserBody): TraceEntry => {
  const by = body.order?.orderBy ?? []
  const ad = body.order?.orderAD ?? []
  const keys = [...by.map((key, i) => `${key} ${ad[i] ?? 'ASC'}`), 'UID ASC', 'WEBEXID ASC']
  return step(
    'D-OP-6',
    'order',
    by.length === 0
      ? 'no order: UID ASC, then webExId'
      : `${keys.slice(0, by.length).join(', ')}, then UID ASC and webExId break ties`,
    { orderBy: keys },
  )
}

const pageStep = (body: LstsummaryUserBody, result: LstsummaryUserResult): TraceEntry => {
  const { startFrom, maximumNum } = pageOf(body.listControl)
  const asked = body.listControl?.maximumNum ?? 0
  const size =
    asked === 0
      ? `maximumNum ${String(LIST_DEFAULT_MAXIMUM)}, the default`
      : asked > LIST_MAXIMUM
        ? `maximumNum ${String(asked)} clamped to ${String(LIST_MAXIMUM)}`
        : `maximumNum ${String(maximumNum)}`
  const { total, returned } = result.matchingRecords
  return step(
    'D-OP-7',
    'paging',
    `records ${String(startFrom)}–${String(startFrom + returned - 1)} of ${String(total)}: startFrom ${String(startFrom)}, ${size}`,
    { startFrom, maximumNum, returned, total },
  )
}

/**
 * How many users the request's filters match: a LstsummaryUser of the same filters from the
 * first record answers `total`, or 000015 when none match.
 */
const matchCount = (site: SiteContext, users: readonly User[], request: LstsummaryUserRequest): number => {
  const { body } = request
  const first = applyLstsummaryUser(site, users, {
    ...request,
    body: { ...body, listControl: { ...body.listControl, startFrom: 1, maximumNum: 1 } },
  })
  return E.isRight(first) ? first.right.matchingRecords.total : 0
}

/**
 * `applyLstsummaryUser` with an explanation. A list changes nothing, so its trace is its decision
 * steps, in order: who may list (D-OP-1); the filters, the listMethod and how many of the users
 * they match (D-OP-4, with D-OP-5 for registration dates and the WebACD filter); the order with its
 * tie-breakers (D-OP-6); the page — startFrom, maximumNum (default, clamped), returned of total
 * (D-OP-7); the summaries returned (D-OP-8). A refusal has the steps that ran before it: 000015
 * (D-OP-9) after the filters, a refused date or manager filter (D-OP-5, D-OP-4) after the
 * authorization.
 *
 * @category explain
 * @example
 * ```ts
 * import { explainLstsummaryUser } from 'webex-user-rules/explain'
 * const site = { activeHostCount: 2, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false }
 * const users = [{ webExId: 'jdoe', userId: 2, email: 'jdoe@example.com' }, { webExId: 'Ana', userId: 1, email: 'ana@example.com' }]
 * const { trace } = explainLstsummaryUser(site, users, { caller: { webExId: 'viewer', role: 'roSiteAdmin' }, body: { email: 'JDOE@example.com' } })
 * trace.map((t) => `${t.stage} ${t.rule}`) //=> ['authorization D-OP-1', 'filter D-OP-4', 'order D-OP-6', 'page D-OP-7', 'answer D-OP-8']
 * trace[1]?.kind === 'step' && trace[1].detail //=> 'email = "JDOE@example.com" (listMethod AND): 1 of 2 users match'
 * ```
 */
export const explainLstsummaryUser: ExplainOverUsers<LstsummaryUserRequest, LstsummaryUserResult> = (
  site,
  users,
  request,
) => {
  const list = overUsers(users, (input) => applyLstsummaryUser(site, input, request))
  const result = list.result
  // read only once the operation got past the decoding of the request
  const authorized = (): TraceEntry =>
    step('D-OP-1', 'who reads whom', `${request.caller.webExId} (${request.caller.role}) may list the site's users`, {
      caller: request.caller.webExId,
      role: request.caller.role,
    })
  if (E.isLeft(result)) {
    const steps = (before: ExplainStage): readonly TraceEntry[] => {
      // 000015 comes after every user was read and filtered; a refused filter, before any
      if (before !== 'page') return [authorized()]
      const seen = list.seen()
      return [authorized(), ...filterSteps(request.body, matchCount(site, seen, request), seen.length)]
    }
    return { result, trace: traceOfError(result.left, 'LstsummaryUser', steps) }
  }
  const { body } = request
  const page = result.right
  const trace = [
    authorized(),
    ...filterSteps(body, page.matchingRecords.total, list.seen().length),
    orderStep(body),
    pageStep(body, page),
    step(
      'D-OP-8',
      'the summary',
      `${String(page.user.length)} user ${page.user.length === 1 ? 'summary' : 'summaries'}: ${page.user.map((u) => u.webExId).join(', ')}`,
      { webExIds: page.user.map((u) => u.webExId) },
    ),
  ]
  return { result, trace }
}
