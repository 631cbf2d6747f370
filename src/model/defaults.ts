/**
 * Schema defaults: what an absent element reads as (docs/spec.md §2, §7.2).
 *
 * @module
 */
import type { StructType } from './codec.js'
import { type ActiveState, Privilege, type User } from './user.js'

/** `active` defaults to ACTIVATED. */
export const DEFAULT_ACTIVE: ActiveState = 'ACTIVATED'

/** Privileges that default to true when absent; every other privilege defaults to false. */
const PRIVILEGES_DEFAULT_TRUE: ReadonlySet<keyof Privilege> = new Set(['otherTelephony'])

/**
 * Every boolean child of a struct codec at its schema default, in schema order: `false`, or `true`
 * for the keys in `defaultTrue`. Derived from the codec tree, so a new option or privilege in
 * `user.ts` gets its default here.
 */
export const booleanDefaults = <A>(codec: StructType<A>, defaultTrue: ReadonlySet<string> = new Set()): A =>
  Object.fromEntries(
    Object.entries(codec.props)
      .filter(([, child]) => child._tag === 'LeafType' && child.spec.kind === 'boolean')
      .map(([key]) => [key, defaultTrue.has(key)]),
  ) as A

/** Every privilege at its schema default (no role: the role flags are false too). */
export const privilegeDefaults = (): Privilege => booleanDefaults(Privilege, PRIVILEGES_DEFAULT_TRUE)

/** The effective value of a privilege flag. */
export const privilegeValue = (privilege: Privilege | undefined, key: keyof Privilege): boolean =>
  privilege?.[key] ?? PRIVILEGES_DEFAULT_TRUE.has(key)

/** The effective `active` state. */
export const activeState = (user: Pick<User, 'active'>): ActiveState => user.active ?? DEFAULT_ACTIVE

/** The effective `personalTeleconf.joinBeforeHost` (default FALSE, seed), of a `personalTeleconf` that is there. */
export const joinBeforeHost = (personalTeleconf: NonNullable<User['personalTeleconf']>): boolean =>
  personalTeleconf.joinBeforeHost ?? false

/** The effective `salesCenter.roles.sme` (default false). */
export const isSme = (user: Pick<User, 'salesCenter'>): boolean => user.salesCenter?.roles?.sme ?? false
