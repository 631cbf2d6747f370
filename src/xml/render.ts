/**
 * Writing messages: the `serv:message` answers a Webex server sends (SUCCESS bodies and FAILURE
 * headers, in the shape of the real responses in test/fixtures/corpus) and the request messages a
 * client sends, derived from the codec tree (toXml.ts).
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { type SetUserError } from '../errors/SetUserError.js'
import type { SetUserResult } from '../model/result.js'
import { Address, GetUserView, SetUserBody, User } from '../model/user.js'
import { toGetUserView } from '../rules/getUserView.js'
import { GetUserBody } from '../model/operations.js'
import type { DelUserResult } from '../operations/delUser.js'
import { COM_NS, RequestHeader, SecurityContext, SERV_NS, USE_NS, XSI_NS } from './envelope.js'
import { escapeAttribute, escapeText, renderChildren, type PrefixOf } from './toXml.js'
import {
  OPERATIONS,
  requestTypes,
  type GetUserMessage,
  type Operation,
  type RequestMessage,
  type SetUserMessage,
} from './operations.js'

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
 * account's joinBeforeHost equal to `personalTeleconf.joinBeforeHost`, R9; `active` always,
 * salesCenter's products as `product{prodID}`) as `use:` elements in the order of the response
 * type (D-GV-1), with the namespaces a real server declares.
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
 * The DelUser answer: SUCCESS with one `use:user{webExId,status}` per requested webExId
 * (docs/spec.md §7.6), or FAILURE when the whole request was refused.
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
