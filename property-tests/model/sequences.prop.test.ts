/**
 * Model-based sequences (`fc.commands` + `fc.modelRun`): a series of SetUser requests against one
 * user and site. After each successful request the site's `activeHostCount` follows the user as
 * it becomes counted or uncounted (R6). After every step the engine and the reference model agree,
 * and every invariant holds.
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applySetUser,
  type CallerRole,
  SETTING_GATES,
  type SetUserBody,
  type SetUserRequest,
  type SiteContext,
  type User,
} from 'webex-user-rules'
import { adminBodyArb, selfServiceBodyArb, siteArb, userArb } from 'webex-user-rules/testing'
import { fitSite } from 'webex-user-rules/testing'
import { PRODUCT_UNIVERSE, RENAME_TARGETS, requestPin } from 'webex-user-rules/testing'
import { countCase } from '../support/cases.js'
import { countsBySpec, siteAfter } from '../support/engine.js'
import { deepFreeze } from 'webex-user-rules/testing'
import { deepEqual, valueAt } from '../support/paths.js'
import { project } from '../support/project.js'
import { runs } from '../support/runs.js'
import { modelCounts, modelSetUser } from './reference.js'

/** The state both sides keep: the stored user and the site. */
interface State {
  user: User
  site: SiteContext
  /** The count the site started with, minus the user's own contribution then. */
  readonly others: number
  /** The limit, or the starting count when the site started over its limit. */
  readonly ceiling: number
}

type Body = Omit<SetUserBody, 'webExId'>

/** One SetUser request, sent as a site admin or as the user themself. */
class SetUserCommand implements fc.Command<State, State> {
  constructor(
    readonly body: Body,
    readonly role: CallerRole,
    readonly self: boolean,
  ) {}

  check(): boolean {
    return true
  }

  run(model: State, real: State): void {
    countCase()
    const webExId = real.user.webExId
    const caller = this.self ? { webExId, role: this.role } : { webExId: 'admin', role: 'siteAdmin' as const }
    const request: SetUserRequest = deepFreeze({ caller, body: { ...this.body, webExId } })
    const engine = applySetUser(real.user, real.site, request)
    const expected = modelSetUser(model.user, model.site, request)
    const projected = project(engine)
    if (!deepEqual(projected, expected)) expect(projected).toStrictEqual(expected)
    if (E.isLeft(engine) || expected._tag === 'Left') return

    const next = engine.right.user
    const { site } = real
    // the host-limit invariant of the step
    if (site.hostLimit !== undefined && !countsBySpec(real.user) && countsBySpec(next))
      expect(site.activeHostCount + 1).toBeLessThanOrEqual(site.hostLimit)
    real.site = deepFreeze(siteAfter(site, real.user, next))
    real.user = deepFreeze(next)
    model.user = expected.right.user
    model.site = { ...model.site, activeHostCount: model.others + (modelCounts(model.user) ? 1 : 0) }
    checkInvariants(model, real)
  }

  toString(): string {
    return `SetUser(${this.self ? this.role : 'siteAdmin'}, ${JSON.stringify(this.body)})`
  }
}

/** What must hold after every successful step. */
const checkInvariants = (model: State, real: State): void => {
  // both sides hold the same user and the same count, and the count follows the user (R6)
  expect(real.user).toEqual(model.user)
  expect(real.site.activeHostCount).toBe(model.site.activeHostCount)
  expect(real.site.activeHostCount).toBe(real.others + (countsBySpec(real.user) ? 1 : 0))
  expect(real.site.activeHostCount).toBeLessThanOrEqual(real.ceiling)
  // R5: nothing the site does not support
  const features = real.site.features ?? {}
  for (const gate of SETTING_GATES) {
    if (!gate.features.some((f) => features[f] === false)) continue
    const value = valueAt(real.user, `${gate.container}.${gate.key}`)
    expect(value ?? (gate.key === 'otherTelephony' ? true : false)).toBe(false)
  }
  // R4: sme FALSE ⇒ no smeInfo
  if (real.user.salesCenter?.roles?.sme !== true) expect(real.user.salesCenter?.smeInfo).toBeUndefined()
  // R10: accounts keyed 1..3, sorted, one default at most
  for (const path of ['tspAccount', 'personalTeleconf.account', 'thirdPartyTeleconf.account']) {
    const accounts = (valueAt(real.user, path) ?? []) as { accountIndex: number; defaultFlag?: boolean }[]
    const indexes = accounts.map((a) => a.accountIndex)
    expect(indexes).toEqual([...new Set(indexes)].sort())
    expect(accounts.filter((a) => a.defaultFlag === true).length).toBeLessThanOrEqual(1)
  }
}

const body = <B extends Body>(arb: fc.Arbitrary<B>): fc.Arbitrary<Body> => arb
const withoutId = (arb: fc.Arbitrary<SetUserBody>): fc.Arbitrary<Body> => arb.map(({ webExId: _id, ...rest }) => rest)

/** Focused requests that move the user across the rules, plus whole random bodies. */
const COMMANDS: fc.Arbitrary<fc.Command<State, State>>[] = [
  // activation and the host count
  body(fc.record({ active: fc.constantFrom('ACTIVATED', 'DEACTIVATED', 'REQUEST_TO_ACTIVATE' as const) })).map(
    (b) => new SetUserCommand(b, 'siteAdmin', false),
  ),
  body(fc.record({ privilege: fc.record({ attendeeOnly: fc.boolean() }) })).map(
    (b) => new SetUserCommand(b, 'siteAdmin', false),
  ),
  // roles
  body(
    fc.record({
      privilege: fc.record(
        { siteAdmin: fc.boolean(), roSiteAdmin: fc.boolean(), host: fc.boolean() },
        { requiredKeys: [] },
      ),
    }),
  ).map((b) => new SetUserCommand(b, 'siteAdmin', false)),
  // PIN and PCN accounts, by the user themself
  body(fc.record({ phones: fc.record({ PIN: requestPin }) })).map((b) => new SetUserCommand(b, 'host', true)),
  body(
    fc.record({
      personalTeleconf: fc.record({
        account: fc.array(
          fc.record(
            { accountIndex: fc.integer({ min: 1, max: 3 }), delete: fc.boolean(), autoGenerate: fc.boolean() },
            { requiredKeys: ['accountIndex'] },
          ),
          { maxLength: 1 },
        ),
      }),
    }),
  ).map((b) => new SetUserCommand(b, 'host', true)),
  // SME products
  body(
    fc.record({
      salesCenter: fc.record(
        {
          roles: fc.record({ sme: fc.boolean() }),
          smeInfo: fc.record({
            products: fc.array(fc.constantFrom(...PRODUCT_UNIVERSE), { minLength: 1, maxLength: 3 }),
          }),
        },
        { requiredKeys: [] },
      ),
    }),
  ).map((b) => new SetUserCommand(b, 'siteAdmin', false)),
  // rename
  fc
    .tuple(fc.constantFrom(...RENAME_TARGETS), fc.boolean())
    .map(([newWebExId, self]) => new SetUserCommand({ newWebExId }, 'host', self)),
  // anything
  withoutId(adminBodyArb).map((b) => new SetUserCommand(b, 'siteAdmin', false)),
  fc
    .tuple(withoutId(selfServiceBodyArb), fc.constantFrom<CallerRole>('host', 'roSiteAdmin', 'attendee'))
    .map(([b, role]) => new SetUserCommand(b, role, true)),
]

describe('model-based sequences of SetUser', () => {
  it('R1–R20 sequences: engine ≡ model after every step; count, reset, sme and account invariants hold', () => {
    fc.assert(
      fc.property(
        userArb,
        siteArb,
        fc.integer({ min: -1, max: 1 }),
        fc.commands(COMMANDS, { maxCommands: 30, size: '+1' }),
        (user, site, offset, commands) => {
          const fitted = deepFreeze(fitSite(site, user, offset))
          const others = fitted.activeHostCount - (countsBySpec(user) ? 1 : 0)
          const ceiling = Math.max(fitted.hostLimit ?? Number.MAX_SAFE_INTEGER, fitted.activeHostCount)
          const frozen = deepFreeze(user)
          fc.modelRun(
            () => ({
              model: { user: structuredClone(frozen), site: fitted, others, ceiling },
              real: { user: frozen, site: fitted, others, ceiling },
            }),
            commands,
          )
        },
      ),
      { numRuns: runs(400) },
    )
  })
})
