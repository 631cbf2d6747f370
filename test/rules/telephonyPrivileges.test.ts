import { describe, expect, it } from 'vitest'
import { TELEPHONY_PRIVILEGES } from 'webex-user-rules'
import { apply, asAdmin, expectLeft, expectRight, site } from '../helpers.js'

const strict = (features: Record<string, boolean> = {}) => site({ telephonyPrivilegeErrors: true, features })

describe('R30 telephony privileges the site or the user cannot support', () => {
  it('R30 each privilege has its documented exception', () => {
    expect(TELEPHONY_PRIVILEGES.map((p) => [p.key, p.exceptionID])).toEqual([
      ['teleConfCallIn', '030011'],
      ['teleConfCallOut', '030012'],
      ['teleConfCallInInternational', '030023'],
      ['teleConfTollFreeCallIn', '030036'],
      ['voiceOverIp', '030050'],
    ])
  })

  it('R30 the site lacks the feature ⇒ the privilege’s exception', () => {
    for (const { key, exceptionID, feature } of TELEPHONY_PRIVILEGES) {
      const error = expectLeft(
        apply(
          { webExId: 'jdoe' },
          asAdmin({ webExId: 'jdoe', privilege: { [key]: true } }),
          strict({ [feature]: false }),
        ),
      )
      expect(error).toMatchObject({ _tag: 'RuleViolation', exceptionID, rule: 'R30', path: `privilege.${key}` })
    }
  })

  it('R30 030050 "user doesn’t support Internet Phone" for an attendee-only account', () => {
    const error = expectLeft(
      apply(
        { webExId: 'jdoe', privilege: { attendeeOnly: true } },
        asAdmin({ webExId: 'jdoe', privilege: { voiceOverIp: true } }),
        strict(),
      ),
    )
    expect(error).toEqual({
      _tag: 'RuleViolation',
      exceptionID: '030050',
      reason: "User doesn't support Internet Phone.",
      rule: 'R30',
      path: 'privilege.voiceOverIp',
    })
  })

  it('R30 supported privileges, and FALSE values, pass', () => {
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', privilege: { voiceOverIp: true } }), strict()))
    expectRight(
      apply(
        { webExId: 'jdoe' },
        asAdmin({ webExId: 'jdoe', privilege: { voiceOverIp: false } }),
        strict({ internetPhone: false }),
      ),
    )
  })

  it('R30 without the site fact R5 resets instead (today’s behaviour)', () => {
    const { user, notices } = expectRight(
      apply(
        { webExId: 'jdoe' },
        asAdmin({ webExId: 'jdoe', privilege: { voiceOverIp: true } }),
        site({ features: { internetPhone: false } }),
      ),
    )
    expect(user.privilege?.voiceOverIp).toBe(false)
    expect(notices).toContainEqual(expect.objectContaining({ kind: 'reset', path: 'privilege.voiceOverIp' }))
  })
})
