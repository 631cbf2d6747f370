/**
 * R4 — SME / prodID association.
 *
 * Seed: "If sme is TRUE and a specified prodID does not exist on the site, a validation error
 * occurs. If more than one prodID is specified, the request updates the association between
 * smeInfo and products. For example, the original values are 120, 123 and you specified 123, 124
 * ... the result you will get is 124, 123. If sme is FALSE, then all the smeInfo related records
 * associated with this user are removed automatically."
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { unknownProductId, type UnknownProductId } from '../errors/SetUserError.js'
import { produce } from '../internal/immer.js'
import { isSme } from '../model/defaults.js'
import type { Effect, Notice } from '../model/result.js'
import type { SetUserBody, User } from '../model/user.js'

/** The sme flag the user will have: the request's, else the stored one (default false). */
export const resultingSme = (current: User, body: SetUserBody): boolean =>
  body.salesCenter?.roles?.sme ?? isSme(current)

/**
 * The new association: IDs newly added (request order) first, then the retained IDs (stored
 * order); IDs not requested are dropped; duplicates collapse.
 *
 * @example
 * associateProducts([120, 123], [123, 124]) //=> [124, 123]
 */
export const associateProducts = (stored: readonly number[], requested: readonly number[]): readonly number[] => {
  const wanted = new Set(requested)
  const kept = new Set(stored.filter((id) => wanted.has(id)))
  const added = [...wanted].filter((id) => !kept.has(id))
  return [...added, ...kept]
}

/** With sme TRUE, every requested prodID must exist on the site. */
export const validateProducts = (
  current: User,
  body: SetUserBody,
  siteProductIds: Pick<ReadonlySet<number>, 'has'>,
): E.Either<UnknownProductId, void> => {
  const requested = body.salesCenter?.smeInfo?.products
  if (requested === undefined || !resultingSme(current, body)) return E.right(undefined)
  const unknown = [...new Set(requested.filter((id) => !siteProductIds.has(id)))]
  return unknown.length === 0 ? E.right(undefined) : E.left(unknownProductId(unknown))
}

/**
 * Applies the association to the merged user: sme TRUE ⇒ requested products replace it (in the
 * order above); sme FALSE ⇒ all smeInfo is removed (effect `smeRecordsRemoved`) and any smeInfo
 * the request sent is ignored.
 */
export const applySmeProducts = (
  current: User,
  body: SetUserBody,
  merged: User,
): { readonly user: User; readonly effects: readonly Effect[]; readonly notices: readonly Notice[] } => {
  if (resultingSme(current, body)) {
    const requested = body.salesCenter?.smeInfo?.products
    if (requested === undefined) return { user: merged, effects: [], notices: [] }
    const products = associateProducts(current.salesCenter?.smeInfo?.products ?? [], requested)
    const stored = merged.salesCenter?.smeInfo?.products
    if (stored?.length === products.length && stored.every((id, i) => id === products[i])) {
      return { user: merged, effects: [], notices: [] }
    }
    const user = produce(merged, (draft) => {
      const salesCenter = (draft.salesCenter ??= {})
      const smeInfo = (salesCenter.smeInfo ??= {})
      smeInfo.products = [...products]
    })
    return { user, effects: [], notices: [] }
  }
  const sent = body.salesCenter?.smeInfo
  const notices: Notice[] =
    sent === undefined
      ? []
      : Object.keys(sent).map((key) => ({
          kind: 'ignored' as const,
          path: `salesCenter.smeInfo.${key}`,
          message: 'sme is FALSE: smeInfo is removed, not updated',
        }))
  if (merged.salesCenter?.smeInfo === undefined) return { user: merged, effects: [], notices }
  const user = produce(merged, (draft) => {
    if (draft.salesCenter !== undefined) delete draft.salesCenter.smeInfo
  })
  // smeInfo the request sent is ignored, never stored: only stored records are removed (D-R4)
  const effects: Effect[] = current.salesCenter?.smeInfo === undefined ? [] : [{ kind: 'smeRecordsRemoved' }]
  return { user, effects, notices }
}
