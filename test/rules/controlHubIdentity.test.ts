import { describe, expect, it } from 'vitest'
import { applyCreateUser, type User } from 'webex-user-rules'
import { ADMIN, apply, asAdmin, expectLeft, expectRight, site } from '../helpers.js'

const ci = site({ commonIdentity: true, allowUserToChangeUserName: true })
const stored: User = {
  webExId: 'jdoe',
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jdoe@example.com',
  phones: { phone: '1,408,5550100', PIN: '4826' },
}

describe('R33 identity on Control Hub managed sites', () => {
  it('R33 the overview’s list: Webex ID, password, email, name, telephone number ⇒ 000001 naming the paths', () => {
    const error = expectLeft(
      apply(
        stored,
        asAdmin({
          webExId: 'jdoe',
          newWebExId: 'jane',
          password: 'Rnd&Pw-9x2Q',
          email: 'jane@example.com',
          firstName: 'Janet',
          lastName: 'Dough',
          phones: { phone: '1,408,5550199', mobilePhone: '1,408,5550111' },
        }),
        ci,
      ),
    )
    expect(error).toEqual({
      _tag: 'NoPrivilege',
      exceptionID: '000001',
      reason: 'Access denied, additional privileges are required',
      paths: ['newWebExId', 'password', 'email', 'firstName', 'lastName', 'phones.phone', 'phones.mobilePhone'],
    })
  })

  it('R33 writing back the stored values, the PIN and everything else pass', () => {
    expectRight(
      apply(
        stored,
        asAdmin({
          webExId: 'jdoe',
          firstName: 'Jane',
          email: 'jdoe@example.com',
          phones: { phone: '1,408,5550100', PIN: '5829' },
          title: 'CTO',
        }),
        ci,
      ),
    )
  })

  it('R33 CreateUser is not restricted (Control Hub creates the identity)', () => {
    const created = applyCreateUser(ci, {
      caller: ADMIN,
      body: { webExId: 'ana', email: 'ana@example.edu', password: 'Rnd&Pw-9x2Q', firstName: 'Ana', lastName: 'Lee' },
    })
    expect(created._tag).toBe('Right')
  })

  it('R33 without the site fact identity edits work as before', () => {
    expectRight(apply(stored, asAdmin({ webExId: 'jdoe', email: 'jane@example.com', firstName: 'Janet' })))
  })
})

describe('R34 roles on Common Identity sites', () => {
  it('R34 E030103 "Assignment of this role is not supported" for an administrator role', () => {
    for (const key of ['siteAdmin', 'roSiteAdmin'] as const) {
      const error = expectLeft(apply(stored, asAdmin({ webExId: 'jdoe', privilege: { [key]: true } }), ci))
      expect(error).toEqual({
        _tag: 'RuleViolation',
        exceptionID: 'E030103',
        reason: 'Assignment of this role is not supported.',
        rule: 'R34',
        path: `privilege.${key}`,
      })
    }
  })

  it('R34 keeping a held role, or other privileges, pass; CreateUser is checked too', () => {
    expectRight(
      apply(
        { ...stored, privilege: { siteAdmin: true } },
        asAdmin({ webExId: 'jdoe', privilege: { siteAdmin: true } }),
        ci,
      ),
    )
    expectRight(apply(stored, asAdmin({ webExId: 'jdoe', privilege: { host: true, HDvideo: true } }), ci))
    const created = applyCreateUser(ci, {
      caller: ADMIN,
      body: {
        webExId: 'ana',
        email: 'ana@example.edu',
        password: 'Rnd&Pw-9x2Q',
        firstName: 'Ana',
        lastName: 'Lee',
        privilege: { siteAdmin: true },
      },
    })
    expect(created).toMatchObject({ _tag: 'Left', left: { exceptionID: 'E030103' } })
  })
})
