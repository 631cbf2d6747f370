/**
 * Reading request messages: the securityContext, the operation named by xsi:type, and the
 * bodyContent decoded with that operation's codec (docs/spec.md §5).
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { type SetUserError } from '../errors/SetUserError.js'
import { rootPath, type StructType } from '../model/codec.js'
import { type XmlElement } from './document.js'
import { RequestHeader, SecurityContext } from './envelope.js'
import { checkAttributes } from './fromXml.js'
import {
  isOperation,
  OPERATIONS,
  REQUEST_TYPE,
  requestTypes,
  type GetUserMessage,
  type MessageOf,
  type Operation,
  type RequestMessage,
  type SetUserMessage,
} from './operations.js'
import { BODY_CONTENT_ATTRIBUTES, bodyContentPath, decodeElement, Problems, readEnvelope, typePath } from './read.js'

/** The header's securityContext, decoded. */
const readSecurityContext = (header: XmlElement | undefined, problems: Problems): SecurityContext | undefined => {
  if (header === undefined) return undefined
  const decoded = decodeElement(RequestHeader, header, rootPath('header'), problems.message)
  return decoded?.securityContext
}
/** The operation named by bodyContent's xsi:type, if it is one this adapter reads. */
const readOperation = (bodyContent: XmlElement, problems: Problems, expected?: Operation): Operation | undefined => {
  checkAttributes(bodyContent, bodyContentPath, problems.message, BODY_CONTENT_ATTRIBUTES)
  const type = bodyContent.attributes.get('type')
  // Stryker disable next-line ConditionalExpression: equivalent, exec(undefined) reads "undefined", which the ^java: pattern never matches
  const name = type === undefined ? undefined : REQUEST_TYPE.exec(type)?.[1]
  if (name !== undefined && isOperation(name) && (expected === undefined || name === expected)) return name
  // the accepted names only when they are reported: every request would otherwise build them
  const accepted = (expected === undefined ? (Object.keys(OPERATIONS) as Operation[]) : [expected]).flatMap(
    requestTypes,
  )
  problems.message.push({
    code: 'outOfRange',
    path: typePath,
    expected: `xsi:type ${accepted.join(' or ')}`,
    actual: type,
  })
  return undefined
}
/**
 * D-OP-7: an empty `<startFrom/>` or `<maximumNum/>` (list clients send them) means the default,
 * as an absent one does; so empty leaves of `listControl` are dropped before decoding.
 */
const withoutEmptyListControl = (bodyContent: XmlElement): XmlElement => {
  const isEmptyLeaf = (e: XmlElement): boolean => e.children.length === 0 && e.text === '' && e.attributes.size === 0
  // Stryker disable next-line ConditionalExpression, LogicalOperator: equivalent, a shortcut: the copy below equals bodyContent when no listControl has an empty leaf
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
    // Stryker disable next-line ConditionalExpression, LogicalOperator: equivalent, an undefined body or securityContext was reported, so problems.none is false and the result Left
    if (body !== undefined && securityContext !== undefined)
      message = { operation, securityContext, body } as RequestMessage
  }
  // Stryker disable next-line ConditionalExpression: equivalent, every way message stays undefined reports a problem (missing bodyContent, bad xsi:type, undecodable body or header)
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
export const parseSetUserMessage = (xml: string): E.Either<SetUserError, SetUserMessage> =>
  withoutOperation(parseOperationMessage(xml, 'SetUser'))

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
export const parseGetUserMessage = (xml: string): E.Either<SetUserError, GetUserMessage> =>
  withoutOperation(parseOperationMessage(xml, 'GetUser'))

/** The message without its operation name (the one-operation parsers' result). */
const withoutOperation = <O extends Operation>(
  parsed: E.Either<SetUserError, MessageOf<O>>,
): E.Either<SetUserError, Omit<MessageOf<O>, 'operation'>> =>
  E.isLeft(parsed) ? parsed : E.right({ securityContext: parsed.right.securityContext, body: parsed.right.body })

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
): E.Either<SetUserError, MessageOf<O>> =>
  // readOperation accepts only `operation`'s xsi:type, so what parseRequest returns is a MessageOf<O>
  parseRequest(xml, operation) as E.Either<SetUserError, MessageOf<O>>
