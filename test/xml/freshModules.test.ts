/**
 * D-MU-5: the adapter's module-level values — the namespaces and the envelope's codecs, the request
 * types, the fixed parts of every answer, and the exported functions themselves (`export const f =
 * (…) => …` is a constant too) — read from a copy of each module evaluated inside the test.
 *
 * The unit project shares one module graph between files (`isolate: false`), so every other test
 * sees the copy loaded before any test ran; under Stryker a mutant of such a value is then never
 * switched on, and "survives" without having been tested. Here each module is imported afresh (a
 * query makes it a new module instance; its own imports stay shared), within the test, so such a
 * mutant is switched on and these expectations — the wire values themselves, written out — catch it.
 */
import { randomUUID } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { noPrivilege, userNotFound, type SetUserResult } from 'webex-user-rules'
import type { Issue } from '../../src/model/codec.js'
import { readDocument, type XmlElement } from '../../src/xml/document.js'
import { decodeElement } from '../../src/xml/read.js'
// a static import of every module below, so that vitest counts this file as related to each of them
// (Stryker runs only related test files; the dynamic imports below are invisible to that analysis)
import * as listAndLogin from '../../src/xml/listAndLogin.js'
import * as operations from '../../src/xml/operations.js'
import * as render from '../../src/xml/render.js'
import * as requests from '../../src/xml/requests.js'
import * as responses from '../../src/xml/responses.js'
import * as toXml from '../../src/xml/toXml.js'

type Envelope = typeof import('../../src/xml/envelope.js')
type Operations = typeof import('../../src/xml/operations.js')
type ToXml = typeof import('../../src/xml/toXml.js')
type Render = typeof import('../../src/xml/render.js')
type ListAndLogin = typeof import('../../src/xml/listAndLogin.js')

/**
 * A new instance of `src/xml/<name>.ts`, evaluated now. The query is new on every call, also across
 * Stryker's runs in one worker, so no instance evaluated under another mutant is ever reused.
 */
const fresh = async <M>(name: string): Promise<M> => {
  const url = `${new URL(`../../src/xml/${name}.ts`, import.meta.url).pathname}?fresh=${randomUUID()}`
  return (await import(/* @vite-ignore */ url)) as M
}

describe('D-MU-5 fresh', () => {
  it('evaluates a new instance of the module, not the one every other test shares', async () => {
    const loaded = { listAndLogin, operations, render, requests, responses, toXml }
    for (const [name, shared] of Object.entries(loaded)) {
      const instance = await fresh<Record<string, unknown>>(name)
      expect(Object.keys(instance).sort()).toEqual(Object.keys(shared).sort())
      const [first] = Object.keys(shared).filter((key) => typeof instance[key] === 'function')
      expect(first).toBeDefined()
      expect(instance[first ?? '']).not.toBe((shared as Record<string, unknown>)[first ?? ''])
    }
  })
})

const SERV = 'http://www.webex.com/schemas/2002/06/service'
const COM = 'http://www.webex.com/schemas/2002/06/common'
const USE = 'http://www.webex.com/schemas/2002/06/service/user'
const XSI = 'http://www.w3.org/2001/XMLSchema-instance'

const HEAD = `<?xml version="1.0" encoding="UTF-8"?><serv:message xmlns:serv="${SERV}" xmlns:com="${COM}" xmlns:use="${USE}">`
const successOf = (type: string, content: string): string =>
  `${HEAD}<serv:header><serv:response><serv:result>SUCCESS</serv:result><serv:gsbStatus>PRIMARY</serv:gsbStatus></serv:response></serv:header>` +
  `<serv:body><serv:bodyContent xsi:type="use:${type}" xmlns:xsi="${XSI}"` +
  (content === '' ? '/>' : `>${content}</serv:bodyContent>`) +
  '</serv:body></serv:message>'
const DENIED =
  `${HEAD}<serv:header><serv:response><serv:result>FAILURE</serv:result>` +
  '<serv:reason>Access denied, additional privileges are required</serv:reason><serv:gsbStatus>PRIMARY</serv:gsbStatus>' +
  '<serv:exceptionID>000001</serv:exceptionID></serv:response></serv:header><serv:body><serv:bodyContent/></serv:body></serv:message>'

const element = (xml: string): XmlElement => {
  const document = readDocument(xml)
  if (E.isLeft(document)) throw new Error(JSON.stringify(document.left))
  return document.right
}

const success: SetUserResult = { user: { webExId: 'jdoe' }, effects: [], notices: [] }

describe('D-MU-5 envelope.ts evaluated afresh', () => {
  it('the four namespaces', async () => {
    const envelope = await fresh<Envelope>('envelope')
    expect([envelope.SERV_NS, envelope.COM_NS, envelope.USE_NS, envelope.XSI_NS]).toEqual([SERV, COM, USE, XSI])
  })

  it('the request header: a required securityContext with the ten credentials', async () => {
    const { RequestHeader } = await fresh<Envelope>('envelope')
    const issues: Issue[] = []
    const credentials =
      '<webExID>admin</webExID><password>pw</password><siteID>243585</siteID><siteName>examplesite</siteName>' +
      '<partnerID>pid</partnerID><email>a@example.com</email><sessionTicket>T</sessionTicket>' +
      '<returnAdditionalInfo>TRUE</returnAdditionalInfo><accessToken>A</accessToken><webExAccessToken>W</webExAccessToken>'
    expect(
      decodeElement(
        RequestHeader,
        element(`<header><securityContext>${credentials}</securityContext></header>`),
        [],
        issues,
      ),
    ).toEqual({
      securityContext: {
        webExID: 'admin',
        password: 'pw',
        siteID: 243585,
        siteName: 'examplesite',
        partnerID: 'pid',
        email: 'a@example.com',
        sessionTicket: 'T',
        returnAdditionalInfo: true,
        accessToken: 'A',
        webExAccessToken: 'W',
      },
    })
    expect(issues).toEqual([])
    decodeElement(RequestHeader, element('<header><securityContext><x/></securityContext><y/></header>'), [], issues)
    expect(issues).toMatchObject([
      { code: 'unknownElement', path: ['securityContext', 'x'], expected: 'no element "x" in securityContext' },
      { code: 'unknownElement', path: ['y'], expected: 'no element "y" in header' },
    ])
    const missing: Issue[] = []
    decodeElement(RequestHeader, element('<header/>'), [], missing)
    expect(missing).toMatchObject([{ code: 'missingElement', path: ['securityContext'] }])
  })

  it('the response header: result SUCCESS|FAILURE required, gsbStatus PRIMARY|BACKUP, subErrors of subError', async () => {
    const { ResponseHeader } = await fresh<Envelope>('envelope')
    const issues: Issue[] = []
    const read = (response: string): unknown =>
      decodeElement(ResponseHeader, element(`<header><response>${response}</response></header>`), [], issues)
    expect(
      read(
        '<result>FAILURE</result><reason>r</reason><gsbStatus>BACKUP</gsbStatus><exceptionID>999999</exceptionID>' +
          '<subErrors><subError><exceptionID>1</exceptionID><reason>s</reason><value>v</value></subError></subErrors><value>x</value>',
      ),
    ).toEqual({
      response: {
        result: 'FAILURE',
        reason: 'r',
        gsbStatus: 'BACKUP',
        exceptionID: '999999',
        subErrors: [{ exceptionID: '1', reason: 's', value: 'v' }],
        value: 'x',
      },
    })
    expect(read('<result>SUCCESS</result><gsbStatus>PRIMARY</gsbStatus>')).toEqual({
      response: { result: 'SUCCESS', gsbStatus: 'PRIMARY' },
    })
    expect(issues).toEqual([])
    read('<gsbStatus>PRIMARY</gsbStatus><subErrors><subError><x/></subError></subErrors><y/>')
    expect(issues).toMatchObject([
      { code: 'unknownElement', path: ['response', 'subErrors', 0, 'x'], expected: 'no element "x" in subError' },
      { code: 'unknownElement', path: ['response', 'y'], expected: 'no element "y" in response' },
      { code: 'missingElement', path: ['response', 'result'] },
    ])
    const missing: Issue[] = []
    decodeElement(ResponseHeader, element('<header/>'), [], missing)
    expect(missing).toMatchObject([{ code: 'missingElement', path: ['response'] }])
    const noResult: Issue[] = []
    decodeElement(ResponseHeader, element('<header><response/></header>'), [], noResult)
    expect(noResult).toMatchObject([{ code: 'missingElement', path: ['response', 'result'] }])
    const bare: Issue[] = []
    decodeElement(ResponseHeader, element('<header><zz/></header>'), [], bare)
    expect(bare).toMatchObject([
      { code: 'unknownElement', expected: 'no element "zz" in header' },
      { code: 'missingElement', path: ['response'] },
    ])
  })
})

describe('D-MU-5 operations.ts and toXml.ts evaluated afresh', () => {
  it('the request types and the operation names', async () => {
    const operations = await fresh<Operations>('operations')
    expect(operations.requestTypes('GetUser')).toEqual([
      'java:com.webex.service.binding.user.GetUser',
      'java:com.webex.xmlapi.service.binding.user.GetUser',
    ])
    // both spellings: the documented one, and the one with `xmlapi.` some clients send
    expect(operations.REQUEST_TYPE.exec('java:com.webex.service.binding.user.GetUser')?.[1]).toBe('GetUser')
    expect(operations.REQUEST_TYPE.exec('java:com.webex.xmlapi.service.binding.user.SetUser')?.[1]).toBe('SetUser')
    for (const type of [
      'xjava:com.webex.service.binding.user.SetUser',
      'java:com.webex.service.binding.user.SetUser1',
      'java:com.webex.service.binding.user.',
    ])
      expect(operations.REQUEST_TYPE.exec(type)).toBeNull()
    expect(Object.keys(operations.OPERATIONS).filter(operations.isOperation)).toHaveLength(11)
    expect(operations.isOperation('toString')).toBe(false)
  })

  it('the escapes and the leaves', async () => {
    const toXml = await fresh<ToXml>('toXml')
    expect(toXml.escapeText('a&<>\r\u0001\u0002')).toBe('a&amp;&lt;&gt;&#13;\uFFFD\uFFFD')
    expect(toXml.escapeAttribute('"&"')).toBe('&quot;&amp;&quot;')
    const { StructType } = await import('../../src/model/codec.js')
    const { SetUserBody } = await import('../../src/model/user.js')
    expect(SetUserBody).toBeInstanceOf(StructType)
    expect(toXml.renderChildren(SetUserBody, { webExId: 'a<b', firstName: 7, syncWebOffice: false }, () => '')).toBe(
      '<firstName>7</firstName><webExId>a&lt;b</webExId><syncWebOffice>false</syncWebOffice>',
    )
  })
})

describe('D-MU-5 render.ts evaluated afresh', () => {
  it('SUCCESS and FAILURE answers', async () => {
    const render = await fresh<Render>('render')
    expect(render.renderSetUserResponse(E.right(success))).toBe(successOf('setUserResponse', ''))
    expect(render.renderSetUserResponse(E.left(noPrivilege([])))).toBe(DENIED)
    expect(render.renderFailureResponse({ exceptionID: '110055', reason: 'a<b', value: 'x&y' })).toBe(
      `${HEAD}<serv:header><serv:response><serv:result>FAILURE</serv:result><serv:reason>a&lt;b</serv:reason>` +
        '<serv:gsbStatus>PRIMARY</serv:gsbStatus><serv:exceptionID>110055</serv:exceptionID><serv:value>x&amp;y</serv:value>' +
        '</serv:response></serv:header><serv:body><serv:bodyContent/></serv:body></serv:message>',
    )
    expect(render.successResponse('x', '<a/>')).toBe(successOf('x', '<a/>'))
  })

  it('the answers of each operation', async () => {
    const render = await fresh<Render>('render')
    expect(render.renderGetUserResponse({ webExId: 'jdoe', address: { city: 'Oslo' } })).toBe(
      successOf(
        'getUserResponse',
        '<use:webExId>jdoe</use:webExId><use:address><com:city>Oslo</com:city></use:address><use:active>ACTIVATED</use:active>',
      ),
    )
    expect(render.renderCreateUserResponse(E.right(success), 42)).toBe(
      successOf('createUserResponse', '<use:userId>42</use:userId>'),
    )
    expect(render.renderCreateUserResponse(E.right(success))).toBe(successOf('createUserResponse', ''))
    expect(render.renderCreateUserResponse(E.left(noPrivilege([])))).toBe(DENIED)
    expect(
      render.renderDelUserResponse(
        E.right({
          activeHostCount: 0,
          results: [
            { webExId: 'a&b', status: 'FAILURE', error: userNotFound('a&b') },
            { webExId: 'c', status: 'FAILURE', error: userNotFound('c') },
          ],
        }),
      ),
    ).toBe(
      successOf(
        'delUserResponse',
        '<use:user><use:webExId>a&amp;b</use:webExId><use:status>FAILURE</use:status></use:user>' +
          '<use:user><use:webExId>c</use:webExId><use:status>FAILURE</use:status></use:user>',
      ),
    )
    expect(render.renderDelUserResponse(E.left(noPrivilege([])))).toBe(DENIED)
    expect(render.renderActivationResponse('ActivateUser', E.right(success))).toBe(
      successOf('activateUserResponse', ''),
    )
    expect(render.renderActivationResponse('InactivateUser', E.right(success))).toBe(
      successOf('inactivateUserResponse', ''),
    )
    expect(render.renderActivationResponse('ActivateUser', E.left(noPrivilege([])))).toBe(DENIED)
  })

  it('request messages', async () => {
    const render = await fresh<Render>('render')
    const message = (type: string, body: string): string =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<serv:message xmlns:serv="${SERV}" xmlns:xsi="${XSI}">` +
      '<header><securityContext><webExID>admin</webExID></securityContext></header>' +
      `<body><bodyContent xsi:type="java:com.webex.service.binding.user.${type}">${body}</bodyContent></body></serv:message>\n`
    const securityContext = { webExID: 'admin' }
    expect(render.renderSetUserMessage({ securityContext, body: { webExId: 'jdoe', address: { city: 'Oslo' } } })).toBe(
      message('SetUser', '<webExId>jdoe</webExId><address><city>Oslo</city></address>'),
    )
    expect(render.renderGetUserMessage({ securityContext, body: { webExId: 'jdoe' } })).toBe(
      message('GetUser', '<webExId>jdoe</webExId>'),
    )
    expect(render.renderRequestMessage({ operation: 'DelUser', securityContext, body: { webExId: ['a', 'b'] } })).toBe(
      message('DelUser', '<webExId>a</webExId><webExId>b</webExId>'),
    )
  })
})

describe('D-MU-5 listAndLogin.ts evaluated afresh', () => {
  it('the answers, SUCCESS and FAILURE', async () => {
    const answers = await fresh<ListAndLogin>('listAndLogin')
    expect(answers.renderAuthenticateUserResponse(E.right({ sessionTicket: 'T', createTime: 1, timeToLive: 2 }))).toBe(
      successOf(
        'authenticateUserResponse',
        '<use:sessionTicket>T</use:sessionTicket><use:createTime>1</use:createTime><use:timeToLive>2</use:timeToLive>',
      ),
    )
    expect(answers.renderAuthenticateUserResponse(E.left(noPrivilege([])))).toBe(DENIED)
    expect(answers.renderGetLoginTicketResponse(E.right({ ticket: 't', apiVersion: 'v' }))).toBe(
      successOf('getLoginTicketResponse', '<use:ticket>t</use:ticket><use:apiVersion>v</use:apiVersion>'),
    )
    expect(answers.renderGetloginurlUserResponse(E.right({ userLoginURL: 'u&v' }))).toBe(
      successOf('getloginurlUserResponse', '<use:userLoginURL>u&amp;v</use:userLoginURL>'),
    )
    expect(answers.renderGetlogouturlUserResponse(E.right({ userLogoutURL: 'o' }))).toBe(
      successOf('getlogouturlUserResponse', '<use:userLogoutURL>o</use:userLogoutURL>'),
    )
    const list = {
      user: [{ webExId: 'j', firstName: 'J', lastName: 'D', email: 'j@example.com', active: 'ACTIVATED' as const }],
      matchingRecords: { total: 3, returned: 1, startFrom: 2 },
    }
    expect(answers.renderLstsummaryUserResponse(E.right(list))).toBe(
      successOf(
        'lstsummaryUserResponse',
        '<use:user><use:webExId>j</use:webExId><use:firstName>J</use:firstName><use:lastName>D</use:lastName>' +
          '<use:email>j@example.com</use:email><use:active>ACTIVATED</use:active></use:user>' +
          '<use:matchingRecords><serv:total>3</serv:total><serv:returned>1</serv:returned><serv:startFrom>2</serv:startFrom></use:matchingRecords>',
      ),
    )
  })

  it('the parsers read the answers back; a list without users has none', async () => {
    const answers = await fresh<ListAndLogin>('listAndLogin')
    const read = <A>(
      parse: (xml: string) => E.Either<unknown, A>,
      type: string,
      content: string,
    ): E.Either<unknown, A> => parse(successOf(type, content))
    expect(
      read(
        answers.parseAuthenticateUserResponse,
        'authenticateUserResponse',
        '<use:sessionTicket>T</use:sessionTicket><use:createTime>1</use:createTime><use:timeToLive>2</use:timeToLive>',
      ),
    ).toEqual(E.right({ sessionTicket: 'T', createTime: 1, timeToLive: 2 }))
    expect(
      read(
        answers.parseGetLoginTicketResponse,
        'GetLoginTicketResponse',
        '<use:ticket>t</use:ticket><use:apiVersion>v</use:apiVersion>',
      ),
    ).toEqual(E.right({ ticket: 't', apiVersion: 'v' }))
    expect(
      read(answers.parseGetloginurlUserResponse, 'getloginurlUserResponse', '<use:userLoginURL>u</use:userLoginURL>'),
    ).toEqual(E.right({ userLoginURL: 'u' }))
    expect(
      read(
        answers.parseGetlogouturlUserResponse,
        'getlogouturlUserResponse',
        '<use:userLogoutURL>o</use:userLogoutURL>',
      ),
    ).toEqual(E.right({ userLogoutURL: 'o' }))
    const records =
      '<use:matchingRecords><serv:total>0</serv:total><serv:returned>0</serv:returned><serv:startFrom>1</serv:startFrom></use:matchingRecords>'
    expect(read(answers.parseLstsummaryUserResponse, 'lstsummaryUserResponse', records)).toEqual(
      E.right({ user: [], matchingRecords: { total: 0, returned: 0, startFrom: 1 } }),
    )
    expect(
      read(
        answers.parseLstsummaryUserResponse,
        'lstsummaryUserResponse',
        '<use:user><use:webExId>j</use:webExId><use:firstName>J</use:firstName><use:lastName>D</use:lastName>' +
          '<use:email>e</use:email><use:active>ACTIVATED</use:active></use:user>' +
          records,
      ),
    ).toEqual(
      E.right({
        user: [{ webExId: 'j', firstName: 'J', lastName: 'D', email: 'e', active: 'ACTIVATED' }],
        matchingRecords: { total: 0, returned: 0, startFrom: 1 },
      }),
    )
    // matchingRecords is required; an element the answer does not have is named with the answer's type
    const withoutRecords = read(
      answers.parseLstsummaryUserResponse,
      'lstsummaryUserResponse',
      '<use:user><use:webExId>j</use:webExId></use:user>',
    )
    expect(E.isLeft(withoutRecords) && (withoutRecords.left as { failures: unknown }).failures).toContainEqual({
      source: 'body',
      code: 'missingElement',
      path: 'matchingRecords',
      expected: 'required element "matchingRecords"',
    })
    expect(read(answers.parseLstsummaryUserResponse, 'lstsummaryUserResponse', `${records}<use:x/>`)).toMatchObject(
      E.left({ failures: [{ source: 'body', path: 'x', expected: 'no element "x" in lstsummaryUserResponse' }] }),
    )
  })
})

type Requests = typeof import('../../src/xml/requests.js')
type Responses = typeof import('../../src/xml/responses.js')

describe('D-MU-5 requests.ts and responses.ts evaluated afresh', () => {
  const request = (type: string, body: string): string =>
    '<serv:message><header><securityContext><webExID>admin</webExID></securityContext></header>' +
    `<body><bodyContent xsi:type="java:com.webex.service.binding.user.${type}">${body}</bodyContent></body></serv:message>`
  const securityContext = { webExID: 'admin' }

  it('each parser of requests', async () => {
    const requests = await fresh<Requests>('requests')
    expect(requests.parseSetUserMessage(request('SetUser', '<webExId>jdoe</webExId>'))).toEqual(
      E.right({ securityContext, body: { webExId: 'jdoe' } }),
    )
    expect(requests.parseGetUserMessage(request('GetUser', '<webExId>jdoe</webExId>'))).toEqual(
      E.right({ securityContext, body: { webExId: 'jdoe' } }),
    )
    expect(requests.parseRequestMessage(request('DelUser', '<webExId>jdoe</webExId>'))).toEqual(
      E.right({ operation: 'DelUser', securityContext, body: { webExId: ['jdoe'] } }),
    )
    expect(requests.parseOperationMessage(request('GetUser', '<webExId>jdoe</webExId>'), 'GetUser')).toEqual(
      E.right({ operation: 'GetUser', securityContext, body: { webExId: 'jdoe' } }),
    )
    expect(requests.parseGetUserMessage(request('SetUser', '<webExId>jdoe</webExId>'))).toMatchObject(
      E.left({ failures: [{ source: 'message', path: 'body.bodyContent.@type' }] }),
    )
  })

  it('each parser of responses', async () => {
    const responses = await fresh<Responses>('responses')
    expect(responses.parseResponseStatus(DENIED)).toEqual(
      E.right({
        result: 'FAILURE',
        reason: 'Access denied, additional privileges are required',
        gsbStatus: 'PRIMARY',
        exceptionID: '000001',
      }),
    )
    expect(responses.parseCreateUserResponse(successOf('createUserResponse', '<use:userId>42</use:userId>'))).toEqual(
      E.right({ status: { result: 'SUCCESS', gsbStatus: 'PRIMARY' }, userId: 42 }),
    )
    expect(
      responses.parseDelUserResponse(
        successOf(
          'delUserResponse',
          '<use:user><use:webExId>a</use:webExId><use:status>SUCCESS</use:status></use:user>',
        ),
      ),
    ).toEqual(
      E.right({ status: { result: 'SUCCESS', gsbStatus: 'PRIMARY' }, users: [{ webExId: 'a', status: 'SUCCESS' }] }),
    )
    expect(
      responses.parseGetUserResponse(
        successOf(
          'getUserResponse',
          '<use:webExId>jdoe</use:webExId><use:password>******</use:password><use:active>ACTIVATED</use:active>',
        ),
      ),
    ).toEqual(E.right({ webExId: 'jdoe', active: 'ACTIVATED' }))
  })
})
