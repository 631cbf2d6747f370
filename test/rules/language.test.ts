import { describe, expect, it } from 'vitest'
import { apply, asSelf, expectLeft, expectRight, site } from '../helpers.js'

const offered = site({
  languages: [
    { id: 1, name: 'ENGLISH' },
    { id: 7, name: 'GERMAN' },
  ],
})
const stored = { webExId: 'jdoe' }

describe('R26 a language the site offers', () => {
  it('R26 030060 "Not a valid language." for an unknown name', () => {
    const error = expectLeft(apply(stored, asSelf({ webExId: 'jdoe', language: 'KLINGON' }), offered))
    expect(error).toEqual({
      _tag: 'RuleViolation',
      exceptionID: '030060',
      reason: 'Not a valid language.',
      rule: 'R26',
      path: 'language',
    })
  })

  it('R26 030060 for an unknown languageID, or one that names another language than `language`', () => {
    expect(expectLeft(apply(stored, asSelf({ webExId: 'jdoe', languageID: 99 }), offered))).toMatchObject({
      exceptionID: '030060',
      path: 'languageID',
    })
    expect(
      expectLeft(apply(stored, asSelf({ webExId: 'jdoe', language: 'ENGLISH', languageID: 7 }), offered)),
    ).toMatchObject({
      exceptionID: '030060',
      path: 'languageID',
    })
  })

  it('R26 offered languages pass, names in any case', () => {
    expectRight(apply(stored, asSelf({ webExId: 'jdoe', language: 'german', languageID: 7 }), offered))
    expectRight(apply(stored, asSelf({ webExId: 'jdoe', languageID: 1 }), offered))
  })

  it('R26 without the site list nothing is checked', () => {
    expectRight(apply(stored, asSelf({ webExId: 'jdoe', language: 'KLINGON', languageID: 99 })))
  })
})
