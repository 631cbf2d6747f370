import { describe, expect, it } from 'vitest'
import type { User } from 'webex-user-rules'
import { apply, asAdmin, asSelf, expectLeft, expectRight, site } from '../helpers.js'

const pro = site({ meetingCenterProTypes: [214] })
const withPin: User = { webExId: 'jdoe', phones: { PIN: '4826' }, meetingTypes: [3] }

describe('R28 PCN accounts need the Meeting Center Pro meeting type', () => {
  it('R28 030077 when an account is added and the user has no Pro meeting type', () => {
    const error = expectLeft(
      apply(
        withPin,
        asSelf({ webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex: 1, autoGenerate: true }] } }),
        pro,
      ),
    )
    expect(error).toEqual({
      _tag: 'RuleViolation',
      exceptionID: '030077',
      reason: 'Personal Conference meetings require the Meeting Center Pro meeting type.',
      rule: 'R28',
      path: 'personalTeleconf.account[0]',
    })
  })

  it('R28 030077 when meetingTypes drops the last Pro type of a user with accounts', () => {
    const holder: User = { ...withPin, meetingTypes: [214, 3], personalTeleconf: { account: [{ accountIndex: 1 }] } }
    expect(expectLeft(apply(holder, asAdmin({ webExId: 'jdoe', meetingTypes: [3] }), pro))).toMatchObject({
      exceptionID: '030077',
      path: 'meetingTypes',
    })
    expectRight(apply(holder, asAdmin({ webExId: 'jdoe', meetingTypes: [214] }), pro))
  })

  it('R28 a Pro type sent with the account, deleting accounts, or an unrelated edit pass', () => {
    expectRight(
      apply(
        withPin,
        asAdmin({ webExId: 'jdoe', meetingTypes: [214], personalTeleconf: { account: [{ accountIndex: 1 }] } }),
        pro,
      ),
    )
    const legacy: User = { ...withPin, personalTeleconf: { account: [{ accountIndex: 1 }] } }
    expectRight(apply(legacy, asAdmin({ webExId: 'jdoe', firstName: 'Jo' }), pro))
    expectRight(
      apply(
        legacy,
        asAdmin({ webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex: 1, delete: true }] } }),
        pro,
      ),
    )
  })

  it('R28 a user without PCN accounts may hold any meeting types (bite experiment 21, docs/testing.md)', () => {
    const { user } = expectRight(apply(withPin, asAdmin({ webExId: 'jdoe', meetingTypes: [3] }), pro))
    expect(user.meetingTypes).toEqual([3])
  })

  it('R28 without the site list nothing is checked', () => {
    expectRight(apply(withPin, asSelf({ webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex: 1 }] } })))
  })
})
