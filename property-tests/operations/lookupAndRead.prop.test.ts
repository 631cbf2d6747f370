/**
 * Issue 13 items 1 and 2 and R22's CreateUser cases as properties, each against an oracle written
 * here from docs/spec.md and docs/decisions.md (D-OP-1, D-OP-2, D-OP-19, D-F4), not from the engine:
 * - every operation finds a user whatever the case of the name it is given, and names it in its
 *   stored spelling; a name that is no user's in any case is 030001;
 * - GetUser: site admins and read-only site admins read anyone, everyone else only themself;
 * - CreateUser's password on SSO, identity-provider and password-optional sites (030056, 030055, 030009).
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  applyActivateUser,
  applyCreateUser,
  applyDelUser,
  applyGetUser,
  applyInactivateUser,
  type CallerRole,
  countActiveHosts,
  setUserTarget,
  type SiteContext,
  type User,
} from 'webex-user-rules'
import { runs } from '../support/runs.js'

const NAMES = ['jdoe', 'Jane.Doe', 'host42', 'ana', 'BOB', 'x'] as const
const lower = (s: string): string => s.toLowerCase()

/** Users with names distinct ignoring case (a site never holds two spellings of one name). */
const usersArb: fc.Arbitrary<User[]> = fc
  .uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: NAMES.length, selector: lower })
  .chain((names) =>
    fc.tuple(...names.map((webExId) => fc.constantFrom<User>({ webExId }, { webExId, active: 'DEACTIVATED' }))),
  )

/** The users and one of them. */
const withTargetArb: fc.Arbitrary<[User[], User]> = usersArb.chain((users) =>
  fc.tuple(fc.constant(users), fc.constantFrom(...users)),
)

/** `name` with the case of each letter chosen by `flips`. */
const recase = (name: string, flips: readonly boolean[]): string =>
  // the names are ASCII, so a char code unit is a letter
  Array.from({ length: name.length }, (_, i) => {
    const c = name.charAt(i)
    return flips[i % flips.length] === true ? c.toUpperCase() : c.toLowerCase()
  }).join('')
const flipsArb = fc.array(fc.boolean(), { minLength: 1, maxLength: 8 })

const siteOf = (users: readonly User[]): SiteContext => ({
  activeHostCount: countActiveHosts(users),
  allowUserToChangeUserName: false,
  takenWebExIds: [],
  productIds: [],
  controlHubManaged: false,
})
const ADMIN = { webExId: 'admin', role: 'siteAdmin' } as const

describe('D-OP-19 every operation finds a user ignoring case and names it as stored (issue 13 item 2)', () => {
  it('D-OP-19 GetUser, DelUser, ActivateUser, InactivateUser and setUserTarget agree on the stored user', () => {
    fc.assert(
      fc.property(withTargetArb, flipsArb, ([users, stored], flips) => {
        const asked = recase(stored.webExId, flips)
        const site = siteOf(users)

        const view = applyGetUser(users, { caller: ADMIN, body: { webExId: asked } })
        expect(E.isRight(view) && view.right.webExId).toBe(stored.webExId)

        const target = setUserTarget(users, { caller: ADMIN, body: { webExId: asked, firstName: 'Jo' } })
        expect(E.isRight(target) && target.right.current).toBe(stored)
        expect(E.isRight(target) && target.right.request.body.webExId).toBe(stored.webExId)

        for (const apply of [applyActivateUser, applyInactivateUser]) {
          const changed = apply(site, users, { caller: ADMIN, body: { webexID: asked } })
          expect(E.isRight(changed) && changed.right.user.webExId).toBe(stored.webExId)
        }

        const deleted = applyDelUser(site, users, { caller: ADMIN, body: { webExId: [asked] } })
        expect(E.isRight(deleted) && deleted.right.results.map((r) => [r.webExId, r.status])).toEqual([
          [stored.webExId, 'SUCCESS'],
        ])
      }),
      { numRuns: runs(2_000) },
    )
  })

  it('D-OP-19 a name that is no user in any case is 030001 everywhere', () => {
    fc.assert(
      fc.property(usersArb, fc.constantFrom(...NAMES), flipsArb, (users, name, flips) => {
        fc.pre(!users.some((u) => lower(u.webExId) === lower(name)))
        const asked = recase(name, flips)
        const site = siteOf(users)
        const view = applyGetUser(users, { caller: ADMIN, body: { webExId: asked } })
        expect(E.isLeft(view) && view.left.exceptionID).toBe('030001')
        const target = setUserTarget(users, { caller: ADMIN, body: { webExId: asked } })
        expect(E.isLeft(target) && target.left.exceptionID).toBe('030001')
        const changed = applyActivateUser(site, users, { caller: ADMIN, body: { webexID: asked } })
        expect(E.isLeft(changed) && changed.left.exceptionID).toBe('030001')
        const deleted = applyDelUser(site, users, { caller: ADMIN, body: { webExId: [asked] } })
        expect(E.isRight(deleted) && deleted.right.results.map((r) => r.status)).toEqual(['FAILURE'])
      }),
      { numRuns: runs(1_000) },
    )
  })
})

describe('D-OP-1 GetUser: admins and read-only admins read anyone, the rest themself (issue 13 item 1)', () => {
  const roles: readonly CallerRole[] = ['siteAdmin', 'roSiteAdmin', 'host', 'attendee']
  it('D-OP-1 GetUser answers exactly when the caller is a (read-only) site admin or the user', () => {
    fc.assert(
      fc.property(
        withTargetArb,
        fc.constantFrom(...roles),
        fc.constantFrom(...NAMES),
        flipsArb,
        ([users, stored], role, callerName, flips) => {
          const caller = { webExId: recase(callerName, flips), role }
          const view = applyGetUser(users, { caller, body: { webExId: stored.webExId } })
          const allowed = role === 'siteAdmin' || role === 'roSiteAdmin' || lower(callerName) === lower(stored.webExId)
          if (allowed) expect(E.isRight(view) && view.right.webExId).toBe(stored.webExId)
          else expect(E.isLeft(view) && view.left.exceptionID).toBe('000001')
        },
      ),
      { numRuns: runs(2_000) },
    )
  })
})

describe('R22 CreateUser and the password on SSO, identity-provider and password-optional sites', () => {
  const PASSWORD = 'Rnd&Pw-9x2Q'
  const siteArb = fc.record(
    {
      usesSSO: fc.boolean(),
      passwords: fc.record({ adminMaySet: fc.boolean(), optionalOnCreate: fc.boolean() }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  )
  it('R22 030056 for a password an identity provider keeps, 030055 for a missing one without a reset, 030009 where it is required', () => {
    fc.assert(
      fc.property(siteArb, fc.boolean(), fc.option(fc.boolean(), { nil: undefined }), (facts, sendsPassword, reset) => {
        const site: SiteContext = { ...siteOf([]), ...facts }
        const body = {
          webExId: 'ana',
          email: 'ana@example.edu',
          firstName: 'Ana',
          lastName: 'Lee',
          ...(sendsPassword ? { password: PASSWORD } : {}),
          ...(reset === undefined ? {} : { security: { resetPassword: reset, forceChangePassword: true } }),
        }
        const created = applyCreateUser(site, { caller: ADMIN, body })
        // the oracle, from D-F4: an SSO site keeps passwords elsewhere unless it lets the admin set them
        const adminMaySet = facts.passwords?.adminMaySet ?? facts.usesSSO !== true
        const sso = facts.usesSSO === true || facts.passwords?.adminMaySet === false
        const expected = sendsPassword
          ? adminMaySet
            ? 'SUCCESS'
            : '030056'
          : sso
            ? 'SUCCESS'
            : facts.passwords?.optionalOnCreate === true
              ? reset === true
                ? 'SUCCESS'
                : '030055'
              : '030009'
        expect(E.isRight(created) ? 'SUCCESS' : created.left.exceptionID).toBe(expected)
      }),
      { numRuns: runs(1_000) },
    )
  })
})
