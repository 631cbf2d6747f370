/**
 * Reading responses (what a client, or the conformance kit, needs from a server's answer): the
 * status of any `serv:message` response, a GetUser answer as the stored `User`, the `userId`
 * CreateUser assigned, and DelUser's per-user statuses.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { invalidRequest, type SetUserError } from '../errors/SetUserError.js'
import { runCodec } from '../model/codec.js'
import { GetUserView, User } from '../model/user.js'
import { MASKED_PASSWORD } from '../rules/joinBeforeHost.js'
import { readDocument, type XmlElement } from './document.js'
import { type ResponseStatus } from './envelope.js'
import { Problems, readAnswer, readResponse } from './read.js'

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
/**
 * Reads a real GetUser response into the stored `User`: the masked password (`******`) is
 * dropped, as is each PCN account's `joinBeforeHost` (GetUser mirrors the account-level value,
 * R9); salesCenter's `products/product{prodID,name}` become the stored prodIDs (D-GV-2); an empty
 * `<defaultCallIn/>` is accepted. A FAILURE response is an `InvalidRequest` whose
 * failure quotes the response's exceptionID and reason (D-X10).
 *
 * @category xml
 * @example
 * ```ts
 * import { parseGetUserResponse, renderGetUserResponse } from 'webex-user-rules/xml'
 * const xml = renderGetUserResponse({ webExId: 'jdoe', password: 'secret', phones: { PIN: '0427' }, personalTeleconf: { joinBeforeHost: true, account: [{ accountIndex: 1 }] } })
 * parseGetUserResponse(xml)
 * //=> { _tag: 'Right', right: { webExId: 'jdoe', phones: { PIN: '0427' }, active: 'ACTIVATED', personalTeleconf: { account: [{ accountIndex: 1 }], joinBeforeHost: true } } }
 * ```
 */
export const parseGetUserResponse = (xml: string): E.Either<SetUserError, User> => {
  const problems = new Problems()
  const view = readAnswer(xml, 'getUserResponse', GetUserView, problems, 'exact')
  if (view === undefined) return E.left(problems.toError())
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
      key === 'personalTeleconf' && view.personalTeleconf !== undefined
        ? withoutMirror(view.personalTeleconf)
        : key === 'salesCenter' && view.salesCenter !== undefined
          ? storedSalesCenter(view.salesCenter)
          : value
  }
  return user as unknown as User
}

/** The stored form of salesCenter: the prodIDs of the response's `product{prodID,name}` (D-GV-2). */
const storedSalesCenter = (salesCenter: NonNullable<GetUserView['salesCenter']>): NonNullable<User['salesCenter']> => {
  const { smeInfo, ...rest } = salesCenter
  if (smeInfo === undefined) return rest
  const { products, ...info } = smeInfo
  return { ...rest, smeInfo: products === undefined ? info : { ...info, products: products.map((p) => p.prodID) } }
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

const child = (element: XmlElement | undefined, name: string): XmlElement | undefined =>
  element?.children.find((c) => c.name === name)

const bodyContentOf = (xml: string): XmlElement | undefined => {
  const document = readDocument(xml)
  return E.isLeft(document) ? undefined : child(child(document.right, 'body'), 'bodyContent')
}

/**
 * A CreateUser answer: its status, and the `userId` of a SUCCESS (absent when the server sends none).
 *
 * @category xml
 * @example
 * ```ts
 * import { parseCreateUserResponse, renderCreateUserResponse } from 'webex-user-rules/xml'
 * parseCreateUserResponse(renderCreateUserResponse({ _tag: 'Right', right: { user: { webExId: 'ana' }, effects: [], notices: [] } }, 962225390))
 * //=> { _tag: 'Right', right: { status: { result: 'SUCCESS', gsbStatus: 'PRIMARY' }, userId: 962225390 } }
 * ```
 */
export const parseCreateUserResponse = (
  xml: string,
): E.Either<SetUserError, { readonly status: ResponseStatus; readonly userId?: number }> => {
  const status = parseResponseStatus(xml)
  if (E.isLeft(status)) return status
  const text = child(bodyContentOf(xml), 'userId')?.text
  if (text === undefined) return E.right({ status: status.right })
  if (!/^[0-9]{1,15}$/.test(text))
    return E.left(
      invalidRequest([
        { source: 'message', code: 'format', path: 'body.bodyContent.userId', expected: 'a number', actual: text },
      ]),
    )
  return E.right({ status: status.right, userId: Number(text) })
}

/** One user of a DelUser answer. @category xml */
export interface DelUserStatus {
  readonly webExId: string
  readonly status: 'SUCCESS' | 'FAILURE'
}

/**
 * A DelUser answer: its status and, for a SUCCESS, one status per requested user in order.
 *
 * @category xml
 * @example
 * ```ts
 * import { userNotFound } from 'webex-user-rules'
 * import { parseDelUserResponse, renderDelUserResponse } from 'webex-user-rules/xml'
 * const xml = renderDelUserResponse({ _tag: 'Right', right: { activeHostCount: 0, results: [{ webExId: 'ghost', status: 'FAILURE', error: userNotFound('ghost') }] } })
 * parseDelUserResponse(xml)
 * //=> { _tag: 'Right', right: { status: { result: 'SUCCESS', gsbStatus: 'PRIMARY' }, users: [{ webExId: 'ghost', status: 'FAILURE' }] } }
 * ```
 */
export const parseDelUserResponse = (
  xml: string,
): E.Either<SetUserError, { readonly status: ResponseStatus; readonly users: readonly DelUserStatus[] }> => {
  const status = parseResponseStatus(xml)
  if (E.isLeft(status)) return status
  const users: DelUserStatus[] = []
  for (const [i, element] of (bodyContentOf(xml)?.children ?? []).entries()) {
    if (element.name !== 'user') continue
    const webExId = child(element, 'webExId')?.text
    const result = child(element, 'status')?.text
    if (webExId === undefined || (result !== 'SUCCESS' && result !== 'FAILURE'))
      return E.left(
        invalidRequest([
          {
            source: 'message',
            code: 'missingElement',
            path: `body.bodyContent.user[${String(i)}]`,
            expected: 'webExId and status SUCCESS|FAILURE',
            actual: result,
          },
        ]),
      )
    users.push({ webExId, status: result })
  }
  return E.right({ status: status.right, users })
}
