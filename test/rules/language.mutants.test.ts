import { describe, it } from 'vitest'
import { apply, asSelf, expectRight, site } from '../helpers.js'

const offered = site({
  languages: [
    { id: 1, name: 'ENGLISH' },
    { id: 7, name: 'GERMAN' },
  ],
})
const stored = { webExId: 'jdoe' }

describe('R26 language names (D-F7, D-X12)', () => {
  it('R26 an empty language is not checked (D-F7), alone or with a languageID', () => {
    expectRight(apply(stored, asSelf({ webExId: 'jdoe', language: '' }), offered))
    expectRight(apply(stored, asSelf({ webExId: 'jdoe', language: '', languageID: 7 }), offered))
  })

  it('R26 spaces around a name are not significant (D-X12): " german " is GERMAN', () => {
    expectRight(apply(stored, asSelf({ webExId: 'jdoe', language: ' german ', languageID: 7 }), offered))
  })
})
