import { describe, expect, it } from 'vitest'
import { apply, asAdmin, expectLeft, expectRight, site } from '../helpers.js'

const directory = site({ siteWebExIds: ['jdoe', 'Boss'] })

describe('R24 a Sales Center manager is a user of the site', () => {
  it('R24 030021 "Manager not found."', () => {
    const error = expectLeft(
      apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', salesCenter: { manager: 'ghost' } }), directory),
    )
    expect(error).toEqual({
      _tag: 'RuleViolation',
      exceptionID: '030021',
      reason: 'Manager not found.',
      rule: 'R24',
      path: 'salesCenter.manager',
    })
  })

  it('R24 a manager of the site, in any case, is fine; an empty manager clears it', () => {
    const { user } = expectRight(
      apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', salesCenter: { manager: 'boss' } }), directory),
    )
    expect(user.salesCenter?.manager).toBe('boss')
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', salesCenter: { manager: '' } }), directory))
  })

  it('R24 the manager is looked up trimmed: " boss " names Boss (bite experiment R24, docs/testing.md)', () => {
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', salesCenter: { manager: ' boss ' } }), directory))
    expectLeft(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', salesCenter: { manager: ' ghost ' } }), directory))
  })

  it('R24 without the site list nothing is checked', () => {
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', salesCenter: { manager: 'ghost' } })))
  })
})

describe('R24 a blank manager', () => {
  it('R24 a manager of spaces only is empty once trimmed (D-F5: looked up trimmed, empty clears): no 030021', () => {
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', salesCenter: { manager: '   ' } }), directory))
  })
})
