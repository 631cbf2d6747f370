import { describe, expect, it } from 'vitest'
import { VALID_PIN_REQUIRED_REASON, type User } from 'webex-user-rules'
import { apply, asSelf, expectLeft, expectRight } from '../helpers.js'

const noPin: User = { webExId: 'jdoe' }
const addAccount = { accountIndex: 1, autoGenerate: true, defaultFlag: true }

describe('R8 a PCN account needs a valid PIN', () => {
  it('R8 seed: adding a PCN account without a PIN ⇒ "valid PIN is required"', () => {
    const error = expectLeft(apply(noPin, asSelf({ webExId: 'jdoe', personalTeleconf: { account: [addAccount] } })))
    expect(error).toEqual({
      _tag: 'ValidPinRequired',
      exceptionID: '999999',
      reason: VALID_PIN_REQUIRED_REASON,
      path: 'personalTeleconf.account[0]',
    })
    expect(error.reason).toBe('valid PIN is required')
  })

  it('R8 editing an account with a stored legacy PIN that is not valid fails too', () => {
    const legacy: User = {
      webExId: 'jdoe',
      phones: { PIN: '1234' },
      personalTeleconf: { account: [{ accountIndex: 1 }] },
    }
    const error = expectLeft(
      apply(
        legacy,
        asSelf({ webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex: 1, defaultFlag: true }] } }),
      ),
    )
    expect(error._tag).toBe('ValidPinRequired')
  })

  it('R8 with a stored valid PIN the account is added', () => {
    const { user, effects } = expectRight(
      apply(
        { webExId: 'jdoe', phones: { PIN: '4826' } },
        asSelf({ webExId: 'jdoe', personalTeleconf: { account: [addAccount] } }),
      ),
    )
    expect(user.personalTeleconf?.account).toEqual([{ accountIndex: 1, defaultFlag: true }])
    expect(effects).toContainEqual({ kind: 'generateAccessCodes', accountIndex: 1 })
  })

  it('R8 D: the PIN in effect after the request counts, so PIN and account can come together', () => {
    const { user } = expectRight(
      apply(noPin, asSelf({ webExId: 'jdoe', phones: { PIN: '5829' }, personalTeleconf: { account: [addAccount] } })),
    )
    expect(user.phones?.PIN).toBe('5829')
    expect(user.personalTeleconf?.account).toHaveLength(1)
  })

  it('R8 deleting an account needs no PIN', () => {
    const withAccount: User = { webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex: 2 }] } }
    const { user } = expectRight(
      apply(
        withAccount,
        asSelf({ webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex: 2, delete: true }] } }),
      ),
    )
    expect(user.personalTeleconf?.account).toEqual([])
  })
})
