/**
 * Near-valid faults for the rules R21–R34 (docs/spec.md §6), in the stage order of docs/spec.md §4:
 * R33/R34 right after authorization, R31 before R10, the request rules between D-VF and R4, and
 * R28/R29 after R16. Each fault sets the site fact its rule needs, so it fires on any valid
 * scenario. Faults whose site fact would make an earlier rule fire on another fault's edits are
 * not composable.
 */
import type { SetUserBody } from '../index.js'
import { at, type Fault, withBody, withSite, withUser } from './scenario.js'

/** The body without anything R33 would refuse (so R34 is the first rule to fire). */
const withoutIdentityEdits = (body: SetUserBody): SetUserBody => {
  const { newWebExId: _n, password: _p, email: _e, firstName: _f, lastName: _l, phones, ...rest } = body
  return phones?.PIN === undefined ? rest : { ...rest, phones: { PIN: phones.PIN } }
}

/** R33, R34 (stages 2.5, 2.6). */
export const IDENTITY_FAULTS: readonly Fault[] = [
  {
    name: 'R33 a name change on a Control Hub identity site',
    tag: 'NoPrivilege',
    stage: 2.5,
    apply: (s) =>
      withBody(withSite(withUser(s, { firstName: 'Original' }), { commonIdentity: true }), { firstName: 'Changed' }),
  },
  {
    name: 'R34 assigning an administrator role on a Common Identity site (E030103)',
    tag: 'RuleViolation',
    stage: 2.6,
    composable: false,
    apply: (s, pick) => {
      const role = at(['siteAdmin', 'roSiteAdmin'] as const, pick)
      const user = withUser(s, { privilege: { ...s.user.privilege, siteAdmin: false, roSiteAdmin: false } })
      const body = withoutIdentityEdits(s.request.body)
      return {
        ...withSite(user, { commonIdentity: true }),
        request: { ...s.request, body: { ...body, privilege: { ...body.privilege, [role]: true } } },
      }
    },
  },
]

/**
 * Account lists R10 (teleconference accounts) and R31 (TSP accounts) refuse alike: an index out of
 * 1–3, one index twice, two new defaults.
 */
export const BAD_ACCOUNT_LISTS = [
  [{ accountIndex: 0 }],
  [{ accountIndex: 4 }],
  [{ accountIndex: 2 }, { accountIndex: 2, delete: true }],
  [
    { accountIndex: 1, defaultFlag: true },
    { accountIndex: 3, defaultFlag: true },
  ],
] as const

/** R31 (stage 3.5, before R10). */
export const TSP_FAULTS: readonly Fault[] = [
  {
    name: 'R31 a TSP index out of range or twice (030018), two new defaults (030014)',
    tag: 'RuleViolation',
    stage: 3.5,
    apply: (s, pick) =>
      withBody(s, {
        tspAccount: at(BAD_ACCOUNT_LISTS, pick),
      }),
  },
  {
    name: 'R31 adding a TSP account with provisioning or call-in off (030022), or a refusing bridge (030013)',
    tag: 'RuleViolation',
    stage: 3.5,
    apply: (s, pick) => {
      const { tspAccount: _held, ...user } = s.user
      const tsp = at([{ provisioning: false }, { callIn: false }, { authorizes: false }], pick)
      return withBody(withSite({ ...s, user }, { tsp }), { tspAccount: [{ accountIndex: 2, createOnBridge: true }] })
    },
  },
]

/** The request rules R22, R21, R27, R26, R25, R23, R24, R30, R32 (stages 9.1–9.9). */
export const REQUEST_RULE_FAULTS: readonly Fault[] = [
  {
    name: 'R22 a password where an identity provider keeps them (030056)',
    tag: 'RuleViolation',
    stage: 9.1,
    apply: (s) =>
      withBody(withSite(s, { commonIdentity: false, passwords: { ...s.site.passwords, adminMaySet: false } }), {
        password: 'Rnd&Pw-9x2Q',
      }),
  },
  {
    name: 'R21 a password too short (030003) or with refused characters (030058)',
    tag: 'RuleViolation',
    stage: 9.2,
    apply: (s, pick) =>
      withBody(withSite(s, { commonIdentity: false, usesSSO: false, passwords: { minLength: 6 } }), {
        password: at(['abc', 'pass"word1', 'pässwort99', 'two words'], pick),
      }),
  },
  {
    name: 'R27 an e-mail address with a refused character (030062)',
    tag: 'RuleViolation',
    stage: 9.3,
    apply: (s, pick) =>
      withBody(withSite(s, { commonIdentity: false }), {
        validateFormat: false,
        email: at(['jörg@example.de', 'a,b@x.org', 'a;b@x.org', '<a@x.org>'], pick),
      }),
  },
  {
    name: 'R26 a language the site does not offer (030060)',
    tag: 'RuleViolation',
    stage: 9.4,
    apply: (s, pick) => {
      const { language: _l, languageID: _id, ...body } = s.request.body
      const sent = at([{ language: 'KLINGON' }, { language: 'ENGLISH', languageID: 99 }, { languageID: 7 }], pick)
      return {
        ...withSite(s, { languages: [{ id: 1, name: 'ENGLISH' }] }),
        request: { ...s.request, body: { ...body, ...sent } },
      }
    },
  },
  {
    name: 'R25 a MeetingPlace profile number another user holds (030051)',
    tag: 'RuleViolation',
    stage: 9.5,
    apply: (s) =>
      withBody(withSite(withUser(s, { mpProfileNumber: '0001' }), { takenMpProfileNumbers: ['4711'] }), {
        mpProfileNumber: '4711',
      }),
  },
  {
    name: 'R23 schedulingPermission names an unknown user (030019)',
    tag: 'RuleViolation',
    stage: 9.6,
    apply: (s) =>
      withBody(withSite(s, { siteWebExIds: [s.user.webExId] }), {
        schedulingPermission: `${s.user.webExId};ghost.user`,
      }),
  },
  {
    name: 'R24 an unknown Sales Center manager (030021)',
    tag: 'RuleViolation',
    stage: 9.7,
    apply: (s) =>
      withBody(withSite(s, { siteWebExIds: [s.user.webExId] }), {
        schedulingPermission: s.user.webExId,
        salesCenter: { ...s.request.body.salesCenter, manager: 'ghost.user' },
      }),
  },
  {
    name: 'R30 a telephony privilege the site does not support (030050)',
    tag: 'RuleViolation',
    stage: 9.8,
    apply: (s) =>
      withBody(
        withSite(s, { telephonyPrivilegeErrors: true, features: { ...s.site.features, internetPhone: false } }),
        {
          privilege: { ...s.request.body.privilege, voiceOverIp: true },
        },
      ),
  },
  {
    name: 'R32 more computers than My WebEx allows (030017)',
    tag: 'RuleViolation',
    stage: 9.9,
    apply: (s) =>
      withBody(withSite(s, { myWebEx: { maxComputers: 1 } }), {
        myWebEx: { ...s.request.body.myWebEx, myComputer: 2 },
      }),
  },
]

const ALL_UP = { primaryLarge: true, nextGen: true, backup2Large: true }

/** R28, R29 on the resulting user (stages 14, 15). */
export const RESULT_RULE_FAULTS: readonly Fault[] = [
  {
    name: 'R28 a PCN account without a Meeting Center Pro meeting type (030077)',
    tag: 'RuleViolation',
    stage: 14,
    apply: (s) =>
      withBody(
        withSite(withUser(s, { phones: { ...s.user.phones, PIN: '4826' } }), {
          meetingCenterProTypes: [214],
          telephony: ALL_UP,
        }),
        {
          meetingTypes: [3],
          personalTeleconf: { ...s.request.body.personalTeleconf, account: [{ accountIndex: 1 }] },
        },
      ),
  },
  {
    name: 'R29 gaining a session type at its user limit (110055)',
    tag: 'RuleViolation',
    stage: 15,
    apply: (s) => {
      const { meetingCenterProTypes: _pro, ...site } = s.site
      return withBody(
        {
          ...withUser(s, { meetingTypes: [3] }),
          site: { ...site, sessionTypeLimits: [{ sessionType: 7, limit: 1, users: 1 }] },
        },
        { meetingTypes: [3, 7] },
      )
    },
  },
]
