import { describe, expect, it } from 'vitest'
import { applyCreateUser, schedulingPermissionNames } from 'webex-user-rules'
import { ADMIN, apply, asAdmin, asSelf, expectLeft, expectRight, site } from '../helpers.js'

const directory = site({ siteWebExIds: ['jdoe', 'MoodleAPI', 'ana'] })

describe('R23 schedulingPermission names users of the site', () => {
  it('R23 the value is semicolon-separated webExIds', () => {
    expect(schedulingPermissionNames('moodleapi;ana')).toEqual(['moodleapi', 'ana'])
    expect(schedulingPermissionNames(' a ;; b ;')).toEqual(['a', 'b'])
    expect(schedulingPermissionNames('')).toEqual([])
  })

  it('R23 030019 when one of them is not a user of the site', () => {
    const error = expectLeft(
      apply({ webExId: 'jdoe' }, asSelf({ webExId: 'jdoe', schedulingPermission: 'ana;ghost' }), directory),
    )
    expect(error).toEqual({
      _tag: 'RuleViolation',
      exceptionID: '030019',
      reason: 'Schedule permission user not found.',
      rule: 'R23',
      path: 'schedulingPermission[1]',
    })
  })

  it('R23 names compare case-insensitively; an empty value clears the permission', () => {
    expectRight(
      apply({ webExId: 'jdoe' }, asSelf({ webExId: 'jdoe', schedulingPermission: 'moodleapi;ANA' }), directory),
    )
    expectRight(apply({ webExId: 'jdoe' }, asSelf({ webExId: 'jdoe', schedulingPermission: '' }), directory))
  })

  it('R23 the corpus CreateUser (schedulingPermission moodleapi) passes on a site that has moodleapi', () => {
    const created = applyCreateUser(directory, {
      caller: ADMIN,
      body: {
        webExId: 'student42',
        email: 'ana.oneil@example.edu',
        password: 'Rnd&Pw-9x2Q',
        firstName: 'Ana',
        lastName: "O'Neil",
        schedulingPermission: 'moodleapi',
      },
    })
    expect(created._tag).toBe('Right')
  })

  it('R23 without the site list nothing is checked', () => {
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', schedulingPermission: 'ghost' })))
  })
})
