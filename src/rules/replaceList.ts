/**
 * R2 — Replace-on-list.
 *
 * Seed: "if a complex element (like <meetingType>) that contains 0..n or 1..n sub elements is
 * specified, then the entire set of sub elements is updated ... all previous <meetingType> values
 * would be replaced by the single 105 value."
 *
 * A present list replaces the whole stored list with the request's items, in request order;
 * present and empty clears it (a 1..n list is non-empty by its codec). Absent is handled by R1:
 * an absent list is never visited. Exceptions: R4 (prodIDs) and R10 (accounts) own their lists.
 *
 * @module
 */

/** Deep equality of decoded JSON-like values (primitives, arrays, plain objects). */
export const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  for (const k of ka) {
    if (!Object.hasOwn(b, k) || !deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
      return false
  }
  return true
}

/**
 * The list to store for a present request list: the request's items, in order. When they equal
 * the stored items, the stored list itself is kept, so a repeated request changes no reference.
 */
export const replaceList = <A>(stored: unknown, requested: readonly A[]): readonly A[] =>
  Array.isArray(stored) && deepEqual(stored, requested) ? (stored as readonly A[]) : requested
