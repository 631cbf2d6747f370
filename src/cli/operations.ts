/**
 * The single-request commands: `apply` (SetUser), `create`, `get`, `delete`, `activate`,
 * `inactivate`. Each reads its request as the operation's XML message or as a JSON body, runs the
 * same engine function a server would, and prints JSON, the `serv:message` answer, the readable
 * diff, or the explain trace (`--format explain`: the operation's explain function, D-PG1). One skeleton ({@link operationCommand}) does the reading; each command only says which
 * engine function to call and how to show its result.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import * as engine from 'webex-user-rules'
import {
  type Operation,
  parseGetUserResponse,
  renderActivationResponse,
  renderCreateUserResponse,
  renderDelUserResponse,
  renderFailureResponse,
  renderGetUserResponse,
  renderSetUserResponse,
} from 'webex-user-rules/xml'
import {
  CALL_OPTIONS,
  callerOf,
  callOptionsOf,
  type CliCommand,
  type CliIO,
  type CliResult,
  diffLines,
  type Format,
  formatOf,
  load,
  loadJson,
  nameOf,
  type OptionSpec,
  isInputFileError,
  redactedLines,
  refused,
  REQUEST_OPTION,
  requestOf,
  type RequestOf,
  retarget,
  SITE_OPTION,
  stringOption,
  success,
  Undecodable,
  unusable,
  Unusable,
  USERS_OPTION,
  usersOf,
} from './shared.js'
import { explainedResult } from './explain.js'
import {
  explainActivateUser,
  explainCreateUser,
  explainDelUser,
  explainGetUser,
  explainInactivateUser,
  explainSetUser,
} from 'webex-user-rules/explain'

/** What a command's engine call gets once the files are read. */
interface Call<O extends Operation> {
  readonly format: Format
  readonly caller: engine.Caller
  readonly request: RequestOf<O>
  readonly site: unknown
  readonly users: readonly unknown[]
  readonly options: Readonly<Record<string, unknown>>
  /** The operation, whom the body names and the caller: the head line of every answer. */
  readonly title: string
  /** The command's name, for the usage hint of an unusable file. */
  readonly command: string
}

interface OperationSpec<O extends Operation> {
  readonly name: string
  readonly summary: string
  readonly operation: O
  /** The files besides the request, in the order they are read. */
  readonly needs: readonly ('user' | 'users' | 'site')[]
  readonly extraOptions?: readonly OptionSpec[]
  /** The body's elements that name its user, for the title (default `webExId`). */
  readonly names?: readonly string[]
  readonly execute: (call: Call<O>) => CliResult
}

const USER_OPTION: OptionSpec = {
  flags: '--user <file>',
  description: 'the stored user: JSON (the User model) or a GetUser response (XML)',
  required: true,
}

const EXIT_CODES = 'Exit status: 0 applied, 1 refused (the error is printed), 2 unusable arguments or files.'

/** A single-request command from its spec: reads the files, the request and its caller, then calls. */
const operationCommand = <O extends Operation>(spec: OperationSpec<O>): CliCommand => ({
  name: spec.name,
  summary: spec.summary,
  details: EXIT_CODES,
  options: [
    ...spec.needs.map((need) => (need === 'site' ? SITE_OPTION : need === 'users' ? USERS_OPTION : USER_OPTION)),
    REQUEST_OPTION,
    ...CALL_OPTIONS,
    ...(spec.extraOptions ?? []),
  ],
  run: (options, io) => {
    const fail = (message: string): CliResult => unusable(message, spec.name)
    const call = callOptionsOf(options)
    if (call instanceof Unusable) return fail(call.message)
    const format = formatOf(options, io)
    let site: unknown
    let users: readonly unknown[] = []
    for (const need of spec.needs) {
      const path = stringOption(options, need) ?? ''
      if (need === 'site') {
        site = loadJson(io, 'site', path, 'the SiteContext model')
        if (site instanceof Unusable) return fail(site.message)
      } else {
        const file = load(io, need, path)
        if (file instanceof Unusable) return fail(file.message)
        const read = usersOf(file, parseGetUserResponse, `--${need} ${path}`)
        if (read instanceof Unusable) return fail(read.message)
        users = read as readonly unknown[]
      }
    }
    const requestPath = stringOption(options, 'request') ?? ''
    const file = load(io, 'request', requestPath)
    // bytes that cannot be decoded are a malformed message: the engine's refusal, not an unusable file
    if (file instanceof Undecodable)
      return refused(format, file.error, spec.operation, renderFailureResponse(file.error), spec.name)
    if (file instanceof Unusable) return fail(file.message)
    const request = requestOf(spec.operation, file)
    if (E.isLeft(request))
      return refused(format, request.left, spec.operation, renderFailureResponse(request.left), spec.name)
    const caller = callerOf(call, request.right)
    if (caller instanceof Unusable) return fail(`--request ${requestPath}: ${caller.message}`)
    const title = titleOf(spec.operation, request.right.body, caller, spec.names)
    return spec.execute({ format, caller, request: request.right, site, users, options, title, command: spec.name })
  },
})

/** `by jdoe (host)`; the caller may be a JSON request's own, not yet decoded. */
const by = (caller: engine.Caller): string =>
  `by ${nameOf(caller, ['webExId'], '(no webExId)')} (${nameOf(caller, ['role'], '(no role)')})`

/** The title of a result: the operation, whom the body names (if it names anyone), and the caller. */
const titleOf = (
  operation: string,
  body: unknown,
  caller: engine.Caller,
  keys: readonly string[] = ['webExId'],
): string => `${operation} ${nameOf(body, keys, '(no webExId)')} ${by(caller)}`

/** `apply`: SetUser against one stored user. */
export const applyCommand: CliCommand = operationCommand({
  name: 'apply',
  summary: 'apply a SetUser request to a stored user, as the Webex Meetings XML API would',
  operation: 'SetUser',
  needs: ['user', 'site'],
  extraOptions: [
    {
      flags: '--retarget',
      description:
        "the stored user takes the request's webExId first, to try a request on a sample user (otherwise a different webExId is UserNotFound, R20)",
    },
  ],
  execute: ({ format, caller, request, site, users, options, title, command }) => {
    // the engine decodes the body (and the user and site): these casts only name what it checks
    const body = request.body as engine.SetUserBody
    const stored = options['retarget'] === true ? retarget(users[0], body) : users[0]
    // the engine decodes the user and the site (they may come straight from JSON.parse, docs/spec.md §1)
    if (format === 'explain')
      return explainedResult(
        title,
        command,
        explainSetUser(stored as engine.User, site as engine.SiteContext, { caller, body }),
      )
    const result = engine.applySetUser(stored as engine.User, site as engine.SiteContext, { caller, body })
    if (E.isLeft(result)) return refused(format, result.left, title, renderSetUserResponse(result), command)
    return success(format, result.right, renderSetUserResponse(result), [
      `${title}: SUCCESS`,
      ...diffLines(stored, result.right),
    ])
  },
})

/** `create`: CreateUser against the site. */
export const createCommand: CliCommand = operationCommand({
  name: 'create',
  summary: 'CreateUser: provision a new user on the site',
  operation: 'CreateUser',
  needs: ['site'],
  execute: ({ format, caller, request, site, title, command }) => {
    // one request and one site for the trace and for the answer
    const onSite = site as engine.SiteContext
    const create = { caller, body: request.body as engine.CreateUserBody }
    if (format === 'explain') return explainedResult(title, command, explainCreateUser(onSite, create))
    const result = engine.applyCreateUser(onSite, create)
    if (E.isLeft(result)) return refused(format, result.left, title, renderCreateUserResponse(result), command)
    return success(format, result.right, renderCreateUserResponse(result), [
      `${title}: SUCCESS`,
      ...diffLines({}, result.right),
    ])
  },
})

/** `get`: GetUser from the users. */
export const getCommand: CliCommand = operationCommand({
  name: 'get',
  summary: 'GetUser: what the API returns for a user (password masked)',
  operation: 'GetUser',
  needs: ['users'],
  execute: ({ format, caller, request, users, title, command }) => {
    const body = request.body as engine.GetUserBody
    if (format === 'explain')
      return explainedResult(title, command, explainGetUser(users as readonly engine.User[], { caller, body }))
    const view = engine.applyGetUser(users as readonly engine.User[], { caller, body })
    if (E.isLeft(view)) return refused(format, view.left, title, renderFailureResponse(view.left), command)
    // found as GetUser finds it: ignoring case (D-OP-19)
    const stored = engine.findUser(users as readonly engine.User[], body.webExId)
    // the diff view masks secrets like every other (D-E1); json and xml print the API's answer
    return success(format, view.right, stored === undefined ? '' : renderGetUserResponse(stored), [
      `${title}: SUCCESS`,
      ...redactedLines(view.right),
    ])
  },
})

const delLines = (users: readonly engine.User[], result: engine.DelUserResult): string[] =>
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
      : [`  ${o.webExId}: FAILURE`, `    ✗ ${engine.formatError(o.error)}`],
  )

/** `delete`: DelUser (deactivation) of up to 50 users. */
export const deleteCommand: CliCommand = operationCommand({
  name: 'delete',
  summary: 'DelUser: deactivate up to 50 users',
  operation: 'DelUser',
  needs: ['site', 'users'],
  execute: ({ format, caller, request, site, users, title, command }) => {
    const body = request.body as engine.DelUserBody
    const stored = users as readonly engine.User[]
    // a stored user the engine cannot read is an unusable --users file, as for every other command
    // and in every format, explain included (D-C7)
    const unreadable = (result: engine.DelUserResult): CliResult | undefined => {
      const outcome = result.results.find((o) => o.status === 'FAILURE' && isInputFileError(o.error))
      return outcome?.status === 'FAILURE' ? refused(format, outcome.error, title, '', command) : undefined
    }
    if (format === 'explain') {
      const explained = explainDelUser(site as engine.SiteContext, stored, { caller, body })
      if (E.isRight(explained.result)) {
        const unusableFile = unreadable(explained.result.right)
        if (unusableFile !== undefined) return unusableFile
      }
      // each outcome by the name it answers with: the stored spelling of a found user (D-OP-19)
      const names = E.isRight(explained.result) ? explained.result.right.results.map((o) => o.webExId) : []
      return explainedResult(title, command, explained, (i) => names[i] ?? `#${String(i + 1)}`)
    }
    const result = engine.applyDelUser(site as engine.SiteContext, stored, { caller, body })
    if (E.isLeft(result)) return refused(format, result.left, title, renderDelUserResponse(result), command)
    const unusableFile = unreadable(result.right)
    if (unusableFile !== undefined) return unusableFile
    return success(format, result.right, renderDelUserResponse(result), [
      `${title}: SUCCESS`,
      ...delLines(stored, result.right),
    ])
  },
})

const activation = (name: string, operation: 'ActivateUser' | 'InactivateUser'): CliCommand =>
  operationCommand({
    name,
    summary: `${operation}: ${operation === 'ActivateUser' ? 'activate' : 'deactivate'} a user by webexID or userID`,
    operation,
    needs: ['site', 'users'],
    names: ['webexID', 'userID'],
    execute: ({ format, caller, request, site, users, title, command }) => {
      const body = request.body as engine.ActivationBody
      const stored = users as readonly engine.User[]
      if (format === 'explain') {
        const explain = operation === 'ActivateUser' ? explainActivateUser : explainInactivateUser
        return explainedResult(title, command, explain(site as engine.SiteContext, stored, { caller, body }))
      }
      const apply = operation === 'ActivateUser' ? engine.applyActivateUser : engine.applyInactivateUser
      const result = apply(site as engine.SiteContext, stored, { caller, body })
      if (E.isLeft(result))
        return refused(format, result.left, title, renderActivationResponse(operation, result), command)
      const before = stored.find((u) => u.webExId === result.right.user.webExId)
      return success(format, result.right, renderActivationResponse(operation, result), [
        `${title}: SUCCESS`,
        ...diffLines(before, result.right),
      ])
    },
  })

/** `activate`: ActivateUser. */
export const activateCommand: CliCommand = activation('activate', 'ActivateUser')
/** `inactivate`: InactivateUser. */
export const inactivateCommand: CliCommand = activation('inactivate', 'InactivateUser')

export type { CliIO }
