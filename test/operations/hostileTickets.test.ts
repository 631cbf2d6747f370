// The login functions take more than a site, users and a request: the tickets an embedder stores
// and the answer it issued. Those inputs are untrusted too (D-E2): a value that throws when read is
// the embedder's malformed input, answered as InvalidRequest that names the source and never shows
// the thrown message; only a throw from plain data would be an engine defect.
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applyAuthenticateUser,
  applyGetLoginTicket,
  applyGetloginurlUser,
  authenticationClaim,
  checkSessionTicket,
  currentLoginTicket,
  type LoginTicket,
  type LoginTickets,
  type TicketRecord,
  type User,
} from 'webex-user-rules'
import { baseSite, deepFreeze, throwingGetter } from '../helpers.js'

const T0 = 1564617600000
const fresh: LoginTicket = deepFreeze({ ticket: 'ticket', createTime: T0, timeToLive: 5400 })
const users: readonly User[] = deepFreeze([{ webExId: 'hostid' }])
const HOST = { webExId: 'hostid', role: 'host' } as const
const SECRET = 'the-secret-inside-the-thrown-error'

/** `base` with `key` turned into a getter that throws an error carrying a secret. */
const hostile = <T extends object>(base: T, key: string): T => throwingGetter(base, key, SECRET)

/** The one failure of an InvalidRequest answer, and that the secret appears nowhere in it. */
const invalidRequestFrom = (result: E.Either<unknown, unknown>): unknown => {
  expect(E.isLeft(result)).toBe(true)
  expect(JSON.stringify(result)).not.toContain(SECRET)
  const left = (result as E.Left<{ _tag: string; failures: readonly unknown[] }>).left
  expect(left._tag).toBe('InvalidRequest')
  expect(left.failures).toHaveLength(1)
  return left.failures[0]
}

const THROWS = { code: 'wrongType', path: '', actual: 'a value that throws when read' }
// a getter is not plain data whether or not it throws: it is refused before it is read (issue 14)
const NOT_PLAIN = { code: 'wrongType', expected: 'plain data (JSON values)', actual: '(not shown)' }

describe('hostile login inputs are the caller’s InvalidRequest, never a throw (D-E2)', () => {
  const tickets: LoginTickets = { fresh, now: T0 }

  it('GetLoginTicket: a tickets object whose fresh ticket throws when read', () => {
    const result = applyGetLoginTicket(baseSite, users, { caller: HOST, body: {} }, hostile(tickets, 'fresh'))
    expect(invalidRequestFrom(result)).toMatchObject({ source: 'request', ...THROWS })
  })

  it('GetloginurlUser: a tickets object whose outstanding ticket throws when read', () => {
    const result = applyGetloginurlUser(
      baseSite,
      users,
      { caller: HOST, body: { webExID: 'hostid' } },
      hostile(tickets, 'outstanding'),
    )
    expect(invalidRequestFrom(result)).toMatchObject({ source: 'request', ...THROWS })
  })

  it('currentLoginTicket: an outstanding ticket whose createTime throws when read', () => {
    const outstanding = hostile({ ticket: 'old', createTime: T0, timeToLive: 5400 }, 'createTime')
    expect(invalidRequestFrom(currentLoginTicket(outstanding, fresh, T0))).toMatchObject({
      source: 'request',
      path: '',
      ...NOT_PLAIN,
    })
  })

  it('checkSessionTicket: a stored record whose webExId throws when read', () => {
    const record = hostile<TicketRecord>({ webExId: 'hostid', createTime: T0, timeToLive: 5400 }, 'webExId')
    expect(invalidRequestFrom(checkSessionTicket(record, 'hostid', T0))).toMatchObject({
      source: 'request',
      path: '',
      ...NOT_PLAIN,
    })
  })

  const claim = authenticationClaim({ webExID: 'hostid', password: 'pw' })
  const issued = { sessionTicket: 'AAABBBdummySessionTicket000777', createTime: T0, timeToLive: 5400 }

  it('AuthenticateUser: a stored user whose active throws when read is the user’s fault', () => {
    expect(E.isRight(claim)).toBe(true)
    if (E.isLeft(claim)) return
    const result = applyAuthenticateUser(hostile({ webExId: 'hostid' }, 'active'), claim.right, true, issued)
    expect(invalidRequestFrom(result)).toMatchObject({ source: 'user', path: 'active', ...NOT_PLAIN })
  })

  it('AuthenticateUser: an issued answer whose sessionTicket throws when read is the request’s', () => {
    if (E.isLeft(claim)) return
    const result = applyAuthenticateUser({ webExId: 'hostid' }, claim.right, true, hostile(issued, 'sessionTicket'))
    expect(invalidRequestFrom(result)).toMatchObject({
      source: 'request',
      path: 'sessionTicket',
      ...NOT_PLAIN,
      actual: '[redacted]',
    })
  })

  it('AuthenticateUser: a claim whose credential throws when read is the request’s', () => {
    if (E.isLeft(claim)) return
    const result = applyAuthenticateUser({ webExId: 'hostid' }, hostile(claim.right, 'credential'), false, issued)
    expect(invalidRequestFrom(result)).toMatchObject({ source: 'request', ...THROWS })
  })
})
