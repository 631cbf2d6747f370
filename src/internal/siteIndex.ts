/**
 * Lookups over a site's long lists (taken names, product ids, the site's users), built once per
 * list object and reused while the same frozen list comes back (D-PF-2). Only a frozen array is
 * indexed: freezing cannot be undone and the items are strings or numbers, so the index cannot go
 * stale ("never trusted because it was valid before"). An unfrozen list is scanned per call, which
 * allocates nothing and is what a one-off lookup costs anyway.
 *
 * @module
 */

const loweredNames = new WeakMap<readonly string[], ReadonlySet<string>>()
const numberSets = new WeakMap<readonly number[], ReadonlySet<number>>()

/** A case-insensitive membership test over `names`. */
export const nameLookup = (names: readonly string[]): ((name: string) => boolean) => {
  if (Object.isFrozen(names)) {
    let set = loweredNames.get(names)
    if (set === undefined) {
      set = new Set(names.map((name) => name.toLowerCase()))
      loweredNames.set(names, set)
    }
    const index = set
    return (name) => index.has(name.toLowerCase())
  }
  return (name) => {
    const wanted = name.toLowerCase()
    for (const candidate of names) if (candidate.toLowerCase() === wanted) return true
    return false
  }
}

/** A membership test over `ids`. */
export const numberLookup = (ids: readonly number[]): ((id: number) => boolean) => {
  if (Object.isFrozen(ids)) {
    let set = numberSets.get(ids)
    if (set === undefined) {
      set = new Set(ids)
      numberSets.set(ids, set)
    }
    const index = set
    return (id) => index.has(id)
  }
  return (id) => ids.includes(id)
}
