/**
 * R16 — Telephony failover.
 *
 * Seed: "If the Primary Large Telephony Server is unavailable, the page first tries to connect to
 * the NextGen telephony server. If that connection is unavailable, the page will connect to the
 * Backup 2 Large server instead."
 *
 * Decision D-R16 (docs/decisions.md): a request that sends telephony data (`phones.PIN`,
 * `personalTeleconf`) gets the effect `provisionTelephony {server}`; with no server available the
 * whole request fails with `TelephonyUnavailable` (exceptionID 000035).
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { telephonyUnavailable, type TelephonyUnavailable } from '../errors/SetUserError.js'
import type { Effect, TelephonyServer } from '../model/result.js'
import type { SiteContext, TelephonyAvailability } from '../model/site.js'
import type { SetUserBody } from '../model/user.js'

/**
 * The failover order of the seed.
 *
 * @category rules
 * @example
 * ```ts
 * import { FAILOVER_ORDER } from 'webex-user-rules'
 * FAILOVER_ORDER //=> ['primaryLarge', 'nextGen', 'backup2Large']
 * ```
 */
export const FAILOVER_ORDER: readonly TelephonyServer[] = ['primaryLarge', 'nextGen', 'backup2Large']

/**
 * The first available server in the order Primary Large, NextGen, Backup 2 Large.
 *
 * @category rules
 * @example
 * ```ts
 * import { selectTelephonyServer } from 'webex-user-rules'
 * selectTelephonyServer({ primaryLarge: false, nextGen: true, backup2Large: true })
 * //=> { _tag: 'Right', right: 'nextGen' }
 * ```
 */
export const selectTelephonyServer = (
  availability: TelephonyAvailability,
): E.Either<TelephonyUnavailable, TelephonyServer> => {
  for (const server of FAILOVER_ORDER) {
    if (availability[server]) return E.right(server)
  }
  return E.left(telephonyUnavailable())
}

/** True when the request carries telephony data: a non-empty `phones.PIN` or any `personalTeleconf`. */
export const sendsTelephonyData = (body: SetUserBody): boolean =>
  (body.phones?.PIN !== undefined && body.phones.PIN !== '') || body.personalTeleconf !== undefined

/** The `provisionTelephony` effect for a request that sends telephony data, or none. */
export const telephonyEffects = (
  body: SetUserBody,
  site: Pick<SiteContext, 'telephony'>,
): E.Either<TelephonyUnavailable, readonly Effect[]> => {
  if (!sendsTelephonyData(body)) return E.right([])
  const chosen = selectTelephonyServer(site.telephony ?? { primaryLarge: true, nextGen: true, backup2Large: true })
  return E.map((server: TelephonyServer): readonly Effect[] => [{ kind: 'provisionTelephony', server }])(chosen)
}
