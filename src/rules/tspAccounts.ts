/**
 * R31 — TSP accounts.
 *
 * Sources (docs/spec.md §7): 030018 "invalid TSP account index"; 030014 "only one default TSP
 * account allowed"; 030022 "TSP account can't be added when provisioning or call-in is
 * disabled"; 030013 "authorize TSP account error".
 *
 * The index and default checks of R10 answer with the TSP IDs for `tspAccount` (D-F12): an index
 * outside 1..3 or sent twice is 030018, a second new default 030014. With the site facts
 * (`site.tsp`): adding an account (an index the user does not hold) while TSP provisioning or the
 * site's call-in is off is 030022; `createOnBridge` TRUE on a site whose bridge refuses the
 * account (`authorizes` FALSE) is 030013. Deleting is always possible.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { ruleViolation, type RuleViolation } from '../errors/ruleViolation.js'
import type { SiteContext } from '../model/site.js'
import type { SetUserBody, User } from '../model/user.js'
import { MAX_ACCOUNTS } from './accounts.js'

/** The first TSP account problem of the request, in list order. */
export const checkTspAccounts = (
  base: Pick<User, 'tspAccount'>,
  body: Pick<SetUserBody, 'tspAccount'>,
  site: Pick<SiteContext, 'tsp'>,
): E.Either<RuleViolation, void> => {
  const items = body.tspAccount
  if (items === undefined) return E.right(undefined)
  const held = new Set((base.tspAccount ?? []).map((account) => account.accountIndex))
  const seen = new Set<number>()
  let defaults = 0
  for (const [i, item] of items.entries()) {
    const at = `tspAccount[${String(i)}]`
    if (item.accountIndex < 1 || item.accountIndex > MAX_ACCOUNTS || seen.has(item.accountIndex))
      return E.left(ruleViolation('R31', '030018', `${at}.accountIndex`))
    seen.add(item.accountIndex)
    if (item.delete === true) continue
    if (item.defaultFlag === true && ++defaults > 1) return E.left(ruleViolation('R31', '030014', `${at}.defaultFlag`))
    if (!held.has(item.accountIndex) && (site.tsp?.provisioning === false || site.tsp?.callIn === false))
      return E.left(ruleViolation('R31', '030022', at))
    if (item.createOnBridge === true && site.tsp?.authorizes === false)
      return E.left(ruleViolation('R31', '030013', `${at}.createOnBridge`))
  }
  return E.right(undefined)
}
