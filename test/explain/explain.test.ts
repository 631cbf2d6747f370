import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { applySetUser, type User } from 'webex-user-rules'
import { explainCreateUser, explainSetUser, RULE_ROWS, type TraceEntry } from 'webex-user-rules/explain'
import { parseSetUserMessage } from 'webex-user-rules/xml'
import { ADMIN, asAdmin, asSelf, deepFreeze, site } from '../helpers.js'

const demo = (name: string): string => readFileSync(new URL(`../../examples/demo/${name}`, import.meta.url), 'utf8')
const jdoe = deepFreeze(JSON.parse(demo('jdoe.json')) as User)
const demoSite = deepFreeze(JSON.parse(demo('site.json')) as Parameters<typeof applySetUser>[1])

/** The seed example as the CLI reads it: the XML message's body, the securityContext as the caller. */
const seedRequest = (file: string) => {
  const message = parseSetUserMessage(demo(file))
  if (E.isLeft(message)) throw new Error(`fixture ${file} does not parse`)
  return { caller: ADMIN, body: message.right.body }
}

const summary = (trace: readonly TraceEntry[]) =>
  trace.map((t) => `${t.stage} ${t.rule} ${t.kind}${'path' in t ? ` ${t.path}` : ''}`)

describe('explainSetUser: the seed examples', () => {
  it('R2 the meetingType 105 example: meetingTypes replaced by [105], explained by the seed sentence of R2', () => {
    const { result, trace } = explainSetUser(jdoe, demoSite, seedRequest('meetingtype-105.xml'))
    expect(E.isRight(result) && result.right.user.meetingTypes).toEqual([105])
    expect(summary(trace)).toEqual(['merge R2 changed meetingTypes'])
    const [entry] = trace
    expect(entry?.kind === 'changed' && [entry.before, entry.after]).toEqual([[1, 2, 3], [105]])
    expect(entry?.source).toEqual({
      kind: 'seed',
      text: 'However, if a complex element (like <meetingType>) that contains 0..n or 1..n sub elements is specified, then the entire set of sub elements is updated.',
    })
  })

  it('R7 the PIN 1234 example: the error InvalidPin 999999 is explained by the seed sentence of R7', () => {
    const { result, trace } = explainSetUser(jdoe, demoSite, seedRequest('pin-1234.xml'))
    expect(E.isLeft(result) && [result.left._tag, result.left.exceptionID]).toEqual(['InvalidPin', '999999'])
    expect(summary(trace)).toEqual(['validation R7 error'])
    expect(trace[0]?.source.text).toContain(
      'Single number values and simple sequences, like 1111 or 1234 are not allowed.',
    )
  })

  it('R4 the prodID example: [120, 123] with [123, 124] gives [124, 123], explained by R4', () => {
    const { result, trace } = explainSetUser(jdoe, demoSite, seedRequest('prodids-123-124.xml'))
    expect(E.isRight(result) && result.right.user.salesCenter?.smeInfo?.products).toEqual([124, 123])
    expect(summary(trace)).toEqual(['merge R4 changed salesCenter.smeInfo.products'])
  })

  it('R9 the joinBeforeHost example: a host sending personalTeleconf.joinBeforeHost is refused by R9', () => {
    const message = parseSetUserMessage(demo('host-joinbeforehost.xml'))
    if (E.isLeft(message)) throw new Error('fixture')
    const { result, trace } = explainSetUser(jdoe, demoSite, {
      caller: { webExId: 'jdoe', role: 'host' },
      body: message.right.body,
    })
    expect(E.isLeft(result) && result.left._tag).toBe('NoPrivilege')
    expect(summary(trace)).toEqual(['authorization R9 error'])
  })
})

describe('explainSetUser: rules and pipeline order', () => {
  it('R3 D-R3 siteAdmin and host both TRUE: host is normalised to FALSE (R3 change) and the sent host is ignored (R3 notice)', () => {
    const { trace } = explainSetUser(
      { webExId: 'jdoe', privilege: { host: true } },
      site(),
      asAdmin({ webExId: 'jdoe', privilege: { siteAdmin: true, host: true } }),
    )
    // changes come in the user's element order: the stored privilege.host first
    expect(summary(trace)).toEqual([
      'merge R3 changed privilege.host',
      'merge R1 changed privilege.siteAdmin',
      'merge R3 ignored privilege.host',
    ])
  })

  it('R5 a stored HD video privilege on a site without HD video is reset (change and notice by R5, after the merge)', () => {
    const { trace } = explainSetUser(
      { webExId: 'jdoe', privilege: { HDvideo: true } },
      site({ features: { HDvideo: false } }),
      asAdmin({ webExId: 'jdoe', firstName: 'Ann' }),
    )
    expect(summary(trace)).toEqual([
      'merge R1 changed firstName',
      'reset R5 changed privilege.HDvideo',
      'reset R5 reset privilege.HDvideo',
    ])
  })

  it('R14 R17 R12 a rename with a WebOffice sync and a forced password change: changes first, then the effects in pipeline order', () => {
    const { trace } = explainSetUser(
      { webExId: 'jdoe' },
      site(),
      asAdmin({ webExId: 'jdoe', newWebExId: 'jane', syncWebOffice: true, security: { forceChangePassword: true } }),
    )
    expect(summary(trace)).toEqual([
      'merge R14 changed webExId',
      'merge R1 changed security.forceChangePassword',
      'effects R14 effect',
      'effects R12 effect',
      'effects R17 effect',
    ])
  })

  it('R10 R8 R16 a PCN account with a new PIN: the account list by R10, the PIN by R1, access codes by R10, telephony by R16; secrets masked', () => {
    const { result, trace } = explainSetUser(
      { webExId: 'jdoe' },
      site(),
      asSelf({
        webExId: 'jdoe',
        phones: { PIN: '4826' },
        personalTeleconf: { account: [{ accountIndex: 1, autoGenerate: true }] },
      }),
    )
    expect(E.isRight(result)).toBe(true)
    expect(summary(trace)).toEqual([
      'merge R1 changed phones.PIN',
      'merge R10 changed personalTeleconf.account',
      'effects R10 effect',
      'effects R16 effect',
    ])
    expect(JSON.stringify(trace)).not.toContain('4826')
    const pin = trace[0]
    expect(pin?.kind === 'changed' && pin.after).toBe('******')
  })

  it('R7 D-R7 an empty PIN is ignored by R7 and changes nothing', () => {
    const { trace } = explainSetUser(
      { webExId: 'jdoe', phones: { PIN: '4826' } },
      site(),
      asSelf({ webExId: 'jdoe', phones: { PIN: '' } }),
    )
    expect(summary(trace)).toEqual(['validation R7 ignored phones.PIN'])
  })

  it('R6 R20 R11 errors are explained by their rule and stage', () => {
    const full = site({ activeHostCount: 5, hostLimit: 5 })
    const limited = explainSetUser(
      { webExId: 'jdoe', active: 'DEACTIVATED' },
      full,
      asAdmin({ webExId: 'jdoe', active: 'ACTIVATED' }),
    )
    expect(summary(limited.trace)).toEqual(['site-wide R6 error'])
    const missing = explainSetUser({ webExId: 'jdoe' }, site(), asAdmin({ webExId: 'other' }))
    expect(summary(missing.trace)).toEqual(['identity R20 error'])
    const denied = explainSetUser({ webExId: 'jdoe' }, site(), asSelf({ webExId: 'jdoe', active: 'DEACTIVATED' }))
    expect(summary(denied.trace)).toEqual(['authorization R11 error'])
    const malformed = explainSetUser({ webExId: 'jdoe' }, site(), asAdmin({ webExId: 'jdoe', Active: 'x' } as never))
    expect(summary(malformed.trace)).toEqual(['decode D-M3 error'])
  })

  it('the result is the one applySetUser gives (explain adds a trace, nothing else)', () => {
    const request = asAdmin({ webExId: 'jdoe', meetingTypes: [105], privilege: { siteAdmin: true } })
    expect(explainSetUser(jdoe, demoSite, request).result).toEqual(applySetUser(jdoe, demoSite, request))
  })
})

describe('explainCreateUser', () => {
  it('D-OP1 sent elements are explained by the merge, the defaults by D-OP1, sendWelcome by D-OP1', () => {
    const { trace } = explainCreateUser(site(), {
      caller: ADMIN,
      body: {
        webExId: 'ana',
        email: 'ana@example.edu',
        password: 'pw',
        firstName: 'Ana',
        lastName: 'Lee',
        sendWelcome: true,
      },
    })
    const rules = new Map(trace.flatMap((t) => (t.kind === 'changed' ? [[t.path, t.rule]] : [])))
    expect(rules.get('firstName')).toBe('R1')
    expect(rules.get('active')).toBe('D-OP1')
    expect(rules.get('password')).toBe('R1')
    expect(trace.find((t) => t.kind === 'changed' && t.path === 'password')).toMatchObject({ after: '******' })
    expect(trace.filter((t) => t.kind === 'effect').map((t) => t.rule)).toContain('D-OP1')
    expect(trace.every((t) => t.rule !== 'unexplained')).toBe(true)
  })

  it('D-OP1 a missing required element is explained by D-OP1', () => {
    const { trace } = explainCreateUser(site(), { caller: ADMIN, body: { webExId: 'ana' } })
    expect(summary(trace)).toEqual(['validation D-OP1 error'])
  })
})

describe('the rule rows', () => {
  it('every row quotes a sentence; every seed row quotes the reference page word for word', () => {
    // the page's text breaks lines around element names, so spaces are not compared
    const squeeze = (text: string): string => text.replace(/\s+/g, '')
    const seed = squeeze(readFileSync(new URL('../fixtures/seed/setuser-reference.txt', import.meta.url), 'utf8'))
    for (const row of RULE_ROWS) {
      expect(row.source.text.length, row.rule).toBeGreaterThan(20)
      if (row.source.kind !== 'seed') continue
      for (const sentence of row.source.text.split(/(?<=[.:)])\s+(?=[A-Z<])/)) {
        expect(seed, `${row.rule}: ${sentence}`).toContain(squeeze(sentence))
      }
    }
  })
})
