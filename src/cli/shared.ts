/**
 * What every command of the CLI shares: the outside world it needs ({@link CliIO}), its outcome
 * ({@link CliResult}), reading files (XML or JSON, `-` for stdin), the options every operation
 * takes (`--caller`, `--role`, `--format`), and rendering a success or a refusal in the three
 * formats. The command modules only say which engine function to call.
 *
 * Exit codes: 0 applied; 1 refused (any {@link SetUserError} about the request, including a
 * malformed request message and one whose bytes cannot be decoded); 2 the command line or the user /
 * site files are unusable.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import {
  type Caller,
  type CallerRole,
  EngineDefect,
  formatError,
  isPlainObject,
  redactSecrets,
  type SetUserError,
  type SetUserResult,
} from 'webex-user-rules'
import { type BodyOf, decodeXmlBytes, type Operation, parseOperationMessage } from 'webex-user-rules/xml'
import type { Send } from 'webex-user-rules/testing'
import { diffValues, formatChange } from './diff.js'

/** The executable's name, as npm links it. */
export const NAME = 'webex-user-rules'

/** What the commands need from the outside world. */
export interface CliIO {
  /** Reads a whole file; may throw (the error's message is reported). */
  readonly readFile: (path: string) => Uint8Array
  /** Reads all of standard input (for a file given as `-`); may throw. */
  readonly readStdin?: () => Uint8Array
  /**
   * Opens a file (`-`: standard input) to be read as it arrives: its byte chunks, and its size when
   * it is a regular file. Opening may throw; the chunks may fail later (both reported). `batch`
   * reads NDJSON with it line by line; without it, `batch` reads its input whole first.
   */
  readonly openStream?: (path: string) => {
    readonly chunks: AsyncIterable<Uint8Array>
    readonly size: number | undefined
  }
  /** Lists the file names of a folder (for `batch` over a folder of messages); may throw. */
  readonly readDir?: (path: string) => readonly string[]
  /** Whether stdout is a terminal (the default format is `diff` there, `json` otherwise). */
  readonly isTTY: boolean
  /** Progress for people, written as it happens; only given when stderr is a terminal. */
  readonly progress?: (text: string) => void
  /**
   * Writes to stdout as results happen (`batch` writes each result line as it completes); without
   * it the text is returned in {@link CliResult.stdout}. A promise says to wait before the next
   * write (stdout is full): `batch` then waits, and reads no further input meanwhile.
   */
  readonly writeOut?: (text: string) => void | Promise<void>
  /** Writes a file (`conformance --report`); may throw (the error's message is reported). */
  readonly writeFile?: (path: string, text: string) => void
  /** The environment (`conformance` reads `WUR_ADMIN_PASSWORD`). */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** The sender of `conformance` for a URL (default: HTTP POST, `httpSender`); tests give their own. */
  readonly sender?: (url: string) => Send
}

/** The outcome of one command. */
export interface CliResult {
  readonly stdout: string
  readonly stderr: string
  readonly exitCode: 0 | 1 | 2
}

/** A reason a command cannot run (exit 2). */
export class Unusable {
  constructor(readonly message: string) {}
}

/**
 * XML bytes that cannot be decoded (an unknown or wrong encoding, over the size limit): an unusable
 * user or site file, but a request the engine refuses like any other malformed message (exit 1).
 */
export class Undecodable extends Unusable {
  constructor(
    message: string,
    readonly error: SetUserError,
  ) {
    super(message)
  }
}

/**
 * What a throw out of a command says, as one line: an {@link EngineDefect} by its own message
 * (which already starts with the program's name) and its cause; anything else as an internal error.
 */
export const thrownLine = (thrown: unknown): string => {
  if (thrown instanceof EngineDefect) {
    const text = thrown.message.startsWith(`${NAME}: `) ? thrown.message : `${NAME}: ${thrown.message}`
    return `${text}: ${String(thrown.cause)}`
  }
  return `${NAME}: internal error: ${String(thrown)}`
}

/** The result of a command that cannot run. */
export const unusable = (message: string, command?: string): CliResult => ({
  stdout: '',
  stderr: `${NAME}: ${message}\nRun "${NAME} ${command === undefined ? '' : `${command} `}--help" for usage.\n`,
  exitCode: 2,
})

/**
 * The output formats of the single-request commands; `explain` is the rule trace of the
 * operation's explain function (`webex-user-rules/explain`, D-PG1).
 */
/**
 * A terminal's progress line drawn at most every `everyMs` (a migration may have millions of lines,
 * each a redraw otherwise); the last state is always drawn before the line ends (`\n`).
 */
export const throttledProgress = (
  write: (text: string) => void,
  now: () => number,
  everyMs = 100,
): ((text: string) => void) => {
  let last = -Infinity
  let pending: string | undefined
  return (text) => {
    if (text === '\n') {
      if (pending !== undefined) write(pending)
      pending = undefined
      write(text)
    } else if (now() - last >= everyMs) {
      last = now()
      pending = undefined
      write(text)
    } else pending = text
  }
}

export const FORMATS = ['json', 'xml', 'diff', 'explain'] as const
export type Format = (typeof FORMATS)[number]

/** The roles `--role` accepts. */
export const ROLES: readonly CallerRole[] = ['siteAdmin', 'roSiteAdmin', 'host', 'attendee']

/** The caller of a JSON body when `--caller` is not given (a JSON body has no securityContext). */
export const DEFAULT_JSON_CALLER = 'admin'

const message = (thrown: unknown): string => (thrown instanceof Error ? thrown.message : String(thrown))

// -------------------------------------------------------------------------------------
// where JSON text goes wrong
// -------------------------------------------------------------------------------------

const JSON_NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in a string
const JSON_STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y
const JSON_SPACE = /[ \t\n\r]*/y

/** The end of the token of `pattern` at `at`, or -1. */
const sticky = (pattern: RegExp, text: string, at: number): number => {
  pattern.lastIndex = at
  return pattern.test(text) ? pattern.lastIndex : -1
}

/**
 * The offset of the first character that makes `text` not JSON (its length when the text ends too
 * soon), or -1 when it is JSON. Iterative: any depth.
 */
export const jsonErrorOffset = (text: string): number => {
  const open: ('{' | '[')[] = []
  let state: 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'after' = 'value'
  let i = 0
  for (;;) {
    i = sticky(JSON_SPACE, text, i)
    const c = text[i]
    if (state === 'after') {
      const top = open.at(-1)
      if (top === undefined) return i < text.length ? i : -1
      if (c === ',') state = top === '{' ? 'key' : 'value'
      else if (c === (top === '{' ? '}' : ']')) open.pop()
      else return i
      i++
    } else if (state === 'key' || state === 'keyOrEnd') {
      if (state === 'keyOrEnd' && c === '}') {
        open.pop()
        state = 'after'
        i++
        continue
      }
      const end = sticky(JSON_STRING, text, i)
      if (end === -1) return i
      i = sticky(JSON_SPACE, text, end)
      if (text[i] !== ':') return i
      state = 'value'
      i++
    } else if (state === 'valueOrEnd' && c === ']') {
      open.pop()
      state = 'after'
      i++
    } else if (c === '{' || c === '[') {
      open.push(c)
      state = c === '{' ? 'keyOrEnd' : 'valueOrEnd'
      i++
    } else {
      const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i))
      const end =
        literal !== undefined
          ? i + literal.length
          : c === '"'
            ? sticky(JSON_STRING, text, i)
            : sticky(JSON_NUMBER, text, i)
      if (end === -1) return i
      state = 'after'
      i = end
    }
  }
}

/**
 * Where `text` stops being JSON, as `line L, column C` (1-based) — never the text itself, which
 * may hold a password (D-E1): V8's own message quotes the input around the error.
 */
export const jsonErrorPosition = (text: string): string => {
  const offset = jsonErrorOffset(text)
  if (offset === -1) return 'not valid JSON'
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  return `not valid JSON at line ${String(line)}, column ${String(column)}`
}

/** `JSON.parse`, its failure reported only by position. */
export const parseJson = (text: string): { readonly value: unknown } | { readonly error: string } => {
  try {
    return { value: JSON.parse(text) as unknown }
  } catch {
    return { error: jsonErrorPosition(text) }
  }
}

// -------------------------------------------------------------------------------------
// reading files
// -------------------------------------------------------------------------------------

/** A file, already told apart as XML text or a JSON value. */
export type Loaded =
  { readonly kind: 'xml'; readonly text: string } | { readonly kind: 'json'; readonly value: unknown }

/** Reads `path` (`-`: standard input) as bytes. */
export const readBytes = (io: CliIO, option: string, path: string): Uint8Array | Unusable => {
  try {
    if (path !== '-') return io.readFile(path)
    if (io.readStdin === undefined) return new Unusable(`--${option} -: standard input is not available`)
    return io.readStdin()
  } catch (thrown) {
    return new Unusable(
      `--${option} ${path}: cannot read ${path === '-' ? 'standard input' : 'the file'} (${message(thrown)})`,
    )
  }
}

const isLeadingByte = (b: number | undefined): boolean =>
  b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0xef || b === 0xbb || b === 0xbf

/** Bytes as XML (first character `<`, decoded by its own declaration) or JSON (UTF-8). */
export const parseBytes = (bytes: Uint8Array, label: string): Loaded | Unusable => {
  let first = 0
  while (first < bytes.length && isLeadingByte(bytes[first])) first++
  if (bytes[first] === 0x3c /* < */) {
    const text = decodeXmlBytes(bytes)
    return E.isRight(text)
      ? { kind: 'xml', text: text.right }
      : new Undecodable(`${label}: ${formatError(text.left)}`, text.left)
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new Unusable(`${label}: neither XML nor JSON (not UTF-8 text)`)
  }
  const parsed = parseJson(text)
  return 'value' in parsed
    ? { kind: 'json', value: parsed.value }
    : new Unusable(`${label}: neither XML nor JSON (${parsed.error})`)
}

/** Reads a file given to `--option` as XML or JSON. */
export const load = (io: CliIO, option: string, path: string): Loaded | Unusable => {
  const bytes = readBytes(io, option, path)
  return bytes instanceof Unusable ? bytes : parseBytes(bytes, `--${option} ${path}`)
}

/** Reads a file that must be JSON (the site). */
export const loadJson = (io: CliIO, option: string, path: string, what: string): unknown => {
  const file = load(io, option, path)
  if (file instanceof Unusable) return file
  return file.kind === 'xml' ? new Unusable(`--${option} ${path}: expected JSON (${what}), got XML`) : file.value
}

// -------------------------------------------------------------------------------------
// the request and its caller
// -------------------------------------------------------------------------------------

/** The options every operation command takes. */
export interface CallOptions {
  readonly caller?: string | undefined
  readonly role?: string | undefined
}

/**
 * A request of `operation`: its body and, for an XML message, the securityContext webExID. The
 * body is not checked here: the engine decodes it (a malformed body is an InvalidRequest), so
 * nothing may read it before the engine but {@link nameOf}.
 */
export interface RequestOf<O extends Operation> {
  readonly body: BodyOf[O] | Unchecked
  readonly webExID: string | undefined
  readonly source: Loaded['kind']
}

/** A value straight from a JSON file: the shape its type names is not yet checked. */
export interface Unchecked {
  readonly unchecked: true
}

/**
 * The request of `operation` from a file: an XML message of that operation, or its JSON body
 * (the engine decodes the body: a malformed one is an InvalidRequest, like a malformed message).
 */
export const requestOf = <O extends Operation>(operation: O, request: Loaded): E.Either<SetUserError, RequestOf<O>> => {
  if (request.kind === 'json') return E.right({ body: request.value as Unchecked, webExID: undefined, source: 'json' })
  const parsed = parseOperationMessage(request.text, operation)
  return E.isLeft(parsed)
    ? parsed
    : E.right({ body: parsed.right.body, webExID: parsed.right.securityContext.webExID, source: 'xml' })
}

/**
 * A name of a body for a title, read only where the body has it as a string (or a list of strings,
 * joined); `fallback` otherwise. Safe on any value: the body may be `null`, a number, a list….
 */
export const nameOf = (body: unknown, keys: readonly string[], fallback: string): string => {
  if (!isPlainObject(body)) return fallback
  for (const key of keys) {
    const value = body[key]
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return String(value)
    if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return value.join(', ')
  }
  return fallback
}

/** Where a request's own caller comes from. */
export interface OwnCaller {
  readonly source: Loaded['kind']
  /** The securityContext webExID of an XML message. */
  readonly webExID?: string | undefined
  /** The `caller` of a JSON request that carries one (a `batch` line), unchecked. */
  readonly caller?: unknown
}

/**
 * The caller (D-C1, D-C4): `--caller` and `--role` win, each on its own. The webExId is `--caller`,
 * else the request's own (the securityContext webExID of an XML message, the `caller.webExId` of a
 * JSON request that has a caller), else `admin` for a JSON body without one. The role is `--role`,
 * else the JSON request's own `caller.role`, else siteAdmin. A JSON request's own caller is not
 * checked here: the engine decodes it (a malformed one is an InvalidRequest).
 */
export const callerOf = (options: CallOptions, request: OwnCaller): Caller | Unusable => {
  if (request.source === 'json' && request.caller !== undefined) {
    const own = request.caller
    if (options.caller === undefined && options.role === undefined) return own as Caller
    // a caller that is not an object reaches the engine (which refuses it) unless both options replace it
    if (!isPlainObject(own))
      return options.caller !== undefined && options.role !== undefined
        ? { webExId: options.caller, role: options.role as CallerRole }
        : (own as Caller)
    return {
      ...own,
      webExId: options.caller ?? own['webExId'],
      role: options.role ?? own['role'],
    } as Caller
  }
  const webExId = options.caller ?? (request.source === 'json' ? DEFAULT_JSON_CALLER : request.webExID)
  if (webExId === undefined || webExId === '')
    return new Unusable('the securityContext of the request has no webExID; pass --caller')
  return { webExId, role: (options.role ?? 'siteAdmin') as CallerRole }
}

/** Errors about the stored users or the site mean the files are unusable, not that the request was refused. */
export const isInputFileError = (error: SetUserError): boolean =>
  error._tag === 'InvalidRequest' && error.failures.every((f) => f.source === 'user' || f.source === 'site')

// -------------------------------------------------------------------------------------
// output
// -------------------------------------------------------------------------------------

const indent = (text: string, by = '  '): string => text.split('\n').join(`\n${by}`)

/** The readable lines of a result: changed paths (secrets masked), notices, effects. */
export const diffLines = (before: unknown, result: SetUserResult, by = '  '): string[] => {
  const changes = diffValues(before, result.user)
  return [
    ...(changes.length === 0 ? [`${by}(no changes)`] : changes.map((c) => `${by}changed  ${formatChange(c)}`)),
    ...result.notices.map((n) => `${by}notice   ${n.kind} ${n.path}: ${n.message}`),
    ...result.effects.map(
      ({ kind, ...details }) =>
        `${by}effect   ${kind}${Object.keys(details).length === 0 ? '' : ` ${JSON.stringify(details)}`}`,
    ),
  ]
}

/** A value as indented JSON lines for the diff view, its secrets masked (D-E1). */
export const redactedLines = (value: unknown, by = '  '): string[] =>
  JSON.stringify(redactSecrets(value), null, 2)
    .split('\n')
    .map((line) => `${by}${line}`)

/** A success: the JSON value, the `serv:message` answer, or the readable lines. */
export const success = (format: Format, json: unknown, xml: string, diff: readonly string[]): CliResult => ({
  stdout:
    format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : format === 'xml' ? `${xml}\n` : `${diff.join('\n')}\n`,
  stderr: '',
  exitCode: 0,
})

/** A refusal (exit 1), or an unusable users / site file (exit 2, pointing at `command`'s help). */
export const refused = (
  format: Format,
  error: SetUserError,
  title: string,
  xml: string,
  command?: string,
): CliResult => {
  const text = formatError(error)
  if (isInputFileError(error)) return unusable(`the --user(s) or --site file is not usable\n${text}`, command)
  switch (format) {
    case 'json':
      return { stdout: `${JSON.stringify({ error }, null, 2)}\n`, stderr: `${text}\n`, exitCode: 1 }
    case 'xml':
      return { stdout: `${xml}\n`, stderr: `${text}\n`, exitCode: 1 }
    // a message the XML adapter refuses never reaches the rules: explain has no trace to show
    case 'diff':
    case 'explain':
      return { stdout: `${title}: FAILURE\n  ✗ ${indent(text)}\n`, stderr: '', exitCode: 1 }
  }
}

/** `--users`: a JSON list of users, one JSON user, or a GetUser response (read by `parseUser`). */
export const usersOf = (
  file: Loaded,
  parseUser: (xml: string) => E.Either<SetUserError, unknown>,
  label: string,
): unknown => {
  if (file.kind === 'json') return Array.isArray(file.value) ? file.value : [file.value]
  const parsed = parseUser(file.text)
  return E.isLeft(parsed)
    ? new Unusable(`${label}: not a usable GetUser response\n${formatError(parsed.left)}`)
    : [parsed.right]
}

/** `--retarget`: the stored user under the request's webExId (left alone if either is not usable). */
export const retarget = (user: unknown, body: unknown): unknown =>
  isPlainObject(user) && isPlainObject(body) && typeof body['webExId'] === 'string'
    ? { ...user, webExId: body['webExId'] }
    : user

// -------------------------------------------------------------------------------------
// commands
// -------------------------------------------------------------------------------------

/** One option of a command, as commander declares it. */
export interface OptionSpec {
  /** `--site <file>`, `--retarget`, … */
  readonly flags: string
  readonly description: string
  readonly required?: boolean
  readonly choices?: readonly string[]
}

/**
 * A command of the CLI. A module that exports one plugs in with one line in `registry.ts`; the
 * registry gives it its own `--help`, refuses options it does not declare, and turns any
 * command-line error into exit 2.
 */
export interface CliCommand {
  readonly name: string
  /** One line for the list of commands. */
  readonly summary: string
  /** More for the command's own `--help` (exit codes, formats). */
  readonly details?: string
  readonly options: readonly OptionSpec[]
  /**
   * Runs with the parsed options (by camel-cased long name). Never throws on any input. Only an
   * `asynchronous` command answers with a promise (which never rejects).
   */
  readonly run: (options: Readonly<Record<string, unknown>>, io: CliIO) => CliResult | Promise<CliResult>
  /** The command waits for the outside world (`conformance`): `runAsync` runs it, `run` refuses it. */
  readonly asynchronous?: true
}

/** A string option's value (`undefined` when absent). */
export const stringOption = (options: Readonly<Record<string, unknown>>, name: string): string | undefined => {
  const value = options[name]
  return typeof value === 'string' ? value : undefined
}

export const REQUEST_OPTION: OptionSpec = {
  flags: '--request <file>',
  description: 'the request: the operation\'s XML message or its JSON body ("-" reads stdin)',
  required: true,
}
export const SITE_OPTION: OptionSpec = {
  flags: '--site <file>',
  description: 'the site: JSON (the SiteContext model)',
  required: true,
}
export const USERS_OPTION: OptionSpec = {
  flags: '--users <file>',
  description: 'the users of the site: a JSON list, one JSON user, or a GetUser response (XML)',
  required: true,
}
/** `--caller`, `--role`, `--format`: what every single-request command takes. */
export const CALL_OPTIONS: readonly OptionSpec[] = [
  {
    flags: '--caller <webExId>',
    description: 'who calls (default: the securityContext webExID of an XML request, or "admin" for a JSON body)',
  },
  { flags: '--role <role>', description: "the caller's role (default: siteAdmin)", choices: ROLES },
  {
    flags: '--format <format>',
    description:
      'json: the result; xml: the serv:message answer; diff: the changes (default: diff on a terminal, json otherwise); explain: each step, change, notice, effect or error with the rule and the sentence that decided it',
    choices: FORMATS,
  },
]

/** The format of a run: `--format`, else diff on a terminal and json otherwise. */
export const formatOf = (options: Readonly<Record<string, unknown>>, io: CliIO): Format =>
  (stringOption(options, 'format') as Format | undefined) ?? (io.isTTY ? 'diff' : 'json')

/** The `--caller` / `--role` of a run (an empty `--caller` is unusable). */
export const callOptionsOf = (options: Readonly<Record<string, unknown>>): CallOptions | Unusable => {
  const caller = stringOption(options, 'caller')
  if (caller === '') return new Unusable('--caller must not be empty')
  return { caller, role: stringOption(options, 'role') }
}
