/**
 * The case counter: every property predicate and every element of an exhaustive domain counts
 * one case. `fc-setup.ts` hands each file's count to the global setup, which prints the total at
 * the end of the run (docs/testing.md).
 */
let cases = 0

/** Counts `n` checked cases (an element of an enumerated domain, or one property run). */
export const countCase = (n = 1): void => {
  cases += n
}

/** The cases counted since the last call, and resets the counter. */
export const takeCases = (): number => {
  const n = cases
  cases = 0
  return n
}

/** Wraps a property predicate so that each run (shrinking runs included) counts one case. */
export const counted =
  <A extends unknown[], R>(predicate: (...args: A) => R): ((...args: A) => R) =>
  (...args: A): R => {
    cases += 1
    return predicate(...args)
  }
