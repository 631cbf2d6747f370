/**
 * webex-user-rules: what the Webex Meetings XML API does when it receives a SetUser request, as a
 * pure function.
 *
 * @packageDocumentation
 */

// the pipeline
export { applySetUser } from './operations/setUser.js'
export { decodeSetUserRequest } from './decode.js'
export { indexSite } from './operations/siteIndex.js'

// the sibling operations, on the same rules
export { applyCreateUser, userDefaults } from './operations/createUser.js'
export { applyDelUser, type DelUserOutcome, type DelUserResult } from './operations/delUser.js'
export { applyActivateUser, applyInactivateUser } from './operations/activation.js'
export { applyGetUser, type GetUserRequest } from './operations/getUser.js'
export {
  ActivationBody,
  DEL_USER_MAX,
  DelUserBody,
  GetUserBody,
  type ActivationRequest,
  type CreateUserRequest,
  type DelUserRequest,
  type NewUserTemplate,
} from './model/operations.js'

// codecs for untrusted JSON, and the model's types
export {
  CreateUserBody,
  GetUserView,
  REQUEST_LIST_LIMITS,
  SUPPORT_CENTER_TABS,
  SetUserBody,
  User,
} from './model/user.js'
export type {
  ActiveState,
  Address,
  AlternateHost,
  AlternateHostEmail,
  CommOptions,
  EventCenter,
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
  SupportCenter,
  SupportedServices,
  ThirdPartyAccount,
  ThirdPartyAccountInput,
  ThirdPartyTeleconf,
  ThirdPartyTeleconfInput,
  Tracking,
  TspAccount,
  TspAccountInput,
  VideoCallback,
  WebACDPrefs,
} from './model/user.js'
export {
  SiteContext,
  type MyWebExSite,
  type PasswordPolicy,
  type SessionTypeLimit,
  type SiteLanguage,
  type TelephonyAvailability,
  type TspSite,
} from './model/site.js'
export { Caller, SetUserRequest, type CallerRole } from './model/request.js'
export type { Effect, EffectKind, LicensedService, Notice, SetUserResult, TelephonyServer } from './model/result.js'
export type {
  Issue,
  LeafInfo,
  LeafSpec,
  LeafType,
  ListInfo,
  ListType,
  ModelCodec,
  Path,
  Props,
  Runnable,
  StructChild,
  StructInfo,
  StructOf,
  StructType,
} from './model/codec.js'

// the rules' tables and public predicates
export { classifyPath, MODEL_PATHS, PATH_ACCESS, type Access } from './model/access.js'
export { isValidPin } from './rules/pin.js'
export { countActiveHosts, countsAsHost, hostCountAfter } from './rules/hostLimit.js'
export { FAILOVER_ORDER, selectTelephonyServer } from './rules/telephony.js'
export { ROLE_PRECEDENCE, userRole, type UserRole } from './rules/rolePrecedence.js'
export { MASKED_PASSWORD } from './rules/joinBeforeHost.js'
export { toGetUserView } from './rules/getUserView.js'
export { SETTING_GATES, type SettingGate } from './rules/optionReset.js'
export { LICENSED_SERVICES } from './rules/licences.js'

// errors
export * from './errors/SetUserError.js'
export { formatDecodeFailure, formatError } from './errors/format.js'
export { EngineDefect } from './errors/guard.js'
export { isPlainObject } from './model/plain.js'
export { isSecretName, REDACTED, redactSecrets } from './model/secrets.js'

// for embedding servers (appended with the XML adapter)
export { callerRole } from './rules/callerRole.js'

// the list and login operations (D-OP), and the lookup and read rule every operation shares
export {
  applyLstsummaryUser,
  LIST_DEFAULT_MAXIMUM,
  LIST_MAXIMUM,
  type LstsummaryUserRequest,
  pageOf,
  registrationDateKey,
  toUserSummary,
} from './operations/lstsummaryUser.js'
export {
  applyAuthenticateUser,
  applyGetLoginTicket,
  applyGetloginurlUser,
  applyGetlogouturlUser,
  authenticationClaim,
  checkSessionTicket,
  claimedUser,
  credentialRejected,
  type Credentials,
  currentLoginTicket,
  DEFAULT_API_VERSION,
  type GetLoginTicketRequest,
  type LoginTicket,
  type LoginUrlRequest,
  SESSION_TICKET_TTL,
  siteBaseUrl,
  type TicketRecord,
  type AuthenticationClaim,
  type Credential,
  type IssuedLoginTicket,
  type LoginTickets,
  type Subject,
} from './operations/login.js'
export { findUser, findUserByEmail, setUserTarget, userKey } from './operations/lookup.js'
export { mayListUsers, mayRead } from './rules/readAccess.js'
export {
  type DataScope,
  type ListControl,
  LstsummaryUserBody,
  type LstsummaryUserResult,
  type MatchingRecords,
  type Order,
  ORDER_BY_KEYS,
  type UserSummary,
  type WebAcdFilter,
  type OrderByKey,
} from './model/lstsummary.js'
export {
  type AuthenticateUserAnswer,
  AuthenticateUserBody,
  type GetLoginTicketAnswer,
  GetLoginTicketBody,
  type LoginUrlAnswer,
  LoginUrlBody,
  type LogoutUrlAnswer,
} from './model/login.js'
export * from './errors/OperationError.js'
export { checkPassword, DEFAULT_PASSWORD_MIN_LENGTH } from './rules/password.js'
export { schedulingPermissionNames } from './rules/schedulingPermission.js'
export { hasValidEmailCharacters } from './rules/emailCharacters.js'
export { TELEPHONY_PRIVILEGES } from './rules/telephonyPrivileges.js'
export { CONTROL_HUB_IDENTITY_PATHS } from './rules/controlHubIdentity.js'
export { PCN_WITHOUT_PIN_MESSAGE } from './rules/pcnPinState.js'
