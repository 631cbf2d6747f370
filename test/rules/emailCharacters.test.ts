import { describe, expect, it } from 'vitest'
import { hasValidEmailCharacters } from 'webex-user-rules'
import { apply, asSelf, expectLeft, expectRight } from '../helpers.js'

describe('R27 e-mail addresses are plain ASCII', () => {
  it('R27 030062 for a character outside printable ASCII', () => {
    const error = expectLeft(apply({ webExId: 'jdoe' }, asSelf({ webExId: 'jdoe', email: 'jörg@example.de' })))
    expect(error).toEqual({
      _tag: 'RuleViolation',
      exceptionID: '030062',
      reason: 'Email address contains invalid characters.',
      rule: 'R27',
      path: 'email',
    })
  })

  it('R27 030062 for the characters an address cannot carry unquoted, in email2 too', () => {
    for (const bad of ['a b@x.org', 'a"b@x.org', 'a,b@x.org', 'a;b@x.org', '<a@x.org>', 'a\\b@x.org', 'a(b)@x.org'])
      expect(expectLeft(apply({ webExId: 'jdoe' }, asSelf({ webExId: 'jdoe', email2: bad }))).exceptionID).toBe(
        '030062',
      )
  })

  it('R27 the corpus addresses and the RFC 5322 atom characters pass; empty clears', () => {
    expect(hasValidEmailCharacters('ana.oneil@example.edu')).toBe(true)
    expect(hasValidEmailCharacters("o'neil+tag_1!#$%&*/=?^`{|}~-@sub.example.edu")).toBe(true)
    expectRight(apply({ webExId: 'jdoe' }, asSelf({ webExId: 'jdoe', email: '', email2: 'jd@example.com' })))
  })

  it('R27 an absent address is not checked: neither, or one of the two', () => {
    expectRight(apply({ webExId: 'jdoe' }, asSelf({ webExId: 'jdoe' })))
    expectRight(apply({ webExId: 'jdoe' }, asSelf({ webExId: 'jdoe', email: 'jd@example.com' })))
    expectRight(apply({ webExId: 'jdoe' }, asSelf({ webExId: 'jdoe', email2: 'jd@example.com' })))
  })
})
