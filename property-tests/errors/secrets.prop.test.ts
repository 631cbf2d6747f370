/**
 * D-E1: secrets (passwords, PINs, access codes, session tickets, anything in a securityContext)
 * are never echoed: not in a failure's data, not in the wire reason, not in the readable format,
 * whatever the secret and however the request is wrong.
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applyCreateUser,
  applySetUser,
  formatError,
  isSecretName,
  SetUserBody,
  type SetUserError,
} from 'webex-user-rules'
import { parseSetUserMessage, renderFailureResponse, SecurityContext } from 'webex-user-rules/xml'
import { codecPaths } from '../support/paths.js'
import { runs } from '../support/runs.js'

// long enough that it cannot appear in an error by accident, and marked so it can be found
const secretArb = fc
  .string({
    unit: fc.constantFrom(...Array.from('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')),
    minLength: 12,
    maxLength: 300,
  })
  .map((s) => `S3cr${s}`)

const site = {
  activeHostCount: 1,
  hostLimit: 10,
  allowUserToChangeUserName: false,
  takenWebExIds: [],
  productIds: [],
  controlHubManaged: false,
  takenEmails: [],
}
const admin = { webExId: 'admin', role: 'siteAdmin' as const }

/** Everything an error shows anywhere: its data, its reason, its readable format. */
const shown = (error: SetUserError): string => `${JSON.stringify(error)}\n${formatError(error)}`

const leftOf = <A>(result: E.Either<SetUserError, A>): SetUserError | undefined =>
  E.isLeft(result) ? result.left : undefined

// a secret in each place a request can carry one, always next to another fault (or as the fault)
const placements: readonly ((secret: string) => unknown)[] = [
  (s) => ({ webExId: 'jdoe', password: s, firstName: 42 }),
  (s) => ({ webExId: 'jdoe', password: s.repeat(5) }), // too long: the failing value is the secret
  (s) => ({ webExId: 'jdoe', phones: { PIN: s } }),
  (s) => ({ webExId: 'jdoe', personalMeetingRoom: { hostPIN: s } }),
  (s) => ({ webExId: 'jdoe', passwordHintAnswer: s.padEnd(5000, 'x') }),
  (s) => ({ webExId: 'jdoe', pasword: s }), // misspelt: an unknown element whose hint names a secret
  (s) => ({ webExId: 'jdoe', phones: { PIN: 7, pin: s } }),
  (s) => ({ webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex: 'x', subscriberAccessCode: s }] } }),
]

describe('D-E1 secrets are never echoed in errors', () => {
  it('applySetUser: a secret anywhere in a refused request is not in the error', () => {
    fc.assert(
      fc.property(secretArb, fc.constantFrom(...placements), (secret, place) => {
        const error = leftOf(applySetUser({ webExId: 'jdoe' }, site, { caller: admin, body: place(secret) as never }))
        expect(error).toBeDefined()
        if (error !== undefined) expect(shown(error)).not.toContain(secret.slice(0, 12))
      }),
      { numRuns: runs(300) },
    )
  })

  it('applyCreateUser: a wrong-typed or too-long password is not in the error', () => {
    fc.assert(
      fc.property(secretArb, (secret) => {
        const error = leftOf(
          applyCreateUser(site, {
            caller: admin,
            body: { webExId: 'n', email: 'n@example.com', password: secret.repeat(5), firstName: 'N', lastName: 'L' },
          }),
        )
        expect(error?._tag).toBe('InvalidRequest')
        if (error !== undefined) expect(shown(error)).not.toContain(secret.slice(0, 12))
      }),
      { numRuns: runs(200) },
    )
  })

  it('XML messages: a securityContext password or sessionTicket and a body password are not in the error', () => {
    fc.assert(
      fc.property(secretArb, (secret) => {
        const xml = `<serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><header><securityContext><webExID>admin</webExID><password>${secret.repeat(20)}</password><sessionTicket>${secret}</sessionTicket><extra>${secret}</extra></securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser"><webExId>jdoe</webExId><password>${secret.repeat(3)}</password><phones><PIN>${secret}</PIN></phones></bodyContent></body></serv:message>`
        const error = leftOf(parseSetUserMessage(xml))
        expect(error?._tag).toBe('InvalidRequest')
        if (error !== undefined) expect(shown(error)).not.toContain(secret.slice(0, 12))
      }),
      { numRuns: runs(200) },
    )
  })

  // every secret element of a SetUser message, as the element names from bodyContent or from
  // securityContext: the body's secret leaves (list items are elements of the list's name) and
  // every child of the securityContext
  const secretElements: readonly (readonly ['header' | 'body', readonly string[]])[] = [
    ...codecPaths(SetUserBody)
      .filter((p) => p.codec._tag === 'LeafType' && isSecretName(p.path.slice(p.path.lastIndexOf('.') + 1)))
      .map((p) => ['body', p.path.replaceAll('[]', '').split('.')] as const),
    ...Object.keys(SecurityContext.props).map((name) => ['header', [name]] as const),
  ]
  // ways to write a secret so that the document is not well-formed right there
  const malformed: readonly ((s: string) => string)[] = [
    (s) => `${s}&${s};`,
    (s) => `${s}&#0;${s}`,
    (s) => `${s}<${s}>`,
    (s) => `${s}</${s}>`,
    (s) => `${s}<x ${s}="1" ${s}="2"/>`,
    (s) => `${s}\u0001${s}`,
    (s) => `${s}]]>${s}`,
    (s) => `<${s} ${s}>`,
    (s) => `${s}<![CDATA[${s}`,
  ]

  it('XML messages: a secret written malformed inside any secret element is not in the failure, its reason or its wire answer', () => {
    expect(secretElements.map(([part, names]) => `${part}:${names.join('.')}`)).toEqual(
      expect.arrayContaining(['body:password', 'body:phones.PIN', 'header:password', 'header:sessionTicket']),
    )
    fc.assert(
      fc.property(
        secretArb,
        fc.constantFrom(...secretElements),
        fc.constantFrom(...malformed),
        fc.boolean(),
        (secret, [part, names], write, truncated) => {
          const open = names.map((n) => `<${n}>`).join('')
          const close = [...names]
            .reverse()
            .map((n) => `</${n}>`)
            .join('')
          const inside = `${open}${write(secret)}`
          const header = `<securityContext><webExID>admin</webExID>${part === 'header' ? inside : ''}`
          const body = part === 'body' ? inside : '<webExId>jdoe</webExId>'
          const head = `<serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n<header>${header}`
          const xml = truncated
            ? part === 'header'
              ? head
              : `${head}</securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser">${body}`
            : `${head}${part === 'header' ? close : ''}</securityContext></header>\n<body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser">${body}${part === 'body' ? close : ''}</bodyContent></body></serv:message>`
          const error = leftOf(parseSetUserMessage(xml))
          expect(error?._tag).toBe('InvalidRequest')
          if (error?._tag !== 'InvalidRequest') return
          expect(error.failures).toEqual([expect.objectContaining({ source: 'message', code: 'document' })])
          expect(`${shown(error)}\n${renderFailureResponse(error)}`).not.toContain(secret.slice(0, 12))
        },
      ),
      { numRuns: runs(300) },
    )
  })
})
