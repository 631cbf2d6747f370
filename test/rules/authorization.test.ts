import { describe, expect, it } from 'vitest'
import { classifyPath, MODEL_PATHS, PATH_ACCESS, type User } from 'webex-user-rules'
import { apply, asAdmin, asSelf, expectLeft, expectRight } from '../helpers.js'

const jdoe: User = { webExId: 'jdoe', firstName: 'Jane', privilege: { host: true }, active: 'ACTIVATED' }

describe('R11 authorization', () => {
  it('R11 seed: a site administrator may update any user, any field', () => {
    const { user } = expectRight(
      apply(jdoe, asAdmin({ webExId: 'jdoe', firstName: 'Janet', active: 'DEACTIVATED', meetingTypes: [3] })),
    )
    expect(user).toMatchObject({ firstName: 'Janet', active: 'DEACTIVATED', meetingTypes: [3] })
  })

  it('R11 a host may change the self-service fields of their own record', () => {
    const { user } = expectRight(
      apply(
        jdoe,
        asSelf({
          webExId: 'jdoe',
          firstName: 'J',
          phones: { PIN: '5829' },
          options: { emailVisible: true },
          personalMeetingRoom: { hostPIN: '8314', PMRAutoLock: true },
          videoSystems: [{ address: 'room@example.com' }],
        }),
      ),
    )
    expect(user.firstName).toBe('J')
  })

  for (const role of ['host', 'roSiteAdmin', 'attendee'] as const) {
    it(`R11 a ${role} may not update another user at all (NoPrivilege 000001)`, () => {
      const error = expectLeft(
        apply(jdoe, { caller: { webExId: 'someone', role }, body: { webExId: 'jdoe', firstName: 'X' } }),
      )
      expect(error).toEqual({
        _tag: 'NoPrivilege',
        exceptionID: '000001',
        reason: 'Access denied, additional privileges are required',
        paths: [],
      })
    })

    it(`R11 a ${role} may not send an admin-only field for their own record`, () => {
      const error = expectLeft(
        apply(jdoe, asSelf({ webExId: 'jdoe', firstName: 'J', privilege: { siteAdmin: true } }, role)),
      )
      expect(error).toMatchObject({ _tag: 'NoPrivilege', paths: ['privilege.siteAdmin'] })
    })
  }

  it('R11 D: presence, not change, is checked: an admin-only value equal to the stored one still fails', () => {
    const error = expectLeft(apply(jdoe, asSelf({ webExId: 'jdoe', active: 'ACTIVATED' })))
    expect(error).toMatchObject({ _tag: 'NoPrivilege', paths: ['active'] })
  })

  it('R11 lists every admin-only path the request sends', () => {
    const error = expectLeft(
      apply(
        jdoe,
        asSelf({
          webExId: 'jdoe',
          meetingTypes: [1],
          tspAccount: [{ accountIndex: 1, custom1: 'x' }],
          security: { lockAccount: false },
          supportCenter: { serviceDesk: { enable: true } },
        }),
      ),
    )
    expect(error).toMatchObject({
      _tag: 'NoPrivilege',
      paths: [
        'meetingTypes',
        'tspAccount',
        'tspAccount[].accountIndex',
        'tspAccount[].custom1',
        'security.lockAccount',
        'supportCenter.serviceDesk.enable',
      ],
    })
  })

  it('R11 an empty list of an admin-only element is still a write', () => {
    const error = expectLeft(apply(jdoe, asSelf({ webExId: 'jdoe', schedulingTemplates: [] })))
    expect(error).toMatchObject({ _tag: 'NoPrivilege', paths: ['schedulingTemplates'] })
  })

  it('R11 is checked before value validation, so a host cannot probe the rules', () => {
    // an invalid PIN and an unknown prodID would fail validation, but authorization comes first
    const error = expectLeft(
      apply(
        jdoe,
        asSelf({
          webExId: 'jdoe',
          phones: { PIN: '1111' },
          salesCenter: { roles: { sme: true }, smeInfo: { products: [999] } },
        }),
      ),
    )
    expect(error._tag).toBe('NoPrivilege')
  })

  it('R11 output-only elements are not part of a request: InvalidRequest', () => {
    const error = expectLeft(apply(jdoe, asAdmin({ webExId: 'jdoe', userId: 5 } as never)))
    expect(error).toMatchObject({ _tag: 'InvalidRequest', failures: [{ source: 'body', path: 'userId' }] })
    const room = expectLeft(apply(jdoe, asAdmin({ webExId: 'jdoe', personalMeetingRoom: { sipURL: 'x@y' } } as never)))
    expect(room).toMatchObject({ _tag: 'InvalidRequest', failures: [{ path: 'personalMeetingRoom.sipURL' }] })
  })

  it('R11 the table classifies every leaf and list path of the model, and every entry is used', () => {
    expect(MODEL_PATHS.filter((path) => classifyPath(path) === undefined)).toEqual([])
    expect(MODEL_PATHS.length).toBeGreaterThan(200)
    const unused = PATH_ACCESS.filter(
      ([prefix]) =>
        !MODEL_PATHS.some(
          (path) =>
            classifyPath(path) !== undefined &&
            (path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`)),
        ),
    )
    expect(unused).toEqual([])
  })

  it('R11 the seed and spec classifications hold', () => {
    expect(classifyPath('personalTeleconf.joinBeforeHost')).toBe('admin-only')
    expect(classifyPath('personalTeleconf.account[].subscriberAccessCode')).toBe('self-service')
    expect(classifyPath('personalMeetingRoom.hostPIN')).toBe('self-service')
    expect(classifyPath('personalMeetingRoom.sipURL')).toBe('output-only')
    expect(classifyPath('phones.PIN')).toBe('self-service')
    expect(classifyPath('newWebExId')).toBe('self-service')
    expect(classifyPath('privilege.host')).toBe('admin-only')
    expect(classifyPath('myWebEx.myWorkspaces')).toBe('admin-only')
    expect(classifyPath('supportCenter.serviceDesk.enable')).toBe('admin-only')
    expect(classifyPath('userId')).toBe('output-only')
  })
})

describe('R11 presence decides for containers too (D-F2)', () => {
  it('R11 an admin-only container sent empty is refused for a host, like an empty admin-only list', () => {
    for (const key of ['tracking', 'supportedServices', 'privilege', 'security', 'myWebEx'] as const) {
      const error = expectLeft(apply(jdoe, asSelf({ webExId: 'jdoe', [key]: {} })))
      expect(error).toEqual({
        _tag: 'NoPrivilege',
        exceptionID: '000001',
        reason: 'Access denied, additional privileges are required',
        paths: [key],
      })
    }
    expect(expectLeft(apply(jdoe, asSelf({ webExId: 'jdoe', supportCenter: { serviceDesk: {} } })))).toMatchObject({
      paths: ['supportCenter.serviceDesk'],
    })
  })

  it('R11 an empty container a host may fill, or a mixed one, is fine; a site admin may send any', () => {
    for (const key of ['phones', 'address', 'options', 'personalMeetingRoom', 'personalTeleconf'] as const)
      expectRight(apply(jdoe, asSelf({ webExId: 'jdoe', [key]: {} })))
    expectRight(apply(jdoe, asAdmin({ webExId: 'jdoe', tracking: {}, privilege: {}, security: {} })))
  })
})
