/**
 * `batch`: many SetUser requests in one run, for the migration of a whole site. In: NDJSON, one
 * `{ "user": …, "site": …, "request": … }` per line (`request` is `{ caller, body }` or a SetUser
 * XML message as a string), or a folder of SetUser XML messages with `--site` and `--users`. Out:
 * NDJSON, one result per input, in input order, each line written as soon as it is known (when the
 * outside world can write: `CliIO.writeOut`); a progress bar on a terminal (stderr); a closing
 * summary on stderr.
 *
 * `--site` and `--users` belong to folder mode only: with NDJSON input (each line carries its own)
 * they are refused, exit 2. `--caller` and `--role` replace each its part of every request's caller
 * (`callerOf`, D-C4).
 *
 * In folder mode the run carries state like a server would (D-E4): each message applies to the
 * user as the previous messages left it, and the site's host count follows (R6). NDJSON lines are
 * independent: each carries its own user and site.
 *
 * Exit status: 0 every request applied; 1 at least one refused or unusable; 2 the batch itself
 * cannot run (no input, unreadable folder, unusable --site / --users).
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import {
  applySetUser,
  type Caller,
  hostCountAfter,
  isPlainObject,
  type SetUserBody,
  type SetUserError,
  type SiteContext,
  type User,
  userKey,
} from 'webex-user-rules'
import { parseGetUserResponse, parseSetUserMessage } from 'webex-user-rules/xml'
import {
  callerOf,
  callOptionsOf,
  type CallOptions,
  type CliCommand,
  type CliIO,
  type CliResult,
  isInputFileError,
  load,
  loadJson,
  parseBytes,
  parseJson,
  readBytes,
  ROLES,
  stringOption,
  thrownLine,
  Undecodable,
  unusable,
  Unusable,
  usersOf,
} from './shared.js'

/** One line of the output. */
type Outcome =
  | { readonly status: 'SUCCESS'; readonly webExId: string; readonly result: unknown }
  | { readonly status: 'FAILURE'; readonly webExId: string | undefined; readonly error: SetUserError }
  | { readonly status: 'UNUSABLE'; readonly reason: string; readonly error?: SetUserError }

interface Item {
  /** `line` (1-based) or `file`, naming the input. */
  readonly at: { readonly line: number } | { readonly file: string }
  readonly outcome: Outcome
}

const BAR_WIDTH = 30

/** `[#####-----] 12/40` for a terminal; redrawn in place. */
const progressBar = (done: number, total: number): string => {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH)
  return `\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(done)}/${String(total)}`
}

/** A request of an NDJSON line: `{ caller, body }`, or a SetUser message as a string. */
const lineRequest = (
  request: unknown,
  options: CallOptions,
): { readonly caller: Caller; readonly body: SetUserBody } | SetUserError | Unusable => {
  if (typeof request === 'string') {
    const message = parseSetUserMessage(request)
    if (E.isLeft(message)) return message.left
    const caller = callerOf(options, { source: 'xml', webExID: message.right.securityContext.webExID })
    return caller instanceof Unusable ? caller : { caller, body: message.right.body }
  }
  if (!isPlainObject(request)) return new Unusable('"request" must be { caller, body } or a SetUser XML message')
  // the engine decodes the request: a malformed caller or body is an InvalidRequest
  const caller = callerOf(options, { source: 'json', caller: request['caller'] })
  return caller instanceof Unusable ? caller : { caller, body: request['body'] as SetUserBody }
}

const apply = (user: unknown, site: unknown, caller: Caller, body: SetUserBody): Outcome => {
  const webExId = isPlainObject(body) && typeof body.webExId === 'string' ? body.webExId : undefined
  const result = applySetUser(user as User, site as SiteContext, { caller, body })
  if (E.isRight(result)) return { status: 'SUCCESS', webExId: result.right.user.webExId, result: result.right }
  if (isInputFileError(result.left))
    return { status: 'UNUSABLE', reason: 'the user or site is not usable', error: result.left }
  return { status: 'FAILURE', webExId, error: result.left }
}

/** Where each result goes as soon as it is known, and the tally for the summary. */
type Emit = (item: Item, done: number, total: number) => void

/** NDJSON in: each line on its own. */
const runLines = (text: string, options: CallOptions, emit: Emit): void => {
  const lines = text.split('\n')
  const numbered = lines.map((content, i) => ({ content: content.trim(), line: i + 1 })).filter((l) => l.content !== '')
  numbered.forEach(({ content, line }, i) => {
    const outcome = ((): Outcome => {
      // never V8's message: it quotes the line, which may hold a password (D-E1)
      const parsed = parseJson(content)
      if ('error' in parsed)
        return { status: 'UNUSABLE', reason: `not JSON (${parsed.error.replace(/ at line 1,/, ' at')})` }
      const value = parsed.value
      if (!isPlainObject(value)) return { status: 'UNUSABLE', reason: 'expected { "user", "site", "request" }' }
      const request = lineRequest(value['request'], options)
      if (request instanceof Unusable) return { status: 'UNUSABLE', reason: request.message }
      if ('_tag' in request) return { status: 'FAILURE', webExId: undefined, error: request }
      return apply(value['user'], value['site'], request.caller, request.body)
    })()
    emit({ at: { line }, outcome }, i + 1, numbered.length)
  })
}

/** A folder of SetUser messages, in file-name order, against users and a site that evolve. */
const runFolder = (
  io: CliIO,
  folder: string,
  names: readonly string[],
  site: unknown,
  users: readonly unknown[],
  options: CallOptions,
  emit: Emit,
): void => {
  // keyed by userKey: a message naming `JDoe` finds the stored `jdoe` (D-OP-19)
  const byWebExId = new Map<string, { readonly webExId: string }>()
  for (const user of users)
    if (isPlainObject(user) && typeof user['webExId'] === 'string')
      byWebExId.set(userKey(user['webExId']), user as { readonly webExId: string })
  let currentSite = site
  names.forEach((file, i) => {
    const outcome = ((): Outcome => {
      const bytes = readBytes(io, 'input', `${folder}/${file}`)
      if (bytes instanceof Unusable) return { status: 'UNUSABLE', reason: bytes.message }
      const loaded = parseBytes(bytes, file)
      // bytes that cannot be decoded are a malformed message, refused like the others
      if (loaded instanceof Undecodable) return { status: 'FAILURE', webExId: undefined, error: loaded.error }
      if (loaded instanceof Unusable) return { status: 'UNUSABLE', reason: loaded.message }
      if (loaded.kind !== 'xml') return { status: 'UNUSABLE', reason: `${file}: expected a SetUser XML message` }
      const request = lineRequest(loaded.text, options)
      if (request instanceof Unusable) return { status: 'UNUSABLE', reason: `${file}: ${request.message}` }
      if ('_tag' in request) return { status: 'FAILURE', webExId: undefined, error: request }
      const webExId = (request.body as Partial<SetUserBody>).webExId
      const before = webExId === undefined ? undefined : byWebExId.get(userKey(webExId))
      if (before === undefined)
        return { status: 'UNUSABLE', reason: `${file}: no user "${String(webExId)}" in --users` }
      // the request names the user in its stored spelling, as setUserTarget does: R20 compares exactly
      const body = { ...request.body, webExId: before.webExId }
      const outcome = apply(before, currentSite, request.caller, body)
      if (outcome.status === 'SUCCESS') {
        const after = (outcome.result as { readonly user: User }).user
        byWebExId.delete(userKey(before.webExId))
        byWebExId.set(userKey(after.webExId), after)
        if (isPlainObject(currentSite))
          currentSite = {
            ...currentSite,
            activeHostCount: hostCountAfter(currentSite as unknown as SiteContext, before, after),
          }
      }
      return outcome
    })()
    emit({ at: { file }, outcome }, i + 1, names.length)
  })
}

type Tally = Record<Outcome['status'], number>

const summaryOf = (tally: Tally): { line: string; exitCode: 0 | 1 } => {
  const total = tally.SUCCESS + tally.FAILURE + tally.UNUSABLE
  return {
    line: `batch: ${String(total)} requests, ${String(tally.SUCCESS)} applied, ${String(tally.FAILURE)} refused, ${String(tally.UNUSABLE)} unusable`,
    exitCode: tally.SUCCESS === total ? 0 : 1,
  }
}

/** The `batch` command. */
export const batchCommand: CliCommand = {
  name: 'batch',
  summary: 'apply many SetUser requests (NDJSON or a folder of XML messages); NDJSON results out',
  details:
    'NDJSON in: one {"user", "site", "request"} per line; request is {caller, body} or a SetUser XML message string.\n' +
    'Folder in: every *.xml file, in name order, against --users and --site; each result is the next stored user.\n' +
    '--site and --users are for folder input only (an NDJSON line carries its own; with NDJSON they are refused).\n' +
    "--caller and --role replace each its part of every request's caller (the rest stays the request's own).\n" +
    'Out: one JSON line per request ({line|file, status, …}), written as each completes; a progress bar on a\n' +
    'terminal; a summary on stderr.\n' +
    'Exit status: 0 all applied, 1 any refused or unusable, 2 the batch cannot run (or stopped on an internal error).',
  options: [
    {
      flags: '--input <path>',
      description: 'an NDJSON file ("-" reads stdin) or a folder of XML messages',
      required: true,
    },
    { flags: '--site <file>', description: 'folder input only: the site, JSON (the SiteContext model)' },
    { flags: '--users <file>', description: 'folder input only: the users, a JSON list' },
    { flags: '--caller <webExId>', description: "who calls, for every request (default: each request's own caller)" },
    {
      flags: '--role <role>',
      description: "the caller's role, for every request (default: the request's own, else siteAdmin)",
      choices: ROLES,
    },
  ],
  run: (options, io): CliResult => {
    const fail = (message: string): CliResult => unusable(message, 'batch')
    const call = callOptionsOf(options)
    if (call instanceof Unusable) return fail(call.message)
    const input = stringOption(options, 'input') ?? ''
    const sitePath = stringOption(options, 'site')
    const usersPath = stringOption(options, 'users')
    let names: readonly string[] | undefined
    if (input !== '-' && io.readDir !== undefined) {
      try {
        names = io
          .readDir(input)
          .filter((name) => name.endsWith('.xml'))
          .sort()
      } catch {
        names = undefined // not a folder: read as an NDJSON file
      }
    }
    // each result line goes out as soon as it is known: a later failure keeps the lines before it
    let stdout = ''
    const write = io.writeOut ?? ((text: string): void => void (stdout += text))
    const tally: Tally = { SUCCESS: 0, FAILURE: 0, UNUSABLE: 0 }
    let last = 'before the first request'
    const emit: Emit = (item, done, total) => {
      write(`${JSON.stringify({ ...item.at, ...item.outcome })}\n`)
      tally[item.outcome.status]++
      io.progress?.(progressBar(done, total))
      last = `after ${'line' in item.at ? `line ${String(item.at.line)}` : item.at.file}`
    }
    let start: () => void
    if (names === undefined) {
      if (sitePath !== undefined || usersPath !== undefined)
        return fail(
          `--input ${input} is NDJSON: each line carries its own "user" and "site"; --site and --users are for a folder of XML messages`,
        )
      const bytes = readBytes(io, 'input', input)
      if (bytes instanceof Unusable) return fail(bytes.message)
      let text: string
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      } catch {
        return fail(`--input ${input}: not UTF-8 text`)
      }
      start = () => {
        runLines(text, call, emit)
      }
    } else {
      if (sitePath === undefined || usersPath === undefined)
        return fail(`--input ${input} is a folder: --site and --users are required`)
      const site = loadJson(io, 'site', sitePath, 'the SiteContext model')
      if (site instanceof Unusable) return fail(site.message)
      const usersFile = load(io, 'users', usersPath)
      if (usersFile instanceof Unusable) return fail(usersFile.message)
      const users = usersOf(usersFile, parseGetUserResponse, `--users ${usersPath}`)
      if (users instanceof Unusable) return fail(users.message)
      const folder = names
      start = () => {
        runFolder(io, input, folder, site, users as readonly unknown[], call, emit)
      }
    }
    const summary = (): string => summaryOf(tally).line
    try {
      start()
    } catch (thrown) {
      // a bug of the engine stops the batch (D-E2); the lines written so far stand
      if (io.progress !== undefined) io.progress('\n')
      return { stdout, stderr: `${thrownLine(thrown)} (${last})\n${summary()} before it stopped\n`, exitCode: 2 }
    }
    if (io.progress !== undefined && tally.SUCCESS + tally.FAILURE + tally.UNUSABLE > 0) io.progress('\n')
    return { stdout, stderr: `${summary()}\n`, exitCode: summaryOf(tally).exitCode }
  },
}
