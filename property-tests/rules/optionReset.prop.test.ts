/**
 * R5 invalid-option reset over exhaustive domains: every gated setting × every state of the
 * features it needs × every value of the setting, stored or sent; and every one of the 2^18
 * combinations of unsupported site features against a user with every gated setting on.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { SETTING_GATES, type SetUserBody, type SiteContext, type User } from 'webex-user-rules'
import { countCase } from '../support/cases.js'
import { ADMIN, apply, expectRight, plainSite } from '../support/engine.js'
import { valueAt } from '../support/paths.js'
import { MUTATION_RUN } from '../support/runs.js'

const TRI: readonly (boolean | undefined)[] = [undefined, true, false]
const pathOf = (gate: (typeof SETTING_GATES)[number]): string => `${gate.container}.${gate.key}`
const DEFAULT_TRUE = new Set(['privilege.otherTelephony'])
const FEATURES = [...new Set(SETTING_GATES.flatMap((g) => g.features))]

/** Every assignment of absent / TRUE / FALSE to the features. */
const featureStates = (features: readonly string[]): Record<string, boolean>[] =>
  Array.from({ length: 3 ** features.length }, (_, n) => {
    const out: Record<string, boolean> = {}
    features.forEach((f, i) => {
      const v = TRI[Math.floor(n / 3 ** i) % 3]
      if (v !== undefined) out[f] = v
    })
    return out
  })

const withSetting = (path: string, value: boolean): Record<string, Record<string, boolean>> => {
  const [container = '', key = ''] = path.split('.')
  return { [container]: { [key]: value } }
}

describe('R5 invalid-option reset', () => {
  it('R5 the table gates what the research names (spot checks of the data)', () => {
    const byPath = new Map(SETTING_GATES.map((g) => [pathOf(g), g.features]))
    expect(byPath.get('privilege.HDvideo')).toEqual(['HQvideo', 'HDvideo'])
    expect(byPath.get('privilege.teleConfCallOutInternational')).toEqual([
      'callBackTeleconferencing',
      'intlCallBackTeleconferencing',
    ])
    expect(FEATURES).toHaveLength(18)
  })

  it('R5 every gate × every state of its features × absent/TRUE/FALSE, stored or sent', () => {
    for (const gate of SETTING_GATES) {
      const path = pathOf(gate)
      for (const features of featureStates(gate.features)) {
        const unsupported = gate.features.some((f) => features[f] === false)
        for (const value of TRI) {
          for (const source of ['stored', 'sent'] as const) {
            countCase()
            const user: User = {
              webExId: 'jdoe',
              ...(source === 'stored' && value !== undefined ? withSetting(path, value) : {}),
            }
            const body = {
              webExId: 'jdoe',
              ...(source === 'sent' && value !== undefined ? withSetting(path, value) : {}),
            } as SetUserBody
            const { user: next, notices } = expectRight(
              apply(user, { caller: ADMIN, body }, { ...plainSite, features }),
            )
            const effective = value ?? DEFAULT_TRUE.has(path)
            if (unsupported && effective) {
              expect(valueAt(next, path)).toBe(false)
              expect(notices.map((n) => [n.kind, n.path])).toEqual([['reset', path]])
            } else {
              expect(valueAt(next, path)).toBe(value)
              expect(notices.filter((n) => n.path === path)).toEqual([])
            }
          }
        }
      }
    }
  })

  // all 2^18 combinations of unsupported features, in eight slices (each well inside the test timeout)
  const allOn: Record<string, Record<string, boolean>> = {}
  for (const gate of SETTING_GATES) (allOn[gate.container] ??= {})[gate.key] = true
  const storedUser: User = { webExId: 'jdoe', firstName: 'J', ...allOn }
  const plainUser: User = { webExId: 'jdoe', firstName: 'J' }
  const sentBody = { webExId: 'jdoe', ...allOn } as SetUserBody
  const plainBody: SetUserBody = { webExId: 'jdoe', lastName: 'D' }
  const SLICES = 8
  const size = 2 ** FEATURES.length / SLICES
  for (let slice = 0; slice < SLICES; slice++) {
    it(`R5 every combination of unsupported features (slice ${String(slice + 1)}/${String(SLICES)} of 2^18) against every gated setting on, stored or sent: exactly the gated ones reset, across the whole result`, () => {
      for (let n = slice * size; n < (slice + 1) * size; n++) {
        if (MUTATION_RUN && n.toString(2).replace(/0/g, '').length > 2) continue
        countCase()
        const features: Record<string, boolean> = {}
        FEATURES.forEach((f, i) => {
          if ((n >> i) & 1) features[f] = false
        })
        const sent = n % 2 === 1
        const site: SiteContext = { ...plainSite, features }
        const result = apply(sent ? plainUser : storedUser, { caller: ADMIN, body: sent ? sentBody : plainBody }, site)
        if (E.isLeft(result)) expect.fail(`unexpected error ${result.left._tag}`)
        const { user, notices } = result.right
        const expectedResets = SETTING_GATES.filter((g) => g.features.some((f) => features[f] === false)).map(pathOf)
        const resets = notices.map((notice) => notice.path)
        const wrong = SETTING_GATES.filter((g) => valueAt(user, pathOf(g)) !== !expectedResets.includes(pathOf(g)))
        if (wrong.length > 0 || resets.join() !== expectedResets.join() || notices.some((x) => x.kind !== 'reset'))
          expect.fail(
            `features ${JSON.stringify(features)}: wrong ${wrong.map(pathOf).join()}; notices ${resets.join()}`,
          )
      }
    })
  }
})
