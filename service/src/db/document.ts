/**
 * A user's document as stored (D-SP-11): what differs from a fixed baseline, not the whole
 * document. A stored user is some 3 KB of JSON of which most is the defaults every user carries;
 * each SetUser reads it, has PostgreSQL parse, compress and write it to the WAL, and parses it
 * back. Stored as a difference it is about a quarter of that (675 bytes of 2,977 for a typical user).
 *
 * The format, recognised by its `$base` key (no element of a user is named with a `$`):
 * - `$base`: the version of the baseline the document differs from (1: {@link BASELINE_1});
 * - every key whose value differs from the baseline's, with its value; where both are objects
 *   (not arrays), the difference of the two, recursively;
 * - `$absent`: the keys of the baseline (at that level) the user does not have.
 * A document with a key of its own that starts with `$` (no user has one) is stored whole under
 * `$document`, with `$base: 0` and the elements SQL reads beside it.
 *
 * A document without `$base` is a whole document, as every version before D-SP-11 wrote it; both
 * are read. The elements SQL reads (`doc -> 'active'`, `doc -> 'privilege'`) are stored whole, so
 * the statements that read them see what they saw before.
 */

/** An object of JSON data as `JSON.parse` gives it. */
type JsonObject = Readonly<Record<string, unknown>>

/** The key naming the baseline a stored difference is taken from. */
export const BASE_KEY = '$base'
/** The key listing the keys of the baseline that the user lacks (at that level). */
export const ABSENT_KEY = '$absent'

/** `$base: 0`: no baseline, the whole document is under {@link WHOLE_KEY}. */
export const WHOLE_BASE = 0
/** Where a document stored with {@link WHOLE_BASE} is. */
export const WHOLE_KEY = '$document'

/** The top-level elements stored whole in a difference: the ones the store's SQL reads. */
export const STORED_WHOLE: readonly string[] = ['active', 'privilege']

/**
 * An object this format recurses into. Its inputs are JSON data (`JSON.parse` output, the engine's
 * users), so the prototype is all it checks: the core's `isPlainObject` is the trust check for
 * untrusted input and reads every property descriptor, on every write and read here.
 */
const isPlainObject = (value: unknown): value is JsonObject => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

const has = (object: JsonObject, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(object, key) && object[key] !== undefined

/** Sets `key` as an own property, `__proto__` too (JSON.parse gives such keys; `=` would set the prototype). */
const put = (object: Record<string, unknown>, key: string, value: unknown): void => {
  if (key === '__proto__')
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true })
  else object[key] = value
}

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}

/**
 * Baseline 1: a new user's defaults (`withUserDefaults` of the core on a site without settings,
 * 2026-12-07) without `webExId`, copied rather than imported: the core's defaults may change, what
 * is stored against them may not. NEVER EDIT IT: every document stored with `$base: 1` is read
 * against exactly this. A later baseline is a new constant with the next number, and both are read.
 */
export const BASELINE_1: JsonObject = deepFreeze({
  categoryId: 0,
  address: {
    addressType: 'PERSONAL',
  },
  phones: {
    PIN: '',
  },
  expirationDate: '12/31/2049 23:59:59',
  commOptions: {
    prodAnnounce: false,
    trainingInfo: false,
    electronicInfo: false,
    promos: false,
    press: false,
    email: false,
    fax: false,
    phone: false,
    mail: false,
  },
  options: {
    firstNameVisible: false,
    lastNameVisible: false,
    addressVisible: false,
    workPhoneVisible: false,
    cellPhoneVisible: false,
    pagerVisible: false,
    faxVisible: false,
    officeUrlVisible: false,
    pictureVisible: false,
    notifyOnNewMessage: false,
    notifyOnMeeting: false,
    followMeEnable: false,
    emailVisible: false,
    listInCategory: false,
    titleVisible: false,
    folderRead: false,
    folderWrite: false,
    messageVisible: false,
    iconSelect1: false,
    iconSelect2: false,
    acceptLinkRequest: false,
    holdOnLinkRequest: false,
    notifyOnLinkRequest: false,
    supportVideo: false,
    supportApp: false,
    supportFileShare: false,
    supportDesktopShare: false,
    supportMeetingRecord: false,
    supportAppshareRemote: false,
    supportWebTourRemote: false,
    supportDesktopShareRemote: false,
    subscriptionOffice: false,
    workPhoneCallback: false,
    cellPhoneCallback: false,
    faxCallback: false,
    pagerCallback: false,
  },
  timeZoneID: 4,
  timeZone: 'GMT-08:00, Pacific (San Jose)',
  timeZoneWithDST: 'San Francisco (Pacific Standard Time, GMT-08:00)',
  tracking: {},
  service: 'FREE_OFFICE',
  privilege: {
    host: true,
    teleConfCallOut: false,
    teleConfCallOutInternational: false,
    teleConfCallIn: false,
    teleConfTollFreeCallIn: false,
    siteAdmin: false,
    voiceOverIp: false,
    roSiteAdmin: false,
    labAdmin: false,
    otherTelephony: true,
    teleConfCallInInternational: false,
    attendeeOnly: false,
    recordingEditor: false,
    meetingAssist: false,
    HQvideo: false,
    allowExtAttendees: false,
    HDvideo: false,
    isEnableCET: false,
    isEnablePMR: false,
    teleCLIAuthEnabled: false,
    teleCLIPINEnabled: false,
  },
  language: 'ENGLISH',
  languageID: 1,
  locale: 'U.S.',
  active: 'ACTIVATED',
  defaultCallIn: {},
  supportedServices: {
    meetingCenter: false,
    trainingCenter: false,
    supportCenter: false,
    eventCenter: false,
    salesCenter: false,
  },
  myWebEx: {
    isMyWebExPro: false,
    myContact: false,
    myProfile: false,
    myMeetings: true,
    myFolders: false,
    trainingRecordings: false,
    recordedEvents: false,
    myReports: false,
    personalMeetingRoom: false,
    myPartnerLinks: false,
    myWorkspaces: false,
    totalStorageSize: 0,
    myComputer: 0,
    additionalRecordingStorage: 0,
  },
  personalTeleconf: {
    joinBeforeHost: false,
  },
  videoSystems: [],
  sessionOptions: {
    defaultServiceType: 'MeetingCenter',
    autoDeleteAfterMeetingEnd: false,
    displayQuickStartHost: true,
    displayQuickStartAttendees: false,
  },
  supportCenter: {
    serviceDesk: {
      enable: false,
    },
  },
  security: {
    forceChangePassword: false,
    resetPassword: false,
    lockAccount: false,
  },
  salesCenter: {
    roles: {
      rep: true,
      mgr: false,
      asst: false,
      sme: false,
    },
  },
  visitCount: 0,
  passwordExpires: false,
  passwordDaysLeft: 0,
})

const BASELINES: ReadonlyMap<unknown, JsonObject> = new Map([[1, BASELINE_1]])

/** The baseline new documents are stored against. */
const CURRENT_BASE = 1

/** True when the two values give the same JSON (keys in any order). */
const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]))
  if (!isPlainObject(a) || !isPlainObject(b)) return false
  const keys = Object.keys(a).filter((key) => has(a, key))
  return (
    keys.length === Object.keys(b).filter((key) => has(b, key)).length &&
    keys.every((key) => has(b, key) && sameJson(a[key], b[key]))
  )
}

/**
 * What `value` holds that `base` does not, as described above; undefined when `value` has a key
 * the format reserves (then the document is stored whole).
 */
const differenceFrom = (
  base: JsonObject,
  value: JsonObject,
  whole: readonly string[],
): Record<string, unknown> | undefined => {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    if (key.startsWith('$')) return undefined
    // JSON drops a key whose value is undefined: the user does not have it
    if (!has(value, key)) continue
    const mine = value[key]
    if (!has(base, key) || whole.includes(key)) {
      put(out, key, mine)
      continue
    }
    const theirs = base[key]
    if (isPlainObject(theirs) && isPlainObject(mine)) {
      const inner = differenceFrom(theirs, mine, [])
      if (inner === undefined) return undefined
      if (Object.keys(inner).length > 0) put(out, key, inner)
    } else if (!sameJson(theirs, mine)) put(out, key, mine)
  }
  const absent = Object.keys(base).filter((key) => !has(value, key))
  if (absent.length > 0) out[ABSENT_KEY] = absent
  return out
}

/** `base` with the difference `stored` applied: the inverse of {@link differenceFrom}. */
const withDifference = (base: JsonObject, stored: JsonObject, whole: readonly string[]): Record<string, unknown> => {
  const listed = stored[ABSENT_KEY]
  const absent = new Set(Array.isArray(listed) ? (listed as unknown[]) : [])
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(base)) {
    if (absent.has(key)) continue
    const theirs = base[key]
    if (!has(stored, key)) {
      // the baseline's own (frozen) value: shared by every user that has it unchanged
      put(out, key, theirs)
      continue
    }
    const mine = stored[key]
    put(
      out,
      key,
      !whole.includes(key) && isPlainObject(theirs) && isPlainObject(mine) ? withDifference(theirs, mine, []) : mine,
    )
  }
  for (const key of Object.keys(stored))
    if (!key.startsWith('$') && !Object.prototype.hasOwnProperty.call(base, key)) put(out, key, stored[key])
  return out
}

/** The document to store for `document` (a user without password and userId): its difference. */
export const storedDocumentOf = (document: JsonObject): JsonObject => {
  const difference = differenceFrom(BASELINES.get(CURRENT_BASE) ?? {}, document, STORED_WHOLE)
  if (difference !== undefined) return { [BASE_KEY]: CURRENT_BASE, ...difference }
  // a key the format reserves (no user has one): the document whole, under a key of its own, and
  // beside it what SQL reads at the top level (a deactivated user must still read as deactivated)
  const read: Record<string, unknown> = { [BASE_KEY]: WHOLE_BASE, [WHOLE_KEY]: document }
  for (const key of STORED_WHOLE) if (has(document, key)) read[key] = document[key]
  return read
}

/** Thrown for a stored document whose baseline this version does not know (a later version wrote it). */
export class UnknownBaseline extends Error {}

/** The whole document a stored one describes (a whole document is returned as it is). */
export const documentFromStored = (stored: JsonObject): Record<string, unknown> => {
  if (!Object.prototype.hasOwnProperty.call(stored, BASE_KEY)) return stored
  if (stored[BASE_KEY] === WHOLE_BASE) return stored[WHOLE_KEY] as Record<string, unknown>
  const base = BASELINES.get(stored[BASE_KEY])
  if (base === undefined)
    throw new UnknownBaseline(
      `a user document stored against baseline ${JSON.stringify(stored[BASE_KEY])}, unknown to this version`,
    )
  return withDifference(base, stored, STORED_WHOLE)
}
