/**
 * What "plain data" means to the engine: the values `JSON.parse` makes (D-E2). One predicate for
 * a plain object, used by the codecs, the XML renderer and the CLI alike, and a deep check used
 * only after something threw, to tell input that is not plain data from an engine bug.
 *
 * @module
 */

/** What the engine asks of every input. */
export const PLAIN_DATA = 'plain data (JSON values)'

/**
 * Whether an own property is plain data: an enumerable data property. A getter or setter (it may
 * answer differently each time it is read) or a non-enumerable property (`Object.keys` and JSON do
 * not see it) is not. Symbol keys are not read by the engine and are not considered.
 */
export const isDataProperty = (d: PropertyDescriptor | undefined): d is { value: unknown } =>
  d?.enumerable === true && 'value' in d

/** An object whose prototype is `Object.prototype` or `null` (its own properties not yet checked). */
export const hasPlainPrototype = (u: unknown): u is Readonly<Record<string, unknown>> => {
  if (typeof u !== 'object' || u === null || Array.isArray(u)) return false
  const proto: unknown = Object.getPrototypeOf(u)
  return proto === Object.prototype || proto === null
}

/**
 * An object literal or `Object.create(null)` whose own properties are all enumerable data
 * properties: not an array, not a class instance, not a function, no getter or setter, nothing
 * hidden from `Object.keys`.
 *
 * @category model
 * @example
 * ```ts
 * import { isPlainObject } from 'webex-user-rules'
 * isPlainObject({ webExId: 'jdoe' }) //=> true
 * isPlainObject([1]) //=> false
 * isPlainObject(new Map()) //=> false
 * isPlainObject({ get webExId() { return 'jdoe' } }) //=> false
 * ```
 */
export const isPlainObject = (u: unknown): u is Readonly<Record<string, unknown>> =>
  hasPlainPrototype(u) &&
  Object.getOwnPropertyNames(u).every((k) => isDataProperty(Object.getOwnPropertyDescriptor(u, k)))

/**
 * Whether `u` is a JSON value all the way down: strings, finite numbers, booleans, null, plain
 * arrays and plain objects whose properties are data properties (no getters), without cycles.
 * Never throws: a proxy whose traps throw is not plain data.
 */
export const isPlainData = (u: unknown): boolean => {
  const seen = new Set<object>()
  const walk = (v: unknown): boolean => {
    if (typeof v !== 'object' || v === null)
      return v === null || typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v)
    const list = Array.isArray(v)
    if (seen.has(v) || (list ? Object.getPrototypeOf(v) !== Array.prototype : !hasPlainPrototype(v))) return false
    seen.add(v)
    for (const key of Object.getOwnPropertyNames(v)) {
      const property = Object.getOwnPropertyDescriptor(v, key)
      if (!(list && key === 'length') && !(isDataProperty(property) && walk(property.value))) return false
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
