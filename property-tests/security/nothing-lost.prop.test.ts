/**
 * Nothing lost (issue 5 §5): for each error tag, the error path returns no user and no effects and
 * leaves every input as it was (inputs are deep-frozen, then compared with a copy), whatever valid
 * elements ride along with the fault.
 */
import fc from 'fast-check'
import { runs } from '../support/runs.js'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applyCreateUser,
  applySetUser,
  type CreateUserBody,
  type SetUserBody,
  type SetUserError,
  type SetUserErrorTag,
  type SiteContext,
  type User,
} from 'webex-user-rules'

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

const baseSite: SiteContext = {
  activeHostCount: 3,
  hostLimit: 3,
  allowUserToChangeUserName: false,
  takenWebExIds: ['taken'],
  productIds: [1, 2],
  controlHubManaged: true,
  takenEmails: ['used@example.com'],
}
const baseUser: User = {
  webExId: 'jdoe',
  active: 'DEACTIVATED',
  privilege: { host: true },
  phones: { PIN: '4826' },
  salesCenter: { roles: { sme: true }, smeInfo: { products: [1] } },
  security: { forceChangePassword: true },
  supportedServices: { meetingCenter: true },
}

/** Valid elements that ride along with the fault (they must not land either). */
const noise: fc.Arbitrary<Partial<SetUserBody>> = fc.record(
  {
    firstName: fc.constantFrom('A', 'B'),
    options: fc.constant({ emailVisible: true }),
    meetingTypes: fc.constant([105]),
    tracking: fc.constant({ trackingCode1: 'x' }),
    syncWebOffice: fc.constant(true),
  },
  { requiredKeys: [] },
)

type Case = readonly [
  SetUserErrorTag,
  { readonly user?: User; readonly site?: SiteContext; readonly role?: 'host'; readonly body: Partial<SetUserBody> },
]

const SET_USER_CASES: readonly Case[] = [
  ['InvalidRequest', { body: { privilege: { host: 'yes' } } as never }],
  ['UserNotFound', { body: { webExId: 'someone.else' } }],
  ['NoPrivilege', { role: 'host', body: { active: 'ACTIVATED' } }],
  ['InvalidPin', { body: { phones: { PIN: '9876' } } }],
  ['ValidPinRequired', { user: { webExId: 'jdoe' }, body: { personalTeleconf: { account: [{ accountIndex: 1 }] } } }],
  ['ExceededSiteHostLimit', { body: { active: 'ACTIVATED' } }],
  ['UnknownProductId', { body: { salesCenter: { smeInfo: { products: [99] } } } }],
  ['UserNameChangeNotAllowed', { role: 'host', body: { newWebExId: 'jane' } }],
  ['WebExIdConflict', { body: { newWebExId: 'TAKEN' } }],
  ['InvalidSecurityOptions', { body: { security: { forceChangePassword: false } } }],
  [
    'ServiceDeskNotSupported',
    { body: { privilege: { attendeeOnly: true }, supportCenter: { serviceDesk: { enable: true } } } },
  ],
  ['InvalidAccounts', { body: { thirdPartyTeleconf: { account: [{ accountIndex: 4 }] } } }],
  ['RuleViolation', { body: { tspAccount: [{ accountIndex: 4 }] } }],
  [
    'TelephonyUnavailable',
    {
      site: { ...baseSite, telephony: { primaryLarge: false, nextGen: false, backup2Large: false } },
      body: { phones: { PIN: '5829' } },
    },
  ],
]

const expectNothingLost = (
  result: E.Either<SetUserError, unknown>,
  tag: SetUserErrorTag,
  inputs: unknown,
  copy: unknown,
): void => {
  expect(result).toMatchObject(E.left({ _tag: tag }))
  expect(Object.keys(result)).toEqual(['_tag', 'left'])
  expect(inputs).toEqual(copy)
}

describe('nothing lost on any error (issue 5 §5)', () => {
  for (const [tag, c] of SET_USER_CASES) {
    it(`${tag}: no user, no effects, inputs unchanged (200 runs)`, () => {
      fc.assert(
        fc.property(noise, (extra) => {
          const role: 'host' | 'siteAdmin' = c.role ?? 'siteAdmin'
          const user = structuredClone(c.user ?? baseUser)
          const site = structuredClone(c.site ?? baseSite)
          const body = { webExId: 'jdoe', ...(role === 'host' ? {} : extra), ...c.body } as SetUserBody
          const request = { caller: { webExId: role === 'host' ? 'jdoe' : 'admin', role }, body }
          const inputs = deepFreeze({ user, site, request })
          const copy = structuredClone(inputs)
          expectNothingLost(applySetUser(inputs.user, inputs.site, inputs.request), tag, inputs, copy)
        }),
        { numRuns: runs(200) },
      )
    })
  }

  const create: readonly (readonly [SetUserErrorTag, Partial<CreateUserBody>])[] = [
    ['MissingRequiredElements', { email: undefined } as never],
    ['EmailConflict', { email: 'Used@example.com' }],
    ['WebExIdConflict', { webExId: 'taken' }],
    ['ExceededSiteHostLimit', {}],
  ]
  for (const [tag, fault] of create) {
    it(`CreateUser ${tag}: no user, no effects, inputs unchanged (200 runs)`, () => {
      fc.assert(
        fc.property(noise, (extra) => {
          const body = JSON.parse(
            JSON.stringify({
              webExId: 'new',
              email: 'new@example.com',
              password: 'pw',
              firstName: 'N',
              lastName: 'U',
              ...extra,
              ...fault,
            }),
          ) as CreateUserBody
          const inputs = deepFreeze({
            site: structuredClone(baseSite),
            request: { caller: { webExId: 'admin', role: 'siteAdmin' as const }, body },
          })
          const copy = structuredClone(inputs)
          expectNothingLost(applyCreateUser(inputs.site, inputs.request), tag, inputs, copy)
        }),
        { numRuns: runs(200) },
      )
    })
  }
})
