/**
 * Bodies of the sibling operations (CreateUser, GetUser, DelUser, ActivateUser/InactivateUser)
 * and callers, derived from the same codec tree as the SetUser body.
 */
import fc from 'fast-check'
import {
  type ActivationBody,
  type Caller,
  type CallerRole,
  type CreateUserBody,
  CreateUserBody as CreateUserBodyCodec,
  DEL_USER_MAX,
  type DelUserBody,
  type GetUserBody,
} from '../index.js'
import { arbitraryOf } from './codec.js'
import { email, USER_IDS } from './values.js'

const REQUIRED = new Set(['webExId', 'email', 'password', 'firstName', 'lastName'])

/** The roles a caller can have, site administrators most often. */
export const callerRoleArb: fc.Arbitrary<CallerRole> = fc.oneof(
  { arbitrary: fc.constant<CallerRole>('siteAdmin'), weight: 4 },
  { arbitrary: fc.constantFrom<CallerRole>('roSiteAdmin', 'host', 'attendee'), weight: 3 },
)

/**
 * A caller: one of `webExIds` (default: the generated users' ids and `admin`) with any role.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { callerArb } from 'webex-user-rules/testing'
 * fc.sample(callerArb(['admin']), { numRuns: 1, seed: 1 })[0]?.webExId //=> 'admin'
 * ```
 */
export const callerArb = (webExIds: readonly string[] = ['admin', ...USER_IDS]): fc.Arbitrary<Caller> =>
  fc.record({ webExId: fc.constantFrom(...webExIds), role: callerRoleArb })

/**
 * A CreateUser body over the whole `CreateUserBody` codec, with the five elements CreateUser needs
 * (webExId, email, password, firstName, lastName) present most of the time.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { CreateUserBody } from 'webex-user-rules'
 * import { createUserBodyArb } from 'webex-user-rules/testing'
 * fc.sample(createUserBodyArb(), { numRuns: 20, seed: 1 }).every((body) => CreateUserBody.is(body)) //=> true
 * ```
 */
export const createUserBodyArb = (webExIds: readonly string[] = USER_IDS): fc.Arbitrary<CreateUserBody> => {
  const required = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
    fc.oneof({ arbitrary: arb, weight: 19 }, { arbitrary: fc.constant(undefined), weight: 1 })
  const rest = arbitraryOf(CreateUserBodyCodec, {
    presence: (path) => (REQUIRED.has(path) ? 1 : path.includes('.') ? 0.3 : 0.1),
    at: {
      webExId: required(fc.constantFrom(...webExIds)),
      email: required(email.filter((e) => e !== '')),
      password: required(fc.stringMatching(/^[A-Za-z0-9!#%&*+-]{6,16}$/)),
      firstName: required(fc.stringMatching(/^[A-Z][a-z]{1,9}$/)),
      lastName: required(fc.stringMatching(/^[A-Z][a-z']{1,11}$/)),
    },
  }) as fc.Arbitrary<Record<string, unknown>>
  return rest.map(
    (body) => Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as CreateUserBody,
  )
}

/**
 * A GetUser body naming one of `webExIds`.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { getUserBodyArb } from 'webex-user-rules/testing'
 * fc.sample(getUserBodyArb(['jdoe']), { numRuns: 1, seed: 1 }) //=> [{ webExId: 'jdoe' }]
 * ```
 */
export const getUserBodyArb = (webExIds: readonly string[] = USER_IDS): fc.Arbitrary<GetUserBody> =>
  fc.record({ webExId: fc.constantFrom(...webExIds) })

/**
 * A DelUser body: 1..3 of `webExIds` (repeats allowed, as the schema allows them), sometimes
 * `syncWebOffice`. At most `DEL_USER_MAX` (50) names.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { delUserBodyArb } from 'webex-user-rules/testing'
 * fc.sample(delUserBodyArb(['a', 'b']), { numRuns: 10, seed: 1 }).every((b) => b.webExId.length >= 1 && b.webExId.length <= 3) //=> true
 * ```
 */
export const delUserBodyArb = (webExIds: readonly string[] = USER_IDS): fc.Arbitrary<DelUserBody> =>
  fc.record(
    {
      webExId: fc.array(fc.constantFrom(...webExIds), { minLength: 1, maxLength: Math.min(3, DEL_USER_MAX) }),
      syncWebOffice: fc.boolean(),
    },
    { requiredKeys: ['webExId'] },
  )

/**
 * An ActivateUser / InactivateUser body: the user by `webexID`, or by `userID` when `userIds` is
 * not empty.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { activationBodyArb } from 'webex-user-rules/testing'
 * fc.sample(activationBodyArb(['jdoe'], []), { numRuns: 5, seed: 1 }).every((b) => b.webexID === 'jdoe') //=> true
 * ```
 */
export const activationBodyArb = (
  webExIds: readonly string[] = USER_IDS,
  userIds: readonly number[] = [],
): fc.Arbitrary<ActivationBody> => {
  const byName = fc.record(
    { webexID: fc.constantFrom(...webExIds), syncWebOffice: fc.boolean() },
    { requiredKeys: ['webexID'] },
  )
  if (userIds.length === 0) return byName
  const byId = fc.record(
    { userID: fc.constantFrom(...userIds), syncWebOffice: fc.boolean() },
    { requiredKeys: ['userID'] },
  )
  return fc.oneof(byName, byId)
}
