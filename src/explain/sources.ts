/**
 * What decided each part of a result: one row per rule, carrying the rule id, the pipeline stage
 * it runs in, the sentence of the SetUser reference page (or the spec / decision text where the
 * page is silent) and what the rule claims of a result — the changed paths it writes, the notices
 * and effects it gives, the errors it answers with. The sibling, list and login operations' rows
 * also carry the decision steps of their traces (authorization, lookup, filter, order, page, …).
 *
 * The explain trace is computed from these rows alone: a new rule plugs in by adding a row here
 * (the explain code does not change), and the explain properties fail while any changed path,
 * notice, effect or error is claimed by no row (D-PG1).
 *
 * @module
 */
import type { OperationError } from '../errors/OperationError.js'
import type { EffectKind, Notice } from '../model/result.js'

/**
 * The pipeline stages in the order they run (docs/spec.md §4), CreateUser's defaults first. One
 * order serves every operation, each using the stages it has: SetUser and CreateUser decode,
 * identity, authorization, validation, defaults, merge, reset, site-wide, effects; DelUser,
 * ActivateUser and InactivateUser add the lookup of their user; GetUser is decode, authorization,
 * lookup, answer; LstsummaryUser decode, authorization, filter, order, page, answer; the login
 * operations use credential, lookup, state (the user's `active`), ticket and answer (D-PG1).
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
  'credential',
  'identity',
  'authorization',
  'lookup',
  'state',
  'validation',
  'defaults',
  'merge',
  'reset',
  'site-wide',
  'filter',
  'order',
  'page',
  'ticket',
  'effects',
  'answer',
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
  /**
   * The operation: CreateUser starts from the schema defaults, SetUser from the stored user; for
   * DelUser, ActivateUser and InactivateUser the request is their SetUser of `active`; for GetUser
   * `before` is the stored user and `after` its view.
   */
  readonly operation: ExplainOperation
}

/** The operations that explain themselves: every operation of the core. @category explain */
export type ExplainOperation =
  | 'SetUser'
  | 'CreateUser'
  | 'DelUser'
  | 'ActivateUser'
  | 'InactivateUser'
  | 'GetUser'
  | 'LstsummaryUser'
  | 'AuthenticateUser'
  | 'GetLoginTicket'
  | 'GetloginurlUser'
  | 'GetlogouturlUser'

/** One rule of the pipeline and what it claims of a result. @category explain */
export interface RuleRow {
  /** `R1`…, or a decision id such as `D-OP1`. */
  readonly rule: string
  readonly title: string
  /** Where this rule's changes, notices and decision steps happen. */
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
    readonly claims: (error: OperationError, operation: ExplainOperation) => boolean
  }
}

const ACCOUNT_LISTS = ['personalTeleconf.account', 'tspAccount', 'thirdPartyTeleconf.account']
const ROLE_FLAGS = ['privilege.siteAdmin', 'privilege.roSiteAdmin', 'privilege.host']

const under = (path: string, prefixes: readonly string[]): boolean =>
  prefixes.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`))

/** A failure of an `InvalidRequest`, by what it expected. */
const invalidWhere =
  (test: (expected: string, path: string) => boolean) =>
  (error: OperationError): boolean =>
    error._tag === 'InvalidRequest' && error.failures.some((f) => test(f.expected, f.path))

/** The operations that look a user up in the users they are given (D-OP-19). */
const LOOKUP_OPERATIONS: readonly ExplainOperation[] = ['GetUser', 'ActivateUser', 'InactivateUser']
const ACTIVATION: readonly ExplainOperation[] = ['ActivateUser', 'InactivateUser']
const URL_OPERATIONS: readonly ExplainOperation[] = ['GetloginurlUser', 'GetlogouturlUser']
const TICKET_OPERATIONS: readonly ExplainOperation[] = ['GetLoginTicket', 'GetloginurlUser']

/** LstsummaryUser's own refusals of a filter, by what they expect (`filtersOf`). */
const isDateFilterFailure = (expected: string): boolean =>
  expected === 'a date MM/DD/YYYY HH:MM:SS' || expected.startsWith("-1 (the site's time zone)")
const isManagerFilterFailure = (expected: string, path: string): boolean =>
  path === 'webACD.manager' && expected.startsWith('no manager filter')

const D_OP3 =
  'The schema spells their keys `webexID` and `userID`; exactly one must be given. They are SetUser with `active`, so the host limit, licences and `syncWebOffice` (which the seed lists for both) follow. Only a site admin may call them.'
const D_OP11 =
  'No subject or no credential is 030002. An unknown user gets the same answer as a wrong credential: 030002 for a password, 030047 for a session ticket, 030048 for an access token or SAML response (`credentialRejected`).'
const D_OP16 =
  'Self (D-OP-2) or a site admin. A read-only admin may not: a login URL signs in as its user, which is a write of the strongest kind. The authorization is checked before the user is looked up, so a host cannot probe who exists (000001 either way); then an unknown user is 030001 and, for the login URL, a deactivated one 030008.'

/**
 * The rows of the sibling, list and login operations, each gated on its operation (so they claim
 * nothing of SetUser or CreateUser): their changes, their errors and the decision steps of their
 * traces. Every text is a sentence of docs/decisions.md (or the reference page), word for word.
 */
const OPERATION_ROWS: readonly RuleRow[] = [
  // GetUser: the stored user and its view (D-OP4, R9, D-GV)
  {
    rule: 'D-OP4',
    title: 'GetUser view',
    stage: 'answer',
    source: {
      kind: 'decision',
      text: 'The view is `toGetUserView`: PIN included, password masked, account-level joinBeforeHost mirrored, engine-only fields left out.',
    },
    change: (c) => c.operation === 'GetUser' && (c.path === 'password' || c.after === undefined),
  },
  {
    rule: 'R9',
    title: 'joinBeforeHost in GetUser',
    stage: 'answer',
    source: {
      kind: 'seed',
      text: 'The XML API GetUser response will still return <personalTeleconf><account><joinBeforeHost>, but the value will be identical to the value of the new element <personalTeleconf><joinBeforeHost>.',
    },
    change: (c) => c.operation === 'GetUser' && c.path === 'personalTeleconf.account',
  },
  {
    rule: 'D-GV-2',
    title: 'products in GetUser',
    stage: 'answer',
    source: {
      kind: 'decision',
      text: 'The stored user keeps prodIDs only (the site context lists product IDs, not names), so the view shows `{ prodID }` and never invents a name; reading a response drops the names.',
    },
    change: (c) => c.operation === 'GetUser' && c.path === 'salesCenter.smeInfo.products',
  },
  {
    rule: 'D-GV-3',
    title: '`active` in GetUser',
    stage: 'answer',
    source: {
      kind: 'decision',
      text: 'A user stored without `active` is shown with the schema default ACTIVATED; so `parseGetUserResponse(renderGetUserResponse(user))` gives the user with `active` made explicit.',
    },
    change: (c) => c.operation === 'GetUser' && c.path === 'active',
  },
  {
    rule: 'D-GV-1',
    title: 'the response order',
    stage: 'answer',
    source: {
      kind: 'decision',
      text: "`GetUserView`'s elements are listed in that order: the stored tree up to remoteAccess, then registrationDate, visitCount, userId, eventCenter (the end of `userInstanceType`, where the real response has them), then salesCenter, peExpired, peActive, passwordExpires, passwordDaysLeft, schedulingTemplates, scheduleFor.",
    },
  },
  // who may: the read rule, the admin-only writes, whose URL
  {
    rule: 'D-OP-1',
    title: 'who reads whom',
    stage: 'authorization',
    source: {
      kind: 'decision',
      text: 'A site admin and a read-only site admin ("admin view only") read every user of the site and may list them; anyone else reads only their own record and may not list (000001 "Access denied, additional privileges are required", as Cisco\'s Common Error Messages page says of list commands that return site-wide data).',
    },
    error: {
      stage: 'authorization',
      claims: (error, operation) =>
        error._tag === 'NoPrivilege' && (operation === 'GetUser' || operation === 'LstsummaryUser'),
    },
  },
  {
    rule: 'D-OP3',
    title: 'site admin only',
    stage: 'authorization',
    source: { kind: 'decision', text: D_OP3 },
    error: {
      stage: 'authorization',
      claims: (error, operation) => error._tag === 'NoPrivilege' && ACTIVATION.includes(operation),
    },
  },
  {
    rule: 'D-OP3',
    title: 'webexID or userID',
    stage: 'decode',
    source: { kind: 'decision', text: D_OP3 },
    error: {
      stage: 'decode',
      claims: (error, operation) =>
        ACTIVATION.includes(operation) && invalidWhere((e) => e === 'exactly one of webexID and userID')(error),
    },
  },
  {
    rule: 'D-OP-16',
    title: 'whose URL',
    stage: 'authorization',
    source: { kind: 'decision', text: D_OP16 },
    error: {
      stage: 'authorization',
      claims: (error, operation) => error._tag === 'NoPrivilege' && URL_OPERATIONS.includes(operation),
    },
  },
  // finding the user
  {
    rule: 'D-OP-16',
    title: 'unknown user',
    stage: 'lookup',
    source: { kind: 'decision', text: D_OP16 },
    error: {
      stage: 'lookup',
      claims: (error, operation) => error._tag === 'UserNotFound' && URL_OPERATIONS.includes(operation),
    },
  },
  {
    rule: 'D-OP-16',
    title: 'deactivated user',
    stage: 'state',
    source: { kind: 'decision', text: D_OP16 },
    error: {
      stage: 'state',
      claims: (error, operation) => error._tag === 'UserNotActive' && operation === 'GetloginurlUser',
    },
  },
  {
    rule: 'D-OP-19',
    title: 'case-insensitive lookup',
    stage: 'lookup',
    source: {
      kind: 'decision',
      text: "GetUser, DelUser, ActivateUser and InactivateUser find their user by `userKey` (their `Directory` is keyed by it) and name it in its stored spelling: DelUser's `user{webExId,status}` for a found user, and every change they make.",
    },
    error: {
      stage: 'lookup',
      claims: (error, operation) => error._tag === 'UserNotFound' && LOOKUP_OPERATIONS.includes(operation),
    },
  },
  {
    rule: 'D-OP-2',
    title: 'names are case-insensitive',
    stage: 'lookup',
    source: {
      kind: 'decision',
      text: "A webExId or e-mail is looked up by `userKey(name)` = `name.toLowerCase()` (locale-independent, as PostgreSQL's `lower()` on UTF-8 text), and answers carry the stored spelling.",
    },
    error: {
      stage: 'lookup',
      claims: (error, operation) => error._tag === 'UserNotFound' && operation === 'GetLoginTicket',
    },
  },
  // DelUser, ActivateUser, InactivateUser: SetUser of `active`
  {
    rule: 'D-OP2',
    title: 'DelUser deactivates',
    stage: 'merge',
    source: {
      kind: 'decision',
      text: 'As the API does, DelUser deactivates; it does not erase. Each webExId gets its own SUCCESS or FAILURE (an unknown one is 030001); the users are processed in request order, so a webExId named twice is deactivated once.',
    },
    change: (c) => c.operation === 'DelUser' && c.path === 'active',
    error: { stage: 'lookup', claims: (error, operation) => error._tag === 'UserNotFound' && operation === 'DelUser' },
  },
  {
    rule: 'D-OP3',
    title: 'SetUser of active',
    stage: 'merge',
    source: { kind: 'decision', text: D_OP3 },
    change: (c) => ACTIVATION.includes(c.operation) && c.path === 'active',
  },
  {
    rule: 'R6',
    title: 'host count',
    stage: 'site-wide',
    source: {
      kind: 'seed',
      text: 'When SetUser counts active host accounts, attendee account and designated chat user are excluded from the count, but site admin and admin view only are included.',
    },
  },
  // LstsummaryUser (D-OP-4 … D-OP-9)
  {
    rule: 'D-OP-4',
    title: 'filters',
    stage: 'filter',
    source: {
      kind: 'decision',
      text: '`firstName`, `lastName`, `email`, `webExId`: exact and case-insensitive, no wildcards (none is documented; Moodle\'s lookup by e-mail with maximumNum 1 needs an exact match). `active` compares the effective state (absent = ACTIVATED). An empty filter element (`<email></email>`) is no filter. `listMethod` AND (default) needs every given filter, OR any one; no filter lists every user in every state (borgified: "all (ACTIVE and DEACTIVATED) accounts").',
    },
  },
  {
    rule: 'D-OP-5',
    title: 'registration dates',
    stage: 'filter',
    source: {
      kind: 'decision',
      text: "`MM/DD/YYYY HH:MM:SS`, a real calendar date (02/30 is refused), both bounds inclusive, either alone. Dates are compared as the site stores them, in the site's zone: `dataScope/timeZoneID` absent, `-1` or equal to `site.timeZoneID` is accepted; another zone is 999999 naming `dataScope.timeZoneID` (converting would need Webex's time-zone table, and a silently wrong list is worse than a refusal). A malformed bound is 999999 naming it.",
    },
    error: {
      stage: 'filter',
      claims: (error, operation) => operation === 'LstsummaryUser' && invalidWhere(isDateFilterFailure)(error),
    },
  },
  {
    rule: 'D-OP-4',
    title: 'WebACD filter',
    stage: 'filter',
    source: {
      kind: 'decision',
      text: '`webACD` filters by `isAgent` / `isMgr` (absent preference = false); a `manager` filter is refused (999999 naming `webACD.manager`) because the model keeps no WebACD manager assignments — refusing is louder than silently ignoring it.',
    },
    error: {
      stage: 'filter',
      claims: (error, operation) => operation === 'LstsummaryUser' && invalidWhere(isManagerFilterFailure)(error),
    },
  },
  {
    rule: 'D-OP-6',
    title: 'order',
    stage: 'order',
    source: {
      kind: 'decision',
      text: 'The i-th `orderBy` pairs with the i-th `orderAD` in document order whatever the interleaving; a missing `orderAD` is ASC; no order is UID ASC; UID ASC, then webExId, then the input order break every tie, so pages are stable.',
    },
  },
  {
    rule: 'D-OP-7',
    title: 'paging',
    stage: 'page',
    source: {
      kind: 'decision',
      text: '`startFrom` is 1-based ("the index of the first record … increased by your maximumNum for each subsequent request"); absent, empty or 0 is 1 and is echoed so. `maximumNum` absent, empty or 0 is 50 (the documented default of list requests); above 500 (the documented maximum) it is clamped to 500, not refused (the C# tool sends 1000), and `returned` says what came back.',
    },
  },
  {
    rule: 'D-OP-9',
    title: 'no match',
    stage: 'page',
    source: {
      kind: 'decision',
      text: 'No matching user, or a `startFrom` past the last match, is FAILURE 000015 with an empty bodyContent (Moodle treats 000015 as "not found"), not a SUCCESS without users.',
    },
    error: { stage: 'page', claims: (error) => error._tag === 'NoRecordFound' },
  },
  {
    rule: 'D-OP-8',
    title: 'the summary',
    stage: 'answer',
    source: {
      kind: 'decision',
      text: 'Each `use:user` is `use:userSummaryInstanceType` in schema order: webExId (stored spelling), firstName, lastName, email (the five schema-required elements are always written, empty when the user has no value), registrationDate when stored, active (effective state), timeZoneID when stored.',
    },
  },
  // the login operations (D-OP-10 … D-OP-16, D-LG-1)
  {
    rule: 'D-OP-10',
    title: 'which credential',
    stage: 'credential',
    source: {
      kind: 'decision',
      text: "`authenticationClaim` reads the subject (`webExID`, else `email`) and one credential, in this order: AuthenticateUser's body `accessToken`, its `samlResponse` (with `protocol`), the header `password`, the header `webExAccessToken` (or `accessToken`), the header `sessionTicket`.",
    },
  },
  {
    rule: 'D-OP-11',
    title: 'failures tell nothing',
    stage: 'identity',
    source: { kind: 'decision', text: D_OP11 },
    error: {
      stage: 'identity',
      claims: (error) =>
        error._tag === 'AuthenticationFailed' ||
        error._tag === 'InvalidSessionTicket' ||
        error._tag === 'SessionTicketNotGenerated',
    },
  },
  {
    rule: 'D-OP-11',
    title: "the verdict is the caller's",
    stage: 'identity',
    source: {
      kind: 'decision',
      text: 'Hashing and comparing stay with the caller: `applyAuthenticateUser` takes its verdict (only a boolean `true` verifies) and the ticket it issued.',
    },
  },
  {
    rule: 'D-OP-11',
    title: 'deactivated after verification',
    stage: 'state',
    source: {
      kind: 'decision',
      text: 'A deactivated user gets 030008 "This user account is not active" only after the credential was verified, so it reveals nothing to someone without it.',
    },
    error: {
      stage: 'state',
      claims: (error, operation) => error._tag === 'UserNotActive' && operation === 'AuthenticateUser',
    },
  },
  {
    rule: 'D-OP-11',
    title: 'malformed ticket not shown',
    stage: 'answer',
    source: {
      kind: 'decision',
      text: 'A malformed security context or issued ticket is 999999 naming the path with the value replaced by `(not shown)`.',
    },
    error: {
      stage: 'answer',
      claims: (error, operation) =>
        operation === 'AuthenticateUser' &&
        error._tag === 'InvalidRequest' &&
        error.failures.every((f) => f.source === 'request' && f.actual === '(not shown)'),
    },
  },
  {
    rule: 'D-OP-13',
    title: 'session tickets',
    stage: 'answer',
    source: {
      kind: 'decision',
      text: "Lifetime 5400 s (every sample), fixed expiry at createTime + TTL (no sliding; Cisco's admin UI computes it so), bound to the user (webExId compared by D-OP-2); a new AuthenticateUser issues a new ticket and older ones stay valid until they expire.",
    },
  },
  {
    rule: 'D-OP-14',
    title: 'login tickets',
    stage: 'ticket',
    source: {
      kind: 'decision',
      text: 'One outstanding login ticket per user, handed out again by GetLoginTicket and GetloginurlUser until a URL-API login uses it up or it expires (the doc: a new ticket "if there is no ticket available or the last ticket has been used up"); then the fresh one the caller generated.',
    },
  },
  {
    rule: 'D-OP-14',
    title: 'deactivated user',
    stage: 'state',
    source: { kind: 'decision', text: 'A deactivated user gets 030008.' },
    error: {
      stage: 'state',
      claims: (error, operation) => error._tag === 'UserNotActive' && operation === 'GetLoginTicket',
    },
  },
  {
    rule: 'D-OP-15',
    title: 'login ticket characters',
    stage: 'ticket',
    source: {
      kind: 'decision',
      text: 'TK is not encoded (Moodle replaces `+` with `%2B` itself, so the server did not encode it); a ticket must use only `A-Z a-z 0-9 + / . _ ~ -` (no `&`, `=`, `#`, `%`, space), else 999999.',
    },
    error: {
      stage: 'ticket',
      claims: (error, operation) =>
        TICKET_OPERATIONS.includes(operation) && invalidWhere((_, p) => p === 'fresh')(error),
    },
  },
  {
    rule: 'D-LG-1',
    title: 'the time and tickets a service passes',
    stage: 'ticket',
    source: {
      kind: 'decision',
      text: 'They are reported with source `request` — the source `currentLoginTicket` already used for a malformed `fresh` ticket or time — rather than a new `FailureSource`, which would change the public error type for inputs only a service passes.',
    },
    error: {
      stage: 'ticket',
      claims: (error, operation) => TICKET_OPERATIONS.includes(operation) && invalidWhere((_, p) => p === 'now')(error),
    },
  },
  {
    rule: 'D-OP-12',
    title: 'site facts',
    stage: 'answer',
    source: {
      kind: 'decision',
      text: '`SiteContext` gains optional `siteName` (absent: `examplesite`, the name the Cisco samples use), `siteUrl` (absent: `https://<siteName>.webex.com/<siteName>`; a trailing `/` is dropped), `timeZoneID` (absent: only `-1` is accepted in a dataScope) and `apiVersion` (absent: `WebEx XML API V10.0.0`, a real 2016 GetAPIVersion answer).',
    },
  },
  {
    rule: 'D-OP-15',
    title: 'the login URL',
    stage: 'answer',
    source: {
      kind: 'decision',
      text: "`<siteUrl>/p.php?AT=LI&FN=…&LN=…&EM=…&WID=…&TK=…&MU=GoBack&BU=…` in the Cisco sample's order. FN, LN, EM, WID are percent-encoded except `@`, so a plain name and e-mail read exactly as in the sample while a name with `&` or `=` cannot break the query.",
    },
  },
  {
    rule: 'D-OP-15',
    title: 'the logout URL',
    stage: 'answer',
    source: {
      kind: 'decision',
      text: '`backURL` is percent-encoded after `BU=`, which stays empty and last without it. The logout URL is `<siteUrl>/p.php?AT=LO&BU=…`, the form Moodle builds by hand.',
    },
  },
]

const isR18Failure = (expected: string): boolean =>
  expected.includes('exactly once') || expected.includes('default video system') || expected.includes('SIP address')
const isFormatFailure = (expected: string): boolean =>
  expected.startsWith('an e-mail address') || expected.startsWith('a phone number')
const isMergeFailure = (expected: string): boolean => expected === 'an element with children'

const SEED_MERGE =
  'In general, the SetUser request only updates the elements (simple or complex) that are explicitly specified. Unspecified elements remain unchanged.'

/**
 * The rules in pipeline order, after the rows of the other operations (each gated on its
 * operation, so that they claim nothing of SetUser's). Changed paths are claimed by the first row
 * whose `change` accepts them, so the rules that write last (R5 reset) come before the merge that
 * wrote first; errors by the first row whose `error` claims them.
 *
 * @category explain
 * @example
 * ```ts
 * import { RULE_ROWS } from 'webex-user-rules/explain'
 * RULE_ROWS.find((row) => row.rule === 'R7')?.source.text.startsWith('Single number values') //=> true
 * ```
 */
export const RULE_ROWS: readonly RuleRow[] = [
  ...OPERATION_ROWS,
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
      text: 'TRUE makes the engine check the format of the e-mail addresses (`email`, `email2`, alternate hosts: one `@`, a dotted domain, no spaces) and phone numbers ("country,area,local" with an optional ",extension": 1–4, 0–8, 1–20 and 1–10 digits) the request sends; an empty value is not checked (it clears the element). FALSE or absent checks only the schema limits.',
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
      text: "The required elements are webExId, password (not on an SSO site, `site.usesSSO`), email, firstName and lastName; a missing or empty one is 030009 `MissingRequiredElements` naming all of them. A taken webExId is 030004, a taken email 030005 (`site.takenEmails`), both case-insensitive. The new user starts from the schema defaults written out (`userDefaults`: options and commOptions FALSE, privileges FALSE but `otherTelephony` TRUE and the role `host`, ACTIVATED, time zone -1, category 0, PCN join-before-host FALSE, Sales Center role `rep`) so that GetUser shows them, or from the caller's template (`newUserOf`: what a real site stores, D-NU, D-BD-4); then the SetUser rules apply, R5 included (a default the site does not support is reset, with a notice).",
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
