import { describe, expect, it } from 'vitest'
import { apply, asAdmin, expectLeft, expectRight, site } from '../helpers.js'

describe('R32 My WebEx licences and limits', () => {
  it('R32 030015 when no My WebEx Pro licence is left', () => {
    const full = site({ myWebEx: { proLicenses: 10, proLicensesUsed: 10 } })
    const error = expectLeft(
      apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', myWebEx: { isMyWebExPro: true } }), full),
    )
    expect(error).toEqual({
      _tag: 'RuleViolation',
      exceptionID: '030015',
      reason: 'No more My WebEx Pro licenses are available.',
      rule: 'R32',
      path: 'myWebEx.isMyWebExPro',
    })
    // a user who holds a licence keeps it
    expectRight(
      apply(
        { webExId: 'jdoe', myWebEx: { isMyWebExPro: true } },
        asAdmin({ webExId: 'jdoe', myWebEx: { isMyWebExPro: true } }),
        full,
      ),
    )
    expectRight(
      apply(
        { webExId: 'jdoe' },
        asAdmin({ webExId: 'jdoe', myWebEx: { isMyWebExPro: true } }),
        site({ myWebEx: { proLicenses: 10, proLicensesUsed: 9 } }),
      ),
    )
  })

  it('R32 030016 when storage (total plus additional recording storage) exceeds the site limit', () => {
    const limit = site({ myWebEx: { maxStorageSize: 100 } })
    expect(
      expectLeft(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', myWebEx: { totalStorageSize: 101 } }), limit)),
    ).toMatchObject({
      exceptionID: '030016',
      path: 'myWebEx.totalStorageSize',
    })
    expect(
      expectLeft(
        apply(
          { webExId: 'jdoe', myWebEx: { totalStorageSize: 80 } },
          asAdmin({ webExId: 'jdoe', myWebEx: { additionalRecordingStorage: 21 } }),
          limit,
        ),
      ),
    ).toMatchObject({ exceptionID: '030016', path: 'myWebEx.additionalRecordingStorage' })
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', myWebEx: { totalStorageSize: 100 } }), limit))
  })

  it('R32 030017 when myComputer exceeds the site limit', () => {
    const limit = site({ myWebEx: { maxComputers: 3 } })
    expect(
      expectLeft(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', myWebEx: { myComputer: 4 } }), limit)),
    ).toMatchObject({
      exceptionID: '030017',
      reason: 'My WebEx computer number exceeded the limit.',
      path: 'myWebEx.myComputer',
    })
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', myWebEx: { myComputer: 3 } }), limit))
  })

  it('R32 without the site facts nothing is limited', () => {
    expectRight(
      apply(
        { webExId: 'jdoe' },
        asAdmin({ webExId: 'jdoe', myWebEx: { isMyWebExPro: true, myComputer: 99, totalStorageSize: 10 ** 9 } }),
      ),
    )
  })
})
