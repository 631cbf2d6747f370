import { describe, expect, it } from 'vitest'
import { apply, asAdmin, expectLeft, expectRight, site } from '../helpers.js'

// D-F6: numbers compare exactly after trimming, one's own stored number is no conflict, an empty
// value clears the number (and is not checked)
describe('R25 MeetingPlace profile numbers compare trimmed (D-F6)', () => {
  it('R25 a requested number with spaces around it is the number another user holds ⇒ 030051 with the trimmed value', () => {
    const taken = site({ takenMpProfileNumbers: ['4711'] })
    const error = expectLeft(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', mpProfileNumber: ' 4711 ' }), taken))
    expect(error).toMatchObject({ exceptionID: '030051', path: 'mpProfileNumber', value: '4711' })
  })

  it('R25 a site entry with spaces around it names the same number ⇒ 030051', () => {
    const taken = site({ takenMpProfileNumbers: [' 4711 '] })
    const error = expectLeft(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', mpProfileNumber: '4711' }), taken))
    expect(error).toMatchObject({ exceptionID: '030051', value: '4711' })
  })

  it('R25 keeping one’s own number is no conflict even when it was stored with spaces', () => {
    const taken = site({ takenMpProfileNumbers: ['4711'] })
    expectRight(
      apply(
        { webExId: 'jdoe', mpProfileNumber: ' 4711 ' },
        asAdmin({ webExId: 'jdoe', mpProfileNumber: '4711' }),
        taken,
      ),
    )
  })

  it('R25 an empty value clears the number even when the site lists a blank entry', () => {
    const taken = site({ takenMpProfileNumbers: ['4711', '  '] })
    expectRight(
      apply({ webExId: 'jdoe', mpProfileNumber: '4711' }, asAdmin({ webExId: 'jdoe', mpProfileNumber: '' }), taken),
    )
    expectRight(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', mpProfileNumber: '' }), taken))
  })
})
