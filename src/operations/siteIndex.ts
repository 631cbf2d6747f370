/**
 * `indexSite`: the site as a server keeps it between requests, with the lookups the rules need built
 * once (D-PF-2). Without it a rename checks the new name against every taken name, and an SME
 * products request every requested id against the site's products, on each call: fine for a small
 * site, linear in the site for a large one.
 *
 * @module
 */
import { decodeSite, decodeSiteList } from '../decode.js'
import { nameLookup, numberLookup } from '../internal/siteIndex.js'
import type { SiteContext } from '../model/site.js'
import { isPlainObject } from '../model/plain.js'

const NAME_LISTS = ['takenWebExIds', 'takenEmails', 'siteWebExIds'] as const

/** A copy of plain data with every array and plain object frozen; anything else is kept as it is. */
const frozenCopy = (value: unknown, depth: number): unknown => {
  if (depth > 64) return value
  if (Array.isArray(value)) return Object.freeze(value.map((item: unknown) => frozenCopy(item, depth + 1)))
  if (!isPlainObject(value)) return value
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(value)) copy[key] = frozenCopy(value[key], depth + 1)
  return Object.freeze(copy)
}

/**
 * Returns a deeply frozen copy of `site` with its lookups built: the site is checked once, and the
 * taken names, the e-mail addresses, the site's users and the product ids are indexed once, so that
 * every later call with this object costs the same whatever the size of the site. Build it when the
 * site changes (a user added, renamed or deleted) and pass the same object to every call until then.
 * The input is not changed. A site that is not valid is copied all the same: every call reports its
 * problems as it would without the index.
 *
 * @category pipeline
 * @example
 * ```ts
 * import { applySetUser, indexSite } from 'webex-user-rules'
 * const site = indexSite({ activeHostCount: 1, allowUserToChangeUserName: true, takenWebExIds: ['asmith'], productIds: [], controlHubManaged: false })
 * Object.isFrozen(site.takenWebExIds) //=> true
 * applySetUser({ webExId: 'jdoe' }, site, { caller: { webExId: 'admin', role: 'siteAdmin' }, body: { webExId: 'jdoe', newWebExId: 'ASmith' } })._tag
 * //=> 'Left'
 * ```
 */
export const indexSite = <S extends SiteContext>(site: S): S => {
  let copy: S
  try {
    // a proxy or a getter that throws is not plain data: the call that reads it reports it
    if (!isPlainObject(site)) return site
    copy = frozenCopy(site, 0) as S
  } catch {
    return site
  }
  if (decodeSite(copy)._tag === 'Left') return copy
  for (const key of NAME_LISTS) {
    const list = copy[key]
    if (list !== undefined && decodeSiteList(copy, key)._tag === 'Right') nameLookup(list)
  }
  if (decodeSiteList(copy, 'productIds')._tag === 'Right') numberLookup(copy.productIds)
  return copy
}
