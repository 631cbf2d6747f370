import { describe, expect, it } from 'vitest'
import { apply, asAdmin, asSelf, expectLeft, expectRight } from '../helpers.js'

describe('R18 containers', () => {
  it('R18 supportCenter.orderTabs holds the four tabs, each once, in the order sent', () => {
    const { user } = expectRight(
      apply(
        { webExId: 'jdoe' },
        asAdmin({ webExId: 'jdoe', supportCenter: { orderTabs: ['Session', 'Tools', 'Desktop', 'Application'] } }),
      ),
    )
    expect(user.supportCenter?.orderTabs).toEqual(['Session', 'Tools', 'Desktop', 'Application'])
  })

  it('R18 orderTabs with a tab missing or repeated ⇒ InvalidRequest naming the path', () => {
    for (const orderTabs of [
      ['Tools', 'Desktop', 'Application'],
      ['Tools', 'Tools', 'Desktop', 'Application'],
      [],
    ] as const) {
      const error = expectLeft(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', supportCenter: { orderTabs } })))
      expect(error).toMatchObject({
        _tag: 'InvalidRequest',
        failures: [{ source: 'body', path: 'supportCenter.orderTabs' }],
      })
    }
  })

  it('R18 at most one default video system', () => {
    const error = expectLeft(
      apply(
        { webExId: 'u' },
        asSelf({
          webExId: 'u',
          videoSystems: [
            { address: 'a@x.com', defaultFlag: true },
            { address: 'b@x.com', defaultFlag: true },
          ],
        }),
      ),
    )
    expect(error).toMatchObject({ _tag: 'InvalidRequest', failures: [{ path: 'videoSystems' }] })
  })

  it('R18 a video system address is a SIP address', () => {
    const error = expectLeft(
      apply({ webExId: 'u' }, asSelf({ webExId: 'u', videoSystems: [{ address: 'not a sip address' }] })),
    )
    expect(error).toMatchObject({ _tag: 'InvalidRequest', failures: [{ path: 'videoSystems[0].address' }] })
    expectRight(
      apply(
        { webExId: 'u' },
        asSelf({ webExId: 'u', videoSystems: [{ address: 'sip:room@example.com' }, { address: '10.1.2.3' }] }),
      ),
    )
  })

  it('R18 a scheme with no address after it is not a SIP address (found by the differential property)', () => {
    for (const address of ['sip:', 'sips:', 'sip:@example.com']) {
      const error = expectLeft(apply({ webExId: 'u' }, asSelf({ webExId: 'u', videoSystems: [{ address }] })))
      expect(error).toMatchObject({ _tag: 'InvalidRequest', failures: [{ path: 'videoSystems[0].address' }] })
    }
    expectRight(apply({ webExId: 'u' }, asSelf({ webExId: 'u', videoSystems: [{ address: 'sip:room' }] })))
  })

  it('R18 sessionOptions and personalMeetingRoom merge like any container (R1)', () => {
    const { user } = expectRight(
      apply(
        { webExId: 'u', sessionOptions: { defaultServiceType: 'EventCenter', displayQuickStartHost: true } },
        asSelf({ webExId: 'u', sessionOptions: { displayQuickStartHost: false } }),
      ),
    )
    expect(user.sessionOptions).toEqual({ defaultServiceType: 'EventCenter', displayQuickStartHost: false })
  })

  it('R18 schedulingTemplates replace as a list (R2)', () => {
    const { user } = expectRight(
      apply(
        { webExId: 'u', schedulingTemplates: [{ name: 'old', serviceType: 'MeetingCenter' }] },
        asAdmin({ webExId: 'u', schedulingTemplates: [{ name: 'Weekly', serviceType: 'TrainingCenter' }] }),
      ),
    )
    expect(user.schedulingTemplates).toEqual([{ name: 'Weekly', serviceType: 'TrainingCenter' }])
  })
})

describe('R18 failures say what was expected (D-R18)', () => {
  const failure = (body: Parameters<typeof asAdmin>[0]): { path: string; expected: string } => {
    const error = expectLeft(apply({ webExId: 'u' }, asAdmin(body)))
    if (error._tag !== 'InvalidRequest') return expect.fail(`expected InvalidRequest, got ${error._tag}`)
    expect(error.failures).toHaveLength(1)
    const [first] = error.failures
    return { path: first?.path ?? '', expected: first?.expected ?? '' }
  }

  it('R18 orderTabs: the failure lists the four tabs', () => {
    const { path, expected } = failure({ webExId: 'u', supportCenter: { orderTabs: ['Tools', 'Tools'] } })
    expect(path).toBe('supportCenter.orderTabs')
    expect(expected).toContain('Tools, Desktop, Application, Session')
    expect(expected).toContain('once')
  })

  it('R18 two default video systems: the failure says at most one default', () => {
    const { expected } = failure({
      webExId: 'u',
      videoSystems: [
        { address: 'a@x.com', defaultFlag: true },
        { address: 'b@x.com', defaultFlag: true },
      ],
    })
    expect(expected).toMatch(/at most one default/)
  })

  it('R18 a bad address: the failure asks for a SIP address', () => {
    const { path, expected } = failure({ webExId: 'u', videoSystems: [{ address: 'a b' }] })
    expect(path).toBe('videoSystems[0].address')
    expect(expected).toMatch(/SIP address/)
  })
})
