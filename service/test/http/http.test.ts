/**
 * The HTTP layer's routes, transports, request ids, health check and per-request log line
 * (issue 11 item 8; decisions D-SVH-1, D-SVH-4, D-SVH-5). Real sockets on 127.0.0.1.
 */
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { afterEach, describe, expect, it } from 'vitest'
import { EngineDefect } from 'webex-user-rules'
import { parseResponseStatus, renderFailureResponse } from 'webex-user-rules/xml'
import { decodeFormComponent, extractXml, formXmlField, XML_CONTENT_TYPE } from '../../src/http/index.js'
import { adapterHandler, delay, records, request, start, type Running } from './helpers.js'

const fixture = (name: string): string => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')

/** PHP's urlencode: every byte but [A-Za-z0-9_.-] as %XX, and space as '+'. */
const phpUrlencode = (text: string): string =>
  [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte)
      if (/[A-Za-z0-9_.-]/.test(char)) return char
      if (byte === 0x20) return '+'
      return `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
    })
    .join('')

const status = (xml: string): { result: string; exceptionID?: string } => {
  const parsed = parseResponseStatus(xml)
  if (E.isLeft(parsed)) throw new Error(`not a response: ${xml}`)
  return parsed.right.exceptionID === undefined
    ? { result: parsed.right.result }
    : { result: parsed.right.result, exceptionID: parsed.right.exceptionID }
}

let running: Running | undefined
afterEach(async () => {
  await running?.stop()
  running = undefined
})

describe('routes (D-SVH-1)', () => {
  it('POST /WBXService/XMLService answers HTTP 200 with the handler’s XML as text/xml;charset=UTF-8', async () => {
    running = await start()
    const response = await request(running.port, { body: fixture('setuser-wxdash-5.xml') })
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe(XML_CONTENT_TYPE)
    expect(status(response.body)).toEqual({ result: 'SUCCESS' })
  })

  it('a FAILURE is HTTP 200 too, as Webex answers it (corpus response-failure-erolms-030047)', async () => {
    running = await start()
    const response = await request(running.port, { body: fixture('getuser-ciscodevnet-1.xml') })
    expect(response.status).toBe(200)
    expect(status(response.body)).toEqual({ result: 'FAILURE', exceptionID: '030001' })
  })

  it('other paths are 404; other methods on the XML path are 405 with Allow: POST', async () => {
    running = await start()
    expect((await request(running.port, { path: '/', method: 'GET' })).status).toBe(404)
    expect((await request(running.port, { path: '/WBXService/XMLService/x', body: '<a/>' })).status).toBe(404)
    expect((await request(running.port, { path: '/wbxservice/xmlservice', body: '<a/>' })).status).toBe(404)
    const get = await request(running.port, { method: 'GET' })
    expect(get.status).toBe(405)
    expect(get.headers['allow']).toBe('POST')
    expect((await request(running.port, { method: 'PUT', body: fixture('setuser-wxdash-5.xml') })).status).toBe(405)
  })

  it('a query string on the XML path is ignored', async () => {
    running = await start()
    const response = await request(running.port, {
      path: '/WBXService/XMLService?x=1',
      body: fixture('setuser-wxdash-5.xml'),
    })
    expect(status(response.body)).toEqual({ result: 'SUCCESS' })
  })

  it('an empty or non-XML body gets the FAILURE the message parser gives, not an HTTP error', async () => {
    running = await start()
    for (const body of ['', 'hello', 'a=b&c=d']) {
      const response = await request(running.port, { body })
      expect(response.status).toBe(200)
      expect(status(response.body).result).toBe('FAILURE')
    }
  })

  it('a handler that fails is answered 000035 "ASService not responding" (corpus response-failure-atlas-000035), and logged', async () => {
    running = await start({ handle: () => Promise.reject(new Error('database gone')) })
    const response = await request(running.port, { body: fixture('setuser-wxdash-5.xml') })
    expect(response.status).toBe(200)
    expect(response.body).toBe(renderFailureResponse({ exceptionID: '000035', reason: 'ASService not responding' }))
    const failed = records(running.lines).find((line) => line['msg'] === 'handler failed')
    expect(failed?.['err']).toMatchObject({ type: 'Error', message: 'database gone' })
  })
})

describe('the form transport (D-SVH-4, corpus getloginticket-phpebexfork-1)', () => {
  it('decodes form components to bytes: + is a space, %XX a byte, a bad % stays', () => {
    const decode = (text: string): string =>
      Buffer.from(decodeFormComponent(Buffer.from(text, 'latin1'))).toString('latin1')
    expect(decode('a+b%3Cc%3e')).toBe('a b<c>')
    expect(decode('100%')).toBe('100%')
    expect(decode('%zz%4')).toBe('%zz%4')
    expect(decode('%E9')).toBe('\u00e9')
  })

  it('finds the XML field wherever it is, and only a field named exactly XML', () => {
    const field = (body: string): string | undefined => {
      const found = formXmlField(Buffer.from(body, 'latin1'))
      return found === undefined ? undefined : Buffer.from(found).toString('latin1')
    }
    expect(field('UID=a&PWD=b&XML=%3Cm%2F%3E&')).toBe('<m/>')
    expect(field('XML=%3Cm%2F%3E')).toBe('<m/>')
    expect(field('xml=%3Cm%2F%3E')).toBeUndefined()
    expect(field('XMLX=1&AXML=2')).toBeUndefined()
    expect(field('X%4DL=%3Cm%2F%3E')).toBe('<m/>')
    expect(field('XML=')).toBe('')
  })

  it('tells the transport by the bytes, not the Content-Type', () => {
    const xml = Buffer.from('\ufeff  <serv:message/>')
    expect(extractXml(xml)).toEqual({ transport: 'xml', xml })
    expect(extractXml(Buffer.from([0xff, 0xfe, 0x3c, 0x00])).transport).toBe('xml')
    const form = extractXml(Buffer.from('UID=u&XML=%3Cm%2F%3E'))
    expect(form.transport).toBe('form')
    expect(Buffer.from(form.xml).toString()).toBe('<m/>')
    const neither = Buffer.from('hello')
    expect(extractXml(neither)).toEqual({ transport: 'xml', xml: neither })
  })

  it('answers a message posted as UID/PWD/SID/PID/XML form fields exactly as the same message posted raw', async () => {
    const xml = fixture('setuser-moodle-1.xml')
    const seen: string[] = []
    running = await start({
      handle: (bytes, ctx) => {
        seen.push(Buffer.from(bytes).toString('utf8'))
        return adapterHandler(bytes, ctx)
      },
    })
    // phpebex's send(): each field urlencoded, joined with '&', a trailing '&'
    const form = `UID=moodleapi&PWD=${phpUrlencode('DummyPass-3')}&SID=123456&PID=abc123&XML=${phpUrlencode(xml)}&`
    const viaForm = await request(running.port, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    })
    const raw = await request(running.port, { headers: { 'content-type': 'text/xml' }, body: xml })
    expect(seen).toEqual([xml, xml])
    expect(viaForm.body).toBe(raw.body)
    expect(status(viaForm.body)).toEqual({ result: 'SUCCESS' })
  })

  it('raw XML labelled application/x-www-form-urlencoded (curl -d) is read as XML', async () => {
    running = await start()
    const response = await request(running.port, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: fixture('setuser-wxdash-5.xml'),
    })
    expect(status(response.body)).toEqual({ result: 'SUCCESS' })
  })

  it('the GetLoginTicket of the PHP client reaches the handler decoded', async () => {
    const xml = fixture('getloginticket-phpebexfork-1.xml')
    let operation: string | undefined
    running = await start({
      handle: (bytes, ctx) => {
        operation = /binding\.user\.(\w+)/.exec(Buffer.from(bytes).toString())?.[1]
        return adapterHandler(bytes, ctx)
      },
    })
    await request(running.port, { body: `UID=apiadmin2&PWD=x&SID=123456&PID=abc123&XML=${phpUrlencode(xml)}&` })
    expect(operation).toBe('GetLoginTicket')
  })
})

describe('request ids (D-SVH-5)', () => {
  it('keeps a sane x-request-id and echoes it; replaces one that could forge a log field', async () => {
    running = await start()
    const kept = await request(running.port, { headers: { 'x-request-id': 'lb-7f3a:01/2+=' }, body: '<a/>' })
    expect(kept.headers['x-request-id']).toBe('lb-7f3a:01/2+=')
    for (const bad of ['a b', 'x'.repeat(129), 'a"b', 'a,b', '']) {
      const replaced = await request(running.port, { headers: { 'x-request-id': bad }, body: '<a/>' })
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    }
  })

  it('generates a different id for every request, on every route', async () => {
    running = await start()
    const ids = new Set<string>()
    for (const path of ['/WBXService/XMLService', '/healthz', '/nowhere', '/WBXService/XMLService']) {
      const response = await request(running.port, { path, method: path === '/healthz' ? 'GET' : 'POST', body: '<a/>' })
      ids.add(response.headers['x-request-id'] ?? '')
    }
    expect(ids.size).toBe(4)
  })
})

describe('GET /healthz (D-SVH-1)', () => {
  it('200 {"status":"ok"} when the database answers', async () => {
    running = await start()
    const response = await request(running.port, { method: 'GET', path: '/healthz' })
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/json')
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' })
  })

  it('503 when the database says no, fails, or does not answer in time', async () => {
    for (const health of [
      () => Promise.resolve(false),
      () => Promise.reject(new Error('connection refused')),
      () => new Promise<boolean>(() => undefined),
    ]) {
      running = await start({ health, limits: { healthTimeoutMs: 200 } })
      const response = await request(running.port, { method: 'GET', path: '/healthz' })
      expect(response.status).toBe(503)
      expect(JSON.parse(response.body)).toEqual({ status: 'unavailable' })
      await running.stop()
      running = undefined
    }
  })

  it('asks the database on every check (a check is never cached)', async () => {
    let up = true
    running = await start({ health: () => Promise.resolve(up) })
    expect((await request(running.port, { method: 'GET', path: '/healthz' })).status).toBe(200)
    up = false
    expect((await request(running.port, { method: 'GET', path: '/healthz' })).status).toBe(503)
    up = true
    expect((await request(running.port, { method: 'HEAD', path: '/healthz' })).status).toBe(200)
    expect((await request(running.port, { method: 'POST', path: '/healthz', body: 'x' })).status).toBe(405)
  })
})

describe('the request log line (D-SVH-5)', () => {
  it('one JSON line per request: request id, method, path, operation, caller, outcome, exceptionID, status, duration', async () => {
    running = await start()
    const success = await request(running.port, {
      headers: { 'x-request-id': 'req-1' },
      body: fixture('setuser-wxdash-5.xml'),
    })
    const failure = await request(running.port, {
      headers: { 'x-request-id': 'req-2' },
      body: fixture('getuser-ciscodevnet-1.xml'),
    })
    expect([success.status, failure.status]).toEqual([200, 200])
    await delay(20)
    const lines = records(running.lines).filter((line) => line['msg'] === 'request')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject({
      requestId: 'req-1',
      method: 'POST',
      path: '/WBXService/XMLService',
      transport: 'xml',
      operation: 'SetUser',
      caller: 'admin',
      outcome: 'SUCCESS',
      status: 200,
      level: 30,
    })
    expect(lines[0]).not.toHaveProperty('exceptionID')
    expect(lines[1]).toMatchObject({
      requestId: 'req-2',
      operation: 'GetUser',
      outcome: 'FAILURE',
      exceptionID: '030001',
    })
    for (const line of lines) {
      expect(typeof line['durationMs']).toBe('number')
      expect(line['durationMs']).toBeGreaterThanOrEqual(0)
      expect(typeof line['time']).toBe('number')
    }
  })

  it('without the handler naming it, the operation comes from the bodyContent xsi:type', async () => {
    running = await start({
      handle: () => Promise.resolve(renderFailureResponse({ exceptionID: '030002', reason: 'x' })),
    })
    await request(running.port, { body: fixture('getloginticket-phpebexfork-1.xml') })
    await request(running.port, {
      body: '<serv:message><body><bodyContent xsi:type="use:LstsummaryUser"/></body></serv:message>',
    })
    await request(running.port, { body: '<m/>' })
    await delay(20)
    const lines = records(running.lines).filter((line) => line['msg'] === 'request')
    expect(lines.map((line) => line['operation'])).toEqual(['GetLoginTicket', 'LstsummaryUser', undefined])
    expect(lines.map((line) => line['exceptionID'])).toEqual(['030002', '030002', '030002'])
  })

  it('the handler’s own lines carry the request id of their request', async () => {
    running = await start()
    await request(running.port, { headers: { 'x-request-id': 'abc' }, body: fixture('setuser-wxdash-5.xml') })
    await delay(20)
    const parsed = records(running.lines).find((line) => line['msg'] === 'parsed SetUser')
    expect(parsed?.['requestId']).toBe('abc')
  })

  it('health checks that pass are logged at debug level, the rest at info', async () => {
    running = await start({ health: () => Promise.resolve(false) })
    await request(running.port, { method: 'GET', path: '/healthz' })
    await request(running.port, { method: 'GET', path: '/nowhere' })
    await delay(20)
    const lines = records(running.lines).filter((line) => line['msg'] === 'request')
    expect(lines.map((line) => [line['path'], line['status'], line['level']])).toEqual([
      ['/healthz', 503, 30],
      ['/nowhere', 404, 30],
    ])
  })
})

describe('a handler that fails (D-SV-12)', () => {
  it('an engine defect is a server fault: 500, the 000035 message, and the cause with its stack in the log', async () => {
    running = await start({
      handle: () => Promise.reject(new EngineDefect(new TypeError('rule R6 read undefined'))),
    })
    const answer = await request(running.port, { body: '<serv:message/>' })
    expect(answer.status).toBe(500)
    const status = parseResponseStatus(answer.body)
    expect(E.isRight(status) && status.right).toMatchObject({ result: 'FAILURE', exceptionID: '000035' })
    const line = records(running.lines).find((record) => record['msg'] === 'engine defect')
    expect(line).toMatchObject({
      level: 50,
      err: { type: 'EngineDefect', cause: { type: 'TypeError', message: 'rule R6 read undefined' } },
    })
    expect(JSON.stringify(line)).toContain('at ')
  })

  it('any other failure is Webex\'s "try later": 200 and 000035, logged with its cause', async () => {
    running = await start({ handle: () => Promise.reject(new Error('connection reset')) })
    const answer = await request(running.port, { body: '<serv:message/>' })
    expect(answer.status).toBe(200)
    const status = parseResponseStatus(answer.body)
    expect(E.isRight(status) && status.right).toMatchObject({ result: 'FAILURE', exceptionID: '000035' })
    expect(records(running.lines).find((record) => record['msg'] === 'handler failed')).toMatchObject({
      err: { type: 'Error', message: 'connection reset' },
    })
  })
})
