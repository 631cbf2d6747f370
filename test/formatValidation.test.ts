import { describe, expect, it } from 'vitest'
import { apply, asSelf, expectLeft, expectRight } from './helpers.js'

describe('validateFormat (D-VF)', () => {
  it('checks e-mail addresses and phone numbers only when validateFormat is TRUE', () => {
    const body = {
      webExId: 'u',
      email: 'not-an-email',
      phones: { phone: '408-555-1234', mobilePhone: '1,408,5550000' },
    }
    expectRight(apply({ webExId: 'u' }, asSelf(body)))
    const error = expectLeft(apply({ webExId: 'u' }, asSelf({ ...body, validateFormat: true })))
    expect(error).toMatchObject({
      _tag: 'InvalidRequest',
      failures: [
        { source: 'body', path: 'email' },
        { source: 'body', path: 'phones.phone' },
      ],
    })
  })

  it('accepts the API formats and is not stored', () => {
    const { user } = expectRight(
      apply(
        { webExId: 'u' },
        asSelf({
          webExId: 'u',
          validateFormat: true,
          email: 'jane.doe@example.com',
          phones: { phone: '1,408,5551234', fax: '11,444,5551212' },
          personalMeetingRoom: { alternateHost: { hosts: [{ email: 'alt.host@example.com' }] } },
        }),
      ),
    )
    expect(user).not.toHaveProperty('validateFormat')
  })

  it('checks alternate host e-mails', () => {
    const error = expectLeft(
      apply(
        { webExId: 'u' },
        asSelf({
          webExId: 'u',
          validateFormat: true,
          personalMeetingRoom: { alternateHost: { hosts: [{ email: 'bob' }] } },
        }),
      ),
    )
    expect(error).toMatchObject({ failures: [{ path: 'personalMeetingRoom.alternateHost.hosts[0].email' }] })
  })
})
