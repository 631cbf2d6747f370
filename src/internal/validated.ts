/**
 * Objects the engine has already decoded, and with which codec — remembered only for objects that
 * cannot have changed since (D-E2). A value is recorded only when it is deeply frozen at the time
 * it passes (every own property, enumerable or not, a data property whose object, if any, is deeply
 * frozen too): freezing cannot be undone, so such an object still holds what was validated, and a
 * server that freezes its decoded requests and sites pays for validation once. Anything else is
 * walked again on every call ("decoded, never trusted"): mutate an accepted object and the next
 * call sees the mutation. A WeakMap holds no object alive; keying by codec keeps an object
 * validated as one thing from passing as another.
 *
 * @module
 */
const validated = new WeakMap<object, object>()

/**
 * Whether `value` and everything reachable from it are frozen and hold only data properties, so
 * nothing in it can change: a getter of a frozen object may still answer differently, and a
 * non-enumerable property may still point at a mutable object, so both are walked and a getter or
 * setter is never trusted.
 */
const isDeepFrozen = (value: object, depth = 0): boolean => {
  if (!Object.isFrozen(value) || depth > 64) return false
  for (const key of Object.getOwnPropertyNames(value)) {
    const property = Object.getOwnPropertyDescriptor(value, key)
    if (property === undefined || !('value' in property)) return false
    const child: unknown = property.value
    if (typeof child === 'object' && child !== null && !isDeepFrozen(child, depth + 1)) return false
  }
  return true
}

/** Whether `value` is a (deeply frozen) object that already passed `codec`. */
export const isValidated = (value: unknown, codec: object): boolean =>
  typeof value === 'object' && value !== null && validated.get(value) === codec

/** Records that `value` passed `codec` when it cannot change any more; returns it. */
export const markValidated = <A>(value: A, codec: object): A => {
  if (typeof value === 'object' && value !== null && isDeepFrozen(value)) validated.set(value, codec)
  return value
}
