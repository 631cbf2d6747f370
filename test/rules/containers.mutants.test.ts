import { describe, expect, it } from 'vitest'
import { apply, asAdmin, expectLeft } from '../helpers.js'

// D-E1: every DecodeFailure carries a code for programs; the R18 value failures are `format`
// (SIP addresses, the support-center tabs) and `tooMany` (a list over its bound).
describe('R18 failure codes (D-E1)', () => {
  const codes = (body: Parameters<typeof asAdmin>[0]): readonly string[] => {
    const error = expectLeft(apply({ webExId: 'u' }, asAdmin(body)))
    if (error._tag !== 'InvalidRequest') return expect.fail(`expected InvalidRequest, got ${error._tag}`)
    return error.failures.map((failure) => failure.code)
  }

  it('R18 orderTabs not the four tabs once each ⇒ code format', () => {
    expect(codes({ webExId: 'u', supportCenter: { orderTabs: ['Tools', 'Tools'] } })).toEqual(['format'])
  })

  it('R18 two default video systems ⇒ code tooMany', () => {
    const videoSystems = [
      { address: 'a@x.com', defaultFlag: true },
      { address: 'b@x.com', defaultFlag: true },
    ]
    expect(codes({ webExId: 'u', videoSystems })).toEqual(['tooMany'])
  })

  it('R18 a video system address that is not a SIP address ⇒ code format', () => {
    expect(codes({ webExId: 'u', videoSystems: [{ address: 'a b' }] })).toEqual(['format'])
  })
})
