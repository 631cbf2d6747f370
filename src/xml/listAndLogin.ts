/**
 * The wire form of the list and login operations (D-OP-19): their `serv:message` answers, as
 * real servers write them (one line, `use:` elements in schema order, `serv:` inside
 * `use:matchingRecords`), and parsers of those answers for clients and the conformance kit.
 * Their requests are read by `parseRequestMessage` like every other operation.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import type { OperationError } from '../errors/OperationError.js'
import type { SetUserError } from '../errors/SetUserError.js'
import { list, type StructType, struct } from '../model/codec.js'
import { AuthenticateUserAnswer, GetLoginTicketAnswer, LoginUrlAnswer, LogoutUrlAnswer } from '../model/login.js'
import { type LstsummaryUserResult, MatchingRecords, UserSummary } from '../model/lstsummary.js'
import { Problems, readAnswer } from './read.js'
import { renderFailureResponse, successResponse } from './render.js'
import { renderChildren, type PrefixOf } from './toXml.js'

// matchingRecordsType is in the service namespace, everything else of these answers in `use:`
const answerPrefix: PrefixOf = (parent) => (parent === MatchingRecords ? 'serv:' : 'use:')

const render = <A>(type: string, codec: StructType<A>, result: E.Either<OperationError, A>): string =>
  E.isLeft(result)
    ? renderFailureResponse(result.left)
    : successResponse(type, renderChildren(codec, result.right, answerPrefix))

/**
 * The AuthenticateUser answer: `use:sessionTicket`, `use:createTime`, `use:timeToLive`, or FAILURE.
 *
 * @category xml
 * @example
 * ```ts
 * import { renderAuthenticateUserResponse } from 'webex-user-rules/xml'
 * renderAuthenticateUserResponse({ _tag: 'Right', right: { sessionTicket: 'AAABBB', createTime: 1564617600000, timeToLive: 5400 } }).includes('<serv:bodyContent xsi:type="use:authenticateUserResponse" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><use:sessionTicket>AAABBB</use:sessionTicket><use:createTime>1564617600000</use:createTime><use:timeToLive>5400</use:timeToLive></serv:bodyContent>')
 * //=> true
 * ```
 */
export const renderAuthenticateUserResponse = (result: E.Either<OperationError, AuthenticateUserAnswer>): string =>
  render('authenticateUserResponse', AuthenticateUserAnswer, result)

/**
 * The GetLoginTicket answer: `use:ticket`, `use:apiVersion`, or FAILURE.
 *
 * @category xml
 * @example
 * ```ts
 * import { renderGetLoginTicketResponse } from 'webex-user-rules/xml'
 * renderGetLoginTicketResponse({ _tag: 'Right', right: { ticket: '3f1c9a0e5b7d4c2a', apiVersion: 'WebEx XML API V10.0.0' } }).includes('<use:ticket>3f1c9a0e5b7d4c2a</use:ticket><use:apiVersion>WebEx XML API V10.0.0</use:apiVersion>')
 * //=> true
 * ```
 */
export const renderGetLoginTicketResponse = (result: E.Either<OperationError, GetLoginTicketAnswer>): string =>
  render('getLoginTicketResponse', GetLoginTicketAnswer, result)

/**
 * The GetloginurlUser answer: `use:userLoginURL` (its `&` written `&amp;`), or FAILURE.
 *
 * @category xml
 * @example
 * ```ts
 * import { renderGetloginurlUserResponse } from 'webex-user-rules/xml'
 * renderGetloginurlUserResponse({ _tag: 'Right', right: { userLoginURL: 'https://examplesite.webex.com/examplesite/p.php?AT=LI&WID=hostid' } }).includes('<use:userLoginURL>https://examplesite.webex.com/examplesite/p.php?AT=LI&amp;WID=hostid</use:userLoginURL>')
 * //=> true
 * ```
 */
export const renderGetloginurlUserResponse = (result: E.Either<OperationError, LoginUrlAnswer>): string =>
  render('getloginurlUserResponse', LoginUrlAnswer, result)

/**
 * The GetlogouturlUser answer: `use:userLogoutURL`, or FAILURE.
 *
 * @category xml
 * @example
 * ```ts
 * import { renderGetlogouturlUserResponse } from 'webex-user-rules/xml'
 * renderGetlogouturlUserResponse({ _tag: 'Right', right: { userLogoutURL: 'https://examplesite.webex.com/examplesite/p.php?AT=LO&BU=' } }).includes('xsi:type="use:getlogouturlUserResponse"')
 * //=> true
 * ```
 */
export const renderGetlogouturlUserResponse = (result: E.Either<OperationError, LogoutUrlAnswer>): string =>
  render('getlogouturlUserResponse', LogoutUrlAnswer, result)

const LstsummaryAnswer = struct(
  'lstsummaryUserResponse',
  { user: list(UserSummary), matchingRecords: MatchingRecords },
  ['matchingRecords'],
)

/**
 * The LstsummaryUser answer: the users first (`use:user` each, the five required elements always
 * written), then `use:matchingRecords` with `serv:total`, `serv:returned`, `serv:startFrom`; or
 * FAILURE (000015 when nothing matched).
 *
 * @category xml
 * @example
 * ```ts
 * import { renderLstsummaryUserResponse } from 'webex-user-rules/xml'
 * const xml = renderLstsummaryUserResponse({ _tag: 'Right', right: { user: [{ webExId: 'jdoe', firstName: 'John', lastName: 'Doe', email: 'jdoe@example.com', active: 'DEACTIVATED' }], matchingRecords: { total: 25, returned: 1, startFrom: 1 } } })
 * xml.includes('<use:user><use:webExId>jdoe</use:webExId><use:firstName>John</use:firstName><use:lastName>Doe</use:lastName><use:email>jdoe@example.com</use:email><use:active>DEACTIVATED</use:active></use:user><use:matchingRecords><serv:total>25</serv:total><serv:returned>1</serv:returned><serv:startFrom>1</serv:startFrom></use:matchingRecords>')
 * //=> true
 * ```
 */
export const renderLstsummaryUserResponse = (result: E.Either<OperationError, LstsummaryUserResult>): string =>
  render('lstsummaryUserResponse', LstsummaryAnswer, result)

/**
 * Reads a SUCCESS answer whose bodyContent has the xsi:type `type` (compared ignoring case: the
 * Cisco doc prints `use:GetloginurlUserResponse`). A FAILURE is an `InvalidRequest` quoting its
 * exceptionID and reason, as `parseGetUserResponse` does (D-X10).
 */
const parseAnswer = <A>(xml: string, type: string, codec: StructType<A>): E.Either<SetUserError, A> => {
  const problems = new Problems()
  const value = readAnswer(xml, type, codec, problems, 'ignored')
  return value === undefined ? E.left(problems.toError()) : E.right(value)
}

/**
 * Reads an AuthenticateUser answer.
 *
 * @category xml
 * @example
 * ```ts
 * import { parseAuthenticateUserResponse, renderAuthenticateUserResponse } from 'webex-user-rules/xml'
 * const answer = { sessionTicket: 'AAABBBdummySessionTicket000777', createTime: 1564617600000, timeToLive: 5400 }
 * parseAuthenticateUserResponse(renderAuthenticateUserResponse({ _tag: 'Right', right: answer })) //=> { _tag: 'Right', right: answer }
 * ```
 */
export const parseAuthenticateUserResponse = (xml: string): E.Either<SetUserError, AuthenticateUserAnswer> =>
  parseAnswer(xml, 'authenticateUserResponse', AuthenticateUserAnswer)

/**
 * Reads a GetLoginTicket answer.
 *
 * @category xml
 * @example
 * ```ts
 * import { parseGetLoginTicketResponse, renderGetLoginTicketResponse } from 'webex-user-rules/xml'
 * const answer = { ticket: '3f1c9a0e5b7d4c2a', apiVersion: 'WebEx XML API V10.0.0' }
 * parseGetLoginTicketResponse(renderGetLoginTicketResponse({ _tag: 'Right', right: answer })) //=> { _tag: 'Right', right: answer }
 * ```
 */
export const parseGetLoginTicketResponse = (xml: string): E.Either<SetUserError, GetLoginTicketAnswer> =>
  parseAnswer(xml, 'getLoginTicketResponse', GetLoginTicketAnswer)

/**
 * Reads a GetloginurlUser answer.
 *
 * @category xml
 * @example
 * ```ts
 * import { parseGetloginurlUserResponse, renderGetloginurlUserResponse } from 'webex-user-rules/xml'
 * const answer = { userLoginURL: 'https://examplesite.webex.com/examplesite/p.php?AT=LI&TK=ticket&MU=GoBack&BU=' }
 * parseGetloginurlUserResponse(renderGetloginurlUserResponse({ _tag: 'Right', right: answer })) //=> { _tag: 'Right', right: answer }
 * ```
 */
export const parseGetloginurlUserResponse = (xml: string): E.Either<SetUserError, LoginUrlAnswer> =>
  parseAnswer(xml, 'getloginurlUserResponse', LoginUrlAnswer)

/**
 * Reads a GetlogouturlUser answer.
 *
 * @category xml
 * @example
 * ```ts
 * import { parseGetlogouturlUserResponse, renderGetlogouturlUserResponse } from 'webex-user-rules/xml'
 * const answer = { userLogoutURL: 'https://examplesite.webex.com/examplesite/p.php?AT=LO&BU=' }
 * parseGetlogouturlUserResponse(renderGetlogouturlUserResponse({ _tag: 'Right', right: answer })) //=> { _tag: 'Right', right: answer }
 * ```
 */
export const parseGetlogouturlUserResponse = (xml: string): E.Either<SetUserError, LogoutUrlAnswer> =>
  parseAnswer(xml, 'getlogouturlUserResponse', LogoutUrlAnswer)

/**
 * Reads a LstsummaryUser answer (users and matchingRecords in either order, as clients read them
 * by name). A 000015 answer is a FAILURE: read it with `parseResponseStatus`.
 *
 * @category xml
 * @example
 * ```ts
 * import { parseLstsummaryUserResponse, renderLstsummaryUserResponse } from 'webex-user-rules/xml'
 * const result = { user: [{ webExId: 'hostid', firstName: 'Ana', lastName: 'Lee', email: 'ana.lee@example.com', registrationDate: '06/23/2004 01:00:00', active: 'ACTIVATED' as const, timeZoneID: 4 }], matchingRecords: { total: 25, returned: 1, startFrom: 1 } }
 * parseLstsummaryUserResponse(renderLstsummaryUserResponse({ _tag: 'Right', right: result })) //=> { _tag: 'Right', right: result }
 * ```
 */
export const parseLstsummaryUserResponse = (xml: string): E.Either<SetUserError, LstsummaryUserResult> =>
  E.map((answer: { readonly user?: readonly UserSummary[]; readonly matchingRecords: MatchingRecords }) => ({
    user: answer.user ?? [],
    matchingRecords: answer.matchingRecords,
  }))(parseAnswer(xml, 'lstsummaryUserResponse', LstsummaryAnswer))
