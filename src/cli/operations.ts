/**
 * The CLI's sibling-operation commands: `create`, `get`, `delete`, `activate`, `inactivate`. Each
 * reads its request as the operation's XML message or as a JSON body, runs the same engine function
 * a server would, and prints JSON, the `serv:message` answer, or the readable diff.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  type ActivationBody,
  applyActivateUser,
  applyCreateUser,
  applyDelUser,
  applyGetUser,
  applyInactivateUser,
  type Caller,
  type CreateUserBody,
  type DelUserBody,
  type DelUserResult,
  formatError,
  type GetUserBody,
  type SetUserError,
  type SetUserResult,
  type SiteContext,
  type User,
} from 'webex-user-rules'
import {
  type BodyOf,
  type Operation,
  parseOperationMessage,
  renderActivationResponse,
  renderCreateUserResponse,
  renderDelUserResponse,
  renderFailureResponse,
  renderGetUserResponse,
} from 'webex-user-rules/xml'
import { diffValues, formatChange } from './diff.js'

/** A file the command reads, already told apart as XML text or a JSON value. */
export type Loaded =
  { readonly kind: 'xml'; readonly text: string } | { readonly kind: 'json'; readonly value: unknown }

/** What every operation command gets from the command line. */
export interface OperationInputs {
  readonly format: 'json' | 'xml' | 'diff'
  readonly role: Caller['role']
  readonly caller: string | undefined
  readonly site: unknown
  readonly users: unknown
  readonly request: Loaded
}

/** The outcome of one command (exit 0 applied, 1 refused, 2 unusable). */
export interface OperationOutput {
  readonly stdout: string
  readonly stderr: string
  readonly exitCode: 0 | 1 | 2
}

/** The request of `operation`: its body, and the securityContext webExID when it came as XML. */
const requestOf = <O extends Operation>(
  operation: O,
  request: Loaded,
): E.Either<SetUserError, { readonly body: BodyOf[O]; readonly webExID: string | undefined }> => {
  if (request.kind === 'json') return E.right({ body: request.value as BodyOf[O], webExID: undefined })
  const message = parseOperationMessage(request.text, operation)
  return E.isLeft(message)
    ? message
    : E.right({ body: message.right.body, webExID: message.right.securityContext.webExID })
}

const callerOf = (inputs: OperationInputs, webExID: string | undefined): Caller => ({
  webExId: inputs.caller ?? webExID ?? 'admin',
  role: inputs.role,
})

const isInputFileError = (error: SetUserError): boolean =>
  error._tag === 'InvalidRequest' && error.failures.every((f) => f.source === 'user' || f.source === 'site')

const refused = (inputs: OperationInputs, error: SetUserError, title: string, xml: string): OperationOutput => {
  if (isInputFileError(error))
    return {
      stdout: '',
      stderr: `webex-user-rules: the --users or --site file is not usable\n${formatError(error)}\n`,
      exitCode: 2,
    }
  const text = formatError(error)
  switch (inputs.format) {
    case 'json':
      return { stdout: `${JSON.stringify({ error }, null, 2)}\n`, stderr: `${text}\n`, exitCode: 1 }
    case 'xml':
      return { stdout: `${xml}\n`, stderr: `${text}\n`, exitCode: 1 }
    case 'diff':
      return { stdout: `${title}: FAILURE\n  ✗ ${text.split('\n').join('\n  ')}\n`, stderr: '', exitCode: 1 }
  }
}

const diffLines = (before: unknown, result: SetUserResult, indent = '  '): string[] => {
  const changes = diffValues(before, result.user)
  return [
    ...(changes.length === 0 ? [`${indent}(no changes)`] : changes.map((c) => `${indent}changed  ${formatChange(c)}`)),
    ...result.notices.map((n) => `${indent}notice   ${n.kind} ${n.path}: ${n.message}`),
    ...result.effects.map(
      ({ kind, ...details }) =>
        `${indent}effect   ${kind}${Object.keys(details).length === 0 ? '' : ` ${JSON.stringify(details)}`}`,
    ),
  ]
}

const success = (inputs: OperationInputs, json: unknown, xml: string, diff: readonly string[]): OperationOutput => ({
  stdout:
    inputs.format === 'json'
      ? `${JSON.stringify(json, null, 2)}\n`
      : inputs.format === 'xml'
        ? `${xml}\n`
        : `${diff.join('\n')}\n`,
  stderr: '',
  exitCode: 0,
})

/** `create`: a CreateUser against the site. */
export const createCommand = (inputs: OperationInputs): OperationOutput => {
  const request = requestOf('CreateUser', inputs.request)
  if (E.isLeft(request)) return refused(inputs, request.left, 'CreateUser', renderFailureResponse(request.left))
  const caller = callerOf(inputs, request.right.webExID)
  const body: CreateUserBody = request.right.body
  const title = `CreateUser ${body.webExId ?? '(no webExId)'} by ${caller.webExId} (${caller.role})`
  const result = applyCreateUser(inputs.site as SiteContext, { caller, body })
  if (E.isLeft(result)) return refused(inputs, result.left, title, renderCreateUserResponse(result))
  return success(inputs, result.right, renderCreateUserResponse(result), [
    `${title}: SUCCESS`,
    ...diffLines({}, result.right),
  ])
}

/** `get`: a GetUser from the users. */
export const getCommand = (inputs: OperationInputs): OperationOutput => {
  const request = requestOf('GetUser', inputs.request)
  if (E.isLeft(request)) return refused(inputs, request.left, 'GetUser', renderFailureResponse(request.left))
  const caller = callerOf(inputs, request.right.webExID)
  const body: GetUserBody = request.right.body
  const title = `GetUser ${body.webExId} by ${caller.webExId} (${caller.role})`
  const view = applyGetUser(inputs.users as readonly User[], { caller, body })
  if (E.isLeft(view)) return refused(inputs, view.left, title, renderFailureResponse(view.left))
  const stored = (inputs.users as readonly User[]).find((u) => u.webExId === body.webExId)
  return success(inputs, view.right, stored === undefined ? '' : renderGetUserResponse(stored), [
    `${title}: SUCCESS`,
    ...JSON.stringify(view.right, null, 2)
      .split('\n')
      .map((line) => `  ${line}`),
  ])
}

/** `delete`: a DelUser (deactivation) of up to 50 users. */
export const deleteCommand = (inputs: OperationInputs): OperationOutput => {
  const request = requestOf('DelUser', inputs.request)
  if (E.isLeft(request)) return refused(inputs, request.left, 'DelUser', renderFailureResponse(request.left))
  const caller = callerOf(inputs, request.right.webExID)
  const body: DelUserBody = request.right.body
  const title = `DelUser ${body.webExId.join(', ')} by ${caller.webExId} (${caller.role})`
  const users = inputs.users as readonly User[]
  const result = applyDelUser(inputs.site as SiteContext, users, { caller, body })
  if (E.isLeft(result)) return refused(inputs, result.left, title, renderDelUserResponse(result))
  return success(inputs, result.right, renderDelUserResponse(result), [
    `${title}: SUCCESS`,
    ...delLines(users, result.right),
  ])
}

const delLines = (users: readonly User[], result: DelUserResult): string[] =>
  result.results.flatMap((o) =>
    o.status === 'SUCCESS'
      ? [
          `  ${o.webExId}: SUCCESS`,
          ...diffLines(
            users.find((u) => u.webExId === o.webExId),
            o,
            '    ',
          ),
        ]
      : [`  ${o.webExId}: FAILURE`, `    ✗ ${formatError(o.error)}`],
  )

/** `activate` / `inactivate`: ActivateUser or InactivateUser by webexID or userID. */
export const activationCommand =
  (operation: 'ActivateUser' | 'InactivateUser') =>
  (inputs: OperationInputs): OperationOutput => {
    const request = requestOf(operation, inputs.request)
    if (E.isLeft(request)) return refused(inputs, request.left, operation, renderFailureResponse(request.left))
    const caller = callerOf(inputs, request.right.webExID)
    const body: ActivationBody = request.right.body
    const title = `${operation} ${body.webexID ?? String(body.userID)} by ${caller.webExId} (${caller.role})`
    const users = inputs.users as readonly User[]
    const apply = operation === 'ActivateUser' ? applyActivateUser : applyInactivateUser
    const result = apply(inputs.site as SiteContext, users, { caller, body })
    if (E.isLeft(result)) return refused(inputs, result.left, title, renderActivationResponse(operation, result))
    const before = users.find((u) => u.webExId === result.right.user.webExId)
    return success(inputs, result.right, renderActivationResponse(operation, result), [
      `${title}: SUCCESS`,
      ...diffLines(before, result.right),
    ])
  }
