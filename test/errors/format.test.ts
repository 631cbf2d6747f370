import { describe, expect, it } from 'vitest'
import * as api from 'webex-user-rules'
import type { SetUserError, SetUserErrorTag } from 'webex-user-rules'

const oneOfEach: SetUserError[] = [
  api.invalidRequest([
    { source: 'body', code: 'wrongType', path: 'privilege.host', expected: 'boolean', actual: 'yes' },
  ]),
  api.userNotFound('jdoe'),
  api.noPrivilege(['privilege.host']),
  api.invalidPin('phones.PIN'),
  api.validPinRequired('personalTeleconf.account[0]'),
  api.exceededSiteHostLimit(10, 11),
  api.unknownProductId([999]),
  api.userNameChangeNotAllowed(),
  api.webExIdConflict('taken'),
  api.resetNeedsForcedChange(),
  api.forcedChangeCannotBeLifted(),
  api.serviceDeskNotSupported(),
  api.invalidAccounts('tspAccount[0].accountIndex', 'out of range'),
  api.telephonyUnavailable(),
]

describe('errors (docs/spec.md §1)', () => {
  it('every tag carries the Webex exceptionID of the spec table', () => {
    const ids = Object.fromEntries(oneOfEach.map((e) => [`${e._tag}:${e.exceptionID}`, true]))
    expect(Object.keys(ids)).toEqual([
      'InvalidRequest:999999',
      'UserNotFound:030001',
      'NoPrivilege:000001',
      'InvalidPin:999999',
      'ValidPinRequired:999999',
      'ExceededSiteHostLimit:030010',
      'UnknownProductId:999999',
      'UserNameChangeNotAllowed:000001',
      'WebExIdConflict:030004',
      'InvalidSecurityOptions:030053',
      'InvalidSecurityOptions:030057',
      'ServiceDeskNotSupported:030045',
      'InvalidAccounts:999999',
      'TelephonyUnavailable:000035',
    ])
    const tags = new Set<SetUserErrorTag>(oneOfEach.map((e) => e._tag))
    expect(tags.size).toBe(13)
  })

  it('the seed reasons are word for word', () => {
    expect(api.noPrivilege([]).reason).toBe('Access denied, additional privileges are required')
    expect(api.validPinRequired('x').reason).toBe('valid PIN is required')
    expect(api.exceededSiteHostLimit(1, 2).reason).toBe('exceededSiteHostLimit')
    expect(api.invalidPin('phones.PIN').reason.startsWith('Not a valid PIN!')).toBe(true)
  })

  it('formatError gives tag, exceptionID, reason and one line per detail', () => {
    expect(api.formatError(api.noPrivilege(['personalTeleconf.joinBeforeHost']))).toBe(
      'NoPrivilege (exceptionID 000001): Access denied, additional privileges are required\n  - personalTeleconf.joinBeforeHost',
    )
    expect(
      api.formatError(
        api.invalidRequest([
          {
            source: 'body',
            code: 'unknownElement',
            path: 'Active',
            expected: 'no element "Active" in SetUserBody',
            actual: 'ACTIVATED',
            hint: 'did you mean "active"?',
          },
          { source: 'site', code: 'outOfRange', path: 'hostLimit', expected: 'integer', actual: -1 },
        ]),
      ),
    ).toBe(
      [
        'InvalidRequest (exceptionID 999999): Invalid request',
        '  - body.Active: expected no element "Active" in SetUserBody, got "ACTIVATED" (did you mean "active"?)',
        '  - site.hostLimit: expected integer, got -1',
      ].join('\n'),
    )
    expect(api.formatError(api.userNotFound('jdoe'))).toBe('UserNotFound (exceptionID 030001): User not found: jdoe')
  })

  it('formatDecodeFailure survives values JSON cannot show', () => {
    expect(
      api.formatDecodeFailure({ source: 'body', code: 'wrongType', path: 'x', expected: 'boolean', actual: 10n }),
    ).toBe('body.x: expected boolean, got bigint')
    expect(
      api.formatDecodeFailure({
        source: 'body',
        code: 'missingElement',
        path: 'x',
        expected: 'string',
        actual: undefined,
      }),
    ).toBe('body.x: expected string, got nothing')
  })

  it('a failure path that starts at a list index follows its source without a dot: user[0].webExId', () => {
    const failure = {
      source: 'user',
      code: 'wrongType',
      path: '[0].webExId',
      expected: 'a user with a webExId',
      actual: 7,
    } as const
    expect(api.failureWhere(failure)).toBe('user[0].webExId')
    expect(api.invalidRequest([failure]).reason).toBe(
      'Invalid request: user[0].webExId: expected a user with a webExId',
    )
    expect(api.formatDecodeFailure(failure)).toBe('user[0].webExId: expected a user with a webExId, got 7')
    expect(api.failureWhere({ ...failure, path: '' })).toBe('user')
    expect(api.failureWhere({ ...failure, path: 'privilege.host' })).toBe('user.privilege.host')
  })
})
