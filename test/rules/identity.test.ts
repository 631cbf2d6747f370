import { describe, expect, it } from 'vitest'
import { apply, asAdmin, expectLeft } from '../helpers.js'

describe('R20 identity', () => {
  it('R20 body.webExId must name the stored user, else UserNotFound 030001', () => {
    const error = expectLeft(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'someone.else', firstName: 'X' })))
    expect(error).toEqual({
      _tag: 'UserNotFound',
      exceptionID: '030001',
      reason: 'User not found: someone.else',
      webExId: 'someone.else',
    })
  })

  it('R20 is checked before authorization: a host asking for another name learns nothing more than not-found', () => {
    const error = expectLeft(
      apply({ webExId: 'jdoe' }, { caller: { webExId: 'x', role: 'host' }, body: { webExId: 'y' } }),
    )
    expect(error._tag).toBe('UserNotFound')
  })

  it('R20 compares exactly', () => {
    expect(expectLeft(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'JDOE' })))._tag).toBe('UserNotFound')
  })
})
