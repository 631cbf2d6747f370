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

describe('validateFormat (D-VF) boundaries', () => {
  const check = (body: Record<string, unknown>): string[] => {
    const result = apply({ webExId: 'u' }, asSelf({ webExId: 'u', validateFormat: true, ...body }))
    return result._tag === 'Left' && result.left._tag === 'InvalidRequest'
      ? result.left.failures.map((f) => f.path)
      : []
  }

  it('phone numbers: country 1–4 digits, area 0–8, local 1–20, extension 1–10', () => {
    for (const ok of ['1,408,5551234', '1234,12345678,12345678901234567890,1234567890', '1,,5', '1,2,3,4'])
      expect(check({ phones: { phone: ok } }), ok).toEqual([])
    for (const bad of [
      '12345,1,1',
      '1,123456789,1',
      '1,1,123456789012345678901',
      '1,1,1,12345678901',
      ',1,1',
      '1,1,',
      '1,1,1,',
      'a,1,1',
      '1,1',
      ' 1,1,1',
      '1,1,1 ',
    ])
      expect(check({ phones: { phone: bad } }), bad).toEqual(['phones.phone'])
  })

  it('every phone element is checked, and an empty one is not', () => {
    const phones = { phone: 'x', mobilePhone: 'x', fax: 'x', phone2: 'x', mobilePhone2: 'x', pager: 'x' }
    expect(check({ phones })).toEqual(Object.keys(phones).map((k) => `phones.${k}`))
    expect(check({ phones: { phone: '', fax: '' }, email: '', email2: '' })).toEqual([])
  })

  it('e-mail addresses: one @, a dotted domain, no spaces, quotes or angle brackets', () => {
    for (const ok of ['a@b.c', 'first.last+tag@sub.example.com', 'a@b..c']) expect(check({ email: ok }), ok).toEqual([])
    for (const bad of [
      'a@b',
      'a@@b.c',
      '@b.c',
      'a@.c',
      'a@b.c.',
      'a b@c.d',
      '"a"@b.c',
      '<a>@b.c',
      'a@b.c>',
      'a@b .c',
      'ab.c',
    ])
      expect(check({ email2: bad }), bad).toEqual(['email2'])
  })
})

describe('R18 SIP addresses (D-R18)', () => {
  const address = (a: string): string[] => {
    const result = apply({ webExId: 'u' }, asSelf({ webExId: 'u', videoSystems: [{ address: a }] }))
    return result._tag === 'Left' && result.left._tag === 'InvalidRequest'
      ? result.left.failures.map((f) => f.path)
      : []
  }
  it('accepts user@host, a bare host or number, with or without sip:/sips:', () => {
    for (const ok of [
      'room@example.com',
      'sip:room@example.com',
      'sips:room@example.com',
      'room@example.com:5061',
      '10.0.0.1',
      '5551234',
      'sip:5551234',
    ])
      expect(address(ok), ok).toEqual([])
  })
  it('rejects spaces, markup, a second @, an empty user or host, and a bare scheme', () => {
    for (const bad of [
      'room @x.com',
      'room@x .com',
      '<room>@x.com',
      'room@x.com>',
      'ro"om@x.com',
      'a@b@c',
      '@x.com',
      'room@',
      'sip:',
      'sips:@x.com',
      '\troom@x.com',
    ])
      expect(address(bad), bad).toEqual(['videoSystems[0].address'])
  })
})

describe('validateFormat (D-VF) failures and absent containers', () => {
  it('each failure says which format was expected', () => {
    const error = expectLeft(
      apply({ webExId: 'u' }, asSelf({ webExId: 'u', validateFormat: true, email: 'bob', phones: { fax: '5551234' } })),
    )
    if (error._tag !== 'InvalidRequest') return expect.fail(`expected InvalidRequest, got ${error._tag}`)
    expect(error.failures.map((f) => [f.path, f.expected])).toEqual([
      ['email', expect.stringMatching(/e-mail/)],
      ['phones.fax', expect.stringContaining('country,area,local')],
    ])
  })

  it('a personalMeetingRoom without alternate hosts has no e-mail to check', () => {
    const { user } = expectRight(
      apply(
        { webExId: 'u' },
        asSelf({ webExId: 'u', validateFormat: true, personalMeetingRoom: { title: 'Room', PMRAutoLock: true } }),
      ),
    )
    expect(user.personalMeetingRoom).toEqual({ title: 'Room', PMRAutoLock: true })
  })
})
