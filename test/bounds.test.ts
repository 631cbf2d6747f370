import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeSetUserRequest, REQUEST_LIST_LIMITS, User } from 'webex-user-rules'
// imported with the file, not inside a test: under Stryker a module first evaluated inside a test gives
// its module-level mutants that test's coverage, and they are then run with it alone (D-MU-3)
import { parseSetUserMessage } from 'webex-user-rules/xml'

const decodeBody = (body: unknown) => decodeSetUserRequest({ caller: { webExId: 'admin', role: 'siteAdmin' }, body })
const failurePaths = (body: unknown): readonly string[] => {
  const r = decodeBody(body)
  return E.isLeft(r) ? r.left.failures.map((f) => `${f.path}: ${f.expected}`) : []
}

describe('request bounds (D-S1)', () => {
  const cases: [string, (n: number) => unknown, number][] = [
    [
      'meetingTypes',
      (n) => ({ meetingTypes: Array.from({ length: n }, (_, i) => i) }),
      REQUEST_LIST_LIMITS.meetingTypes,
    ],
    [
      'videoSystems',
      (n) => ({ videoSystems: Array.from({ length: n }, (_, i) => ({ address: `r${String(i)}@x.com` })) }),
      REQUEST_LIST_LIMITS.videoSystems,
    ],
    [
      'personalMeetingRoom.alternateHost.hosts',
      (n) => ({
        personalMeetingRoom: {
          alternateHost: { hosts: Array.from({ length: n }, (_, i) => ({ email: `a${String(i)}@x.com` })) },
        },
      }),
      REQUEST_LIST_LIMITS.alternateHosts,
    ],
    [
      'salesCenter.smeInfo.products',
      (n) => ({ salesCenter: { smeInfo: { products: Array.from({ length: n }, (_, i) => i) } } }),
      REQUEST_LIST_LIMITS.products,
    ],
    [
      'schedulingTemplates',
      (n) => ({
        schedulingTemplates: Array.from({ length: n }, (_, i) => ({
          name: `t${String(i)}`,
          serviceType: 'MeetingCenter',
        })),
      }),
      REQUEST_LIST_LIMITS.schedulingTemplates,
    ],
    [
      'tspAccount',
      (n) => ({ tspAccount: Array.from({ length: n }, () => ({ accountIndex: 1 })) }),
      REQUEST_LIST_LIMITS.accounts,
    ],
    [
      'personalTeleconf.account',
      (n) => ({ personalTeleconf: { account: Array.from({ length: n }, () => ({ accountIndex: 1 })) } }),
      REQUEST_LIST_LIMITS.accounts,
    ],
  ]
  for (const [path, make, limit] of cases) {
    it(`${path}: ${String(limit)} items decode, ${String(limit + 1)} is an InvalidRequest naming the path and the limit`, () => {
      expect(failurePaths({ webExId: 'u', ...(make(limit) as object) })).toEqual([])
      expect(failurePaths({ webExId: 'u', ...(make(limit + 1) as object) })).toEqual([
        expect.stringMatching(new RegExp(`^${path.replace(/\./g, '\\.')}: .*at most ${String(limit)} item`)),
      ])
    })
  }

  it('a stored user is not bound by the request limits', () => {
    expect(
      User.is({
        webExId: 'u',
        videoSystems: Array.from({ length: 1000 }, (_, i) => ({ address: `r${String(i)}@x.com` })),
      }),
    ).toBe(true)
  })

  it('strings are bound by the schema limits in requests and stored users alike', () => {
    expect(failurePaths({ webExId: 'u', firstName: 'x'.repeat(65) })).toEqual(['firstName: string (max 64 characters)'])
    expect(failurePaths({ webExId: 'u', description: 'x'.repeat(4001) })).toEqual([
      'description: string (max 4000 characters)',
    ])
    expect(User.is({ webExId: 'u', company: 'x'.repeat(129) })).toBe(false)
  })
})

describe('reported failures are bounded (D-S2)', () => {
  it('an InvalidRequest lists the first 100 failures and a note for the rest', () => {
    const body = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`unknown${String(i)}`, i]))
    const r = decodeBody({ webExId: 'u', ...body })
    if (E.isRight(r)) expect.fail('expected an InvalidRequest')
    expect(r.left.failures).toHaveLength(101)
    expect(r.left.failures[100]).toEqual({
      source: 'body',
      code: 'limit',
      path: '',
      expected: 'at most 100 reported failures',
      actual: '150 more',
    })
  })

  it('a message with 4,000 unknown elements is refused with the same bound', () => {
    const xml = `<serv:message><header><securityContext><webExID>a</webExID></securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser"><webExId>u</webExId>${'<a/>'.repeat(4_000)}</bodyContent></body></serv:message>`
    const r = parseSetUserMessage(xml)
    expect(E.isLeft(r) && r.left._tag === 'InvalidRequest' && r.left.failures.length).toBe(101)
  })

  it('a message with more than 4,096 elements is refused before parsing', () => {
    const xml = `<serv:message><header><securityContext><webExID>a</webExID></securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser"><webExId>u</webExId>${'<a/>'.repeat(16_000)}</bodyContent></body></serv:message>`
    expect(parseSetUserMessage(xml)).toMatchObject(
      E.left({
        failures: [
          {
            source: 'message',
            code: 'limit',
            expected: 'at most 4096 elements',
            actual: 'more than 4096 elements',
            line: 1,
          },
        ],
      }),
    )
  })
})
