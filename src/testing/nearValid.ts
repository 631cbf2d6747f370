/**
 * Near-valid inputs: a valid scenario with one thing made wrong, and the error that one fault
 * must produce. Each fault touches what its rule reads (and, where the rule needs it, the stored
 * user or the site), so a scenario that succeeds fails with exactly that error.
 */
import fc from 'fast-check'
import type { SetUserBody } from '../index.js'
import { at, type Fault, withBody, withSite, withUser } from './scenario.js'
import {
  BAD_ACCOUNT_LISTS,
  IDENTITY_FAULTS,
  REQUEST_RULE_FAULTS,
  RESULT_RULE_FAULTS,
  TSP_FAULTS,
} from './siteFactFaults.js'
export type { Fault }
import { INVALID_FOUR_DIGIT_PINS, malformedPin } from './values.js'

const BAD_PINS = [...INVALID_FOUR_DIGIT_PINS, ...fc.sample(malformedPin, { numRuns: 24, seed: 7 })]

/** The faults, in the order of the checks they trip (docs/spec.md §4, D-§4). */
export const FAULTS: readonly Fault[] = [
  {
    name: 'R20 body names another user',
    tag: 'UserNotFound',
    stage: 1,
    apply: (s, pick) => withBody(s, { webExId: at(['nobody', s.user.webExId.toUpperCase() + 'x'], pick) }),
  },
  {
    name: 'R11 a non-admin edits another user',
    tag: 'NoPrivilege',
    stage: 2,
    apply: (s, pick) => ({
      ...s,
      request: {
        ...s.request,
        caller: { webExId: 'someone', role: at(['host', 'roSiteAdmin', 'attendee'] as const, pick) },
      },
    }),
  },
  {
    name: 'R11 the user sends an admin-only element',
    tag: 'NoPrivilege',
    stage: 2,
    apply: (s, pick) => {
      const own = {
        ...s.request,
        caller: { webExId: s.user.webExId, role: at(['host', 'roSiteAdmin', 'attendee'] as const, pick) },
      }
      const admin: Partial<SetUserBody>[] = [
        { active: 'ACTIVATED' },
        { privilege: { host: true } },
        { meetingTypes: [] },
        { personalTeleconf: { joinBeforeHost: false } },
        { security: { lockAccount: false } },
        { supportCenter: { serviceDesk: { enable: false } } },
      ]
      return withBody({ ...s, request: own }, at(admin, pick))
    },
  },
  ...IDENTITY_FAULTS,
  {
    name: 'R7 an invalid phones.PIN',
    tag: 'InvalidPin',
    stage: 3,
    apply: (s, pick) => withBody(s, { phones: { ...s.request.body.phones, PIN: at(BAD_PINS, pick) } }),
  },
  {
    name: 'R7 an invalid hostPIN',
    tag: 'InvalidPin',
    stage: 3,
    apply: (s, pick) =>
      withBody(s, { personalMeetingRoom: { ...s.request.body.personalMeetingRoom, hostPIN: at(BAD_PINS, pick) } }),
  },
  {
    name: 'R10 an account index out of range, twice, or two new defaults',
    tag: 'InvalidAccounts',
    stage: 4,
    apply: (s, pick) => withBody(s, { thirdPartyTeleconf: { account: at(BAD_ACCOUNT_LISTS, pick) } }),
  },
  ...TSP_FAULTS,
  {
    name: 'R12 resetPassword with forceChangePassword FALSE (030053)',
    tag: 'InvalidSecurityOptions',
    stage: 5,
    apply: (s) => withBody(s, { security: { resetPassword: true, forceChangePassword: false } }),
  },
  {
    name: 'R12 lifting a forced password change (030057)',
    tag: 'InvalidSecurityOptions',
    stage: 5,
    apply: (s) =>
      withBody(withUser(s, { security: { ...s.user.security, forceChangePassword: true } }), {
        security: { forceChangePassword: false },
      }),
  },
  {
    name: 'R13 Service Desk on an attendee-only account',
    tag: 'ServiceDeskNotSupported',
    stage: 6,
    apply: (s) =>
      withBody(s, {
        privilege: { ...s.request.body.privilege, attendeeOnly: true },
        supportCenter: { ...s.request.body.supportCenter, serviceDesk: { enable: true } },
      }),
  },
  {
    name: 'R14 a rename to a taken name (any case)',
    tag: 'WebExIdConflict',
    stage: 7,
    apply: (s, pick) =>
      // commonIdentity off: on a Control Hub identity site R33 refuses any rename first
      withBody(withSite(s, { takenWebExIds: [...s.site.takenWebExIds, 'Taken.Name'], commonIdentity: false }), {
        newWebExId: at(['Taken.Name', 'taken.name', 'TAKEN.NAME'], pick),
      }),
  },
  {
    name: 'R14 a self-rename where the site does not allow it',
    tag: 'UserNameChangeNotAllowed',
    stage: 7,
    composable: false,
    apply: (s) => ({
      ...withSite(s, { allowUserToChangeUserName: false, commonIdentity: false }),
      request: {
        caller: { webExId: s.user.webExId, role: 'host' },
        body: { webExId: s.user.webExId, newWebExId: 'new.name' },
      },
    }),
  },
  {
    name: 'R18 orderTabs without every tab once',
    tag: 'InvalidRequest',
    stage: 8,
    apply: (s, pick) =>
      withBody(s, {
        supportCenter: {
          ...s.request.body.supportCenter,
          orderTabs: at([['Tools'], ['Tools', 'Tools', 'Desktop', 'Session'], []] as const, pick),
        },
      }),
  },
  {
    name: 'R18 a video system that is no SIP address, or two defaults',
    tag: 'InvalidRequest',
    stage: 8,
    apply: (s, pick) =>
      withBody(s, {
        videoSystems: at(
          [
            [{ address: 'not an address' }],
            [{ address: 'sip:' }],
            [
              { address: 'a@b.com', defaultFlag: true },
              { address: 'c@d.com', defaultFlag: true },
            ],
          ],
          pick,
        ),
      }),
  },
  {
    name: 'D-VF validateFormat with a malformed e-mail',
    tag: 'InvalidRequest',
    stage: 9,
    apply: (s, pick) =>
      withBody(withSite(s, { commonIdentity: false }), {
        validateFormat: true,
        email: at(['no-at-sign', 'a@b', 'a b@c.de'], pick),
      }),
  },
  ...REQUEST_RULE_FAULTS,
  {
    name: 'R4 an unknown prodID with sme TRUE',
    tag: 'UnknownProductId',
    stage: 10,
    apply: (s) =>
      withBody(s, {
        salesCenter: {
          ...s.request.body.salesCenter,
          roles: { ...s.request.body.salesCenter?.roles, sme: true },
          smeInfo: {
            ...s.request.body.salesCenter?.smeInfo,
            products: [...(s.request.body.salesCenter?.smeInfo?.products ?? []), 999],
          },
        },
      }),
  },
  {
    name: 'R6 activating a host on a site at its limit',
    tag: 'ExceededSiteHostLimit',
    stage: 11,
    apply: (s) => {
      const user = withUser(s, { active: 'DEACTIVATED', designatedChatUser: false })
      return withSite(
        withBody(user, { active: 'ACTIVATED', privilege: { ...s.request.body.privilege, attendeeOnly: false } }),
        { hostLimit: s.site.activeHostCount, activeHostCount: s.site.activeHostCount },
      )
    },
  },
  {
    name: 'R8 a PCN account without a valid PIN',
    tag: 'ValidPinRequired',
    stage: 12,
    apply: (s) => {
      const { PIN: _stored, ...phones } = s.user.phones ?? {}
      const { PIN: _sent, ...sentPhones } = s.request.body.phones ?? {}
      return withBody(withUser(s, { phones }), {
        phones: sentPhones,
        personalTeleconf: { ...s.request.body.personalTeleconf, account: [{ accountIndex: 1 }] },
      })
    },
  },
  {
    name: 'R16 telephony data with every server down',
    tag: 'TelephonyUnavailable',
    stage: 13,
    apply: (s) =>
      withBody(withSite(s, { telephony: { primaryLarge: false, nextGen: false, backup2Large: false } }), {
        phones: { ...s.request.body.phones, PIN: '4826' },
      }),
  },
  ...RESULT_RULE_FAULTS,
]
