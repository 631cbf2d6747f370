/**
 * The prototype-pollution check shared by the fuzzing properties (@fast-check/poisoning).
 *
 * What pollution reaches: the built-in constructors and namespaces (and through them every built-in
 * prototype, Object.prototype first). Tracking only these keeps the check at a few microseconds, so
 * it can run after every run; the runner's own globals change while tests run and are not ours to
 * watch.
 */
import { assertNoPoisoning, restoreGlobals } from '@fast-check/poisoning'

const TRACKED = [
  'Object',
  'Array',
  'Function',
  'String',
  'Number',
  'Boolean',
  'Symbol',
  'BigInt',
  'JSON',
  'Math',
  'Reflect',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Promise',
  'Error',
  'TypeError',
  'RegExp',
  'Date',
  'Proxy',
  'Uint8Array',
]
const RUNNER = { ignoredRootRegex: new RegExp(`^(?!(${TRACKED.join('|')})$)`) }

/** Fails when a tracked built-in changed; puts them back first, so the failure does not cascade. */
export const noPoisoning = (): void => {
  try {
    assertNoPoisoning(RUNNER)
  } catch (poisoned) {
    restoreGlobals(RUNNER)
    throw poisoned
  }
}
