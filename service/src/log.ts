/**
 * The service's logger: pino, one JSON object per line, and no secret in any line.
 *
 * Secrets reach a logger in three shapes, and each is scrubbed before pino serialises the line:
 * - as a value under a secret key, at any depth (`{ securityContext: { password } }`,
 *   `{ user: { phones: { PIN } } }`, an HTTP `authorization` header): the value becomes `******`;
 * - inside XML text (a logged request excerpt, an error message quoting the message): the content
 *   of every secret element, and the whole securityContext, becomes `******`;
 * - as `key=value` in a form body or URL (`PWD=…` of the form transport, a login URL's ticket),
 *   or `"key": "value"` in JSON text.
 * Errors are logged as `{ type, message, stack }` with the same scrubbing of message and stack.
 */
import { pino, type Bindings, type ChildLoggerOptions, type DestinationStream, type Level, type Logger } from 'pino'

export type { Logger } from 'pino'

/** What every secret value is replaced with (Webex masks passwords the same way in GetUser). */
export const REDACTED = '******'

/**
 * Keys whose values are secrets wherever they occur, compared case-insensitively: credentials of
 * the securityContext and the form transport, PINs and access codes of the user tree, session and
 * login tickets, and the login URLs that embed a ticket.
 */
export const SECRET_KEYS: readonly string[] = [
  'securityContext',
  'password',
  'newPassword',
  'passwordHint',
  'passwordHintAnswer',
  'PWD',
  'PIN',
  'hostPIN',
  'attendeePIN',
  'accessCode',
  'subscriberAccessCode',
  'participantAccessCode',
  'participantFullAccessCode',
  'participantLimitedAccessCode',
  'moderatorCode',
  'sessionTicket',
  'ticket',
  'TK',
  'accessToken',
  'webExAccessToken',
  'samlResponse',
  'partnerID',
  'userLoginURL',
  'userLogoutURL',
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
]

const secretKeys = new Set(SECRET_KEYS.map((key) => key.toLowerCase()))

/** Whether a value under this key is a secret. */
export const isSecretKey = (key: string): boolean => secretKeys.has(key.toLowerCase())

const names = SECRET_KEYS.filter((key) => /^[A-Za-z]+$/.test(key)).join('|')
// `<securityContext …>` up to its end tag (or the end of the text, when an excerpt is cut)
const XML_CONTEXT = /(<(?:[\w.-]+:)?securityContext\b[^>]*>)[\s\S]*?(<\/(?:[\w.-]+:)?securityContext\s*>|$)/gi
// the text of a secret element, up to the next tag or the end
const XML_ELEMENT = new RegExp(`(<(?:[\\w.-]+:)?(?:${names})(?:\\s[^>]*)?>)[^<]*`, 'gi')
// `"password": "…"` in JSON text
const JSON_MEMBER = new RegExp(`("(?:${names})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi')
// `PWD=…` in a form body or a query string
const FORM_FIELD = new RegExp(`(^|[?&;\\s])((?:${names})=)[^&;\\s]*`, 'gi')

/** The text with every secret it embeds (XML, JSON or form syntax) replaced by {@link REDACTED}. */
export const scrubText = (text: string): string => {
  let out = text
  if (out.includes('<')) out = out.replace(XML_CONTEXT, `$1${REDACTED}$2`).replace(XML_ELEMENT, `$1${REDACTED}`)
  if (out.includes('"')) out = out.replace(JSON_MEMBER, `$1"${REDACTED}"`)
  if (out.includes('=')) out = out.replace(FORM_FIELD, `$1$2${REDACTED}`)
  return out
}

const MAX_DEPTH = 12

/**
 * A copy of a value fit for a log line: secret keys redacted at any depth, strings scrubbed,
 * errors turned into plain `{ type, message, stack, code }`, cycles and very deep nesting cut.
 * The input is never modified.
 */
export const scrubValue = (value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown => {
  if (typeof value === 'string') return scrubText(value)
  if (typeof value !== 'object' || value === null) return value
  if (value instanceof Uint8Array) return `[${String(value.byteLength)} bytes]`
  if (seen.has(value)) return '[Circular]'
  if (depth >= MAX_DEPTH) return '[Deep]'
  seen.add(value)
  try {
    if (value instanceof Error) {
      const plain: Record<string, unknown> = { type: value.name, message: scrubText(value.message) }
      if (value.stack !== undefined) plain['stack'] = scrubText(value.stack)
      const code = (value as { code?: unknown }).code
      if (typeof code === 'string' || typeof code === 'number') plain['code'] = code
      if (value.cause !== undefined) plain['cause'] = scrubValue(value.cause, depth + 1, seen)
      return plain
    }
    if (Array.isArray(value)) return value.map((item: unknown) => scrubValue(item, depth + 1, seen))
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      out[key] = isSecretKey(key) ? (item === undefined ? undefined : REDACTED) : scrubValue(item, depth + 1, seen)
    }
    return out
  } finally {
    seen.delete(value)
  }
}

export interface LoggerOptions {
  /** Lowest level written. Default `info`, or `$LOG_LEVEL`. */
  readonly level?: Level | 'silent'
  /**
   * Where the JSON lines go. Default: standard error, so that standard output carries only the
   * `listening on …` line scripts read (D-SVH-6).
   */
  readonly destination?: DestinationStream
  /** Fields on every line (for example the process's role). */
  readonly base?: Readonly<Record<string, unknown>>
}

const LEVELS: readonly string[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

const levelFrom = (option: LoggerOptions['level']): string => {
  if (option !== undefined) return option
  const fromEnv = process.env['LOG_LEVEL']
  return fromEnv !== undefined && LEVELS.includes(fromEnv) ? fromEnv : 'info'
}

/**
 * The service's pino logger. Every argument of every log call (objects, messages, interpolated
 * values) and every child's bindings pass through {@link scrubValue} first.
 *
 * @example
 * ```ts
 * const log = createLogger({ level: 'info' })
 * log.info({ securityContext: { webExID: 'admin', password: 'x' } }, 'parsed') // securityContext: "******"
 * ```
 */
export const createLogger = (options: LoggerOptions = {}): Logger => {
  const logger = pino(
    {
      level: levelFrom(options.level),
      base: options.base === undefined ? { pid: process.pid } : { pid: process.pid, ...options.base },
      // errors reach pino already plain and scrubbed (scrubValue): its error serialiser would
      // rename their type to 'Object'
      serializers: { err: (value: unknown) => value },
      formatters: {
        bindings: (bindings) => scrubValue(bindings) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args: unknown[], method) {
          // args: [object?, message?, ...interpolation values], each scrubbed; an error logged
          // alone goes under `err` (as pino does), with its message as the line's message
          const [first, ...rest] = args
          const head =
            first instanceof Error
              ? [{ err: scrubValue(first) }, ...(rest.length === 0 ? [first.message] : [])]
              : [first]
          const scrubbed = [...head, ...rest].map((arg) => scrubValue(arg)) as Parameters<typeof method>
          method.apply(this, scrubbed)
        },
      },
    },
    options.destination ?? pino.destination({ dest: 2, sync: false }),
  )
  // pino formats a child's bindings without the bindings formatter: scrub them on the way in.
  // Children are created from their parent's prototype chain, so they inherit this `child` too.
  const proto = Object.getPrototypeOf(logger) as {
    child: (this: Logger, ...args: Parameters<Logger['child']>) => Logger
  }
  Object.defineProperty(logger, 'child', {
    value(this: Logger, bindings: Bindings, childOptions?: ChildLoggerOptions): Logger {
      return proto.child.call(this, scrubValue(bindings) as Bindings, childOptions)
    },
  })
  return logger
}
