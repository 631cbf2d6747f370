/**
 * D-E1 for failures of the XML adapter: every failure has a code, none quotes text that may be a
 * secret, and a document's line and column are 1-based.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { type DecodeFailure, formatError, type SetUserError } from 'webex-user-rules'
import * as xml from 'webex-user-rules/xml'

const failuresOf = (result: E.Either<SetUserError, unknown>): readonly DecodeFailure[] => {
  if (E.isRight(result)) expect.fail(`expected InvalidRequest, got ${JSON.stringify(result.right)}`)
  if (result.left._tag !== 'InvalidRequest') expect.fail(`expected InvalidRequest, got ${result.left._tag}`)
  return result.left.failures
}

const request = (header: string, body: string): string =>
  `<serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><header><securityContext>${header}</securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser">${body}</bodyContent></body></serv:message>`

describe('D-E1 a well-formedness failure inside a secret element quotes no text of the document', () => {
  const cases: readonly [string, string][] = [
    ['<webExID>a</webExID>', '<webExId>j</webExId><password>Top&LeakC;x</password>'],
    ['<webExID>a</webExID>', '<webExId>j</webExId><password>Top<LeakA></password>'],
    ['<webExID>a</webExID>', '<webExId>j</webExId><password>Top</LeakA>'],
    ['<webExID>a</webExID>', '<webExId>j</webExId><phones><PIN>1<x LeakA="1" LeakA="2"/></PIN></phones>'],
    ['<webExID>a</webExID><sessionTicket>T<LeakA></sessionTicket>', '<webExId>j</webExId>'],
    ['<webExID>a</webExID><password>Top&LeakC;</password>', '<webExId>j</webExId>'],
  ]
  it.each(cases)('header %s, body %s', (header, body) => {
    const error = (xml.parseSetUserMessage(request(header, body)) as E.Left<SetUserError>).left
    expect(failuresOf(E.left(error))).toEqual([expect.objectContaining({ source: 'message', code: 'document' })])
    expect(`${JSON.stringify(error)}\n${formatError(error)}`).not.toMatch(/Leak|Top/)
  })

  it('a document whose truncated end is inside a secret element names no element found there', () => {
    const truncated = request('<webExID>a</webExID>', '<webExId>j</webExId><password>Top<LeakA>').split('<LeakA>')[0]
    const error = (xml.parseSetUserMessage(`${String(truncated)}<LeakA>`) as E.Left<SetUserError>).left
    expect(JSON.stringify(error)).not.toMatch(/Leak/)
  })

  it('outside secret elements the end tag and what it closes are still named', () => {
    expect(failuresOf(xml.parseSetUserMessage(request('', '<webExId>j</WebExId>')))[0]?.actual).toBe(
      'the end tag </WebExId> closes <webExId>',
    )
  })
})

describe('every response parser: an InvalidRequest names at least one coded failure', () => {
  const status = (result: string): string =>
    `<serv:header><serv:response><serv:result>${result}</serv:result><serv:gsbStatus>PRIMARY</serv:gsbStatus></serv:response></serv:header>`
  const answer = (inside: string): string =>
    `<serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service">${inside}</serv:message>`
  type Parse = (s: string) => E.Either<SetUserError, unknown>
  const parsers = (Object.entries(xml) as [string, unknown][]).filter(
    (entry): entry is [string, Parse] => /^parse\w*Response(Status)?$/.test(entry[0]) && typeof entry[1] === 'function',
  )
  // the parsers that read a SUCCESS answer's bodyContent (the others need only the status)
  const reading = [
    'parseAuthenticateUserResponse',
    'parseGetLoginTicketResponse',
    'parseGetUserResponse',
    'parseGetloginurlUserResponse',
    'parseGetlogouturlUserResponse',
    'parseLstsummaryUserResponse',
  ]

  it('covers all nine', () => {
    expect(parsers.map(([name]) => name).sort()).toEqual(
      [...reading, 'parseCreateUserResponse', 'parseDelUserResponse', 'parseResponseStatus'].sort(),
    )
  })

  it.each(reading)('%s: a SUCCESS without bodyContent is a missing message.body.bodyContent', (name) => {
    const parse = parsers.find(([n]) => n === name)?.[1]
    if (parse === undefined) expect.fail(name)
    for (const inside of [`${status('SUCCESS')}<serv:body></serv:body>`, `${status('SUCCESS')}<serv:body/>`]) {
      const result = parse(answer(inside))
      expect(failuresOf(result)).toEqual([
        {
          source: 'message',
          code: 'missingElement',
          path: 'body.bodyContent',
          expected: 'required element "bodyContent"',
          actual: undefined,
        },
      ])
      expect((result as E.Left<SetUserError>).left.reason).toBe(
        'Invalid request: message.body.bodyContent: expected required element "bodyContent"',
      )
    }
  })

  it.each(parsers)('%s: no answer it refuses has an empty failure list', (_, parse) => {
    for (const inside of [
      `${status('SUCCESS')}<serv:body></serv:body>`,
      status('SUCCESS'),
      `${status('FAILURE')}<serv:body/>`,
      '<serv:header/><serv:body/>',
      `${status('SUCCESS')}<serv:body><serv:bodyContent/></serv:body>`,
    ]) {
      const result = parse(answer(inside))
      if (E.isLeft(result) && result.left._tag === 'InvalidRequest') {
        expect(result.left.failures.length).toBeGreaterThan(0)
        for (const f of result.left.failures) expect(f.code).toEqual(expect.any(String))
      }
    }
  })
})

describe('document positions are 1-based', () => {
  it('the column of a forbidden character, counted by hand', () => {
    // line 2 is `  <webExId>ab\u0001</webExId>`: 2 spaces, 9 for <webExId>, a, b: the control is column 14
    const doc = request('', '\n  <webExId>ab\u0001</webExId>\n')
    expect(failuresOf(xml.parseSetUserMessage(doc))).toEqual([
      expect.objectContaining({ code: 'document', line: 2, column: 14 }),
    ])
  })

  it('a document that ends right after a line break fails at column 1 of the next line, not column 0', () => {
    const result = xml.parseSetUserMessage('<serv:message>\n  <header>\n')
    expect(failuresOf(result)).toEqual([expect.objectContaining({ code: 'document', line: 3, column: 1 })])
    expect(formatError((result as E.Left<SetUserError>).left)).toContain('at line 3, col 1')
  })
})
