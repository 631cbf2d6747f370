import { describe, expect, it } from 'vitest'
import type { User } from 'webex-user-rules'
import { apply, asAdmin, expectLeft, expectRight, site } from '../helpers.js'

const user: User = { webExId: 'jdoe', tspAccount: [{ accountIndex: 1, defaultFlag: true }] }

describe('R31 TSP accounts', () => {
  it('R31 030018 for an index outside 1..3 or sent twice', () => {
    for (const tspAccount of [
      [{ accountIndex: 4 }],
      [{ accountIndex: 0 }],
      [{ accountIndex: 2 }, { accountIndex: 2 }],
    ]) {
      const error = expectLeft(apply(user, asAdmin({ webExId: 'jdoe', tspAccount })))
      expect(error).toEqual({
        _tag: 'RuleViolation',
        exceptionID: '030018',
        reason: 'Invalid TSP account index.',
        rule: 'R31',
        path: `tspAccount[${String(tspAccount.length - 1)}].accountIndex`,
      })
    }
  })

  it('R31 030014 for a second new default', () => {
    const error = expectLeft(
      apply(
        user,
        asAdmin({
          webExId: 'jdoe',
          tspAccount: [
            { accountIndex: 2, defaultFlag: true },
            { accountIndex: 3, defaultFlag: true },
          ],
        }),
      ),
    )
    expect(error).toMatchObject({
      exceptionID: '030014',
      reason: 'Only one default TSP account is allowed.',
      path: 'tspAccount[1].defaultFlag',
    })
  })

  it('R31 030022 adding an account while TSP provisioning or call-in is disabled; editing and deleting pass', () => {
    for (const tsp of [{ provisioning: false }, { callIn: false }]) {
      const off = site({ tsp })
      expect(
        expectLeft(apply(user, asAdmin({ webExId: 'jdoe', tspAccount: [{ accountIndex: 2 }] }), off)),
      ).toMatchObject({
        exceptionID: '030022',
        path: 'tspAccount[0]',
      })
      expectRight(
        apply(
          user,
          asAdmin({ webExId: 'jdoe', tspAccount: [{ accountIndex: 1, tollCallInNumber: '1,408,5550100' }] }),
          off,
        ),
      )
      expectRight(apply(user, asAdmin({ webExId: 'jdoe', tspAccount: [{ accountIndex: 1, delete: true }] }), off))
    }
  })

  it('R31 030013 when the bridge refuses an account created on it', () => {
    const refusing = site({ tsp: { authorizes: false } })
    expect(
      expectLeft(
        apply(user, asAdmin({ webExId: 'jdoe', tspAccount: [{ accountIndex: 2, createOnBridge: true }] }), refusing),
      ),
    ).toMatchObject({
      exceptionID: '030013',
      reason: 'Failed to authorize the TSP account.',
      path: 'tspAccount[0].createOnBridge',
    })
    expectRight(apply(user, asAdmin({ webExId: 'jdoe', tspAccount: [{ accountIndex: 2 }] }), refusing))
  })

  it('R31 without site facts adding accounts works as before', () => {
    const { user: next } = expectRight(
      apply(user, asAdmin({ webExId: 'jdoe', tspAccount: [{ accountIndex: 2, createOnBridge: true }] })),
    )
    expect(next.tspAccount?.map((a) => a.accountIndex)).toEqual([1, 2])
  })
})
