/**
 * What decided each part of a result: one row per rule, carrying the rule id, the pipeline stage
 * it runs in, the sentence of the SetUser reference page (or the spec / decision text where the
 * page is silent) and what the rule claims of a result — the changed paths it writes, the notices
 * and effects it gives, the errors it answers with.
 *
 * The explain trace is computed from these rows alone: a new rule plugs in by adding a row here
 * (the explain code does not change), and the explain properties fail while any changed path,
 * notice, effect or error is claimed by no row (D-PG1).
 *
 * @module
 */
import type { SetUserError } from '../errors/SetUserError.js'
import type { EffectKind, Notice } from '../model/result.js'

/**
 * The pipeline stages in the order they run (docs/spec.md §4), CreateUser's defaults first.
 *
 * @category explain
 * @example
 * ```ts
 * import { EXPLAIN_STAGES } from 'webex-user-rules/explain'
 * EXPLAIN_STAGES[0] //=> 'decode'
 * ```
 */
export const EXPLAIN_STAGES = [
  'decode',
  'identity',
  'authorization',
  'validation',
  'defaults',
  'merge',
  'reset',
  'site-wide',
  'effects',
] as const

/** A stage of the pipeline. @category explain */
export type ExplainStage = (typeof EXPLAIN_STAGES)[number]

/**
 * Where the text of a rule comes from: the SetUser reference page itself (`seed`), the rule
 * specification where the page gives no sentence (`spec`), or a recorded decision (`decision`).
 *
 * @category explain
 */
export interface RuleSource {
  readonly kind: 'seed' | 'spec' | 'decision'
  /** The sentence itself, word for word. */
  readonly text: string
}

/** A changed element path as a rule row sees it. @category explain */
export interface ChangeContext {
  /** The path, e.g. `privilege.host` or `meetingTypes` (a list is one path). */
  readonly path: string
  readonly before: unknown
  readonly after: unknown
  /** The value the request sent at this path; `undefined` when it sent none. */
  readonly sent: unknown
  /** Whether the request sent the path at all. */
  readonly isSent: boolean
  /** The result's notices (a reset notice names the path it reset). */
  readonly notices: readonly Notice[]
  /** The operation: CreateUser starts from the schema defaults, SetUser from the stored user. */
  readonly operation: ExplainOperation
}

/** The operations that explain themselves. @category explain */
export type ExplainOperation = 'SetUser' | 'CreateUser'

/** One rule of the pipeline and what it claims of a result. @category explain */
export interface RuleRow {
  /** `R1`…, or a decision id such as `D-OP1`. */
  readonly rule: string
  readonly title: string
  /** Where changes and notices of this rule happen. */
  readonly stage: ExplainStage
  readonly source: RuleSource
  /** Changed paths this rule wrote (rows are asked from the last writer to the first). */
  readonly change?: (change: ChangeContext) => boolean
  /** Notices this rule gave. */
  readonly notice?: (notice: Notice) => boolean
  /** Effects this rule asks for. */
  readonly effects?: readonly EffectKind[]
  /** Errors this rule answers with, and the stage it fails in. */
  readonly error?: {
    readonly stage: ExplainStage
    readonly claims: (error: SetUserError, operation: ExplainOperation) => boolean
  }
}

const ACCOUNT_LISTS = ['personalTeleconf.account', 'tspAccount', 'thirdPartyTeleconf.account']
const ROLE_FLAGS = ['privilege.siteAdmin', 'privilege.roSiteAdmin', 'privilege.host']

const under = (path: string, prefixes: readonly string[]): boolean =>
  prefixes.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`))

/** A failure of an `InvalidRequest`, by what it expected. */
const invalidWhere =
  (test: (expected: string, path: string) => boolean) =>
  (error: SetUserError): boolean =>
    error._tag === 'InvalidRequest' && error.failures.some((f) => test(f.expected, f.path))

const isR18Failure = (expected: string): boolean =>
  expected.includes('exactly once') || expected.includes('default video system') || expected.includes('SIP address')
const isFormatFailure = (expected: string): boolean =>
  expected.startsWith('an e-mail address') || expected.startsWith('a phone number')
const isMergeFailure = (expected: string): boolean => expected === 'an element with children'

const SEED_MERGE =
  'In general, the SetUser request only updates the elements (simple or complex) that are explicitly specified. Unspecified elements remain unchanged.'

/**
 * The rules in pipeline order. Changed paths are claimed by the first row whose `change` accepts
 * them, so the rules that write last (R5 reset) come before the merge that wrote first.
 *
 * @category explain
 * @example
 * ```ts
 * import { RULE_ROWS } from 'webex-user-rules/explain'
 * RULE_ROWS.find((row) => row.rule === 'R7')?.source.text.startsWith('Single number values') //=> true
 * ```
 */
export const RULE_ROWS: readonly RuleRow[] = [
  {
    rule: 'D-M3',
    title: 'decode',
    stage: 'decode',
    source: {
      kind: 'spec',
      text: 'Output-only fields are rejected on input; unknown or mis-cased elements, wrong types and values out of range are InvalidRequest naming each failing path.',
    },
    error: {
      stage: 'decode',
      claims: (error) =>
        error._tag === 'InvalidRequest' &&
        !error.failures.some(
          (f) => isR18Failure(f.expected) || isFormatFailure(f.expected) || isMergeFailure(f.expected),
        ),
    },
  },
  {
    rule: 'R20',
    title: 'identity',
    stage: 'identity',
    source: {
      kind: 'spec',
      text: '`body.webExId` must equal `current.webExId` (the embedder looked the user up by it) ⇒ else `UserNotFound`.',
    },
    error: { stage: 'identity', claims: (error) => error._tag === 'UserNotFound' },
  },
  {
    rule: 'R9',
    title: 'joinBeforeHost',
    stage: 'merge',
    source: {
      kind: 'seed',
      text: 'Create/SetUser will only allow the site admin to specify <personalTeleconf><joinBeforeHost> for the host. If the <personalTeleconf><account><joinBeforeHost> value is set through the XML API Create/SetUser request, this input value will now be ignored.',
    },
    notice: (n) => n.kind === 'ignored' && /^personalTeleconf\.account\[\d+\]\.joinBeforeHost$/.test(n.path),
    error: {
      stage: 'authorization',
      claims: (error) =>
        error._tag === 'NoPrivilege' &&
        error.paths.length > 0 &&
        error.paths.every((p) => p === 'personalTeleconf.joinBeforeHost'),
    },
  },
  {
    rule: 'R11',
    title: 'authorization',
    stage: 'authorization',
    source: { kind: 'seed', text: 'Allows site administrators to update the information of an existing user.' },
    error: { stage: 'authorization', claims: (error) => error._tag === 'NoPrivilege' },
  },
  {
    rule: 'R7',
    title: 'PIN',
    stage: 'validation',
    source: {
      kind: 'seed',
      text: 'Single number values and simple sequences, like 1111 or 1234 are not allowed. If value is not a valid PIN, the XML API throws the exception: WBXValidationException (ID=999999, "Not a valid PIN! PIN must be 4-digit number and not allow PIN to be Single number values or simple sequences, like 1111 or 1234.")',
    },
    notice: (n) => n.kind === 'ignored' && (n.path === 'phones.PIN' || n.path === 'personalMeetingRoom.hostPIN'),
    error: { stage: 'validation', claims: (error) => error._tag === 'InvalidPin' },
  },
  {
    rule: 'R12',
    title: 'security options',
    stage: 'validation',
    source: {
      kind: 'seed',
      text: 'Users can be forced to change their password on their next login or locked out of their account entirely by Site Admin.',
    },
    effects: ['passwordReset', 'passwordChangeForced', 'accountLocked', 'accountUnlocked'],
    error: { stage: 'validation', claims: (error) => error._tag === 'InvalidSecurityOptions' },
  },
  {
    rule: 'R13',
    title: 'Service Desk',
    stage: 'validation',
    source: {
      kind: 'seed',
      text: 'The enable element has been added to support the “Create this user as administrator on the Service Desk site” option in Site Admin.',
    },
    error: { stage: 'validation', claims: (error) => error._tag === 'ServiceDeskNotSupported' },
  },
  {
    rule: 'R14',
    title: 'rename',
    stage: 'merge',
    source: {
      kind: 'seed',
      text: 'SetUser allows the user to change their user name via the newWebExId element. If the Site Admin has enabled the “Allow user to change user name” setting then the user can change their setting as long as it does not conflict with a prior name.',
    },
    change: (c) => c.path === 'webExId',
    effects: ['renamed'],
    error: {
      stage: 'validation',
      claims: (error, operation) =>
        error._tag === 'UserNameChangeNotAllowed' || (error._tag === 'WebExIdConflict' && operation === 'SetUser'),
    },
  },
  {
    rule: 'R18',
    title: 'containers',
    stage: 'validation',
    source: {
      kind: 'seed',
      text: 'The following containers and their associated elements were added: personalMeetingRoom, sessionOptions, supportCenter, schedulingTemplates and orderTabs. This allows the API to return additional fields from My Profile.',
    },
    error: { stage: 'validation', claims: invalidWhere((expected) => isR18Failure(expected)) },
  },
  {
    rule: 'D-VF',
    title: 'validateFormat',
    stage: 'validation',
    source: {
      kind: 'decision',
      text: 'TRUE makes the engine check the format of the e-mail addresses and phone numbers the request sends; FALSE or absent checks only the schema limits.',
    },
    error: { stage: 'validation', claims: invalidWhere((expected) => isFormatFailure(expected)) },
  },
  {
    rule: 'R10',
    title: 'accounts',
    stage: 'merge',
    source: {
      kind: 'spec',
      text: '`personalTeleconf.account`, `tspAccount` and `thirdPartyTeleconf.account` are keyed by `accountIndex` (1..3): an item with an index replaces or creates that account, `delete: true` removes it, unmentioned accounts stay.',
    },
    change: (c) => under(c.path, ACCOUNT_LISTS),
    notice: (n) => n.kind === 'ignored' && under(n.path, ACCOUNT_LISTS) && n.path.endsWith('.delete'),
    effects: ['generateAccessCodes'],
    error: { stage: 'validation', claims: (error) => error._tag === 'InvalidAccounts' },
  },
  {
    rule: 'R4',
    title: 'SME / prodID association',
    stage: 'merge',
    source: {
      kind: 'seed',
      text: 'If sme is TRUE and a specified prodID does not exist on the site, a validation error occurs. If more than one prodID is specified, the request updates the association between smeInfo and products. If sme is FALSE, then all the smeInfo related records associated with this user are removed automatically.',
    },
    change: (c) =>
      c.path === 'salesCenter.smeInfo.products' || (under(c.path, ['salesCenter.smeInfo']) && c.after === undefined),
    notice: (n) => n.kind === 'ignored' && under(n.path, ['salesCenter.smeInfo']),
    effects: ['smeRecordsRemoved'],
    error: { stage: 'validation', claims: (error) => error._tag === 'UnknownProductId' },
  },
  {
    rule: 'R5',
    title: 'invalid-option reset',
    stage: 'reset',
    source: { kind: 'seed', text: 'After validation, any invalid settings will be automatically reset to “off”.' },
    change: (c) => c.notices.some((n) => n.kind === 'reset' && n.path === c.path),
    notice: (n) => n.kind === 'reset',
  },
  {
    rule: 'R2',
    title: 'replace-on-list',
    stage: 'merge',
    source: {
      kind: 'seed',
      text: 'However, if a complex element (like <meetingType>) that contains 0..n or 1..n sub elements is specified, then the entire set of sub elements is updated.',
    },
    change: (c) => c.isSent && Array.isArray(c.sent) && sameValue(c.sent, c.after),
  },
  {
    rule: 'R1',
    title: 'merge',
    stage: 'merge',
    source: { kind: 'seed', text: SEED_MERGE },
    change: (c) => c.isSent && sameValue(c.sent, c.after),
    error: { stage: 'merge', claims: invalidWhere((expected) => isMergeFailure(expected)) },
  },
  {
    rule: 'R3',
    title: 'role precedence',
    stage: 'merge',
    source: {
      kind: 'seed',
      text: 'If more than one is set to TRUE, the role of the user is automatically determined in the sequence of siteAdmin, roSiteAdmin and host. If none of the three elements is set to TRUE, then the default role of the user is host.',
    },
    change: (c) => ROLE_FLAGS.includes(c.path),
    notice: (n) => n.kind === 'ignored' && ROLE_FLAGS.includes(n.path),
  },
  {
    rule: 'D-OP1',
    title: 'CreateUser defaults',
    stage: 'defaults',
    source: {
      kind: 'decision',
      text: "Only a site admin creates users. The required elements are webExId, password, email, firstName and lastName; a taken webExId is 030004, a taken email 030005. The new user starts from the defaults of a new user (D-NU: the schema defaults, the site's time zone and language, and every other element a real GetUser answer always carries) written out so that GetUser shows them; then the SetUser rules apply.",
    },
    change: (c) => c.operation === 'CreateUser' && !c.isSent,
    effects: ['sendWelcome'],
    error: {
      stage: 'validation',
      claims: (error, operation) =>
        operation === 'CreateUser' &&
        (error._tag === 'MissingRequiredElements' ||
          error._tag === 'EmailConflict' ||
          error._tag === 'WebExIdConflict'),
    },
  },
  {
    rule: 'R6',
    title: 'host limit',
    stage: 'site-wide',
    source: {
      kind: 'seed',
      text: "The SetUser command returns an exceededSiteHostLimit error if an attempt to change a user's active=ACTIVATED parameter means that the WebEx site's host limit would be exceeded.",
    },
    error: { stage: 'site-wide', claims: (error) => error._tag === 'ExceededSiteHostLimit' },
  },
  {
    rule: 'R8',
    title: 'PCN needs a PIN',
    stage: 'site-wide',
    source: {
      kind: 'seed',
      text: 'The host must set a PIN before a PCN account can be added or edited. If a valid PIN does not exist, the XML API returns the error message: "valid PIN is required".',
    },
    error: { stage: 'site-wide', claims: (error) => error._tag === 'ValidPinRequired' },
  },
  {
    rule: 'R16',
    title: 'telephony failover',
    stage: 'site-wide',
    source: {
      kind: 'seed',
      text: 'If the Primary Large Telephony Server is unavailable, the page first tries to connect to the NextGen telephony server. If that connection is unavailable, the page will connect to the Backup 2 Large server instead.',
    },
    effects: ['provisionTelephony'],
    error: { stage: 'site-wide', claims: (error) => error._tag === 'TelephonyUnavailable' },
  },
  {
    rule: 'R15',
    title: 'Control Hub licences',
    stage: 'effects',
    source: {
      kind: 'seed',
      text: 'On Control Hub managed sites SetUser can also result in assigning or removing meeting sites licenses from the user.',
    },
    effects: ['assignMeetingLicense', 'removeMeetingLicense'],
  },
  {
    rule: 'R17',
    title: 'WebOffice sync',
    stage: 'effects',
    source: {
      kind: 'seed',
      text: 'The following APIs will now synchronize their information if the syncWebOffice flag has been set to true: CreateUser, SetUser, DelUser, ActivateUser and InactivateUser.',
    },
    effects: ['syncWebOffice'],
  },
  {
    rule: 'R21',
    title: 'password rules',
    stage: 'validation',
    source: {
      kind: 'spec',
      text: "Password too short (030003) or with characters the site does not allow (030058): the site's password policy.",
    },
    error: { stage: 'validation', claims: (error) => error._tag === 'RuleViolation' && error.rule === 'R21' },
  },
  {
    rule: 'R22',
    title: 'who sets passwords',
    stage: 'validation',
    source: {
      kind: 'spec',
      text: 'A password is refused where an identity provider keeps passwords: an SSO site that does not let the admin set them, or any site whose passwords.adminMaySet is FALSE (030056). CreateUser without a password, where the site lets the admin omit one, must force a reset (030055).',
    },
    error: { stage: 'validation', claims: (error) => error._tag === 'RuleViolation' && error.rule === 'R22' },
  },
  {
    rule: 'R23',
    title: 'schedulingPermission',
    stage: 'validation',
    source: {
      kind: 'spec',
      text: 'schedulingPermission names site users, separated by semicolons: an unknown one is 030019.',
    },
    error: { stage: 'validation', claims: (error) => error._tag === 'RuleViolation' && error.rule === 'R23' },
  },
  {
    rule: 'R24',
    title: 'Sales Center manager',
    stage: 'validation',
    source: { kind: 'spec', text: 'salesCenter.manager must be a user of the site: else 030021.' },
    error: { stage: 'validation', claims: (error) => error._tag === 'RuleViolation' && error.rule === 'R24' },
  },
  {
    rule: 'R25',
    title: 'MeetingPlace profile number',
    stage: 'validation',
    source: { kind: 'spec', text: 'A MeetingPlace profile number another user holds is 030051.' },
    error: { stage: 'validation', claims: (error) => error._tag === 'RuleViolation' && error.rule === 'R25' },
  },
  {
    rule: 'R26',
    title: 'language',
    stage: 'validation',
    source: { kind: 'spec', text: 'A language the site does not offer is 030060.' },
    error: { stage: 'validation', claims: (error) => error._tag === 'RuleViolation' && error.rule === 'R26' },
  },
  {
    rule: 'R27',
    title: 'e-mail characters',
    stage: 'validation',
    source: { kind: 'spec', text: 'An e-mail address with characters an address cannot hold is 030062.' },
    error: { stage: 'validation', claims: (error) => error._tag === 'RuleViolation' && error.rule === 'R27' },
  },
  {
    rule: 'R28',
    title: 'PCN needs Meeting Center Pro',
    stage: 'site-wide',
    source: { kind: 'spec', text: 'A PCN account needs a Meeting Center Pro meeting type: else 030077.' },
    error: { stage: 'site-wide', claims: (error) => error._tag === 'RuleViolation' && error.rule === 'R28' },
  },
  {
    rule: 'R29',
    title: 'session-type user limit',
    stage: 'site-wide',
    source: {
      kind: 'spec',
      text: 'A session type whose user limit is reached is 110055, with the session type as serv:value.',
    },
    error: { stage: 'site-wide', claims: (error) => error._tag === 'RuleViolation' && error.rule === 'R29' },
  },
  {
    rule: 'R30',
    title: 'telephony privileges',
    stage: 'validation',
    source: {
      kind: 'spec',
      text: 'A telephony privilege the site or the user cannot support is 030011, 030012, 030023, 030036 or 030050.',
    },
    error: { stage: 'validation', claims: (error) => error._tag === 'RuleViolation' && error.rule === 'R30' },
  },
  {
    rule: 'R31',
    title: 'TSP accounts',
    stage: 'validation',
    source: {
      kind: 'spec',
      text: 'TSP account errors: 030013 not authorised, 030014 more than one default, 030018 invalid index, 030022.',
    },
    error: { stage: 'validation', claims: (error) => error._tag === 'RuleViolation' && error.rule === 'R31' },
  },
  {
    rule: 'R32',
    title: 'My WebEx licences',
    stage: 'validation',
    source: { kind: 'spec', text: 'My WebEx Pro licences and limits: 030015, 030016, 030017.' },
    error: { stage: 'validation', claims: (error) => error._tag === 'RuleViolation' && error.rule === 'R32' },
  },
  {
    rule: 'R34',
    title: 'Common Identity roles',
    stage: 'validation',
    source: {
      kind: 'spec',
      text: 'On a Common Identity site an administrator role cannot be assigned through the API: E030103.',
    },
    error: { stage: 'validation', claims: (error) => error._tag === 'RuleViolation' && error.rule === 'R34' },
  },
  {
    rule: 'R35',
    title: 'PCN accounts without a valid PIN',
    stage: 'site-wide',
    source: {
      kind: 'seed',
      text: 'The user needs to create their PIN before attempting to launch a PCN meeting. Otherwise, the user will not be ale to launch meetings any more.',
    },
    notice: (notice) => notice.kind === 'warning' && notice.path === 'phones.PIN',
  },
]

/** Structural equality of JSON values (key order ignored). */
const sameValue = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameValue(v, b[i]))
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null || Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  return (
    ka.length === kb.length &&
    ka.every(
      (k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  )
}
