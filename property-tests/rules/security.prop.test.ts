/**
 * R12 security options, R13 Service Desk, R14 rename and R16 telephony failover over their whole
 * finite domains.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type Effect, selectTelephonyServer, type SetUserBody, type User } from 'webex-user-rules'
import { countCase } from '../support/cases.js'
import { ADMIN, apply, expectLeft, expectRight, plainSite } from '../support/engine.js'

const TRI: readonly (boolean | undefined)[] = [undefined, true, false]
const opt = <K extends string>(key: K, value: boolean | undefined): Partial<Record<K, boolean>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, boolean>)

describe('R12 security options over every stored × sent combination', () => {
  it('R12 forceChangePassword / resetPassword / lockAccount: 9 stored × 27 sent', () => {
    for (const storedForce of TRI) {
      for (const storedLock of TRI) {
        const user: User = {
          webExId: 'jdoe',
          security: { ...opt('forceChangePassword', storedForce), ...opt('lockAccount', storedLock) },
        }
        for (const force of TRI) {
          for (const reset of TRI) {
            for (const lock of TRI) {
              countCase()
              const security = {
                ...opt('forceChangePassword', force),
                ...opt('resetPassword', reset),
                ...opt('lockAccount', lock),
              }
              const outcome = apply(user, { caller: ADMIN, body: { webExId: 'jdoe', security } })
              if (reset === true && force === false) {
                expect(expectLeft(outcome)).toMatchObject({ _tag: 'InvalidSecurityOptions', exceptionID: '030053' })
                continue
              }
              if (force === false && storedForce === true && reset !== true) {
                expect(expectLeft(outcome)).toMatchObject({ _tag: 'InvalidSecurityOptions', exceptionID: '030057' })
                continue
              }
              const { user: next, effects } = expectRight(outcome)
              const expected: Effect[] = [
                ...(reset === true ? [{ kind: 'passwordReset' as const }] : []),
                ...(force === true && storedForce !== true ? [{ kind: 'passwordChangeForced' as const }] : []),
                ...(lock === true && storedLock !== true ? [{ kind: 'accountLocked' as const }] : []),
                ...(lock === false && storedLock === true ? [{ kind: 'accountUnlocked' as const }] : []),
              ]
              expect(effects).toEqual(expected)
              expect(next.security).toEqual({
                ...opt('forceChangePassword', force ?? storedForce),
                ...opt('lockAccount', lock ?? storedLock),
              })
            }
          }
        }
      }
    }
  })
})

describe('R13 Service Desk over every combination', () => {
  it('R13 enable × attendeeOnly stored × attendeeOnly sent', () => {
    for (const stored of TRI) {
      for (const sent of TRI) {
        for (const enable of TRI) {
          countCase()
          const user: User = { webExId: 'jdoe', privilege: opt('attendeeOnly', stored) }
          const body: SetUserBody = {
            webExId: 'jdoe',
            ...(sent === undefined ? {} : { privilege: { attendeeOnly: sent } }),
            ...(enable === undefined ? {} : { supportCenter: { serviceDesk: { enable } } }),
          }
          const outcome = apply(user, { caller: ADMIN, body })
          const attendee = sent ?? stored ?? false
          if (enable === true && attendee)
            expect(expectLeft(outcome)).toMatchObject({ _tag: 'ServiceDeskNotSupported', exceptionID: '030045' })
          else expect(expectRight(outcome).user.supportCenter?.serviceDesk?.enable).toBe(enable)
        }
      }
    }
  })
})

describe('R14 rename over every case variant', () => {
  const variants = (name: string): string[] => {
    const letters = Array.from(name)
      .map((c, i) => [c, i] as const)
      .filter(([c]) => c.toLowerCase() !== c.toUpperCase())
    return Array.from({ length: 2 ** letters.length }, (_, mask) => {
      const chars = Array.from(name)
      letters.forEach(([c, i], bit) => (chars[i] = (mask >> bit) & 1 ? c.toUpperCase() : c.toLowerCase()))
      return chars.join('')
    })
  }

  it('R14 every case variant of a taken name conflicts (D: case-insensitive), from a site admin and from the user where allowed', () => {
    const site = { ...plainSite, takenWebExIds: ['Taken.One'], allowUserToChangeUserName: true }
    for (const name of variants('taken.one')) {
      for (const caller of [ADMIN, { webExId: 'jdoe', role: 'host' as const }]) {
        countCase()
        expect(
          expectLeft(apply({ webExId: 'jdoe' }, { caller, body: { webExId: 'jdoe', newWebExId: name } }, site)),
        ).toMatchObject({
          _tag: 'WebExIdConflict',
          exceptionID: '030004',
          webExId: name,
        })
      }
    }
  })

  it('R14 every case variant of the own name: the same spelling is no rename, any other spelling is a rename (D-R14)', () => {
    for (const name of variants('jane.doe')) {
      for (const allow of [true, false]) {
        for (const role of ['siteAdmin', 'host'] as const) {
          countCase()
          const site = { ...plainSite, allowUserToChangeUserName: allow }
          const user: User = { webExId: 'Jane.Doe' }
          const caller = { webExId: role === 'siteAdmin' ? 'admin' : 'Jane.Doe', role }
          const outcome = apply(user, { caller, body: { webExId: 'Jane.Doe', newWebExId: name } }, site)
          if (name === 'Jane.Doe') expect(expectRight(outcome).effects).toEqual([])
          else if (role !== 'siteAdmin' && !allow)
            expect(expectLeft(outcome)).toMatchObject({ _tag: 'UserNameChangeNotAllowed', exceptionID: '000001' })
          else {
            const { user: next, effects } = expectRight(outcome)
            expect(next.webExId).toBe(name)
            expect(effects).toEqual([{ kind: 'renamed', from: 'Jane.Doe', to: name }])
          }
        }
      }
    }
  })
})

describe('R16 telephony failover over every availability', () => {
  const SERVERS = ['primaryLarge', 'nextGen', 'backup2Large'] as const
  const bodies: readonly [SetUserBody, boolean][] = [
    [{ webExId: 'jdoe', firstName: 'J' }, false],
    [{ webExId: 'jdoe', phones: { PIN: '' } }, false],
    [{ webExId: 'jdoe', phones: { PIN: '5829' } }, true],
    [{ webExId: 'jdoe', personalTeleconf: {} }, true],
    [{ webExId: 'jdoe', personalTeleconf: { account: [{ accountIndex: 1 }] } }, true],
  ]
  it('R16 8 availabilities × 5 requests: the first server up in the seed order, or TelephonyUnavailable', () => {
    for (let mask = 0; mask < 8; mask++) {
      const telephony = { primaryLarge: (mask & 1) > 0, nextGen: (mask & 2) > 0, backup2Large: (mask & 4) > 0 }
      const first = SERVERS.find((s) => telephony[s])
      const selected = selectTelephonyServer(telephony)
      expect(E.isRight(selected) ? selected.right : undefined).toBe(first)
      for (const [body, telephonyData] of bodies) {
        countCase()
        const outcome = apply(
          { webExId: 'jdoe', phones: { PIN: '4826' } },
          { caller: ADMIN, body },
          { ...plainSite, telephony },
        )
        if (!telephonyData) expect(expectRight(outcome).effects).toEqual([])
        else if (first === undefined)
          expect(expectLeft(outcome)).toMatchObject({ _tag: 'TelephonyUnavailable', exceptionID: '000035' })
        else expect(expectRight(outcome).effects).toEqual([{ kind: 'provisionTelephony', server: first }])
      }
    }
  })
})
