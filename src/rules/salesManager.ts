/**
 * R24 — a Sales Center manager is a user of the site.
 *
 * Sources (docs/spec.md §7): 030021 "Manager not found." for `salesCenter/manager`.
 *
 * D-F5: the manager is named by webExId and checked when the site lists its users
 * (`site.siteWebExIds`), case-insensitively; an empty `<manager/>` clears the manager and is not
 * checked.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { ruleViolation, type RuleViolation } from '../errors/ruleViolation.js'

/** 030021 when the manager is not a user of the site (the caller checks only when the site lists its users). */
export const checkSalesManager = (
  manager: string | undefined,
  isSiteUser: (webExId: string) => boolean,
): E.Either<RuleViolation, void> =>
  manager === undefined || manager.trim() === '' || isSiteUser(manager.trim())
    ? E.right(undefined)
    : E.left(ruleViolation('R24', '030021', 'salesCenter.manager'))
