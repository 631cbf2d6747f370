import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applyCreateUser,
  applyGetUser,
  type Caller,
  User,
  userDefaults,
  type CreateUserBody,
  type CreateUserRequest,
  type SetUserError,
  type SetUserResult,
  type SiteContext,
} from 'webex-user-rules'
import { ADMIN, deepFreeze, site } from '../helpers.js'

/** The CreateUser of corpus/createuser-moodle-1.xml, as JSON. */
const moodle: CreateUserBody = {
  firstName: 'Ana',
  lastName: "O'Neil",
  webExId: 'student42',
  email: 'ana.oneil@example.edu',
  password: 'Rnd&Pw-9x2Q',
  privilege: { host: true },
  active: 'ACTIVATED',
  schedulingPermission: 'moodleapi',
}

const create = (
  body: CreateUserBody,
  siteContext: SiteContext = site(),
  caller: Caller = ADMIN,
): E.Either<SetUserError, SetUserResult> =>
  applyCreateUser(deepFreeze(siteContext), deepFreeze<CreateUserRequest>({ caller, body }))

const right = (r: E.Either<SetUserError, SetUserResult>): SetUserResult => {
  if (E.isLeft(r)) expect.fail(JSON.stringify(r.left))
  return r.right
}
const left = (r: E.Either<SetUserError, SetUserResult>): SetUserError => {
  if (E.isRight(r)) expect.fail(JSON.stringify(r.right))
  return r.left
}

describe('CreateUser', () => {
  it('creates the corpus Moodle user with the schema defaults filled', () => {
    const { user, effects } = right(create(moodle))
    expect(user).toMatchObject({
      webExId: 'student42',
      firstName: 'Ana',
      lastName: "O'Neil",
      email: 'ana.oneil@example.edu',
      schedulingPermission: 'moodleapi',
      active: 'ACTIVATED',
      categoryId: 0,
      timeZoneID: -1,
      personalTeleconf: { joinBeforeHost: false },
      salesCenter: { roles: { rep: true, mgr: false, asst: false, sme: false } },
    })
    expect(user.privilege).toMatchObject({
      host: true,
      siteAdmin: false,
      roSiteAdmin: false,
      otherTelephony: true,
      attendeeOnly: false,
    })
    expect(Object.values(user.options ?? {})).toHaveLength(36)
    expect(Object.values(user.options ?? {}).every((v) => !v)).toBe(true)
    expect(effects).toEqual([])
  })

  it('030009 when a required element is missing (webExId, password, email, firstName, lastName)', () => {
    const { password: _p, lastName: _l, ...partial } = moodle
    expect(left(create(partial))).toEqual({
      _tag: 'MissingRequiredElements',
      exceptionID: '030009',
      reason: 'Missing required fields: password, lastName',
      missing: ['password', 'lastName'],
    })
    expect(left(create({ ...moodle, email: '' }))).toMatchObject({ missing: ['email'] })
  })

  it('030009 names a missing webExId on every site, also where the password is optional', () => {
    const { webExId: _w, ...noWebExId } = moodle
    for (const s of [site(), site({ usesSSO: true })])
      expect(left(create(noWebExId, s))).toMatchObject({ _tag: 'MissingRequiredElements', missing: ['webExId'] })
  })

  it('needs no password on an SSO site', () => {
    const { password: _p, ...noPassword } = moodle
    right(create(noPassword, site({ usesSSO: true })))
  })

  it('030004 when the webExId is taken (case-insensitive), 030005 when the email is', () => {
    expect(left(create({ ...moodle, webExId: 'TAKEN' }))).toMatchObject({
      _tag: 'WebExIdConflict',
      exceptionID: '030004',
    })
    expect(left(create(moodle, site({ takenEmails: ['Ana.ONeil@example.edu'] })))).toMatchObject({
      _tag: 'EmailConflict',
      exceptionID: '030005',
      email: 'ana.oneil@example.edu',
    })
  })

  it('only a site admin creates users', () => {
    for (const role of ['roSiteAdmin', 'host', 'attendee'] as const) {
      expect(left(create(moodle, site(), { webExId: 'x', role }))).toMatchObject({
        _tag: 'NoPrivilege',
        exceptionID: '000001',
      })
    }
  })

  it('R7 validates PIN and hostPIN', () => {
    expect(left(create({ ...moodle, phones: { PIN: '1234' } }))).toMatchObject({
      _tag: 'InvalidPin',
      path: 'phones.PIN',
    })
    expect(left(create({ ...moodle, personalMeetingRoom: { hostPIN: '9876' } }))).toMatchObject({
      path: 'personalMeetingRoom.hostPIN',
    })
    expect(right(create({ ...moodle, phones: { PIN: '0427' } })).user.phones).toEqual({ PIN: '0427' })
  })

  it('R9 the site admin may set personalTeleconf.joinBeforeHost; account-level values are ignored', () => {
    const { user, notices } = right(
      create({
        ...moodle,
        phones: { PIN: '4826' },
        personalTeleconf: { joinBeforeHost: true, account: [{ accountIndex: 1, joinBeforeHost: false }] },
      }),
    )
    expect(user.personalTeleconf).toEqual({ joinBeforeHost: true, account: [{ accountIndex: 1 }] })
    expect(notices.map((n) => n.path)).toEqual(['personalTeleconf.account[0].joinBeforeHost'])
  })

  it('R3 role precedence with host as the default', () => {
    expect(right(create({ ...moodle, privilege: { siteAdmin: true, host: true } })).user.privilege).toMatchObject({
      siteAdmin: true,
      host: false,
    })
    expect(right(create({ ...moodle, privilege: { host: false } })).user.privilege).toMatchObject({ host: true })
  })

  it('R5 resets the defaults the site does not support (otherTelephony defaults to TRUE)', () => {
    const { user, notices } = right(create(moodle, site({ features: { supportOtherTypeTeleconf: false } })))
    expect(user.privilege?.otherTelephony).toBe(false)
    expect(notices).toEqual([
      { kind: 'reset', path: 'privilege.otherTelephony', message: expect.any(String) as unknown },
    ])
  })

  it('R6 the host limit applies when the user is created ACTIVATED, not when DEACTIVATED', () => {
    const full = site({ hostLimit: 10, activeHostCount: 10 })
    expect(left(create(moodle, full))).toMatchObject({ _tag: 'ExceededSiteHostLimit', hostCount: 11 })
    expect(right(create({ ...moodle, active: 'DEACTIVATED' }, full)).user.active).toBe('DEACTIVATED')
    right(create({ ...moodle, privilege: { attendeeOnly: true } }, full))
  })

  it('R8 a PCN account needs a PIN', () => {
    expect(
      left(create({ ...moodle, personalTeleconf: { account: [{ accountIndex: 1, autoGenerate: true }] } }))._tag,
    ).toBe('ValidPinRequired')
  })

  it('R15 assigns licences on a Control Hub site; sendWelcome and R17 syncWebOffice come last', () => {
    const { effects } = right(
      create(
        {
          ...moodle,
          supportedServices: { meetingCenter: true, trainingCenter: true },
          sendWelcome: true,
          syncWebOffice: true,
        },
        site({ controlHubManaged: true }),
      ),
    )
    expect(effects).toEqual([
      { kind: 'assignMeetingLicense', service: 'meetingCenter' },
      { kind: 'assignMeetingLicense', service: 'trainingCenter' },
      { kind: 'sendWelcome' },
      { kind: 'syncWebOffice' },
    ])
  })

  it('rejects elements CreateUser does not have (newWebExId) and output-only ones', () => {
    expect(left(create({ ...moodle, newWebExId: 'x' } as never))).toMatchObject({
      _tag: 'InvalidRequest',
      failures: [{ path: 'newWebExId' }],
    })
    expect(left(create({ ...moodle, userId: 1 } as never))).toMatchObject({
      failures: [{ source: 'body', path: 'userId' }],
    })
  })

  it('CreateUser then GetUser returns what was created, defaults filled, password masked', () => {
    const { user } = right(create({ ...moodle, phones: { PIN: '4826' } }))
    const view = applyGetUser([user], { caller: ADMIN, body: { webExId: 'student42' } })
    expect(view).toEqual(E.right({ ...user, password: '******' }))
  })
})

describe('userDefaults: the schema defaults of docs/spec.md §7.2, derived from the codec tree (D-SH-2)', () => {
  /** The boolean children of a container of the user codec, in schema order. */
  const booleans = (container: 'options' | 'commOptions' | 'privilege'): string[] => {
    const codec = User.props[container]
    if (codec?._tag !== 'StructType') return expect.fail(`${container} is not a struct`)
    return Object.entries(codec.props)
      .filter(([, child]) => child._tag === 'LeafType' && child.spec.kind === 'boolean')
      .map(([key]) => key)
  }

  it('D-SH-2 every option and commOption of the codecs is present and FALSE, in schema order', () => {
    const user = userDefaults('student42')
    expect(Object.keys(user.options ?? {})).toEqual(booleans('options'))
    expect(Object.keys(user.commOptions ?? {})).toEqual(booleans('commOptions'))
    expect(Object.values(user.options ?? {}).concat(Object.values(user.commOptions ?? {}))).not.toContain(true)
    expect(booleans('options').length + booleans('commOptions').length).toBeGreaterThan(20)
  })

  it('D-SH-2 every privilege is present: otherTelephony TRUE (schema) and host TRUE (the default role), the rest FALSE', () => {
    const privilege = userDefaults('student42').privilege ?? {}
    expect(Object.keys(privilege).sort()).toEqual(booleans('privilege').sort())
    expect(Object.entries(privilege).filter(([, on]) => on === true)).toEqual([
      ['host', true],
      ['otherTelephony', true],
    ])
  })

  it('D-SH-2 the other schema defaults: ACTIVATED, time zone -1, category 0, PCN join-before-host FALSE, Sales Center rep', () => {
    const { options, commOptions, privilege, ...rest } = userDefaults('student42')
    expect([options, commOptions, privilege].every((v) => v !== undefined)).toBe(true)
    expect(rest).toEqual({
      webExId: 'student42',
      categoryId: 0,
      timeZoneID: -1,
      active: 'ACTIVATED',
      personalTeleconf: { joinBeforeHost: false },
      salesCenter: { roles: { rep: true, mgr: false, asst: false, sme: false } },
    })
  })

  it('D-SH-2 each call builds its own objects (a caller that edits one user does not edit the next)', () => {
    const a = userDefaults('a')
    const b = userDefaults('b')
    expect(a.privilege).not.toBe(b.privilege)
    expect(a.options).not.toBe(b.options)
  })
})
