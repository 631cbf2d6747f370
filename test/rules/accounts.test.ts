import { describe, expect, it } from 'vitest'
import type { User } from 'webex-user-rules'
import { apply, asAdmin, expectLeft, expectRight } from '../helpers.js'

const user: User = {
  webExId: 'jdoe',
  phones: { PIN: '4826' },
  personalTeleconf: {
    joinBeforeHost: false,
    account: [
      { accountIndex: 1, subscriberAccessCode: '111', defaultFlag: true },
      { accountIndex: 2, subscriberAccessCode: '222' },
    ],
  },
  tspAccount: [{ accountIndex: 1, tollCallInNumber: '1,408,5550101', defaultFlag: true }],
  thirdPartyTeleconf: { account: [{ accountIndex: 3, name: 'Bridge' }] },
}

describe('R10 accounts are keyed by accountIndex (D)', () => {
  it('R10 an item replaces the account with its index; unmentioned accounts stay', () => {
    const { user: next } = expectRight(
      apply(
        user,
        asAdmin({ webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex: 2, subscriberAccessCode: '999' }] } }),
      ),
    )
    expect(next.personalTeleconf?.account).toEqual([
      { accountIndex: 1, subscriberAccessCode: '111', defaultFlag: true },
      { accountIndex: 2, subscriberAccessCode: '999' },
    ])
    expect(next.personalTeleconf?.account?.[0]).toBe(user.personalTeleconf?.account?.[0])
  })

  it('R10 creates a new index, keeping accounts sorted by index', () => {
    const { user: next } = expectRight(
      apply(user, asAdmin({ webExId: 'jdoe', tspAccount: [{ accountIndex: 3, custom1: 'x' }] })),
    )
    expect(next.tspAccount?.map((a) => a.accountIndex)).toEqual([1, 3])
  })

  it('R10 delete: true removes the account', () => {
    const { user: next } = expectRight(
      apply(user, asAdmin({ webExId: 'jdoe', thirdPartyTeleconf: { account: [{ accountIndex: 3, delete: true }] } })),
    )
    expect(next.thirdPartyTeleconf).toEqual({ account: [] })
  })

  it('R10 deleting an account that does not exist is ignored with a notice', () => {
    const { user: next, notices } = expectRight(
      apply(user, asAdmin({ webExId: 'jdoe', tspAccount: [{ accountIndex: 2, delete: true }] })),
    )
    expect(next.tspAccount).toBe(user.tspAccount)
    expect(notices).toEqual([
      { kind: 'ignored', path: 'tspAccount[0].delete', message: expect.stringContaining('no account 2') as unknown },
    ])
  })

  it('R10 a request that sets a default clears the other defaults', () => {
    const { user: next } = expectRight(
      apply(
        user,
        asAdmin({
          webExId: 'jdoe',
          personalTeleconf: { account: [{ accountIndex: 2, subscriberAccessCode: '222', defaultFlag: true }] },
        }),
      ),
    )
    expect(next.personalTeleconf?.account).toEqual([
      { accountIndex: 1, subscriberAccessCode: '111', defaultFlag: false },
      { accountIndex: 2, subscriberAccessCode: '222', defaultFlag: true },
    ])
  })

  it('R10 two defaults in one request ⇒ InvalidAccounts', () => {
    const error = expectLeft(
      apply(
        user,
        asAdmin({
          webExId: 'jdoe',
          thirdPartyTeleconf: {
            account: [
              { accountIndex: 1, defaultFlag: true },
              { accountIndex: 2, defaultFlag: true },
            ],
          },
        }),
      ),
    )
    // TSP accounts answer with their own IDs (R31, test/rules/tspAccounts.test.ts)
    expect(error).toMatchObject({
      _tag: 'InvalidAccounts',
      exceptionID: '999999',
      path: 'thirdPartyTeleconf.account[1].defaultFlag',
    })
  })

  it('R10 an index outside 1..3 ⇒ InvalidAccounts', () => {
    for (const accountIndex of [0, 4, -1]) {
      const error = expectLeft(
        apply(user, asAdmin({ webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex }] } })),
      )
      expect(error).toMatchObject({ _tag: 'InvalidAccounts', path: 'personalTeleconf.account[0].accountIndex' })
    }
  })

  it('R10 the same index twice in one request ⇒ InvalidAccounts', () => {
    const error = expectLeft(
      apply(
        user,
        asAdmin({
          webExId: 'jdoe',
          thirdPartyTeleconf: { account: [{ accountIndex: 1 }, { accountIndex: 1, delete: true }] },
        }),
      ),
    )
    expect(error).toMatchObject({ _tag: 'InvalidAccounts', path: 'thirdPartyTeleconf.account[1].accountIndex' })
  })

  it('R10 autoGenerate asks the server for access codes (no randomness in the engine), and is not stored', () => {
    const { user: next, effects } = expectRight(
      apply(
        user,
        asAdmin({ webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex: 3, autoGenerate: true }] } }),
      ),
    )
    expect(next.personalTeleconf?.account?.[2]).toEqual({ accountIndex: 3 })
    expect(effects).toContainEqual({ kind: 'generateAccessCodes', accountIndex: 3 })
  })

  it('R10 with no accounts stored, a list sent empty or deleting a missing index creates no list (found by the differential property)', () => {
    const bare: User = { webExId: 'jdoe', phones: { PIN: '4826' } }
    const empty = expectRight(
      apply(bare, asAdmin({ webExId: 'jdoe', tspAccount: [], thirdPartyTeleconf: { account: [] } })),
    )
    expect(empty.user).toBe(bare)
    const deleting = expectRight(
      apply(bare, asAdmin({ webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex: 2, delete: true }] } })),
    )
    expect(deleting.user).toEqual(bare)
    expect(deleting.notices.map((n) => n.path)).toEqual(['personalTeleconf.account[0].delete'])
  })

  it('R10 an account list sent empty changes nothing (accounts are keyed, not replaced)', () => {
    const { user: next } = expectRight(apply(user, asAdmin({ webExId: 'jdoe', tspAccount: [] })))
    expect(next).toBe(user)
  })
})

describe('R10 InvalidAccounts names the problem in its reason', () => {
  it('R10 an index outside 1..3: the reason gives the range and the index sent', () => {
    const error = expectLeft(
      apply(user, asAdmin({ webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex: 4 }] } })),
    )
    // the reason documented on invalidAccounts: "Invalid accounts at <path>: accountIndex must be 1..3, got 4"
    expect(error).toEqual({
      _tag: 'InvalidAccounts',
      exceptionID: '999999',
      reason: 'Invalid accounts at personalTeleconf.account[0].accountIndex: accountIndex must be 1..3, got 4',
      path: 'personalTeleconf.account[0].accountIndex',
    })
  })

  it('R10 an index in range is accepted in every list', () => {
    for (const accountIndex of [1, 2, 3]) {
      expectRight(
        apply(
          user,
          asAdmin({
            webExId: 'jdoe',
            personalTeleconf: { account: [{ accountIndex }] },
            tspAccount: [{ accountIndex }],
            thirdPartyTeleconf: { account: [{ accountIndex }] },
          }),
        ),
      )
    }
  })

  it('R10 a duplicate index: the reason names the index', () => {
    const error = expectLeft(
      apply(
        user,
        asAdmin({ webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex: 2 }, { accountIndex: 2 }] } }),
      ),
    )
    expect(error._tag).toBe('InvalidAccounts')
    expect(error.reason).toMatch(
      /^Invalid accounts at personalTeleconf\.account\[1\]\.accountIndex: .*\b2\b.*more than once/,
    )
  })

  it('R10 two new defaults: the reason says only one account can be the default', () => {
    const error = expectLeft(
      apply(
        user,
        asAdmin({
          webExId: 'jdoe',
          thirdPartyTeleconf: {
            account: [
              { accountIndex: 1, defaultFlag: true },
              { accountIndex: 3, defaultFlag: true },
            ],
          },
        }),
      ),
    )
    expect(error.reason).toMatch(/^Invalid accounts at thirdPartyTeleconf\.account\[1\]\.defaultFlag: .*one .*default/)
  })

  it('R10 a PCN-only request leaves the TSP and third-party lists as stored (same objects)', () => {
    const { user: next } = expectRight(
      apply(user, asAdmin({ webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex: 3 }] } })),
    )
    expect(next.tspAccount).toBe(user.tspAccount)
    expect(next.thirdPartyTeleconf).toBe(user.thirdPartyTeleconf)
  })
})
