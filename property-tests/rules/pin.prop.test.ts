/**
 * R7 PIN and R8 PCN-needs-a-PIN over exhaustive domains: every four-digit string, every string of
 * one to three and of five digits, every four-character string with one non-ASCII-digit — each
 * through `applySetUser`, for `phones.PIN` and `personalMeetingRoom.hostPIN`, as a site admin and
 * as the user themself.
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { INVALID_PIN_REASON, isValidPin, type SetUserRequest, type User } from 'webex-user-rules'
import { countCase, counted } from '../support/cases.js'
import { apply, expectLeft, expectRight } from '../support/engine.js'
import { deepEqual } from '../support/paths.js'
import { MUTATION_RUN, runs } from '../support/runs.js'

const digits = (pin: string): number[] => Array.from(pin, (c) => c.charCodeAt(0) - 48)
/** R7 from the spec: not one digit repeated, not an ascending or (D) descending run. */
const validBySpec = (pin: string): boolean => {
  const d = digits(pin)
  const steps = d.slice(1).map((x, i) => x - (d[i] ?? 0))
  return !steps.every((s) => s === 0) && !steps.every((s) => s === 1) && !steps.every((s) => s === -1)
}
const allStrings = (length: number): string[] =>
  Array.from({ length: 10 ** length }, (_, n) => String(n).padStart(length, '0'))

const FOUR = allStrings(4)
/** Under Stryker: every invalid PIN and every PIN with two equal digit steps (near runs), plus a stride of the rest. */
const nearRun = (pin: string): boolean => {
  const d = digits(pin)
  const steps = d.slice(1).map((x, i) => x - (d[i] ?? 0))
  return [-1, 0, 1].some((step) => steps.filter((s) => s === step).length >= 2)
}
const PINS = MUTATION_RUN ? FOUR.filter((pin, i) => i % 29 === 0 || nearRun(pin)) : FOUR
const user: User = { webExId: 'jdoe', phones: { PIN: '4826' }, personalMeetingRoom: { hostPIN: '4826' } }
const callers = [
  { webExId: 'admin', role: 'siteAdmin' },
  { webExId: 'jdoe', role: 'host' },
] as const
const PIN_PATHS = ['phones.PIN', 'personalMeetingRoom.hostPIN'] as const

const setting = (path: (typeof PIN_PATHS)[number], pin: string): SetUserRequest['body'] =>
  path === 'phones.PIN'
    ? { webExId: 'jdoe', phones: { PIN: pin } }
    : { webExId: 'jdoe', personalMeetingRoom: { hostPIN: pin } }

/** Sends `pin` at `path`; checks the R7 outcome; returns whether it was accepted. */
const sendPin = (path: (typeof PIN_PATHS)[number], pin: string, caller: SetUserRequest['caller']): boolean => {
  countCase()
  const result = apply(user, { caller, body: setting(path, pin) })
  if (E.isRight(result)) {
    const stored =
      path === 'phones.PIN' ? result.right.user.phones?.PIN : result.right.user.personalMeetingRoom?.hostPIN
    if (stored !== pin) expect.fail(`${path} ${JSON.stringify(pin)} accepted but stored as ${JSON.stringify(stored)}`)
    return true
  }
  // plain comparison first (this runs hundreds of thousands of times); vitest's diff only on a mismatch
  if (!deepEqual(result.left, { _tag: 'InvalidPin', exceptionID: '999999', reason: INVALID_PIN_REASON, path }))
    expect(result.left).toEqual({ _tag: 'InvalidPin', exceptionID: '999999', reason: INVALID_PIN_REASON, path })
  return false
}

describe('R7 PIN over exhaustive domains', () => {
  for (const path of PIN_PATHS) {
    for (const caller of callers) {
      it(`R7 all 10,000 four-digit ${path} values from a ${caller.role}: exactly the 24 repeated/ascending/descending are rejected`, () => {
        const rejected = PINS.filter((pin) => !sendPin(path, pin, caller))
        expect(rejected).toEqual(PINS.filter((pin) => !validBySpec(pin)))
        expect(rejected).toHaveLength(24)
        expect(rejected).toEqual(
          expect.arrayContaining(['0000', '1111', '9999', '0123', '1234', '6789', '9876', '3210']),
        )
      })
    }
  }

  it('R7 isValidPin (the one predicate) over every string of length 0–4 over the digits and nine look-alikes (137,561 strings)', () => {
    const all = [...Array.from('0123456789'), 'a', ' ', '-', '+', '.', '０', '٣', '¹', 'Ⅳ']
    const alphabet = MUTATION_RUN ? all.slice(0, 11) : all
    let strings = ['']
    for (let length = 0; length <= 4; length++) {
      for (const pin of strings) {
        countCase()
        const expected = /^[0-9]{4}$/.test(pin) && validBySpec(pin)
        if (isValidPin(pin) !== expected)
          expect.fail(`isValidPin(${JSON.stringify(pin)}) should be ${String(expected)}`)
      }
      strings = strings.flatMap((prefix) => alphabet.map((c) => prefix + c))
    }
    expect(FOUR.filter((pin) => !isValidPin(pin))).toHaveLength(24)
  })

  for (const path of PIN_PATHS) {
    it(`R7 every string of 1–3 digits and every 5-digit string is rejected as ${path}`, () => {
      const shorts = [1, 2, 3].flatMap(allStrings)
      const fives = MUTATION_RUN ? allStrings(5).filter((_, i) => i % 397 === 0) : allStrings(5)
      for (const pin of shorts) if (sendPin(path, pin, callers[0])) expect.fail(`${path} ${pin} accepted`)
      for (const pin of fives) if (sendPin(path, pin, callers[1])) expect.fail(`${path} ${pin} accepted`)
    })

    it(`R7 every four-character string over the digits and nine look-alikes (fullwidth, Arabic-Indic, superscript digits, letters, signs, space) with at least one look-alike is rejected as ${path}`, () => {
      const alphabet = [...Array.from('0123456789'), 'a', ' ', '-', '+', '.', '０', '٣', '¹', 'Ⅳ']
      const n = alphabet.length
      const step = MUTATION_RUN ? 163 : 1
      for (let code = 0; code < n ** 4; code += step) {
        const pin = [0, 1, 2, 3].map((i) => alphabet[Math.floor(code / n ** i) % n] ?? '').join('')
        if (/^[0-9]{4}$/.test(pin)) continue
        if (sendPin(path, pin, code % 2 === 0 ? callers[0] : callers[1]))
          expect.fail(`${path} ${JSON.stringify(pin)} accepted`)
      }
    })
  }

  it('R7 D: an empty PIN means "not specified": the stored PIN stays, with an ignored notice', () => {
    for (const path of PIN_PATHS) {
      for (const caller of callers) {
        countCase()
        const { user: next, notices } = expectRight(apply(user, { caller, body: setting(path, '') }))
        expect(next).toEqual(user)
        expect(notices.map((n) => [n.kind, n.path])).toEqual([['ignored', path]])
      }
    }
  })

  it('R7 any string up to 16 characters that is not four ASCII digits is rejected through applySetUser', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }).filter((s) => !/^[0-9]{4}$/.test(s)),
        fc.constantFrom(...PIN_PATHS),
        counted((pin, path) => {
          expect(expectLeft(apply(user, { caller: callers[0], body: setting(path, pin) }))).toMatchObject({
            _tag: 'InvalidPin',
            path,
          })
        }),
      ),
      { numRuns: runs(2000) },
    )
  })
})

describe('R8 PCN needs the PIN in effect after the request, over every four-digit PIN', () => {
  const addAccount = { account: [{ accountIndex: 1, subscriberAccessCode: '1234' }] }

  it('R8 D: a request setting PIN and PCN account together succeeds exactly when the PIN is valid (R7 first)', () => {
    for (const pin of PINS) {
      countCase()
      const result = apply(
        { webExId: 'jdoe' },
        {
          caller: callers[1],
          body: { webExId: 'jdoe', phones: { PIN: pin }, personalTeleconf: addAccount },
        },
      )
      expect(E.isRight(result) ? 'ok' : result.left._tag).toBe(validBySpec(pin) ? 'ok' : 'InvalidPin')
    }
  })

  it('R8 D: with the PIN stored (even a legacy invalid one), editing an account succeeds exactly when it is valid', () => {
    for (const pin of PINS) {
      countCase()
      const result = apply(
        { webExId: 'jdoe', phones: { PIN: pin } },
        {
          caller: callers[1],
          body: { webExId: 'jdoe', personalTeleconf: addAccount },
        },
      )
      if (validBySpec(pin)) expectRight(result)
      else
        expect(expectLeft(result)).toEqual({
          _tag: 'ValidPinRequired',
          exceptionID: '999999',
          reason: 'valid PIN is required',
          path: 'personalTeleconf.account[0]',
        })
    }
  })
})
