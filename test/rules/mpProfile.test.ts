import { describe, expect, it } from 'vitest'
import { apply, asAdmin, expectLeft, expectRight, site } from '../helpers.js'

const taken = site({ takenMpProfileNumbers: ['4711', '0815'] })

describe('R25 a MeetingPlace profile number belongs to one user', () => {
  it('R25 030051 when another user holds the number', () => {
    const error = expectLeft(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', mpProfileNumber: '4711' }), taken))
    expect(error).toEqual({
      _tag: 'RuleViolation',
      exceptionID: '030051',
      reason: 'Cisco Unified MeetingPlace profile number is in use.',
      rule: 'R25',
      path: 'mpProfileNumber',
      value: '4711',
    })
  })

  it('R25 a free number, the user’s own number, or clearing it is fine', () => {
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', mpProfileNumber: '1234' }), taken))
    expectRight(
      apply({ webExId: 'jdoe', mpProfileNumber: '4711' }, asAdmin({ webExId: 'jdoe', mpProfileNumber: '4711' }), taken),
    )
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', mpProfileNumber: '' }), taken))
  })

  it('R25 without the site list nothing is checked', () => {
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', mpProfileNumber: '4711' })))
  })
})
