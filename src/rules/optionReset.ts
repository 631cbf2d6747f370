/**
 * R5 — Invalid-option reset.
 *
 * Seed: "Most user options now default to “true” or “false” depending on the site settings and the
 * SetUser request settings ... After validation, any invalid settings will be automatically reset
 * to “off”."
 *
 * Which user setting needs which site feature is one data table, {@link SETTING_GATES}
 * (docs/spec.md §7.2: the gates Cisco's own admin client applies). After merging, every setting
 * whose effective value is TRUE while one of its features is unsupported
 * (`site.features[f] === false`) is reset to FALSE, across the whole user, with one notice per path.
 * Never an error.
 *
 * @module
 */
import { produce } from '../internal/immer.js'
import { privilegeValue } from '../model/defaults.js'
import type { Notice } from '../model/result.js'
import type { EventCenter, Privilege, SupportedServices, User } from '../model/user.js'

/** A user setting and the site features (GetSite element names) it needs. */
export type SettingGate =
  | { readonly container: 'privilege'; readonly key: keyof Privilege; readonly features: readonly string[] }
  | {
      readonly container: 'supportedServices'
      readonly key: keyof SupportedServices
      readonly features: readonly string[]
    }
  | { readonly container: 'eventCenter'; readonly key: keyof EventCenter; readonly features: readonly string[] }

/**
 * The gating table (R5): which user setting needs which site features.
 *
 * @category rules
 * @example
 * ```ts
 * import { SETTING_GATES } from 'webex-user-rules'
 * SETTING_GATES.find((g) => g.key === 'HDvideo') //=> { container: 'privilege', key: 'HDvideo', features: ['HQvideo', 'HDvideo'] }
 * ```
 */
export const SETTING_GATES: readonly SettingGate[] = [
  { container: 'privilege', key: 'teleConfCallIn', features: ['callInTeleconferencing'] },
  { container: 'privilege', key: 'teleConfTollFreeCallIn', features: ['tollFreeCallinTeleconferencing'] },
  { container: 'privilege', key: 'teleConfCallInInternational', features: ['intlCallInTeleconferencing'] },
  { container: 'privilege', key: 'teleCLIAuthEnabled', features: ['teleCLIAuthEnabled'] },
  { container: 'privilege', key: 'teleConfCallOut', features: ['callBackTeleconferencing'] },
  {
    container: 'privilege',
    key: 'teleConfCallOutInternational',
    features: ['callBackTeleconferencing', 'intlCallBackTeleconferencing'],
  },
  { container: 'privilege', key: 'otherTelephony', features: ['supportOtherTypeTeleconf'] },
  { container: 'privilege', key: 'voiceOverIp', features: ['internetPhone'] },
  { container: 'privilege', key: 'isEnablePMR', features: ['enablePersonalMeetingRoom'] },
  { container: 'privilege', key: 'HQvideo', features: ['HQvideo'] },
  { container: 'privilege', key: 'HDvideo', features: ['HQvideo', 'HDvideo'] },
  { container: 'privilege', key: 'labAdmin', features: ['handsOnLab'] },
  { container: 'eventCenter', key: 'optimizeAttendeeBandwidthUsage', features: ['optimizeAttendeeBandwidthUsage'] },
  { container: 'supportedServices', key: 'meetingCenter', features: ['meetingCenter'] },
  { container: 'supportedServices', key: 'eventCenter', features: ['eventCenter'] },
  { container: 'supportedServices', key: 'trainingCenter', features: ['trainingCenter'] },
  { container: 'supportedServices', key: 'supportCenter', features: ['supportCenter'] },
  { container: 'supportedServices', key: 'salesCenter', features: ['salesCenter'] },
]

/** Every site feature the table names. */
export const GATING_FEATURES: readonly string[] = [...new Set(SETTING_GATES.flatMap((g) => g.features))]

const gatesBySite = new WeakMap<object, readonly SettingGate[]>()

/**
 * The gates whose features the site does not all support; an absent feature is supported.
 * Computed once per features object (site inputs are immutable by contract).
 */
export const unsupportedGates = (features: Readonly<Record<string, boolean>> | undefined): readonly SettingGate[] => {
  if (features === undefined) return []
  let gates = gatesBySite.get(features)
  if (gates === undefined) {
    gates = SETTING_GATES.filter((gate) =>
      gate.features.some((f) => Object.hasOwn(features, f) && features[f] === false),
    )
    gatesBySite.set(features, gates)
  }
  return gates
}

const effectiveValue = (user: User, gate: SettingGate): boolean => {
  switch (gate.container) {
    case 'privilege':
      return privilegeValue(user.privilege, gate.key)
    case 'supportedServices':
      return user.supportedServices?.[gate.key] ?? false
    case 'eventCenter':
      return user.eventCenter?.[gate.key] ?? false
  }
}

/** Resets every setting the site does not support to FALSE; the same user object when none is on. */
export const resetInvalidOptions = (
  user: User,
  features: Readonly<Record<string, boolean>> | undefined,
): { readonly user: User; readonly notices: readonly Notice[] } => {
  const gates = unsupportedGates(features)
  if (gates.length === 0) return { user, notices: [] }
  const toReset = gates.filter((gate) => effectiveValue(user, gate))
  if (toReset.length === 0) return { user, notices: [] }
  const notices: Notice[] = toReset.map((gate) => ({
    kind: 'reset',
    path: `${gate.container}.${gate.key}`,
    message: `reset to off: the site does not support ${gate.features.filter((f) => features?.[f] === false).join(' and ')}`,
  }))
  const next = produce(user, (draft) => {
    for (const gate of toReset) {
      switch (gate.container) {
        case 'privilege':
          ;(draft.privilege ??= {})[gate.key] = false
          break
        case 'supportedServices':
          ;(draft.supportedServices ??= {})[gate.key] = false
          break
        case 'eventCenter':
          ;(draft.eventCenter ??= {})[gate.key] = false
          break
      }
    }
  })
  return { user: next, notices }
}
