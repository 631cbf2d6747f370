/**
 * D-PF-2: the site's lookups (R14 taken names, R4 product ids, R23/R24 site users, CreateUser's taken
 * e-mails) answer the same with and without `indexSite`, and the same on frozen and unfrozen lists.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyCreateUser, applySetUser, indexSite, type SiteContext, type User } from 'webex-user-rules'
import { runs } from '../support/runs.js'

const ADMIN = { webExId: 'admin', role: 'siteAdmin' } as const
// few letters in both cases, so names collide often and only by case
const name = fc.stringMatching(/^[aAbB]{1,3}$/)
const productId = fc.integer({ min: 1, max: 8 })

const deepFrozen = <A>(value: A): A => {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFrozen(child)
  }
  return value
}

const siteWith = (taken: string[], products: number[], users: string[]): SiteContext => ({
  activeHostCount: 0,
  allowUserToChangeUserName: false,
  takenWebExIds: taken,
  productIds: products,
  siteWebExIds: users,
  takenEmails: taken.map((n) => `${n}@example.com`),
  controlHubManaged: false,
})

describe('D-PF-2 indexSite', () => {
  it('R14 R4 R23 R24 SetUser answers the same on a plain site, its indexSite copy and a deep-frozen copy', () => {
    fc.assert(
      fc.property(
        fc.array(name, { maxLength: 6 }),
        fc.array(productId, { maxLength: 5 }),
        fc.array(name, { maxLength: 4 }),
        name,
        fc.array(productId, { minLength: 1, maxLength: 3 }),
        name,
        (taken, products, users, newName, requested, delegate) => {
          const user: User = { webExId: 'jdoe', salesCenter: { roles: { sme: true } } }
          const body = {
            webExId: 'jdoe',
            newWebExId: newName,
            salesCenter: { smeInfo: { products: requested } },
            schedulingPermission: delegate,
          }
          const plain = siteWith(taken, products, users)
          const expected = applySetUser(user, plain, { caller: ADMIN, body })
          expect(applySetUser(user, indexSite(plain), { caller: ADMIN, body })).toEqual(expected)
          expect(applySetUser(user, deepFrozen(structuredClone(plain)), { caller: ADMIN, body })).toEqual(expected)
          // the index answers by case-insensitive name and by id, as the rules say
          const conflict = taken.some((t) => t.toLowerCase() === newName.toLowerCase())
          if (conflict) expect(expected).toMatchObject({ _tag: 'Left', left: { _tag: 'WebExIdConflict' } })
          else if (
            users.some((u) => u.toLowerCase() === delegate.toLowerCase()) && // R23 passes
            !requested.every((id) => products.includes(id))
          )
            expect(expected).toMatchObject({ _tag: 'Left', left: { _tag: 'UnknownProductId' } })
        },
      ),
      { numRuns: runs(1000) },
    )
  })

  it('CreateUser answers the same on a plain site and its indexSite copy (taken names and e-mails)', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 6 }), name, name, (taken, webExId, email) => {
        const body = { webExId, email: `${email}@example.com`, password: 'Pass-word-1', firstName: 'A', lastName: 'B' }
        const plain = siteWith(taken, [], [])
        const expected = applyCreateUser(plain, { caller: ADMIN, body })
        expect(applyCreateUser(indexSite(plain), { caller: ADMIN, body })).toEqual(expected)
      }),
      { numRuns: runs(1000) },
    )
  })
})
