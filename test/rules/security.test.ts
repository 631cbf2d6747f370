import { describe, expect, it } from 'vitest'
import { applyCreateUser, type User } from 'webex-user-rules'
import { ADMIN, apply, asAdmin, deepFreeze, expectLeft, expectRight, site } from '../helpers.js'

const user: User = { webExId: 'jsmith', security: { forceChangePassword: false, lockAccount: false } }

describe('R12 security options', () => {
  it('R12 seed: a site admin forces a password change and locks the account (corpus maekee-3)', () => {
    const { user: next, effects } = expectRight(
      apply(user, asAdmin({ webExId: 'jsmith', security: { forceChangePassword: true, lockAccount: true } })),
    )
    expect(next.security).toEqual({ forceChangePassword: true, lockAccount: true })
    expect(effects).toEqual([{ kind: 'passwordChangeForced' }, { kind: 'accountLocked' }])
  })

  it('R12 resetPassword with forceChangePassword FALSE ⇒ 030053', () => {
    const error = expectLeft(
      apply(user, asAdmin({ webExId: 'jsmith', security: { resetPassword: true, forceChangePassword: false } })),
    )
    expect(error).toEqual({
      _tag: 'InvalidSecurityOptions',
      exceptionID: '030053',
      reason: 'forceChangePassword must be true while resetPassword is set to true.',
    })
  })

  it('R12 lifting a forced change without a reset ⇒ 030057', () => {
    const forced: User = { webExId: 'jsmith', security: { forceChangePassword: true } }
    const error = expectLeft(apply(forced, asAdmin({ webExId: 'jsmith', security: { forceChangePassword: false } })))
    expect(error).toMatchObject({ _tag: 'InvalidSecurityOptions', exceptionID: '030057' })
  })

  it('R12 lifting a forced change is fine when no change was forced', () => {
    expectRight(apply(user, asAdmin({ webExId: 'jsmith', security: { forceChangePassword: false } })))
  })

  it('R12 D: resetPassword is an action: effect passwordReset, not stored', () => {
    const { user: next, effects } = expectRight(
      apply(user, asAdmin({ webExId: 'jsmith', security: { resetPassword: true, forceChangePassword: true } })),
    )
    expect(next.security).toEqual({ forceChangePassword: true, lockAccount: false })
    expect(effects).toEqual([{ kind: 'passwordReset' }, { kind: 'passwordChangeForced' }])
  })

  it('R12 unlocking a locked account yields accountUnlocked; an unchanged lock yields nothing', () => {
    const locked: User = { webExId: 'jsmith', security: { lockAccount: true } }
    expect(
      expectRight(apply(locked, asAdmin({ webExId: 'jsmith', security: { lockAccount: false } }))).effects,
    ).toEqual([{ kind: 'accountUnlocked' }])
    expect(expectRight(apply(locked, asAdmin({ webExId: 'jsmith', security: { lockAccount: true } }))).effects).toEqual(
      [],
    )
  })
})

describe('R12 security with nothing stored', () => {
  it('R12 forceChangePassword FALSE on a user with no security element is not 030057', () => {
    const bare: User = { webExId: 'jsmith' }
    const { user: next, effects } = expectRight(
      apply(bare, asAdmin({ webExId: 'jsmith', security: { forceChangePassword: false } })),
    )
    expect(next.security).toEqual({ forceChangePassword: false })
    expect(effects).toEqual([])
  })

  it('R12 CreateUser (no user before): security options yield their effects', () => {
    const { effects } = expectRight(
      applyCreateUser(
        site(),
        deepFreeze({
          caller: ADMIN,
          body: {
            webExId: 'newbie',
            password: 'Pw-9x2Q',
            email: 'newbie@example.com',
            firstName: 'New',
            lastName: 'Bie',
            security: { forceChangePassword: true, lockAccount: true },
          },
        }),
      ),
    )
    expect(effects).toEqual(expect.arrayContaining([{ kind: 'passwordChangeForced' }, { kind: 'accountLocked' }]))
  })
})
