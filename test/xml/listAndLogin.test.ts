/**
 * D-OP-3, D-OP-18: the list and login operations on the wire — every corpus request parses to
 * what the client meant, every answer renders as the research's response sections show and
 * parses back, and the real answers of the corpus parse.
 */
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { invalidSessionTicket, noRecordFound, type LstsummaryUserResult, type SetUserError } from 'webex-user-rules'
import {
  parseAuthenticateUserResponse,
  parseGetLoginTicketResponse,
  parseGetloginurlUserResponse,
  parseGetlogouturlUserResponse,
  parseLstsummaryUserResponse,
  parseOperationMessage,
  parseRequestMessage,
  parseResponseStatus,
  renderAuthenticateUserResponse,
  renderGetLoginTicketResponse,
  renderGetloginurlUserResponse,
  renderGetlogouturlUserResponse,
  renderLstsummaryUserResponse,
  renderRequestMessage,
} from 'webex-user-rules/xml'
import { LIST_AND_LOGIN_REQUESTS } from './listAndLoginCorpus.js'

/** The failing paths of an InvalidRequest, as `source:path`. */
const paths = (r: E.Either<SetUserError, unknown>): string[] =>
  E.isLeft(r) && r.left._tag === 'InvalidRequest' ? r.left.failures.map((f) => `${f.source}:${f.path}`) : []

const CORPUS = new URL('../fixtures/corpus/', import.meta.url)
const corpus = (file: string): string => readFileSync(new URL(file, CORPUS), 'utf8')

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:com="http://www.webex.com/schemas/2002/06/common" xmlns:use="http://www.webex.com/schemas/2002/06/service/user"><serv:header><serv:response><serv:result>SUCCESS</serv:result><serv:gsbStatus>PRIMARY</serv:gsbStatus></serv:response></serv:header><serv:body>'
const body = (type: string, content: string): string =>
  `${HEAD}<serv:bodyContent xsi:type="use:${type}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${content}</serv:bodyContent></serv:body></serv:message>`

describe('D-OP-3 the corpus requests of the list and login operations', () => {
  it.each(LIST_AND_LOGIN_REQUESTS)('%s parses to what the client meant', (file, message) => {
    expect(parseRequestMessage(corpus(file))).toEqual(E.right(message))
  })
  it.each(LIST_AND_LOGIN_REQUESTS)('%s renders and parses back unchanged', (_file, message) => {
    expect(parseRequestMessage(renderRequestMessage(message))).toEqual(E.right(message))
  })
  it('D-OP-3 orderBy/orderAD pair by position whatever the interleaving; filters after order; empty listControl leaves are defaults', () => {
    const xml = `<serv:message><header><securityContext><webExID>admin</webExID></securityContext></header><body>
      <bodyContent xsi:type="java:com.webex.service.binding.user.LstsummaryUser">
      <order><orderBy>LASTNAME</orderBy><orderAD>DESC</orderAD><orderBy>UID</orderBy><orderAD>ASC</orderAD></order>
      <listControl><serv:startFrom/><maximumNum></maximumNum><serv:listMethod>OR</serv:listMethod></listControl>
      <webExId>jdoe</webExId><email>jdoe@example.com</email></bodyContent></body></serv:message>`
    expect(parseOperationMessage(xml, 'LstsummaryUser')).toEqual(
      E.right({
        operation: 'LstsummaryUser',
        securityContext: { webExID: 'admin' },
        body: {
          order: { orderBy: ['LASTNAME', 'UID'], orderAD: ['DESC', 'ASC'] },
          listControl: { listMethod: 'OR' },
          webExId: 'jdoe',
          email: 'jdoe@example.com',
        },
      }),
    )
  })
  it('D-OP-3 refuses what no schema allows: an unknown orderBy, four keys, listMethod XOR, webExId in GetloginurlUser', () => {
    const lst = (inner: string): string =>
      `<serv:message><header><securityContext><webExID>a</webExID></securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.LstsummaryUser">${inner}</bodyContent></body></serv:message>`
    expect(paths(parseRequestMessage(lst('<order><orderBy>NAME</orderBy></order>')))).toEqual(['body:order.orderBy[0]'])
    expect(paths(parseRequestMessage(lst('<order>' + '<orderBy>UID</orderBy>'.repeat(4) + '</order>')))).toEqual([
      'body:order.orderBy',
    ])
    expect(paths(parseRequestMessage(lst('<listControl><listMethod>XOR</listMethod></listControl>')))).toEqual([
      'body:listControl.listMethod',
    ])
    expect(paths(parseRequestMessage(lst('<listControl><startFrom>-1</startFrom></listControl>')))).toEqual([
      'body:listControl.startFrom',
    ])
    const url = corpus('getloginurluser-moodle-1.xml').replace(
      /webExID>student42<\/webExID><\/bodyContent/,
      'webExId>student42</webExId></bodyContent',
    )
    const r = parseRequestMessage(url)
    expect(paths(r)).toEqual(['body:webExId', 'body:webExID'])
    expect(r).toMatchObject(E.left({ failures: [{ hint: 'did you mean "webExID"?' }, {}] }))
  })
  it('D-OP-10 a webExAccessToken in the securityContext is read', () => {
    const xml = corpus('getloginticket-ciscodoc-1.xml').replace(
      '<password>DummyPass-30</password>',
      '<webExAccessToken>tok</webExAccessToken>',
    )
    expect(parseRequestMessage(xml)).toMatchObject(E.right({ securityContext: { webExAccessToken: 'tok' } }))
  })
})

describe('D-OP-18 the answers on the wire', () => {
  const ticket = { sessionTicket: 'AAABBBdummySessionTicket000777', createTime: 1564617600000, timeToLive: 5400 }
  it('AuthenticateUser renders as the Cisco sample (one line) and its corpus answer parses', () => {
    expect(renderAuthenticateUserResponse(E.right(ticket))).toBe(
      body(
        'authenticateUserResponse',
        '<use:sessionTicket>AAABBBdummySessionTicket000777</use:sessionTicket><use:createTime>1564617600000</use:createTime><use:timeToLive>5400</use:timeToLive>',
      ),
    )
    expect(parseAuthenticateUserResponse(corpus('authenticateuser-response-ciscodoc-1.xml'))).toEqual(E.right(ticket))
  })
  it('the malformed Cisco fixture (authenticateuser-response-atlas-1) is an InvalidRequest of the message, not a throw', () => {
    expect(parseAuthenticateUserResponse(corpus('authenticateuser-response-atlas-1.xml'))).toMatchObject(
      E.left({ exceptionID: '999999', failures: [{ source: 'message' }] }),
    )
  })
  it('GetLoginTicket renders ticket then apiVersion', () => {
    const answer = { ticket: '3f1c9a0e5b7d4c2a', apiVersion: 'WebEx XML API V10.0.0' }
    expect(renderGetLoginTicketResponse(E.right(answer))).toBe(
      body(
        'getLoginTicketResponse',
        '<use:ticket>3f1c9a0e5b7d4c2a</use:ticket><use:apiVersion>WebEx XML API V10.0.0</use:apiVersion>',
      ),
    )
    expect(parseGetLoginTicketResponse(renderGetLoginTicketResponse(E.right(answer)))).toEqual(E.right(answer))
  })
  it('GetloginurlUser: the doc answer (xsi:type with a capital G) parses; the URL is escaped once', () => {
    const userLoginURL =
      'https://examplesite.webex.com/examplesite/p.php?AT=LI&FN=Fname&LN=Lname&EM=email@example.com&WID=hostid&TK=ticket&MU=GoBack&BU='
    expect(parseGetloginurlUserResponse(corpus('getloginurluser-response-ciscodoc-1.xml'))).toEqual(
      E.right({ userLoginURL }),
    )
    expect(renderGetloginurlUserResponse(E.right({ userLoginURL }))).toBe(
      body('getloginurlUserResponse', `<use:userLoginURL>${userLoginURL.replace(/&/g, '&amp;')}</use:userLoginURL>`),
    )
  })
  it('GetlogouturlUser renders the constructed sample', () => {
    const userLogoutURL = 'https://examplesite.webex.com/examplesite/p.php?AT=LO&BU='
    expect(renderGetlogouturlUserResponse(E.right({ userLogoutURL }))).toBe(
      body(
        'getlogouturlUserResponse',
        '<use:userLogoutURL>https://examplesite.webex.com/examplesite/p.php?AT=LO&amp;BU=</use:userLogoutURL>',
      ),
    )
    expect(parseGetlogouturlUserResponse(renderGetlogouturlUserResponse(E.right({ userLogoutURL })))).toEqual(
      E.right({ userLogoutURL }),
    )
  })
  it('LstsummaryUser renders the constructed sample: users first, matchingRecords last with serv: children', () => {
    const result: LstsummaryUserResult = {
      user: [
        {
          webExId: 'hostid',
          firstName: 'Ana',
          lastName: 'Lee',
          email: 'ana.lee@example.com',
          registrationDate: '06/23/2004 01:00:00',
          active: 'ACTIVATED',
          timeZoneID: 4,
        },
        {
          webExId: 'jdoe',
          firstName: 'John',
          lastName: 'Doe',
          email: 'jdoe@example.com',
          registrationDate: '07/01/2010 09:30:00',
          active: 'DEACTIVATED',
          timeZoneID: 4,
        },
      ],
      matchingRecords: { total: 25, returned: 2, startFrom: 1 },
    }
    expect(renderLstsummaryUserResponse(E.right(result))).toBe(
      body(
        'lstsummaryUserResponse',
        '<use:user><use:webExId>hostid</use:webExId><use:firstName>Ana</use:firstName><use:lastName>Lee</use:lastName><use:email>ana.lee@example.com</use:email><use:registrationDate>06/23/2004 01:00:00</use:registrationDate><use:active>ACTIVATED</use:active><use:timeZoneID>4</use:timeZoneID></use:user>' +
          '<use:user><use:webExId>jdoe</use:webExId><use:firstName>John</use:firstName><use:lastName>Doe</use:lastName><use:email>jdoe@example.com</use:email><use:registrationDate>07/01/2010 09:30:00</use:registrationDate><use:active>DEACTIVATED</use:active><use:timeZoneID>4</use:timeZoneID></use:user>' +
          '<use:matchingRecords><serv:total>25</serv:total><serv:returned>2</serv:returned><serv:startFrom>1</serv:startFrom></use:matchingRecords>',
      ),
    )
    expect(parseLstsummaryUserResponse(renderLstsummaryUserResponse(E.right(result)))).toEqual(E.right(result))
    // empty required elements are written, not dropped
    expect(
      renderLstsummaryUserResponse(
        E.right({
          user: [{ webExId: 'x', firstName: '', lastName: '', email: '', active: 'ACTIVATED' }],
          matchingRecords: { total: 1, returned: 1, startFrom: 1 },
        }),
      ),
    ).toContain('<use:firstName></use:firstName><use:lastName></use:lastName><use:email></use:email>')
  })
  it('D-OP-9 000015 is a FAILURE with an empty bodyContent; parsing it as a list says so', () => {
    const xml = renderLstsummaryUserResponse(E.left(noRecordFound()))
    expect(xml).toContain('<serv:body><serv:bodyContent/></serv:body>')
    expect(parseResponseStatus(xml)).toEqual(
      E.right({ result: 'FAILURE', reason: 'Sorry, no record found', gsbStatus: 'PRIMARY', exceptionID: '000015' }),
    )
    expect(parseLstsummaryUserResponse(xml)).toMatchObject(
      E.left({ failures: [{ path: 'header.response.result', actual: 'FAILURE 000015: Sorry, no record found' }] }),
    )
    expect(renderAuthenticateUserResponse(E.left(invalidSessionTicket()))).toContain(
      '<serv:exceptionID>030047</serv:exceptionID>',
    )
  })
  it('a SUCCESS of another operation is not a list answer', () => {
    expect(
      paths(parseLstsummaryUserResponse(renderGetLoginTicketResponse(E.right({ ticket: 't', apiVersion: 'v' })))),
    ).toEqual(['message:body.bodyContent.@type', 'body:ticket', 'body:apiVersion', 'body:matchingRecords'])
  })
})
