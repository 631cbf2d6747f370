import { describe, expect, it } from 'vitest'
import { applySetUser, type SetUserRequest, type SiteContext, type User } from 'webex-user-rules'
import { apply, asAdmin, asSelf, baseSite, deepFreeze, expectLeft, expectRight, site } from './helpers.js'

const stored: User = {
  webExId: 'jdoe',
  phones: { PIN: '4826' },
  privilege: { host: true },
  salesCenter: { roles: { sme: true }, smeInfo: { products: [120] } },
}

describe('R19 atomicity and purity', () => {
  it('R19 an error carries no user and no effects', () => {
    const result = apply(
      stored,
      asAdmin({ webExId: 'jdoe', newWebExId: 'new', syncWebOffice: true, phones: { PIN: '1111' } }),
    )
    expect(result).toEqual({ _tag: 'Left', left: expect.objectContaining({ _tag: 'InvalidPin' }) as unknown })
    expect(Object.keys(result)).toEqual(['_tag', 'left'])
  })

  it('R19 never mutates its inputs (they are deep-frozen here, and compared after)', () => {
    const user = structuredClone(stored)
    const request: SetUserRequest = asAdmin({
      webExId: 'jdoe',
      privilege: { siteAdmin: true },
      salesCenter: { smeInfo: { products: [124] } },
      personalTeleconf: { account: [{ accountIndex: 1, autoGenerate: true }] },
    })
    const siteContext = site({ features: { HQvideo: false } })
    const before = structuredClone({ user, request, siteContext })
    expectRight(applySetUser(deepFreeze(user), siteContext, deepFreeze(request)))
    expect({ user, request, siteContext }).toEqual(before)
  })

  it("R19 does not freeze the caller's objects (immer auto-freeze is off)", () => {
    const user: User = { webExId: 'jdoe', options: { emailVisible: false }, address: { city: 'Oslo' } }
    const { user: next } = expectRight(
      applySetUser(user, baseSite, asAdmin({ webExId: 'jdoe', privilege: { siteAdmin: true } })),
    )
    expect(Object.isFrozen(user)).toBe(false)
    expect(Object.isFrozen(user.address)).toBe(false)
    expect(Object.isFrozen(next)).toBe(false)
  })

  it('R19 same inputs ⇒ same output', () => {
    const request = asAdmin({ webExId: 'jdoe', firstName: 'A', privilege: { roSiteAdmin: true } })
    expect(apply(stored, request)).toEqual(apply(stored, request))
  })

  it('R19 accepts inputs straight from JSON.parse', () => {
    const json = (x: unknown): never => JSON.parse(JSON.stringify(x)) as never
    const { user } = expectRight(
      applySetUser(json(stored), json(baseSite), json(asAdmin({ webExId: 'jdoe', firstName: 'A' }))),
    )
    expect(user.firstName).toBe('A')
  })
})

describe('docs/spec.md §4 order of checks', () => {
  it('decode comes first: a malformed body fails as InvalidRequest even for a stranger', () => {
    const error = expectLeft(
      apply(stored, { caller: { webExId: 'x', role: 'host' }, body: { webExId: 'y', active: 'ON' } } as never),
    )
    expect(error._tag).toBe('InvalidRequest')
  })

  it('identity before authorization before validation before site-wide checks', () => {
    const atLimit: SiteContext = site({ hostLimit: 1, activeHostCount: 1 })
    const deactivated: User = { ...stored, active: 'DEACTIVATED' }
    // everything wrong at once: each fix reveals the next check
    const wrongName = asSelf({ webExId: 'other', active: 'ACTIVATED', phones: { PIN: '1234' } })
    expect(expectLeft(apply(deactivated, wrongName, atLimit))._tag).toBe('UserNotFound')
    const host = asSelf({ webExId: 'jdoe', active: 'ACTIVATED', phones: { PIN: '1234' } })
    expect(expectLeft(apply(deactivated, host, atLimit))._tag).toBe('NoPrivilege')
    const badPin = asAdmin({ webExId: 'jdoe', active: 'ACTIVATED', phones: { PIN: '1234' } })
    expect(expectLeft(apply(deactivated, badPin, atLimit))._tag).toBe('InvalidPin')
    const overLimit = asAdmin({ webExId: 'jdoe', active: 'ACTIVATED', phones: { PIN: '5829' } })
    expect(expectLeft(apply(deactivated, overLimit, atLimit))._tag).toBe('ExceededSiteHostLimit')
  })

  it('value validation runs R7 before R10 before R12 before R14 before R18 before products', () => {
    const all = {
      webExId: 'jdoe',
      phones: { PIN: '1111' },
      thirdPartyTeleconf: { account: [{ accountIndex: 9 }] },
      security: { resetPassword: true, forceChangePassword: false },
      newWebExId: 'taken',
      supportCenter: { orderTabs: ['Tools' as const] },
      salesCenter: { smeInfo: { products: [999] } },
    }
    const tags: string[] = []
    let body: Record<string, unknown> = all
    for (const key of ['phones', 'thirdPartyTeleconf', 'security', 'newWebExId', 'supportCenter', 'salesCenter']) {
      tags.push(expectLeft(apply(stored, asAdmin(body as never)))._tag)
      const { [key]: _dropped, ...rest } = body
      body = rest
    }
    expect(tags).toEqual([
      'InvalidPin',
      'InvalidAccounts',
      'InvalidSecurityOptions',
      'WebExIdConflict',
      'InvalidRequest',
      'UnknownProductId',
    ])
  })

  it('R6 before R8 before R16 among the site-wide checks', () => {
    const down = { telephony: { primaryLarge: false, nextGen: false, backup2Large: false } }
    const user: User = { webExId: 'jdoe', active: 'DEACTIVATED' }
    const body = { webExId: 'jdoe', active: 'ACTIVATED' as const, personalTeleconf: { account: [{ accountIndex: 1 }] } }
    expect(expectLeft(apply(user, asAdmin(body), site({ ...down, hostLimit: 0, activeHostCount: 0 })))._tag).toBe(
      'ExceededSiteHostLimit',
    )
    expect(expectLeft(apply(user, asAdmin(body), site(down)))._tag).toBe('ValidPinRequired')
    expect(expectLeft(apply(user, asAdmin({ ...body, phones: { PIN: '5829' } }), site(down)))._tag).toBe(
      'TelephonyUnavailable',
    )
  })
})

describe('D-M3 site lists are read only by the rules that need them', () => {
  it('R14 takenWebExIds items are not checked when the request does not rename', () => {
    const badList = site({ takenWebExIds: ['ok', 5] as never })
    expectRight(apply(stored, asAdmin({ webExId: 'jdoe', firstName: 'Jane' }), badList))
    // renaming to the current name is no rename (R14): the list is not read either
    expectRight(apply(stored, asAdmin({ webExId: 'jdoe', newWebExId: 'jdoe' }), badList))
    expect(expectLeft(apply(stored, asAdmin({ webExId: 'jdoe', newWebExId: 'jane' }), badList))).toMatchObject({
      _tag: 'InvalidRequest',
      failures: [{ source: 'site', path: 'takenWebExIds[1]' }],
    })
  })
})

describe('effects and notices', () => {
  it('effects come in the documented order', () => {
    const user: User = {
      webExId: 'jdoe',
      active: 'DEACTIVATED',
      supportedServices: { meetingCenter: true },
      salesCenter: { smeInfo: { description: 'x' } },
    }
    const { effects } = expectRight(
      apply(
        user,
        asAdmin({
          webExId: 'jdoe',
          newWebExId: 'jane',
          active: 'ACTIVATED',
          security: { lockAccount: true },
          salesCenter: { roles: { sme: false } },
          phones: { PIN: '5829' },
          personalTeleconf: { account: [{ accountIndex: 1, autoGenerate: true }] },
          syncWebOffice: true,
        }),
        site({ controlHubManaged: true }),
      ),
    )
    expect(effects.map((e) => e.kind)).toEqual([
      'renamed',
      'accountLocked',
      'smeRecordsRemoved',
      'generateAccessCodes',
      'provisionTelephony',
      'assignMeetingLicense',
      'syncWebOffice',
    ])
  })
})
