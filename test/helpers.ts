import * as E from 'fp-ts/lib/Either.js'
import { expect } from 'vitest'
import type {
  CreateUserBody,
  SetUserBody,
  SetUserError,
  SetUserRequest,
  SetUserResult,
  SiteContext,
  User,
} from 'webex-user-rules'
import { applySetUser } from 'webex-user-rules'

/** Freezes a value and everything inside it, so a mutation by the code under test throws. */
export const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** A site with no limits, every feature supported, telephony up. */
export const baseSite: SiteContext = deepFreeze({
  activeHostCount: 10,
  allowUserToChangeUserName: false,
  takenWebExIds: ['taken', 'Other.User'],
  productIds: [120, 123, 124, 125],
  controlHubManaged: false,
})

export const site = (patch: Partial<SiteContext> = {}): SiteContext => deepFreeze({ ...baseSite, ...patch })

export const ADMIN = { webExId: 'admin', role: 'siteAdmin' } as const

/** A CreateUser body with the five elements a new user needs. */
export const NEW_USER_BODY: CreateUserBody = deepFreeze({
  webExId: 'student42',
  email: 'ana@example.edu',
  password: 'Rnd&Pw-9x2Q',
  firstName: 'Ana',
  lastName: 'Lee',
})

/** atlas-1's registrationDate, 02/08/2016 15:21:23 in San Jose standard time (GMT-08:00), as an instant. */
export const ATLAS_REGISTERED = Date.UTC(2016, 1, 8, 23, 21, 23)

export const asAdmin = (body: SetUserBody): SetUserRequest => ({ caller: ADMIN, body })

export const asSelf = (
  body: SetUserBody,
  role: 'siteAdmin' | 'roSiteAdmin' | 'host' | 'attendee' = 'host',
): SetUserRequest => ({ caller: { webExId: body.webExId, role }, body })

/** Applies with deep-frozen inputs. */
export const apply = (
  current: User,
  request: SetUserRequest,
  siteContext: SiteContext = baseSite,
): E.Either<SetUserError, SetUserResult> =>
  applySetUser(deepFreeze(current), deepFreeze(siteContext), deepFreeze(request))

export const expectRight = (result: E.Either<SetUserError, SetUserResult>): SetUserResult => {
  if (E.isLeft(result)) expect.fail(`expected success, got ${JSON.stringify(result.left)}`)
  return result.right
}

export const expectLeft = (result: E.Either<SetUserError, SetUserResult>): SetUserError => {
  if (E.isRight(result)) expect.fail(`expected an error, got ${JSON.stringify(result.right)}`)
  return result.left
}

/** A copy of `base` whose `key` throws `message` when read: input that is not plain data (D-E2). */
export const throwingGetter = <T extends object>(base: T, key: string, message = 'boom'): T =>
  Object.defineProperty({ ...base }, key, {
    enumerable: true,
    get(): never {
      throw new Error(message)
    },
  })

/** A user list whose first element throws when read (D-E2). */
export const throwingUsers = (): User[] => {
  const list: User[] = []
  Object.defineProperty(list, 0, {
    enumerable: true,
    get(): never {
      throw new Error('boom')
    },
  })
  return list
}
