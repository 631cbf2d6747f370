/**
 * The playground's computation, free of the DOM: the four inputs as text in, what the page shows
 * out. It runs the package's own engine and XML adapter in the browser (D-PG4).
 */
import * as E from '#fp-ts/Either.js'
import {
  formatError,
  type CallerRole,
  type SetUserBody,
  type SetUserError,
  type SiteContext,
  type User,
} from 'webex-user-rules'
import { explainSetUser, type TraceEntry } from 'webex-user-rules/explain'
import { parseGetUserResponse, parseSetUserMessage, renderSetUserResponse } from 'webex-user-rules/xml'

/** What the page holds: the texts of the inputs and the caller. */
export interface Inputs {
  /** The stored user: `User` JSON or a GetUser response (XML). */
  readonly user: string
  /** `SiteContext` JSON. */
  readonly site: string
  /** A SetUser message (XML) or a SetUser body (JSON). */
  readonly request: string
  /** The caller's webExId; empty = the securityContext's webExID, else `admin`. */
  readonly caller: string
  readonly role: CallerRole
  /** Give the stored user the request's webExId first (the CLI's `--retarget`). */
  readonly retarget: boolean
}

/** A problem with one input before the engine runs (bad JSON, an unusable GetUser response). */
export interface InputProblem {
  readonly input: 'user' | 'site' | 'request'
  readonly message: string
}

/** What the page shows. */
export type Outcome =
  | { readonly _tag: 'unusable'; readonly problems: readonly InputProblem[] }
  | {
      readonly _tag: 'ran'
      readonly caller: { readonly webExId: string; readonly role: CallerRole }
      readonly error: SetUserError | undefined
      readonly errorText: string | undefined
      readonly trace: readonly TraceEntry[]
      readonly response: string
      readonly user: User | undefined
    }

const isXml = (text: string): boolean => text.trimStart().startsWith('<')

const parseJson = (input: InputProblem['input'], text: string): E.Either<InputProblem, unknown> => {
  try {
    return E.right(JSON.parse(text) as unknown)
  } catch (thrown) {
    return E.left({ input, message: `not JSON: ${thrown instanceof Error ? thrown.message : String(thrown)}` })
  }
}

const readUser = (text: string): E.Either<InputProblem, unknown> => {
  if (!isXml(text)) return parseJson('user', text)
  const parsed = parseGetUserResponse(text)
  return E.isLeft(parsed)
    ? E.left({ input: 'user', message: `not a usable GetUser response: ${formatError(parsed.left)}` })
    : E.right(parsed.right)
}

interface ReadRequest {
  readonly body: unknown
  readonly webExID: string | undefined
  /** The adapter refused the message: the engine never sees it (it is still an answer). */
  readonly refused: SetUserError | undefined
}

const readRequest = (text: string): E.Either<InputProblem, ReadRequest> => {
  if (!isXml(text))
    return E.map((body: unknown) => ({ body, webExID: undefined, refused: undefined }))(parseJson('request', text))
  const parsed = parseSetUserMessage(text)
  if (E.isLeft(parsed)) return E.right({ body: undefined, webExID: undefined, refused: parsed.left })
  return E.right({ body: parsed.right.body, webExID: parsed.right.securityContext.webExID, refused: undefined })
}

const retargeted = (user: unknown, body: unknown): unknown => {
  if (typeof user !== 'object' || user === null || typeof body !== 'object' || body === null) return user
  const webExId = (body as { webExId?: unknown }).webExId
  return typeof webExId === 'string' ? { ...user, webExId } : user
}

/** Runs the inputs through explainSetUser; never throws. */
export const compute = (inputs: Inputs): Outcome => {
  const user = readUser(inputs.user)
  const site = parseJson('site', inputs.site)
  const request = readRequest(inputs.request)
  const problems = [user, site, request].flatMap((r) => (E.isLeft(r) ? [r.left] : []))
  if (E.isLeft(user) || E.isLeft(site) || E.isLeft(request)) return { _tag: 'unusable', problems }
  const webExId =
    inputs.caller.trim() !== ''
      ? inputs.caller.trim()
      : (request.right.webExID ?? (isXml(inputs.request) ? '' : 'admin'))
  const caller = { webExId, role: inputs.role }
  const refused = request.right.refused
  if (refused !== undefined) {
    const response = renderSetUserResponse(E.left(refused))
    return {
      _tag: 'ran',
      caller,
      error: refused,
      errorText: formatError(refused),
      trace: [],
      response,
      user: undefined,
    }
  }
  const body = request.right.body
  const stored = inputs.retarget ? retargeted(user.right, body) : user.right
  // the engine decodes every input: the texts come from people, and it never trusts them
  const { result, trace } = explainSetUser(stored as User, site.right as SiteContext, {
    caller,
    body: body as SetUserBody,
  })
  return {
    _tag: 'ran',
    caller,
    error: E.isLeft(result) ? result.left : undefined,
    errorText: E.isLeft(result) ? formatError(result.left) : undefined,
    trace,
    response: renderSetUserResponse(result),
    user: E.isRight(result) ? result.right.user : undefined,
  }
}
