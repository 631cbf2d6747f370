/**
 * The `webex-user-rules` command line, as a function: arguments and a file reader in, the text
 * for stdout and stderr and the exit code out. `main.ts` wires it to the process; tests call it
 * directly.
 *
 * Exit codes: 0 the SetUser succeeded; 1 the SetUser was refused (any {@link SetUserError}
 * about the request, including a malformed request message); 2 the command line or the user /
 * site files are unusable.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { parseArgs } from 'node:util'
import {
  applySetUser,
  type CallerRole,
  formatError,
  type SetUserBody,
  type SetUserError,
  type SetUserResult,
  type SiteContext,
  type User,
} from 'webex-user-rules'
import { decodeXmlBytes, parseGetUserResponse, parseSetUserMessage, renderSetUserResponse } from 'webex-user-rules/xml'
import { diffValues, formatChange } from './diff.js'
import {
  activationCommand,
  createCommand,
  deleteCommand,
  getCommand,
  type OperationInputs,
  type OperationOutput,
} from './operations.js'

/** What the command needs from the outside world. */
export interface CliIO {
  /** Reads a whole file; may throw (the error's message is reported). */
  readonly readFile: (path: string) => Uint8Array
  /** Whether stdout is a terminal (the default format is `diff` there, `json` otherwise). */
  readonly isTTY: boolean
}

/** The outcome of one command. */
export interface CliResult {
  readonly stdout: string
  readonly stderr: string
  readonly exitCode: 0 | 1 | 2
}

const NAME = 'webex-user-rules'

export const USAGE = `Usage: ${NAME} apply --user <file> --site <file> --request <file>
                        [--caller <webExId>] [--role siteAdmin|roSiteAdmin|host|attendee]
                        [--format json|xml|diff] [--retarget]
       ${NAME} create --site <file> --request <file> [--caller …] [--role …] [--format …]
       ${NAME} get --users <file> --request <file> [--caller …] [--role …] [--format …]
       ${NAME} delete|activate|inactivate --site <file> --users <file> --request <file>
                        [--caller …] [--role …] [--format …]

apply: applies a SetUser request to a stored user, as the Webex Meetings XML API would.
create, get, delete, activate, inactivate: CreateUser, GetUser, DelUser, ActivateUser and
InactivateUser, on the same rules. Their --request is the operation's XML message or its JSON
body; --users is a JSON list of users (or one user: JSON or a GetUser response).

  --user     the stored user: JSON (the User model) or a GetUser response (XML)
  --site     the site: JSON (the SiteContext model)
  --request  the request: a SetUser message (XML) or a SetUser body (JSON)
  --caller   who calls. Default: the securityContext webExID of an XML request,
             or "admin" for a JSON body
  --role     the caller's role. Default: siteAdmin
  --format   json: the new user, effects and notices; xml: the serv:message response;
             diff: the changed paths, old → new, with notices and effects.
             Default: diff on a terminal, json otherwise
  --retarget the stored user takes the request's webExId first, to try a request on
             a sample user (otherwise a different webExId is UserNotFound, R20)

Exit status: 0 applied, 1 refused (the SetUser error is printed), 2 unusable arguments or files.`

const FORMATS = ['json', 'xml', 'diff'] as const
type Format = (typeof FORMATS)[number]
const ROLES: readonly CallerRole[] = ['siteAdmin', 'roSiteAdmin', 'host', 'attendee']
/** The caller of a JSON body when `--caller` is not given (a JSON body has no securityContext). */
const DEFAULT_JSON_CALLER = 'admin'

/** A reason the command cannot run (exit 2). */
class Unusable {
  constructor(readonly message: string) {}
}

const unusable = (message: string): CliResult => ({
  stdout: '',
  stderr: `${NAME}: ${message}\nRun "${NAME} --help" for usage.\n`,
  exitCode: 2,
})

const isIn = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value)

// -------------------------------------------------------------------------------------
// reading the files
// -------------------------------------------------------------------------------------

type Loaded = { readonly kind: 'xml'; readonly text: string } | { readonly kind: 'json'; readonly value: unknown }

/** Reads a file as XML (first character `<`) or JSON. */
const load = (io: CliIO, option: string, path: string): Loaded | Unusable => {
  let bytes: Uint8Array
  try {
    bytes = io.readFile(path)
  } catch (thrown) {
    return new Unusable(
      `--${option} ${path}: cannot read the file (${thrown instanceof Error ? thrown.message : String(thrown)})`,
    )
  }
  let first = 0
  while (
    first < bytes.length &&
    (bytes[first] === 0x20 ||
      bytes[first] === 0x09 ||
      bytes[first] === 0x0a ||
      bytes[first] === 0x0d ||
      bytes[first] === 0xef ||
      bytes[first] === 0xbb ||
      bytes[first] === 0xbf)
  )
    first++
  if (bytes[first] === 0x3c /* < */) {
    const text = decodeXmlBytes(bytes)
    return E.isRight(text)
      ? { kind: 'xml', text: text.right }
      : new Unusable(`--${option} ${path}: ${formatError(text.left)}`)
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return { kind: 'json', value: JSON.parse(text) as unknown }
  } catch (thrown) {
    return new Unusable(
      `--${option} ${path}: neither XML nor JSON (${thrown instanceof Error ? thrown.message : String(thrown)})`,
    )
  }
}

interface Request {
  readonly source: 'xml' | 'json'
  readonly body: SetUserBody
  /** The securityContext webExID of an XML request. */
  readonly webExID: string | undefined
}

type Inputs =
  | { readonly _tag: 'ok'; readonly user: unknown; readonly site: unknown; readonly request: Request }
  | { readonly _tag: 'refused'; readonly error: SetUserError }

const readInputs = (io: CliIO, paths: { user: string; site: string; request: string }): Inputs | Unusable => {
  const userFile = load(io, 'user', paths.user)
  if (userFile instanceof Unusable) return userFile
  let user: unknown
  if (userFile.kind === 'xml') {
    const parsed = parseGetUserResponse(userFile.text)
    if (E.isLeft(parsed))
      return new Unusable(`--user ${paths.user}: not a usable GetUser response\n${formatError(parsed.left)}`)
    user = parsed.right
  } else user = userFile.value

  const siteFile = load(io, 'site', paths.site)
  if (siteFile instanceof Unusable) return siteFile
  if (siteFile.kind === 'xml')
    return new Unusable(`--site ${paths.site}: expected JSON (the SiteContext model), got XML`)

  const requestFile = load(io, 'request', paths.request)
  if (requestFile instanceof Unusable) return requestFile
  if (requestFile.kind === 'json')
    // the engine decodes the body: a malformed one is an InvalidRequest, like a malformed message
    return {
      _tag: 'ok',
      user,
      site: siteFile.value,
      request: { source: 'json', body: requestFile.value as SetUserBody, webExID: undefined },
    }
  const message = parseSetUserMessage(requestFile.text)
  if (E.isLeft(message)) return { _tag: 'refused', error: message.left }
  return {
    _tag: 'ok',
    user,
    site: siteFile.value,
    request: { source: 'xml', body: message.right.body, webExID: message.right.securityContext.webExID },
  }
}

// -------------------------------------------------------------------------------------
// output
// -------------------------------------------------------------------------------------

/** Errors about the stored user or the site mean the files are unusable, not that SetUser refused. */
const isInputFileError = (error: SetUserError): boolean =>
  error._tag === 'InvalidRequest' && error.failures.every((f) => f.source === 'user' || f.source === 'site')

const indent = (text: string): string => text.split('\n').join('\n  ')

const describeCall = (
  body: SetUserBody | undefined,
  caller: { webExId: string; role: CallerRole } | undefined,
): string =>
  `SetUser ${body?.webExId ?? '(no webExId)'}${caller === undefined ? '' : ` by ${caller.webExId} (${caller.role})`}`

const renderSuccess = (format: Format, before: unknown, result: SetUserResult, title: string): string => {
  switch (format) {
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`
    case 'xml':
      return `${renderSetUserResponse(E.right(result))}\n`
    case 'diff': {
      const changes = diffValues(before, result.user)
      const lines = [
        `${title}: SUCCESS`,
        ...(changes.length === 0 ? ['  (no changes)'] : changes.map((c) => `  changed  ${formatChange(c)}`)),
        ...result.notices.map((n) => `  notice   ${n.kind} ${n.path}: ${n.message}`),
        ...result.effects.map(
          ({ kind, ...details }) =>
            `  effect   ${kind}${Object.keys(details).length === 0 ? '' : ` ${JSON.stringify(details)}`}`,
        ),
      ]
      return `${lines.join('\n')}\n`
    }
  }
}

const refused = (format: Format, error: SetUserError, title: string): CliResult => {
  const text = formatError(error)
  switch (format) {
    case 'json':
      return { stdout: `${JSON.stringify({ error }, null, 2)}\n`, stderr: `${text}\n`, exitCode: 1 }
    case 'xml':
      return { stdout: `${renderSetUserResponse(E.left(error))}\n`, stderr: `${text}\n`, exitCode: 1 }
    case 'diff':
      return { stdout: `${title}: FAILURE\n  ✗ ${indent(text)}\n`, stderr: '', exitCode: 1 }
  }
}

// -------------------------------------------------------------------------------------
// the command
// -------------------------------------------------------------------------------------

/**
 * Runs the command line `argv` (without `node` and the script). Never throws.
 *
 * Caller: `--caller` if given; else the securityContext webExID of an XML request; else `admin`
 * for a JSON body. Role: `--role` if given, else siteAdmin.
 */
export const run = (argv: readonly string[], io: CliIO): CliResult => {
  let parsed: ReturnType<typeof parseCommandLine>
  try {
    parsed = parseCommandLine(argv)
  } catch (thrown) {
    return unusable(thrown instanceof Error ? thrown.message : String(thrown))
  }
  const { values, positionals } = parsed
  if (values.help === true) return { stdout: `${USAGE}\n`, stderr: '', exitCode: 0 }
  const [command, ...extra] = positionals
  if (command === undefined) return unusable('missing command (apply, create, get, delete, activate, inactivate)')
  if (extra.length > 0) return unusable(`unexpected argument "${extra.join(' ')}"`)
  if (command !== 'apply') {
    const operation = OPERATION_COMMANDS.get(command)
    return operation === undefined ? unusable(`unknown command "${command}"`) : runOperation(operation, values, io)
  }
  const { user, site, request } = values
  const missing = (['user', 'site', 'request'] as const).filter((k) => values[k] === undefined)
  if (user === undefined || site === undefined || request === undefined)
    return unusable(`missing ${missing.map((k) => `--${k}`).join(', ')}`)
  const format = values.format ?? (io.isTTY ? 'diff' : 'json')
  if (!isIn(FORMATS, format)) return unusable(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`)
  const role = values.role ?? 'siteAdmin'
  if (!isIn(ROLES, role)) return unusable(`--role must be one of ${ROLES.join(', ')}, got "${role}"`)
  if (values.caller === '') return unusable('--caller must not be empty')

  const inputs = readInputs(io, { user, site, request })
  if (inputs instanceof Unusable) return unusable(inputs.message)
  if (inputs._tag === 'refused') return refused(format, inputs.error, 'SetUser')

  const webExId = values.caller ?? (inputs.request.source === 'json' ? DEFAULT_JSON_CALLER : inputs.request.webExID)
  if (webExId === undefined || webExId === '')
    return unusable(`--request ${request}: the securityContext has no webExID; pass --caller`)
  const caller = { webExId, role }
  const { body } = inputs.request
  const title = describeCall(body, caller)
  const stored = values.retarget === true ? retarget(inputs.user, body) : inputs.user
  // the engine decodes the user and the site (they may come straight from JSON.parse, docs/spec.md §1)
  const result = applySetUser(stored as User, inputs.site as SiteContext, { caller, body })
  if (E.isLeft(result)) {
    if (isInputFileError(result.left))
      return unusable(`the --user or --site file is not usable\n${formatError(result.left)}`)
    return refused(format, result.left, title)
  }
  return { stdout: renderSuccess(format, stored, result.right, title), stderr: '', exitCode: 0 }
}

/** `--retarget`: the stored user under the request's webExId (left alone if either is not usable). */
const retarget = (user: unknown, body: SetUserBody): unknown =>
  typeof user === 'object' &&
  user !== null &&
  !Array.isArray(user) &&
  typeof (body as Partial<SetUserBody>).webExId === 'string'
    ? { ...user, webExId: body.webExId }
    : user

const parseCommandLine = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      user: { type: 'string' },
      site: { type: 'string' },
      request: { type: 'string' },
      caller: { type: 'string' },
      role: { type: 'string' },
      format: { type: 'string' },
      retarget: { type: 'boolean' },
      users: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })

// -------------------------------------------------------------------------------------
// the sibling operations
// -------------------------------------------------------------------------------------

interface OperationCommand {
  readonly needs: readonly ('site' | 'users')[]
  readonly run: (inputs: OperationInputs) => OperationOutput
}

const OPERATION_COMMANDS: ReadonlyMap<string, OperationCommand> = new Map([
  ['create', { needs: ['site'], run: createCommand }],
  ['get', { needs: ['users'], run: getCommand }],
  ['delete', { needs: ['site', 'users'], run: deleteCommand }],
  ['activate', { needs: ['site', 'users'], run: activationCommand('ActivateUser') }],
  ['inactivate', { needs: ['site', 'users'], run: activationCommand('InactivateUser') }],
])

/** `--users`: a JSON list of users, one JSON user, or a GetUser response. */
const loadUsers = (io: CliIO, path: string): unknown => {
  const file = load(io, 'users', path)
  if (file instanceof Unusable) return file
  if (file.kind === 'json') return Array.isArray(file.value) ? file.value : [file.value]
  const parsed = parseGetUserResponse(file.text)
  return E.isLeft(parsed)
    ? new Unusable(`--users ${path}: not a usable GetUser response\n${formatError(parsed.left)}`)
    : [parsed.right]
}

const runOperation = (
  operation: OperationCommand,
  values: ReturnType<typeof parseCommandLine>['values'],
  io: CliIO,
): CliResult => {
  const missing = [...operation.needs, 'request' as const].filter((k) => values[k] === undefined)
  if (missing.length > 0) return unusable(`missing ${missing.map((k) => `--${k}`).join(', ')}`)
  const format = values.format ?? (io.isTTY ? 'diff' : 'json')
  if (!isIn(FORMATS, format)) return unusable(`--format must be one of ${FORMATS.join(', ')}, got "${format}"`)
  const role = values.role ?? 'siteAdmin'
  if (!isIn(ROLES, role)) return unusable(`--role must be one of ${ROLES.join(', ')}, got "${role}"`)
  if (values.caller === '') return unusable('--caller must not be empty')
  const site = values.site === undefined ? undefined : load(io, 'site', values.site)
  if (site instanceof Unusable) return unusable(site.message)
  if (site?.kind === 'xml')
    return unusable(`--site ${values.site ?? ''}: expected JSON (the SiteContext model), got XML`)
  const users = values.users === undefined ? [] : loadUsers(io, values.users)
  if (users instanceof Unusable) return unusable(users.message)
  const request = load(io, 'request', values.request ?? '')
  if (request instanceof Unusable) return unusable(request.message)
  return operation.run({ format, role, caller: values.caller, site: site?.value, users, request })
}
