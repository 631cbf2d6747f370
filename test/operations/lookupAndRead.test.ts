import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applyActivateUser,
  applyDelUser,
  applyGetUser,
  applyInactivateUser,
  applySetUser,
  findUser,
  mayRead,
  setUserTarget,
  type User,
} from 'webex-user-rules'
import { ADMIN, deepFreeze, site } from '../helpers.js'

const users: readonly User[] = deepFreeze([
  { webExId: 'jdoe', userId: 7, firstName: 'John' },
  { webExId: 'Ana.Lee', userId: 8, active: 'DEACTIVATED' },
])
const VIEWER = { webExId: 'viewer', role: 'roSiteAdmin' } as const

describe('D-OP-1 read-only site admins read every user; only writes are refused', () => {
  it('D-OP-1 GetUser by a roSiteAdmin answers any user of the site', () => {
    expect(applyGetUser(users, { caller: VIEWER, body: { webExId: 'jdoe' } })).toMatchObject(
      E.right({ webExId: 'jdoe', userId: 7 }),
    )
  })
  it('D-OP-1 a host reads only their own record; writes stay refused to a roSiteAdmin', () => {
    expect(
      applyGetUser(users, { caller: { webExId: 'Ana.Lee', role: 'host' }, body: { webExId: 'jdoe' } }),
    ).toMatchObject(E.left({ exceptionID: '000001' }))
    expect(mayRead({ webExId: 'x', role: 'attendee' }, 'jdoe')).toBe(false)
    expect(applyInactivateUser(site(), users, { caller: VIEWER, body: { webexID: 'jdoe' } })).toMatchObject(
      E.left({ exceptionID: '000001' }),
    )
    expect(applyDelUser(site(), users, { caller: VIEWER, body: { webExId: ['jdoe'] } })).toMatchObject(
      E.left({ exceptionID: '000001' }),
    )
  })
})

describe('D-OP-2 names are case-insensitive in every lookup, answered in the stored spelling', () => {
  it('D-OP-2 GetUser finds jdoe when asked for JDoe (self or admin)', () => {
    expect(applyGetUser(users, { caller: ADMIN, body: { webExId: 'JDoe' } })).toMatchObject(
      E.right({ webExId: 'jdoe' }),
    )
    expect(applyGetUser(users, { caller: { webExId: 'jdoe', role: 'host' }, body: { webExId: 'JDOE' } })).toMatchObject(
      E.right({ webExId: 'jdoe' }),
    )
    expect(applyGetUser(users, { caller: ADMIN, body: { webExId: 'jdoe2' } })).toMatchObject(
      E.left({ exceptionID: '030001' }),
    )
  })
  it('D-OP-2 DelUser deactivates the stored user and names it in its stored spelling', () => {
    const r = applyDelUser(site(), users, { caller: ADMIN, body: { webExId: ['JDOE', 'ghost'] } })
    if (E.isLeft(r)) return expect.fail(JSON.stringify(r.left))
    expect(r.right.results.map((o) => [o.webExId, o.status])).toEqual([
      ['jdoe', 'SUCCESS'],
      ['ghost', 'FAILURE'],
    ])
    expect(r.right.results[0]).toMatchObject({ user: { webExId: 'jdoe', active: 'DEACTIVATED' } })
  })
  it('D-OP-2 ActivateUser and InactivateUser find the user ignoring case and never rename it', () => {
    expect(applyActivateUser(site(), users, { caller: ADMIN, body: { webexID: 'ana.lee' } })).toMatchObject(
      E.right({ user: { webExId: 'Ana.Lee', active: 'ACTIVATED' } }),
    )
    expect(applyInactivateUser(site(), users, { caller: ADMIN, body: { webexID: 'JDOE' } })).toMatchObject(
      E.right({ user: { webExId: 'jdoe', active: 'DEACTIVATED' } }),
    )
  })
  it('D-OP-19 SetUser: the embedder lookup finds JDoe = jdoe and R20 then holds without a rename', () => {
    const target = setUserTarget(users, { caller: ADMIN, body: { webExId: 'JDoe', lastName: 'Doe' } })
    if (E.isLeft(target)) return expect.fail(JSON.stringify(target.left))
    expect(target.right.current).toBe(users[0])
    const applied = applySetUser(target.right.current, site(), target.right.request)
    expect(applied).toMatchObject(E.right({ user: { webExId: 'jdoe', firstName: 'John', lastName: 'Doe' } }))
    // without the lookup, R20 still compares exactly (the pure function trusts the embedder's choice)
    expect(
      applySetUser(target.right.current, site(), { caller: ADMIN, body: { webExId: 'JDoe', lastName: 'Doe' } }),
    ).toMatchObject(E.left({ exceptionID: '030001' }))
    expect(setUserTarget(users, { caller: ADMIN, body: { webExId: 'nobody' } })).toMatchObject(
      E.left({ exceptionID: '030001' }),
    )
    expect(findUser(users, 'ANA.LEE')).toBe(users[1])
  })
})
