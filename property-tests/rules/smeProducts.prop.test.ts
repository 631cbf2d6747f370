/**
 * R4 SME / prodID association over random stored and requested product lists: the association
 * law, sme FALSE, and unknown prodIDs.
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { SetUserBody, User } from 'webex-user-rules'
import { counted } from '../support/cases.js'
import { ADMIN, apply, expectLeft, expectRight, plainSite } from '../support/engine.js'
import { runs } from '../support/runs.js'

const SITE_PRODUCTS = [120, 123, 124, 125, 126, 127]
const site = { ...plainSite, productIds: SITE_PRODUCTS }
const onSite = fc.constantFrom(...SITE_PRODUCTS)
const smeUser = (products: readonly number[], description?: string): User => ({
  webExId: 'jdoe',
  salesCenter: {
    roles: { sme: true },
    smeInfo: {
      ...(products.length === 0 ? {} : { products: [...products] }),
      ...(description === undefined ? {} : { description }),
    },
  },
})
const sending = (products: readonly number[], sme?: boolean): SetUserBody => ({
  webExId: 'jdoe',
  salesCenter: { ...(sme === undefined ? {} : { roles: { sme } }), smeInfo: { products: [...products] } },
})

describe('R4 SME / prodID association', () => {
  it('R4 seed example: stored 120, 123 and requested 123, 124 ⇒ 124, 123', () => {
    const { user } = expectRight(apply(smeUser([120, 123]), { caller: ADMIN, body: sending([123, 124]) }, site))
    expect(user.salesCenter?.smeInfo?.products).toEqual([124, 123])
  })

  it('R4 the association is the requested set: IDs new to the user first (request order), then the retained ones (stored order), no duplicates', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(onSite, { maxLength: 6 }),
        fc.array(onSite, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(undefined, true),
        fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
        counted((stored, requested, sme, description) => {
          const { user, effects } = expectRight(
            apply(smeUser(stored, description), { caller: ADMIN, body: sending(requested, sme) }, site),
          )
          const added = [...new Set(requested)].filter((id) => !stored.includes(id))
          const retained = stored.filter((id) => requested.includes(id))
          expect(user.salesCenter?.smeInfo).toEqual({
            products: [...added, ...retained],
            ...(description === undefined ? {} : { description }),
          })
          expect(effects).toEqual([])
        }),
      ),
      { numRuns: runs(2000) },
    )
  })

  it('R4 sme FALSE (stored or sent) ⇒ all smeInfo removed, sent products ignored and not checked', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(onSite, { maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        counted((stored, requested, storedSme) => {
          const user: User = {
            webExId: 'jdoe',
            salesCenter: {
              roles: { sme: storedSme },
              ...(stored.length === 0 ? {} : { smeInfo: { products: stored } }),
            },
          }
          const body = sending(requested, storedSme ? false : undefined)
          const { user: next, effects, notices } = expectRight(apply(user, { caller: ADMIN, body }, site))
          expect(next.salesCenter?.smeInfo).toBeUndefined()
          expect(effects).toEqual(stored.length === 0 ? [] : [{ kind: 'smeRecordsRemoved' }])
          expect(notices.map((n) => [n.kind, n.path])).toEqual([['ignored', 'salesCenter.smeInfo.products']])
        }),
      ),
      { numRuns: runs(1000) },
    )
  })

  it('R4 sme TRUE and requested prodIDs the site lacks ⇒ UnknownProductId naming each once, in request order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...SITE_PRODUCTS, 7, 8, 999), { minLength: 1, maxLength: 8 }),
        counted((requested) => {
          const unknown = [...new Set(requested.filter((id) => !SITE_PRODUCTS.includes(id)))]
          const outcome = apply(smeUser([120]), { caller: ADMIN, body: sending(requested) }, site)
          if (unknown.length === 0) expect(E.isRight(outcome)).toBe(true)
          else
            expect(expectLeft(outcome)).toMatchObject({
              _tag: 'UnknownProductId',
              exceptionID: '999999',
              productIds: unknown,
            })
        }),
      ),
      { numRuns: runs(1000) },
    )
  })
})
