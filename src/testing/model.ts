/**
 * Valid `User`, `SetUserBody`, `SiteContext` and caller values, derived from the codec tree and
 * biased so the rules fire: the body names the user most of the time, PINs mix valid and invalid
 * values, prodIDs come mostly from the site, features are sometimes off, role flags are often
 * present, counts sit around the host limit.
 */
import fc from 'fast-check'
import {
  classifyPath,
  type ModelCodec,
  SETTING_GATES,
  SetUserBody,
  SUPPORT_CENTER_TABS,
  type SiteContext,
  User,
} from '../index.js'
import { arbitraryOf, codecAt, type Shape } from './codec.js'
import { factValueArbs, siteFactsArb } from './siteFacts.js'
import {
  email,
  fourDigits,
  phone,
  PRODUCT_UNIVERSE,
  RENAME_TARGETS,
  requestPin,
  sipAddress,
  storedPin,
  USER_IDS,
} from './values.js'

const ROLE_AND_COUNT_FLAGS = new Set([
  'privilege.siteAdmin',
  'privilege.roSiteAdmin',
  'privilege.host',
  'privilege.attendeeOnly',
])
const PHONE_PATHS = ['phone', 'mobilePhone', 'fax', 'phone2', 'mobilePhone2', 'pager'].map((k) => `phones.${k}`)
const ACCOUNT_LISTS = ['tspAccount', 'personalTeleconf.account', 'thirdPartyTeleconf.account'] as const

type Obj = Record<string, unknown>

const formatted = (): Record<string, fc.Arbitrary<unknown>> => ({
  email,
  email2: email,
  'personalMeetingRoom.alternateHost.hosts[].email': email.filter((e) => e !== ''),
  ...Object.fromEntries(PHONE_PATHS.map((p) => [p, phone])),
})

/** At most one item keeps `defaultFlag: true` (the one at `keep`, if any). */
const oneDefault = <T extends Obj>(items: readonly T[], keep: number): T[] =>
  items.map((item, i) => (item['defaultFlag'] === true && i !== keep ? { ...item, defaultFlag: false } : item))

// -------------------------------------------------------------------------------------
// stored user
// -------------------------------------------------------------------------------------

const storedPresence = (path: string): number => {
  if (ROLE_AND_COUNT_FLAGS.has(path)) return 0.6
  if (path === 'active') return 0.7
  if (path === 'designatedChatUser') return 0.2
  if (path === 'salesCenter.roles.sme') return 0.8
  if (!path.includes('.')) return 0.35
  return 0.5
}

/** Stored accounts: indexes 1..3, unique, sorted, at most one default (D-R10). */
const storedAccounts = (listPath: string, shape: Shape): fc.Arbitrary<unknown> => {
  const item = arbitraryOf(codecAt(User, `${listPath}[]`), shape, `${listPath}[]`) as fc.Arbitrary<Obj>
  return fc
    .tuple(fc.subarray([1, 2, 3]), fc.array(item, { minLength: 3, maxLength: 3 }), fc.nat(3))
    .map(([indexes, items, keep]) =>
      oneDefault(
        indexes.map((accountIndex, i) => ({ ...items[i], accountIndex })),
        keep,
      ),
    )
}

const storedShape = (): Shape => {
  const base: Shape = {
    presence: storedPresence,
    at: {
      webExId: fc.constantFrom(...USER_IDS),
      ...factValueArbs,
      'phones.PIN': storedPin,
      'personalMeetingRoom.hostPIN': storedPin,
      ...formatted(),
      'salesCenter.smeInfo.products': fc.uniqueArray(fc.constantFrom(...PRODUCT_UNIVERSE), {
        minLength: 1,
        maxLength: 4,
      }),
      'supportCenter.orderTabs': fc.shuffledSubarray([...SUPPORT_CENTER_TABS], { minLength: 4, maxLength: 4 }),
      'videoSystems[].address': sipAddress.filter((a) => !a.includes(' ') && a.split('@').length <= 2),
    },
  }
  const at: Record<string, fc.Arbitrary<unknown>> = { ...base.at }
  for (const list of ACCOUNT_LISTS) at[list] = storedAccounts(list, base)
  const videoItem = arbitraryOf(codecAt(User, 'videoSystems[]'), base, 'videoSystems[]') as fc.Arbitrary<Obj>
  at['videoSystems'] = fc
    .tuple(fc.array(videoItem, { maxLength: 3 }), fc.nat(3))
    .map(([items, keep]) => oneDefault(items, keep))
  return { ...base, at }
}

/** A valid stored user covering the whole `User` codec. */
export const userArb: fc.Arbitrary<User> = arbitraryOf(User, storedShape()) as fc.Arbitrary<User>

// -------------------------------------------------------------------------------------
// request body
// -------------------------------------------------------------------------------------

const TOP_LEVEL_PRESENCE: Readonly<Record<string, number>> = {
  privilege: 0.3,
  active: 0.3,
  phones: 0.25,
  personalTeleconf: 0.25,
  salesCenter: 0.2,
  supportedServices: 0.2,
  security: 0.15,
  newWebExId: 0.15,
  syncWebOffice: 0.15,
  personalMeetingRoom: 0.2,
  validateFormat: 0.08,
}

const bodyPresence =
  (topLevel: number) =>
  (path: string): number => {
    if (!path.includes('.')) return TOP_LEVEL_PRESENCE[path] ?? topLevel
    if (ROLE_AND_COUNT_FLAGS.has(path)) return 0.35
    if (path.startsWith('privilege.') || path.startsWith('options.')) return 0.12
    if (path === 'salesCenter.roles.sme') return 0.8
    if (path === 'salesCenter.smeInfo' || path === 'salesCenter.roles') return 0.6
    if (path.startsWith('security.')) return 0.5
    if (path.endsWith('[].delete')) return 0.2
    if (path.endsWith('[].defaultFlag')) return 0.3
    return 0.4
  }

/** Request accounts: mostly valid (indexes unique in 1..3, one new default at most), sometimes not. */
const requestAccounts = (listPath: string, shape: Shape): fc.Arbitrary<unknown> => {
  const item = arbitraryOf(codecAt(SetUserBody, `${listPath}[]`), shape, `${listPath}[]`) as fc.Arbitrary<Obj>
  const valid = fc
    .tuple(
      fc.shuffledSubarray([1, 2, 3], { minLength: 0, maxLength: 3 }),
      fc.array(item, { minLength: 3, maxLength: 3 }),
      fc.nat(3),
    )
    .map(([indexes, items, keep]) =>
      oneDefault(
        indexes.map((accountIndex, i) => ({ ...items[i], accountIndex })),
        keep,
      ),
    )
  const anyIndexes = fc.array(
    fc.tuple(fc.integer({ min: -1, max: 5 }), item).map(([accountIndex, it]) => ({ ...it, accountIndex })),
    { maxLength: 4 },
  )
  return fc.oneof({ arbitrary: valid, weight: 9 }, { arbitrary: anyIndexes, weight: 1 })
}

const bodyShape = (include?: (path: string) => boolean, topLevel = 0.12): Shape => {
  const base: Shape = {
    presence: bodyPresence(topLevel),
    ...(include === undefined ? {} : { include }),
    at: {
      webExId: fc.constantFrom(...USER_IDS),
      newWebExId: fc.constantFrom(...RENAME_TARGETS),
      ...factValueArbs,
      'phones.PIN': requestPin,
      'personalMeetingRoom.hostPIN': requestPin,
      ...formatted(),
      'salesCenter.smeInfo.products': fc.array(fc.constantFrom(...PRODUCT_UNIVERSE), { minLength: 1, maxLength: 4 }),
      'supportCenter.orderTabs': fc.oneof(
        { arbitrary: fc.shuffledSubarray([...SUPPORT_CENTER_TABS], { minLength: 4, maxLength: 4 }), weight: 9 },
        // at most REQUEST_LIST_LIMITS.orderTabs (4): a longer list is a decode failure (D-S1), not data
        { arbitrary: fc.array(fc.constantFrom(...SUPPORT_CENTER_TABS), { maxLength: 4 }), weight: 1 },
      ),
      'videoSystems[].address': sipAddress,
    },
  }
  const at: Record<string, fc.Arbitrary<unknown>> = { ...base.at }
  for (const list of ACCOUNT_LISTS) at[list] = requestAccounts(list, base)
  const videoItem = arbitraryOf(codecAt(SetUserBody, 'videoSystems[]'), base, 'videoSystems[]') as fc.Arbitrary<Obj>
  at['videoSystems'] = fc.oneof(
    {
      arbitrary: fc
        .tuple(fc.array(videoItem, { maxLength: 3 }), fc.nat(3))
        .map(([items, keep]) => oneDefault(items, keep)),
      weight: 9,
    },
    { arbitrary: fc.array(videoItem, { maxLength: 3 }), weight: 1 },
  )
  return { ...base, at }
}

/** A valid body over the whole `SetUserBody` codec (what a site admin may send). */
export const adminBodyArb: fc.Arbitrary<SetUserBody> = arbitraryOf(
  SetUserBody,
  bodyShape(),
) as fc.Arbitrary<SetUserBody>

/** A valid body holding only self-service paths (what anyone may send for their own record, R11). */
export const selfServiceBodyArb: fc.Arbitrary<SetUserBody> = arbitraryOf(
  SetUserBody,
  bodyShape((path) => classifyPath(path) === 'self-service', 0.25),
) as fc.Arbitrary<SetUserBody>

// -------------------------------------------------------------------------------------
// site
// -------------------------------------------------------------------------------------

/**
 * The site features R5 gates settings on (docs/spec.md §7.2, GetSite element names), listed here rather
 * than read from the engine's table alone: a gate the engine lost still has its feature switched off in
 * generated sites, so a differential or conformance run sees the difference.
 */
export const GATED_SITE_FEATURES: readonly string[] = [
  ...new Set([
    'callInTeleconferencing',
    'tollFreeCallinTeleconferencing',
    'intlCallInTeleconferencing',
    'teleCLIAuthEnabled',
    'callBackTeleconferencing',
    'intlCallBackTeleconferencing',
    'supportOtherTypeTeleconf',
    'internetPhone',
    'enablePersonalMeetingRoom',
    'HQvideo',
    'HDvideo',
    'handsOnLab',
    'optimizeAttendeeBandwidthUsage',
    'meetingCenter',
    'eventCenter',
    'trainingCenter',
    'supportCenter',
    'salesCenter',
    ...SETTING_GATES.flatMap((gate) => gate.features),
  ]),
]
const GATING_FEATURES = GATED_SITE_FEATURES

const featuresArb: fc.Arbitrary<Readonly<Record<string, boolean>>> = fc
  .tuple(
    fc.array(fc.constantFrom(...GATING_FEATURES), { maxLength: 8 }),
    fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    fc.dictionary(fc.constantFrom('meetingRecording', 'webinar', 'x'), fc.boolean(), { maxKeys: 2 }),
  )
  .map(([names, values, other]) => {
    const features: Record<string, boolean> = { ...other }
    names.forEach((name, i) => (features[name] = values[i] ?? false))
    return features
  })

const availability = fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 2 })

/** A site (before it is fitted to a user: see `scenario.ts`). */
export const siteArb: fc.Arbitrary<SiteContext> = fc
  .tuple(
    fc.record(
      {
        hostLimit: fc.integer({ min: 0, max: 6 }),
        activeHostCount: fc.integer({ min: 0, max: 8 }),
        allowUserToChangeUserName: fc.boolean(),
        takenWebExIds: fc.subarray(['taken.one', 'Other.User', 'jane.doe2', ...USER_IDS]),
        productIds: fc.subarray(PRODUCT_UNIVERSE.filter((id) => id !== 999)),
        controlHubManaged: fc.boolean(),
        features: featuresArb,
        telephony: fc.record({ primaryLarge: availability, nextGen: availability, backup2Large: availability }),
      },
      {
        requiredKeys: [
          'activeHostCount',
          'allowUserToChangeUserName',
          'takenWebExIds',
          'productIds',
          'controlHubManaged',
        ],
      },
    ),
    siteFactsArb,
  )
  .map(([site, facts]) => ({ ...site, ...facts }))

/** A valid 4-digit PIN (for fixtures that need one). */
export const validPinArb: fc.Arbitrary<string> = fourDigits.filter(
  (pin) => new Set(pin).size > 1 && !'0123456789'.includes(pin) && !'9876543210'.includes(pin),
)

/** The codec of a model path (re-exported for properties that walk the tree). */
export const codecOf = (root: ModelCodec, path: string): ModelCodec => codecAt(root, path)
