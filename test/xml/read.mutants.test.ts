/**
 * read.ts, the `serv:message` envelope and the answers read through it (docs/spec.md §5, D-X9, D-X10):
 * each envelope failure exactly (path, wording, hint), and how an answer's status and xsi:type are
 * checked. Written against the mutants Stryker left alive in src/xml/read.ts (docs/testing.md, "The
 * XML adapter, per file").
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  parseGetlogouturlUserResponse,
  parseGetUserResponse,
  parseRequestMessage,
  parseResponseStatus,
} from 'webex-user-rules/xml'
import { Problems } from '../../src/xml/read.js'

const HEADER = '<header><securityContext><webExID>admin</webExID></securityContext></header>'
const GET_USER =
  '<bodyContent xsi:type="java:com.webex.service.binding.user.GetUser"><webExId>jdoe</webExId></bodyContent>'
const BODY = `<body>${GET_USER}</body>`

/** A Left whose InvalidRequest has exactly `failures`, in order. */
const invalid = (failures: readonly object[]): E.Either<unknown, never> =>
  E.left(expect.objectContaining({ _tag: 'InvalidRequest', failures }))

describe('Problems', () => {
  it('a failure of the document itself is a problem, as an element failure is', () => {
    // an XML syntax error has no element path: it is kept apart, and must still count
    const problems = new Problems()
    expect(problems.none).toBe(true)
    problems.document.push({ source: 'message', code: 'format', path: '', expected: 'well-formed XML', actual: '<' })
    expect(problems.none).toBe(false)
  })
})

describe('the request envelope: every failure names its path in the message', () => {
  it('the well-formed request these cases spoil parses', () => {
    expect(parseRequestMessage(`<serv:message>${HEADER}${BODY}</serv:message>`)).toEqual(
      E.right({ operation: 'GetUser', securityContext: { webExID: 'admin' }, body: { webExId: 'jdoe' } }),
    )
  })

  it('an attribute of <message> other than the schema locations is refused at the root', () => {
    expect(parseRequestMessage(`<serv:message foo="1">${HEADER}${BODY}</serv:message>`)).toEqual(
      invalid([
        {
          source: 'message',
          code: 'unknownElement',
          path: '@foo',
          expected: 'no attribute "foo" on <message>',
          actual: '1',
        },
      ]),
    )
  })

  it('text in <message> (which holds only elements) is refused at the root', () => {
    expect(parseRequestMessage(`<serv:message>stray${HEADER}${BODY}</serv:message>`)).toEqual(
      invalid([{ source: 'message', code: 'wrongType', path: '', expected: 'no text in <message>', actual: 'stray' }]),
    )
  })

  it('an element <message> does not have is refused, with the near name suggested', () => {
    // <Header> and <Body>: mis-cased names are unknown (§5), and each is one edit from a known one
    expect(parseRequestMessage(`<serv:message>${HEADER}${BODY}<Header/><Body/></serv:message>`)).toEqual(
      invalid([
        {
          source: 'message',
          code: 'unknownElement',
          path: 'Header',
          expected: 'no element "Header" in message',
          actual: '',
          hint: 'did you mean "header"?',
        },
        {
          source: 'message',
          code: 'unknownElement',
          path: 'Body',
          expected: 'no element "Body" in message',
          actual: '',
          hint: 'did you mean "body"?',
        },
      ]),
    )
  })

  it('D-X9 a second <header> or <body> is refused at its own path', () => {
    expect(parseRequestMessage(`<serv:message>${HEADER}${HEADER}${BODY}${BODY}</serv:message>`)).toEqual(
      invalid([
        {
          source: 'message',
          code: 'tooMany',
          path: 'header',
          expected: 'at most one <header> element',
          actual: '2 <header> elements',
        },
        {
          source: 'message',
          code: 'tooMany',
          path: 'body',
          expected: 'at most one <body> element',
          actual: '2 <body> elements',
        },
      ]),
    )
  })

  it('a message without <body> names the body, and still reports what is wrong in its header', () => {
    // one InvalidRequest names every failing path (§5): the header is read although the body is missing
    expect(parseRequestMessage('<serv:message><header>t</header></serv:message>')).toEqual(
      invalid([
        {
          source: 'message',
          code: 'missingElement',
          path: 'body',
          expected: 'required element "body"',
          actual: undefined,
        },
        {
          source: 'message',
          code: 'wrongType',
          path: 'header',
          expected: 'header (an element with children, not text)',
          actual: 't',
        },
      ]),
    )
  })

  it('text in <body> (which holds only bodyContent) is refused at body', () => {
    expect(parseRequestMessage(`<serv:message>${HEADER}<body>stray${GET_USER}</body></serv:message>`)).toEqual(
      invalid([{ source: 'message', code: 'wrongType', path: 'body', expected: 'no text in <body>', actual: 'stray' }]),
    )
  })

  it('an element <body> does not have is refused below body, with the near name suggested', () => {
    expect(parseRequestMessage(`<serv:message>${HEADER}<body>${GET_USER}<BodyContent/></body></serv:message>`)).toEqual(
      invalid([
        {
          source: 'message',
          code: 'unknownElement',
          path: 'body.BodyContent',
          expected: 'no element "BodyContent" in body',
          actual: '',
          hint: 'did you mean "bodyContent"?',
        },
      ]),
    )
  })
})

const response = (status: string, content = '', type = 'getlogouturlUserResponse'): string =>
  `<serv:message><serv:header><serv:response>${status}</serv:response></serv:header><serv:body>` +
  `<serv:bodyContent xsi:type="use:${type}">${content}</serv:bodyContent></serv:body></serv:message>`
const SUCCESS = '<serv:result>SUCCESS</serv:result><serv:gsbStatus>PRIMARY</serv:gsbStatus>'
const LOGOUT = '<use:userLogoutURL>https://example.webex.com/example/p.php?AT=LO</use:userLogoutURL>'

describe('reading an answer', () => {
  it('a response header holding text is one failure at header, not a crash', () => {
    expect(parseResponseStatus('<serv:message><serv:header>t</serv:header><serv:body/></serv:message>')).toEqual(
      invalid([
        {
          source: 'message',
          code: 'wrongType',
          path: 'header',
          expected: 'header (an element with children, not text)',
          actual: 't',
        },
      ]),
    )
  })

  it('a SUCCESS answer of the expected type is its bodyContent', () => {
    expect(parseGetlogouturlUserResponse(response(SUCCESS, LOGOUT))).toEqual(
      E.right({ userLogoutURL: 'https://example.webex.com/example/p.php?AT=LO' }),
    )
  })

  it('D-X10 a FAILURE without exceptionID or reason quotes them as nothing', () => {
    expect(parseGetlogouturlUserResponse(response('<serv:result>FAILURE</serv:result>'))).toEqual(
      invalid([
        {
          source: 'message',
          code: 'outOfRange',
          path: 'header.response.result',
          expected: 'SUCCESS',
          actual: 'FAILURE : ',
        },
      ]),
    )
  })

  it('an answer of another xsi:type is refused, naming the expected type', () => {
    expect(parseGetlogouturlUserResponse(response(SUCCESS, LOGOUT, 'getloginurlUserResponse'))).toEqual(
      invalid([
        {
          source: 'message',
          code: 'outOfRange',
          path: 'body.bodyContent.@type',
          expected: 'xsi:type use:getlogouturlUserResponse',
          actual: 'use:getloginurlUserResponse',
        },
      ]),
    )
  })

  it("GetUser's answer type is compared exactly: a mis-cased one is refused", () => {
    // read.ts: only the list and login answers ignore case (the Cisco doc misprints their case)
    // webExId and active: what a GetUser answer needs, so the type is the only failure
    const user = '<use:webExId>jdoe</use:webExId><use:active>ACTIVATED</use:active>'
    expect(parseGetUserResponse(response(SUCCESS, user, 'getUserResponse'))).toEqual(
      E.right({ webExId: 'jdoe', active: 'ACTIVATED' }),
    )
    expect(parseGetUserResponse(response(SUCCESS, user, 'GetUserResponse'))).toEqual(
      invalid([
        {
          source: 'message',
          code: 'outOfRange',
          path: 'body.bodyContent.@type',
          expected: 'xsi:type use:getUserResponse',
          actual: 'use:GetUserResponse',
        },
      ]),
    )
  })
})
