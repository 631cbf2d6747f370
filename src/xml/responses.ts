/**
 * Reading the bodies of the sibling operations' answers (what a client, or the conformance kit,
 * needs from them): the `userId` CreateUser assigned, and DelUser's per-user statuses.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { invalidRequest, type SetUserError } from '../errors/SetUserError.js'
import { readDocument, type XmlElement } from './document.js'
import type { ResponseStatus } from './envelope.js'
import { parseResponseStatus } from './messages.js'

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
