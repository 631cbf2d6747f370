import { describe, expect, it } from 'vitest'
import { apply, asAdmin, expectLeft, expectRight } from '../helpers.js'

describe('R13 Service Desk', () => {
  it('R13 seed: enable creates the user as administrator on the Service Desk site', () => {
    const { user } = expectRight(
      apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', supportCenter: { serviceDesk: { enable: true } } })),
    )
    expect(user.supportCenter).toEqual({ serviceDesk: { enable: true } })
  })

  it('R13 enabling it on an attendee-only account ⇒ 030045', () => {
    const error = expectLeft(
      apply(
        { webExId: 'jdoe', privilege: { attendeeOnly: true } },
        asAdmin({ webExId: 'jdoe', supportCenter: { serviceDesk: { enable: true } } }),
      ),
    )
    expect(error).toEqual({
      _tag: 'ServiceDeskNotSupported',
      exceptionID: '030045',
      reason: 'Attendee only account does not support Service Desk.',
    })
  })

  it('R13 the attendee-only value the request results in counts', () => {
    const error = expectLeft(
      apply(
        { webExId: 'jdoe' },
        asAdmin({
          webExId: 'jdoe',
          privilege: { attendeeOnly: true },
          supportCenter: { serviceDesk: { enable: true } },
        }),
      ),
    )
    expect(error._tag).toBe('ServiceDeskNotSupported')
    expectRight(
      apply(
        { webExId: 'jdoe', privilege: { attendeeOnly: true } },
        asAdmin({
          webExId: 'jdoe',
          privilege: { attendeeOnly: false },
          supportCenter: { serviceDesk: { enable: true } },
        }),
      ),
    )
  })

  it('R13 disabling it is always fine', () => {
    expectRight(
      apply(
        { webExId: 'jdoe', privilege: { attendeeOnly: true } },
        asAdmin({ webExId: 'jdoe', supportCenter: { serviceDesk: { enable: false } } }),
      ),
    )
  })
})
