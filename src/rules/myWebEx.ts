/**
 * R32 — My WebEx licences and limits.
 *
 * Sources (docs/spec.md §7): 030015 "no more My Webex Pro licenses"; 030016 "storage exceeded";
 * 030017 "computer number exceeded".
 *
 * D-F13, with the site facts (`site.myWebEx`): making a user My WebEx Pro (`isMyWebExPro` TRUE
 * when it was not) needs a free licence (`proLicensesUsed` < `proLicenses`); the user's storage
 * (`totalStorageSize` + `additionalRecordingStorage`, as after the request) may not exceed
 * `maxStorageSize`; `myComputer` may not exceed `maxComputers`. Checked only when the request
 * sends the element concerned; an absent limit is unlimited.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { ruleViolation, type RuleViolation } from '../errors/ruleViolation.js'
import type { SiteContext } from '../model/site.js'
import type { SetUserBody, User } from '../model/user.js'

/** The first My WebEx limit the request breaks. */
export const checkMyWebEx = (
  base: Pick<User, 'myWebEx'>,
  body: Pick<SetUserBody, 'myWebEx'>,
  site: Pick<SiteContext, 'myWebEx'>,
): E.Either<RuleViolation, void> => {
  const requested = body.myWebEx
  const limits = site.myWebEx
  if (requested === undefined || limits === undefined) return E.right(undefined)
  if (
    requested.isMyWebExPro === true &&
    base.myWebEx?.isMyWebExPro !== true &&
    // Stryker disable next-line ConditionalExpression: equivalent, a number >= undefined is false (the guard is for the types)
    limits.proLicenses !== undefined &&
    (limits.proLicensesUsed ?? 0) >= limits.proLicenses
  )
    return E.left(ruleViolation('R32', '030015', 'myWebEx.isMyWebExPro'))
  if (
    (requested.totalStorageSize !== undefined || requested.additionalRecordingStorage !== undefined) &&
    // Stryker disable next-line ConditionalExpression: equivalent, total > undefined is false (the guard is for the types)
    limits.maxStorageSize !== undefined
  ) {
    const total =
      (requested.totalStorageSize ?? base.myWebEx?.totalStorageSize ?? 0) +
      (requested.additionalRecordingStorage ?? base.myWebEx?.additionalRecordingStorage ?? 0)
    if (total > limits.maxStorageSize)
      return E.left(
        ruleViolation(
          'R32',
          '030016',
          requested.totalStorageSize !== undefined ? 'myWebEx.totalStorageSize' : 'myWebEx.additionalRecordingStorage',
        ),
      )
  }
  if (
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, a comparison > with undefined on either side is false (the guards are for the types)
    requested.myComputer !== undefined &&
    // Stryker disable next-line ConditionalExpression: equivalent, as above
    limits.maxComputers !== undefined &&
    requested.myComputer > limits.maxComputers
  )
    return E.left(ruleViolation('R32', '030017', 'myWebEx.myComputer'))
  return E.right(undefined)
}
