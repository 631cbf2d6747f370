/**
 * The user element tree (docs/spec.md §2, §7.1): `User` (what is stored, as GetUser returns it),
 * `SetUserBody` (the bodyContent of a SetUser request) and `GetUserView` (what GetUser outputs).
 *
 * The JSON shape is the XML shape by local element name:
 * - a container whose only child repeats is an array under the container's name
 *   (`meetingTypes: number[]` for `<meetingTypes><meetingType>…`);
 * - a repeated element inside a container with other children is an array under the repeated
 *   element's name (`personalTeleconf.account`).
 *
 * Children are listed in the order GetUser returns them, which is the order the XML adapter
 * renders. String limits are the reference guide's where it gives one; elsewhere the limits of
 * docs/decisions.md (D-M1) apply.
 *
 * @module
 */
import type * as t from 'io-ts'
import { bool, int, list, long, oneOf, str, struct, type StructType } from './codec.js'

// -------------------------------------------------------------------------------------
// limits without a documented maximum (D-M1)
// -------------------------------------------------------------------------------------

const NAME = 64
const TEXT = 128
const LONG_TEXT = 4000
const URL = 1024
const PHONE = 64
const CODE = 32
const PIN = 16

/**
 * The most items a request may send per list (D-S1: resource bounds). Stored users are not bound by
 * them: they are the embedder's data. Account lists are bounded loosely so that R10 can answer a
 * fourth account with `InvalidAccounts`, as the spec says.
 *
 * @category model
 * @example
 * ```ts
 * import { REQUEST_LIST_LIMITS } from 'webex-user-rules'
 * REQUEST_LIST_LIMITS.meetingTypes //=> 100
 * ```
 */
export const REQUEST_LIST_LIMITS = {
  meetingTypes: 100,
  videoSystems: 16,
  alternateHosts: 100,
  products: 100,
  orderTabs: 4,
  schedulingTemplates: 50,
  accounts: 16,
} as const

// -------------------------------------------------------------------------------------
// simple containers
// -------------------------------------------------------------------------------------

const AddressC = struct('address', {
  addressType: oneOf(['PERSONAL', 'GLOBAL']),
  address1: str(TEXT),
  address2: str(TEXT),
  city: str(NAME),
  state: str(NAME),
  zipCode: str(CODE),
  country: str(NAME),
})
/** `com:addressType`. @category model */
export interface Address extends t.TypeOf<typeof AddressC> {}
export const Address: StructType<Address> = AddressC

const PhonesC = struct('phones', {
  phone: str(PHONE),
  mobilePhone: str(PHONE),
  fax: str(PHONE),
  phone2: str(PHONE),
  mobilePhone2: str(PHONE),
  pager: str(PHONE),
  PIN: str(PIN),
})
/** `use:userPhonesType`: numbers as "country,area,local", and the telephone `PIN` (R7). @category model */
export interface Phones extends t.TypeOf<typeof PhonesC> {}
export const Phones: StructType<Phones> = PhonesC

const CommOptionsC = struct('commOptions', {
  prodAnnounce: bool,
  trainingInfo: bool,
  electronicInfo: bool,
  promos: bool,
  press: bool,
  email: bool,
  fax: bool,
  phone: bool,
  mail: bool,
})
/** Communication preferences; each defaults to false. @category model */
export interface CommOptions extends t.TypeOf<typeof CommOptionsC> {}
export const CommOptions: StructType<CommOptions> = CommOptionsC

const OptionsC = struct('options', {
  firstNameVisible: bool,
  lastNameVisible: bool,
  addressVisible: bool,
  workPhoneVisible: bool,
  cellPhoneVisible: bool,
  pagerVisible: bool,
  faxVisible: bool,
  officeUrlVisible: bool,
  pictureVisible: bool,
  notifyOnNewMessage: bool,
  notifyOnMeeting: bool,
  followMeEnable: bool,
  emailVisible: bool,
  listInCategory: bool,
  titleVisible: bool,
  folderRead: bool,
  folderWrite: bool,
  messageVisible: bool,
  iconSelect1: bool,
  iconSelect2: bool,
  acceptLinkRequest: bool,
  holdOnLinkRequest: bool,
  notifyOnLinkRequest: bool,
  supportVideo: bool,
  supportApp: bool,
  supportFileShare: bool,
  supportDesktopShare: bool,
  supportMeetingRecord: bool,
  supportAppshareRemote: bool,
  supportWebTourRemote: bool,
  supportDesktopShareRemote: bool,
  subscriptionOffice: bool,
  workPhoneCallback: bool,
  cellPhoneCallback: bool,
  faxCallback: bool,
  pagerCallback: bool,
})
/** The 36 user options; each defaults to false. @category model */
export interface Options extends t.TypeOf<typeof OptionsC> {}
export const Options: StructType<Options> = OptionsC

const TrackingC = struct('tracking', {
  trackingCode1: str(TEXT),
  trackingCode2: str(TEXT),
  trackingCode3: str(TEXT),
  trackingCode4: str(TEXT),
  trackingCode5: str(TEXT),
  trackingCode6: str(TEXT),
  trackingCode7: str(TEXT),
  trackingCode8: str(TEXT),
  trackingCode9: str(TEXT),
  trackingCode10: str(TEXT),
})
/** `com:trackingType`: ten tracking codes of at most 128 characters. @category model */
export interface Tracking extends t.TypeOf<typeof TrackingC> {}
export const Tracking: StructType<Tracking> = TrackingC

const PrivilegeC = struct('privilege', {
  host: bool,
  teleConfCallOut: bool,
  teleConfCallOutInternational: bool,
  teleConfCallIn: bool,
  teleConfTollFreeCallIn: bool,
  siteAdmin: bool,
  voiceOverIp: bool,
  roSiteAdmin: bool,
  labAdmin: bool,
  otherTelephony: bool,
  teleConfCallInInternational: bool,
  attendeeOnly: bool,
  recordingEditor: bool,
  meetingAssist: bool,
  HQvideo: bool,
  allowExtAttendees: bool,
  HDvideo: bool,
  isEnableCET: bool,
  isEnablePMR: bool,
  teleCLIAuthEnabled: bool,
  teleCLIPINEnabled: bool,
})
/** The user's role flags (R3) and privileges; `otherTelephony` defaults to true, the rest to false. @category model */
export interface Privilege extends t.TypeOf<typeof PrivilegeC> {}
export const Privilege: StructType<Privilege> = PrivilegeC

const SupportedServicesC = struct('supportedServices', {
  meetingCenter: bool,
  trainingCenter: bool,
  supportCenter: bool,
  eventCenter: bool,
  salesCenter: bool,
})
/** The Webex services the user may host. @category model */
export interface SupportedServices extends t.TypeOf<typeof SupportedServicesC> {}
export const SupportedServices: StructType<SupportedServices> = SupportedServicesC

const MyWebExC = struct('myWebEx', {
  isMyWebExPro: bool,
  myContact: bool,
  myProfile: bool,
  myMeetings: bool,
  myFolders: bool,
  trainingRecordings: bool,
  recordedEvents: bool,
  totalStorageSize: long,
  myReports: bool,
  myComputer: long,
  personalMeetingRoom: bool,
  myPartnerLinks: bool,
  myWorkspaces: bool,
  additionalRecordingStorage: long,
})
/** My Webex features; `myWorkspaces` is the WebOffice flag (R17). @category model */
export interface MyWebEx extends t.TypeOf<typeof MyWebExC> {}
export const MyWebEx: StructType<MyWebEx> = MyWebExC

// -------------------------------------------------------------------------------------
// accounts (R10): stored form, request form (with action flags), GetUser form
// -------------------------------------------------------------------------------------

const pcnAccountProps = {
  subscriberAccessCode: str(CODE),
  participantFullAccessCode: str(CODE),
  participantLimitedAccessCode: str(CODE),
  accountIndex: int(1, 3),
  defaultFlag: bool,
}
const PcnAccountC = struct('personalTeleconf.account', pcnAccountProps, ['accountIndex'])
/** A Personal Conference Number account as stored. @category model */
export interface PcnAccount extends t.TypeOf<typeof PcnAccountC> {}
export const PcnAccount: StructType<PcnAccount> = PcnAccountC

const PcnAccountInputC = struct(
  'personalTeleconf.account',
  {
    ...pcnAccountProps,
    // the index is range-checked by R10 (InvalidAccounts), not by the codec
    accountIndex: long,
    autoGenerate: bool,
    joinBeforeHost: bool,
    delete: bool,
  },
  ['accountIndex'],
)
/** A PCN account in a request: `autoGenerate` and `delete` are actions; `joinBeforeHost` is ignored (R9). @category model */
export interface PcnAccountInput extends t.TypeOf<typeof PcnAccountInputC> {}
export const PcnAccountInput: StructType<PcnAccountInput> = PcnAccountInputC

const PcnAccountViewC = struct('personalTeleconf.account', { ...pcnAccountProps, joinBeforeHost: bool }, [
  'accountIndex',
])
/** A PCN account as GetUser outputs it: `joinBeforeHost` mirrors `personalTeleconf.joinBeforeHost` (R9). @category model */
export interface PcnAccountView extends t.TypeOf<typeof PcnAccountViewC> {}
export const PcnAccountView: StructType<PcnAccountView> = PcnAccountViewC

const PersonalTeleconfC = struct('personalTeleconf', { account: list(PcnAccount), joinBeforeHost: bool })
/** PCN accounts and the site-admin-only "PCN Join Before Host" setting (R9). @category model */
export interface PersonalTeleconf extends t.TypeOf<typeof PersonalTeleconfC> {}
export const PersonalTeleconf: StructType<PersonalTeleconf> = PersonalTeleconfC

const PersonalTeleconfInputC = struct('personalTeleconf', {
  account: list(PcnAccountInput, { maxItems: REQUEST_LIST_LIMITS.accounts }),
  joinBeforeHost: bool,
})
/** `personalTeleconf` in a request. @category model */
export interface PersonalTeleconfInput extends t.TypeOf<typeof PersonalTeleconfInputC> {}
export const PersonalTeleconfInput: StructType<PersonalTeleconfInput> = PersonalTeleconfInputC

const PersonalTeleconfViewC = struct('personalTeleconf', { account: list(PcnAccountView), joinBeforeHost: bool })
/** `personalTeleconf` as GetUser outputs it. @category model */
export interface PersonalTeleconfView extends t.TypeOf<typeof PersonalTeleconfViewC> {}
export const PersonalTeleconfView: StructType<PersonalTeleconfView> = PersonalTeleconfViewC

const tspAccountProps = {
  tollFreeCallInNumber: str(PHONE),
  accountIndex: int(1, 3),
  tollCallInNumber: str(PHONE),
  subscriberAccessCode: str(CODE),
  participantAccessCode: str(CODE),
  createOnBridge: bool,
  defaultFlag: bool,
  custom1: str(TEXT),
  custom2: str(TEXT),
  custom3: str(TEXT),
  tollFreeCallInData: str(TEXT),
  tollCallInData: str(TEXT),
  nbrDialOut: oneOf(['TOLL_FREE', 'TOLL']),
}
const TspAccountC = struct('tspAccount', tspAccountProps, ['accountIndex'])
/** A teleconferencing service provider account as stored. @category model */
export interface TspAccount extends t.TypeOf<typeof TspAccountC> {}
export const TspAccount: StructType<TspAccount> = TspAccountC

const TspAccountInputC = struct('tspAccount', { ...tspAccountProps, accountIndex: long, delete: bool }, [
  'accountIndex',
])
/** A TSP account in a request (`delete` removes it, R10). @category model */
export interface TspAccountInput extends t.TypeOf<typeof TspAccountInputC> {}
export const TspAccountInput: StructType<TspAccountInput> = TspAccountInputC

const thirdPartyAccountProps = {
  name: str(CODE),
  confBridgeNum: str(CODE),
  pause: int(0, 99),
  accessCode: str(CODE),
  accountIndex: int(1, 3),
  defaultFlag: bool,
  tollFreeNum: str(CODE),
  moderatorCode: str(CODE),
  phoneName1: str(CODE),
  phoneName2: str(CODE),
}
const ThirdPartyAccountC = struct('thirdPartyTeleconf.account', thirdPartyAccountProps, ['accountIndex'])
/** A third-party teleconference account as stored. @category model */
export interface ThirdPartyAccount extends t.TypeOf<typeof ThirdPartyAccountC> {}
export const ThirdPartyAccount: StructType<ThirdPartyAccount> = ThirdPartyAccountC

const ThirdPartyAccountInputC = struct(
  'thirdPartyTeleconf.account',
  { ...thirdPartyAccountProps, accountIndex: long, delete: bool },
  ['accountIndex'],
)
/** A third-party account in a request (`delete` removes it, R10). @category model */
export interface ThirdPartyAccountInput extends t.TypeOf<typeof ThirdPartyAccountInputC> {}
export const ThirdPartyAccountInput: StructType<ThirdPartyAccountInput> = ThirdPartyAccountInputC

const ThirdPartyTeleconfC = struct('thirdPartyTeleconf', { account: list(ThirdPartyAccount) })
/** Third-party teleconference accounts. @category model */
export interface ThirdPartyTeleconf extends t.TypeOf<typeof ThirdPartyTeleconfC> {}
export const ThirdPartyTeleconf: StructType<ThirdPartyTeleconf> = ThirdPartyTeleconfC

const ThirdPartyTeleconfInputC = struct('thirdPartyTeleconf', {
  account: list(ThirdPartyAccountInput, { maxItems: REQUEST_LIST_LIMITS.accounts }),
})
/** `thirdPartyTeleconf` in a request. @category model */
export interface ThirdPartyTeleconfInput extends t.TypeOf<typeof ThirdPartyTeleconfInputC> {}
export const ThirdPartyTeleconfInput: StructType<ThirdPartyTeleconfInput> = ThirdPartyTeleconfInputC

// -------------------------------------------------------------------------------------
// My Profile containers (R18)
// -------------------------------------------------------------------------------------

const VideoCallbackC = struct('videoCallback', { systemName: str(TEXT), address: str(URL, 1), defaultFlag: bool }, [
  'address',
])
/** A video system the meeting can call back (a SIP URL). @category model */
export interface VideoCallback extends t.TypeOf<typeof VideoCallbackC> {}
export const VideoCallback: StructType<VideoCallback> = VideoCallbackC

const AlternateHostEmailC = struct('host', { email: str(TEXT, 1) }, ['email'])
/** One alternate host of the Personal Room. @category model */
export interface AlternateHostEmail extends t.TypeOf<typeof AlternateHostEmailC> {}
export const AlternateHostEmail: StructType<AlternateHostEmail> = AlternateHostEmailC

const AlternateHostC = struct('alternateHost', {
  allowAnyoneHostMyPMR: bool,
  hosts: list(AlternateHostEmail, { element: 'host' }),
})
/** Who may start the Personal Room in the host's absence. @category model */
export interface AlternateHost extends t.TypeOf<typeof AlternateHostC> {}
export const AlternateHost: StructType<AlternateHost> = AlternateHostC

const AlternateHostInputC = struct('alternateHost', {
  allowAnyoneHostMyPMR: bool,
  hosts: list(AlternateHostEmail, { element: 'host', maxItems: REQUEST_LIST_LIMITS.alternateHosts }),
})

const PRNotificationsC = struct('PRNotifications', { mode: str(CODE) })
/** How the host is told someone waits in the Personal Room. @category model */
export interface PRNotifications extends t.TypeOf<typeof PRNotificationsC> {}
export const PRNotifications: StructType<PRNotifications> = PRNotificationsC

const roomHeadProps = {
  welcomeMessage: str(LONG_TEXT),
  photoURL: str(URL),
  headerImageBranding: bool,
  headerImageURL: str(URL),
  title: str(TEXT),
}
const roomTailProps = {
  hostPIN: str(PIN),
  applyPMRForInstantMeeting: bool,
  PMRAutoLock: bool,
  PMRAutoLockWaitTime: int(0, 20),
  PRNotifications,
  PMRAlternateHost: bool,
  alternateHost: AlternateHost,
}
const PersonalMeetingRoomC = struct('personalMeetingRoom', {
  ...roomHeadProps,
  personalMeetingRoomURL: str(URL),
  sipURL: str(URL),
  accessCode: str(CODE),
  ...roomTailProps,
})
/** The Personal Room as stored; the URLs and access code are assigned by the server (output only). @category model */
export interface PersonalMeetingRoom extends t.TypeOf<typeof PersonalMeetingRoomC> {}
export const PersonalMeetingRoom: StructType<PersonalMeetingRoom> = PersonalMeetingRoomC

const PersonalMeetingRoomInputC = struct('personalMeetingRoom', {
  ...roomHeadProps,
  ...roomTailProps,
  alternateHost: AlternateHostInputC,
})
/** `personalMeetingRoom` in a request (the seed's hostPIN example). @category model */
export interface PersonalMeetingRoomInput extends t.TypeOf<typeof PersonalMeetingRoomInputC> {}
export const PersonalMeetingRoomInput: StructType<PersonalMeetingRoomInput> = PersonalMeetingRoomInputC

const serviceType = oneOf(['MeetingCenter', 'EventCenter', 'TrainingCenter', 'SupportCenter', 'SalesCenter'])

const SessionOptionsC = struct('sessionOptions', {
  defaultSessionType: long,
  defaultServiceType: serviceType,
  autoDeleteAfterMeetingEnd: bool,
  displayQuickStartHost: bool,
  displayQuickStartAttendees: bool,
})
/** Scheduling defaults from My Profile. @category model */
export interface SessionOptions extends t.TypeOf<typeof SessionOptionsC> {}
export const SessionOptions: StructType<SessionOptions> = SessionOptionsC

/**
 * The four Support Center tabs; `orderTabs` holds each exactly once (R18).
 *
 * @category model
 * @example
 * ```ts
 * import { SUPPORT_CENTER_TABS } from 'webex-user-rules'
 * SUPPORT_CENTER_TABS //=> ['Tools', 'Desktop', 'Application', 'Session']
 * ```
 */
export const SUPPORT_CENTER_TABS = ['Tools', 'Desktop', 'Application', 'Session'] as const

const ServiceDeskC = struct('serviceDesk', { enable: bool })
/** "Create this user as administrator on the Service Desk site" (R13). @category model */
export interface ServiceDesk extends t.TypeOf<typeof ServiceDeskC> {}
export const ServiceDesk: StructType<ServiceDesk> = ServiceDeskC

const SupportCenterC = struct('supportCenter', {
  orderTabs: list(oneOf(SUPPORT_CENTER_TABS), { element: 'tab' }),
  serviceDesk: ServiceDesk,
})
const SupportCenterInputC = struct('supportCenter', {
  orderTabs: list(oneOf(SUPPORT_CENTER_TABS), { element: 'tab', maxItems: REQUEST_LIST_LIMITS.orderTabs }),
  serviceDesk: ServiceDesk,
})

/** Support Center preferences. @category model */
export interface SupportCenter extends t.TypeOf<typeof SupportCenterC> {}
export const SupportCenter: StructType<SupportCenter> = SupportCenterC

const SessionTemplateC = struct('sessionTemplate', { name: str(TEXT, 1), serviceType }, ['name', 'serviceType'])
/** A scheduling template of My Profile. @category model */
export interface SessionTemplate extends t.TypeOf<typeof SessionTemplateC> {}
export const SessionTemplate: StructType<SessionTemplate> = SessionTemplateC

const SecurityC = struct('security', { forceChangePassword: bool, resetPassword: bool, lockAccount: bool })
/** Password security options a site admin sets (R12). @category model */
export interface Security extends t.TypeOf<typeof SecurityC> {}
export const Security: StructType<Security> = SecurityC

const WebACDPrefsC = struct('webACDPrefs', {
  isAgent: bool,
  isMgr: bool,
  numAgentSessions: int(0, 999),
  agentMonitorAllRSQueues: bool,
  managerMonitorAllRSQueues: bool,
  monitorAllRSAgents: bool,
})
/** Support Center WebACD roles. @category model */
export interface WebACDPrefs extends t.TypeOf<typeof WebACDPrefsC> {}
export const WebACDPrefs: StructType<WebACDPrefs> = WebACDPrefsC

const sharingView = oneOf(['FS_SCALE', 'FS', 'WIN_SCALE', 'WIN'])
const sharingColor = oneOf(['256', '16BIT'])
const RecordingC = struct('recording', { enforce: bool, type: oneOf(['NBR', 'LOCAL']), location: str(URL) }, [
  'enforce',
])
/** Recording policy of remote support / remote access sessions. @category model */
export interface Recording extends t.TypeOf<typeof RecordingC> {}
export const Recording: StructType<Recording> = RecordingC

const RemoteSupportC = struct('remoteSupport', {
  sharingView,
  sharingColor,
  recording: Recording,
  autoRequest: struct(
    'autoRequest',
    { enable: bool, request: oneOf(['DESK_VIEW', 'DESK_CTRL', 'APP_VIEW', 'APP_CTRL']) },
    ['enable'],
  ),
  defaultClient: struct(
    'defaultClient',
    { type: oneOf(['MULTI_SESS', 'SINGLE_SESS']), singleSessClient: oneOf(['NEW_CONSL', 'OLD_CONSL']) },
    ['type'],
  ),
})
/** Support Center remote support preferences. @category model */
export interface RemoteSupport extends t.TypeOf<typeof RemoteSupportC> {}
export const RemoteSupport: StructType<RemoteSupport> = RemoteSupportC

const RemoteAccessC = struct('remoteAccess', { sharingView, sharingColor, recording: Recording })
/** Remote access preferences. @category model */
export interface RemoteAccess extends t.TypeOf<typeof RemoteAccessC> {}
export const RemoteAccess: StructType<RemoteAccess> = RemoteAccessC

const SalesRolesC = struct('roles', { rep: bool, mgr: bool, asst: bool, sme: bool })

const SalesCenterC = struct('salesCenter', {
  roles: SalesRolesC,
  manager: str(TEXT),
  smeInfo: struct('smeInfo', { description: str(512), products: list(long, { element: 'prodID', minItems: 1 }) }),
})
const SalesCenterInputC = struct('salesCenter', {
  roles: SalesRolesC,
  manager: str(TEXT),
  smeInfo: struct('smeInfo', {
    description: str(512),
    products: list(long, { element: 'prodID', minItems: 1, maxItems: REQUEST_LIST_LIMITS.products }),
  }),
})

/** Sales Center roles and the subject-matter-expert products (R4). @category model */
export interface SalesCenter extends t.TypeOf<typeof SalesCenterC> {}
export const SalesCenter: StructType<SalesCenter> = SalesCenterC

const EventCenterC = struct('eventCenter', { optimizeAttendeeBandwidthUsage: bool })
/** Event Center preferences. @category model */
export interface EventCenter extends t.TypeOf<typeof EventCenterC> {}
export const EventCenter: StructType<EventCenter> = EventCenterC

// -------------------------------------------------------------------------------------
// the user, the request body, the GetUser view
// -------------------------------------------------------------------------------------

/** Elements that mean the same in the stored user and in a request, in GetUser order (head). */
const headProps = {
  firstName: str(NAME),
  lastName: str(NAME),
  title: str(TEXT),
  categoryId: long,
  description: str(LONG_TEXT),
  officeGreeting: str(LONG_TEXT),
  company: str(TEXT),
  webExId: str(NAME, 1),
  address: Address,
  phones: Phones,
  email: str(TEXT),
  email2: str(TEXT),
  officeurl: str(URL),
  password: str(60),
  passwordHint: str(TEXT),
  passwordHintAnswer: str(TEXT),
  personalUrl: str(NAME),
  expirationDate: str(CODE),
  commOptions: CommOptions,
  meetingTypes: list(long, { element: 'meetingType' }),
  options: Options,
  timeZoneID: long,
  timeZone: str(TEXT),
}

const activeType = oneOf(['ACTIVATED', 'REQUEST_TO_ACTIVATE', 'DEACTIVATED'])

const middleProps = {
  tracking: Tracking,
  service: oneOf(['FREE_OFFICE', 'STANDARD_OFFICE', 'PRO_OFFICE']),
  privilege: Privilege,
  language: str(NAME),
  locale: str(NAME),
  schedulingPermission: str(LONG_TEXT),
  active: activeType,
}

const tailProps = {
  supportedServices: SupportedServices,
  myWebEx: MyWebEx,
}

const profileProps = {
  videoSystems: list(VideoCallback, { element: 'videoCallback' }),
}

const afterRoomProps = {
  sessionOptions: SessionOptions,
  supportCenter: SupportCenter,
  schedulingTemplates: list(SessionTemplate, { element: 'sessionTemplate' }),
  mpProfileNumber: str(NAME),
  security: Security,
  languageID: long,
  webACDPrefs: WebACDPrefs,
  remoteSupport: RemoteSupport,
  remoteAccess: RemoteAccess,
  salesCenter: SalesCenter,
}

const outputTailProps = {
  registrationDate: str(CODE),
  visitCount: long,
  userId: long,
  eventCenter: EventCenter,
  peExpired: bool,
  peActive: bool,
  passwordExpires: bool,
  passwordDaysLeft: long,
  scheduleFor: list(str(NAME), { element: 'webExID' }),
}

const storedProps = {
  ...headProps,
  timeZoneWithDST: str(TEXT),
  ...middleProps,
  defaultCallIn: struct('defaultCallIn', {}),
  tspAccount: list(TspAccount, { element: 'tspAccount' }),
  ...tailProps,
  personalTeleconf: PersonalTeleconf,
  thirdPartyTeleconf: ThirdPartyTeleconf,
  ...profileProps,
  personalMeetingRoom: PersonalMeetingRoom,
  ...afterRoomProps,
  ...outputTailProps,
}

const UserC = struct('User', { ...storedProps, designatedChatUser: bool }, ['webExId'])
/**
 * The stored user: every field GetUser returns, all optional except `webExId`; an absent field
 * reads as its schema default. `designatedChatUser` is engine-only (the seed's host count).
 *
 * @category model
 */
export interface User extends t.TypeOf<typeof UserC> {}
/**
 * Codec for the `User` type: exact, so unknown or mis-cased elements are failures.
 *
 * @category codecs
 * @example
 * ```ts
 * import { User } from 'webex-user-rules'
 * User.is({ webExId: 'jdoe', phones: { PIN: '0427' }, meetingTypes: [214, 216] }) //=> true
 * User.is({ webExId: 'jdoe', Active: 'ACTIVATED' }) //=> false
 * User.decode({ firstName: 'no key' })._tag //=> 'Left'
 * ```
 */
export const User: StructType<User> = UserC

/** What a request may write: the user tree without the output-only elements, accounts in request form. */
const inputProps = {
  ...headProps,
  meetingTypes: list(long, { element: 'meetingType', maxItems: REQUEST_LIST_LIMITS.meetingTypes }),
  ...middleProps,
  tspAccount: list(TspAccountInput, { element: 'tspAccount', maxItems: REQUEST_LIST_LIMITS.accounts }),
  ...tailProps,
  personalTeleconf: PersonalTeleconfInput,
  thirdPartyTeleconf: ThirdPartyTeleconfInput,
  videoSystems: list(VideoCallback, { element: 'videoCallback', maxItems: REQUEST_LIST_LIMITS.videoSystems }),
  personalMeetingRoom: PersonalMeetingRoomInput,
  ...afterRoomProps,
  supportCenter: SupportCenterInputC,
  schedulingTemplates: list(SessionTemplate, {
    element: 'sessionTemplate',
    maxItems: REQUEST_LIST_LIMITS.schedulingTemplates,
  }),
  salesCenter: SalesCenterInputC,
  eventCenter: EventCenter,
}

const SetUserBodyC = struct(
  'SetUserBody',
  { ...inputProps, newWebExId: str(NAME, 1), syncWebOffice: bool, validateFormat: bool },
  ['webExId'],
)
/**
 * The bodyContent of a SetUser request: the user tree (output-only elements excluded), all
 * optional except `webExId`, plus `newWebExId`, `syncWebOffice` and `validateFormat`.
 *
 * @category model
 */
export interface SetUserBody extends t.TypeOf<typeof SetUserBodyC> {}
/**
 * Codec for the `SetUserBody` type.
 *
 * @category codecs
 * @example
 * ```ts
 * import { SetUserBody } from 'webex-user-rules'
 * SetUserBody.is({ webExId: 'jdoe', newWebExId: 'jane', personalTeleconf: { account: [{ accountIndex: 1, autoGenerate: true }] } }) //=> true
 * SetUserBody.is({ webExId: 'jdoe', userId: 962225390 }) //=> false
 * ```
 */
export const SetUserBody: StructType<SetUserBody> = SetUserBodyC

// D-GV-2: GetUser's response (instance) type lists each SME product as product{prodID,name}
// (docs/spec.md §7.6), where a request sends bare prodIDs
const SalesCenterViewC = struct('salesCenter', {
  roles: SalesRolesC,
  manager: str(TEXT),
  smeInfo: struct('smeInfo', {
    description: str(512),
    products: list(struct('product', { prodID: long, name: str(TEXT) }, ['prodID']), {
      element: 'product',
      minItems: 1,
    }),
  }),
})

// D-GV-1: getUserResponse is userInstanceType (the stored tree up to remoteAccess, then
// registrationDate, visitCount, userId, eventCenter), then salesCenter, peExpired, peActive,
// passwordExpires, passwordDaysLeft, schedulingTemplates, scheduleFor: the response type's
// order (docs/spec.md §7.1, §7.6), not the stored user's
const { salesCenter: _requestForm, schedulingTemplates, ...instanceAfterRoomProps } = afterRoomProps
const { peExpired, peActive, passwordExpires, passwordDaysLeft, scheduleFor, ...instanceTailProps } = outputTailProps
const getUserViewProps = {
  ...headProps,
  timeZoneWithDST: storedProps.timeZoneWithDST,
  ...middleProps,
  defaultCallIn: storedProps.defaultCallIn,
  tspAccount: storedProps.tspAccount,
  ...tailProps,
  personalTeleconf: PersonalTeleconfView,
  thirdPartyTeleconf: ThirdPartyTeleconf,
  ...profileProps,
  personalMeetingRoom: PersonalMeetingRoom,
  ...instanceAfterRoomProps,
  ...instanceTailProps,
  salesCenter: SalesCenterViewC,
  peExpired,
  peActive,
  passwordExpires,
  passwordDaysLeft,
  schedulingTemplates,
  scheduleFor,
}

const GetUserViewC = struct('GetUserView', getUserViewProps, ['webExId', 'active'])
/**
 * What GetUser returns for a user: the stored fields (PIN included), the password masked, each
 * PCN account's `joinBeforeHost` equal to `personalTeleconf.joinBeforeHost` (R9), `active` always
 * (D-GV-3), salesCenter's products as `product{prodID}` (D-GV-2), every element in the order of
 * the response type (D-GV-1).
 *
 * @category model
 */
export interface GetUserView extends t.TypeOf<typeof GetUserViewC> {}
/**
 * Codec for the `GetUserView` type.
 *
 * @category codecs
 * @example
 * ```ts
 * import { GetUserView } from 'webex-user-rules'
 * GetUserView.is({ webExId: 'jdoe', active: 'ACTIVATED', password: '******', personalTeleconf: { account: [{ accountIndex: 1, joinBeforeHost: false }] } }) //=> true
 * GetUserView.is({ webExId: 'jdoe', active: 'ACTIVATED', salesCenter: { smeInfo: { products: [{ prodID: 120, name: 'Widgets' }] } } }) //=> true
 * GetUserView.is({ webExId: 'jdoe', active: 'ACTIVATED', salesCenter: { smeInfo: { products: [120] } } }) //=> false
 * ```
 */
export const GetUserView: StructType<GetUserView> = GetUserViewC

const CreateUserBodyC = struct('CreateUserBody', {
  ...inputProps,
  syncWebOffice: bool,
  sendWelcome: bool,
  validateFormat: bool,
})
/**
 * The bodyContent of a CreateUser request: the same tree as SetUser without `newWebExId`, plus
 * `sendWelcome`. The required elements (webExId, email, password, firstName, lastName) are checked
 * by `applyCreateUser`, which answers 030009 when one is missing, as the API does.
 *
 * @category model
 */
export interface CreateUserBody extends t.TypeOf<typeof CreateUserBodyC> {}
/**
 * Codec for the `CreateUserBody` type.
 *
 * @category codecs
 * @example
 * ```ts
 * import { CreateUserBody } from 'webex-user-rules'
 * CreateUserBody.is({ webExId: 'student42', email: 'ana@example.edu', password: 'pw', firstName: 'Ana', lastName: 'Lee', sendWelcome: true }) //=> true
 * CreateUserBody.is({ webExId: 'x', newWebExId: 'y' }) //=> false
 * ```
 */
export const CreateUserBody: StructType<CreateUserBody> = CreateUserBodyC

/** The active states of a user. @category model */
export type ActiveState = NonNullable<User['active']>
