import { describe, expect, it } from 'vitest'
import type { Notice } from 'webex-user-rules'
import { apply, asAdmin, expectRight, site } from './helpers.js'

const only = (notices: readonly Notice[]): Notice => {
  expect(notices).toHaveLength(1)
  const [notice] = notices
  if (notice === undefined) return expect.fail('no notice')
  return notice
}

describe('notices say what was ignored or reset, and why', () => {
  it('R7 D: an empty PIN is "not specified"', () => {
    const { notices } = expectRight(apply({ webExId: 'j' }, asAdmin({ webExId: 'j', phones: { PIN: '' } })))
    expect(only(notices)).toEqual({
      kind: 'ignored',
      path: 'phones.PIN',
      message: expect.stringContaining('not specified') as unknown,
    })
  })

  it('R5 names the missing site features, joined by "and"', () => {
    const { notices } = expectRight(
      apply(
        { webExId: 'j', privilege: { HDvideo: true } },
        asAdmin({ webExId: 'j' }),
        site({ features: { HQvideo: false, HDvideo: false } }),
      ),
    )
    expect(only(notices)).toEqual({
      kind: 'reset',
      path: 'privilege.HDvideo',
      message: 'reset to off: the site does not support HQvideo and HDvideo',
    })
  })

  it('R5 names only the feature that is off', () => {
    const { notices } = expectRight(
      apply(
        { webExId: 'j', privilege: { teleConfCallOutInternational: true } },
        asAdmin({ webExId: 'j' }),
        site({ features: { callBackTeleconferencing: true, intlCallBackTeleconferencing: false } }),
      ),
    )
    expect(only(notices).message).toBe('reset to off: the site does not support intlCallBackTeleconferencing')
  })

  it('R3 names the role precedence decided', () => {
    const { notices } = expectRight(
      apply({ webExId: 'j' }, asAdmin({ webExId: 'j', privilege: { roSiteAdmin: true, host: true } })),
    )
    expect(only(notices)).toEqual({
      kind: 'ignored',
      path: 'privilege.host',
      message: 'the role is roSiteAdmin (precedence siteAdmin, roSiteAdmin, host; none TRUE means host)',
    })
  })

  it('R4 says smeInfo is removed, not updated, when sme is FALSE', () => {
    const { notices } = expectRight(
      apply(
        { webExId: 'j' },
        asAdmin({ webExId: 'j', salesCenter: { roles: { sme: false }, smeInfo: { products: [1] } } }),
      ),
    )
    expect(only(notices)).toEqual({
      kind: 'ignored',
      path: 'salesCenter.smeInfo.products',
      message: 'sme is FALSE: smeInfo is removed, not updated',
    })
  })

  it('R9 says account-level joinBeforeHost is ignored for personalTeleconf.joinBeforeHost', () => {
    const { notices } = expectRight(
      apply(
        { webExId: 'j', phones: { PIN: '4826' } },
        asAdmin({ webExId: 'j', personalTeleconf: { account: [{ accountIndex: 1, joinBeforeHost: true }] } }),
      ),
    )
    expect(only(notices)).toEqual({
      kind: 'ignored',
      path: 'personalTeleconf.account[0].joinBeforeHost',
      message: 'account-level joinBeforeHost is ignored; only personalTeleconf.joinBeforeHost is used',
    })
  })

  it('R10 names the account index that is not there to delete', () => {
    const { notices } = expectRight(
      apply({ webExId: 'j' }, asAdmin({ webExId: 'j', tspAccount: [{ accountIndex: 3, delete: true }] })),
    )
    expect(only(notices)).toEqual({
      kind: 'ignored',
      path: 'tspAccount[0].delete',
      message: 'there is no account 3 to delete',
    })
  })
})
