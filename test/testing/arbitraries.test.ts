/**
 * The public arbitraries of webex-user-rules/testing (issue 12 item 1): every operation's body
 * is valid for its codec, and every client style writes a message the adapter reads back as the
 * same message. The seed comes from FC_SEED when CI sets it.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ActivationBody, Caller, CreateUserBody, DelUserBody, GetUserBody, SetUserBody, User } from 'webex-user-rules'
import {
  activationBodyArb,
  adminBodyArb,
  callerArb,
  clientStyleArb,
  clientXmlArb,
  createUserBodyArb,
  delUserBodyArb,
  getUserBodyArb,
  PLAIN_STYLE,
  redactSecrets,
  renderClientMessage,
  selfServiceBodyArb,
  userArb,
} from 'webex-user-rules/testing'
import { parseRequestMessage, type RequestMessage, renderRequestMessage } from 'webex-user-rules/xml'

const seed = process.env['FC_SEED'] === undefined ? {} : { seed: Number(process.env['FC_SEED']) }
const runs = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, ...seed })

const securityContextArb = fc.record(
  {
    webExID: fc.constantFrom('admin', 'jdoe'),
    password: fc.stringMatching(/^[A-Za-z0-9!&<>]{1,12}$/),
    siteName: fc.constant('examplesite'),
  },
  { requiredKeys: ['webExID'] },
)

const messageArb: fc.Arbitrary<RequestMessage> = fc.oneof(
  fc.record({
    operation: fc.constant('SetUser' as const),
    securityContext: securityContextArb,
    body: fc.oneof(adminBodyArb, selfServiceBodyArb),
  }),
  fc.record({
    operation: fc.constant('CreateUser' as const),
    securityContext: securityContextArb,
    body: createUserBodyArb(),
  }),
  fc.record({
    operation: fc.constant('GetUser' as const),
    securityContext: securityContextArb,
    body: getUserBodyArb(),
  }),
  fc.record({
    operation: fc.constant('DelUser' as const),
    securityContext: securityContextArb,
    body: delUserBodyArb(),
  }),
  fc.record({
    operation: fc.constantFrom('ActivateUser' as const, 'InactivateUser' as const),
    securityContext: securityContextArb,
    body: activationBodyArb(['jdoe', 'Jane.Doe'], [962225390]),
  }),
)

describe('webex-user-rules/testing arbitraries (issue 12 item 1)', { timeout: 120_000 }, () => {
  it('every operation body is valid for its codec; users and callers too', () => {
    fc.assert(
      fc.property(createUserBodyArb(), (b) => CreateUserBody.is(b)),
      runs(200),
    )
    fc.assert(
      fc.property(getUserBodyArb(), (b) => GetUserBody.is(b)),
      runs(50),
    )
    fc.assert(
      fc.property(delUserBodyArb(), (b) => DelUserBody.is(b) && b.webExId.length >= 1 && b.webExId.length <= 3),
      runs(100),
    )
    fc.assert(
      fc.property(
        activationBodyArb(['jdoe'], [1, 2]),
        (b) => ActivationBody.is(b) && (b.webexID === undefined) !== (b.userID === undefined),
      ),
      runs(100),
    )
    fc.assert(
      fc.property(adminBodyArb, (b) => SetUserBody.is(b)),
      runs(100),
    )
    fc.assert(
      fc.property(userArb, (u) => User.is(u)),
      runs(100),
    )
    fc.assert(
      fc.property(callerArb(), (c) => Caller.is(c)),
      runs(50),
    )
  })

  it('CreateUser bodies mostly carry the five required elements, sometimes miss one (030009)', () => {
    const bodies = fc.sample(createUserBodyArb(), { numRuns: 400, seed: 5 })
    const complete = bodies.filter((b) =>
      ['webExId', 'email', 'password', 'firstName', 'lastName'].every((k) => k in b),
    )
    expect(complete.length).toBeGreaterThan(250)
    expect(complete.length).toBeLessThan(400)
  })

  it('a message in any client style reads back as the plain rendering does (prefixes, TRUE/true, order, layout, xsi:type)', () => {
    fc.assert(
      fc.property(clientXmlArb(messageArb), ({ message, xml }) => {
        // the same as the adapter's own rendering (an empty repeated list has no XML at all; a
        // whitespace-only string reads as empty, so such a body is no message in any style)
        const plain = parseRequestMessage(renderRequestMessage(message))
        fc.pre(plain._tag === 'Right')
        expect(parseRequestMessage(xml)).toEqual(plain)
      }),
      runs(Number(process.env['KIT_RUNS'] ?? 300)),
    )
  })

  it('the styles really differ from the plain rendering', () => {
    const message: RequestMessage = {
      operation: 'SetUser',
      securityContext: { webExID: 'admin' },
      body: { webExId: 'jdoe', firstName: 'Jane', active: 'ACTIVATED', privilege: { host: true, siteAdmin: false } },
    }
    const styles = fc.sample(clientStyleArb, { numRuns: 200, seed: 11 })
    const written = styles.map((style) => renderClientMessage(message, style))
    expect(written.some((x) => x.includes('<use:host>TRUE</use:host>'))).toBe(true)
    expect(written.some((x) => x.includes('<serv:header>'))).toBe(true)
    expect(written.some((x) => !x.includes('xmlns:serv='))).toBe(true)
    expect(written.some((x) => x.includes('xmlapi.service.binding.user.SetUser'))).toBe(true)
    expect(written.some((x) => x.indexOf('<firstName>') > x.indexOf('<privilege>'))).toBe(true)
    expect(written.some((x) => x.includes('\n  '))).toBe(true)
    expect(new Set(written).size).toBeGreaterThan(50)
    // the plain style is the adapter's own rendering, byte for byte but the layout
    expect(renderClientMessage(message, PLAIN_STYLE).replace(/\n/g, '')).toBe(
      renderRequestMessage(message).replace(/\n/g, ''),
    )
  })

  it('redactSecrets hides passwords, PINs, tickets, tokens and access codes, prefixed or not, and nothing else', () => {
    const xml =
      '<securityContext><webExID>admin</webExID><password>p&amp;w</password><sessionTicket>T1</sessionTicket><accessToken>A1</accessToken></securityContext>' +
      '<use:phones><use:PIN>4826</use:PIN></use:phones><personalMeetingRoom><hostPIN>1357</hostPIN></personalMeetingRoom>' +
      '<use:subscriberAccessCode>12345678</use:subscriberAccessCode><participantFullAccessCode>1</participantFullAccessCode><participantLimitedAccessCode>2</participantLimitedAccessCode>' +
      '<passwordHint>my dog</passwordHint><firstName>Jane</firstName>'
    const redacted = redactSecrets(xml)
    for (const secret of ['p&amp;w', 'T1', 'A1', '4826', '1357', '12345678', '>1<', '>2<'])
      expect(redacted).not.toContain(secret)
    expect(redacted).toContain('<password>[redacted]</password>')
    expect(redacted).toContain('<use:PIN>[redacted]</use:PIN>')
    expect(redacted).toContain('<passwordHint>my dog</passwordHint><firstName>Jane</firstName>')
  })
})
