/**
 * No secret in any log line (issue 11 item 8, D-SVH-6): a run of the service with a careless
 * handler (it logs every parsed securityContext and body, and the raw text of every message it
 * refuses) over requests full of planted secrets; then every line of the run is searched for each
 * secret. And the scrubbing functions one by one.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isSecretName } from 'webex-user-rules'
import { createLogger, REDACTED, scrubText, scrubValue } from '../../src/log.js'
import { adapterHandler, delay, memoryLogger, records, request, start } from './helpers.js'

const SECRETS = {
  contextPassword: 'Sec-Pass-1q2w',
  newPassword: 'Sec-NewPass-3e4r',
  pin: '7391',
  hostPin: '5820',
  ticket: 'AAABBBsecretTicket5t6y',
  accessToken: 'tok-secret-7u8i',
  partnerID: 'partner-secret-9o0p',
  brokenPassword: 'Sec-Broken-a1s2',
  formPassword: 'Sec-Form-d3f4',
  formXmlPassword: 'Sec-FormXml-g5h6',
  bigPassword: 'Sec-Big-j7k8',
  thrownPassword: 'Sec-Thrown-l9z0',
  jsonPassword: 'Sec-Json-x1c2',
  queryTicket: 'Sec-Query-v3b4',
  samlResponse: 'PHNhbWxwOlJlc3BvbnNlIHNlY3JldD0i',
  accessCode: '48213377',
} as const

const envelope = (context: string, type: string, body: string): string =>
  '<?xml version="1.0" encoding="UTF-8"?>' +
  '<serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  `<header><securityContext>${context}</securityContext></header>` +
  `<body><bodyContent xsi:type="java:com.webex.service.binding.user.${type}">${body}</bodyContent></body></serv:message>`

const formEncode = (text: string): string => encodeURIComponent(text).replace(/%20/g, '+')

/** Does the text contain the secret (a PIN or code only between non-digits)? */
const leaks = (text: string, secret: string): boolean =>
  /^\d+$/.test(secret) ? new RegExp(`(?<!\\d)${secret}(?!\\d)`).test(text) : text.includes(secret)

describe('a run with secrets logs none of them', () => {
  it('every line of the run is free of every planted secret, while the lines themselves are there', async () => {
    const { logger, lines } = memoryLogger('debug')
    {
      const service = await start({
        logger,
        lines,
        handle: async (bytes, ctx) => {
          const text = Buffer.from(bytes).toString('utf8')
          if (text.includes('store-fails')) throw new Error(`cannot store the message ${text}`)
          if (text.includes('json-log'))
            ctx.log.warn(`payload ${JSON.stringify({ webExID: 'admin', password: SECRETS.jsonPassword })}`)
          return adapterHandler(bytes, ctx)
        },
      })
      const { port } = service
      const context = `<webExID>admin</webExID><password>${SECRETS.contextPassword}</password><siteName>examplesite</siteName><partnerID>${SECRETS.partnerID}</partnerID>`
      const messages = [
        // SetUser with a password, a PIN and a host PIN
        envelope(
          context,
          'SetUser',
          `<webExId>jdoe</webExId><password>${SECRETS.newPassword}</password><phones><PIN>${SECRETS.pin}</PIN></phones>` +
            `<personalMeetingRoom><hostPIN>${SECRETS.hostPin}</hostPIN></personalMeetingRoom>`,
        ),
        // GetUser with a session ticket
        envelope(
          `<webExID>admin</webExID><sessionTicket>${SECRETS.ticket}</sessionTicket><siteName>examplesite</siteName>`,
          'GetUser',
          '<webExId>jdoe</webExId>',
        ),
        // AuthenticateUser with an access token and with SAML (whatever the adapter makes of them)
        envelope(
          `<webExID>admin</webExID><siteName>examplesite</siteName>`,
          'AuthenticateUser',
          `<accessToken>${SECRETS.accessToken}</accessToken>`,
        ),
        envelope(
          `<webExID>admin</webExID><siteName>examplesite</siteName>`,
          'AuthenticateUser',
          `<samlResponse>${SECRETS.samlResponse}</samlResponse>`,
        ),
        // access codes in a teleconference account
        envelope(
          context,
          'SetUser',
          `<webExId>jdoe</webExId><personalTeleconf><account><accountIndex>1</accountIndex><subscriberAccessCode>${SECRETS.accessCode}</subscriberAccessCode></account></personalTeleconf>`,
        ),
        // malformed, cut in the middle of the securityContext
        `<serv:message><header><securityContext><webExID>admin</webExID><password>${SECRETS.brokenPassword}`,
        // the handler throws with the message in its error; the handler logs JSON text
        envelope(context, 'SetUser', '<webExId>store-fails</webExId>'),
        envelope(context, 'SetUser', '<webExId>json-log</webExId>'),
      ]
      for (const body of messages) expect((await request(port, { body })).status).toBe(200)
      // the form transport: the password in PWD and in the XML field
      const formXml = envelope(
        `<webExID>admin</webExID><password>${SECRETS.formXmlPassword}</password>`,
        'GetUser',
        '<webExId>a</webExId>',
      )
      const form = `UID=admin&PWD=${SECRETS.formPassword}&SID=1&PID=${SECRETS.partnerID}&XML=${formEncode(formXml)}&`
      expect(
        (await request(port, { body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status,
      ).toBe(200)
      // a body over the limit, secrets first; a ticket in the query string; an Authorization header
      const big = envelope(
        context.replace(SECRETS.contextPassword, SECRETS.bigPassword),
        'SetUser',
        `<!--${'x'.repeat(70_000)}-->`,
      )
      expect((await request(port, { body: big })).status).toBe(413)
      expect(
        (
          await request(port, {
            path: `/WBXService/XMLService?TK=${SECRETS.queryTicket}`,
            headers: { authorization: `Bearer ${SECRETS.accessToken}` },
            body: messages[1] ?? '',
          })
        ).status,
      ).toBe(200)
      await service.stop()
    }
    await delay(50)

    const all = lines.join('')
    const leaked = Object.entries(SECRETS).filter(([, secret]) => leaks(all, secret))
    expect(leaked).toEqual([])
    // not vacuous: the careless lines were written, scrubbed, and the rest of them kept
    const parsed = records(lines)
    expect(parsed.filter((line) => line['msg'] === 'request')).toHaveLength(11)
    expect(parsed.some((line) => line['msg'] === 'parsed SetUser' && line['securityContext'] === REDACTED)).toBe(true)
    expect(parsed.some((line) => line['msg'] === 'refused a message')).toBe(true)
    expect(parsed.some((line) => line['msg'] === 'handler failed')).toBe(true)
    expect(all).toContain(REDACTED)
    expect(all).toContain('"caller":"admin"')
    expect(all).toContain('jdoe')
  })
})

describe('scrubValue', () => {
  it('redacts secret keys at any depth, whatever their case, and keeps the rest', () => {
    const input = {
      securityContext: { webExID: 'admin', password: 'p' },
      body: {
        webExId: 'jdoe',
        Password: 'q',
        passwordExpires: true,
        phones: { PIN: '1357', phone: '1,2,3' },
        personalTeleconf: { account: [{ accountIndex: 1, participantFullAccessCode: '12345678' }] },
      },
      headers: { Authorization: 'Basic x', cookie: 'c', 'user-agent': 'curl' },
    }
    expect(scrubValue(input)).toEqual({
      securityContext: REDACTED,
      body: {
        webExId: 'jdoe',
        Password: REDACTED,
        passwordExpires: true,
        phones: { PIN: REDACTED, phone: '1,2,3' },
        personalTeleconf: { account: [{ accountIndex: 1, participantFullAccessCode: REDACTED }] },
      },
      headers: { Authorization: REDACTED, cookie: REDACTED, 'user-agent': 'curl' },
    })
  })

  it('never modifies its input', () => {
    const input = { a: { password: 'p', list: [{ PIN: '1' }] } }
    const copy = structuredClone(input)
    const out = scrubValue(input)
    expect(input).toEqual(copy)
    expect(out).not.toBe(input)
  })

  it('turns errors into plain scrubbed data, cuts cycles and deep nesting, summarises bytes', () => {
    const error = new Error('failed on <password>hunter2</password>', { cause: { sessionTicket: 't' } })
    const out = scrubValue(error) as Record<string, unknown>
    expect(out['type']).toBe('Error')
    expect(out['message']).toBe(`failed on <password>${REDACTED}</password>`)
    expect(String(out['stack'])).not.toContain('hunter2')
    expect(out['cause']).toEqual({ sessionTicket: REDACTED })
    const cyclic: Record<string, unknown> = { name: 'a' }
    cyclic['self'] = cyclic
    expect(scrubValue(cyclic)).toEqual({ name: 'a', self: '[Circular]' })
    let deep: Record<string, unknown> = { password: 'x' }
    for (let i = 0; i < 20; i++) deep = { next: deep }
    expect(JSON.stringify(scrubValue(deep))).not.toContain('"x"')
    expect(scrubValue(Buffer.from('<password>p</password>'))).toBe('[22 bytes]')
  })

  it('keeps a shared (not cyclic) object wherever it occurs', () => {
    const shared = { webExId: 'jdoe' }
    expect(scrubValue({ a: shared, b: shared })).toEqual({ a: shared, b: shared })
  })
})

describe('scrubText', () => {
  it('XML: the content of secret elements, prefixed or not, and the whole securityContext', () => {
    expect(scrubText('<use:PIN>1234</use:PIN><x>1</x>')).toBe(`<use:PIN>${REDACTED}</use:PIN><x>1</x>`)
    expect(scrubText('<hostPIN >99</hostPIN><passwordExpires>true</passwordExpires>')).toBe(
      `<hostPIN >${REDACTED}</hostPIN><passwordExpires>true</passwordExpires>`,
    )
    expect(scrubText('<serv:securityContext><siteID>1</siteID></serv:securityContext><body/>')).toBe(
      `<serv:securityContext>${REDACTED}</serv:securityContext><body/>`,
    )
    expect(scrubText('<securityContext><webExID>a</webExID><password>cut-he')).toBe(`<securityContext>${REDACTED}`)
    expect(scrubText('<use:sessionTicket>AAA</use:sessionTicket>')).toBe(
      `<use:sessionTicket>${REDACTED}</use:sessionTicket>`,
    )
  })

  it('JSON text and form or query fields', () => {
    expect(scrubText('{"webExID":"a","password":"p\\"q","PIN":"1"}')).toBe(
      `{"webExID":"a","password":"${REDACTED}","PIN":"${REDACTED}"}`,
    )
    expect(scrubText('UID=a&PWD=secret&SID=1')).toBe(`UID=a&PWD=${REDACTED}&SID=1`)
    expect(scrubText('https://x.webex.com/p.php?AT=LI&TK=abc&MU=GoBack')).toBe(
      `https://x.webex.com/p.php?AT=LI&TK=${REDACTED}&MU=GoBack`,
    )
  })

  it('leaves text without secrets as it is', () => {
    for (const text of ['plain', '<webExId>jdoe</webExId>', 'a=b&c=d', '{"passwordExpires":"x"}'])
      expect(scrubText(text)).toBe(text)
  })
})

// every property name of the package's JSON Schemas (the user tree, every body, the site), and the
// securityContext's credentials, which no schema lists
const schemaNames = (): string[] => {
  const folder = dirname(createRequire(import.meta.url).resolve('webex-user-rules/schema/User.json'))
  const names = new Set(['webExID', 'password', 'sessionTicket', 'webExAccessToken', 'accessToken', 'partnerID'])
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk)
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (key === 'properties' && typeof value === 'object' && value !== null)
          Object.keys(value).forEach((name) => names.add(name))
        walk(value)
      }
    }
  }
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json')))
    walk(JSON.parse(readFileSync(join(folder, file), 'utf8')))
  return [...names]
}

describe('the log and the engine agree on what is secret', () => {
  it('hides the value of every element the engine calls secret, as a key, in XML, in JSON and in a form', () => {
    const names = schemaNames()
    // the engine's test is a name pattern; these names match it and hold no secret (a date, a count,
    // a flag), so the log keeps them readable
    const NOT_SECRET = ['passwordExpires', 'passwordDaysLeft', 'forceChangePassword', 'resetPassword', 'passwords']
    const secret = names.filter((name) => isSecretName(name) && !NOT_SECRET.includes(name))
    expect(secret).toEqual(expect.arrayContaining(['password', 'PIN', 'hostPIN', 'webExAccessToken', 'accessCode']))
    const shown = secret.flatMap((name) => {
      const value = `Sec-${name}-q7`
      const texts = [
        JSON.stringify(scrubValue({ [name]: value })),
        scrubText(`<use:${name}>${value}</use:${name}>`),
        scrubText(`{"${name}": "${value}"}`),
        scrubText(`a=1&${name}=${value}`),
      ]
      return texts.filter((text) => text.includes(value)).map((text) => `${name}: ${text}`)
    })
    expect(shown).toEqual([])
  })

  it('keeps the value of an element that is not secret', () => {
    // partnerID and samlResponse are credentials the engine does not name as such: the log hides them too
    const plain = schemaNames().filter((name) => !isSecretName(name) && !['partnerID', 'samlResponse'].includes(name))
    expect(plain).toEqual(expect.arrayContaining(['firstName', 'email', 'timeZoneID']))
    const hidden = plain.filter((name) => !scrubText(`<use:${name}>kept-value</use:${name}>`).includes('kept-value'))
    expect(hidden).toEqual([])
  })
})

describe('createLogger', () => {
  it('scrubs messages, interpolated values and child bindings; an error alone goes under err', () => {
    const lines: string[] = []
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } })
    logger.info('got <password>one</password>')
    logger.info('value %s and %j', 'PWD=two', { PIN: '3333' })
    logger.child({ session: { sessionTicket: 'four' } }).info('child')
    logger.error(new Error('bad <PIN>5555</PIN>'))
    logger.debug({ password: 'six' }, 'below the level')
    const all = lines.join('')
    for (const secret of ['one', 'two', '3333', 'four', '5555', 'six']) expect(all).not.toContain(secret)
    const parsed = records(lines)
    expect(parsed).toHaveLength(4)
    expect(parsed[3]).toMatchObject({ level: 50, msg: `bad <PIN>${REDACTED}</PIN>`, err: { type: 'Error' } })
    expect(parsed[2]).toMatchObject({ session: { sessionTicket: REDACTED }, msg: 'child' })
  })

  it('takes its level from the options, else from LOG_LEVEL, else info', () => {
    expect(createLogger({ level: 'warn', destination: { write: () => undefined } }).level).toBe('warn')
    const saved = process.env['LOG_LEVEL']
    try {
      process.env['LOG_LEVEL'] = 'debug'
      expect(createLogger({ destination: { write: () => undefined } }).level).toBe('debug')
      process.env['LOG_LEVEL'] = 'nonsense'
      expect(createLogger({ destination: { write: () => undefined } }).level).toBe('info')
    } finally {
      if (saved === undefined) delete process.env['LOG_LEVEL']
      else process.env['LOG_LEVEL'] = saved
    }
  })
})
