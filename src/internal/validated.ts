/**
 * Objects the engine has already decoded, and with which codec. Inputs are immutable by contract
 * (every type is readonly), so a request, site or stored container that passed its codec once does
 * not need to be walked again: a server that decodes a request and then applies it, or applies
 * requests against the same site object, pays for validation once. A WeakMap holds no object
 * alive; keying by codec keeps an object validated as one thing from passing as another.
 *
 * @module
 */
const validated = new WeakMap<object, object>()

/** Whether `value` is an object that already passed `codec`. */
export const isValidated = (value: unknown, codec: object): boolean =>
  typeof value === 'object' && value !== null && validated.get(value) === codec

/** Records that `value` passed `codec`; returns it. */
export const markValidated = <A>(value: A, codec: object): A => {
  if (typeof value === 'object' && value !== null) validated.set(value, codec)
  return value
}
