/**
 * What a successful SetUser returns besides the user: effects for the embedding server to carry
 * out, and notices of what was ignored or reset (docs/spec.md §1).
 *
 * @module
 */
import type { User } from './user.js'

/** A meeting service a Control Hub licence covers (R15). */
export type LicensedService = 'meetingCenter' | 'eventCenter' | 'trainingCenter' | 'supportCenter'

/** A telephony server of the failover chain (R16). */
export type TelephonyServer = 'primaryLarge' | 'nextGen' | 'backup2Large'

/**
 * Something the embedding server must do after storing the user, in the order given.
 *
 * @category model
 */
export type Effect =
  | { readonly kind: 'renamed'; readonly from: string; readonly to: string }
  | { readonly kind: 'syncWebOffice' }
  | { readonly kind: 'smeRecordsRemoved' }
  | { readonly kind: 'assignMeetingLicense'; readonly service: LicensedService }
  | { readonly kind: 'removeMeetingLicense'; readonly service: LicensedService }
  | { readonly kind: 'provisionTelephony'; readonly server: TelephonyServer }
  | { readonly kind: 'generateAccessCodes'; readonly accountIndex: number }
  | { readonly kind: 'passwordChangeForced' }
  | { readonly kind: 'passwordReset' }
  | { readonly kind: 'accountLocked' }
  | { readonly kind: 'accountUnlocked' }
  | { readonly kind: 'sendWelcome' }

/** The `kind`s of {@link Effect}. @category model */
export type EffectKind = Effect['kind']

/**
 * A value of the request that was ignored, a stored setting that was reset to off, or a state
 * the user is left in that the integrator should act on (R35).
 *
 * @category model
 */
export interface Notice {
  readonly kind: 'ignored' | 'reset' | 'warning'
  /** Element path, e.g. `personalTeleconf.account[0].joinBeforeHost` or `privilege.HDvideo`. */
  readonly path: string
  readonly message: string
}

/**
 * The outcome of a successful SetUser.
 *
 * @category model
 */
export interface SetUserResult {
  /** The new stored user; untouched subtrees are the same objects as in the current user. */
  readonly user: User
  readonly effects: readonly Effect[]
  readonly notices: readonly Notice[]
}
