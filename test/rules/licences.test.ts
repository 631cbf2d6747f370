import { describe, expect, it } from 'vitest'
import type { User } from 'webex-user-rules'
import { apply, asAdmin, expectRight, site } from '../helpers.js'

const ch = site({ controlHubManaged: true })
const services = {
  meetingCenter: true,
  eventCenter: true,
  trainingCenter: false,
  supportCenter: false,
  salesCenter: false,
}

describe('R15 Control Hub licences', () => {
  it('R15 seed: activating a user on a Control Hub site assigns a licence per enabled service', () => {
    const user: User = { webExId: 'jdoe', active: 'DEACTIVATED', supportedServices: services }
    const { effects } = expectRight(apply(user, asAdmin({ webExId: 'jdoe', active: 'ACTIVATED' }), ch))
    expect(effects).toEqual([
      { kind: 'assignMeetingLicense', service: 'meetingCenter' },
      { kind: 'assignMeetingLicense', service: 'eventCenter' },
    ])
  })

  it('R15 seed: deactivating removes the licences', () => {
    const user: User = { webExId: 'jdoe', supportedServices: services }
    const { effects } = expectRight(apply(user, asAdmin({ webExId: 'jdoe', active: 'DEACTIVATED' }), ch))
    expect(effects).toEqual([
      { kind: 'removeMeetingLicense', service: 'meetingCenter' },
      { kind: 'removeMeetingLicense', service: 'eventCenter' },
    ])
  })

  it('R15 a counted user whose services flip gets assign and remove (corpus atlas-1)', () => {
    const user: User = { webExId: 'jdoe', supportedServices: { meetingCenter: false, trainingCenter: true } }
    const { effects } = expectRight(
      apply(user, asAdmin({ webExId: 'jdoe', meetingTypes: [214, 216], supportedServices: { ...services } }), ch),
    )
    expect(effects).toEqual([
      { kind: 'assignMeetingLicense', service: 'meetingCenter' },
      { kind: 'assignMeetingLicense', service: 'eventCenter' },
      { kind: 'removeMeetingLicense', service: 'trainingCenter' },
    ])
  })

  it('R15 nothing on a site not managed by Control Hub', () => {
    const user: User = { webExId: 'jdoe', active: 'DEACTIVATED', supportedServices: services }
    expect(expectRight(apply(user, asAdmin({ webExId: 'jdoe', active: 'ACTIVATED' }))).effects).toEqual([])
  })

  it('R15 nothing for a user who is not counted (attendee account)', () => {
    const user: User = {
      webExId: 'jdoe',
      privilege: { attendeeOnly: true },
      supportedServices: { meetingCenter: false },
    }
    expect(expectRight(apply(user, asAdmin({ webExId: 'jdoe', supportedServices: services }), ch)).effects).toEqual([])
  })
})
