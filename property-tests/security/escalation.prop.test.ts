/**
 * Privilege escalation (issue 5 §3): for every admin-only path of the R11 table × every non-admin
 * caller role × own or other record × a value equal to the stored one or different, SetUser answers
 * NoPrivilege 000001 with no user — also when the path comes with legitimate self-service fields,
 * through XML (prefixed, case-varied, duplicated), or wrapped in `__proto__` / `constructor`.
 */
import fc from 'fast-check'
import { runs } from '../support/runs.js'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  applySetUser,
  classifyPath,
  MODEL_PATHS,
  type ModelCodec,
  SetUserBody,
  type SetUserError,
  type SetUserResult,
  User,
} from 'webex-user-rules'
import { parseSetUserMessage, renderSetUserMessage } from 'webex-user-rules/xml'

const site = {
  activeHostCount: 1,
  allowUserToChangeUserName: true,
  takenWebExIds: [],
  productIds: [1],
  controlHubManaged: true,
}
const ROLES = ['roSiteAdmin', 'host', 'attendee'] as const

const leafValue = (codec: ModelCodec, variant: 0 | 1): unknown => {
  if (codec._tag !== 'LeafType') return undefined
  const spec = codec.spec
  switch (spec.kind) {
    case 'string':
      return (variant === 0 ? 'a' : 'b').repeat(Math.max(1, spec.minLength))
    case 'boolean':
      return variant === 0
    case 'integer':
      return Math.min(spec.max, Math.max(spec.min, variant === 0 ? 1 : 2))
    case 'enum':
      return spec.values[variant % spec.values.length]
    case 'flags':
      return {}
  }
}

/** A value of `codec` holding `variant` at the schema path `path` (`[]` steps make one-item lists). */
const build = (codec: ModelCodec, path: readonly string[], variant: 0 | 1): unknown => {
  const [head, ...rest] = path
  switch (codec._tag) {
    case 'LeafType':
      return leafValue(codec, variant)
    case 'ListType':
      if (head !== '[]')
        return codec.item._tag === 'LeafType' ? [leafValue(codec.item, variant)] : [build(codec.item, [], variant)]
      return [build(codec.item, rest, variant)]
    case 'StructType': {
      const out: Record<string, unknown> = {}
      // required children first (accountIndex, email …), so the item is valid
      for (const key of codec.requiredKeys) {
        const child = codec.props[key]
        if (child !== undefined) out[key] = key === 'accountIndex' ? 1 : build(child, [], 0)
      }
      if (head !== undefined && Object.hasOwn(codec.props, head)) {
        const child = codec.props[head]
        if (child !== undefined) out[head] = build(child, rest, variant)
      }
      return out
    }
  }
}

const split = (path: string): string[] =>
  path.split(/\.|(?=\[\])/).flatMap((p) => (p.startsWith('[]') ? ['[]', ...(p.length > 2 ? [p.slice(3)] : [])] : [p]))

/** The admin-only paths a request can carry (the body codec has them). */
const bodyPaths = new Set(MODEL_PATHS.filter((p) => classifyPath(p) === 'admin-only'))
const writable = [...bodyPaths].filter((path) => {
  const body = build(SetUserBody, split(path), 1)
  return SetUserBody.is({ ...(body as object), webExId: 'jdoe' })
})

const attempt = (role: (typeof ROLES)[number], own: boolean, path: string, equal: boolean, extra: object = {}) => {
  const body = { ...(build(SetUserBody, split(path), 1) as object), ...extra, webExId: 'jdoe' }
  const stored = build(User, split(path), equal ? 1 : 0) as object
  const current = User.is({ ...stored, webExId: 'jdoe' }) ? { ...stored, webExId: 'jdoe' } : { webExId: 'jdoe' }
  return applySetUser(current, site, { caller: { webExId: own ? 'jdoe' : 'someone', role }, body: body })
}

const expectDenied = (result: E.Either<SetUserError, SetUserResult>): void => {
  expect(result).toMatchObject(
    E.left({ _tag: 'NoPrivilege', exceptionID: '000001', reason: 'Access denied, additional privileges are required' }),
  )
  expect(Object.keys(result)).toEqual(['_tag', 'left'])
}

describe('privilege escalation (issue 5 §3)', () => {
  it('there are admin-only paths to try, and almost all of them are writable in a request', () => {
    expect(writable.length).toBeGreaterThan(120)
  })

  it('the spec R11 list of admin-only elements is in the table, independently of it', () => {
    // spec R11: "privilege.*, active, meetingTypes, supportedServices, security.*, myWebEx.*,
    // salesCenter.*, supportCenter.serviceDesk, personalTeleconf.joinBeforeHost, tracking, service,
    // expirationDate, tspAccount, …"
    const spec = [
      'privilege.host',
      'privilege.siteAdmin',
      'privilege.roSiteAdmin',
      'privilege.attendeeOnly',
      'active',
      'meetingTypes',
      'supportedServices.meetingCenter',
      'security.lockAccount',
      'security.resetPassword',
      'myWebEx.myWorkspaces',
      'salesCenter.roles.sme',
      'salesCenter.smeInfo.products',
      'supportCenter.serviceDesk.enable',
      'personalTeleconf.joinBeforeHost',
      'tracking.trackingCode1',
      'service',
      'expirationDate',
      'tspAccount[].custom1',
    ]
    expect(spec.filter((path) => !writable.includes(path))).toEqual([])
  })

  it('every admin-only path × non-admin role × own/other × equal/different value ⇒ NoPrivilege, no user', () => {
    let cases = 0
    for (const path of writable)
      for (const role of ROLES)
        for (const own of [true, false])
          for (const equal of [true, false]) {
            expectDenied(attempt(role, own, path, equal))
            cases++
          }
    expect(cases).toBe(writable.length * 12)
  })

  it('mixed with legitimate self-service fields, still NoPrivilege (1,000 runs)', () => {
    const selfService = fc.record(
      {
        firstName: fc.constant('J'),
        phones: fc.constant({ PIN: '4826' }),
        options: fc.constant({ emailVisible: true }),
        timeZoneID: fc.constant(4),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fc.constantFrom(...writable), fc.constantFrom(...ROLES), selfService, (path, role, extra) => {
        expectDenied(attempt(role, true, path, false, extra))
      }),
      { numRuns: runs(1_000) },
    )
  })

  it('through XML: prefixed it is NoPrivilege; case-varied or duplicated it is refused; never a success', () => {
    for (const path of writable) {
      const body = { ...(build(SetUserBody, split(path), 1) as object), webExId: 'jdoe' } as SetUserBody
      const xml = renderSetUserMessage({ securityContext: { webExID: 'jdoe' }, body })
      const top = split(path)[0] ?? ''
      const open = xml.indexOf('>', xml.indexOf('<bodyContent')) + 1
      const close = xml.indexOf('</bodyContent>')
      const prefixed =
        xml.slice(0, open) + xml.slice(open, close).replace(/<(\/?)([A-Za-z])/g, '<$1use:$2') + xml.slice(close)
      const variants = [
        prefixed,
        xml.replace(new RegExp(`<(/?)${top}([ >])`, 'g'), `<$1${top.toUpperCase()}$2`),
        xml.replace(new RegExp(`(<${top}[ >][\\s\\S]*?</${top}>)`), '$1$1'),
      ]
      for (const [i, variant] of variants.entries()) {
        const parsed = parseSetUserMessage(variant)
        if (i === 0 && E.isLeft(parsed))
          expect.fail(`${path}: the prefixed message should parse: ${parsed.left.reason}`)
        if (E.isRight(parsed)) {
          const result = applySetUser({ webExId: 'jdoe' }, site, {
            caller: { webExId: 'jdoe', role: 'host' },
            body: parsed.right.body,
          })
          expectDenied(result)
        } else {
          expect(parsed.left._tag).toBe('InvalidRequest')
        }
      }
    }
  })

  it('wrapped in __proto__ or constructor, the request is refused and writes nothing', () => {
    for (const path of writable.slice(0, 40)) {
      const admin = JSON.stringify(build(SetUserBody, split(path), 1))
      for (const wrapper of ['__proto__', 'constructor', 'prototype']) {
        const body: unknown = JSON.parse(`{"webExId":"jdoe","firstName":"J","${wrapper}":${admin}}`)
        const result = applySetUser({ webExId: 'jdoe' }, site, {
          caller: { webExId: 'jdoe', role: 'host' },
          body: body as SetUserBody,
        })
        expect(result).toMatchObject(E.left({ _tag: 'InvalidRequest', failures: [{ source: 'body', path: wrapper }] }))
      }
    }
  })
})
