import { describe, expect, it } from 'vitest'
import { applyCreateUser } from 'webex-user-rules'
import { parseResponseStatus, renderSetUserResponse } from 'webex-user-rules/xml'
import { ADMIN, apply, asAdmin, expectLeft, expectRight, site } from '../helpers.js'

const limited = site({
  sessionTypeLimits: [
    { sessionType: 214, limit: 5, users: 5 },
    { sessionType: 3, limit: 5, users: 4 },
  ],
})

describe('R29 session-type user limits (110055)', () => {
  it('R29 110055 when the user gains a session type whose limit is reached; value = the session type', () => {
    const error = expectLeft(
      apply({ webExId: 'jdoe', meetingTypes: [3] }, asAdmin({ webExId: 'jdoe', meetingTypes: [3, 214] }), limited),
    )
    expect(error).toEqual({
      _tag: 'RuleViolation',
      exceptionID: '110055',
      reason: 'User limit exceeded for the session type.',
      rule: 'R29',
      path: 'meetingTypes',
      value: '214',
    })
  })

  it('R29 the wire answer carries serv:value = the session type', () => {
    const result = apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', meetingTypes: [214] }), limited)
    const xml = renderSetUserResponse(result)
    expect(xml).toContain('<serv:exceptionID>110055</serv:exceptionID><serv:value>214</serv:value></serv:response>')
    expect(parseResponseStatus(xml)).toMatchObject({ _tag: 'Right', right: { exceptionID: '110055', value: '214' } })
  })

  it('R29 a type kept is already counted; a type below its limit is free', () => {
    expectRight(
      apply({ webExId: 'jdoe', meetingTypes: [214] }, asAdmin({ webExId: 'jdoe', meetingTypes: [214, 3] }), limited),
    )
  })

  it('R29 applies to CreateUser', () => {
    const created = applyCreateUser(limited, {
      caller: ADMIN,
      body: {
        webExId: 'ana',
        email: 'ana@example.edu',
        password: 'Rnd&Pw-9x2Q',
        firstName: 'Ana',
        lastName: 'Lee',
        meetingTypes: [214],
      },
    })
    expect(created).toMatchObject({ _tag: 'Left', left: { exceptionID: '110055', value: '214' } })
  })

  it('R29 without limits nothing is checked', () => {
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', meetingTypes: [214] })))
  })
})
