/**
 * How names are compared: one key for the whole model (docs/decisions.md D-OP-2).
 *
 * @module
 */

/**
 * The key under which a webExId or an e-mail address is unique on a site: its lower case
 * (locale-independent `toLowerCase`, the same as PostgreSQL's `lower()` on UTF-8 text).
 *
 * @category operations
 * @example
 * ```ts
 * import { userKey } from 'webex-user-rules'
 * userKey('JDoe') //=> 'jdoe'
 * userKey('JDoe') === userKey('jdoe') //=> true
 * ```
 */
export const userKey = (name: string): string => name.toLowerCase()
