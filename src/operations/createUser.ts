/**
 * CreateUser: a site admin provisions a new host or admin account. The same rule modules as
 * SetUser, applied to a new user's defaults (`userDefaults`, or the caller's template: D-NU) instead
 * of a stored user (docs/spec.md §4 order):
 *
 * decode → authorization (site admin only) → required elements (030009) → webExId / email
 * conflicts (030004 / 030005) → value validation (R7 PIN and hostPIN, R10, R12, R13, R18, D-VF,
 * R4 products) → merge onto the defaults (R1/R2, R3 role with host default, R4, R9, R10) → reset
 * (R5) → host limit when created ACTIVATED (R6), PCN needs a PIN (R8), telephony (R16) → effects
 * (R12, R4, R10, R16, R15 licence assignment, `sendWelcome`, R17 syncWebOffice).
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { guard } from '../errors/guard.js'
import { decodeRequest, decodeSite, decodeSiteList } from '../decode.js'
import {
  emailConflict,
  missingRequiredElements,
  noPrivilege,
  type SetUserError,
  webExIdConflict,
} from '../errors/SetUserError.js'
import { CreateUserRequest, type NewUserTemplate } from '../model/operations.js'
import type { SetUserResult } from '../model/result.js'
import type { SiteContext } from '../model/site.js'
import { booleanDefaults, privilegeDefaults } from '../model/defaults.js'
import { CommOptions, type CreateUserBody, Options, type SetUserBody, type User } from '../model/user.js'
import { applyValidated, validateValues } from '../pipeline.js'
import { checkCreateWithoutPassword, passwordOptionalOnCreate } from '../rules/passwordAuthority.js'
import { pinDecodeError } from '../rules/pin.js'
import { takenNameLookup } from '../rules/rename.js'

/**
 * The user CreateUser starts from when not told otherwise: the schema defaults (docs/spec.md §7.2),
 * written out so that GetUser shows them. Options and commOptions FALSE; every privilege FALSE but
 * `otherTelephony` (TRUE) and the default role `host`; ACTIVATED; time zone -1; category 0; PCN
 * join-before-host FALSE; Sales Center role `rep`. What a real site stores for a new user — every
 * element a GetUser answer always carries, the site's zone and language, the registration date — is
 * `newUserOf` of `webex-user-rules/new-user` (D-NU, D-BD-4).
 *
 * @category operations
 * @example
 * ```ts
 * import { userDefaults } from 'webex-user-rules'
 * const user = userDefaults('student42')
 * user.active //=> 'ACTIVATED'
 * user.privilege?.host //=> true
 * user.privilege?.otherTelephony //=> true
 * user.options?.emailVisible //=> false
 * ```
 */
export const userDefaults = (webExId: string): User => ({
  webExId,
  categoryId: 0,
  commOptions: booleanDefaults(CommOptions),
  options: booleanDefaults(Options),
  timeZoneID: -1,
  // the schema defaults, and CreateUser's default role host (docs/spec.md §7.2)
  privilege: { ...privilegeDefaults(), host: true },
  active: 'ACTIVATED',
  personalTeleconf: { joinBeforeHost: false },
  salesCenter: { roles: { rep: true, mgr: false, asst: false, sme: false } },
})

/** The required elements of CreateUser, in the order the error names them. */
const REQUIRED = ['webExId', 'password', 'email', 'firstName', 'lastName'] as const

const missingElements = (body: CreateUserBody, passwordOptional: boolean): string[] =>
  REQUIRED.filter((key) => (key !== 'password' || !passwordOptional) && (body[key] === undefined || body[key] === ''))

/**
 * Applies a CreateUser request: the new user with the effects the server must carry out, or the
 * first error. The new user starts from `newUser` (by default {@link userDefaults}: the schema
 * defaults); a `timeZoneID` of -1 ("not set") is stored as the template's zone when it has one (D-NU-3).
 * The `userId` is the store's to assign.
 *
 * @category operations
 * @example
 * ```ts
 * import { applyCreateUser } from 'webex-user-rules'
 * const site = { activeHostCount: 1, hostLimit: 10, allowUserToChangeUserName: false, takenWebExIds: ['moodleapi'], productIds: [], controlHubManaged: true, takenEmails: [] }
 * const created = applyCreateUser(site, {
 *   caller: { webExId: 'moodleapi', role: 'siteAdmin' },
 *   body: { webExId: 'student42', email: 'ana@example.edu', password: 'Rnd&Pw-9x2Q', firstName: 'Ana', lastName: "O'Neil", supportedServices: { meetingCenter: true }, sendWelcome: true },
 * })
 * created._tag === 'Right' && created.right.effects
 * //=> [{ kind: 'assignMeetingLicense', service: 'meetingCenter' }, { kind: 'sendWelcome' }]
 * applyCreateUser(site, { caller: { webExId: 'moodleapi', role: 'siteAdmin' }, body: { webExId: 'x', email: 'x@example.edu' } })
 * //=> { _tag: 'Left', left: { _tag: 'MissingRequiredElements', exceptionID: '030009', reason: 'Missing required fields: password, firstName, lastName', missing: ['password', 'firstName', 'lastName'] } }
 * ```
 */
export const applyCreateUser = (
  site: SiteContext,
  request: CreateUserRequest,
  newUser: NewUserTemplate = userDefaults,
): E.Either<SetUserError, SetUserResult> => {
  return guard({ site, request }, () => run(site, request, newUser))
}

const run = (
  siteInput: unknown,
  requestInput: unknown,
  newUser: NewUserTemplate,
): E.Either<SetUserError, SetUserResult> => {
  const decoded = decodeRequest(CreateUserRequest, requestInput)
  if (E.isLeft(decoded)) return E.left(pinDecodeError(decoded.left)) // D-F1
  const decodedSite = decodeSite(siteInput)
  if (E.isLeft(decodedSite)) return decodedSite
  const site = decodedSite.right
  const { caller, body } = decoded.right
  // only a site administrator provisions users (CreateUser reference)
  if (caller.role !== 'siteAdmin') return E.left(noPrivilege([]))

  const missing = missingElements(body, passwordOptionalOnCreate(site))
  if (missing.length > 0) return E.left(missingRequiredElements(missing))
  const withoutPassword = checkCreateWithoutPassword(site, body) // R22
  if (E.isLeft(withoutPassword)) return withoutPassword
  // webExId is required whatever the site allows, so `missing` names it when it is absent
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- see above
  const webExId = body.webExId!

  const takenIds = decodeSiteList(site, 'takenWebExIds')
  if (E.isLeft(takenIds)) return takenIds
  if (takenNameLookup(takenIds.right)(webExId)) return E.left(webExIdConflict(webExId))
  // email is required too (`missing` above)
  // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- see above
  const email = body.email!
  const takenEmails = decodeSiteList(site, 'takenEmails')
  if (E.isLeft(takenEmails)) return takenEmails
  if (takenNameLookup(takenEmails.right)(email)) return E.left(emailConflict(email))

  const { sendWelcome, ...rest } = body
  const asSetUser: SetUserBody = { ...rest, webExId }
  const base = newUser(webExId, body, site)
  const stage = { base, before: undefined, site, caller, body: asSetUser }
  const validated = validateValues(stage)
  if (E.isLeft(validated)) return validated
  const applied = applyValidated(stage, validated.right)
  if (E.isLeft(applied)) return applied
  // D-NU-3: -1 is the schema's "not set", the site's zone: the user is stored in it, by its id
  const { user } = applied.right
  const zoned =
    user.timeZoneID === -1 && base.timeZoneID !== undefined
      ? { ...applied.right, user: { ...user, timeZoneID: base.timeZoneID } }
      : applied.right
  if (sendWelcome !== true) return E.right(zoned)
  // the welcome mail goes out before the WebOffice sync, which stays last (D-R17)
  const effects = [...zoned.effects]
  const sync = effects.findIndex((effect) => effect.kind === 'syncWebOffice')
  effects.splice(sync === -1 ? effects.length : sync, 0, { kind: 'sendWelcome' })
  return E.right({ ...zoned, effects })
}
