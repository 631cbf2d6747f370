import { describe, expect, it } from 'vitest'
import { applyCreateUser, type SetUserError } from 'webex-user-rules'
import { ADMIN, apply, asAdmin, asSelf, expectLeft, expectRight, site } from '../helpers.js'

const policy = site({ passwords: {} })
const stored = { webExId: 'jdoe' }

describe('R21 password rules', () => {
  it('R21 030003: a password shorter than 6 characters (the documented minimum)', () => {
    const error = expectLeft(apply(stored, asAdmin({ webExId: 'jdoe', password: 'Ab1!x' }), policy))
    expect(error).toEqual({
      _tag: 'RuleViolation',
      exceptionID: '030003',
      reason: 'Password must be at least 6 characters.',
      rule: 'R21',
      path: 'password',
    })
    expectRight(apply(stored, asAdmin({ webExId: 'jdoe', password: 'Ab1!xy' }), policy))
  })

  it('R21 030003: the site minimum replaces the default', () => {
    const strict = site({ passwords: { minLength: 10 } })
    expect(expectLeft(apply(stored, asAdmin({ webExId: 'jdoe', password: 'Abcdef123' }), strict)).exceptionID).toBe(
      '030003',
    )
    expectRight(apply(stored, asAdmin({ webExId: 'jdoe', password: 'Abcdef1234' }), strict))
  })

  it('R21 030058: only A-Z, a-z, 0-9 and common punctuation, no double quote', () => {
    for (const password of ['pass"word1', 'pass word1', 'pässword1', 'password\t1']) {
      const error = expectLeft(apply(stored, asSelf({ webExId: 'jdoe', password }), policy))
      expect(error).toMatchObject({ _tag: 'RuleViolation', exceptionID: '030058', path: 'password' })
    }
    expectRight(apply(stored, asSelf({ webExId: 'jdoe', password: "Rnd&Pw-9x2Q!#$%'()*+,./:;<=>?@[]^_`{|}~" }), policy))
  })

  it('R21 the length is checked before the characters', () => {
    expect(expectLeft(apply(stored, asAdmin({ webExId: 'jdoe', password: 'a"b' }), policy)).exceptionID).toBe('030003')
  })

  it('R21 never echoes the password', () => {
    const error: SetUserError = expectLeft(apply(stored, asAdmin({ webExId: 'jdoe', password: 'sec"ret99' }), policy))
    expect(JSON.stringify(error)).not.toContain('sec"ret99')
  })

  it('R21 without a site policy nothing is checked (today’s behaviour); an empty password is not checked', () => {
    expectRight(apply(stored, asAdmin({ webExId: 'jdoe', password: 'a"' })))
    expectRight(apply(stored, asAdmin({ webExId: 'jdoe', password: '' }), policy))
  })

  it('R21 applies to CreateUser', () => {
    const created = applyCreateUser(policy, {
      caller: ADMIN,
      body: { webExId: 'ana', email: 'ana@example.edu', password: 'abc', firstName: 'Ana', lastName: 'Lee' },
    })
    expect(created).toMatchObject({ _tag: 'Left', left: { exceptionID: '030003' } })
  })
})
