import { describe, expect, it } from 'vitest'
import { applyCreateUser, type CreateUserBody, type SiteContext } from 'webex-user-rules'
import { ADMIN, apply, asAdmin, asSelf, expectLeft, expectRight, site } from '../helpers.js'

const ana: CreateUserBody = { webExId: 'ana', email: 'ana@example.edu', firstName: 'Ana', lastName: 'Lee' }
const create = (body: CreateUserBody, siteContext: SiteContext) => applyCreateUser(siteContext, { caller: ADMIN, body })

describe('R22 who sets passwords (SSO and Control Hub sites)', () => {
  const idp = site({ passwords: { adminMaySet: false } })

  it('R22 030056: a site admin cannot set a password where an identity provider keeps them', () => {
    const error = expectLeft(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', password: 'Rnd&Pw-9x2Q' }), idp))
    expect(error).toEqual({
      _tag: 'RuleViolation',
      exceptionID: '030056',
      reason: 'Site Admin cannot set password for user.',
      rule: 'R22',
      path: 'password',
    })
  })

  it('R22 030056: nor can the user through the API', () => {
    expect(
      expectLeft(apply({ webExId: 'jdoe' }, asSelf({ webExId: 'jdoe', password: 'Rnd&Pw-9x2Q' }), idp)).exceptionID,
    ).toBe('030056')
  })

  it('R22 030056 on CreateUser, where the password is then optional', () => {
    expect(create({ ...ana, password: 'Rnd&Pw-9x2Q' }, idp)).toMatchObject({
      _tag: 'Left',
      left: { exceptionID: '030056' },
    })
    expect(create(ana, idp)._tag).toBe('Right')
  })

  it('R22 030056 on an SSO site (usesSSO) unless it declares that the admin may set passwords', () => {
    const sso = site({ usesSSO: true })
    expect(expectLeft(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', password: 'Rnd&Pw-9x2Q' }), sso))).toEqual(
      expect.objectContaining({ exceptionID: '030056', path: 'password' }),
    )
    expect(create({ ...ana, password: 'Rnd&Pw-9x2Q' }, sso)).toMatchObject({
      _tag: 'Left',
      left: { exceptionID: '030056' },
    })
    const partialSso = site({ usesSSO: true, passwords: { adminMaySet: true } })
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', password: 'Rnd&Pw-9x2Q' }), partialSso))
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', firstName: 'Jo' }), sso))
  })

  it('R22 other edits on such a site are fine', () => {
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', firstName: 'Jo', password: '' }), idp))
  })

  it('R22 030055: CreateUser without a password must force a reset where that is allowed', () => {
    const optional = site({ passwords: { optionalOnCreate: true } })
    const error = create(ana, optional)
    expect(error).toMatchObject({
      _tag: 'Left',
      left: {
        _tag: 'RuleViolation',
        exceptionID: '030055',
        reason: 'resetPassword must be true while SiteAdmin does not specify user password.',
        path: 'security.resetPassword',
      },
    })
    expect(create({ ...ana, security: { resetPassword: true, forceChangePassword: true } }, optional)._tag).toBe(
      'Right',
    )
    expect(create({ ...ana, password: 'Rnd&Pw-9x2Q' }, optional)._tag).toBe('Right')
  })

  it('R22 030055 does not apply on SSO sites, which keep no password', () => {
    expect(create(ana, site({ usesSSO: true, passwords: { optionalOnCreate: true } }))._tag).toBe('Right')
  })

  it('R22 without the site facts a missing password stays 030009 and any password is accepted', () => {
    expect(create(ana, site())).toMatchObject({ _tag: 'Left', left: { exceptionID: '030009' } })
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', password: 'x' })))
  })
})
