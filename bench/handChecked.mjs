// The hand-written same-checks limit (issue 15): what a careful engineer would write by hand for the
// benchmark's request shapes — firstName, phones.PIN, options.*, meetingTypes, privilege.* — making
// the checks applySetUser makes on them and returning the same `{ user, effects, notices }`. It
// validates the request, the site and the stored elements it reads; checks identity, authorization,
// the PIN (R7), the host limit (R6), the R5 gates; merges with spreads; derives the R16 effect. Like
// the engine it takes plain data only: every object it checks is an object literal whose properties
// are enumerable data properties, and a stored element it reads is read from its descriptor, so no
// getter there runs (D-M4; the stored user's other elements are copied unread, as the engine copies
// them). It knows nothing else: any other element is refused, so it cannot win by skipping a rule.

const ROLES = new Set(['siteAdmin', 'roSiteAdmin', 'host', 'attendee'])
const ACTIVE = new Set(['ACTIVATED', 'DEACTIVATED', 'LOCKED'])
const BODY_KEYS = new Set(['webExId', 'firstName', 'phones', 'options', 'meetingTypes', 'privilege'])
const PRIVILEGE_KEYS = new Set([
  'host',
  'teleConfCallOut',
  'teleConfCallOutInternational',
  'teleConfCallIn',
  'teleConfTollFreeCallIn',
  'siteAdmin',
  'voiceOverIp',
  'roSiteAdmin',
  'labAdmin',
  'otherTelephony',
  'teleConfCallInInternational',
  'attendeeOnly',
  'recordingEditor',
  'meetingAssist',
  'HQvideo',
  'HDvideo',
  'isEnableCET',
  'isEnablePMR',
  'teleCLIAuthEnabled',
  'teleCLIPINEnabled',
])
const OPTION_KEYS = new Set([
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
])
const SERVICES = new Set(['meetingCenter', 'trainingCenter', 'supportCenter', 'eventCenter', 'salesCenter'])
// R5: privilege / service flags and the site features each needs (src/rules/optionReset.ts)
const GATES = [
  ['privilege', 'teleConfCallIn', ['callInTeleconferencing']],
  ['privilege', 'teleConfTollFreeCallIn', ['tollFreeCallinTeleconferencing']],
  ['privilege', 'teleConfCallInInternational', ['intlCallInTeleconferencing']],
  ['privilege', 'teleCLIAuthEnabled', ['teleCLIAuthEnabled']],
  ['privilege', 'teleConfCallOut', ['callBackTeleconferencing']],
  ['privilege', 'teleConfCallOutInternational', ['callBackTeleconferencing', 'intlCallBackTeleconferencing']],
  ['privilege', 'otherTelephony', ['supportOtherTypeTeleconf']],
  ['privilege', 'voiceOverIp', ['internetPhone']],
  ['privilege', 'isEnablePMR', ['enablePersonalMeetingRoom']],
  ['privilege', 'HQvideo', ['HQvideo']],
  ['privilege', 'HDvideo', ['HQvideo', 'HDvideo']],
  ['privilege', 'labAdmin', ['handsOnLab']],
  ['eventCenter', 'optimizeAttendeeBandwidthUsage', ['optimizeAttendeeBandwidthUsage']],
  ['supportedServices', 'meetingCenter', ['meetingCenter']],
  ['supportedServices', 'eventCenter', ['eventCenter']],
  ['supportedServices', 'trainingCenter', ['trainingCenter']],
  ['supportedServices', 'supportCenter', ['supportCenter']],
  ['supportedServices', 'salesCenter', ['salesCenter']],
]

const fail = (reason) => ({ _tag: 'Left', left: { reason } })
// plain data, as the engine asks of every object it reads (D-M4): an object literal (or
// null prototype) whose own properties are all enumerable data properties — no getter is run
const hasDataProps = (v) => {
  for (const name of Object.getOwnPropertyNames(v)) {
    const d = Object.getOwnPropertyDescriptor(v, name)
    if (!d.enumerable || !('value' in d)) return false
  }
  return true
}
// an array's items are data properties (its non-enumerable `length` aside)
const hasDataPropsList = (v) => {
  for (let i = 0; i < v.length; i++) {
    const d = Object.getOwnPropertyDescriptor(v, i)
    if (d === undefined || !d.enumerable || !('value' in d)) return false
  }
  return true
}
const isStr = (v, max, min = 0) => typeof v === 'string' && v.length <= max && v.length >= min
const isCount = (v) => Number.isSafeInteger(v) && v >= 0
const isLong = (v) => Number.isSafeInteger(v) && v >= -2147483648 && v <= 2147483647
const isValidPin = (pin) => {
  if (!/^[0-9]{4}$/.test(pin)) return false
  const c = [0, 1, 2, 3].map((i) => pin.charCodeAt(i))
  if (c[1] === c[0] && c[2] === c[0] && c[3] === c[0]) return false
  const up = c[1] - c[0] === 1 && c[2] - c[1] === 1 && c[3] - c[2] === 1
  const down = c[1] - c[0] === -1 && c[2] - c[1] === -1 && c[3] - c[2] === -1
  return !up && !down
}

const plainPrototype = (v) => {
  if (typeof v !== 'object' || v === null) return false
  const proto = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}
const plainObject = (v) => plainPrototype(v) && hasDataProps(v)
// the stored elements the engine reads for these requests (src/pipeline.ts: every request's, and
// firstName when sent): each a data property, read from its descriptor
const STORED_READ = ['webExId', 'privilege', 'active', 'designatedChatUser', 'supportedServices']
STORED_READ.push('eventCenter', 'personalTeleconf', 'phones', 'firstName')
const storedReadAreData = (u) => {
  for (const key of STORED_READ) {
    const d = Object.getOwnPropertyDescriptor(u, key)
    if (d !== undefined && (!d.enumerable || !('value' in d))) return false
  }
  return true
}
const plainStoredUser = (v) => plainPrototype(v) && storedReadAreData(v)
const plainList = (v) => Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype && hasDataPropsList(v)
// what the limit was before issue 14 made the engine check descriptors: shapes only
const anyObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The same checks and the same result as applySetUser, for the benchmark's request shapes. */
const makeHandChecked = (isObject, isList, isObjectShape) => {
  const flagsOk = (v, keys) => {
    if (!isObject(v)) return false
    for (const k in v) if (!keys.has(k) || typeof v[k] !== 'boolean') return false
    return true
  }

  const siteOk = (s) =>
    isObject(s) &&
    isCount(s.activeHostCount) &&
    (s.hostLimit === undefined || isCount(s.hostLimit)) &&
    typeof s.allowUserToChangeUserName === 'boolean' &&
    Array.isArray(s.takenWebExIds) &&
    Array.isArray(s.productIds) &&
    typeof s.controlHubManaged === 'boolean' &&
    (s.features === undefined ||
      (isObject(s.features) && Object.values(s.features).every((f) => typeof f === 'boolean')))

  // of the stored user, like the engine: its prototype, and the elements the rules read (D-M3);
  // the stored meetingTypes are not read on this site (no session-type limits) and are replaced
  const storedOk = (u) =>
    isObjectShape(u) &&
    isStr(u.webExId, 64, 1) &&
    (u.privilege === undefined || flagsOk(u.privilege, PRIVILEGE_KEYS)) &&
    (u.active === undefined || ACTIVE.has(u.active)) &&
    (u.supportedServices === undefined || flagsOk(u.supportedServices, SERVICES)) &&
    (u.phones === undefined || (isObject(u.phones) && (u.phones.PIN === undefined || isStr(u.phones.PIN, 16)))) &&
    (u.personalTeleconf === undefined || isObject(u.personalTeleconf)) &&
    (u.eventCenter === undefined || isObject(u.eventCenter))

  const isHost = (u) => u.active !== 'DEACTIVATED' && u.privilege?.host === true

  return (user, site, request) => {
    if (!isObject(request) || !isObject(request.caller) || !isObject(request.body)) return fail('request')
    const { caller, body } = request
    if (!isStr(caller.webExId, 64, 1) || !ROLES.has(caller.role)) return fail('caller')
    for (const k in body) if (!BODY_KEYS.has(k)) return fail(`unknown ${k}`)
    if (!isStr(body.webExId, 64, 1)) return fail('webExId')
    if (body.firstName !== undefined && !isStr(body.firstName, 64)) return fail('firstName')
    if (body.phones !== undefined) {
      if (!isObject(body.phones)) return fail('phones')
      for (const k in body.phones) if (k !== 'PIN') return fail(`unknown phones.${k}`)
      if (body.phones.PIN !== undefined && !isStr(body.phones.PIN, 16)) return fail('PIN')
    }
    if (body.options !== undefined && !flagsOk(body.options, OPTION_KEYS)) return fail('options')
    if (body.meetingTypes !== undefined) {
      const m = body.meetingTypes
      if (!isList(m) || m.length > 100) return fail('meetingTypes')
      for (const item of m) if (!isLong(item)) return fail('meetingType')
    }
    if (body.privilege !== undefined && !flagsOk(body.privilege, PRIVILEGE_KEYS)) return fail('privilege')
    if (!siteOk(site)) return fail('site')
    if (!storedOk(user)) return fail('user')
    // R20 identity, R11 authorization (a host edits only what a host may; the benchmark's caller is an admin)
    if (body.webExId.toLowerCase() !== user.webExId.toLowerCase()) return fail('identity')
    if (caller.role !== 'siteAdmin') {
      if (caller.role !== 'host' || caller.webExId.toLowerCase() !== user.webExId.toLowerCase()) return fail('access')
      if (body.privilege !== undefined || body.meetingTypes !== undefined) return fail('access')
    }
    const pin = body.phones?.PIN
    if (pin !== undefined && pin !== '' && !isValidPin(pin)) return fail('PIN')
    // merge (R1/R2: lists replaced, containers merged key by key)
    const next = { ...user }
    if (body.firstName !== undefined) next.firstName = body.firstName
    if (pin !== undefined && pin !== '') next.phones = { ...user.phones, PIN: pin }
    if (body.options !== undefined) next.options = { ...user.options, ...body.options }
    if (body.meetingTypes !== undefined) next.meetingTypes = body.meetingTypes
    if (body.privilege !== undefined) next.privilege = { ...user.privilege, ...body.privilege }
    // R5: a setting the site does not support is reset (none is, on the benchmark's site)
    const features = site.features
    const notices = []
    if (features !== undefined)
      for (const [container, key, needs] of GATES)
        if (next[container]?.[key] === true && needs.some((f) => features[f] === false)) {
          next[container] = { ...next[container], [key]: false }
          notices.push({ kind: 'reset', path: `${container}.${key}` })
        }
    // R6 host limit
    if (isHost(next) && !isHost(user) && site.hostLimit !== undefined && site.activeHostCount + 1 > site.hostLimit)
      return fail('host limit')
    // R16: telephony data gets a server in the failover order
    const effects = []
    if (pin !== undefined && pin !== '') {
      const t = site.telephony ?? { primaryLarge: true, nextGen: true, backup2Large: true }
      const server = t.primaryLarge
        ? 'primaryLarge'
        : t.nextGen
          ? 'nextGen'
          : t.backup2Large
            ? 'backup2Large'
            : undefined
      if (server === undefined) return fail('telephony')
      effects.push({ kind: 'provisionTelephony', server })
    }
    return { _tag: 'Right', right: { user: next, effects, notices } }
  }
}

export const handChecked = makeHandChecked(plainObject, plainList, plainStoredUser)
/** The same, trusting that its inputs are plain data (no descriptor checks): for comparison only. */
export const handCheckedShapesOnly = makeHandChecked(anyObject, Array.isArray, anyObject)
