/**
 * Laws of the pipeline, each over random (user, site, request) triples from the shared
 * arbitraries (≥ 1,000 runs per default CI run; `FC_NUM_RUNS` scales them).
 *
 * Where a rule documents an exception to a law, the law names it: the frame law holds for every
 * absent path except R3 normalisation (role flags, when the request sends one), R4 (smeInfo
 * removed when sme is FALSE), R5 (gated settings reset) and R14 (webExId on rename).
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applySetUser,
  type ModelCodec,
  SETTING_GATES,
  type SetUserBody,
  type SetUserError,
  type SetUserResult,
  SetUserBody as SetUserBodyCodec,
  type SiteContext,
  toGetUserView,
  User,
} from 'webex-user-rules'
import { scenarioArb, type Scenario } from 'webex-user-rules/testing'
import { NOT_STORED_BY_MERGE, SETUSER_ERROR_TAGS } from '../model/tables.js'
import { counted } from '../support/cases.js'
import { countsBySpec, siteAfter } from '../support/engine.js'
import { deepFreeze } from 'webex-user-rules/testing'
import { codecPaths, deepEqual, isPresent, presentPaths, setAt, structPaths, valueAt } from '../support/paths.js'
import { project } from '../support/project.js'
import { MUTATION_RUN, runs } from '../support/runs.js'

type Obj = Readonly<Record<string, unknown>>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

const LAW_RUNS = runs(1000)
const ROLE_FLAGS = ['siteAdmin', 'roSiteAdmin', 'host'] as const
/** Request paths R1 does not store (actions, request options, R4/R10 lists). */
const NOT_STORED = new Set(NOT_STORED_BY_MERGE)
const ERROR_TAGS = new Set(SETUSER_ERROR_TAGS)

const run = ({ user, site, request }: Scenario): E.Either<SetUserError, SetUserResult> =>
  applySetUser(user, site, request)

const resultingSme = (s: Scenario): boolean =>
  s.request.body.salesCenter?.roles?.sme ?? s.user.salesCenter?.roles?.sme ?? false

/** The absent paths a rule may change, as path prefixes (the documented exceptions to the frame law). */
const frameExceptions = (s: Scenario, result: SetUserResult): string[] => {
  const out: string[] = []
  const sentPrivilege = s.request.body.privilege
  if (sentPrivilege !== undefined && ROLE_FLAGS.some((f) => sentPrivilege[f] !== undefined))
    out.push(...ROLE_FLAGS.map((f) => `privilege.${f}`)) // R3
  if (!resultingSme(s)) out.push('salesCenter.smeInfo') // R4
  out.push(...result.notices.filter((n) => n.kind === 'reset').map((n) => n.path)) // R5
  if (result.user.webExId !== s.user.webExId) out.push('webExId') // R14
  return out
}
const under = (path: string, prefixes: readonly string[]): boolean =>
  prefixes.some((p) => path === p || path.startsWith(`${p}.`))

/**
 * Calls `visit` for every element of the stored user the request does not send (at any depth),
 * at the highest level that holds no exception: a container with an exception below it is
 * visited element by element instead.
 */
const forEachAbsent = (
  codec: ModelCodec,
  body: unknown,
  exceptions: readonly string[],
  visit: (path: string) => void,
  prefix = '',
): void => {
  if (codec._tag !== 'StructType') return
  for (const [key, child] of Object.entries(codec.props)) {
    const path = prefix === '' ? key : `${prefix}.${key}`
    const sent = isObj(body) && Object.hasOwn(body, key)
    if (under(path, exceptions)) continue
    if (sent || exceptions.some((e) => e.startsWith(`${path}.`))) {
      if (child._tag === 'StructType') forEachAbsent(child, sent ? body[key] : undefined, exceptions, visit, path)
    } else visit(path)
  }
}

const LIST_PATHS = structPaths(SetUserBodyCodec)
  .filter((p) => p.codec._tag === 'ListType' && !NOT_STORED.has(p.path))
  .map((p) => p.path)
const LEAF_PATHS = structPaths(SetUserBodyCodec)
  .filter((p) => p.codec._tag === 'LeafType')
  .map((p) => p.path)

const law = (name: string, predicate: (s: Scenario) => void): void => {
  it(name, () => {
    fc.assert(fc.property(scenarioArb, counted(predicate)), { numRuns: LAW_RUNS })
  })
}

describe('laws of the pipeline', () => {
  law(
    'R1 frame: every element the request does not send keeps its value (except R3, R4, R5, R14 as documented)',
    (s) => {
      const outcome = run(s)
      if (E.isLeft(outcome)) return
      forEachAbsent(User, s.request.body, frameExceptions(s, outcome.right), (path) => {
        if (!deepEqual(valueAt(outcome.right.user, path), valueAt(s.user, path)))
          expect.fail(
            `absent ${path} changed: ${JSON.stringify(valueAt(s.user, path))} → ${JSON.stringify(valueAt(outcome.right.user, path))}`,
          )
      })
    },
  )

  law(
    'R1 nested merge: every element the request sends is stored as sent, or a notice names it (R3, R4, R5, R7 empty PIN), or it is an action',
    (s) => {
      const outcome = run(s)
      if (E.isLeft(outcome)) return
      const named = new Set(outcome.right.notices.map((n) => n.path))
      for (const path of LEAF_PATHS) {
        if (!isPresent(s.request.body, path) || path === 'webExId') continue
        const stored = valueAt(outcome.right.user, path)
        if (NOT_STORED.has(path)) expect(stored, path).toEqual(valueAt(s.user, path))
        else if (!named.has(path)) expect(stored, path).toEqual(valueAt(s.request.body, path))
      }
    },
  )

  law('R2 replace-on-list: every list the request sends (R4/R10 lists aside) is stored as sent, in order', (s) => {
    const outcome = run(s)
    if (E.isLeft(outcome)) return
    for (const path of LIST_PATHS) {
      if (isPresent(s.request.body, path))
        expect(valueAt(outcome.right.user, path), path).toEqual(valueAt(s.request.body, path))
    }
  })

  law(
    'R1/R2 idempotence: applying the same body twice equals applying it once (not for a rename: the second request names a user that no longer exists, R20)',
    (s) => {
      const first = run(s)
      if (E.isLeft(first) || first.right.user.webExId !== s.user.webExId) return
      const again = applySetUser(first.right.user, siteAfter(s.site, s.user, first.right.user), s.request)
      if (E.isLeft(again)) expect.fail(`second application failed: ${again.left._tag}`)
      expect(again.right.user).toEqual(first.right.user)
    },
  )

  law(
    'R1 child order: sending the same elements in another order gives the same user, effects and error (notices and paths as sets)',
    (s) => {
      const reverse = (v: unknown): unknown =>
        Array.isArray(v)
          ? v.map(reverse)
          : isObj(v)
            ? Object.fromEntries(
                Object.entries(v)
                  .reverse()
                  .map(([k, c]) => [k, reverse(c)]),
              )
            : v
      const normal = project(run(s))
      const reversed = project(
        applySetUser(s.user, s.site, { ...s.request, body: reverse(s.request.body) as SetUserBody }),
      )
      const canon = (r: typeof normal): unknown =>
        r._tag === 'Right'
          ? { ...r.right, notices: r.right.notices.map((n) => `${n.kind} ${n.path}`).sort() }
          : {
              ...r.left,
              ...(Array.isArray(r.left['paths']) ? { paths: [...(r.left['paths'] as string[])].sort() } : {}),
              ...(Array.isArray(r.left['failures'])
                ? { failures: (r.left['failures'] as Obj[]).map((f) => JSON.stringify(f)).sort() }
                : {}),
            }
      expect(canon(reversed)).toEqual(canon(normal))
    },
  )

  law(
    'R2/R10 a list or account sent equal to the stored one keeps the stored object (D-R2, D-R10: a repeated request changes no reference)',
    (s) => {
      // re-send every stored list and every stored account as it is
      const accountPaths = ['tspAccount', 'personalTeleconf.account', 'thirdPartyTeleconf.account']
      let body = s.request.body as Obj
      for (const path of [...LIST_PATHS, ...accountPaths]) {
        const stored = valueAt(s.user, path)
        if (stored !== undefined) body = setAt(body, path, structuredClone(stored))
      }
      const outcome = applySetUser(s.user, s.site, { ...s.request, body: body as unknown as SetUserBody })
      if (E.isLeft(outcome)) return
      for (const path of LIST_PATHS) {
        const before = valueAt(s.user, path)
        if (before !== undefined) expect(valueAt(outcome.right.user, path), path).toBe(before)
      }
      for (const path of accountPaths) {
        const before = (valueAt(s.user, path) ?? []) as Obj[]
        const after = (valueAt(outcome.right.user, path) ?? []) as Obj[]
        before.forEach((account, i) => {
          expect(after[i], `${path}[${String(i)}]`).toBe(account)
        })
      }
    },
  )

  law(
    'R4 prodID association: the stored set is the requested set; IDs new to the user first (request order), then retained ones (stored order)',
    (s) => {
      const requested = s.request.body.salesCenter?.smeInfo?.products
      const outcome = run(s)
      if (E.isLeft(outcome) || requested === undefined || !resultingSme(s)) return
      const stored = s.user.salesCenter?.smeInfo?.products ?? []
      const products = outcome.right.user.salesCenter?.smeInfo?.products ?? []
      expect(new Set(products)).toEqual(new Set(requested))
      expect(new Set(products).size).toBe(products.length)
      const added = products.filter((id) => !stored.includes(id))
      const kept = products.filter((id) => stored.includes(id))
      expect(products).toEqual([...added, ...kept])
      expect(added).toEqual([...new Set(requested)].filter((id) => !stored.includes(id)))
      expect(kept).toEqual(stored.filter((id, i) => requested.includes(id) && stored.indexOf(id) === i))
    },
  )

  law('R4 sme FALSE ⇒ no smeInfo in the result; smeRecordsRemoved exactly when stored smeInfo went away', (s) => {
    const outcome = run(s)
    if (E.isLeft(outcome)) return
    const { user, effects } = outcome.right
    if (user.salesCenter?.roles?.sme !== true) expect(user.salesCenter?.smeInfo).toBeUndefined()
    const removed = s.user.salesCenter?.smeInfo !== undefined && !resultingSme(s)
    expect(effects.some((e) => e.kind === 'smeRecordsRemoved')).toBe(removed)
  })

  law('R5 reset invariant: a result never holds a setting the site does not support', (s) => {
    const outcome = run(s)
    if (E.isLeft(outcome)) return
    const features = s.site.features ?? {}
    for (const gate of SETTING_GATES) {
      if (!gate.features.some((f) => features[f] === false)) continue
      const value = valueAt(outcome.right.user, `${gate.container}.${gate.key}`)
      const effective = value ?? (gate.container === 'privilege' && gate.key === 'otherTelephony')
      expect(effective, `${gate.container}.${gate.key}`).toBe(false)
    }
  })

  law(
    'R6 host-limit invariant: a success never takes the count over the limit, unless it already was and the request added no counted host',
    (s) => {
      const outcome = run(s)
      if (E.isLeft(outcome) || s.site.hostLimit === undefined) return
      const before = countsBySpec(s.user)
      const after = countsBySpec(outcome.right.user)
      const count = s.site.activeHostCount - (before ? 1 : 0) + (after ? 1 : 0)
      expect(count <= s.site.hostLimit || before || !after).toBe(true)
      if (after && !before) expect(count).toBeLessThanOrEqual(s.site.hostLimit)
    },
  )

  law(
    'R10 accounts after any success: indexes 1..3, unique, sorted, at most one default; unmentioned accounts stay',
    (s) => {
      const outcome = run(s)
      if (E.isLeft(outcome)) return
      for (const path of ['tspAccount', 'personalTeleconf.account', 'thirdPartyTeleconf.account']) {
        const accounts = (valueAt(outcome.right.user, path) ?? []) as { accountIndex: number; defaultFlag?: boolean }[]
        const indexes = accounts.map((a) => a.accountIndex)
        expect(indexes).toEqual([...new Set(indexes)].sort())
        expect(indexes.every((i) => i >= 1 && i <= 3)).toBe(true)
        expect(accounts.filter((a) => a.defaultFlag === true).length).toBeLessThanOrEqual(1)
        const sent = (valueAt(s.request.body, path) ?? []) as { accountIndex: number }[]
        const before = (valueAt(s.user, path) ?? []) as { accountIndex: number; defaultFlag?: boolean }[]
        for (const account of before) {
          if (sent.some((a) => a.accountIndex === account.accountIndex)) continue
          const after = accounts.find((a) => a.accountIndex === account.accountIndex)
          // an unmentioned account stays; only its defaultFlag may be cleared by a new default
          expect(after === undefined ? undefined : { ...after, defaultFlag: account.defaultFlag }).toEqual(account)
        }
      }
    },
  )

  law('R9 GetUser shows every PCN account with joinBeforeHost equal to personalTeleconf.joinBeforeHost', (s) => {
    const outcome = run(s)
    if (E.isLeft(outcome)) return
    const view = toGetUserView(outcome.right.user)
    const jbh = outcome.right.user.personalTeleconf?.joinBeforeHost ?? false
    for (const account of view.personalTeleconf?.account ?? []) expect(account.joinBeforeHost).toBe(jbh)
    expect(Object.hasOwn(view, 'designatedChatUser')).toBe(false)
  })

  law(
    'R14/R16/R17 effects: renamed first on a rename, provisionTelephony iff telephony data is sent, syncWebOffice last iff asked',
    (s) => {
      const outcome = run(s)
      if (E.isLeft(outcome)) return
      const kinds = outcome.right.effects.map((e) => e.kind)
      const { body } = s.request
      const renamed = body.newWebExId !== undefined && body.newWebExId !== s.user.webExId
      expect(kinds[0] === 'renamed').toBe(renamed)
      if (renamed) expect(outcome.right.user.webExId).toBe(body.newWebExId)
      const telephony =
        (body.phones?.PIN !== undefined && body.phones.PIN !== '') || body.personalTeleconf !== undefined
      expect(kinds.includes('provisionTelephony')).toBe(telephony)
      expect(kinds.at(-1) === 'syncWebOffice').toBe(body.syncWebOffice === true)
      expect(Object.hasOwn(outcome.right.user, 'syncWebOffice')).toBe(false)
    },
  )

  law('R19 atomicity: an error carries no user and no effects', (s) => {
    const outcome = run(s)
    if (E.isRight(outcome)) return
    expect(Object.keys(outcome)).toEqual(['_tag', 'left'])
    expect(ERROR_TAGS.has(outcome.left._tag)).toBe(true)
    for (const key of ['user', 'effects', 'notices']) expect(Object.hasOwn(outcome.left, key)).toBe(false)
  })

  law('R19 purity: inputs are deep-frozen and equal to a copy taken before', (s) => {
    const before = structuredClone(s)
    expect(Object.isFrozen(s.request.body)).toBe(true)
    run(s)
    expect(s).toEqual(before)
  })

  law('R19 determinism: the same inputs give the same output', (s) => {
    expect(run(s)).toStrictEqual(run(s))
  })

  law('R19 structural sharing: every subtree the request does not touch is the same object', (s) => {
    const outcome = run(s)
    if (E.isLeft(outcome)) return
    const same: string[] = []
    forEachAbsent(User, s.request.body, frameExceptions(s, outcome.right), (path) => {
      const before = valueAt(s.user, path)
      if (typeof before === 'object' && before !== null && valueAt(outcome.right.user, path) !== before) same.push(path)
    })
    expect(same).toEqual([])
    if (
      outcome.right.notices.length === 0 &&
      outcome.right.effects.length === 0 &&
      deepEqual(outcome.right.user, s.user)
    )
      expect(outcome.right.user).toBe(s.user)
  })

  law('R1 an empty request (webExId only) changes nothing but R4 and R5 clean-ups (and warns by R35)', (s) => {
    const request = { ...s.request, body: { webExId: s.request.body.webExId } }
    const outcome = applySetUser(s.user, s.site, request)
    if (E.isLeft(outcome)) {
      expect(['UserNotFound', 'NoPrivilege']).toContain(outcome.left._tag)
      return
    }
    const { user, effects, notices } = outcome.right
    // R35: the PCN-without-PIN warning reports a stored state, it changes nothing
    expect(notices.every((n) => n.kind === 'reset' || n.kind === 'warning')).toBe(true)
    expect(effects.filter((e) => !e.kind.endsWith('MeetingLicense') && e.kind !== 'smeRecordsRemoved')).toEqual([])
    if (notices.every((n) => n.kind === 'warning') && effects.length === 0) expect(user).toBe(s.user)
  })

  law('R19 totality: never throws on decoded inputs; every error is one of the closed union', (s) => {
    const outcome = run(s)
    if (E.isLeft(outcome)) {
      expect(ERROR_TAGS.has(outcome.left._tag)).toBe(true)
      if (outcome.left._tag === 'InvalidRequest')
        expect(outcome.left.failures.filter((f) => f.expected === 'plain data (JSON values)')).toEqual([])
    }
  })

  it('R19 totality: any JSON value in place of the user, the site or the request (or inside them) is answered, never thrown', () => {
    const inputs = ['user', 'site', 'request'] as const
    fc.assert(
      fc.property(
        scenarioArb,
        fc.jsonValue({ maxDepth: 3 }),
        fc.constantFrom(...inputs),
        fc.nat(),
        fc.boolean(),
        counted((s, junk, which, pick, whole) => {
          const target = s[which] as unknown as Obj
          const paths = presentPaths(target).filter((p) => !p.includes('[]'))
          const inner = paths[pick % Math.max(1, paths.length)] ?? 'webExId'
          const broken: unknown = deepFreeze(JSON.parse(JSON.stringify(whole ? junk : setAt(target, inner, junk))))
          const args = { ...s, [which]: broken }
          const outcome = run(args)
          if (E.isLeft(outcome)) {
            expect(ERROR_TAGS.has(outcome.left._tag)).toBe(true)
            if (outcome.left._tag === 'InvalidRequest')
              expect(outcome.left.failures.filter((f) => f.expected === 'plain data (JSON values)')).toEqual([])
          }
        }),
      ),
      { numRuns: runs(10_000) },
    )
  })
})

describe('the generators reach the rules', () => {
  // a check of the generators, not of the engine: not run under Stryker
  it.skipIf(MUTATION_RUN)(
    'a default run of the shared scenarios sends every request path and ends in every outcome',
    () => {
      const sample = fc.sample(scenarioArb, { numRuns: 3000, seed: 1 })
      const sent = new Set(sample.flatMap((s) => presentPaths(s.request.body)))
      const stored = new Set(sample.flatMap((s) => presentPaths(s.user)))
      const bodyPaths = codecPaths(SetUserBodyCodec).map((p) => p.path)
      expect(bodyPaths.filter((p) => !sent.has(p))).toEqual([])
      expect(
        codecPaths(User)
          .map((p) => p.path)
          .filter((p) => !stored.has(p)),
      ).toEqual([])
      const tags = new Set(
        sample.map((s) => {
          const outcome = run(s)
          return E.isLeft(outcome) ? outcome.left._tag : 'success'
        }),
      )
      expect([...tags].sort()).toEqual(['success', ...ERROR_TAGS].sort())
      const sites: SiteContext[] = sample.map((s) => s.site)
      expect(sites.some((site) => site.hostLimit !== undefined && site.activeHostCount >= site.hostLimit)).toBe(true)
    },
  )
})
