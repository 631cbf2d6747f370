/**
 * `batch`: many SetUser requests in one run, for the migration of a whole site. In: NDJSON, one
 * `{ "user": …, "site": …, "request": … }` per line (`request` is `{ caller, body }` or a SetUser
 * XML message as a string), or a folder of SetUser XML messages with `--site` and `--users`. Out:
 * NDJSON, one result per input, in input order; a progress bar on a terminal (stderr); a closing
 * summary on stderr.
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
  callOptionsOf,
  type CallOptions,
  type CliCommand,
  type CliIO,
  type CliResult,
  DEFAULT_JSON_CALLER,
  isInputFileError,
  load,
  loadJson,
  parseBytes,
  readBytes,
  ROLES,
  stringOption,
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

const callerFor = (options: CallOptions, webExID: string | undefined): Caller | Unusable => {
  const webExId = options.caller ?? webExID
  if (webExId === undefined || webExId === '')
    return new Unusable('the securityContext of the request has no webExID; pass --caller')
  return { webExId, role: (options.role ?? 'siteAdmin') as Caller['role'] }
}

/** A request of an NDJSON line: `{ caller, body }`, or a SetUser message as a string. */
const lineRequest = (
  request: unknown,
  options: CallOptions,
): { readonly caller: Caller; readonly body: SetUserBody } | SetUserError | Unusable => {
  if (typeof request === 'string') {
    const message = parseSetUserMessage(request)
    if (E.isLeft(message)) return message.left
    const caller = callerFor(options, message.right.securityContext.webExID)
    return caller instanceof Unusable ? caller : { caller, body: message.right.body }
  }
  if (!isPlainObject(request)) return new Unusable('"request" must be { caller, body } or a SetUser XML message')
  // the engine decodes the request: a malformed caller or body is an InvalidRequest
  const caller =
    options.caller === undefined && isPlainObject(request['caller'])
      ? (request['caller'] as unknown as Caller)
      : { webExId: options.caller ?? DEFAULT_JSON_CALLER, role: (options.role ?? 'siteAdmin') as Caller['role'] }
  return { caller, body: request['body'] as SetUserBody }
}

const apply = (user: unknown, site: unknown, caller: Caller, body: SetUserBody): Outcome => {
  const webExId = isPlainObject(body) && typeof body.webExId === 'string' ? body.webExId : undefined
  const result = applySetUser(user as User, site as SiteContext, { caller, body })
  if (E.isRight(result)) return { status: 'SUCCESS', webExId: result.right.user.webExId, result: result.right }
  if (isInputFileError(result.left))
    return { status: 'UNUSABLE', reason: 'the user or site is not usable', error: result.left }
  return { status: 'FAILURE', webExId, error: result.left }
}

/** NDJSON in: each line on its own. */
const runLines = (text: string, options: CallOptions, tick: (done: number, total: number) => void): Item[] => {
  const lines = text.split('\n')
  const numbered = lines.map((content, i) => ({ content: content.trim(), line: i + 1 })).filter((l) => l.content !== '')
  return numbered.map(({ content, line }, i) => {
    const outcome = ((): Outcome => {
      let value: unknown
      try {
        value = JSON.parse(content)
      } catch (thrown) {
        return { status: 'UNUSABLE', reason: `not JSON (${thrown instanceof Error ? thrown.message : String(thrown)})` }
      }
      if (!isPlainObject(value)) return { status: 'UNUSABLE', reason: 'expected { "user", "site", "request" }' }
      const request = lineRequest(value['request'], options)
      if (request instanceof Unusable) return { status: 'UNUSABLE', reason: request.message }
      if ('_tag' in request) return { status: 'FAILURE', webExId: undefined, error: request }
      return apply(value['user'], value['site'], request.caller, request.body)
    })()
    tick(i + 1, numbered.length)
    return { at: { line }, outcome }
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
  tick: (done: number, total: number) => void,
): Item[] => {
  // keyed by userKey: a message naming `JDoe` finds the stored `jdoe` (D-OP-19)
  const byWebExId = new Map<string, { readonly webExId: string }>()
  for (const user of users)
    if (isPlainObject(user) && typeof user['webExId'] === 'string')
      byWebExId.set(userKey(user['webExId']), user as { readonly webExId: string })
  let currentSite = site
  return names.map((file, i) => {
    const outcome = ((): Outcome => {
      const bytes = readBytes(io, 'input', `${folder}/${file}`)
      if (bytes instanceof Unusable) return { status: 'UNUSABLE', reason: bytes.message }
      const loaded = parseBytes(bytes, file)
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
    tick(i + 1, names.length)
    return { at: { file }, outcome }
  })
}

const summaryOf = (items: readonly Item[]): { line: string; exitCode: 0 | 1 } => {
  const count = (status: Outcome['status']): number => items.filter((item) => item.outcome.status === status).length
  const [applied, refused, unusableCount] = [count('SUCCESS'), count('FAILURE'), count('UNUSABLE')]
  return {
    line: `batch: ${String(items.length)} requests, ${String(applied)} applied, ${String(refused)} refused, ${String(unusableCount)} unusable`,
    exitCode: applied === items.length ? 0 : 1,
  }
}

/** The `batch` command. */
export const batchCommand: CliCommand = {
  name: 'batch',
  summary: 'apply many SetUser requests (NDJSON or a folder of XML messages); NDJSON results out',
  details:
    'NDJSON in: one {"user", "site", "request"} per line; request is {caller, body} or a SetUser XML message string.\n' +
    'Folder in: every *.xml file, in name order, against --users and --site; each result is the next stored user.\n' +
    'Out: one JSON line per request ({line|file, status, …}), a progress bar on a terminal, a summary on stderr.\n' +
    'Exit status: 0 all applied, 1 any refused or unusable, 2 the batch cannot run.',
  options: [
    {
      flags: '--input <path>',
      description: 'an NDJSON file ("-" reads stdin) or a folder of XML messages',
      required: true,
    },
    { flags: '--site <file>', description: 'folder mode: the site, JSON (the SiteContext model)' },
    { flags: '--users <file>', description: 'folder mode: the users, a JSON list' },
    { flags: '--caller <webExId>', description: "who calls (default: each request's own caller)" },
    { flags: '--role <role>', description: "the caller's role (default: siteAdmin)", choices: ROLES },
  ],
  run: (options, io): CliResult => {
    const fail = (message: string): CliResult => unusable(message, 'batch')
    const call = callOptionsOf(options)
    if (call instanceof Unusable) return fail(call.message)
    const input = stringOption(options, 'input') ?? ''
    const tick = (done: number, total: number): void => io.progress?.(progressBar(done, total))
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
    let items: Item[]
    if (names === undefined) {
      const bytes = readBytes(io, 'input', input)
      if (bytes instanceof Unusable) return fail(bytes.message)
      let text: string
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      } catch {
        return fail(`--input ${input}: not UTF-8 text`)
      }
      items = runLines(text, call, tick)
    } else {
      const sitePath = stringOption(options, 'site')
      const usersPath = stringOption(options, 'users')
      if (sitePath === undefined || usersPath === undefined)
        return fail(`--input ${input} is a folder: --site and --users are required`)
      const site = loadJson(io, 'site', sitePath, 'the SiteContext model')
      if (site instanceof Unusable) return fail(site.message)
      const usersFile = load(io, 'users', usersPath)
      if (usersFile instanceof Unusable) return fail(usersFile.message)
      const users = usersOf(usersFile, parseGetUserResponse, `--users ${usersPath}`)
      if (users instanceof Unusable) return fail(users.message)
      items = runFolder(io, input, names, site, users as readonly unknown[], call, tick)
    }
    if (io.progress !== undefined && items.length > 0) io.progress('\n')
    const summary = summaryOf(items)
    return {
      stdout: items.map((item) => `${JSON.stringify({ ...item.at, ...item.outcome })}\n`).join(''),
      stderr: `${summary.line}\n`,
      exitCode: summary.exitCode,
    }
  },
}
