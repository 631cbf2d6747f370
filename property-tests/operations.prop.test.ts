/**
 * The sibling operations against one site: any sequence of CreateUser, SetUser, InactivateUser,
 * ActivateUser, DelUser and GetUser keeps the invariants — the tracked host count equals
 * countActiveHosts over the users, a success never takes the count over the limit unless it
 * already was, GetUser shows what is stored (password masked), and errors change nothing.
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { runs } from './support/runs.js'
import { describe, expect, it } from 'vitest'
import {
  applyActivateUser,
  applyCreateUser,
  applyDelUser,
  applyGetUser,
  applyInactivateUser,
  applySetUser,
  countActiveHosts,
  countsAsHost,
  hostCountAfter,
  type SiteContext,
  type User,
} from 'webex-user-rules'

const ADMIN = { webExId: 'admin', role: 'siteAdmin' } as const

interface Real {
  users: User[]
  activeHostCount: number
  hostLimit: number
}

const siteOf = (real: Real): SiteContext => ({
  activeHostCount: real.activeHostCount,
  hostLimit: real.hostLimit,
  allowUserToChangeUserName: false,
  takenWebExIds: real.users.map((u) => u.webExId),
  productIds: [],
  controlHubManaged: true,
})

/** Checks the invariants that hold after every step. */
const invariants = (real: Real, countBefore: number): void => {
  expect(real.activeHostCount).toBe(countActiveHosts(real.users))
  // R6: a success never takes the count over the limit unless it already was, and then never up
  if (real.activeHostCount > real.hostLimit) expect(real.activeHostCount).toBeLessThanOrEqual(countBefore)
}

const replace = (real: Real, before: User, after: User): void => {
  real.activeHostCount = hostCountAfter({ activeHostCount: real.activeHostCount }, before, after)
  real.users = real.users.map((u) => (u.webExId === before.webExId ? after : u))
}

type Cmd = fc.Command<object, Real>

/** A site that already has users, possibly more counted hosts than its limit allows. */
const initialUsers: fc.Arbitrary<User[]> = fc
  .uniqueArray(fc.constantFrom('u1', 'u2', 'u3', 'u4'), { maxLength: 4 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((webExId) =>
        fc
          .record({
            active: fc.constantFrom<'ACTIVATED' | 'DEACTIVATED'>('ACTIVATED', 'DEACTIVATED'),
            attendeeOnly: fc.boolean(),
          })
          .map(({ active, attendeeOnly }): User => ({ webExId, active, privilege: { attendeeOnly } })),
      ),
    ),
  )

const command = (name: string, step: (real: Real) => void): Cmd => ({
  check: () => true,
  run: (_model, real) => {
    const countBefore = real.activeHostCount
    step(real)
    invariants(real, countBefore)
  },
  toString: () => name,
})

const idArb = fc.constantFrom('u1', 'u2', 'u3', 'u4')
const activeArb = fc.constantFrom<'ACTIVATED' | 'DEACTIVATED' | 'REQUEST_TO_ACTIVATE'>(
  'ACTIVATED',
  'DEACTIVATED',
  'REQUEST_TO_ACTIVATE',
)

const commands = [
  // the site's licence count changes (e.g. a smaller subscription): the site can end up over its limit
  fc.integer({ min: 0, max: 4 }).map((limit) =>
    command(`limit(${String(limit)})`, (real) => {
      real.hostLimit = limit
    }),
  ),
  fc.record({ id: idArb, active: activeArb, attendeeOnly: fc.boolean() }).map(({ id, active, attendeeOnly }) =>
    command(`create(${id},${active},${String(attendeeOnly)})`, (real) => {
      const r = applyCreateUser(siteOf(real), {
        caller: ADMIN,
        body: {
          webExId: id,
          email: `${id}@example.com`,
          password: 'pw',
          firstName: 'F',
          lastName: 'L',
          active,
          privilege: { attendeeOnly },
        },
      })
      if (E.isLeft(r)) {
        // only a taken name or the host limit may refuse a well-formed creation
        expect(['WebExIdConflict', 'ExceededSiteHostLimit']).toContain(r.left._tag)
        return
      }
      real.activeHostCount = hostCountAfter({ activeHostCount: real.activeHostCount }, undefined, r.right.user)
      real.users = [...real.users, r.right.user]
      const view = applyGetUser(real.users, { caller: ADMIN, body: { webExId: id } })
      expect(view).toEqual(E.right({ ...r.right.user, password: '******' }))
    }),
  ),
  fc
    .record({
      id: idArb,
      active: fc.option(activeArb, { nil: undefined }),
      attendeeOnly: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map(({ id, active, attendeeOnly }) =>
      command(`set(${id},${String(active)},${String(attendeeOnly)})`, (real) => {
        const user = real.users.find((u) => u.webExId === id)
        if (user === undefined) return
        const body = {
          webExId: id,
          ...(active === undefined ? {} : { active }),
          ...(attendeeOnly === undefined ? {} : { privilege: { attendeeOnly } }),
        }
        const r = applySetUser(user, siteOf(real), { caller: ADMIN, body })
        if (E.isLeft(r)) {
          // R6 (D): only a request that adds a counted host can fail the limit
          expect(r.left._tag).toBe('ExceededSiteHostLimit')
          expect(countsAsHost(user)).toBe(false)
          return
        }
        replace(real, user, r.right.user)
      }),
    ),
  fc.record({ id: idArb, by: fc.boolean() }).map(({ id, by }) =>
    command(`activate(${id})`, (real) => {
      const user = real.users.find((u) => u.webExId === id)
      const r = applyActivateUser(siteOf(real), real.users, {
        caller: ADMIN,
        body: by ? { webexID: id } : { webexID: id, syncWebOffice: true },
      })
      if (user === undefined) {
        expect(r).toMatchObject(E.left({ _tag: 'UserNotFound' }))
        return
      }
      if (E.isLeft(r)) {
        expect(r.left._tag).toBe('ExceededSiteHostLimit')
        expect(countsAsHost(user)).toBe(false)
        return
      }
      expect(r.right.user.active).toBe('ACTIVATED')
      replace(real, user, r.right.user)
    }),
  ),
  idArb.map((id) =>
    command(`inactivate(${id})`, (real) => {
      const user = real.users.find((u) => u.webExId === id)
      const r = applyInactivateUser(siteOf(real), real.users, { caller: ADMIN, body: { webexID: id } })
      if (user === undefined) {
        expect(r._tag).toBe('Left')
        return
      }
      if (E.isLeft(r)) expect.fail(JSON.stringify(r.left))
      expect(r.right.user.active).toBe('DEACTIVATED')
      replace(real, user, r.right.user)
    }),
  ),
  fc.uniqueArray(idArb, { minLength: 1, maxLength: 3 }).map((ids) =>
    command(`del(${ids.join(',')})`, (real) => {
      const r = applyDelUser(siteOf(real), real.users, { caller: ADMIN, body: { webExId: ids } })
      if (E.isLeft(r)) expect.fail(JSON.stringify(r.left))
      for (const outcome of r.right.results) {
        const stored = real.users.some((u) => u.webExId === outcome.webExId)
        expect(outcome.status).toBe(stored ? 'SUCCESS' : 'FAILURE')
        if (outcome.status === 'SUCCESS')
          real.users = real.users.map((u) => (u.webExId === outcome.webExId ? outcome.user : u))
      }
      expect(r.right.activeHostCount).toBe(countActiveHosts(real.users))
      real.activeHostCount = r.right.activeHostCount
    }),
  ),
]

describe('sibling operations (issue 8)', () => {
  it('any sequence of create, set, activate, inactivate, del and get keeps the host count exact and within the limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        initialUsers,
        fc.commands(commands, { maxCommands: 25 }),
        (hostLimit, users, cmds) => {
          fc.modelRun(() => ({ model: {}, real: { users, activeHostCount: countActiveHosts(users), hostLimit } }), cmds)
        },
      ),
      { numRuns: runs(500) },
    )
  })
})
