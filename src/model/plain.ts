/**
 * What "plain data" means to the engine: the values `JSON.parse` makes (D-E2). One predicate for
 * a plain object, used by the codecs, the XML renderer and the CLI alike, and a deep check used
 * only after something threw, to tell input that is not plain data from an engine bug.
 *
 * @module
 */

/**
 * An object literal or `Object.create(null)`: not an array, not a class instance, not a function.
 *
 * @category model
 * @example
 * ```ts
 * import { isPlainObject } from 'webex-user-rules'
 * isPlainObject({ webExId: 'jdoe' }) //=> true
 * isPlainObject([1]) //=> false
 * isPlainObject(new Map()) //=> false
 * ```
 */
export const isPlainObject = (u: unknown): u is Readonly<Record<string, unknown>> => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false
  const proto: unknown = Object.getPrototypeOf(u)
  return proto === Object.prototype || proto === null
}

/**
 * Whether `u` is a JSON value all the way down: strings, finite numbers, booleans, null, plain
 * arrays and plain objects whose properties are data properties (no getters), without cycles.
 * Never throws: a proxy whose traps throw is not plain data.
 */
export const isPlainData = (u: unknown): boolean => {
  const seen = new Set<object>()
  const walk = (v: unknown): boolean => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true
    if (typeof v === 'number') return Number.isFinite(v)
    if (typeof v !== 'object') return false
    if (seen.has(v)) return false
    seen.add(v)
    if (!Array.isArray(v) && !isPlainObject(v)) return false
    if (Array.isArray(v) && Object.getPrototypeOf(v) !== Array.prototype) return false
    for (const descriptor of Object.values(Object.getOwnPropertyDescriptors(v))) {
      if (!('value' in descriptor)) return false
      if (descriptor.enumerable === true && !walk(descriptor.value)) return false
    }
    seen.delete(v)
    return true
  }
  try {
    return walk(u)
  } catch {
    return false
  }
}
