/**
 * The readable "diff" view of a SetUser result: which element paths changed, old → new.
 *
 * @module
 */

import { isPlainObject, isSecretName, REDACTED, redactSecrets } from 'webex-user-rules'

/** One changed element path. `undefined` means absent. */
export interface Change {
  readonly path: string
  readonly before: unknown
  readonly after: unknown
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

const join = (prefix: string, key: string): string => (prefix === '' ? key : `${prefix}.${key}`)

/**
 * The leaf paths whose value differs between two users, in the order of the new user's
 * elements. A list of values (`meetingTypes`) is one change; a list of elements
 * (`videoSystems`) is compared item by item.
 */
export const diffValues = (before: unknown, after: unknown, path = ''): Change[] => {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !Object.hasOwn(after, k))]
    return keys.flatMap((key) => diffValues(before[key], after[key], join(path, key)))
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const items = before as readonly unknown[]
    const next = after as readonly unknown[]
    // a list of values is one change; a list of elements is compared item by item
    if (![...items, ...next].some(isPlainObject)) return same(items, next) ? [] : [{ path, before, after }]
    return Array.from({ length: Math.max(items.length, next.length) }, (_, i) =>
      diffValues(items[i], next[i], `${path}[${String(i)}]`),
    ).flat()
  }
  return same(before, after) ? [] : [{ path, before, after }]
}

/** A value for people: JSON, `(absent)`, and never a secret (D-E1). */
const show = (path: string, value: unknown): string => {
  if (value === undefined) return '(absent)'
  if (path.split(/[.[\]]/).some(isSecretName)) return REDACTED
  return JSON.stringify(redactSecrets(value))
}

/** `meetingTypes: [1,2,3] → [105]` */
export const formatChange = (change: Change): string =>
  `${change.path}: ${show(change.path, change.before)} → ${show(change.path, change.after)}`
