import { describe, expect, it } from 'vitest'
import { INVALID_PIN_REASON, invalidPin, isValidPin, type User } from 'webex-user-rules'
import { parseSetUserMessage } from 'webex-user-rules/xml'
import { apply, asAdmin, asSelf, expectLeft, expectRight } from '../helpers.js'

const user: User = { webExId: 'jdoe', phones: { PIN: '4826' }, personalMeetingRoom: { hostPIN: '6514' } }

describe('R7 PIN', () => {
  it('R7 seed: 1111 and 1234 are not valid PINs', () => {
    expect(isValidPin('1111')).toBe(false)
    expect(isValidPin('1234')).toBe(false)
  })

  it('R7 rejects every repeated digit and every ascending and (D) descending run', () => {
    for (const pin of ['0000', '5555', '9999', '0123', '6789', '3456', '9876', '3210', '4321'])
      expect(isValidPin(pin)).toBe(false)
  })

  it('R7 accepts other four-digit strings, leading zeros included', () => {
    for (const pin of ['4826', '0042', '1235', '1123', '2468', '0124', '9875']) expect(isValidPin(pin)).toBe(true)
  })

  it('R7 requires exactly four ASCII digits', () => {
    for (const pin of ['', '123', '12345', '12a4', ' 482', '４８２６', '48.6', '-482'])
      expect(isValidPin(pin)).toBe(false)
  })

  it('R7 exactly 24 of the 10,000 four-digit strings are invalid', () => {
    let invalid = 0
    for (let n = 0; n < 10_000; n++) if (!isValidPin(String(n).padStart(4, '0'))) invalid++
    expect(invalid).toBe(24)
  })

  it('R7 seed: SetUser with an invalid PIN ⇒ WBXValidationException 999999 "Not a valid PIN! ..."', () => {
    const error = expectLeft(apply(user, asAdmin({ webExId: 'jdoe', phones: { PIN: '1234' } })))
    expect(error).toEqual({ _tag: 'InvalidPin', exceptionID: '999999', reason: INVALID_PIN_REASON, path: 'phones.PIN' })
    expect(error.reason).toBe(
      'Not a valid PIN! PIN must be 4-digit number and not allow PIN to be Single number values or simple sequences, like 1111 or 1234.',
    )
  })

  it('R7 stores a valid PIN as the string it is (leading zero kept)', () => {
    const { user: next } = expectRight(apply(user, asAdmin({ webExId: 'jdoe', phones: { PIN: '0427' } })))
    expect(next.phones?.PIN).toBe('0427')
  })

  it('R7 D: hostPIN follows the same rule (the seed sample lets "a user or admin" set it)', () => {
    const error = expectLeft(apply(user, asSelf({ webExId: 'jdoe', personalMeetingRoom: { hostPIN: '1111' } })))
    expect(error).toMatchObject({ _tag: 'InvalidPin', path: 'personalMeetingRoom.hostPIN' })
    const { user: next } = expectRight(
      apply(user, asSelf({ webExId: 'jdoe', personalMeetingRoom: { hostPIN: '8314' } })),
    )
    expect(next.personalMeetingRoom?.hostPIN).toBe('8314')
  })

  it('R7 D: an empty PIN (as GetUser echoes it) means "not specified": the stored PIN is kept, with a notice', () => {
    const { user: next, notices } = expectRight(
      apply(
        user,
        asAdmin({ webExId: 'jdoe', phones: { PIN: '', phone: '1,408,5551234' }, personalMeetingRoom: { hostPIN: '' } }),
      ),
    )
    expect(next.phones).toEqual({ PIN: '4826', phone: '1,408,5551234' })
    expect(next.personalMeetingRoom).toBe(user.personalMeetingRoom)
    expect(notices.map((n) => [n.kind, n.path])).toEqual([
      ['ignored', 'phones.PIN'],
      ['ignored', 'personalMeetingRoom.hostPIN'],
    ])
  })
})

describe('R7 every invalid PIN gets the PIN error (D-F1)', () => {
  const long = '4826'.repeat(5000)

  it('R7 an over-long PIN (beyond the schema’s 16 characters) is InvalidPin, not InvalidRequest, and is not echoed', () => {
    for (const [body, path] of [
      [{ webExId: 'jdoe', phones: { PIN: long } }, 'phones.PIN'],
      [{ webExId: 'jdoe', personalMeetingRoom: { hostPIN: '48264826482648264' } }, 'personalMeetingRoom.hostPIN'],
    ] as const) {
      const error = expectLeft(apply(user, asSelf(body)))
      expect(error).toEqual({ _tag: 'InvalidPin', exceptionID: '999999', reason: INVALID_PIN_REASON, path })
      expect(JSON.stringify(error)).not.toContain('48264826')
    }
  })

  it('R7 odd PINs: spaces, signs, Unicode digits, control characters', () => {
    for (const PIN of [' 4826', '48 26', '-482', '४८२६', '48\u000026', '4826\n', '+4826'])
      expect(expectLeft(apply(user, asSelf({ webExId: 'jdoe', phones: { PIN } })))._tag).toBe('InvalidPin')
  })

  it('R7 over the wire too', () => {
    const xml =
      '<serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service"><header><securityContext><webExID>jdoe</webExID></securityContext></header>' +
      '<body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<webExId>jdoe</webExId><phones><PIN>${'9'.repeat(40)}</PIN></phones></bodyContent></body></serv:message>`
    expect(parseSetUserMessage(xml)).toEqual({ _tag: 'Left', left: invalidPin('phones.PIN') })
  })

  it('R7 a request malformed elsewhere as well stays InvalidRequest', () => {
    const error = expectLeft(apply(user, asSelf({ webExId: 'jdoe', phones: { PIN: long }, Active: 'x' } as never)))
    expect(error._tag).toBe('InvalidRequest')
  })
})
