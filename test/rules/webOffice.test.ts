import { describe, expect, it } from 'vitest'
import { apply, asAdmin, expectRight } from '../helpers.js'

describe('R17 WebOffice sync', () => {
  it('R17 seed: syncWebOffice TRUE ⇒ the effect syncWebOffice, emitted last; the flag is not stored', () => {
    const { user, effects } = expectRight(
      apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', newWebExId: 'jane', syncWebOffice: true })),
    )
    expect(user).toEqual({ webExId: 'jane' })
    expect(effects).toEqual([{ kind: 'renamed', from: 'jdoe', to: 'jane' }, { kind: 'syncWebOffice' }])
  })

  it('R17 syncWebOffice FALSE asks for nothing', () => {
    expect(expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', syncWebOffice: false }))).effects).toEqual(
      [],
    )
  })

  it('R17 seed: myWebEx.myWorkspaces is a stored boolean', () => {
    const { user } = expectRight(
      apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', myWebEx: { myWorkspaces: true } })),
    )
    expect(user.myWebEx).toEqual({ myWorkspaces: true })
  })
})
