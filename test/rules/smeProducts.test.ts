import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { User } from 'webex-user-rules'
import { associateProducts, validateProducts } from '../../src/rules/smeProducts.js'
import { apply, asAdmin, expectLeft, expectRight, site } from '../helpers.js'

const sme: User = {
  webExId: 'jdoe',
  salesCenter: { roles: { rep: true, sme: true }, smeInfo: { description: 'Widgets', products: [120, 123] } },
}

describe('R4 SME / prodID association', () => {
  it('R4 seed example: stored 120,123, request 123,124 ⇒ 124,123', () => {
    const { user } = expectRight(
      apply(sme, asAdmin({ webExId: 'jdoe', salesCenter: { smeInfo: { products: [123, 124] } } })),
    )
    expect(user.salesCenter?.smeInfo?.products).toEqual([124, 123])
    expect(user.salesCenter?.smeInfo?.description).toBe('Widgets')
  })

  it('R4 puts new IDs first in request order, then retained IDs in stored order, duplicates collapsed', () => {
    expect(associateProducts([120, 123, 125], [125, 124, 120, 126, 124])).toEqual([124, 126, 120, 125])
    expect(associateProducts([], [3, 1, 3])).toEqual([3, 1])
  })

  it('R4 seed: sme TRUE and a prodID that does not exist on the site ⇒ validation error', () => {
    const error = expectLeft(
      apply(sme, asAdmin({ webExId: 'jdoe', salesCenter: { smeInfo: { products: [123, 999, 998, 999] } } })),
    )
    expect(error).toMatchObject({ _tag: 'UnknownProductId', exceptionID: '999999', productIds: [999, 998] })
    expect(error.reason).toContain('999, 998')
  })

  it('R4 checks products against the sme value the request results in', () => {
    const notSme: User = { webExId: 'jdoe', salesCenter: { roles: { sme: false } } }
    const error = expectLeft(
      apply(notSme, asAdmin({ webExId: 'jdoe', salesCenter: { roles: { sme: true }, smeInfo: { products: [999] } } })),
    )
    expect(error._tag).toBe('UnknownProductId')
  })

  it('R4 seed: sme FALSE ⇒ all smeInfo records are removed, with the effect smeRecordsRemoved', () => {
    const { user, effects } = expectRight(
      apply(sme, asAdmin({ webExId: 'jdoe', salesCenter: { roles: { sme: false } } })),
    )
    expect(user.salesCenter).toEqual({ roles: { rep: true, sme: false } })
    expect(effects).toEqual([{ kind: 'smeRecordsRemoved' }])
  })

  it('R4 ignores products sent with sme FALSE, with a notice, and does not check them', () => {
    const result = expectRight(
      apply(sme, asAdmin({ webExId: 'jdoe', salesCenter: { roles: { sme: false }, smeInfo: { products: [999] } } })),
    )
    expect(result.user.salesCenter?.smeInfo).toBeUndefined()
    expect(result.notices).toEqual([
      {
        kind: 'ignored',
        path: 'salesCenter.smeInfo.products',
        message: expect.stringContaining('sme is FALSE') as unknown,
      },
    ])
  })

  it('R4 emits no effect when there is no smeInfo to remove', () => {
    const { effects } = expectRight(
      apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', salesCenter: { roles: { sme: false } } }), site()),
    )
    expect(effects).toEqual([])
  })

  it('R4 smeInfo sent with sme FALSE to a user with none stored is ignored: no smeRecordsRemoved (found by the differential property)', () => {
    const { user, effects, notices } = expectRight(
      apply(
        { webExId: 'jdoe' },
        asAdmin({ webExId: 'jdoe', salesCenter: { roles: { sme: false }, smeInfo: { description: 'x' } } }),
      ),
    )
    expect(user.salesCenter?.smeInfo).toBeUndefined()
    expect(effects).toEqual([])
    expect(notices.map((n) => n.path)).toEqual(['salesCenter.smeInfo.description'])
  })

  it('R4 leaves the association alone when no products are sent', () => {
    const { user } = expectRight(apply(sme, asAdmin({ webExId: 'jdoe', salesCenter: { manager: 'Boss' } })))
    expect(user.salesCenter?.smeInfo).toBe(sme.salesCenter?.smeInfo)
  })

  it('R4 a request that repeats the stored association changes nothing: the stored user itself is returned', () => {
    const result = expectRight(
      apply(sme, asAdmin({ webExId: 'jdoe', salesCenter: { smeInfo: { products: [120, 123] } } })),
    )
    expect(result.user).toBe(sme)
    expect(result.effects).toEqual([])
    expect(result.notices).toEqual([])
  })

  it('R4 retained IDs keep the stored order: the same IDs in another order change nothing', () => {
    const { user } = expectRight(
      apply(sme, asAdmin({ webExId: 'jdoe', salesCenter: { smeInfo: { products: [123, 120] } } })),
    )
    expect(user).toBe(sme)
  })

  it('R4 the same number of IDs, one of them new, is a change (new IDs first)', () => {
    const { user } = expectRight(
      apply(sme, asAdmin({ webExId: 'jdoe', salesCenter: { smeInfo: { products: [120, 124] } } })),
    )
    expect(user.salesCenter?.smeInfo).toEqual({ description: 'Widgets', products: [124, 120] })
  })

  it('R4 creates the association for an sme user with no smeInfo stored', () => {
    const noInfo: User = { webExId: 'jdoe', salesCenter: { roles: { sme: true } } }
    const { user } = expectRight(
      apply(noInfo, asAdmin({ webExId: 'jdoe', salesCenter: { smeInfo: { products: [125, 120] } } })),
    )
    expect(user.salesCenter).toEqual({ roles: { sme: true }, smeInfo: { products: [125, 120] } })
  })

  it('R4 creates salesCenter and the association when the request makes a user with none stored sme', () => {
    const { user, effects } = expectRight(
      apply(
        { webExId: 'jdoe' },
        asAdmin({ webExId: 'jdoe', salesCenter: { roles: { sme: true }, smeInfo: { products: [123] } } }),
      ),
    )
    expect(user.salesCenter).toEqual({ roles: { sme: true }, smeInfo: { products: [123] } })
    expect(effects).toEqual([])
  })

  it('R4 validateProducts checks nothing when the request sends no prodIDs', () => {
    const none = new Set<number>()
    expect(validateProducts(sme, { webExId: 'jdoe' }, none)).toEqual(E.right(undefined))
    expect(validateProducts(sme, { webExId: 'jdoe', salesCenter: { manager: 'Boss' } }, none)).toEqual(
      E.right(undefined),
    )
    expect(validateProducts(sme, { webExId: 'jdoe', salesCenter: { smeInfo: { description: 'x' } } }, none)).toEqual(
      E.right(undefined),
    )
  })

  it('R4 validateProducts checks nothing when the resulting sme is FALSE', () => {
    const none = new Set<number>()
    const body = { webExId: 'jdoe', salesCenter: { roles: { sme: false }, smeInfo: { products: [999] } } }
    expect(validateProducts(sme, body, none)).toEqual(E.right(undefined))
    expect(
      validateProducts({ webExId: 'jdoe' }, { webExId: 'jdoe', salesCenter: { smeInfo: { products: [999] } } }, none),
    ).toEqual(E.right(undefined))
  })
})
