import type * as E from 'fp-ts/lib/Either.js'
import { describe, expectTypeOf, it } from 'vitest'
import {
  applySetUser,
  decodeSetUserRequest,
  type CallerRole,
  type Effect,
  type EffectKind,
  type InvalidRequest,
  type Notice,
  type RuleViolationId,
  type SetUserError,
  type SetUserErrorTag,
  type SetUserRequest,
  type SetUserResult,
  type SiteContext,
  type User,
} from 'webex-user-rules'

describe('public API types', () => {
  it('applySetUser takes (User, SiteContext, SetUserRequest) and returns Either<SetUserError, SetUserResult>', () => {
    expectTypeOf(applySetUser).parameters.toEqualTypeOf<[User, SiteContext, SetUserRequest]>()
    expectTypeOf(applySetUser).returns.toEqualTypeOf<E.Either<SetUserError, SetUserResult>>()
  })

  it('decodeSetUserRequest fails only with InvalidRequest', () => {
    expectTypeOf(decodeSetUserRequest).returns.toEqualTypeOf<E.Either<InvalidRequest, SetUserRequest>>()
  })

  it('the error union is closed over the tags of docs/spec.md §1, the two CreateUser errors and RuleViolation (R21–R34)', () => {
    expectTypeOf<SetUserErrorTag>().toEqualTypeOf<
      | 'InvalidRequest'
      | 'UserNotFound'
      | 'NoPrivilege'
      | 'InvalidPin'
      | 'ValidPinRequired'
      | 'ExceededSiteHostLimit'
      | 'UnknownProductId'
      | 'UserNameChangeNotAllowed'
      | 'WebExIdConflict'
      | 'InvalidSecurityOptions'
      | 'ServiceDeskNotSupported'
      | 'InvalidAccounts'
      | 'TelephonyUnavailable'
      | 'MissingRequiredElements'
      | 'EmailConflict'
      | 'RuleViolation'
    >()
  })

  it('each tag carries its Webex exceptionID as a literal type', () => {
    expectTypeOf<Extract<SetUserError, { _tag: 'NoPrivilege' }>['exceptionID']>().toEqualTypeOf<'000001'>()
    expectTypeOf<Extract<SetUserError, { _tag: 'UserNotFound' }>['exceptionID']>().toEqualTypeOf<'030001'>()
    expectTypeOf<Extract<SetUserError, { _tag: 'ExceededSiteHostLimit' }>['exceptionID']>().toEqualTypeOf<'030010'>()
    expectTypeOf<Extract<SetUserError, { _tag: 'WebExIdConflict' }>['exceptionID']>().toEqualTypeOf<'030004'>()
    expectTypeOf<Extract<SetUserError, { _tag: 'InvalidSecurityOptions' }>['exceptionID']>().toEqualTypeOf<
      '030053' | '030057'
    >()
    expectTypeOf<Extract<SetUserError, { _tag: 'ServiceDeskNotSupported' }>['exceptionID']>().toEqualTypeOf<'030045'>()
    expectTypeOf<SetUserError['exceptionID']>().toEqualTypeOf<
      | '999999'
      | '030001'
      | '000001'
      | '030010'
      | '030004'
      | '030053'
      | '030057'
      | '030045'
      | '000035'
      | '030009'
      | '030005'
      | RuleViolationId
    >()
    expectTypeOf<RuleViolationId>().toEqualTypeOf<
      | '000001'
      | '030003'
      | '030011'
      | '030012'
      | '030013'
      | '030014'
      | '030015'
      | '030016'
      | '030017'
      | '030018'
      | '030019'
      | '030021'
      | '030022'
      | '030023'
      | '030036'
      | '030050'
      | '030051'
      | '030055'
      | '030056'
      | '030058'
      | '030060'
      | '030062'
      | '030077'
      | '110055'
      | 'E030103'
    >()
  })

  it('the effect kinds are the eleven of docs/spec.md §1, and sendWelcome for CreateUser', () => {
    expectTypeOf<EffectKind>().toEqualTypeOf<
      | 'renamed'
      | 'syncWebOffice'
      | 'smeRecordsRemoved'
      | 'assignMeetingLicense'
      | 'removeMeetingLicense'
      | 'provisionTelephony'
      | 'generateAccessCodes'
      | 'passwordChangeForced'
      | 'passwordReset'
      | 'accountLocked'
      | 'accountUnlocked'
      | 'sendWelcome'
    >()
    expectTypeOf<Extract<Effect, { kind: 'renamed' }>>().toEqualTypeOf<{
      readonly kind: 'renamed'
      readonly from: string
      readonly to: string
    }>()
    expectTypeOf<Notice['kind']>().toEqualTypeOf<'ignored' | 'reset' | 'warning'>()
  })

  it('a User needs a webExId; optional elements may not be undefined', () => {
    expectTypeOf<{ webExId: string }>().toExtend<User>()
    expectTypeOf<{ firstName: string }>().not.toExtend<User>()
    expectTypeOf<{ webExId: string; firstName: undefined }>().not.toExtend<User>()
    expectTypeOf<User['meetingTypes']>().toEqualTypeOf<readonly number[] | undefined>()
    expectTypeOf<NonNullable<User['phones']>['PIN']>().toEqualTypeOf<string | undefined>()
  })

  it('callers have the four roles of docs/spec.md §1', () => {
    expectTypeOf<CallerRole>().toEqualTypeOf<'siteAdmin' | 'roSiteAdmin' | 'host' | 'attendee'>()
  })
})
