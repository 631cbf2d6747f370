import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { User } from 'webex-user-rules'
import { validateRename } from '../../src/rules/rename.js'
import { apply, asAdmin, asSelf, expectLeft, expectRight, site } from '../helpers.js'

const user: User = { webExId: 'jdoe', firstName: 'Jane' }

describe('R14 rename', () => {
  it('R14 a site admin may always rename', () => {
    const { user: next, effects } = expectRight(apply(user, asAdmin({ webExId: 'jdoe', newWebExId: 'jane.doe' })))
    expect(next).toEqual({ webExId: 'jane.doe', firstName: 'Jane' })
    expect(effects).toEqual([{ kind: 'renamed', from: 'jdoe', to: 'jane.doe' }])
  })

  it('R14 seed: the user may rename themself when the site allows it', () => {
    const { user: next } = expectRight(
      apply(user, asSelf({ webExId: 'jdoe', newWebExId: 'jane.doe' }), site({ allowUserToChangeUserName: true })),
    )
    expect(next.webExId).toBe('jane.doe')
  })

  it('R14 the user may not rename themself when the site does not allow it', () => {
    const error = expectLeft(
      apply(user, asSelf({ webExId: 'jdoe', newWebExId: 'jane.doe' }), site({ allowUserToChangeUserName: false })),
    )
    expect(error).toEqual({
      _tag: 'UserNameChangeNotAllowed',
      exceptionID: '000001',
      reason: 'Access denied, additional privileges are required',
    })
  })

  it('R14 seed: a name that conflicts with a prior or taken name ⇒ WebExIdConflict 030004 (case-insensitive, D)', () => {
    for (const name of ['taken', 'TAKEN', 'other.user']) {
      const error = expectLeft(apply(user, asAdmin({ webExId: 'jdoe', newWebExId: name })))
      expect(error).toMatchObject({ _tag: 'WebExIdConflict', exceptionID: '030004', webExId: name })
    }
  })

  it('R14 renaming to the current name is no rename', () => {
    const { user: next, effects } = expectRight(apply(user, asSelf({ webExId: 'jdoe', newWebExId: 'jdoe' })))
    expect(next).toBe(user)
    expect(effects).toEqual([])
  })

  it('R14 a case-only change is a rename', () => {
    const { effects } = expectRight(apply(user, asAdmin({ webExId: 'jdoe', newWebExId: 'JDoe' })))
    expect(effects).toEqual([{ kind: 'renamed', from: 'jdoe', to: 'JDoe' }])
  })

  it('R14 a case-only change never conflicts, even when the site lists the user’s own name (D-R14-1)', () => {
    // one site-wide list of every name, the user's own included (an embedder's easiest index)
    for (const taken of [['jdoe', 'taken'], ['JDOE'], Object.freeze(['jdoe'])]) {
      const { effects } = expectRight(
        apply(user, asAdmin({ webExId: 'jdoe', newWebExId: 'JDoe' }), site({ takenWebExIds: taken })),
      )
      expect(effects).toEqual([{ kind: 'renamed', from: 'jdoe', to: 'JDoe' }])
    }
    // another name in that list still conflicts
    expect(
      expectLeft(
        apply(user, asAdmin({ webExId: 'jdoe', newWebExId: 'Taken' }), site({ takenWebExIds: ['jdoe', 'taken'] })),
      ),
    ).toMatchObject({ _tag: 'WebExIdConflict', exceptionID: '030004', webExId: 'Taken' })
  })
})

describe('R14 validateRename', () => {
  it('R14 a request that renames nothing passes, whoever sends it and whatever the site allows', () => {
    const host = { webExId: 'jdoe', role: 'host' } as const
    const taken = (): boolean => true
    expect(validateRename(user, { webExId: 'jdoe' }, host, false, taken)).toEqual(E.right(undefined))
    expect(validateRename(user, { webExId: 'jdoe', newWebExId: 'jdoe' }, host, false, taken)).toEqual(
      E.right(undefined),
    )
  })
})
