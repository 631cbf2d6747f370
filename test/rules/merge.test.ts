import { describe, expect, it } from 'vitest'
import type { User } from 'webex-user-rules'
import { apply, asAdmin, expectRight } from '../helpers.js'

const stored: User = {
  webExId: 'jdoe',
  firstName: 'Jane',
  lastName: 'Doe',
  phones: { phone: '1,408,5551234', mobilePhone: '1,408,5550000', PIN: '4826' },
  options: { emailVisible: true, listInCategory: false },
  address: { addressType: 'PERSONAL', city: 'San Jose' },
  meetingTypes: [214, 216],
  personalMeetingRoom: { title: "Jane's room", PMRAutoLock: false, alternateHost: { allowAnyoneHostMyPMR: false } },
}

describe('R1 merge: only the elements present in the request change', () => {
  it('R1 replaces a present simple element and keeps every absent one (seed: "Unspecified elements remain unchanged")', () => {
    const { user } = expectRight(apply(stored, asAdmin({ webExId: 'jdoe', firstName: 'Janet' })))
    expect(user).toEqual({ ...stored, firstName: 'Janet' })
  })

  it('R1 merges a present complex element recursively: siblings inside it are kept', () => {
    const { user } = expectRight(apply(stored, asAdmin({ webExId: 'jdoe', phones: { PIN: '5829' } })))
    expect(user.phones).toEqual({ phone: '1,408,5551234', mobilePhone: '1,408,5550000', PIN: '5829' })
  })

  it('R1 merges two levels deep (personalMeetingRoom.alternateHost)', () => {
    const { user } = expectRight(
      apply(
        stored,
        asAdmin({ webExId: 'jdoe', personalMeetingRoom: { alternateHost: { allowAnyoneHostMyPMR: true } } }),
      ),
    )
    expect(user.personalMeetingRoom).toEqual({
      title: "Jane's room",
      PMRAutoLock: false,
      alternateHost: { allowAnyoneHostMyPMR: true },
    })
  })

  it('R1 creates a container the stored user does not have yet', () => {
    const { user } = expectRight(apply(stored, asAdmin({ webExId: 'jdoe', commOptions: { promos: true } })))
    expect(user.commOptions).toEqual({ promos: true })
  })

  it('R1/R19 keeps every untouched subtree as the same object', () => {
    const { user } = expectRight(apply(stored, asAdmin({ webExId: 'jdoe', phones: { PIN: '5829' } })))
    expect(user.options).toBe(stored.options)
    expect(user.address).toBe(stored.address)
    expect(user.meetingTypes).toBe(stored.meetingTypes)
    expect(user.personalMeetingRoom).toBe(stored.personalMeetingRoom)
    expect(user.phones).not.toBe(stored.phones)
  })

  it('R1 returns the stored user itself when the request changes nothing', () => {
    const { user } = expectRight(
      apply(
        stored,
        asAdmin({ webExId: 'jdoe', firstName: 'Jane', options: { emailVisible: true }, meetingTypes: [214, 216] }),
      ),
    )
    expect(user).toBe(stored)
  })

  it('R1 keeps a present but empty container as no change', () => {
    const { user } = expectRight(apply(stored, asAdmin({ webExId: 'jdoe', privilege: {}, tracking: {} })))
    expect(user).toBe(stored)
  })

  it('R1 reports a stored container that is not an element with children, and never overwrites it', () => {
    const broken = { webExId: 'jdoe', options: 'bad' } as never
    const result = apply(broken, asAdmin({ webExId: 'jdoe', options: { emailVisible: true } }))
    expect(result).toMatchObject({
      _tag: 'Left',
      left: {
        _tag: 'InvalidRequest',
        failures: [
          {
            source: 'user',
            path: 'options',
            expected: expect.stringContaining('an element with children') as unknown,
            actual: 'bad',
          },
        ],
      },
    })
  })
})

describe('R2 replace-on-list: a present list replaces the whole list', () => {
  it('R2 seed example: stored meetingTypes [1,2,3], request [105] ⇒ [105]', () => {
    const { user } = expectRight(
      apply({ webExId: 'jdoe', meetingTypes: [1, 2, 3] }, asAdmin({ webExId: 'jdoe', meetingTypes: [105] })),
    )
    expect(user.meetingTypes).toEqual([105])
  })

  it('R2 keeps the request order', () => {
    const { user } = expectRight(apply(stored, asAdmin({ webExId: 'jdoe', meetingTypes: [216, 3, 214] })))
    expect(user.meetingTypes).toEqual([216, 3, 214])
  })

  it('R2 clears a list sent present and empty', () => {
    const { user } = expectRight(apply(stored, asAdmin({ webExId: 'jdoe', meetingTypes: [] })))
    expect(user.meetingTypes).toEqual([])
  })

  it('R2 leaves an absent list unchanged', () => {
    const { user } = expectRight(apply(stored, asAdmin({ webExId: 'jdoe', firstName: 'J' })))
    expect(user.meetingTypes).toBe(stored.meetingTypes)
  })

  it('R2 replaces the alternate hosts list with the single host sent (corpus wxdash-2)', () => {
    const current: User = {
      webExId: 'admin',
      personalMeetingRoom: { alternateHost: { hosts: [{ email: 'a@example.com' }, { email: 'b@example.com' }] } },
    }
    const { user } = expectRight(
      apply(
        current,
        asAdmin({
          webExId: 'admin',
          personalMeetingRoom: { alternateHost: { hosts: [{ email: 'alt.host@example.com' }] } },
        }),
      ),
    )
    expect(user.personalMeetingRoom?.alternateHost?.hosts).toEqual([{ email: 'alt.host@example.com' }])
  })

  it('R2 replaces videoSystems (the 9.0 SP1 release-note sample)', () => {
    const current: User = { webExId: 'user1', videoSystems: [{ systemName: 'old', address: 'old@test.com' }] }
    const systems = [
      { systemName: 'my video 1', address: 'mv1@test.com', defaultFlag: true },
      { systemName: 'my video 2', address: 'mv2@test.com', defaultFlag: false },
    ]
    const { user } = expectRight(apply(current, asAdmin({ webExId: 'user1', videoSystems: systems })))
    expect(user.videoSystems).toEqual(systems)
  })

  it('R2 keeps the stored list object when the request sends equal items', () => {
    const { user } = expectRight(apply(stored, asAdmin({ webExId: 'jdoe', meetingTypes: [214, 216] })))
    expect(user.meetingTypes).toBe(stored.meetingTypes)
  })

  it('R2 rejects an empty 1..n list (salesCenter.smeInfo.products) as InvalidRequest', () => {
    const result = apply(
      { webExId: 'jdoe', salesCenter: { roles: { sme: true } } },
      asAdmin({ webExId: 'jdoe', salesCenter: { smeInfo: { products: [] } } }),
    )
    expect(result).toMatchObject({
      _tag: 'Left',
      left: {
        _tag: 'InvalidRequest',
        exceptionID: '999999',
        failures: [{ source: 'body', path: 'salesCenter.smeInfo.products' }],
      },
    })
  })

  it('R2 replaces schedulingPermission (a string that lists webExIds) as a whole', () => {
    const { user } = expectRight(
      apply(
        { webExId: 'boss', schedulingPermission: 'a@example.com;b@example.com' },
        asAdmin({ webExId: 'boss', schedulingPermission: 'assistant1@example.com;assistant2@example.com' }),
      ),
    )
    expect(user.schedulingPermission).toBe('assistant1@example.com;assistant2@example.com')
  })
})
