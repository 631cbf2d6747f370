import { describe, expect, it } from 'vitest'
import { SETTING_GATES, type User } from 'webex-user-rules'
import { unsupportedGates } from '../../src/rules/optionReset.js'
import { apply, asAdmin, expectRight, site } from '../helpers.js'

describe('R5 invalid-option reset', () => {
  it('R5 seed: "any invalid settings will be automatically reset to off" — never an error', () => {
    const { user, notices } = expectRight(
      apply(
        { webExId: 'jdoe' },
        asAdmin({ webExId: 'jdoe', privilege: { HQvideo: true, HDvideo: true } }),
        site({ features: { HDvideo: false } }),
      ),
    )
    expect(user.privilege).toEqual({ HQvideo: true, HDvideo: false })
    expect(notices).toEqual([
      { kind: 'reset', path: 'privilege.HDvideo', message: expect.stringContaining('HDvideo') as unknown },
    ])
  })

  it('R5 HDvideo needs both HQvideo and HDvideo on the site', () => {
    const { user } = expectRight(
      apply(
        { webExId: 'jdoe' },
        asAdmin({ webExId: 'jdoe', privilege: { HQvideo: true, HDvideo: true } }),
        site({ features: { HQvideo: false } }),
      ),
    )
    expect(user.privilege).toEqual({ HQvideo: false, HDvideo: false })
  })

  it('R5 teleConfCallOutInternational needs callBackTeleconferencing and intlCallBackTeleconferencing', () => {
    const body = asAdmin({ webExId: 'jdoe', privilege: { teleConfCallOut: true, teleConfCallOutInternational: true } })
    const a = expectRight(apply({ webExId: 'jdoe' }, body, site({ features: { intlCallBackTeleconferencing: false } })))
    expect(a.user.privilege).toEqual({ teleConfCallOut: true, teleConfCallOutInternational: false })
    const b = expectRight(apply({ webExId: 'jdoe' }, body, site({ features: { callBackTeleconferencing: false } })))
    expect(b.user.privilege).toEqual({ teleConfCallOut: false, teleConfCallOutInternational: false })
  })

  it('R5 resets the whole result, not only the requested paths', () => {
    const current: User = {
      webExId: 'jdoe',
      privilege: { voiceOverIp: true },
      supportedServices: { trainingCenter: true },
    }
    const { user, notices } = expectRight(
      apply(
        current,
        asAdmin({ webExId: 'jdoe', firstName: 'J' }),
        site({ features: { internetPhone: false, trainingCenter: false } }),
      ),
    )
    expect(user.privilege).toEqual({ voiceOverIp: false })
    expect(user.supportedServices).toEqual({ trainingCenter: false })
    expect(notices.map((n) => n.path)).toEqual(['privilege.voiceOverIp', 'supportedServices.trainingCenter'])
  })

  it('R5 reads absent settings at their schema default: otherTelephony defaults to TRUE', () => {
    const { user, notices } = expectRight(
      apply(
        { webExId: 'jdoe' },
        asAdmin({ webExId: 'jdoe', firstName: 'J' }),
        site({ features: { supportOtherTypeTeleconf: false } }),
      ),
    )
    expect(user.privilege).toEqual({ otherTelephony: false })
    expect(notices).toHaveLength(1)
  })

  it('R5 treats an absent feature as supported and resets nothing', () => {
    const current: User = { webExId: 'jdoe', privilege: { HDvideo: true, labAdmin: true } }
    const { user, notices } = expectRight(
      apply(current, asAdmin({ webExId: 'jdoe', firstName: 'J' }), site({ features: { HQvideo: true } })),
    )
    expect(user.privilege).toBe(current.privilege)
    expect(notices).toEqual([])
  })

  it('R5 gates eventCenter.optimizeAttendeeBandwidthUsage and labAdmin', () => {
    const { user } = expectRight(
      apply(
        { webExId: 'jdoe', eventCenter: { optimizeAttendeeBandwidthUsage: true }, privilege: { labAdmin: true } },
        asAdmin({ webExId: 'jdoe' }),
        site({ features: { optimizeAttendeeBandwidthUsage: false, handsOnLab: false } }),
      ),
    )
    expect(user.eventCenter).toEqual({ optimizeAttendeeBandwidthUsage: false })
    expect(user.privilege).toEqual({ labAdmin: false })
  })

  it('R5 the gating table is data: every gate names at least one feature', () => {
    expect(SETTING_GATES.length).toBeGreaterThanOrEqual(18)
    for (const gate of SETTING_GATES) expect(gate.features.length).toBeGreaterThan(0)
  })
})

describe('R5 the unsupported gates of a site', () => {
  it('R5 a site with no features listed supports everything: no gate applies', () => {
    expect(unsupportedGates(undefined)).toEqual([])
    expect(unsupportedGates({})).toEqual([])
  })

  it('R5 the gates are computed once per features object (site inputs are immutable)', () => {
    const features = { HDvideo: false, internetPhone: true }
    const gates = unsupportedGates(features)
    expect(gates.map((g) => g.key)).toEqual(['HDvideo'])
    expect(unsupportedGates(features)).toBe(gates)
  })
})
