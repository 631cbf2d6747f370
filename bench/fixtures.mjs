// Realistic inputs for the benchmark: a user with ~110 leaf fields and lists of `listSize`, a
// typical request, and the site. Built fresh on each call (never frozen unless asked).

const range = (n, f) => Array.from({ length: n }, (_, i) => f(i))

const OPTION_KEYS = [
  'firstNameVisible',
  'lastNameVisible',
  'addressVisible',
  'workPhoneVisible',
  'cellPhoneVisible',
  'pagerVisible',
  'faxVisible',
  'officeUrlVisible',
  'pictureVisible',
  'notifyOnNewMessage',
  'notifyOnMeeting',
  'followMeEnable',
  'emailVisible',
  'listInCategory',
  'titleVisible',
  'folderRead',
  'folderWrite',
  'messageVisible',
  'iconSelect1',
  'iconSelect2',
  'acceptLinkRequest',
  'holdOnLinkRequest',
  'notifyOnLinkRequest',
  'supportVideo',
  'supportApp',
  'supportFileShare',
  'supportDesktopShare',
  'supportMeetingRecord',
  'supportAppshareRemote',
  'supportWebTourRemote',
  'supportDesktopShareRemote',
  'subscriptionOffice',
  'workPhoneCallback',
  'cellPhoneCallback',
  'faxCallback',
  'pagerCallback',
]

/** A user like a real GetUser response (corpus getuser-response-atlas-1), with lists of `listSize`. */
export const realisticUser = (listSize = 10) => ({
  firstName: 'Jane',
  lastName: 'Doe',
  categoryId: 36,
  webExId: 'jdoe@example.com',
  address: {
    addressType: 'PERSONAL',
    address1: '170 West Tasman Dr',
    city: 'San Jose',
    state: 'CA',
    zipCode: '95134',
    country: 'United States',
  },
  phones: { phone: '1,408,5551234', mobilePhone: '1,408,5550000', fax: '1,408,5559999', PIN: '4826' },
  email: 'jdoe@example.com',
  password: 'Secret-123',
  personalUrl: 'pr1454974599154',
  expirationDate: '12/31/2049 23:59:59',
  commOptions: {
    prodAnnounce: true,
    trainingInfo: true,
    electronicInfo: true,
    promos: true,
    press: true,
    email: true,
    fax: true,
    phone: true,
    mail: true,
  },
  meetingTypes: range(listSize, (i) => 200 + i),
  options: Object.fromEntries(OPTION_KEYS.map((k, i) => [k, i % 3 === 0])),
  timeZoneID: 4,
  timeZone: 'GMT-08:00, Pacific (San Jose)',
  tracking: { trackingCode1: 'Sales', trackingCode2: 'EMEA' },
  service: 'FREE_OFFICE',
  privilege: {
    host: true,
    teleConfCallOut: true,
    teleConfCallOutInternational: true,
    teleConfCallIn: true,
    teleConfTollFreeCallIn: true,
    siteAdmin: false,
    voiceOverIp: true,
    roSiteAdmin: false,
    labAdmin: false,
    otherTelephony: false,
    teleConfCallInInternational: true,
    attendeeOnly: false,
    recordingEditor: true,
    meetingAssist: false,
    HQvideo: true,
    HDvideo: true,
    isEnableCET: true,
    isEnablePMR: true,
    teleCLIAuthEnabled: false,
    teleCLIPINEnabled: false,
  },
  language: 'ENGLISH',
  locale: 'U.S.',
  active: 'ACTIVATED',
  supportedServices: {
    meetingCenter: true,
    trainingCenter: false,
    supportCenter: false,
    eventCenter: true,
    salesCenter: false,
  },
  myWebEx: {
    isMyWebExPro: true,
    myContact: true,
    myProfile: true,
    myMeetings: true,
    myFolders: true,
    trainingRecordings: true,
    recordedEvents: true,
    totalStorageSize: 1000,
    myReports: true,
    myComputer: 0,
    personalMeetingRoom: true,
    myPartnerLinks: false,
    myWorkspaces: false,
  },
  personalTeleconf: { joinBeforeHost: false },
  videoSystems: range(listSize, (i) => ({
    systemName: `Room ${i}`,
    address: `room${i}@example.com`,
    defaultFlag: i === 0,
  })),
  personalMeetingRoom: {
    title: "Jane Doe's Personal Room",
    hostPIN: '6514',
    applyPMRForInstantMeeting: true,
    PMRAutoLock: false,
    PMRAutoLockWaitTime: 0,
    PRNotifications: { mode: 'EMAIL' },
    alternateHost: { allowAnyoneHostMyPMR: false, hosts: range(listSize, (i) => ({ email: `alt${i}@example.com` })) },
  },
  sessionOptions: {
    defaultSessionType: 216,
    defaultServiceType: 'EventCenter',
    autoDeleteAfterMeetingEnd: true,
    displayQuickStartHost: true,
    displayQuickStartAttendees: false,
  },
  supportCenter: { serviceDesk: { enable: false } },
  security: { forceChangePassword: false, resetPassword: false, lockAccount: false },
  languageID: 1,
  webACDPrefs: {
    isAgent: false,
    isMgr: false,
    numAgentSessions: 0,
    agentMonitorAllRSQueues: false,
    managerMonitorAllRSQueues: false,
    monitorAllRSAgents: false,
  },
  eventCenter: { optimizeAttendeeBandwidthUsage: true },
  scheduleFor: range(listSize, (i) => `delegate${i}@example.com`),
})

/** The typical request of the issue: firstName, phones.PIN, one option, meetingTypes [105], privilege.host. */
export const typicalBody = () => ({
  webExId: 'jdoe@example.com',
  firstName: 'Janet',
  phones: { PIN: '5829' },
  options: { emailVisible: true },
  meetingTypes: [105],
  privilege: { host: true },
})

export const typicalRequest = () => ({
  caller: { webExId: 'admin@example.com', role: 'siteAdmin' },
  body: typicalBody(),
})

export const site = () => ({
  hostLimit: 500,
  activeHostCount: 120,
  allowUserToChangeUserName: false,
  takenWebExIds: range(1000, (i) => `user${i}@example.com`),
  productIds: [120, 123, 124],
  controlHubManaged: false,
  features: { HDvideo: true, handsOnLab: false },
})

/** The change the typical request makes, written by hand with spreads: the physical limit. */
export const handWritten = (user) => ({
  ...user,
  firstName: 'Janet',
  phones: { ...user.phones, PIN: '5829' },
  options: { ...user.options, emailVisible: true },
  meetingTypes: [105],
  privilege: { ...user.privilege, host: true },
})

export const deepFreeze = (value) => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
