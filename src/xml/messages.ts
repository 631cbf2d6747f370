/**
 * Whole messages: SetUser and GetUser requests in, `serv:message` responses out (docs/spec.md §5).
 *
 * Parsing is: read the document (document.ts) → check the envelope → map the header and the
 * bodyContent onto their codecs (fromXml.ts) → decode with the codecs. Failures of the envelope or
 * of the XML itself say `source: 'message'`; failures inside bodyContent say `source: 'body'`,
 * with the element path below bodyContent (`privilege.host`). Every failure is collected, so one
 * `InvalidRequest` names every failing path.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { toFailures } from '../errors/decodeFailure.js'
import { type DecodeFailure, invalidRequest, type SetUserError } from '../errors/SetUserError.js'
import { childPath, type Issue, type Path, rootPath, runCodec, type StructType } from '../model/codec.js'
import type { SetUserResult } from '../model/result.js'
import { Address, CreateUserBody, GetUserView, SetUserBody, User } from '../model/user.js'
import { MASKED_PASSWORD, toGetUserView } from '../rules/joinBeforeHost.js'
import { pinDecodeError } from '../rules/pin.js'
import { readDocument, type XmlElement } from './document.js'
import { ActivationBody, DelUserBody, GetUserBody } from '../model/operations.js'
import { AuthenticateUserBody, GetLoginTicketBody, LoginUrlBody } from '../model/login.js'
import { LstsummaryUserBody } from '../model/lstsummary.js'
import type { DelUserResult } from '../operations/delUser.js'
import {
  COM_NS,
  RequestHeader,
  ResponseHeader,
  type ResponseStatus,
  SecurityContext,
  SERV_NS,
  USE_NS,
  XSI_NS,
} from './envelope.js'
import { checkAttributes, childrenByName, duplicated, structValue, SKIP, unknownElement } from './fromXml.js'
import { escapeAttribute, escapeText, renderChildren, type PrefixOf } from './toXml.js'

// -------------------------------------------------------------------------------------
// operations
// -------------------------------------------------------------------------------------

/** The operations this adapter reads, with the bodyContent codec of each. */
export const OPERATIONS = {
  SetUser: SetUserBody,
  GetUser: GetUserBody,
  CreateUser: CreateUserBody,
  DelUser: DelUserBody,
  ActivateUser: ActivationBody,
  InactivateUser: ActivationBody,
  // the list and login operations (D-OP)
  AuthenticateUser: AuthenticateUserBody,
  GetLoginTicket: GetLoginTicketBody,
  GetloginurlUser: LoginUrlBody,
  GetlogouturlUser: LoginUrlBody,
  LstsummaryUser: LstsummaryUserBody,
} as const

/** An operation this adapter reads. @category xml */
export type Operation = keyof typeof OPERATIONS

/** The bodyContent of each operation. @category xml */
export interface BodyOf {
  readonly SetUser: SetUserBody
  readonly GetUser: GetUserBody
  readonly CreateUser: CreateUserBody
  readonly DelUser: DelUserBody
  readonly ActivateUser: ActivationBody
  readonly InactivateUser: ActivationBody
  readonly AuthenticateUser: AuthenticateUserBody
  readonly GetLoginTicket: GetLoginTicketBody
  readonly GetloginurlUser: LoginUrlBody
  readonly GetlogouturlUser: LoginUrlBody
  readonly LstsummaryUser: LstsummaryUserBody
}

// Both spellings real clients send (docs/spec.md §5; test/fixtures/corpus: pybot, pyschedperm use `xmlapi`).
const REQUEST_TYPE = /^java:com\.webex\.(?:xmlapi\.)?service\.binding\.user\.([A-Za-z]+)$/

/**
 * The xsi:type values accepted for an operation, documented spelling first.
 *
 * @category xml
 * @example
 * ```ts
 * import { requestTypes } from 'webex-user-rules/xml'
 * requestTypes('SetUser') //=> ['java:com.webex.service.binding.user.SetUser', 'java:com.webex.xmlapi.service.binding.user.SetUser']
 * ```
 */
export const requestTypes = (operation: Operation): readonly [string, string] => [
  `java:com.webex.service.binding.user.${operation}`,
  `java:com.webex.xmlapi.service.binding.user.${operation}`,
]

const isOperation = (name: string): name is Operation => Object.hasOwn(OPERATIONS, name)

// -------------------------------------------------------------------------------------
// public message types
// -------------------------------------------------------------------------------------

/** A parsed SetUser request. @category xml */
export interface SetUserMessage {
  readonly securityContext: SecurityContext
  readonly body: SetUserBody
}

/** A parsed GetUser request. @category xml */
export interface GetUserMessage {
  readonly securityContext: SecurityContext
  readonly body: GetUserBody
}

/** A parsed request of one operation. @category xml */
export interface MessageOf<O extends Operation> {
  readonly operation: O
  readonly securityContext: SecurityContext
  readonly body: BodyOf[O]
}

/** A parsed request of any operation this adapter reads. @category xml */
export type RequestMessage = { [O in Operation]: MessageOf<O> }[Operation]

// -------------------------------------------------------------------------------------
// reading the envelope
// -------------------------------------------------------------------------------------

/** Failures of the two sources, collected while reading. */
export class Problems {
  readonly message: Issue[] = []
  readonly body: Issue[] = []
  /** Failures that are not element paths (the document itself). */
  readonly document: DecodeFailure[] = []
  get none(): boolean {
    return this.message.length === 0 && this.body.length === 0 && this.document.length === 0
  }
  toError(): SetUserError {
    // D-F1: a request whose only fault is an over-long PIN gets the PIN error
    return pinDecodeError(
      invalidRequest([...this.document, ...toFailures('message', this.message), ...toFailures('body', this.body)]),
    )
  }
}

const ROOT_ATTRIBUTES: ReadonlySet<string> = new Set(['schemaLocation', 'noNamespaceSchemaLocation'])
export const BODY_CONTENT_ATTRIBUTES: ReadonlySet<string> = new Set(['type'])

interface Envelope {
  readonly header: XmlElement | undefined
  readonly bodyContent: XmlElement | undefined
}

/**
 * Reads `message` → `header`, `body` → `bodyContent`. `bodyContentRequired` is false for
 * responses (a FAILURE may have no bodyContent, corpus response-failure-ciscoie-000000).
 */
const readEnvelope = (xml: string, problems: Problems, bodyContentRequired: boolean): Envelope | undefined => {
  const document = readDocument(xml)
  if (E.isLeft(document)) {
    problems.document.push(...document.left.map((f) => ({ source: 'message' as const, ...f })))
    return undefined
  }
  const root = document.right
  if (root.name !== 'message') {
    problems.message.push({
      code: 'unknownElement',
      path: [],
      expected: 'the root element <serv:message>',
      actual: `<${root.name}>`,
    })
    return undefined
  }
  checkAttributes(root, [], problems.message, ROOT_ATTRIBUTES)
  if (root.text !== '')
    problems.message.push({ code: 'wrongType', path: [], expected: 'no text in <message>', actual: root.text })
  const parts = childrenByName(root)
  for (const [name, elements] of parts) {
    if (name !== 'header' && name !== 'body')
      for (const element of elements)
        unknownElement(element, 'message', ['header', 'body'], rootPath(name), problems.message)
  }
  const header = single(parts, 'header', [], problems.message)
  const body = single(parts, 'body', [], problems.message)
  if (header === undefined) required('header', [], problems.message)
  if (body === undefined) {
    required('body', [], problems.message)
    return { header, bodyContent: undefined }
  }
  const bodyPath = rootPath('body')
  checkAttributes(body, bodyPath, problems.message)
  if (body.text !== '')
    problems.message.push({ code: 'wrongType', path: bodyPath, expected: 'no text in <body>', actual: body.text })
  const contents = childrenByName(body)
  for (const [name, elements] of contents) {
    if (name !== 'bodyContent')
      for (const element of elements)
        unknownElement(element, 'body', ['bodyContent'], childPath(bodyPath, name), problems.message)
  }
  // D-X9: one bodyContent per message; the schema allows a batch, no client sends one
  const bodyContent = single(contents, 'bodyContent', bodyPath, problems.message)
  if (bodyContent === undefined && bodyContentRequired) required('bodyContent', bodyPath, problems.message)
  return { header, bodyContent }
}

const single = (
  groups: ReadonlyMap<string, readonly XmlElement[]>,
  name: string,
  parent: Path,
  issues: Issue[],
): XmlElement | undefined => {
  const elements = groups.get(name) ?? []
  duplicated(name, elements, childPath(parent, name), issues)
  return elements[0]
}

const required = (name: string, parent: Path, issues: Issue[]): void => {
  issues.push({
    code: 'missingElement',
    path: childPath(parent, name),
    expected: `required element "${name}"`,
    actual: undefined,
  })
}

/** Maps an element onto a struct codec and decodes it; issues go to `issues`, rooted at `path`. */
export const decodeElement = <A>(
  codec: StructType<A>,
  element: XmlElement,
  path: Path,
  issues: Issue[],
): A | undefined => {
  const mapped = structValue(codec, element, path, issues)
  if (mapped === SKIP) return undefined
  const decoded = runCodec(codec, mapped, path)
  issues.push(...decoded.issues)
  return decoded.value
}

/** The header's securityContext, decoded. */
const readSecurityContext = (header: XmlElement | undefined, problems: Problems): SecurityContext | undefined => {
  if (header === undefined) return undefined
  const decoded = decodeElement(RequestHeader, header, rootPath('header'), problems.message)
  return decoded?.securityContext
}

export const bodyContentPath = childPath(rootPath('body'), 'bodyContent')
export const typePath = childPath(bodyContentPath, '@type')

/** The operation named by bodyContent's xsi:type, if it is one this adapter reads. */
const readOperation = (bodyContent: XmlElement, problems: Problems, expected?: Operation): Operation | undefined => {
  checkAttributes(bodyContent, bodyContentPath, problems.message, BODY_CONTENT_ATTRIBUTES)
  const type = bodyContent.attributes.get('type')
  const accepted = (expected === undefined ? (Object.keys(OPERATIONS) as Operation[]) : [expected]).flatMap(
    requestTypes,
  )
  const name = type === undefined ? undefined : REQUEST_TYPE.exec(type)?.[1]
  if (name !== undefined && isOperation(name) && (expected === undefined || name === expected)) return name
  problems.message.push({
    code: 'outOfRange',
    path: typePath,
    expected: `xsi:type ${accepted.join(' or ')}`,
    actual: type,
  })
  return undefined
}

// -------------------------------------------------------------------------------------
// parsing requests
// -------------------------------------------------------------------------------------

/**
 * D-OP-7: an empty `<startFrom/>` or `<maximumNum/>` (list clients send them) means the default,
 * as an absent one does; so empty leaves of `listControl` are dropped before decoding.
 */
const withoutEmptyListControl = (bodyContent: XmlElement): XmlElement => {
  const isEmptyLeaf = (e: XmlElement): boolean => e.children.length === 0 && e.text === '' && e.attributes.size === 0
  if (!bodyContent.children.some((c) => c.name === 'listControl' && c.children.some(isEmptyLeaf))) return bodyContent
  return {
    ...bodyContent,
    children: bodyContent.children.map((c) =>
      c.name === 'listControl' ? { ...c, children: c.children.filter((leaf) => !isEmptyLeaf(leaf)) } : c,
    ),
  }
}

const parseRequest = (xml: string, expected?: Operation): E.Either<SetUserError, RequestMessage> => {
  const problems = new Problems()
  const envelope = readEnvelope(xml, problems, true)
  if (envelope === undefined) return E.left(problems.toError())
  const securityContext = readSecurityContext(envelope.header, problems)
  const operation =
    envelope.bodyContent === undefined ? undefined : readOperation(envelope.bodyContent, problems, expected)
  // the body is read even when the envelope has failed, so one error names every failing path
  let message: RequestMessage | undefined
  if (envelope.bodyContent !== undefined && operation !== undefined) {
    const codec = OPERATIONS[operation] as StructType<unknown>
    const content =
      operation === 'LstsummaryUser' ? withoutEmptyListControl(envelope.bodyContent) : envelope.bodyContent
    const body = decodeElement(codec, content, [], problems.body)
    // the codec of `operation` decoded `body`, so the pair is a MessageOf<typeof operation>
    if (body !== undefined && securityContext !== undefined)
      message = { operation, securityContext, body } as RequestMessage
  }
  return problems.none && message !== undefined ? E.right(message) : E.left(problems.toError())
}

/**
 * Parses a SetUser request message into its securityContext and its body (docs/spec.md §5).
 *
 * Accepts what real clients send: local names with or without (even undeclared) prefixes, both
 * xsi:type spellings, any element order, `TRUE`/`true`, entities, any whitespace layout.
 * Everything else (malformed XML, DOCTYPE, over 64 KiB, nested deeper than 16, unknown or
 * mis-cased elements, duplicated single elements, output-only elements, another operation) is an
 * `InvalidRequest` naming every failing path.
 *
 * @category xml
 * @example
 * ```ts
 * import { parseSetUserMessage } from 'webex-user-rules/xml'
 * const r = parseSetUserMessage(`<serv:message><header><securityContext><webExID>admin</webExID></securityContext></header>
 *   <body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser">
 *   <webExId>jdoe</webExId><meetingTypes><meetingType>105</meetingType></meetingTypes></bodyContent></body></serv:message>`)
 * r //=> { _tag: 'Right', right: { securityContext: { webExID: 'admin' }, body: { webExId: 'jdoe', meetingTypes: [105] } } }
 * ```
 */
export const parseSetUserMessage = (xml: string): E.Either<SetUserError, SetUserMessage> => {
  const parsed = parseRequest(xml, 'SetUser')
  if (E.isLeft(parsed)) return parsed
  const m = parsed.right
  return m.operation === 'SetUser'
    ? E.right({ securityContext: m.securityContext, body: m.body })
    : E.left(unexpected(m))
}

/**
 * Parses a GetUser request message (`bodyContent` holds only `webExId`).
 *
 * @category xml
 * @example
 * ```ts
 * import { parseGetUserMessage } from 'webex-user-rules/xml'
 * const xml = '<serv:message><header><securityContext><webExID>dstaudt</webExID></securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.GetUser"><webExId>dstaudt</webExId></bodyContent></body></serv:message>'
 * parseGetUserMessage(xml) //=> { _tag: 'Right', right: { securityContext: { webExID: 'dstaudt' }, body: { webExId: 'dstaudt' } } }
 * ```
 */
export const parseGetUserMessage = (xml: string): E.Either<SetUserError, GetUserMessage> => {
  const parsed = parseRequest(xml, 'GetUser')
  if (E.isLeft(parsed)) return parsed
  const m = parsed.right
  return m.operation === 'GetUser'
    ? E.right({ securityContext: m.securityContext, body: m.body })
    : E.left(unexpected(m))
}

/** Unreachable: `parseRequest` with an expected operation returns only that operation. */
const unexpected = (m: RequestMessage): SetUserError =>
  invalidRequest([
    {
      source: 'message',
      code: 'outOfRange',
      path: 'body.bodyContent.@type',
      expected: 'the expected operation',
      actual: m.operation,
    },
  ])

/**
 * Parses a request of any operation this adapter reads (SetUser, GetUser, CreateUser, DelUser,
 * ActivateUser, InactivateUser), for a server that dispatches on the bodyContent's xsi:type.
 *
 * @category xml
 * @example
 * ```ts
 * import { parseRequestMessage } from 'webex-user-rules/xml'
 * const xml = '<serv:message><header><securityContext><webExID>admin</webExID></securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.DelUser"><webExId>jsmith</webExId><webExId>jdoe</webExId></bodyContent></body></serv:message>'
 * parseRequestMessage(xml)
 * //=> { _tag: 'Right', right: { operation: 'DelUser', securityContext: { webExID: 'admin' }, body: { webExId: ['jsmith', 'jdoe'] } } }
 * ```
 */
export const parseRequestMessage = (xml: string): E.Either<SetUserError, RequestMessage> => parseRequest(xml)

/**
 * Parses a request that must be of one operation; another xsi:type is an `InvalidRequest`.
 *
 * @category xml
 * @example
 * ```ts
 * import { parseOperationMessage } from 'webex-user-rules/xml'
 * const xml = '<serv:message><header><securityContext><webExID>admin</webExID></securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.ActivateUser"><webexID>jsmith</webexID></bodyContent></body></serv:message>'
 * const activate = parseOperationMessage(xml, 'ActivateUser')
 * activate._tag === 'Right' && activate.right.body //=> { webexID: 'jsmith' }
 * parseOperationMessage(xml, 'InactivateUser')._tag //=> 'Left'
 * ```
 */
export const parseOperationMessage = <O extends Operation>(
  xml: string,
  operation: O,
): E.Either<SetUserError, MessageOf<O>> => {
  const parsed = parseRequest(xml, operation)
  if (E.isLeft(parsed)) return parsed
  // parseRequest with an expected operation returns only that operation
  return parsed.right.operation === operation ? E.right(parsed.right as MessageOf<O>) : E.left(unexpected(parsed.right))
}

// -------------------------------------------------------------------------------------
// parsing responses
// -------------------------------------------------------------------------------------

export interface Response {
  readonly status: ResponseStatus
  readonly bodyContent: XmlElement | undefined
}

export const readResponse = (xml: string, problems: Problems): Response | undefined => {
  const envelope = readEnvelope(xml, problems, false)
  if (envelope?.header === undefined) return undefined
  const header = decodeElement(ResponseHeader, envelope.header, rootPath('header'), problems.message)
  return header === undefined ? undefined : { status: header.response, bodyContent: envelope.bodyContent }
}

/**
 * Reads the result of any `serv:message` response: SUCCESS or FAILURE, with reason,
 * gsbStatus and exceptionID (docs/spec.md §7.3; test/fixtures/corpus/response-failure-*.xml).
 *
 * @category xml
 * @example
 * ```ts
 * import { parseResponseStatus } from 'webex-user-rules/xml'
 * const xml = '<serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service"><serv:header><serv:response><serv:result>FAILURE</serv:result><serv:reason>Incorrect user or password</serv:reason><serv:gsbStatus>PRIMARY</serv:gsbStatus><serv:exceptionID>030002</serv:exceptionID></serv:response></serv:header><serv:body><serv:bodyContent/></serv:body></serv:message>'
 * parseResponseStatus(xml)
 * //=> { _tag: 'Right', right: { result: 'FAILURE', reason: 'Incorrect user or password', gsbStatus: 'PRIMARY', exceptionID: '030002' } }
 * ```
 */
export const parseResponseStatus = (xml: string): E.Either<SetUserError, ResponseStatus> => {
  const problems = new Problems()
  const response = readResponse(xml, problems)
  return problems.none && response !== undefined ? E.right(response.status) : E.left(problems.toError())
}

/** The local part of an xsi:type value such as `use:getUserResponse` (prefixes are per document). */
export const localType = (type: string | undefined): string | undefined => type?.slice(type.lastIndexOf(':') + 1)

/**
 * Reads a real GetUser response into the stored `User`: the masked password (`******`) is
 * dropped, as is each PCN account's `joinBeforeHost` (GetUser mirrors the account-level value,
 * R9); an empty `<defaultCallIn/>` is accepted. A FAILURE response is an `InvalidRequest` whose
 * failure quotes the response's exceptionID and reason (D-X10).
 *
 * @category xml
 * @example
 * ```ts
 * import { parseGetUserResponse, renderGetUserResponse } from 'webex-user-rules/xml'
 * const xml = renderGetUserResponse({ webExId: 'jdoe', password: 'secret', phones: { PIN: '0427' }, personalTeleconf: { joinBeforeHost: true, account: [{ accountIndex: 1 }] } })
 * parseGetUserResponse(xml)
 * //=> { _tag: 'Right', right: { webExId: 'jdoe', phones: { PIN: '0427' }, personalTeleconf: { account: [{ accountIndex: 1 }], joinBeforeHost: true } } }
 * ```
 */
export const parseGetUserResponse = (xml: string): E.Either<SetUserError, User> => {
  const problems = new Problems()
  const response = readResponse(xml, problems)
  if (response === undefined) return E.left(problems.toError())
  const { status, bodyContent } = response
  if (status.result !== 'SUCCESS') {
    problems.message.push({
      code: 'outOfRange',
      path: childPath(childPath(rootPath('header'), 'response'), 'result'),
      expected: 'SUCCESS',
      actual: `FAILURE ${status.exceptionID ?? ''}: ${status.reason ?? ''}`,
    })
    return E.left(problems.toError())
  }
  if (bodyContent === undefined) return E.left(problems.toError())
  checkAttributes(bodyContent, bodyContentPath, problems.message, BODY_CONTENT_ATTRIBUTES)
  const type = bodyContent.attributes.get('type')
  if (localType(type) !== 'getUserResponse')
    problems.message.push({
      code: 'outOfRange',
      path: typePath,
      expected: 'xsi:type use:getUserResponse',
      actual: type,
    })
  const view = decodeElement(GetUserView, bodyContent, [], problems.body)
  if (view === undefined || !problems.none) return E.left(problems.toError())
  const user = fromGetUserView(view)
  const decoded = runCodec(User, user)
  if (decoded.issues.length === 0) return E.right(decoded.value)
  problems.body.push(...decoded.issues)
  return E.left(problems.toError())
}

/**
 * The stored user behind a GetUser view: the inverse of `toGetUserView` on what GetUser shows.
 * Elements keep their order.
 */
const fromGetUserView = (view: GetUserView): User => {
  const user: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(view)) {
    if (key === 'password' && value === MASKED_PASSWORD) continue
    user[key] =
      key === 'personalTeleconf' && view.personalTeleconf !== undefined ? withoutMirror(view.personalTeleconf) : value
  }
  return user as unknown as User
}

/** Drops each account's `joinBeforeHost`, which GetUser only mirrors (R9). */
const withoutMirror = (
  teleconf: NonNullable<GetUserView['personalTeleconf']>,
): NonNullable<User['personalTeleconf']> => {
  const { account, ...rest } = teleconf
  return account === undefined
    ? rest
    : { ...rest, account: account.map(({ joinBeforeHost: _mirrored, ...stored }) => stored) }
}

// -------------------------------------------------------------------------------------
// rendering
// -------------------------------------------------------------------------------------

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
const RESPONSE_ROOT = `<serv:message xmlns:serv="${SERV_NS}" xmlns:com="${COM_NS}" xmlns:use="${USE_NS}">`

/** A failure as the wire shows it; `value` is the `serv:value` detail (110055: the session type, R29). */
interface FailureStatus {
  readonly exceptionID: string
  readonly reason: string
  readonly value?: string
}

const responseHeader = (status: FailureStatus | undefined): string =>
  status === undefined
    ? '<serv:header><serv:response><serv:result>SUCCESS</serv:result><serv:gsbStatus>PRIMARY</serv:gsbStatus></serv:response></serv:header>'
    : `<serv:header><serv:response><serv:result>FAILURE</serv:result><serv:reason>${escapeText(status.reason)}</serv:reason>` +
      `<serv:gsbStatus>PRIMARY</serv:gsbStatus><serv:exceptionID>${escapeText(status.exceptionID)}</serv:exceptionID>` +
      (status.value === undefined ? '' : `<serv:value>${escapeText(status.value)}</serv:value>`) +
      '</serv:response></serv:header>'

/**
 * A FAILURE response for any exception, in the shape real servers send (corpus
 * response-failure-*.xml): result, reason, gsbStatus PRIMARY, exceptionID, and an empty
 * bodyContent, and `serv:value` after the exceptionID when the error has a `value` (110055 names
 * the session type, docs/spec.md §7). For errors outside `SetUserError` too, such as 030002
 * "Incorrect user or password" from the embedding server's authentication.
 *
 * @category xml
 * @example
 * ```ts
 * import { renderFailureResponse } from 'webex-user-rules/xml'
 * renderFailureResponse({ exceptionID: '030002', reason: 'Incorrect user or password' }).includes('<serv:result>FAILURE</serv:result><serv:reason>Incorrect user or password</serv:reason><serv:gsbStatus>PRIMARY</serv:gsbStatus><serv:exceptionID>030002</serv:exceptionID>')
 * //=> true
 * ```
 */
export const renderFailureResponse = (error: {
  readonly exceptionID: string
  readonly reason: string
  readonly value?: string
}): string =>
  `${DECLARATION}${RESPONSE_ROOT}${responseHeader(error)}<serv:body><serv:bodyContent/></serv:body></serv:message>`

export const successResponse = (type: string, content: string): string =>
  `${DECLARATION}${RESPONSE_ROOT}${responseHeader(undefined)}<serv:body>` +
  `<serv:bodyContent xsi:type="use:${type}" xmlns:xsi="${XSI_NS}"` +
  (content === '' ? '/>' : `>${content}</serv:bodyContent>`) +
  '</serv:body></serv:message>'

/**
 * The `serv:message` a Webex server answers a SetUser with: SUCCESS and an empty
 * `use:setUserResponse` bodyContent (docs/spec.md §7.3), or FAILURE with the error's reason and
 * exceptionID.
 *
 * @category xml
 * @example
 * ```ts
 * import { noPrivilege } from 'webex-user-rules'
 * import { parseResponseStatus, renderSetUserResponse } from 'webex-user-rules/xml'
 * renderSetUserResponse({ _tag: 'Right', right: { user: { webExId: 'jdoe' }, effects: [], notices: [] } }).includes('xsi:type="use:setUserResponse"') //=> true
 * parseResponseStatus(renderSetUserResponse({ _tag: 'Left', left: noPrivilege([]) }))
 * //=> { _tag: 'Right', right: { result: 'FAILURE', reason: 'Access denied, additional privileges are required', gsbStatus: 'PRIMARY', exceptionID: '000001' } }
 * ```
 */
export const renderSetUserResponse = (result: E.Either<SetUserError, SetUserResult>): string =>
  E.isLeft(result) ? renderFailureResponse(result.left) : successResponse('setUserResponse', '')

// D-X7: GetUser writes `use:` on every body element except the children of `address`, which are
// `com:` (com:addressType), as the real response does (corpus getuser-response-atlas-1).
const responsePrefix: PrefixOf = (parent) => (parent === Address ? 'com:' : 'use:')

/**
 * A GetUser response for a stored user: `toGetUserView(user)` (password `******`, each PCN
 * account's joinBeforeHost equal to `personalTeleconf.joinBeforeHost`, R9) as `use:` elements in
 * schema order, with the namespaces a real server declares.
 *
 * @category xml
 * @example
 * ```ts
 * import { renderGetUserResponse } from 'webex-user-rules/xml'
 * const xml = renderGetUserResponse({ webExId: 'jdoe', password: 'secret', address: { city: 'Oslo' } })
 * xml.includes('<use:webExId>jdoe</use:webExId><use:address><com:city>Oslo</com:city></use:address><use:password>******</use:password>') //=> true
 * ```
 */
export const renderGetUserResponse = (user: User): string =>
  successResponse('getUserResponse', renderChildren(GetUserView, toGetUserView(user), responsePrefix))

const noPrefix: PrefixOf = () => ''

const requestMessage = (operation: Operation, securityContext: SecurityContext, body: string): string =>
  `${DECLARATION}\n<serv:message xmlns:serv="${SERV_NS}" xmlns:xsi="${XSI_NS}">` +
  `<header>${renderChildren(RequestHeader, { securityContext }, noPrefix)}</header>` +
  `<body><bodyContent xsi:type="${escapeAttribute(requestTypes(operation)[0])}">${body}</bodyContent></body>` +
  '</serv:message>\n'

/**
 * A SetUser request message for a body, in the form most clients send (unprefixed children,
 * declared `serv:`), e.g. to drive a Webex-compatible server or this adapter in tests.
 *
 * @category xml
 * @example
 * ```ts
 * import { parseSetUserMessage, renderSetUserMessage } from 'webex-user-rules/xml'
 * const message = { securityContext: { webExID: 'admin', siteName: 'examplesite' }, body: { webExId: 'jdoe', meetingTypes: [105], phones: { PIN: '0427' } } }
 * parseSetUserMessage(renderSetUserMessage(message)) //=> { _tag: 'Right', right: message }
 * ```
 */
export const renderSetUserMessage = (message: SetUserMessage): string =>
  requestMessage('SetUser', message.securityContext, renderChildren(SetUserBody, message.body, noPrefix))

/**
 * A GetUser request message.
 *
 * @category xml
 * @example
 * ```ts
 * import { parseGetUserMessage, renderGetUserMessage } from 'webex-user-rules/xml'
 * const message = { securityContext: { webExID: 'dstaudt', sessionTicket: 'AAABBB' }, body: { webExId: 'dstaudt' } }
 * parseGetUserMessage(renderGetUserMessage(message)) //=> { _tag: 'Right', right: message }
 * ```
 */
export const renderGetUserMessage = (message: GetUserMessage): string =>
  requestMessage('GetUser', message.securityContext, renderChildren(GetUserBody, message.body, noPrefix))

/**
 * A request message of any operation (`renderSetUserMessage` and `renderGetUserMessage` are the
 * two most used cases of it).
 *
 * @category xml
 * @example
 * ```ts
 * import { parseRequestMessage, renderRequestMessage } from 'webex-user-rules/xml'
 * const message = { operation: 'CreateUser' as const, securityContext: { webExID: 'admin' }, body: { webExId: 'student42', email: 'ana@example.edu', sendWelcome: true } }
 * parseRequestMessage(renderRequestMessage(message)) //=> { _tag: 'Right', right: message }
 * ```
 */
export const renderRequestMessage = (message: RequestMessage): string =>
  requestMessage(
    message.operation,
    message.securityContext,
    renderChildren(OPERATIONS[message.operation], message.body, noPrefix),
  )

/**
 * The `serv:message` a Webex server answers a CreateUser with: SUCCESS with
 * `use:createUserResponse` holding the `userId` the server assigned (the engine assigns none; pass
 * the one your store gives), or FAILURE.
 *
 * @category xml
 * @example
 * ```ts
 * import { renderCreateUserResponse } from 'webex-user-rules/xml'
 * renderCreateUserResponse({ _tag: 'Right', right: { user: { webExId: 'student42' }, effects: [], notices: [] } }, 962225390).includes('<use:userId>962225390</use:userId>')
 * //=> true
 * ```
 */
export const renderCreateUserResponse = (result: E.Either<SetUserError, SetUserResult>, userId?: number): string =>
  E.isLeft(result)
    ? renderFailureResponse(result.left)
    : successResponse('createUserResponse', userId === undefined ? '' : `<use:userId>${String(userId)}</use:userId>`)

/**
 * The DelUser answer: SUCCESS with one `use:user{webExId,status}` per requested webExId (research
 * §1.6), or FAILURE when the whole request was refused.
 *
 * @category xml
 * @example
 * ```ts
 * import { renderDelUserResponse } from 'webex-user-rules/xml'
 * import { userNotFound } from 'webex-user-rules'
 * const xml = renderDelUserResponse({ _tag: 'Right', right: { activeHostCount: 0, results: [{ webExId: 'ghost', status: 'FAILURE', error: userNotFound('ghost') }] } })
 * xml.includes('<use:user><use:webExId>ghost</use:webExId><use:status>FAILURE</use:status></use:user>') //=> true
 * ```
 */
export const renderDelUserResponse = (result: E.Either<SetUserError, DelUserResult>): string =>
  E.isLeft(result)
    ? renderFailureResponse(result.left)
    : successResponse(
        'delUserResponse',
        result.right.results
          .map(
            (o) =>
              `<use:user><use:webExId>${escapeText(o.webExId)}</use:webExId><use:status>${o.status}</use:status></use:user>`,
          )
          .join(''),
      )

/**
 * The ActivateUser / InactivateUser answer: SUCCESS with an empty `use:activateUserResponse` /
 * `use:inactivateUserResponse`, or FAILURE.
 *
 * @category xml
 * @example
 * ```ts
 * import { renderActivationResponse } from 'webex-user-rules/xml'
 * renderActivationResponse('InactivateUser', { _tag: 'Right', right: { user: { webExId: 'jsmith' }, effects: [], notices: [] } }).includes('xsi:type="use:inactivateUserResponse"')
 * //=> true
 * ```
 */
export const renderActivationResponse = (
  operation: 'ActivateUser' | 'InactivateUser',
  result: E.Either<SetUserError, SetUserResult>,
): string =>
  E.isLeft(result)
    ? renderFailureResponse(result.left)
    : successResponse(operation === 'ActivateUser' ? 'activateUserResponse' : 'inactivateUserResponse', '')
