/**
 * docs/spec.md §5 responses: `renderSetUserResponse` (docs/spec.md §7.3), `renderGetUserResponse` (R9 view),
 * failures in the shape of the corpus, and request rendering that the parser reads back.
 */
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { noPrivilege, webExIdConflict, type SetUserBody, type SetUserResult, type User } from 'webex-user-rules'
import {
  parseGetUserMessage,
  parseGetUserResponse,
  parseResponseStatus,
  parseSetUserMessage,
  renderFailureResponse,
  renderGetUserMessage,
  renderGetUserResponse,
  renderSetUserMessage,
  renderSetUserResponse,
} from 'webex-user-rules/xml'

const corpus = (file: string): string =>
  readFileSync(new URL(`../fixtures/corpus/${file}`, import.meta.url), 'utf8').trim()

const success: SetUserResult = { user: { webExId: 'jdoe' }, effects: [], notices: [] }

describe('docs/spec.md §5 renderSetUserResponse', () => {
  it('SUCCESS: header result and gsbStatus PRIMARY, an empty use:setUserResponse bodyContent (docs/spec.md §7.3)', () => {
    expect(renderSetUserResponse(E.right(success))).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        '<serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:com="http://www.webex.com/schemas/2002/06/common" xmlns:use="http://www.webex.com/schemas/2002/06/service/user">' +
        '<serv:header><serv:response><serv:result>SUCCESS</serv:result><serv:gsbStatus>PRIMARY</serv:gsbStatus></serv:response></serv:header>' +
        '<serv:body><serv:bodyContent xsi:type="use:setUserResponse" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></serv:body>' +
        '</serv:message>',
    )
  })

  it('FAILURE: byte for byte the real server reply to a read-only admin (corpus response-failure-atlas-000001)', () => {
    expect(renderSetUserResponse(E.left(noPrivilege(['privilege.host'])))).toBe(
      corpus('response-failure-atlas-000001.xml'),
    )
  })

  it('FAILURE reason and exceptionID come from the error, escaped', () => {
    const xml = renderSetUserResponse(E.left(webExIdConflict('a<b&c')))
    expect(xml).toContain('<serv:reason>WebExID is already in use by this site: a&lt;b&amp;c</serv:reason>')
    expect(parseResponseStatus(xml)).toEqual(
      E.right({
        result: 'FAILURE',
        reason: 'WebExID is already in use by this site: a<b&c',
        gsbStatus: 'PRIMARY',
        exceptionID: '030004',
      }),
    )
  })

  it('renderFailureResponse answers errors outside SetUser, e.g. 030002 (corpus response-failure-java-030002)', () => {
    const xml = renderFailureResponse({ exceptionID: '030002', reason: 'Incorrect user or password' })
    expect(parseResponseStatus(xml)).toEqual(parseResponseStatus(corpus('response-failure-java-030002.xml')))
    // the same header and body; only the declared service namespaces differ (meet/att there, use here)
    const strip = (s: string): string => s.replace(/<serv:message[^>]*>/, '<serv:message>')
    expect(strip(xml)).toBe(strip(corpus('response-failure-java-030002.xml')))
  })
})

describe('docs/spec.md §5 renderGetUserResponse', () => {
  const user: User = {
    // keys deliberately out of schema order: rendering follows the codec, not the object
    personalTeleconf: {
      joinBeforeHost: true,
      account: [{ accountIndex: 1, subscriberAccessCode: '0042', defaultFlag: true }],
    },
    privilege: { host: true, siteAdmin: false },
    webExId: 'jdoe',
    password: 'secret',
    designatedChatUser: true,
    address: { city: 'Oslo' },
    meetingTypes: [105],
  }
  const xml = renderGetUserResponse(user)

  it('writes use: elements in response order, com: for address children, declared namespaces, active always (D-GV-1, D-GV-3)', () => {
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>' +
        '<serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:com="http://www.webex.com/schemas/2002/06/common" xmlns:use="http://www.webex.com/schemas/2002/06/service/user">' +
        '<serv:header><serv:response><serv:result>SUCCESS</serv:result><serv:gsbStatus>PRIMARY</serv:gsbStatus></serv:response></serv:header>' +
        '<serv:body><serv:bodyContent xsi:type="use:getUserResponse" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<use:webExId>jdoe</use:webExId>' +
        '<use:address><com:city>Oslo</com:city></use:address>' +
        '<use:password>******</use:password>' +
        '<use:meetingTypes><use:meetingType>105</use:meetingType></use:meetingTypes>' +
        '<use:privilege><use:host>true</use:host><use:siteAdmin>false</use:siteAdmin></use:privilege>' +
        '<use:active>ACTIVATED</use:active>' +
        '<use:personalTeleconf><use:account><use:subscriberAccessCode>0042</use:subscriberAccessCode>' +
        '<use:accountIndex>1</use:accountIndex><use:defaultFlag>true</use:defaultFlag>' +
        '<use:joinBeforeHost>true</use:joinBeforeHost></use:account>' +
        '<use:joinBeforeHost>true</use:joinBeforeHost></use:personalTeleconf>' +
        '</serv:bodyContent></serv:body></serv:message>',
    )
  })

  it('R9 each account shows joinBeforeHost equal to personalTeleconf.joinBeforeHost (false when absent)', () => {
    const absent = renderGetUserResponse({ webExId: 'j', personalTeleconf: { account: [{ accountIndex: 2 }] } })
    expect(absent).toContain(
      '<use:account><use:accountIndex>2</use:accountIndex><use:joinBeforeHost>false</use:joinBeforeHost></use:account>',
    )
  })

  it('masks the password and never writes the engine-only designatedChatUser', () => {
    expect(xml).not.toContain('secret')
    expect(xml).not.toContain('designatedChatUser')
  })

  it('parses back to the stored user, without the password GetUser cannot show and the mirrored flag, with the default active (D-GV-3)', () => {
    const { password: _masked, designatedChatUser: _engineOnly, ...visible } = user
    expect(parseGetUserResponse(xml)).toEqual(E.right({ ...visible, active: 'ACTIVATED' }))
  })

  it('a FAILURE response is not a user: the failure quotes exceptionID and reason (D-X10)', () => {
    expect(parseGetUserResponse(corpus('response-failure-atlas-000035.xml'))).toEqual(
      E.left(
        expect.objectContaining({
          _tag: 'InvalidRequest',
          failures: [
            {
              source: 'message',
              code: 'outOfRange',
              path: 'header.response.result',
              expected: 'SUCCESS',
              actual: 'FAILURE 000035: ASService not responding',
            },
          ],
        }),
      ),
    )
  })

  it('a GetUser response with an unknown element is refused, naming it (nothing is silently lost)', () => {
    const extra = xml.replace('<use:webExId>', '<use:favouriteColour>blue</use:favouriteColour><use:webExId>')
    expect(parseGetUserResponse(extra)).toMatchObject(
      E.left({ failures: [{ source: 'body', path: 'favouriteColour' }] }),
    )
    const wrongType = xml.replace('use:getUserResponse', 'use:getSiteResponse')
    expect(parseGetUserResponse(wrongType)).toMatchObject(
      E.left({ failures: [{ source: 'message', path: 'body.bodyContent.@type' }] }),
    )
  })
})

describe('request rendering (for clients and tests) reads back through the parser', () => {
  const securityContext = { webExID: 'admin', password: 'p&w', siteName: 'examplesite' }

  it('renderSetUserMessage → parseSetUserMessage is the identity on a body with lists, accounts and escapes', () => {
    const body: SetUserBody = {
      webExId: 'jdoe',
      firstName: 'Ana <O\'Neil> & "co"',
      phones: { PIN: '0123' },
      meetingTypes: [],
      videoSystems: [{ address: 'sip:room@example.com', defaultFlag: true }],
      personalTeleconf: {
        joinBeforeHost: false,
        account: [
          { accountIndex: 1, autoGenerate: true },
          { accountIndex: 3, delete: true },
        ],
      },
      salesCenter: { roles: { sme: true }, smeInfo: { products: [124] } },
      supportCenter: { orderTabs: ['Tools', 'Desktop', 'Application', 'Session'] },
      timeZoneID: -1,
      syncWebOffice: true,
    }
    expect(parseSetUserMessage(renderSetUserMessage({ securityContext, body }))).toEqual(
      E.right({ securityContext, body }),
    )
  })

  it('renderGetUserMessage → parseGetUserMessage', () => {
    const message = { securityContext, body: { webExId: 'jdoe' } }
    expect(parseGetUserMessage(renderGetUserMessage(message))).toEqual(E.right(message))
  })

  it('D-X8 a character XML cannot carry is written as U+FFFD, so the output stays well-formed', () => {
    const xml = renderSetUserMessage({ securityContext, body: { webExId: 'jdoe', firstName: 'a\u0001b\rc' } })
    expect(parseSetUserMessage(xml)).toMatchObject(E.right({ body: { firstName: 'a\uFFFDb\rc' } }))
  })
})
