import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applyActivateUser,
  applyDelUser,
  applyGetUser,
  applyInactivateUser,
  countActiveHosts,
  type User,
} from 'webex-user-rules'
import { ADMIN, deepFreeze, site } from '../helpers.js'

const users: User[] = deepFreeze([
  { webExId: 'jsmith', userId: 101, supportedServices: { meetingCenter: true, eventCenter: true } },
  { webExId: 'jdoe', userId: 102, active: 'DEACTIVATED' },
  { webExId: 'guest', userId: 103, privilege: { attendeeOnly: true } },
])

describe('DelUser', () => {
  it('deactivates each named user (the API does not erase), one outcome per webExId', () => {
    const r = applyDelUser(site({ activeHostCount: 1 }), users, {
      caller: ADMIN,
      body: { webExId: ['jsmith', 'nobody', 'jdoe'] },
    })
    if (E.isLeft(r)) expect.fail(JSON.stringify(r.left))
    expect(r.right.results.map((o) => [o.webExId, o.status])).toEqual([
      ['jsmith', 'SUCCESS'],
      ['nobody', 'FAILURE'],
      ['jdoe', 'SUCCESS'],
    ])
    const [smith, nobody] = r.right.results
    expect(smith?.status === 'SUCCESS' && smith.user.active).toBe('DEACTIVATED')
    expect(nobody?.status === 'FAILURE' && nobody.error).toMatchObject({ _tag: 'UserNotFound', exceptionID: '030001' })
    expect(r.right.activeHostCount).toBe(0)
  })

  it('R15 removes the meeting licences on a Control Hub site; R17 syncs each user', () => {
    const r = applyDelUser(site({ activeHostCount: 1, controlHubManaged: true }), users, {
      caller: ADMIN,
      body: { webExId: ['jsmith'], syncWebOffice: true },
    })
    expect(E.isRight(r) && r.right.results[0]).toMatchObject({
      effects: [
        { kind: 'removeMeetingLicense', service: 'meetingCenter' },
        { kind: 'removeMeetingLicense', service: 'eventCenter' },
        { kind: 'syncWebOffice' },
      ],
    })
  })

  it('a webExId named twice sees the first deactivation (no second licence removal)', () => {
    const r = applyDelUser(site({ activeHostCount: 1, controlHubManaged: true }), users, {
      caller: ADMIN,
      body: { webExId: ['jsmith', 'jsmith'] },
    })
    expect(E.isRight(r) && r.right.results.map((o) => (o.status === 'SUCCESS' ? o.effects.length : -1))).toEqual([2, 0])
  })

  it('takes 1..50 webExIds, and only from a site admin', () => {
    const many = Array.from({ length: 51 }, (_, i) => `u${String(i)}`)
    expect(applyDelUser(site(), users, { caller: ADMIN, body: { webExId: many } })).toMatchObject(
      E.left({ _tag: 'InvalidRequest', failures: [{ source: 'body', path: 'webExId' }] }),
    )
    expect(applyDelUser(site(), users, { caller: ADMIN, body: { webExId: [] } })._tag).toBe('Left')
    expect(
      applyDelUser(site(), users, { caller: { webExId: 'jsmith', role: 'host' }, body: { webExId: ['jsmith'] } }),
    ).toMatchObject(E.left({ _tag: 'NoPrivilege' }))
  })
})

describe('ActivateUser and InactivateUser', () => {
  it('activate by webexID or userID, within the host limit (R6)', () => {
    const ok = applyActivateUser(site({ hostLimit: 5, activeHostCount: 4 }), users, {
      caller: ADMIN,
      body: { userID: 102 },
    })
    expect(E.isRight(ok) && ok.right.user).toEqual({ webExId: 'jdoe', userId: 102, active: 'ACTIVATED' })
    const full = applyActivateUser(site({ hostLimit: 5, activeHostCount: 5 }), users, {
      caller: ADMIN,
      body: { webexID: 'jdoe' },
    })
    expect(full).toMatchObject(E.left({ _tag: 'ExceededSiteHostLimit', exceptionID: '030010' }))
  })

  it('inactivate removes licences on a Control Hub site', () => {
    const r = applyInactivateUser(site({ controlHubManaged: true }), users, {
      caller: ADMIN,
      body: { webexID: 'jsmith' },
    })
    expect(E.isRight(r) && r.right.effects.map((e) => e.kind)).toEqual(['removeMeetingLicense', 'removeMeetingLicense'])
  })

  it('exactly one of webexID and userID; unknown users are 030001; site admin only', () => {
    expect(applyActivateUser(site(), users, { caller: ADMIN, body: {} })).toMatchObject(
      E.left({ _tag: 'InvalidRequest' }),
    )
    expect(applyActivateUser(site(), users, { caller: ADMIN, body: { webexID: 'jdoe', userID: 102 } })._tag).toBe(
      'Left',
    )
    expect(applyInactivateUser(site(), users, { caller: ADMIN, body: { userID: 999 } })).toMatchObject(
      E.left({ _tag: 'UserNotFound', webExId: '999' }),
    )
    expect(
      applyInactivateUser(site(), users, {
        caller: { webExId: 'jsmith', role: 'roSiteAdmin' },
        body: { webexID: 'jsmith' },
      }),
    ).toMatchObject(E.left({ _tag: 'NoPrivilege' }))
  })
})

describe('GetUser', () => {
  it('returns the stored user with the PIN, the password masked, account joinBeforeHost mirrored (R9) and active (D-GV-3)', () => {
    const stored: User = {
      webExId: 'host1',
      password: 'secret',
      phones: { PIN: '4826' },
      personalTeleconf: { joinBeforeHost: true, account: [{ accountIndex: 1 }] },
    }
    expect(applyGetUser([stored], { caller: { webExId: 'host1', role: 'host' }, body: { webExId: 'host1' } })).toEqual(
      E.right({
        webExId: 'host1',
        password: '******',
        phones: { PIN: '4826' },
        active: 'ACTIVATED',
        personalTeleconf: { joinBeforeHost: true, account: [{ accountIndex: 1, joinBeforeHost: true }] },
      }),
    )
  })

  it('a host reads only their own record; unknown users are 030001', () => {
    expect(
      applyGetUser(users, { caller: { webExId: 'jdoe', role: 'host' }, body: { webExId: 'jsmith' } }),
    ).toMatchObject(E.left({ _tag: 'NoPrivilege' }))
    expect(applyGetUser(users, { caller: ADMIN, body: { webExId: 'nobody' } })).toMatchObject(
      E.left({ _tag: 'UserNotFound' }),
    )
  })

  it('D-M3 GetUser reads every element it shows: a malformed one is an InvalidRequest naming user, never shown', () => {
    const get = (stored: object): ReturnType<typeof applyGetUser> =>
      applyGetUser([stored as User], { caller: ADMIN, body: { webExId: 'jdoe' } })
    const failures = (stored: object): unknown => {
      const result = get(stored)
      return E.isLeft(result) && result.left._tag === 'InvalidRequest'
        ? result.left.failures.map((f) => `${f.source} ${f.path} ${f.code}`)
        : result
    }
    expect(failures({ webExId: 'jdoe', phones: 'garbage' })).toEqual(['user phones wrongType'])
    expect(failures({ webExId: 'jdoe', tracking: { trackingCode1: 'a', bogus: 1 } })).toEqual([
      'user tracking.bogus unknownElement',
    ])
    // toGetUserView would map over it: an internal error before
    expect(failures({ webExId: 'jdoe', salesCenter: { smeInfo: { products: 'x' } } })).toEqual([
      'user salesCenter.smeInfo.products wrongType',
    ])
    expect(failures({ webExId: 'jdoe', active: 'maybe' })).toEqual(['user active outOfRange'])
    // not plain data: the getter is never invoked
    let invoked = false
    const phones = Object.defineProperty({}, 'PIN', { enumerable: true, get: () => ((invoked = true), '1234') })
    expect(failures({ webExId: 'jdoe', phones })).toEqual(['user phones.PIN wrongType'])
    expect(invoked).toBe(false)
  })

  it('D-M3 what GetUser does not read is not checked: another user, or an element the view leaves out', () => {
    const others = [
      { webExId: 'jsmith', tracking: [1, 2] },
      { webExId: 'jdoe', unknownKey: { any: 1 } },
    ] as unknown as User[]
    expect(applyGetUser(others, { caller: ADMIN, body: { webExId: 'jdoe' } })).toEqual(
      E.right({ webExId: 'jdoe', active: 'ACTIVATED' }),
    )
  })
})

describe('operations keep the host count exact', () => {
  it('DelUser reports the count countActiveHosts gives over the resulting users', () => {
    const before = countActiveHosts(users)
    const r = applyDelUser(site({ activeHostCount: before }), users, {
      caller: ADMIN,
      body: { webExId: ['jsmith', 'guest'] },
    })
    if (E.isLeft(r)) expect.fail('expected success')
    const after = users.map((u) => {
      const o = r.right.results.find((x) => x.webExId === u.webExId)
      return o?.status === 'SUCCESS' ? o.user : u
    })
    expect(r.right.activeHostCount).toBe(countActiveHosts(after))
  })
})
