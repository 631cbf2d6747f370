import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isValidPin } from 'webex-user-rules'

const digits = (pin: string): number[] => Array.from({ length: pin.length }, (_, i) => pin.charCodeAt(i) - 48)
const isRepeated = (pin: string): boolean => digits(pin).every((d) => d === digits(pin)[0])
const isRun = (pin: string, step: number): boolean =>
  digits(pin).every((d, i, all) => i === 0 || d - (all[i - 1] ?? 0) === step)

describe('R7 PIN properties', () => {
  it('R7 over all 10,000 four-digit strings: valid ⇔ not repeated and not an ascending or descending run', () => {
    for (let n = 0; n < 10_000; n++) {
      const pin = String(n).padStart(4, '0')
      expect(isValidPin(pin)).toBe(!isRepeated(pin) && !isRun(pin, 1) && !isRun(pin, -1))
    }
  })

  it('R7 any string that is not exactly four ASCII digits is invalid', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 8 }).filter((s) => !/^[0-9]{4}$/.test(s)),
        (pin) => !isValidPin(pin),
      ),
    )
  })
})
