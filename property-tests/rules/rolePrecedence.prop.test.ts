/**
 * R3 role precedence, enumerated: every request combination of siteAdmin / roSiteAdmin / host in
 * {absent, TRUE, FALSE} (27) against every stored combination (27), with and without other
 * privileges stored.
 */
import { describe, expect, it } from 'vitest'
import { type Privilege, userRole, type User } from 'webex-user-rules'
import { countCase } from '../support/cases.js'
import { ADMIN, apply, expectRight } from '../support/engine.js'
import { MUTATION_RUN } from '../support/runs.js'

const ROLES = ['siteAdmin', 'roSiteAdmin', 'host'] as const
type Flags = Partial<Record<(typeof ROLES)[number], boolean>>

/** Every assignment of the three flags to absent / TRUE / FALSE. */
const ALL_FLAGS: readonly Flags[] = Array.from({ length: 27 }, (_, n) => {
  const flags: Flags = {}
  ROLES.forEach((role, i) => {
    const v = Math.floor(n / 3 ** i) % 3
    if (v === 1) flags[role] = true
    if (v === 2) flags[role] = false
  })
  return flags
})

/** The spec: the first TRUE in the order siteAdmin, roSiteAdmin, host; none TRUE ⇒ host. */
const roleOf = (flags: Flags): (typeof ROLES)[number] => ROLES.find((r) => flags[r] === true) ?? 'host'

describe('R3 role precedence over every combination', () => {
  for (const others of MUTATION_RUN ? [{}] : ([{}, { recordingEditor: true, attendeeOnly: false }] as const)) {
    it(`R3 27 request × 27 stored flag combinations${Object.keys(others).length > 0 ? ' (other privileges stored)' : ''}`, () => {
      for (const stored of ALL_FLAGS) {
        for (const sent of ALL_FLAGS) {
          countCase()
          const privilege: Privilege = { ...others, ...stored }
          const user: User = { webExId: 'jdoe', privilege }
          const { user: next, notices } = expectRight(
            apply(user, { caller: ADMIN, body: { webExId: 'jdoe', privilege: sent } }),
          )
          const merged: Flags = { ...stored, ...sent }
          if (Object.keys(sent).length === 0) {
            // D-R3: a request that sends no role flag leaves them as stored
            expect(next).toEqual(user)
            expect(notices).toEqual([])
            continue
          }
          const role = roleOf(merged)
          expect(userRole(next)).toBe(role)
          // normalised: exactly the role's flag is TRUE; absent flags that were not TRUE stay absent
          for (const flag of ROLES) {
            const expected = flag === role ? true : merged[flag] === undefined ? undefined : false
            expect(next.privilege?.[flag]).toBe(expected)
          }
          // other privileges untouched
          expect({ ...next.privilege, siteAdmin: 0, roSiteAdmin: 0, host: 0 }).toEqual({
            ...others,
            siteAdmin: 0,
            roSiteAdmin: 0,
            host: 0,
          })
          // every sent flag that normalisation overrides is reported, in precedence order
          expect(notices.map((n) => [n.kind, n.path])).toEqual(
            ROLES.filter((f) => sent[f] !== undefined && sent[f] !== (f === role)).map((f) => [
              'ignored',
              `privilege.${f}`,
            ]),
          )
        }
      }
    })
  }

  it('R3 userRole follows the precedence for every stored combination', () => {
    for (const flags of ALL_FLAGS) {
      countCase()
      expect(userRole({ webExId: 'x', privilege: flags })).toBe(roleOf(flags))
    }
  })
})
