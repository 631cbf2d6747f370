/**
 * The operations `webex-user-rules/xml` reads: each one's bodyContent codec, its xsi:type
 * spellings, and the types of a parsed request message.
 *
 * @module
 */
import type * as t from 'io-ts'
import { ActivationBody, DelUserBody, GetUserBody } from '../model/operations.js'
import { AuthenticateUserBody, GetLoginTicketBody, LoginUrlBody } from '../model/login.js'
import { LstsummaryUserBody } from '../model/lstsummary.js'
import { CreateUserBody, SetUserBody } from '../model/user.js'
import type { SecurityContext } from './envelope.js'

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

/** The bodyContent of each operation, read off the table above. @category xml */
export type BodyOf = { readonly [O in Operation]: t.TypeOf<(typeof OPERATIONS)[O]> }

// Both spellings real clients send (docs/spec.md §5; test/fixtures/corpus: pybot, pyschedperm use `xmlapi`).
export const REQUEST_TYPE = /^java:com\.webex\.(?:xmlapi\.)?service\.binding\.user\.([A-Za-z]+)$/

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

export const isOperation = (name: string): name is Operation => Object.hasOwn(OPERATIONS, name)

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
