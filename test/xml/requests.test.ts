/**
 * requests.ts, reading request messages (docs/spec.md §5, D-OP-7): the failures of a header that is
 * text, of an xsi:type no operation has, and the limits of dropping empty `listControl` leaves.
 * Written against the mutants Stryker left alive in src/xml/requests.ts (docs/testing.md, "The XML
 * adapter, per file").
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { parseRequestMessage } from 'webex-user-rules/xml'

const HEADER = '<header><securityContext><webExID>admin</webExID></securityContext></header>'
const request = (type: string, body: string, header = HEADER): string =>
  `<serv:message>${header}<body><bodyContent xsi:type="${type}">${body}</bodyContent></body></serv:message>`
const java = (operation: string): string => `java:com.webex.service.binding.user.${operation}`

describe('parseRequestMessage', () => {
  it('a header holding text instead of a securityContext is one failure of the message', () => {
    expect(parseRequestMessage(request(java('GetUser'), '<webExId>j</webExId>', '<header>t</header>'))).toEqual(
      E.left(
        expect.objectContaining({
          failures: [
            {
              source: 'message',
              code: 'wrongType',
              path: 'header',
              expected: 'header (an element with children, not text)',
              actual: 't',
            },
          ],
        }),
      ),
    )
  })

  it('an xsi:type of no operation names every accepted type, both spellings of each', () => {
    const operations = [
      'SetUser',
      'GetUser',
      'CreateUser',
      'DelUser',
      'ActivateUser',
      'InactivateUser',
      'AuthenticateUser',
      'GetLoginTicket',
      'GetloginurlUser',
      'GetlogouturlUser',
      'LstsummaryUser',
    ]
    const accepted = operations.flatMap((o) => [java(o), `java:com.webex.xmlapi.service.binding.user.${o}`])
    expect(parseRequestMessage(request(java('GetSite'), ''))).toEqual(
      E.left(
        expect.objectContaining({
          failures: [
            {
              source: 'message',
              code: 'outOfRange',
              path: 'body.bodyContent.@type',
              expected: `xsi:type ${accepted.join(' or ')}`,
              actual: java('GetSite'),
            },
          ],
        }),
      ),
    )
  })

  it('D-OP-7 only LstsummaryUser drops empty listControl leaves: another operation reports the element whole', () => {
    expect(
      parseRequestMessage(request(java('SetUser'), '<webExId>j</webExId><listControl><startFrom/></listControl>')),
    ).toEqual(
      E.left(
        expect.objectContaining({
          failures: [
            expect.objectContaining({
              source: 'body',
              code: 'unknownElement',
              path: 'listControl',
              actual: '<listControl> with child elements',
            }),
          ],
        }),
      ),
    )
  })

  it('D-OP-7 a listControl leaf with an attribute is not empty: it is kept, and its attribute refused', () => {
    expect(
      parseRequestMessage(request(java('LstsummaryUser'), '<listControl><startFrom a="1"/></listControl>')),
    ).toMatchObject(
      E.left({
        failures: [
          { source: 'body', code: 'unknownElement', path: 'listControl.startFrom.@a' },
          { source: 'body', code: 'wrongType', path: 'listControl.startFrom' },
        ],
      }),
    )
  })
})

describe('parseRequestMessage: the body and the empty listControl leaves', () => {
  it('a message without bodyContent names it as missing', () => {
    expect(parseRequestMessage(`<serv:message>${HEADER}<body></body></serv:message>`)).toEqual(
      E.left(
        expect.objectContaining({
          failures: [
            {
              source: 'message',
              code: 'missingElement',
              path: 'body.bodyContent',
              expected: 'required element "bodyContent"',
              actual: undefined,
            },
          ],
        }),
      ),
    )
  })

  it('D-OP-7 a listControl leaf holding an element is not empty: it is kept, and refused as not text', () => {
    expect(
      parseRequestMessage(request(java('LstsummaryUser'), '<listControl><startFrom><x/></startFrom></listControl>')),
    ).toMatchObject(E.left({ failures: [{ source: 'body', code: 'wrongType', path: 'listControl.startFrom' }] }))
  })

  it('D-OP-7 only the leaves of listControl are dropped: an empty leaf elsewhere is read (and refused)', () => {
    // an empty <isAgent/> is no boolean (D-X2); the empty <startFrom/> beside it means the default
    expect(
      parseRequestMessage(
        request(java('LstsummaryUser'), '<listControl><startFrom/></listControl><webACD><isAgent/></webACD>'),
      ),
    ).toMatchObject(E.left({ failures: [{ source: 'body', path: 'webACD.isAgent' }] }))
  })
})
