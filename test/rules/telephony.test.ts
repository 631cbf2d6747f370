import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { FAILOVER_ORDER, selectTelephonyServer } from 'webex-user-rules'
import { apply, asSelf, expectLeft, expectRight, site } from '../helpers.js'

describe('R16 telephony failover', () => {
  it('R16 seed: Primary Large first, then NextGen, then Backup 2 Large', () => {
    expect(FAILOVER_ORDER).toEqual(['primaryLarge', 'nextGen', 'backup2Large'])
    expect(selectTelephonyServer({ primaryLarge: true, nextGen: true, backup2Large: true })).toEqual(
      E.right('primaryLarge'),
    )
    expect(selectTelephonyServer({ primaryLarge: false, nextGen: true, backup2Large: true })).toEqual(
      E.right('nextGen'),
    )
    expect(selectTelephonyServer({ primaryLarge: false, nextGen: false, backup2Large: true })).toEqual(
      E.right('backup2Large'),
    )
    expect(selectTelephonyServer({ primaryLarge: true, nextGen: false, backup2Large: false })).toEqual(
      E.right('primaryLarge'),
    )
  })

  it('R16 none available ⇒ TelephonyUnavailable', () => {
    expect(selectTelephonyServer({ primaryLarge: false, nextGen: false, backup2Large: false })).toMatchObject(
      E.left({ _tag: 'TelephonyUnavailable', exceptionID: '000035' }),
    )
  })

  it('R16 D: a request that sends a PIN names the chosen server in provisionTelephony', () => {
    const { effects } = expectRight(
      apply(
        { webExId: 'jdoe' },
        asSelf({ webExId: 'jdoe', phones: { PIN: '4826' } }),
        site({ telephony: { primaryLarge: false, nextGen: true, backup2Large: true } }),
      ),
    )
    expect(effects).toEqual([{ kind: 'provisionTelephony', server: 'nextGen' }])
  })

  it('R16 D: with no server available the whole request fails', () => {
    const error = expectLeft(
      apply(
        { webExId: 'jdoe' },
        asSelf({ webExId: 'jdoe', phones: { PIN: '4826' }, firstName: 'J' }),
        site({ telephony: { primaryLarge: false, nextGen: false, backup2Large: false } }),
      ),
    )
    expect(error._tag).toBe('TelephonyUnavailable')
  })

  it('R16 a request without telephony data needs no server', () => {
    const down = site({ telephony: { primaryLarge: false, nextGen: false, backup2Large: false } })
    expect(
      expectRight(
        apply(
          { webExId: 'jdoe' },
          asSelf({ webExId: 'jdoe', firstName: 'J', phones: { phone: '1,408,5551234' } }),
          down,
        ),
      ).effects,
    ).toEqual([])
  })

  it('R16 an absent site.telephony means every server is up', () => {
    const { effects } = expectRight(apply({ webExId: 'jdoe' }, asSelf({ webExId: 'jdoe', phones: { PIN: '4826' } })))
    expect(effects).toEqual([{ kind: 'provisionTelephony', server: 'primaryLarge' }])
  })
})
