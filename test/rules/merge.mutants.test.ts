import { describe, expect, it } from 'vitest'
import { apply, asAdmin, expectLeft } from '../helpers.js'

describe('R1 a stored container that is not an element with children (D-E1 code)', () => {
  it('R1 stored options that is text ⇒ a user failure with code wrongType', () => {
    // D-E1: a value of the wrong kind is `wrongType`, whichever input it comes from
    const broken = { webExId: 'jdoe', options: 'bad' } as never
    const error = expectLeft(apply(broken, asAdmin({ webExId: 'jdoe', options: { emailVisible: true } })))
    if (error._tag !== 'InvalidRequest') return expect.fail(`expected InvalidRequest, got ${error._tag}`)
    expect(error.failures.map(({ source, path, code }) => ({ source, path, code }))).toEqual([
      { source: 'user', path: 'options', code: 'wrongType' },
    ])
  })
})
