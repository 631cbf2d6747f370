/**
 * responses.ts, reading a server's answers (docs/spec.md §7.3, D-X10): the failures of a CreateUser
 * `userId` and of a DelUser `user` list, exactly, and what an unreadable answer is. Written against
 * the mutants Stryker left alive in src/xml/responses.ts (docs/testing.md, "The XML adapter, per file").
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  parseCreateUserResponse,
  parseDelUserResponse,
  parseGetUserResponse,
  parseResponseStatus,
} from 'webex-user-rules/xml'

const answer = (type: string, content: string, extra = ''): string =>
  '<serv:message><serv:header><serv:response><serv:result>SUCCESS</serv:result><serv:gsbStatus>PRIMARY</serv:gsbStatus>' +
  `</serv:response></serv:header>${extra}<serv:body><serv:bodyContent xsi:type="use:${type}">${content}</serv:bodyContent></serv:body></serv:message>`
const status = { result: 'SUCCESS', gsbStatus: 'PRIMARY' }
const NOT_A_MESSAGE = '<other/>'

describe('parseResponseStatus', () => {
  it('a readable header in a message with a problem elsewhere is still a failure', () => {
    expect(parseResponseStatus(answer('x', '', '<serv:extra/>'))).toMatchObject(
      E.left({ failures: [{ source: 'message', code: 'unknownElement', path: 'extra' }] }),
    )
  })
})

describe('parseCreateUserResponse: the userId', () => {
  it('no userId: the status alone', () => {
    expect(parseCreateUserResponse(answer('createUserResponse', ''))).toEqual(E.right({ status }))
  })

  it('one to fifteen digits, nothing around them', () => {
    expect(parseCreateUserResponse(answer('createUserResponse', '<use:userId>123456789012345</use:userId>'))).toEqual(
      E.right({ status, userId: 123456789012345 }),
    )
    for (const text of ['x42', '42x', '1234567890123456', '-1', 'abc'])
      expect(parseCreateUserResponse(answer('createUserResponse', `<use:userId>${text}</use:userId>`))).toEqual(
        E.left(
          expect.objectContaining({
            _tag: 'InvalidRequest',
            failures: [
              {
                source: 'message',
                code: 'format',
                path: 'body.bodyContent.userId',
                expected: 'a number',
                actual: text,
              },
            ],
          }),
        ),
      )
  })

  it('an unreadable answer is the failure of its status', () => {
    expect(parseCreateUserResponse(NOT_A_MESSAGE)).toEqual(parseResponseStatus(NOT_A_MESSAGE))
    expect(E.isLeft(parseCreateUserResponse(NOT_A_MESSAGE))).toBe(true)
  })
})

describe('parseDelUserResponse: one status per user', () => {
  const user = (inner: string): string => `<use:user>${inner}</use:user>`
  const failureAt = (i: number, actual: string | undefined): unknown =>
    E.left(
      expect.objectContaining({
        _tag: 'InvalidRequest',
        failures: [
          {
            source: 'message',
            code: 'missingElement',
            path: `body.bodyContent.user[${String(i)}]`,
            expected: 'webExId and status SUCCESS|FAILURE',
            actual,
          },
        ],
      }),
    )

  it('elements other than user are skipped; users keep their order', () => {
    expect(
      parseDelUserResponse(
        answer(
          'delUserResponse',
          '<use:note>n</use:note>' +
            user('<use:webExId>a</use:webExId><use:status>FAILURE</use:status>') +
            user('<use:webExId>b</use:webExId><use:status>SUCCESS</use:status>'),
        ),
      ),
    ).toEqual(
      E.right({
        status,
        users: [
          { webExId: 'a', status: 'FAILURE' },
          { webExId: 'b', status: 'SUCCESS' },
        ],
      }),
    )
  })

  it('a user without webExId, without status, or with another status is a failure naming its index', () => {
    const ok = user('<use:webExId>a</use:webExId><use:status>SUCCESS</use:status>')
    expect(parseDelUserResponse(answer('delUserResponse', ok + user('<use:status>SUCCESS</use:status>')))).toEqual(
      failureAt(1, 'SUCCESS'),
    )
    expect(parseDelUserResponse(answer('delUserResponse', user('<use:webExId>a</use:webExId>')))).toEqual(
      failureAt(0, undefined),
    )
    expect(
      parseDelUserResponse(
        answer('delUserResponse', user('<use:webExId>a</use:webExId><use:status>MAYBE</use:status>')),
      ),
    ).toEqual(failureAt(0, 'MAYBE'))
  })

  it('an unreadable answer is the failure of its status', () => {
    expect(parseDelUserResponse(NOT_A_MESSAGE)).toEqual(parseResponseStatus(NOT_A_MESSAGE))
    expect(E.isLeft(parseDelUserResponse(NOT_A_MESSAGE))).toBe(true)
  })
})

describe('parseGetUserResponse: only the masked password is dropped', () => {
  it('a password GetUser shows in clear, and a ****** in another element, are kept', () => {
    expect(
      parseGetUserResponse(
        answer(
          'getUserResponse',
          '<use:firstName>******</use:firstName><use:webExId>jdoe</use:webExId><use:password>clear</use:password><use:active>ACTIVATED</use:active>',
        ),
      ),
    ).toEqual(E.right({ firstName: '******', webExId: 'jdoe', password: 'clear', active: 'ACTIVATED' }))
  })
})
