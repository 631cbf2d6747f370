/**
 * The reference model: a deliberately naive SetUser, written from the spec (docs/spec.md, rules
 * R1–R35) and docs/decisions.md, for differential testing against `applySetUser`.
 *
 * It shares nothing with `src/` but types: it deep-copies the stored user with
 * `structuredClone` and edits the copy in place, walks the request as plain JSON (no codec tree),
 * and keeps its own tables (`tables.ts`). It takes inputs that are already valid data (the
 * arbitraries only make valid data); decoding is tested by its own properties.
 *
 * Its errors carry `_tag`, `exceptionID` and the details the spec fixes (paths, names, IDs,
 * counts, and the reasons the seed gives word for word); notices carry `kind` and `path`.
 */
import type { Effect, SetUserRequest, SiteContext, User } from 'webex-user-rules'
import {
  DEFAULT_TRUE,
  FAILOVER,
  GATES,
  IDENTITY_LOCKED,
  isSelfService,
  LICENSED,
  NOT_STORED_BY_MERGE,
  ROLES,
  SELF_SERVICE_PREFIXES,
  TABS,
  TELEPHONY_ERRORS,
} from './tables.js'

type Obj = Record<string, unknown>

/** An error as the model states it. */
export interface ModelError {
  readonly _tag: string
  readonly exceptionID: string
  readonly [detail: string]: unknown
}

/** A notice as the model states it. */
export interface ModelNotice {
  readonly kind: 'ignored' | 'reset' | 'warning'
  readonly path: string
}

/** The model's answer. */
export type ModelResult =
  | { readonly _tag: 'Left'; readonly left: ModelError }
  | {
      readonly _tag: 'Right'
      readonly right: {
        readonly user: User
        readonly effects: readonly Effect[]
        readonly notices: readonly ModelNotice[]
      }
    }

const NO_PRIVILEGE = 'Access denied, additional privileges are required'
const INVALID_PIN =
  'Not a valid PIN! PIN must be 4-digit number and not allow PIN to be Single number values or simple sequences, like 1111 or 1234.'

class Failed extends Error {
  constructor(readonly error: ModelError) {
    super(error._tag)
  }
}
const fail = (error: ModelError): never => {
  throw new Failed(error)
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const obj = (v: unknown): Obj | undefined => (isObj(v) ? v : undefined)
const list = (v: unknown): Obj[] | undefined => (Array.isArray(v) ? (v as Obj[]) : undefined)
const get = (root: unknown, path: string): unknown => {
  let v: unknown = root
  for (const key of path.split('.')) v = isObj(v) ? v[key] : undefined
  return v
}
/** The container at `path`, created (empty) when absent. */
const ensure = (root: Obj, path: string): Obj => {
  let v: Obj = root
  for (const key of path.split('.')) {
    const next = v[key]
    if (isObj(next)) v = next
    else {
      const created: Obj = {}
      v[key] = created
      v = created
    }
  }
  return v
}

// -------------------------------------------------------------------------------------
// R7 PIN
// -------------------------------------------------------------------------------------

/** R7: four ASCII digits, not all the same, not a run of +1 or -1 steps. */
export const modelIsValidPin = (pin: string): boolean => {
  if (pin.length !== 4) return false
  const digits: number[] = []
  for (const c of pin) {
    const d = '0123456789'.indexOf(c)
    if (d < 0) return false
    digits.push(d)
  }
  const steps = [1, 2, 3].map((i) => (digits[i] ?? 0) - (digits[i - 1] ?? 0))
  if (steps.every((s) => s === 0)) return false
  if (steps.every((s) => s === 1)) return false
  if (steps.every((s) => s === -1)) return false
  return true
}

// -------------------------------------------------------------------------------------
// R6 host count
// -------------------------------------------------------------------------------------

/** R6: ACTIVATED (absent reads ACTIVATED), not attendee-only, not a designated chat user. Any role counts. */
export const modelCounts = (user: User): boolean =>
  (user.active ?? 'ACTIVATED') === 'ACTIVATED' &&
  user.privilege?.attendeeOnly !== true &&
  user.designatedChatUser !== true

// -------------------------------------------------------------------------------------
// R11: the present paths of a request, in request order
// -------------------------------------------------------------------------------------

const presentPaths = (value: unknown, path: string, out: string[]): void => {
  if (Array.isArray(value)) {
    if (!out.includes(path)) out.push(path)
    for (const item of value) if (isObj(item)) presentPaths(item, `${path}[]`, out)
  } else if (isObj(value)) {
    const entries = Object.entries(value)
    // D-F2: an empty container counts as sent; one that holds self-service paths is self-service
    if (entries.length === 0 && path !== '' && !out.includes(path)) {
      const mixed = SELF_SERVICE_PREFIXES.some((prefix) => prefix.startsWith(`${path}.`))
      if (!mixed) out.push(path)
    }
    for (const [key, child] of entries) presentPaths(child, path === '' ? key : `${path}.${key}`, out)
  } else if (!out.includes(path)) out.push(path)
}

// -------------------------------------------------------------------------------------
// formats (R18, D-VF)
// -------------------------------------------------------------------------------------

const FORBIDDEN = [' ', '\t', '\n', '\r', '\f', '\v', '<', '>', '"']
const hasForbidden = (s: string): boolean => FORBIDDEN.some((c) => s.includes(c)) || /\s/.test(s)

/** D-R18: `user@host` or a bare host / number, optionally after `sip:` / `sips:`; no spaces. */
const isSipAddress = (address: string): boolean => {
  if (hasForbidden(address)) return false
  let rest = address
  if (rest.startsWith('sips:')) rest = rest.slice(5)
  else if (rest.startsWith('sip:')) rest = rest.slice(4)
  const parts = rest.split('@')
  return parts.length <= 2 && parts.every((p) => p !== '')
}

/** D-VF: one `@`, a dotted domain, no spaces. */
const isEmail = (s: string): boolean => {
  if (hasForbidden(s)) return false
  const parts = s.split('@')
  if (parts.length !== 2) return false
  const [local = '', domain = ''] = parts
  const dot = domain.lastIndexOf('.')
  return local !== '' && dot > 0 && dot < domain.length - 1
}

const isDigits = (s: string, min: number, max: number): boolean =>
  s.length >= min && s.length <= max && Array.from(s).every((c) => c >= '0' && c <= '9')

/** D-VF: "country,area,local" with an optional ",extension". */
const isPhone = (s: string): boolean => {
  const parts = s.split(',')
  if (parts.length !== 3 && parts.length !== 4) return false
  const [country = '', area = '', local = '', ext] = parts
  return (
    isDigits(country, 1, 4) &&
    isDigits(area, 0, 8) &&
    isDigits(local, 1, 20) &&
    (ext === undefined || isDigits(ext, 1, 10))
  )
}

// -------------------------------------------------------------------------------------
// the model
// -------------------------------------------------------------------------------------

const ACCOUNT_LISTS = ['personalTeleconf.account', 'tspAccount', 'thirdPartyTeleconf.account'] as const

const failure = (path: string): Obj => ({ source: 'body', path })

/** Merges `patch` into `target` (edited in place) per R1/R2; returns the target, created only if something is written. */
const merge = (target: Obj | undefined, patch: Obj, path: string): Obj | undefined => {
  let out = target
  for (const [key, value] of Object.entries(patch)) {
    const p = path === '' ? key : `${path}.${key}`
    if (NOT_STORED_BY_MERGE.includes(p)) continue
    if ((p === 'phones.PIN' || p === 'personalMeetingRoom.hostPIN') && value === '') continue // D-R7
    if (Array.isArray(value)) {
      out ??= {}
      out[key] = structuredClone(value) // R2: the request's items, in order
    } else if (isObj(value)) {
      const merged = merge(obj(out?.[key]), value, p)
      if (merged !== undefined) {
        out ??= {}
        out[key] = merged
      }
    } else {
      out ??= {}
      out[key] = value
    }
  }
  return out
}

const run = (current: User, site: SiteContext, request: SetUserRequest): ModelResult => {
  const body = request.body as unknown as Obj
  const caller = request.caller
  const notices: ModelNotice[] = []
  const effects: Effect[] = []

  // R20 identity
  if (request.body.webExId !== current.webExId)
    fail({ _tag: 'UserNotFound', exceptionID: '030001', webExId: request.body.webExId })

  // R11 authorization
  if (caller.role !== 'siteAdmin') {
    if (caller.webExId !== current.webExId)
      fail({ _tag: 'NoPrivilege', exceptionID: '000001', reason: NO_PRIVILEGE, paths: [] })
    const paths: string[] = []
    presentPaths(body, '', paths)
    const denied = paths.filter((p) => !isSelfService(p))
    if (denied.length > 0) fail({ _tag: 'NoPrivilege', exceptionID: '000001', reason: NO_PRIVILEGE, paths: denied })
  }

  // R33: identity on Control Hub sites, changes only
  if (site.commonIdentity === true) {
    const changed: string[] = []
    for (const path of IDENTITY_LOCKED) {
      const sent = get(body, path)
      if (sent === undefined) continue
      if (path === 'newWebExId') {
        if (typeof sent === 'string' && sent.toLowerCase() !== current.webExId.toLowerCase()) changed.push(path)
      } else if (path === 'password') {
        if (sent !== '') changed.push(path)
      } else if (sent !== get(current, path)) changed.push(path)
    }
    if (changed.length > 0) fail({ _tag: 'NoPrivilege', exceptionID: '000001', reason: NO_PRIVILEGE, paths: changed })
    // R34
    for (const role of ['siteAdmin', 'roSiteAdmin']) {
      if (get(body, `privilege.${role}`) === true && get(current, `privilege.${role}`) !== true)
        fail({ _tag: 'RuleViolation', exceptionID: 'E030103', path: `privilege.${role}` })
    }
  }

  // R7
  for (const path of ['phones.PIN', 'personalMeetingRoom.hostPIN']) {
    const pin = get(body, path)
    if (typeof pin !== 'string') continue
    if (pin === '') notices.push({ kind: 'ignored', path })
    else if (!modelIsValidPin(pin)) fail({ _tag: 'InvalidPin', exceptionID: '999999', reason: INVALID_PIN, path })
  }

  // R31 TSP accounts, before R10
  const tspItems = list(body['tspAccount'])
  if (tspItems !== undefined) {
    const heldTsp = (current.tspAccount ?? []).map((a) => a.accountIndex)
    const seenTsp: number[] = []
    let tspDefaults = 0
    tspItems.forEach((item, i) => {
      const index = item['accountIndex'] as number
      const at = `tspAccount[${String(i)}]`
      if (!(index >= 1 && index <= 3) || seenTsp.includes(index))
        fail({ _tag: 'RuleViolation', exceptionID: '030018', path: `${at}.accountIndex` })
      seenTsp.push(index)
      if (item['delete'] === true) return
      if (item['defaultFlag'] === true) tspDefaults += 1
      if (tspDefaults === 2) fail({ _tag: 'RuleViolation', exceptionID: '030014', path: `${at}.defaultFlag` })
      const off = site.tsp?.provisioning === false || site.tsp?.callIn === false
      if (off && !heldTsp.includes(index)) fail({ _tag: 'RuleViolation', exceptionID: '030022', path: at })
      if (item['createOnBridge'] === true && site.tsp?.authorizes === false)
        fail({ _tag: 'RuleViolation', exceptionID: '030013', path: `${at}.createOnBridge` })
    })
  }

  // R10 validation
  for (const path of ACCOUNT_LISTS) {
    const items = list(get(body, path))
    if (items === undefined) continue
    const seen: number[] = []
    let defaults = 0
    items.forEach((item, i) => {
      const index = item['accountIndex'] as number
      if (index < 1 || index > 3 || seen.includes(index))
        fail({ _tag: 'InvalidAccounts', exceptionID: '999999', path: `${path}[${String(i)}].accountIndex` })
      seen.push(index)
      if (item['delete'] !== true && item['defaultFlag'] === true) defaults++
      if (defaults > 1)
        fail({ _tag: 'InvalidAccounts', exceptionID: '999999', path: `${path}[${String(i)}].defaultFlag` })
    })
  }

  // R12
  const security = obj(body['security'])
  if (security !== undefined) {
    if (security['resetPassword'] === true && security['forceChangePassword'] === false)
      fail({ _tag: 'InvalidSecurityOptions', exceptionID: '030053' })
    if (
      security['forceChangePassword'] === false &&
      current.security?.forceChangePassword === true &&
      security['resetPassword'] !== true
    )
      fail({ _tag: 'InvalidSecurityOptions', exceptionID: '030057' })
  }

  // R13 (D-R13: the attendee-only value after the request)
  if (get(body, 'supportCenter.serviceDesk.enable') === true) {
    const sent = get(body, 'privilege.attendeeOnly')
    const attendeeOnly = typeof sent === 'boolean' ? sent : current.privilege?.attendeeOnly === true
    if (attendeeOnly) fail({ _tag: 'ServiceDeskNotSupported', exceptionID: '030045' })
  }

  // R14
  const newName = request.body.newWebExId
  const renames = newName !== undefined && newName !== current.webExId
  if (renames) {
    if (caller.role !== 'siteAdmin' && !site.allowUserToChangeUserName)
      fail({ _tag: 'UserNameChangeNotAllowed', exceptionID: '000001', reason: NO_PRIVILEGE })
    if (
      newName.toLowerCase() !== current.webExId.toLowerCase() &&
      site.takenWebExIds.some((name) => name.toLowerCase() === newName.toLowerCase())
    )
      fail({ _tag: 'WebExIdConflict', exceptionID: '030004', webExId: newName })
  }

  // R18
  const containerFailures: Obj[] = []
  const tabs: readonly string[] | undefined = request.body.supportCenter?.orderTabs
  if (tabs !== undefined && !(tabs.length === TABS.length && TABS.every((tab) => tabs.includes(tab))))
    containerFailures.push(failure('supportCenter.orderTabs'))
  const systems = request.body.videoSystems
  if (systems !== undefined) {
    if (systems.filter((s) => s.defaultFlag === true).length > 1) containerFailures.push(failure('videoSystems'))
    systems.forEach((s, i) => {
      if (!isSipAddress(s.address)) containerFailures.push(failure(`videoSystems[${String(i)}].address`))
    })
  }
  if (containerFailures.length > 0) fail({ _tag: 'InvalidRequest', exceptionID: '999999', failures: containerFailures })

  // D-VF
  if (request.body.validateFormat === true) {
    const formatFailures: Obj[] = []
    const check = (path: string, value: string | undefined, ok: (s: string) => boolean): void => {
      if (value !== undefined && value !== '' && !ok(value)) formatFailures.push(failure(path))
    }
    check('email', request.body.email, isEmail)
    check('email2', request.body.email2, isEmail)
    for (const key of ['phone', 'mobilePhone', 'fax', 'phone2', 'mobilePhone2', 'pager'] as const)
      check(`phones.${key}`, request.body.phones?.[key], isPhone)
    ;(request.body.personalMeetingRoom?.alternateHost?.hosts ?? []).forEach((host, i) => {
      check(`personalMeetingRoom.alternateHost.hosts[${String(i)}].email`, host.email, isEmail)
    })
    if (formatFailures.length > 0) fail({ _tag: 'InvalidRequest', exceptionID: '999999', failures: formatFailures })
  }

  // R22 030056, R21 030003 / 030058
  const password = request.body.password
  if (password !== undefined && password !== '') {
    // an SSO site keeps no passwords unless it says the admin may set them (D-F4)
    const adminMaySet = site.passwords?.adminMaySet ?? site.usesSSO !== true
    if (!adminMaySet) fail({ _tag: 'RuleViolation', exceptionID: '030056', path: 'password' })
    if (site.passwords !== undefined) {
      if (password.length < (site.passwords.minLength ?? 6))
        fail({ _tag: 'RuleViolation', exceptionID: '030003', path: 'password' })
      for (const c of password) {
        const code = c.codePointAt(0) ?? 0
        if (code <= 32 || code >= 127 || c === '"')
          fail({ _tag: 'RuleViolation', exceptionID: '030058', path: 'password' })
      }
    }
  }

  // R27: e-mail characters, every site
  for (const path of ['email', 'email2'] as const) {
    const address = request.body[path]
    if (address === undefined) continue
    for (const c of address) {
      const plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
      if (!plain && !"!#$%&'*+-/=?^_`{|}~.@".includes(c)) fail({ _tag: 'RuleViolation', exceptionID: '030062', path })
    }
  }

  // R26 language
  if (site.languages !== undefined) {
    const name = (request.body.language ?? '').trim().toLowerCase()
    const named = site.languages.filter((l) => l.name.toLowerCase() === name)
    if (name !== '' && named.length === 0) fail({ _tag: 'RuleViolation', exceptionID: '030060', path: 'language' })
    const id = request.body.languageID
    if (id !== undefined) {
      const byId = site.languages.find((l) => l.id === id)
      if (byId === undefined || (named[0] !== undefined && named[0].id !== id))
        fail({ _tag: 'RuleViolation', exceptionID: '030060', path: 'languageID' })
    }
  }

  // R25 MeetingPlace profile number
  const profile = request.body.mpProfileNumber?.trim()
  if (
    site.takenMpProfileNumbers !== undefined &&
    profile !== undefined &&
    profile !== '' &&
    profile !== current.mpProfileNumber?.trim() &&
    site.takenMpProfileNumbers.map((n) => n.trim()).includes(profile)
  )
    fail({ _tag: 'RuleViolation', exceptionID: '030051', path: 'mpProfileNumber', value: profile })

  // R23 schedulingPermission, R24 manager: users of the site, any case
  if (site.siteWebExIds !== undefined) {
    const users = site.siteWebExIds.map((name) => name.toLowerCase())
    const permission = request.body.schedulingPermission
    if (permission !== undefined) {
      const names = permission
        .split(';')
        .map((n) => n.trim())
        .filter((n) => n.length > 0)
      names.forEach((n, i) => {
        if (!users.includes(n.toLowerCase()))
          fail({ _tag: 'RuleViolation', exceptionID: '030019', path: `schedulingPermission[${String(i)}]` })
      })
    }
    const manager = request.body.salesCenter?.manager?.trim()
    if (manager !== undefined && manager !== '' && !users.includes(manager.toLowerCase()))
      fail({ _tag: 'RuleViolation', exceptionID: '030021', path: 'salesCenter.manager' })
  }

  // R30 telephony privileges
  if (site.telephonyPrivilegeErrors === true) {
    const sentAttendee = get(body, 'privilege.attendeeOnly')
    const attendee = typeof sentAttendee === 'boolean' ? sentAttendee : current.privilege?.attendeeOnly === true
    for (const [key, id, feature] of TELEPHONY_ERRORS) {
      if (get(body, `privilege.${key}`) === true && (attendee || site.features?.[feature] === false))
        fail({ _tag: 'RuleViolation', exceptionID: id, path: `privilege.${key}` })
    }
  }

  // R32 My WebEx
  const my = request.body.myWebEx
  const limits = site.myWebEx
  if (my !== undefined && limits !== undefined) {
    if (
      my.isMyWebExPro === true &&
      current.myWebEx?.isMyWebExPro !== true &&
      limits.proLicenses !== undefined &&
      (limits.proLicensesUsed ?? 0) + 1 > limits.proLicenses
    )
      fail({ _tag: 'RuleViolation', exceptionID: '030015', path: 'myWebEx.isMyWebExPro' })
    const storage = my.totalStorageSize ?? current.myWebEx?.totalStorageSize ?? 0
    const extra = my.additionalRecordingStorage ?? current.myWebEx?.additionalRecordingStorage ?? 0
    if (limits.maxStorageSize !== undefined && storage + extra > limits.maxStorageSize) {
      if (my.totalStorageSize !== undefined)
        fail({ _tag: 'RuleViolation', exceptionID: '030016', path: 'myWebEx.totalStorageSize' })
      if (my.additionalRecordingStorage !== undefined)
        fail({ _tag: 'RuleViolation', exceptionID: '030016', path: 'myWebEx.additionalRecordingStorage' })
    }
    if (limits.maxComputers !== undefined && my.myComputer !== undefined && my.myComputer > limits.maxComputers)
      fail({ _tag: 'RuleViolation', exceptionID: '030017', path: 'myWebEx.myComputer' })
  }

  // R4 validation: against the sme value the request results in
  const sme = request.body.salesCenter?.roles?.sme ?? current.salesCenter?.roles?.sme ?? false
  const requestedProducts = request.body.salesCenter?.smeInfo?.products
  if (sme && requestedProducts !== undefined) {
    const unknown: number[] = []
    for (const id of requestedProducts) if (!site.productIds.includes(id) && !unknown.includes(id)) unknown.push(id)
    if (unknown.length > 0) fail({ _tag: 'UnknownProductId', exceptionID: '999999', productIds: unknown })
  }

  // R1 / R2 merge on a deep copy
  const user = structuredClone(current) as unknown as Obj
  merge(user, body, '')

  // R3 role precedence (D-R3: only when the request sends a role flag)
  const sentPrivilege = obj(body['privilege']) ?? {}
  if (ROLES.some((flag) => sentPrivilege[flag] !== undefined)) {
    const privilege = ensure(user, 'privilege')
    const role = ROLES.find((flag) => privilege[flag] === true) ?? 'host'
    for (const flag of ROLES) {
      const sent = sentPrivilege[flag]
      if (sent !== undefined && sent !== (flag === role)) notices.push({ kind: 'ignored', path: `privilege.${flag}` })
    }
    for (const flag of ROLES) {
      if (flag === role) privilege[flag] = true
      else if (privilege[flag] === true) privilege[flag] = false
    }
  }

  // R4 association
  if (sme) {
    if (requestedProducts !== undefined) {
      const stored = current.salesCenter?.smeInfo?.products ?? []
      const products: number[] = []
      for (const id of requestedProducts) if (!stored.includes(id) && !products.includes(id)) products.push(id)
      for (const id of stored) if (requestedProducts.includes(id) && !products.includes(id)) products.push(id)
      ensure(user, 'salesCenter.smeInfo')['products'] = products
    }
  } else {
    for (const key of Object.keys(request.body.salesCenter?.smeInfo ?? {}))
      notices.push({ kind: 'ignored', path: `salesCenter.smeInfo.${key}` })
    // the smeInfo a request sends with sme FALSE is ignored (D-R4), so only stored records are removed
    delete obj(user['salesCenter'])?.['smeInfo']
    if (current.salesCenter?.smeInfo !== undefined) effects.push({ kind: 'smeRecordsRemoved' })
  }

  // R9: account-level joinBeforeHost is ignored
  ;(request.body.personalTeleconf?.account ?? []).forEach((account, i) => {
    if (account.joinBeforeHost !== undefined)
      notices.push({ kind: 'ignored', path: `personalTeleconf.account[${String(i)}].joinBeforeHost` })
  })

  // R10 accounts, keyed by index
  for (const path of ACCOUNT_LISTS) {
    const items = list(get(body, path))
    if (items === undefined) continue
    const storedAccounts = list(get(current, path))
    let accounts = (storedAccounts ?? []).map((a) => structuredClone(a))
    let newDefault: unknown
    items.forEach((item, i) => {
      const index = item['accountIndex']
      if (item['delete'] === true) {
        if (!accounts.some((a) => a['accountIndex'] === index))
          notices.push({ kind: 'ignored', path: `${path}[${String(i)}].delete` })
        accounts = accounts.filter((a) => a['accountIndex'] !== index)
        return
      }
      const stored: Obj = { ...item }
      delete stored['delete']
      delete stored['autoGenerate']
      delete stored['joinBeforeHost']
      accounts = [...accounts.filter((a) => a['accountIndex'] !== index), stored]
      if (item['defaultFlag'] === true) newDefault = index
    })
    if (newDefault !== undefined)
      for (const a of accounts)
        if (a['accountIndex'] !== newDefault && a['defaultFlag'] === true) a['defaultFlag'] = false
    accounts.sort((a, b) => (a['accountIndex'] as number) - (b['accountIndex'] as number))
    // D-R10: sent empty (or deleting what is not there) changes nothing
    if (storedAccounts === undefined && accounts.length === 0) continue
    const dot = path.lastIndexOf('.')
    const container = dot < 0 ? user : ensure(user, path.slice(0, dot))
    container[path.slice(dot + 1)] = accounts
  }

  // R14 rename
  if (renames) user['webExId'] = newName

  // R5 reset, over the whole result
  const features = site.features ?? {}
  for (const gate of GATES) {
    const missing = gate.features.filter((f) => Object.hasOwn(features, f) && features[f] === false)
    if (missing.length === 0) continue
    const value = get(user, `${gate.container}.${gate.key}`)
    const effective = typeof value === 'boolean' ? value : DEFAULT_TRUE.includes(`${gate.container}.${gate.key}`)
    if (!effective) continue
    ensure(user, gate.container)[gate.key] = false
    notices.push({ kind: 'reset', path: `${gate.container}.${gate.key}` })
  }
  const result = user as unknown as User

  // R6 host limit
  const before = modelCounts(current)
  const after = modelCounts(result)
  if (site.hostLimit !== undefined && after && !before && site.activeHostCount + 1 > site.hostLimit)
    fail({
      _tag: 'ExceededSiteHostLimit',
      exceptionID: '030010',
      reason: 'exceededSiteHostLimit',
      hostLimit: site.hostLimit,
      hostCount: site.activeHostCount + 1,
    })

  // R8 PCN needs the PIN in effect after the request
  const edited = (request.body.personalTeleconf?.account ?? []).findIndex((a) => a.delete !== true)
  if (edited >= 0) {
    const pin = result.phones?.PIN
    if (pin === undefined || !modelIsValidPin(pin))
      fail({
        _tag: 'ValidPinRequired',
        exceptionID: '999999',
        reason: 'valid PIN is required',
        path: `personalTeleconf.account[${String(edited)}]`,
      })
  }

  // R16 telephony
  const sentPin = request.body.phones?.PIN
  let telephony: Effect | undefined
  if ((sentPin !== undefined && sentPin !== '') || request.body.personalTeleconf !== undefined) {
    const up = (site.telephony ?? { primaryLarge: true, nextGen: true, backup2Large: true }) as unknown as Obj
    const server = FAILOVER.find((s) => up[s] === true)
    if (server === undefined) fail({ _tag: 'TelephonyUnavailable', exceptionID: '000035' })
    telephony = { kind: 'provisionTelephony', server: server as 'primaryLarge' }
  }

  // R28 PCN needs a Meeting Center Pro type (requests that touch accounts or meetingTypes)
  const pro = site.meetingCenterProTypes
  const sentTypes = request.body.meetingTypes
  if (pro !== undefined && (edited >= 0 || sentTypes !== undefined)) {
    const hasAccounts = (result.personalTeleconf?.account ?? []).length > 0
    const hasPro = (result.meetingTypes ?? []).some((t) => pro.includes(t))
    if (hasAccounts && !hasPro)
      fail({
        _tag: 'RuleViolation',
        exceptionID: '030077',
        path: sentTypes !== undefined ? 'meetingTypes' : `personalTeleconf.account[${String(edited)}]`,
      })
  }

  // R29 session-type limits: the types the user gains
  for (const type of result.meetingTypes ?? []) {
    if ((current.meetingTypes ?? []).includes(type)) continue
    const limit = site.sessionTypeLimits?.find((l) => l.sessionType === type)
    if (limit !== undefined && limit.users + 1 > limit.limit)
      fail({ _tag: 'RuleViolation', exceptionID: '110055', path: 'meetingTypes', value: String(type) })
  }

  // R35: PCN accounts and no valid PIN
  if ((result.personalTeleconf?.account ?? []).length > 0 && !modelIsValidPin(result.phones?.PIN ?? ''))
    notices.push({ kind: 'warning', path: 'phones.PIN' })

  // effects, in the order of D-§4
  const ordered: Effect[] = []
  if (renames) ordered.push({ kind: 'renamed', from: current.webExId, to: newName })
  if (security !== undefined) {
    const was = current.security ?? {}
    if (security['resetPassword'] === true) ordered.push({ kind: 'passwordReset' })
    if (security['forceChangePassword'] === true && was.forceChangePassword !== true)
      ordered.push({ kind: 'passwordChangeForced' })
    if (security['lockAccount'] === true && was.lockAccount !== true) ordered.push({ kind: 'accountLocked' })
    if (security['lockAccount'] === false && was.lockAccount === true) ordered.push({ kind: 'accountUnlocked' })
  }
  ordered.push(...effects) // smeRecordsRemoved
  for (const account of request.body.personalTeleconf?.account ?? [])
    if (account.autoGenerate === true && account.delete !== true)
      ordered.push({ kind: 'generateAccessCodes', accountIndex: account.accountIndex })
  if (telephony !== undefined) ordered.push(telephony)
  if (site.controlHubManaged) {
    for (const service of LICENSED) {
      const was = before && get(current, `supportedServices.${service}`) === true
      const is = after && get(result, `supportedServices.${service}`) === true
      if (is && !was) ordered.push({ kind: 'assignMeetingLicense', service: service as 'meetingCenter' })
      if (was && !is) ordered.push({ kind: 'removeMeetingLicense', service: service as 'meetingCenter' })
    }
  }
  if (request.body.syncWebOffice === true) ordered.push({ kind: 'syncWebOffice' })

  return { _tag: 'Right', right: { user: result, effects: ordered, notices } }
}

/** The reference answer for valid inputs. */
export const modelSetUser = (current: User, site: SiteContext, request: SetUserRequest): ModelResult => {
  try {
    return run(current, site, request)
  } catch (e) {
    if (e instanceof Failed) return { _tag: 'Left', left: e.error }
    throw e
  }
}
