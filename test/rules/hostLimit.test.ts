import { describe, expect, it } from 'vitest'
import { countActiveHosts, countsAsHost, type User } from 'webex-user-rules'
import { apply, asAdmin, expectLeft, expectRight, site } from '../helpers.js'

const deactivated: User = { webExId: 'jdoe', active: 'DEACTIVATED', privilege: { host: true } }
const activate = asAdmin({ webExId: 'jdoe', active: 'ACTIVATED' })

describe('R6 host limit', () => {
  it('R6 seed: activating a user when the site is at its host limit ⇒ exceededSiteHostLimit (030010)', () => {
    const error = expectLeft(apply(deactivated, activate, site({ hostLimit: 10, activeHostCount: 10 })))
    expect(error).toEqual({
      _tag: 'ExceededSiteHostLimit',
      exceptionID: '030010',
      reason: 'exceededSiteHostLimit',
      hostLimit: 10,
      hostCount: 11,
    })
  })

  it('R6 allows the activation that reaches the limit exactly', () => {
    const { user } = expectRight(apply(deactivated, activate, site({ hostLimit: 10, activeHostCount: 9 })))
    expect(user.active).toBe('ACTIVATED')
  })

  it('R6 without a hostLimit the site is unlimited', () => {
    expectRight(apply(deactivated, activate, site({ activeHostCount: 1_000_000 })))
  })

  it('R6 seed: an attendee account is excluded from the count', () => {
    const attendee: User = { webExId: 'jdoe', active: 'DEACTIVATED', privilege: { attendeeOnly: true } }
    const { user } = expectRight(apply(attendee, activate, site({ hostLimit: 10, activeHostCount: 10 })))
    expect(user.active).toBe('ACTIVATED')
  })

  it('R6 seed: a designated chat user is excluded from the count', () => {
    const chat: User = { webExId: 'jdoe', active: 'DEACTIVATED', designatedChatUser: true }
    expectRight(apply(chat, activate, site({ hostLimit: 10, activeHostCount: 10 })))
  })

  it('R6 seed: site admin and admin view only (roSiteAdmin) are included in the count', () => {
    for (const privilege of [{ siteAdmin: true }, { roSiteAdmin: true }]) {
      const error = expectLeft(
        apply(
          { webExId: 'jdoe', active: 'DEACTIVATED', privilege },
          activate,
          site({ hostLimit: 10, activeHostCount: 10 }),
        ),
      )
      expect(error._tag).toBe('ExceededSiteHostLimit')
    }
    expect(countsAsHost({ webExId: 'a', privilege: { siteAdmin: true } })).toBe(true)
    expect(countsAsHost({ webExId: 'a', privilege: { roSiteAdmin: true } })).toBe(true)
  })

  it('R6 D: leaving attendeeOnly on an active user is checked too, so the limit cannot be bypassed', () => {
    const attendee: User = { webExId: 'jdoe', privilege: { attendeeOnly: true } }
    const error = expectLeft(
      apply(
        attendee,
        asAdmin({ webExId: 'jdoe', privilege: { attendeeOnly: false } }),
        site({ hostLimit: 5, activeHostCount: 5 }),
      ),
    )
    expect(error._tag).toBe('ExceededSiteHostLimit')
  })

  it('R6 D: re-sending ACTIVATED for an already active user never fails, even over the limit', () => {
    expectRight(apply({ webExId: 'jdoe', active: 'ACTIVATED' }, activate, site({ hostLimit: 5, activeHostCount: 7 })))
    expectRight(
      apply(
        { webExId: 'jdoe' },
        asAdmin({ webExId: 'jdoe', firstName: 'J' }),
        site({ hostLimit: 5, activeHostCount: 7 }),
      ),
    )
  })

  it('R6 deactivating on a site over its limit succeeds', () => {
    const { user } = expectRight(
      apply(
        { webExId: 'jdoe' },
        asAdmin({ webExId: 'jdoe', active: 'DEACTIVATED' }),
        site({ hostLimit: 5, activeHostCount: 7 }),
      ),
    )
    expect(user.active).toBe('DEACTIVATED')
  })

  it('R6 REQUEST_TO_ACTIVATE does not count', () => {
    expectRight(
      apply(
        deactivated,
        asAdmin({ webExId: 'jdoe', active: 'REQUEST_TO_ACTIVATE' }),
        site({ hostLimit: 1, activeHostCount: 1 }),
      ),
    )
  })

  it('R6 countActiveHosts counts by the same predicate (absent active reads ACTIVATED)', () => {
    expect(
      countActiveHosts([
        { webExId: 'admin', privilege: { siteAdmin: true } },
        { webExId: 'viewer', privilege: { roSiteAdmin: true } },
        { webExId: 'host' },
        { webExId: 'guest', privilege: { attendeeOnly: true } },
        { webExId: 'bot', designatedChatUser: true },
        { webExId: 'gone', active: 'DEACTIVATED' },
        { webExId: 'pending', active: 'REQUEST_TO_ACTIVATE' },
      ]),
    ).toBe(3)
    expect(countActiveHosts([])).toBe(0)
  })
})
