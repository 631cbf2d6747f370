import { describe, expect, it } from 'vitest'
import { apply, asAdmin, expectLeft, expectRight, site } from '../helpers.js'

// D-F13: each limit is checked only when the request sends the element concerned
describe('R32 each My WebEx limit is checked only for the elements sent (D-F13)', () => {
  const full = site({ myWebEx: { proLicenses: 10, proLicensesUsed: 10, maxStorageSize: 100, maxComputers: 3 } })

  it('R32 no Pro licence left, but the request does not make the user Pro ⇒ no 030015', () => {
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', myWebEx: { myComputer: 2 } }), full))
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', myWebEx: { isMyWebExPro: false } }), full))
  })

  it('R32 stored storage over the limit, request sends no storage element ⇒ no 030016', () => {
    const over = { webExId: 'jdoe', myWebEx: { totalStorageSize: 150, additionalRecordingStorage: 10 } }
    expectRight(apply(over, asAdmin({ webExId: 'jdoe', myWebEx: { myComputer: 2 } }), full))
  })

  it('R32 only additionalRecordingStorage sent, nothing stored: the stored total counts as 0', () => {
    // storage "as after the request": 0 stored + 60 ⇒ fine; 0 + 101 ⇒ over 100
    expectRight(
      apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', myWebEx: { additionalRecordingStorage: 60 } }), full),
    )
    expect(
      expectLeft(
        apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', myWebEx: { additionalRecordingStorage: 101 } }), full),
      ),
    ).toMatchObject({ exceptionID: '030016', path: 'myWebEx.additionalRecordingStorage' })
  })
})

describe('R32 violations name their rule', () => {
  it('R32 030016 and 030017 carry rule R32', () => {
    const limit = site({ myWebEx: { maxStorageSize: 100, maxComputers: 3 } })
    expect(
      expectLeft(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', myWebEx: { totalStorageSize: 101 } }), limit)),
    ).toMatchObject({ _tag: 'RuleViolation', rule: 'R32', exceptionID: '030016' })
    expect(
      expectLeft(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', myWebEx: { myComputer: 4 } }), limit)),
    ).toMatchObject({ _tag: 'RuleViolation', rule: 'R32', exceptionID: '030017' })
  })
})
