import { describe, expect, it } from 'vitest'
import { NO_PRIVILEGE_REASON, toGetUserView, type User } from 'webex-user-rules'
import { apply, asAdmin, asSelf, expectLeft, expectRight } from '../helpers.js'

const host: User = { webExId: 'jdoe', phones: { PIN: '4826' }, personalTeleconf: { account: [{ accountIndex: 1 }] } }

describe('R9 PCN Join Before Host', () => {
  it('R9 seed: a host sending personalTeleconf.joinBeforeHost ⇒ NoPrivilegeException 000001', () => {
    const error = expectLeft(apply(host, asSelf({ webExId: 'jdoe', personalTeleconf: { joinBeforeHost: true } })))
    expect(error).toEqual({
      _tag: 'NoPrivilege',
      exceptionID: '000001',
      reason: 'Access denied, additional privileges are required',
      paths: ['personalTeleconf.joinBeforeHost'],
    })
    expect(error.reason).toBe(NO_PRIVILEGE_REASON)
  })

  it('R9 a read-only site admin may not send it either', () => {
    const error = expectLeft(
      apply(host, asSelf({ webExId: 'jdoe', personalTeleconf: { joinBeforeHost: false } }, 'roSiteAdmin')),
    )
    expect(error._tag).toBe('NoPrivilege')
  })

  it('R9 a site admin sets it', () => {
    const { user } = expectRight(apply(host, asAdmin({ webExId: 'jdoe', personalTeleconf: { joinBeforeHost: true } })))
    expect(user.personalTeleconf).toEqual({ account: [{ accountIndex: 1 }], joinBeforeHost: true })
  })

  it('R9 seed: account-level joinBeforeHost on input is ignored, with a notice', () => {
    const { user, notices } = expectRight(
      apply(
        host,
        asSelf({ webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex: 1, joinBeforeHost: true }] } }),
      ),
    )
    expect(user.personalTeleconf?.account).toEqual([{ accountIndex: 1 }])
    expect(user.personalTeleconf?.joinBeforeHost).toBeUndefined()
    expect(notices).toEqual([
      {
        kind: 'ignored',
        path: 'personalTeleconf.account[0].joinBeforeHost',
        message: expect.stringContaining('ignored') as unknown,
      },
    ])
  })

  it('R9 seed: GetUser returns each account joinBeforeHost identical to personalTeleconf.joinBeforeHost', () => {
    const stored: User = {
      webExId: 'jdoe',
      personalTeleconf: {
        joinBeforeHost: true,
        account: [{ accountIndex: 1 }, { accountIndex: 2, defaultFlag: true }],
      },
    }
    expect(toGetUserView(stored).personalTeleconf?.account).toEqual([
      { accountIndex: 1, joinBeforeHost: true },
      { accountIndex: 2, defaultFlag: true, joinBeforeHost: true },
    ])
    const defaulted = toGetUserView({ webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex: 3 }] } })
    expect(defaulted.personalTeleconf?.account).toEqual([{ accountIndex: 3, joinBeforeHost: false }])
  })

  it('R9 the GetUser view keeps the PIN, masks the password, drops engine-only fields and says active (D-GV-3)', () => {
    const view = toGetUserView({
      webExId: 'jdoe',
      password: 'secret',
      phones: { PIN: '4826' },
      designatedChatUser: true,
    })
    expect(view).toEqual({ webExId: 'jdoe', password: '******', phones: { PIN: '4826' }, active: 'ACTIVATED' })
  })
})
