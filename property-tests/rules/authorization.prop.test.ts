/**
 * R11 authorization over every classified path of the model: every leaf and list path × every
 * caller role × the user's own record or another's, every pair of request paths from the user
 * themself, and the meta-test that no path of the codecs is unclassified.
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  type CallerRole,
  classifyPath,
  GetUserView,
  MODEL_PATHS,
  type SetUserBody,
  SetUserBody as SetUserBodyCodec,
  type SetUserRequest,
  User,
} from 'webex-user-rules'
import { selfScenarioArb } from 'webex-user-rules/testing'
import { isSelfService } from '../model/tables.js'
import { bodyWith, mergeBodies } from '../support/bodies.js'
import { countCase, counted } from '../support/cases.js'
import { apply, expectLeft, expectRight, plainSite } from '../support/engine.js'
import { codecPaths, deepEqual, presentPaths, valueAt } from '../support/paths.js'
import { project } from '../support/project.js'
import { MUTATION_RUN, runs } from '../support/runs.js'

const NON_ADMIN: readonly CallerRole[] = ['roSiteAdmin', 'host', 'attendee']
const ROLES: readonly CallerRole[] = ['siteAdmin', ...NON_ADMIN]
const stored = { webExId: 'jdoe', phones: { PIN: '4826' } }
const BODY_PATHS = codecPaths(SetUserBodyCodec).map((p) => p.path)
const bodyPathSet = new Set(BODY_PATHS)
const ALL_PATHS = [...new Set([User, SetUserBodyCodec, GetUserView].flatMap((c) => codecPaths(c).map((p) => p.path)))]

const request = (role: CallerRole, own: boolean, body: SetUserBody): SetUserRequest => ({
  caller: { webExId: own ? 'jdoe' : role === 'siteAdmin' ? 'admin' : 'someone', role },
  body,
})

/** Checks one body from every caller; returns nothing, fails on the first wrong answer. */
const checkEveryCaller = (body: SetUserBody): void => {
  const asAdmin = apply(stored, request('siteAdmin', false, body))
  expect(E.isLeft(asAdmin) && asAdmin.left._tag === 'NoPrivilege').toBe(false)
  const denied = presentPaths(body).filter((p) => !isSelfService(p))
  for (const role of ROLES) {
    for (const own of [true, false]) {
      countCase()
      const outcome = apply(stored, request(role, own, body))
      if (role === 'siteAdmin') expect(project(outcome)).toEqual(project(asAdmin))
      else if (!own) expect(outcome).toEqual(E.left(expect.objectContaining({ _tag: 'NoPrivilege', paths: [] })))
      else if (denied.length > 0)
        expect(expectLeft(outcome)).toEqual({
          _tag: 'NoPrivilege',
          exceptionID: '000001',
          reason: 'Access denied, additional privileges are required',
          paths: denied,
        })
      // self-service only: the user gets exactly what a site admin would get
      else expect(project(outcome)).toEqual(project(asAdmin))
    }
  }
}

describe('R11 authorization over every path', () => {
  it('R11 meta: every leaf and list path of User, SetUserBody and GetUserView is classified, and MODEL_PATHS lists them all', () => {
    for (const path of ALL_PATHS) {
      countCase()
      expect.soft(classifyPath(path), path).toBeDefined()
    }
    expect([...MODEL_PATHS].sort()).toEqual([...ALL_PATHS].sort())
  })

  it('R11 every request path × every caller role × own record or another', () => {
    for (const path of MUTATION_RUN ? BODY_PATHS.filter((_, i) => i % 3 === 0) : BODY_PATHS)
      checkEveryCaller(bodyWith(SetUserBodyCodec, path) as SetUserBody)
  })

  it('R11 output-only paths are not part of a request: InvalidRequest naming the path, for every caller', () => {
    const userPathSet = new Set(codecPaths(User).map((p) => p.path))
    // D-GV-2: the GetUser view alone has the response form of salesCenter's products
    const viewOnly = ALL_PATHS.filter((p) => !bodyPathSet.has(p) && !userPathSet.has(p))
    expect(viewOnly).toEqual(['salesCenter.smeInfo.products[].prodID', 'salesCenter.smeInfo.products[].name'])
    expect(viewOnly.map(classifyPath)).toEqual(['output-only', 'output-only'])
    const outputOnly = ALL_PATHS.filter((p) => !bodyPathSet.has(p) && userPathSet.has(p))
    expect(outputOnly.filter((p) => classifyPath(p) !== 'output-only' || p.includes('[]'))).toEqual([])
    expect(outputOnly.length).toBeGreaterThan(10)
    for (const path of outputOnly) {
      const body = bodyWith(User, path) as SetUserBody
      for (const role of ROLES) {
        countCase()
        const error = expectLeft(apply(stored, request(role, true, body)))
        expect(error).toMatchObject({ _tag: 'InvalidRequest', failures: [{ source: 'body', path }] })
      }
    }
  })

  it('R11 every pair of request paths from the user themself: denied exactly when one of them is admin-only, naming all of them', () => {
    const paths = MUTATION_RUN ? BODY_PATHS.filter((_, i) => i % 13 === 0) : BODY_PATHS
    const bodies = paths.map((p) => bodyWith(SetUserBodyCodec, p))
    bodies.forEach((a, i) => {
      for (let j = i + 1; j < bodies.length; j++) {
        countCase()
        const body = mergeBodies(a, bodies[j]) as SetUserBody
        const role = NON_ADMIN[(i + j) % NON_ADMIN.length] ?? 'host'
        const outcome = apply(stored, request(role, true, body))
        const denied = presentPaths(body).filter((p) => !isSelfService(p))
        const ok =
          denied.length > 0
            ? E.isLeft(outcome) && outcome.left._tag === 'NoPrivilege' && deepEqual(outcome.left.paths, denied)
            : !(E.isLeft(outcome) && outcome.left._tag === 'NoPrivilege')
        if (!ok) expect.fail(`${JSON.stringify(body)} as ${role}: ${JSON.stringify(outcome)}`)
      }
    })
  })

  it('R11 authorization frame: a successful request by a non-admin leaves every admin-only path unchanged (except R5 resets and R4 smeInfo removal)', () => {
    const adminOnly = codecPaths(User)
      .map((p) => p.path)
      .filter((p) => !p.includes('[]') && classifyPath(p) === 'admin-only')
    fc.assert(
      fc.property(
        selfScenarioArb,
        counted(({ user, site, request: req }) => {
          const outcome = apply(user, req, site)
          if (E.isLeft(outcome)) return
          const { user: next, notices } = outcome.right
          const reset = new Set(notices.filter((n) => n.kind === 'reset').map((n) => n.path))
          for (const path of adminOnly) {
            if (deepEqual(valueAt(next, path), valueAt(user, path))) continue
            if (reset.has(path) && valueAt(next, path) === false) continue // R5
            if (
              path.startsWith('salesCenter.smeInfo') &&
              user.salesCenter?.roles?.sme !== true &&
              valueAt(next, path) === undefined
            )
              continue // R4: sme FALSE ⇒ no smeInfo
            expect.fail(
              `${path} changed from ${JSON.stringify(valueAt(user, path))} to ${JSON.stringify(valueAt(next, path))}`,
            )
          }
        }),
      ),
      { numRuns: runs(1000) },
    )
  })

  it('R11 a self-service body is accepted from the user themself exactly when a site admin would accept it (rename allowed)', () => {
    fc.assert(
      fc.property(
        selfScenarioArb,
        counted(({ user, site, request: req }) => {
          const allowing = { ...site, allowUserToChangeUserName: true }
          const own = { ...req, caller: { webExId: user.webExId, role: req.caller.role } }
          const outcome = apply(user, own, allowing)
          // a NoPrivilege without an admin-only path is R33 (Control Hub identity), which refuses
          // a site admin too: the comparison below then checks exactly that
          if (
            E.isLeft(outcome) &&
            outcome.left._tag === 'NoPrivilege' &&
            outcome.left.paths.length > 0 &&
            outcome.left.paths.every((p) => !isSelfService(p))
          )
            return
          const admin = apply(user, { ...own, caller: { webExId: 'admin', role: 'siteAdmin' } }, allowing)
          expect(project(outcome)).toEqual(project(admin))
        }),
      ),
      { numRuns: runs(1000) },
    )
  })

  it('R11 site admins are never denied; the D-R11 spot classifications hold', () => {
    expect(
      expectRight(apply(stored, request('siteAdmin', false, { webExId: 'jdoe', active: 'ACTIVATED' }), plainSite)).user
        .active,
    ).toBe('ACTIVATED')
    expect(classifyPath('personalTeleconf.joinBeforeHost')).toBe('admin-only')
    expect(classifyPath('personalTeleconf.account[].joinBeforeHost')).toBe('self-service')
    expect(classifyPath('designatedChatUser')).toBe('output-only')
  })
})
