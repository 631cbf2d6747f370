import { describe, expect, it } from 'vitest'
import { applyActivateUser, PCN_WITHOUT_PIN_MESSAGE, type User } from 'webex-user-rules'
import { ADMIN, apply, asAdmin, asSelf, expectRight, site } from '../helpers.js'

const warning = { kind: 'warning', path: 'phones.PIN', message: PCN_WITHOUT_PIN_MESSAGE }
const legacy: User = { webExId: 'jdoe', phones: { PIN: '1234' }, personalTeleconf: { account: [{ accountIndex: 1 }] } }

describe('R35 a user with PCN accounts but no valid PIN', () => {
  it('R35 an operation that leaves the user so warns, even when it touched nothing telephony', () => {
    expect(expectRight(apply(legacy, asSelf({ webExId: 'jdoe', firstName: 'Jo' }))).notices).toContainEqual(warning)
    const noPin: User = { webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex: 2 }] } }
    expect(expectRight(apply(noPin, asAdmin({ webExId: 'jdoe', title: 'x' }))).notices).toEqual([warning])
  })

  it('R35 setting a valid PIN, or deleting the last account, ends the state: no warning', () => {
    expect(expectRight(apply(legacy, asSelf({ webExId: 'jdoe', phones: { PIN: '4826' } }))).notices).toEqual([])
    const deleted = expectRight(
      apply(legacy, asSelf({ webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex: 1, delete: true }] } })),
    )
    expect(deleted.notices).not.toContainEqual(warning)
  })

  it('R35 a user without accounts, or with a valid PIN, gets no warning', () => {
    expect(
      expectRight(apply({ webExId: 'jdoe', phones: { PIN: '1234' } }, asSelf({ webExId: 'jdoe', title: 'x' }))).notices,
    ).toEqual([])
    expect(
      expectRight(apply({ ...legacy, phones: { PIN: '4826' } }, asSelf({ webExId: 'jdoe', title: 'x' }))).notices,
    ).toEqual([])
  })

  it('R35 ActivateUser warns too', () => {
    const activated = applyActivateUser(site(), [{ ...legacy, active: 'DEACTIVATED' }], {
      caller: ADMIN,
      body: { webexID: 'jdoe' },
    })
    expect(activated._tag === 'Right' && activated.right.notices).toContainEqual(warning)
  })
})
