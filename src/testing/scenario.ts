/**
 * Whole inputs of `applySetUser`: a stored user, a site fitted to it, and a request from a caller.
 * Every value is deep-frozen, so a mutation by the engine throws.
 */
import fc from 'fast-check'
import {
  type CallerRole,
  countsAsHost,
  type SetUserBody,
  type SetUserErrorTag,
  type SetUserRequest,
  type SiteContext,
  type User,
} from '../index.js'
import { deepFreeze } from './freeze.js'
import { adminBodyArb, selfServiceBodyArb, siteArb, userArb } from './model.js'

/** One input triple of `applySetUser`. */
export interface Scenario {
  readonly user: User
  readonly site: SiteContext
  readonly request: SetUserRequest
}

/** Who sends the request. */
export type CallerKind = 'admin' | 'selfAdmin' | 'self' | 'other'

/**
 * Fits a generated site to the user: the user's own name is not "taken by another user", the
 * count includes the user when it counts, and the count sits around the limit.
 */
export const fitSite = (site: SiteContext, user: User, offset: number): SiteContext => {
  const own = user.webExId.toLowerCase()
  const counted = countsAsHost(user) ? 1 : 0
  const near = site.hostLimit === undefined ? site.activeHostCount : site.hostLimit + offset
  return {
    ...site,
    takenWebExIds: site.takenWebExIds.filter((name) => name.toLowerCase() !== own),
    activeHostCount: Math.max(counted, near),
  }
}

const build = (
  user: User,
  site: SiteContext,
  offset: number,
  kind: CallerKind,
  role: CallerRole,
  sameId: boolean,
  body: SetUserBody,
): Scenario => {
  const webExId = sameId ? user.webExId : body.webExId === user.webExId ? 'someone.else' : body.webExId
  const caller =
    kind === 'admin'
      ? { webExId: 'admin', role: 'siteAdmin' as const }
      : kind === 'selfAdmin'
        ? { webExId: user.webExId, role: 'siteAdmin' as const }
        : kind === 'self'
          ? { webExId: user.webExId, role }
          : { webExId: 'someone', role }
  return deepFreeze({ user, site: fitSite(site, user, offset), request: { caller, body: { ...body, webExId } } })
}

const sameIdArb = fc.oneof({ arbitrary: fc.constant(true), weight: 19 }, { arbitrary: fc.constant(false), weight: 1 })
const offsetArb = fc.integer({ min: -2, max: 1 })
const nonAdminRole = fc.constantFrom<CallerRole>('host', 'roSiteAdmin', 'attendee')

const adminScenario = fc
  .tuple(userArb, siteArb, offsetArb, fc.constantFrom<CallerKind>('admin', 'selfAdmin'), sameIdArb, adminBodyArb)
  .map(([user, site, offset, kind, sameId, body]) => build(user, site, offset, kind, 'siteAdmin', sameId, body))

const selfScenario = fc
  .tuple(
    userArb,
    siteArb,
    offsetArb,
    nonAdminRole,
    sameIdArb,
    fc.oneof({ arbitrary: selfServiceBodyArb, weight: 6 }, { arbitrary: adminBodyArb, weight: 1 }),
  )
  .map(([user, site, offset, role, sameId, body]) => build(user, site, offset, 'self', role, sameId, body))

const otherScenario = fc
  .tuple(userArb, siteArb, offsetArb, nonAdminRole, selfServiceBodyArb)
  .map(([user, site, offset, role, body]) => build(user, site, offset, 'other', role, true, body))

/** A scenario: mostly a site admin, often the user themself, sometimes another non-admin. */
export const scenarioArb: fc.Arbitrary<Scenario> = fc.oneof(
  { arbitrary: adminScenario, weight: 11 },
  { arbitrary: selfScenario, weight: 7 },
  { arbitrary: otherScenario, weight: 1 },
)

/** A scenario whose caller is a site admin. */
export const adminScenarioArb: fc.Arbitrary<Scenario> = adminScenario

/** A scenario whose caller is the user themself without admin rights. */
export const selfScenarioArb: fc.Arbitrary<Scenario> = selfScenario

/** A fault: a name, the rule's stage in docs/spec.md §4 (lower runs first), and how it breaks a scenario. */
export interface Fault {
  readonly name: string
  readonly tag: SetUserErrorTag
  readonly stage: number
  readonly apply: (s: Scenario, pick: number) => Scenario
  /** False when the fault replaces the caller, so other faults' admin-only elements would be denied first. */
  readonly composable?: boolean
}

/** The scenario with `patch` over its request body (a fault's edit). */
export const withBody = (s: Scenario, patch: Partial<SetUserBody>): Scenario => ({
  ...s,
  request: { ...s.request, body: { ...s.request.body, ...patch } },
})
/** The scenario with `patch` over its stored user. */
export const withUser = (s: Scenario, patch: Partial<User>): Scenario => ({ ...s, user: { ...s.user, ...patch } })
/** The scenario with `patch` over its site. */
export const withSite = (s: Scenario, patch: Partial<SiteContext>): Scenario => ({
  ...s,
  site: { ...s.site, ...patch },
})
/** One of `values`, chosen by a fault's `pick`. */
export const at = <T>(values: readonly T[], pick: number): T => values[pick % values.length] as T
