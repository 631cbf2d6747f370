import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeSetUserRequest, SetUserBody, User } from 'webex-user-rules'
import { apply, asAdmin, baseSite, expectLeft } from './helpers.js'
import { applyCreateUser, applySetUser, isPlainObject } from 'webex-user-rules'
import { EngineDefect } from 'webex-user-rules'
import { guard } from '../src/errors/guard.js'
import { isPlainData } from '../src/model/plain.js'
import { isValidated, markValidated } from '../src/internal/validated.js'

const decodeBody = (body: unknown) => decodeSetUserRequest({ caller: { webExId: 'admin', role: 'siteAdmin' }, body })

describe('decoding untrusted input', () => {
  it('rejects a mis-cased element with a "did you mean" (corpus: <Active>)', () => {
    const result = decodeBody({ webExId: 'jdoe', Active: 'ACTIVATED' })
    expect(result).toEqual(
      E.left({
        _tag: 'InvalidRequest',
        exceptionID: '999999',
        reason: expect.stringContaining('did you mean "active"?') as unknown,
        failures: [
          {
            source: 'body',
            code: 'unknownElement',
            path: 'Active',
            expected: 'no element "Active" in SetUserBody',
            actual: 'ACTIVATED',
            hint: 'did you mean "active"?',
          },
        ],
      }),
    )
  })

  it('suggests near misses too, and nothing for unrelated names', () => {
    expect(decodeBody({ webExId: 'jdoe', privilege: { hsot: true } })).toMatchObject(
      E.left({ failures: [{ path: 'privilege.hsot', hint: 'did you mean "host"?' }] }),
    )
    const far = decodeBody({ webExId: 'jdoe', completelyUnrelated: 1 })
    expect(E.isLeft(far) && far.left.failures[0]?.hint).toBe(undefined)
  })

  it('rejects an own __proto__ key (JSON.parse creates one) instead of letting it through', () => {
    const body: unknown = JSON.parse('{"webExId":"jdoe","__proto__":{"privilege":{"siteAdmin":true}}}')
    expect(decodeBody(body)).toMatchObject(E.left({ _tag: 'InvalidRequest', failures: [{ path: '__proto__' }] }))
    expect(({} as Record<string, unknown>)['privilege']).toBeUndefined()
  })

  it('lists every failing path, not only the first', () => {
    const result = decodeBody({
      privilege: { host: 'yes' },
      meetingTypes: [1, 'two'],
      phones: { PIN: 1234 },
      active: 'ON',
    })
    expect(E.isLeft(result) && result.left.failures.map((f) => f.path)).toEqual([
      'privilege.host',
      'meetingTypes[1]',
      'phones.PIN',
      'active',
      'webExId',
    ])
  })

  it('names the caller and the envelope separately from the body', () => {
    const result = decodeSetUserRequest({ caller: { webExId: 'x', role: 'king' }, body: { webExId: 'y' }, extra: 1 })
    expect(E.isLeft(result) && result.left.failures.map((f) => [f.source, f.path])).toEqual([
      ['caller', 'role'],
      ['request', 'extra'],
    ])
  })

  it('enforces the schema limits (webExId at most 64 characters, description 4000)', () => {
    expect(E.isLeft(decodeBody({ webExId: 'x'.repeat(65) }))).toBe(true)
    expect(E.isRight(decodeBody({ webExId: 'x'.repeat(64), description: 'd'.repeat(4000) }))).toBe(true)
    expect(E.isLeft(decodeBody({ webExId: 'x', description: 'd'.repeat(4001) }))).toBe(true)
  })

  it('returns the input itself when it is valid (no copy)', () => {
    const body = { webExId: 'jdoe', privilege: { host: true }, meetingTypes: [1] }
    const result = SetUserBody.decode(body)
    expect(E.isRight(result) && result.right).toBe(body)
  })

  it('rejects class instances and arrays where an element with children is expected', () => {
    expect(E.isLeft(decodeBody({ webExId: 'jdoe', privilege: new Date() }))).toBe(true)
    expect(E.isLeft(decodeBody({ webExId: 'jdoe', privilege: [] }))).toBe(true)
    expect(
      E.isRight(
        decodeBody({ webExId: 'jdoe', privilege: Object.assign(Object.create(null) as object, { host: true }) }),
      ),
    ).toBe(true)
  })

  it('the codecs are io-ts codecs (decode / is work)', () => {
    expect(User.is({ webExId: 'a' })).toBe(true)
    expect(User.is({ webExId: 'a', foo: 1 })).toBe(false)
    expect(E.isLeft(User.decode({ firstName: 'no id' }))).toBe(true)
  })

  it('a malformed stored user is an InvalidRequest naming user paths, never a throw', () => {
    expect(
      expectLeft(apply({ webExId: 'jdoe', privilege: 'admin' }, asAdmin({ webExId: 'jdoe', firstName: 'x' }))),
    ).toMatchObject({
      _tag: 'InvalidRequest',
      failures: [{ source: 'user', path: 'privilege' }],
    })
    expect(
      expectLeft(apply({ webExId: 'jdoe', address: 7 }, asAdmin({ webExId: 'jdoe', address: { city: 'x' } }))),
    ).toMatchObject({
      failures: [{ source: 'user', path: 'address' }],
    })
    expect(expectLeft(apply(null as never, asAdmin({ webExId: 'jdoe' })))).toMatchObject({
      failures: [{ source: 'user' }],
    })
  })

  it('a malformed site is an InvalidRequest naming site paths', () => {
    expect(
      expectLeft(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe' }), { ...baseSite, hostLimit: -1 })),
    ).toMatchObject({
      failures: [{ source: 'site', path: 'hostLimit' }],
    })
    const badList = { ...baseSite, takenWebExIds: ['ok', 5] } as never
    // the list items are checked where the rules read them: here, on a rename
    expect(
      expectLeft(apply({ webExId: 'jdoe' }, asAdmin({ webExId: 'jdoe', newWebExId: 'n' }), badList)),
    ).toMatchObject({
      failures: [{ source: 'site', path: 'takenWebExIds[1]' }],
    })
  })

  it('input that is not plain data yields InvalidRequest, not a throw', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom')
        },
        getPrototypeOf: () => Object.prototype,
      },
    )
    const result = applySetUser({ webExId: 'jdoe' }, baseSite, {
      caller: { webExId: 'admin', role: 'siteAdmin' },
      body: hostile as never,
    })
    expect(result).toMatchObject(
      E.left({ _tag: 'InvalidRequest', failures: [{ source: 'request', expected: 'plain data (JSON values)' }] }),
    )
  })
})

describe('decoding once (D-M6)', () => {
  // decoding checks each element's prototype (plain data only); nothing else in the engine does
  const counting = <T extends object>(target: T): { proxy: T; walks: () => number } => {
    let walks = 0
    const proxy = new Proxy(target, {
      getPrototypeOf(t) {
        walks++
        return Reflect.getPrototypeOf(t)
      },
    })
    return { proxy, walks: () => walks }
  }

  it('D-E2 a deeply frozen request that decodeSetUserRequest accepted is not walked again by applySetUser', () => {
    const { proxy, walks } = counting(Object.freeze({ webExId: 'jdoe', firstName: 'J' }))
    const decoded = decodeSetUserRequest(
      Object.freeze({ caller: Object.freeze({ webExId: 'admin', role: 'siteAdmin' as const }), body: proxy }),
    )
    if (E.isLeft(decoded)) expect.fail('expected the request to decode')
    const afterDecode = walks()
    expect(afterDecode).toBeGreaterThan(0)
    expect(E.isRight(applySetUser({ webExId: 'jdoe' }, baseSite, decoded.right))).toBe(true)
    expect(walks()).toBe(afterDecode)
  })

  it('D-E2 a deeply frozen site object is walked once across calls', () => {
    const { proxy, walks } = counting(
      Object.freeze({
        ...baseSite,
        takenWebExIds: Object.freeze([...baseSite.takenWebExIds]),
        productIds: Object.freeze([...baseSite.productIds]),
      }),
    )
    applySetUser({ webExId: 'jdoe' }, proxy, asAdmin({ webExId: 'jdoe', firstName: 'A' }))
    const first = walks()
    applySetUser({ webExId: 'jdoe' }, proxy, asAdmin({ webExId: 'jdoe', firstName: 'B' }))
    expect(walks()).toBe(first)
  })

  it('D-E2 an object that is not frozen is walked on every call: a mutation after acceptance is caught', () => {
    const body: Record<string, unknown> = { webExId: 'jdoe', firstName: 'J' }
    const request = { caller: { webExId: 'admin', role: 'siteAdmin' as const }, body }
    expect(E.isRight(applySetUser({ webExId: 'jdoe' }, baseSite, request as never))).toBe(true)
    body['firstName'] = 42
    expect(applySetUser({ webExId: 'jdoe' }, baseSite, request as never)).toMatchObject(
      E.left({ _tag: 'InvalidRequest', failures: [{ source: 'body', code: 'wrongType', path: 'firstName' }] }),
    )
    const site: Record<string, unknown> = { ...baseSite }
    expect(E.isRight(applySetUser({ webExId: 'jdoe' }, site as never, asAdmin({ webExId: 'jdoe' })))).toBe(true)
    site['activeHostCount'] = 'many'
    expect(applySetUser({ webExId: 'jdoe' }, site as never, asAdmin({ webExId: 'jdoe' }))).toMatchObject(
      E.left({ _tag: 'InvalidRequest', failures: [{ source: 'site', path: 'activeHostCount' }] }),
    )
  })

  it('an object validated as one thing is not trusted as another', () => {
    const ids = ['taken']
    // validated as the site's taken names (strings) on a rename …
    expect(
      E.isRight(
        applySetUser(
          { webExId: 'jdoe' },
          { ...baseSite, takenWebExIds: ids },
          asAdmin({ webExId: 'jdoe', newWebExId: 'new' }),
        ),
      ),
    ).toBe(true)
    // … the same array as prodIDs (numbers) is still checked
    const result = applySetUser(
      { webExId: 'jdoe', salesCenter: { roles: { sme: true } } },
      { ...baseSite, productIds: ids as never },
      asAdmin({ webExId: 'jdoe', salesCenter: { smeInfo: { products: [1] } } }),
    )
    expect(result).toMatchObject(
      E.left({ _tag: 'InvalidRequest', failures: [{ source: 'site', path: 'productIds[0]' }] }),
    )
  })
})

describe('D-M3: what of the stored user and the site is decoded', () => {
  const failurePaths = (result: ReturnType<typeof apply>): string[] =>
    result._tag === 'Left' && result.left._tag === 'InvalidRequest'
      ? result.left.failures.map((f) => `${f.source}:${f.path}`)
      : []

  it('the elements every request reads are always decoded', () => {
    const malformed: Record<string, [unknown, string]> = {
      privilege: [{ host: 'yes' }, 'user:privilege.host'],
      active: ['ON', 'user:active'],
      designatedChatUser: ['yes', 'user:designatedChatUser'],
      supportedServices: [{ meetingCenter: 1 }, 'user:supportedServices.meetingCenter'],
      eventCenter: [{ optimizeAttendeeBandwidthUsage: 'no' }, 'user:eventCenter.optimizeAttendeeBandwidthUsage'],
      webExId: [5, 'user:webExId'],
    }
    for (const [key, [value, path]] of Object.entries(malformed)) {
      const stored = { webExId: 'jdoe', [key]: value } as never
      expect(failurePaths(apply(stored, asAdmin({ webExId: 'jdoe', firstName: 'x' }))), key).toEqual([path])
    }
  })

  it('the elements the rules read only when the request sends them are decoded then, and only then', () => {
    const cases: [string, unknown, Record<string, unknown>, string][] = [
      ['security', { lockAccount: 'y' }, { security: { lockAccount: true } }, 'user:security.lockAccount'],
      ['salesCenter', { roles: { sme: 'y' } }, { salesCenter: { manager: 'm' } }, 'user:salesCenter.roles.sme'],
      ['tspAccount', [{ accountIndex: 9 }], { tspAccount: [] }, 'user:tspAccount[0].accountIndex'],
      [
        'thirdPartyTeleconf',
        { account: [{ accountIndex: 1, pause: -1 }] },
        { thirdPartyTeleconf: { account: [] } },
        'user:thirdPartyTeleconf.account[0].pause',
      ],
      // R25, R32, R33 compare with the stored value
      ['mpProfileNumber', 4711, { mpProfileNumber: '4711' }, 'user:mpProfileNumber'],
      ['myWebEx', { totalStorageSize: 'big' }, { myWebEx: { myComputer: 1 } }, 'user:myWebEx.totalStorageSize'],
      ['email', 42, { email: 'a@b.org' }, 'user:email'],
      ['firstName', 42, { firstName: 'Jo' }, 'user:firstName'],
      ['lastName', 42, { lastName: 'Lee' }, 'user:lastName'],
    ]
    for (const [key, value, sent, path] of cases) {
      const stored = { webExId: 'jdoe', phones: { PIN: '4826' }, [key]: value } as never
      expect(failurePaths(apply(stored, asAdmin({ webExId: 'jdoe', title: 'x' }))), `${key} not sent`).toEqual([])
      expect(failurePaths(apply(stored, asAdmin({ webExId: 'jdoe', ...sent }))), `${key} sent`).toEqual([path])
    }
  })

  it('the stored PIN and PCN accounts are read on every request (R8, R28, the R35 notice)', () => {
    const cases: [string, unknown, string][] = [
      ['phones', { PIN: 4826 }, 'user:phones.PIN'],
      ['personalTeleconf', { joinBeforeHost: 'y' }, 'user:personalTeleconf.joinBeforeHost'],
    ]
    for (const [key, value, path] of cases) {
      const stored = { webExId: 'jdoe', [key]: value } as never
      expect(failurePaths(apply(stored, asAdmin({ webExId: 'jdoe', title: 'x' }))), key).toEqual([path])
    }
  })

  it('the stored meeting types are read where a rule reads them: R28 for PCN accounts sent alone, R29 on a site with session-type limits', () => {
    const stored = { webExId: 'jdoe', meetingTypes: 'all' } as never
    const account = { account: [{ accountIndex: 1, subscriberAccessCode: '12345678' }] }
    expect(failurePaths(apply(stored, asAdmin({ webExId: 'jdoe', personalTeleconf: account })))).toEqual([
      'user:meetingTypes',
    ])
    const limited = { ...baseSite, sessionTypeLimits: [{ sessionType: 105, limit: 10, users: 0 }] } as never
    expect(failurePaths(apply(stored, asAdmin({ webExId: 'jdoe', meetingTypes: [105] }), limited))).toEqual([
      'user:meetingTypes',
    ])
    // no rule reads them: a request that does not send them, or sends them on a site without limits
    expect(failurePaths(apply(stored, asAdmin({ webExId: 'jdoe', title: 'x' })))).toEqual([])
    expect(failurePaths(apply(stored, asAdmin({ webExId: 'jdoe', meetingTypes: [105] })))).toEqual([])
  })

  it("the site's scalars are decoded on every call; its long lists are arrays, and their items are checked when read", () => {
    const user = { webExId: 'jdoe', salesCenter: { roles: { sme: true } } }
    expect(
      failurePaths(apply(user, asAdmin({ webExId: 'jdoe' }), { ...baseSite, controlHubManaged: 'no' } as never)),
    ).toEqual(['site:controlHubManaged'])
    expect(failurePaths(apply(user, asAdmin({ webExId: 'jdoe' }), { ...baseSite, productIds: 5 } as never))).toEqual([
      'site:productIds',
    ])
    expect(failurePaths(apply(user, asAdmin({ webExId: 'jdoe' }), { ...baseSite, extra: 1 } as never))).toEqual([
      'site:extra',
    ])
    const badProducts = { ...baseSite, productIds: [120, 'x'] } as never
    expect(failurePaths(apply(user, asAdmin({ webExId: 'jdoe', firstName: 'a' }), badProducts))).toEqual([])
    expect(
      failurePaths(
        apply(user, asAdmin({ webExId: 'jdoe', salesCenter: { smeInfo: { products: [120] } } }), badProducts),
      ),
    ).toEqual(['site:productIds[1]'])
    expect(failurePaths(apply(user, asAdmin({ webExId: 'jdoe' }), null as never))).toEqual(['site:'])
    expect(
      failurePaths(apply(user, asAdmin({ webExId: 'jdoe' }), { ...baseSite, takenWebExIds: 'x' } as never)),
    ).toEqual(['site:takenWebExIds'])
  })

  it('a request that is not an object with caller and body names the envelope', () => {
    expect(failurePaths(apply({ webExId: 'jdoe' }, null as never))).toEqual(['request:'])
    // a missing caller is a failure of the caller itself (D-M5: source caller, empty path inside it)
    expect(failurePaths(apply({ webExId: 'jdoe' }, { body: { webExId: 'jdoe' } } as never))).toEqual(['caller:'])
  })
})

describe('R19 totality: input whose property access throws', () => {
  const throwing = (thrown: unknown): unknown =>
    new Proxy(
      {},
      {
        ownKeys: () => {
          throw thrown
        },
        getPrototypeOf: () => Object.prototype,
      },
    )

  it('D-E2 is an InvalidRequest naming the input that is not plain data, never echoing what was thrown', () => {
    const error = expectLeft(
      applySetUser({ webExId: 'jdoe' }, baseSite, {
        caller: { webExId: 'a', role: 'siteAdmin' },
        body: throwing(new Error('boom')) as never,
      }),
    )
    expect(error).toEqual({
      _tag: 'InvalidRequest',
      exceptionID: '999999',
      reason: 'Invalid request: request: expected plain data (JSON values)',
      failures: [
        {
          source: 'request',
          code: 'wrongType',
          path: '',
          expected: 'plain data (JSON values)',
          actual: 'a value that throws when read',
        },
      ],
    })
    const odd = expectLeft(
      applySetUser({ webExId: 'jdoe' }, throwing('not an Error') as never, {
        caller: { webExId: 'a', role: 'siteAdmin' },
        body: { webExId: 'jdoe' },
      }),
    )
    expect(odd).toMatchObject({ failures: [{ source: 'site', actual: 'a value that throws when read' }] })
    expect(JSON.stringify(odd)).not.toContain('not an Error')
  })
})

describe('D-E2 an engine bug is a defect, not the caller’s InvalidRequest', () => {
  it('a throw while every input is plain data is rethrown as an EngineDefect with the cause', () => {
    const bug = new TypeError('engine bug')
    let caught: unknown
    try {
      guard({ request: { caller: { webExId: 'a', role: 'siteAdmin' }, body: { webExId: 'j' } } }, () => {
        throw bug
      })
    } catch (thrown) {
      caught = thrown
    }
    expect(caught).toBeInstanceOf(EngineDefect)
    expect((caught as Error).cause).toBe(bug)
  })

  it('a defect found by a nested operation stays that defect', () => {
    const inner = new EngineDefect(new Error('x'))
    expect(() =>
      guard(
        {
          request: {
            get body() {
              return 1
            },
          },
        },
        () => {
          throw inner
        },
      ),
    ).toThrow(inner)
  })

  it('isPlainData: JSON values only, no getters, no class instances, no cycles, never throws', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    expect(isPlainData({ a: [1, 'x', true, null, { b: Object.create(null) as unknown }] })).toBe(true)
    expect(
      isPlainData({
        get a() {
          return 1
        },
      }),
    ).toBe(false)
    expect(isPlainData({ a: new Date(0) })).toBe(false)
    expect(isPlainData({ a: Number.NaN })).toBe(false)
    expect(isPlainData(cyclic)).toBe(false)
    expect(
      isPlainData(
        new Proxy(
          {},
          {
            ownKeys: () => {
              throw new Error('trap')
            },
          },
        ),
      ),
    ).toBe(false)
    // the same object twice is not a cycle
    const shared = { x: 1 }
    expect(isPlainData({ a: shared, b: shared })).toBe(true)
  })
})

describe('issue 14: a getter, setter or non-enumerable property is not plain data (D-E2, D-M6)', () => {
  const SECRET = 'value-never-shown'
  /** A copy of `base` whose `key` is a getter: valid on its first read, then `later` (and counting reads). */
  const withGetter = <T extends object>(base: T, key: string, later: unknown = SECRET): T => {
    let reads = 0
    const first: unknown = (base as Record<string, unknown>)[key]
    return Object.defineProperty((Array.isArray(base) ? [...base] : { ...base }) as T, key, {
      enumerable: true,
      get: () => (reads++ === 0 ? first : later),
    })
  }
  /** A copy of `base` whose `key` holds `value` but is not enumerable. */
  const hidden = <T extends object>(base: T, key: string, value: unknown): T =>
    Object.defineProperty({ ...base }, key, { enumerable: false, value, writable: true })
  /** The answer is the caller's InvalidRequest naming `source` and `path`, never showing the value. */
  const refused = (run: () => unknown, source: string, path: string): void => {
    const result = run() as E.Either<{ _tag: string; failures: readonly unknown[] }, unknown>
    expect(result).toMatchObject(
      E.left({ _tag: 'InvalidRequest', failures: [{ source, path, expected: 'plain data (JSON values)' }] }),
    )
    expect(JSON.stringify(result)).not.toContain(SECRET)
    expect(JSON.stringify(result)).not.toContain('garbage')
  }
  const user = { webExId: 'jdoe', firstName: 'J', privilege: { host: true } }
  const body = { webExId: 'jdoe', firstName: 'Jane', privilege: { host: false }, meetingTypes: [120] }
  const set = (u: unknown, s: unknown, b: unknown) =>
    applySetUser(u as never, s as never, { caller: { webExId: 'admin', role: 'siteAdmin' }, body: b as never })
  const create = (s: unknown, b: unknown) =>
    applyCreateUser(s as never, { caller: { webExId: 'admin', role: 'siteAdmin' }, body: b as never })
  const newUser = { webExId: 'ana', email: 'ana@example.edu', password: 'pw', firstName: 'Ana', lastName: 'Lee' }

  it('a getter on the site, the request body or the stored user, at any depth', () => {
    refused(() => set(user, withGetter({ ...baseSite, hostLimit: 50 }, 'hostLimit'), body), 'site', 'hostLimit')
    refused(() => set(user, baseSite, withGetter(body, 'firstName', 12345)), 'body', 'firstName')
    refused(
      () => set(user, baseSite, { ...body, privilege: withGetter({ host: true }, 'host') }),
      'body',
      'privilege.host',
    )
    refused(() => set(user, baseSite, { ...body, meetingTypes: withGetter([120], '0') }), 'body', 'meetingTypes[0]')
    refused(() => set(withGetter(user, 'firstName'), baseSite, body), 'user', 'firstName')
    refused(
      () => set({ ...user, privilege: withGetter({ host: true }, 'host') }, baseSite, body),
      'user',
      'privilege.host',
    )
    refused(() => create(withGetter({ ...baseSite, hostLimit: 50 }, 'hostLimit'), newUser), 'site', 'hostLimit')
    refused(() => create(baseSite, withGetter(newUser, 'firstName', 12345)), 'body', 'firstName')
  })

  it('a setter alone (no getter) is not plain data either', () => {
    const setterOnly = Object.defineProperty({ ...body }, 'lastName', { enumerable: true, set: () => undefined })
    refused(() => set(user, baseSite, setterOnly), 'body', 'lastName')
  })

  it('a non-enumerable property on the site, the request body or the stored user', () => {
    refused(() => set(user, hidden(baseSite, 'hostLimit', 'bogus'), body), 'site', 'hostLimit')
    refused(() => set(user, baseSite, hidden(body, 'privilege', { host: 'garbage' })), 'body', 'privilege')
    refused(() => set(hidden(user, 'privilege', { host: 'garbage' }), baseSite, body), 'user', 'privilege')
    refused(() => create(hidden(baseSite, 'hostLimit', 'bogus'), newUser), 'site', 'hostLimit')
    refused(() => create(baseSite, hidden(newUser, 'privilege', { host: 'garbage' })), 'body', 'privilege')
  })

  it('a frozen object with a getter or a non-enumerable mutable child is refused on every call, never trusted', () => {
    const site = Object.freeze(withGetter({ ...baseSite, hostLimit: 50 }, 'hostLimit', 'NOT A NUMBER'))
    const privilege = { host: true }
    const frozenBody = Object.freeze(hidden({ webExId: 'jdoe' }, 'privilege', privilege))
    for (let call = 0; call < 2; call++) {
      refused(() => set(user, site, body), 'site', 'hostLimit')
      refused(() => create(site, newUser), 'site', 'hostLimit')
      refused(() => set(user, baseSite, frozenBody), 'body', 'privilege')
      privilege.host = 'garbage' as never
    }
    const getterBody = Object.freeze(withGetter(body, 'firstName', 12345))
    refused(() => decodeBody(getterBody), 'body', 'firstName')
    refused(() => set(user, baseSite, getterBody), 'body', 'firstName')
  })

  it('a symbol-keyed property is not read: it neither fails nor reaches the result', () => {
    const tagged = { ...body, [Symbol('tag')]: 'x' }
    const result = set(user, baseSite, tagged)
    expect(result).toEqual(set(user, baseSite, body))
  })

  it('isPlainObject is the one definition: no accessor, nothing non-enumerable', () => {
    expect(isPlainObject({ a: 1 })).toBe(true)
    expect(isPlainObject(withGetter({ a: 1 }, 'a'))).toBe(false)
    expect(isPlainObject(hidden({}, 'a', 1))).toBe(false)
    expect(isPlainData({ a: [hidden({}, 'b', 1)] })).toBe(false)
    expect(isPlainData({ a: withGetter([1], '0') })).toBe(false)
    expect(isPlainData({ a: [1, { b: [] }] })).toBe(true)
  })
})

describe('issue 14: the trust check walks descriptors (validated.ts)', () => {
  const codec = {}
  it('a deeply frozen object of data properties is trusted; one with a getter or a hidden mutable child is not', () => {
    const data = Object.freeze({ a: Object.freeze([1]), b: Object.freeze({ c: true }) })
    expect(isValidated(markValidated(data, codec), codec)).toBe(true)
    const getter = Object.freeze(Object.defineProperty({}, 'a', { enumerable: true, get: () => 1 }))
    expect(isValidated(markValidated(getter, codec), codec)).toBe(false)
    const hiddenChild = Object.freeze(Object.defineProperty({}, 'a', { enumerable: false, value: { mutable: 1 } }))
    expect(isValidated(markValidated(hiddenChild, codec), codec)).toBe(false)
  })
})
