/**
 * R15 — Control Hub licences (decision D-R15).
 *
 * Seed: "On Control Hub managed sites SetUser can also result in assigning or removing meeting
 * sites licenses from the user."
 *
 * On a Control Hub managed site: when the user becomes counted (R6) every supported service that
 * is TRUE gets `assignMeetingLicense`; when the user stops being counted each TRUE service gets
 * `removeMeetingLicense`; while counted, a service that flips in `supportedServices` gets assign
 * or remove. Nothing on other sites.
 *
 * @module
 */
import type { Effect, LicensedService } from '../model/result.js'
import type { User } from '../model/user.js'
import { countsAsHost } from './hostLimit.js'

/**
 * The services a meeting licence covers, in effect order (R15).
 *
 * @category rules
 * @example
 * ```ts
 * import { LICENSED_SERVICES } from 'webex-user-rules'
 * LICENSED_SERVICES //=> ['meetingCenter', 'eventCenter', 'trainingCenter', 'supportCenter']
 * ```
 */
export const LICENSED_SERVICES: readonly LicensedService[] = [
  'meetingCenter',
  'eventCenter',
  'trainingCenter',
  'supportCenter',
]

const serviceOn = (user: User | undefined, service: LicensedService): boolean =>
  // Stryker disable next-line OptionalChaining: equivalent, serviceOn is only called with current when before holds, which needs current defined
  user?.supportedServices?.[service] ?? false

/** The licence effects of going from `current` to `result`. */
export const licenceEffects = (
  controlHubManaged: boolean,
  current: User | undefined,
  result: User,
): readonly Effect[] => {
  if (!controlHubManaged) return []
  const before = current !== undefined && countsAsHost(current)
  const after = countsAsHost(result)
  // Stryker disable next-line ConditionalExpression: equivalent, a shortcut: with neither side counted every was/is below is false, no effect
  if (!before && !after) return []
  // Stryker disable next-line ConditionalExpression,OptionalChaining: equivalent, a shortcut (same services, same counting ⇒ was === is for each), and current is defined whenever before === after is reached true
  if (before === after && current?.supportedServices === result.supportedServices) return []
  const effects: Effect[] = []
  for (const service of LICENSED_SERVICES) {
    const was = before && serviceOn(current, service)
    const is = after && serviceOn(result, service)
    if (is && !was) effects.push({ kind: 'assignMeetingLicense', service })
    if (was && !is) effects.push({ kind: 'removeMeetingLicense', service })
  }
  return effects
}
