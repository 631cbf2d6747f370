/**
 * webex-user-rules: what the Webex Meetings XML API does when it receives a SetUser request, as a
 * pure function.
 *
 * @packageDocumentation
 */
export { applySetUser } from './applySetUser.js'
export { decodeSetUserRequest } from './decode.js'

// model
export {
  Address,
  AlternateHost,
  AlternateHostEmail,
  CommOptions,
  EventCenter,
  GetUserView,
  MyWebEx,
  Options,
  PcnAccount,
  PcnAccountInput,
  PcnAccountView,
  PersonalMeetingRoom,
  PersonalMeetingRoomInput,
  PersonalTeleconf,
  PersonalTeleconfInput,
  PersonalTeleconfView,
  Phones,
  PRNotifications,
  Privilege,
  Recording,
  RemoteAccess,
  RemoteSupport,
  SalesCenter,
  Security,
  ServiceDesk,
  SessionOptions,
  SessionTemplate,
  SetUserBody,
  SupportCenter,
  SUPPORT_CENTER_TABS,
  SupportedServices,
  ThirdPartyAccount,
  ThirdPartyAccountInput,
  ThirdPartyTeleconf,
  ThirdPartyTeleconfInput,
  Tracking,
  TspAccount,
  TspAccountInput,
  User,
  VideoCallback,
  WebACDPrefs,
  type ActiveState,
} from './model/user.js'
export { SiteContext, TelephonyAvailability } from './model/site.js'
export { Caller, SetUserRequest, type CallerRole } from './model/request.js'
export type { Effect, EffectKind, LicensedService, Notice, SetUserResult, TelephonyServer } from './model/result.js'
export { ACCESS_BY_PATH, classifyPath, MODEL_PATHS, PATH_ACCESS, type Access } from './model/access.js'
export { LeafType, ListType, StructType, type LeafSpec, type ModelCodec } from './model/codec.js'

// rules with a public face
export { isValidPin } from './rules/pin.js'
export { countActiveHosts, countsAsHost } from './rules/hostLimit.js'
export { FAILOVER_ORDER, selectTelephonyServer } from './rules/telephony.js'
export { ROLE_PRECEDENCE, userRole, type UserRole } from './rules/rolePrecedence.js'
export { MASKED_PASSWORD, toGetUserView } from './rules/joinBeforeHost.js'
export { SETTING_GATES, type SettingGate } from './rules/optionReset.js'
export { LICENSED_SERVICES } from './rules/licences.js'

// errors
export * from './errors/SetUserError.js'
export { formatDecodeFailure, formatError } from './errors/format.js'

// for embedding servers (appended with the XML adapter)
export { callerRole } from './rules/callerRole.js'
