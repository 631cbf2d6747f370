import { describe, expect, it } from 'vitest'
import { callerRole } from 'webex-user-rules'

describe('callerRole (for servers resolving the caller from the securityContext)', () => {
  it('R3 follows the role precedence siteAdmin, roSiteAdmin, host; none TRUE is host', () => {
    expect(callerRole({ webExId: 'a', privilege: { siteAdmin: true, host: true } })).toBe('siteAdmin')
    expect(callerRole({ webExId: 'b', privilege: { roSiteAdmin: true, host: true } })).toBe('roSiteAdmin')
    expect(callerRole({ webExId: 'c', privilege: { host: true } })).toBe('host')
    expect(callerRole({ webExId: 'd' })).toBe('host')
  })

  it('R6 an attendee-only account is an attendee, whatever its role flags say', () => {
    expect(callerRole({ webExId: 'e', privilege: { attendeeOnly: true } })).toBe('attendee')
    expect(callerRole({ webExId: 'f', privilege: { attendeeOnly: true, siteAdmin: true } })).toBe('attendee')
    expect(callerRole({ webExId: 'g', privilege: { attendeeOnly: false, roSiteAdmin: true } })).toBe('roSiteAdmin')
  })
})
