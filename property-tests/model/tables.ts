/**
 * The reference model's own copies of the data the spec defines as tables. They are written
 * from the spec and docs/decisions.md, not imported from `src/`; `tables.prop.test.ts` checks that
 * they agree with the engine's tables, so a change to either is a deliberate one.
 */

/**
 * R11 (spec + D-R11): the request paths anyone may send for their own record, as path prefixes.
 * Every other path of a request body is admin-only.
 */
export const SELF_SERVICE_PREFIXES: readonly string[] = [
  // the key and the request flags
  'webExId',
  'newWebExId',
  'syncWebOffice',
  'validateFormat',
  // My Profile (spec R11 list, and what belongs with it per D-R11)
  'firstName',
  'lastName',
  'title',
  'company',
  'address',
  'phones',
  'email',
  'email2',
  'password',
  'passwordHint',
  'passwordHintAnswer',
  'options',
  'commOptions',
  'timeZone',
  'timeZoneID',
  'language',
  'languageID',
  'locale',
  'personalMeetingRoom',
  'personalTeleconf.account',
  'videoSystems',
  'sessionOptions',
  'schedulingPermission',
]

/** Is a (schema) request path self-service? `personalTeleconf.joinBeforeHost` is not (R9). */
export const isSelfService = (path: string): boolean =>
  SELF_SERVICE_PREFIXES.some(
    (prefix) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`),
  )

/** R5 (D-R5): which stored setting needs which site features. */
export const GATES: readonly {
  readonly container: string
  readonly key: string
  readonly features: readonly string[]
}[] = [
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

/** Settings whose schema default is TRUE (docs/spec.md §2: `privilege.otherTelephony`); every other one is FALSE. */
export const DEFAULT_TRUE: readonly string[] = ['privilege.otherTelephony']

/** Every error SetUser can answer (docs/spec.md §1, and RuleViolation for R21–R34); the sibling operations add 030009 and 030005. */
export const SETUSER_ERROR_TAGS: readonly string[] = [
  'InvalidRequest',
  'UserNotFound',
  'NoPrivilege',
  'InvalidPin',
  'ValidPinRequired',
  'ExceededSiteHostLimit',
  'UnknownProductId',
  'UserNameChangeNotAllowed',
  'WebExIdConflict',
  'InvalidSecurityOptions',
  'ServiceDeskNotSupported',
  'InvalidAccounts',
  'TelephonyUnavailable',
  'RuleViolation',
]

/** R33 (D-F14): what a Control Hub identity site does not let SetUser change. */
export const IDENTITY_LOCKED: readonly string[] = [
  'newWebExId',
  'password',
  'email',
  'firstName',
  'lastName',
  'phones.phone',
  'phones.mobilePhone',
  'phones.fax',
  'phones.pager',
]

/** R30 (D-F11): privilege, exception, site feature. */
export const TELEPHONY_ERRORS: readonly (readonly [string, string, string])[] = [
  ['teleConfCallIn', '030011', 'callInTeleconferencing'],
  ['teleConfCallOut', '030012', 'callBackTeleconferencing'],
  ['teleConfCallInInternational', '030023', 'intlCallInTeleconferencing'],
  ['teleConfTollFreeCallIn', '030036', 'tollFreeCallinTeleconferencing'],
  ['voiceOverIp', '030050', 'internetPhone'],
]

/**
 * Request paths that R1 does not store: actions and request options (R12, R14, R17, D-VF) and
 * the lists R4 and R10 merge by their own rules.
 */
export const NOT_STORED_BY_MERGE: readonly string[] = [
  'newWebExId',
  'syncWebOffice',
  'validateFormat',
  'security.resetPassword',
  'tspAccount',
  'personalTeleconf.account',
  'thirdPartyTeleconf.account',
  'salesCenter.smeInfo.products',
]

/** R15: the services a meeting licence covers, in effect order. */
export const LICENSED: readonly string[] = ['meetingCenter', 'eventCenter', 'trainingCenter', 'supportCenter']

/** R16: the failover order of the seed. */
export const FAILOVER: readonly string[] = ['primaryLarge', 'nextGen', 'backup2Large']

/** R3: the role flags in precedence order. */
export const ROLES: readonly string[] = ['siteAdmin', 'roSiteAdmin', 'host']

/** R18: the Support Center tabs. */
export const TABS: readonly string[] = ['Tools', 'Desktop', 'Application', 'Session']
