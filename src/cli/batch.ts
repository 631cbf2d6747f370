/**
 * `batch`: many SetUser requests in one run, for the migration of a whole site. In: NDJSON, one
 * `{ "user": …, "site": …, "request": … }` per line (`request` is `{ caller, body }` or a SetUser
 * XML message as a string), or a folder of SetUser XML messages with `--site` and `--users`. Out:
 * NDJSON, one result per input, in input order, each line written as soon as it is known (when the
 * outside world can write: `CliIO.writeOut`); a progress bar on a terminal (stderr); a closing
 * summary on stderr.
 *
 * NDJSON is read as a stream, line by line (`CliIO.openStream`, D-C9): the first result is out as
 * soon as the first line has arrived, and what is held is one line at a time, never the input. A
 * line over {@link MAX_LINE_BYTES} is UNUSABLE and skipped unread; so is a line that is not UTF-8.
 * The command is asynchronous (it waits for its input): `runAsync` runs it.
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
 * cannot run (no input, unreadable folder, unusable --site / --users) or stopped (an engine defect,
 * the input failing as it is read, the output closed), the lines before it standing.
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
  NAME,
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

/** `1 request`, `2 requests`. */
const plural = (n: number, noun: string): string => `${String(n)} ${noun}${n === 1 ? '' : 's'}`

/** `\r[#####-----]`, `fraction` of it filled, for a terminal; redrawn in place. */
const bar = (fraction: number): string => {
  const filled = Math.round(fraction * BAR_WIDTH)
  return `\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`
}

/** `[#####-----] 12/40`: the folder's messages done. */
const progressBar = (done: number, total: number): string =>
  `${bar(total === 0 ? 1 : done / total)} ${String(done)}/${String(total)}`

/** An NDJSON input: its byte chunks as they arrive, and its size when it is known (a regular file). */
interface Input {
  readonly chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>
  readonly size: number | undefined
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

/**
 * The outside world failing once the batch has begun — the input as it is read, stdout as it is
 * written (a closed pipe) — stops it (exit 2); the lines before it stand. Not an internal error.
 */
class Stopped extends Error {}

const messageOf = (thrown: unknown): string => (thrown instanceof Error ? thrown.message : String(thrown))

/** The chunks of a stream, a failure of the stream named as the input's (never as the engine's). */
async function* reading(chunks: AsyncIterable<Uint8Array>, what: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of chunks) yield chunk
  } catch (thrown) {
    throw new Stopped(`${what} (${messageOf(thrown)})`)
  }
}

/**
 * The NDJSON input (`-`: standard input), opened to be read as it arrives (`CliIO.openStream`), or
 * read whole where the outside world cannot stream (`readFile` / `readStdin`).
 */
const openInput = (io: CliIO, path: string): Input | Unusable => {
  if (io.openStream === undefined) {
    const bytes = readBytes(io, 'input', path)
    return bytes instanceof Unusable ? bytes : { chunks: [bytes], size: bytes.length }
  }
  const what = `--input ${path}: cannot read ${path === '-' ? 'standard input' : 'the file'}`
  try {
    const opened = io.openStream(path)
    return { chunks: reading(opened.chunks, what), size: opened.size }
  } catch (thrown) {
    return new Unusable(`${what} (${messageOf(thrown)})`)
  }
}

/** Where each result goes as soon as it is known (awaited: the output may push back), and the progress. */
type Emit = (item: Item, progress: string) => Promise<void>

/**
 * The longest NDJSON line read, in bytes without its newline: a longer one is UNUSABLE and its bytes
 * are dropped as they arrive, so a line without end never fills the memory (D-C9).
 */
export const MAX_LINE_BYTES = 16 * 1024 * 1024

/** A line of the input as bytes (`undefined`: over {@link MAX_LINE_BYTES}), and the bytes read so far. */
interface RawLine {
  readonly line: number
  readonly bytes: Uint8Array | undefined
  readonly consumed: number
}

/** The lines of a stream of byte chunks, as they arrive; only the line being read is held. */
async function* linesOf(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<RawLine> {
  let parts: Uint8Array[] = []
  let length = 0
  let line = 1
  let consumed = 0
  const add = (piece: Uint8Array): void => {
    length += piece.length
    if (length > MAX_LINE_BYTES) parts = []
    else if (piece.length > 0) parts.push(piece)
  }
  const take = (): RawLine => {
    let bytes: Uint8Array | undefined
    if (length <= MAX_LINE_BYTES) {
      bytes = new Uint8Array(length)
      let at = 0
      for (const part of parts) {
        bytes.set(part, at)
        at += part.length
      }
    }
    const raw = { line, bytes, consumed }
    parts = []
    length = 0
    line++
    return raw
  }
  for await (const chunk of chunks) {
    let start = 0
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      add(chunk.subarray(start, nl))
      consumed += nl + 1 - start
      start = nl + 1
      yield take()
    }
    add(chunk.subarray(start))
    consumed += chunk.length - start
  }
  if (length > 0) yield take()
}

/** The outcome of one NDJSON line; `undefined` for a blank line. */
const lineOutcome = (raw: RawLine, options: CallOptions): Outcome | undefined => {
  if (raw.bytes === undefined)
    return { status: 'UNUSABLE', reason: `longer than ${String(MAX_LINE_BYTES)} bytes (not read)` }
  let content: string
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(raw.bytes).trim()
  } catch {
    return { status: 'UNUSABLE', reason: 'not UTF-8 text' }
  }
  if (content === '') return undefined
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
}

/** The input read so far, where the total is known (a regular file): `[#####-----] 12 requests (40%)`. */
const streamProgress = (done: number, consumed: number, size: number | undefined): string => {
  const requests = plural(done, 'request')
  if (size === undefined) return `\r${requests}`
  const fraction = size === 0 ? 1 : Math.min(1, consumed / size)
  return `${bar(fraction)} ${requests} (${String(Math.floor(fraction * 100))}%)`
}

/** NDJSON in, line by line as it arrives: each line on its own. */
const runLines = async (input: Input, options: CallOptions, emit: Emit): Promise<void> => {
  let done = 0
  for await (const raw of linesOf(input.chunks)) {
    const outcome = lineOutcome(raw, options)
    if (outcome === undefined) continue
    done++
    await emit({ at: { line: raw.line }, outcome }, streamProgress(done, raw.consumed, input.size))
  }
}

/** A folder of SetUser messages, in file-name order, against users and a site that evolve. */
const runFolder = async (
  io: CliIO,
  folder: string,
  names: readonly string[],
  site: unknown,
  users: readonly unknown[],
  options: CallOptions,
  emit: Emit,
): Promise<void> => {
  // keyed by userKey: a message naming `JDoe` finds the stored `jdoe` (D-OP-19)
  const byWebExId = new Map<string, { readonly webExId: string }>()
  for (const user of users)
    if (isPlainObject(user) && typeof user['webExId'] === 'string')
      byWebExId.set(userKey(user['webExId']), user as { readonly webExId: string })
  let currentSite = site
  for (const [i, file] of names.entries()) {
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
    await emit({ at: { file }, outcome }, progressBar(i + 1, names.length))
  }
}

type Tally = Record<Outcome['status'], number>

const summaryOf = (tally: Tally): { line: string; exitCode: 0 | 1 } => {
  const total = tally.SUCCESS + tally.FAILURE + tally.UNUSABLE
  return {
    line: `batch: ${plural(total, 'request')}, ${String(tally.SUCCESS)} applied, ${String(tally.FAILURE)} refused, ${String(tally.UNUSABLE)} unusable`,
    exitCode: tally.SUCCESS === total ? 0 : 1,
  }
}

/** The `batch` command. */
export const batchCommand: CliCommand = {
  name: 'batch',
  summary: 'apply many SetUser requests (NDJSON or a folder of XML messages); NDJSON results out',
  details:
    'NDJSON in: one {"user", "site", "request"} per line; request is {caller, body} or a SetUser XML message string.\n' +
    'NDJSON is read as it arrives (stdin or a file): each line is answered before the next is read; a line over\n' +
    '16 MiB or not UTF-8 is UNUSABLE on its own.\n' +
    'Folder in: every *.xml file, in name order, against --users and --site; each result is the next stored user.\n' +
    '--site and --users are for folder input only (an NDJSON line carries its own; with NDJSON they are refused).\n' +
    "--caller and --role replace each its part of every request's caller (the rest stays the request's own).\n" +
    'Out: one JSON line per request ({line|file, status, …}), written as each completes; a progress bar on a\n' +
    'terminal (the share of a file read; a count for a pipe); a summary on stderr.\n' +
    'Exit status: 0 all applied, 1 any refused or unusable, 2 the batch cannot run, or stopped (an internal error,\n' +
    'the input failing as it is read, the output closed).',
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
  asynchronous: true,
  run: async (options, io): Promise<CliResult> => {
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
    const emit: Emit = async (item, progress) => {
      try {
        await write(`${JSON.stringify({ ...item.at, ...item.outcome })}\n`)
      } catch (thrown) {
        throw new Stopped(`cannot write the results (${messageOf(thrown)})`)
      }
      tally[item.outcome.status]++
      io.progress?.(progress)
      last = `after ${'line' in item.at ? `line ${String(item.at.line)}` : item.at.file}`
    }
    let start: () => Promise<void>
    if (names === undefined) {
      if (sitePath !== undefined || usersPath !== undefined)
        return fail(
          `--input ${input} is NDJSON: each line carries its own "user" and "site"; --site and --users are for a folder of XML messages`,
        )
      const opened = openInput(io, input)
      if (opened instanceof Unusable) return fail(opened.message)
      start = () => runLines(opened, call, emit)
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
      start = () => runFolder(io, input, folder, site, users as readonly unknown[], call, emit)
    }
    const summary = (): string => summaryOf(tally).line
    const drawn = (): boolean => io.progress !== undefined && tally.SUCCESS + tally.FAILURE + tally.UNUSABLE > 0
    try {
      await start()
    } catch (thrown) {
      // a bug of the engine (D-E2), or the input or output failing, stops the batch; the lines written so far stand
      if (drawn()) io.progress?.('\n')
      const why = thrown instanceof Stopped ? `${NAME}: ${thrown.message}` : thrownLine(thrown)
      return { stdout, stderr: `${why} (${last})\n${summary()} before it stopped\n`, exitCode: 2 }
    }
    if (drawn()) io.progress?.('\n')
    return { stdout, stderr: `${summary()}\n`, exitCode: summaryOf(tally).exitCode }
  },
}
