import { describe, expect, it } from 'vitest'
import { ROLE_PRECEDENCE, userRole, type User } from 'webex-user-rules'
import { apply, asAdmin, expectRight } from '../helpers.js'

const host: User = {
  webExId: 'jdoe',
  privilege: { host: true, siteAdmin: false, roSiteAdmin: false, recordingEditor: true },
}

describe('R3 role precedence', () => {
  it('R3 seed example: siteAdmin and host both TRUE ⇒ the role is siteAdmin', () => {
    const { user } = expectRight(apply(host, asAdmin({ webExId: 'jdoe', privilege: { siteAdmin: true, host: true } })))
    expect(userRole(user)).toBe('siteAdmin')
    expect(user.privilege).toEqual({ host: false, siteAdmin: true, roSiteAdmin: false, recordingEditor: true })
  })

  it('R3 seed: none of the three TRUE ⇒ the role is host', () => {
    expect(userRole({ webExId: 'x' })).toBe('host')
    expect(userRole({ webExId: 'x', privilege: { siteAdmin: false, roSiteAdmin: false, host: false } })).toBe('host')
    const { user } = expectRight(
      apply(host, asAdmin({ webExId: 'jdoe', privilege: { siteAdmin: false, roSiteAdmin: false, host: false } })),
    )
    expect(userRole(user)).toBe('host')
    expect(user.privilege?.host).toBe(true)
  })

  it('R3 precedence is siteAdmin, roSiteAdmin, host', () => {
    expect(ROLE_PRECEDENCE).toEqual(['siteAdmin', 'roSiteAdmin', 'host'])
    expect(userRole({ webExId: 'x', privilege: { roSiteAdmin: true, host: true } })).toBe('roSiteAdmin')
    expect(userRole({ webExId: 'x', privilege: { siteAdmin: true, roSiteAdmin: true } })).toBe('siteAdmin')
  })

  it('R3 merges the request flags over the stored ones before deciding', () => {
    const admin: User = { webExId: 'jdoe', privilege: { siteAdmin: true } }
    // the request only sends host: the stored siteAdmin TRUE still wins
    const { user } = expectRight(apply(admin, asAdmin({ webExId: 'jdoe', privilege: { host: true } })))
    expect(userRole(user)).toBe('siteAdmin')
    expect(user.privilege).toEqual({ siteAdmin: true, host: false })
  })

  it('R3 normalises: exactly the role flag is TRUE among the three', () => {
    const { user } = expectRight(apply(host, asAdmin({ webExId: 'jdoe', privilege: { roSiteAdmin: true } })))
    expect([user.privilege?.siteAdmin, user.privilege?.roSiteAdmin, user.privilege?.host]).toEqual([false, true, false])
  })

  it('R3 reports a sent flag that precedence overrides', () => {
    const { notices } = expectRight(
      apply(host, asAdmin({ webExId: 'jdoe', privilege: { siteAdmin: true, host: true } })),
    )
    expect(notices).toEqual([
      { kind: 'ignored', path: 'privilege.host', message: expect.stringContaining('the role is siteAdmin') as unknown },
    ])
  })

  it('R3 leaves the role flags alone when the request sends none of them (D-R3)', () => {
    const unnormalised: User = { webExId: 'jdoe', privilege: { siteAdmin: true, host: true } }
    const { user } = expectRight(
      apply(unnormalised, asAdmin({ webExId: 'jdoe', privilege: { recordingEditor: true } })),
    )
    expect(user.privilege).toEqual({ siteAdmin: true, host: true, recordingEditor: true })
  })

  it('R3 an already normalised user sending its own role flags is returned as the same object (R19)', () => {
    const { user, notices } = expectRight(
      apply(host, asAdmin({ webExId: 'jdoe', privilege: { host: true, siteAdmin: false } })),
    )
    expect(user).toBe(host)
    expect(notices).toEqual([])
  })
})
