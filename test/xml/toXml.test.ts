/**
 * toXml.ts, value → XML driven by the codec tree: what it writes for values the types do not allow
 * (an untyped caller's `null`, an object where a leaf belongs, a list that is not an array, a key
 * set to `undefined`), the escapes, and the request types. Written against the mutants Stryker left
 * alive in src/xml/toXml.ts and src/xml/operations.ts (docs/testing.md, "The XML adapter, per file").
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { SetUserBody } from 'webex-user-rules'
import { parseRequestMessage, renderSetUserMessage, requestTypes } from 'webex-user-rules/xml'
import { str } from '../../src/model/codec.js'
import { SetUserBody as SetUserBodyCodec } from '../../src/model/user.js'
import { escapeAttribute, escapeText, renderChildren } from '../../src/xml/toXml.js'

const securityContext = { webExID: 'admin' }

/** The bodyContent's children as rendered (between `<bodyContent …>` and `</bodyContent>`). */
const bodyOf = (body: unknown): string => {
  const xml = renderSetUserMessage({ securityContext, body: body as SetUserBody })
  const match = /<bodyContent [^>]*>(.*)<\/bodyContent>/s.exec(xml)
  if (match === null) throw new Error(`no bodyContent in ${xml}`)
  return match[1] ?? ''
}

describe('toXml: values outside the types (untyped callers) are written, never thrown on', () => {
  it('a leaf holding neither a boolean, a number nor a string is written as an empty element', () => {
    expect(bodyOf({ firstName: { first: 'Ana' } })).toBe('<firstName></firstName>')
    expect(bodyOf({ firstName: null })).toBe('<firstName></firstName>')
  })

  it('a list that is not an array has no items: its wrapper is written self-closed', () => {
    expect(bodyOf({ meetingTypes: '105' })).toBe('<meetingTypes/>')
  })

  it('a container that is null or not a plain object has no children: written self-closed', () => {
    expect(bodyOf({ address: null })).toBe('<address/>')
    expect(bodyOf({ address: ['Oslo'] })).toBe('<address/>')
  })

  it('a key set to undefined is not written, as an absent key', () => {
    expect(bodyOf({ webExId: 'jdoe', firstName: undefined, address: undefined, meetingTypes: undefined })).toBe(
      '<webExId>jdoe</webExId>',
    )
  })

  it('renderChildren of a codec that is not a struct writes nothing, whatever the value', () => {
    expect(renderChildren(str(64), { webExId: 'jdoe' }, () => '')).toBe('')
    expect(renderChildren(SetUserBodyCodec, 'jdoe', () => '')).toBe('')
  })
})

describe('toXml: escapes', () => {
  it('character data: &, <, > and CR as references, every forbidden character as U+FFFD (D-X8)', () => {
    expect(escapeText('a&b<c>d\re\u0000f\u0001g\uFFFEh\uD800i')).toBe(
      'a&amp;b&lt;c&gt;d&#13;e\uFFFDf\uFFFDg\uFFFDh\uFFFDi',
    )
  })

  it('an attribute value also escapes the double quote that delimits it', () => {
    expect(escapeAttribute('say "hi" & <go>')).toBe('say &quot;hi&quot; &amp; &lt;go&gt;')
  })
})

describe('operations: the request types (docs/spec.md §5)', () => {
  it('requestTypes names the documented spelling first, then the xmlapi one', () => {
    expect(requestTypes('DelUser')).toEqual([
      'java:com.webex.service.binding.user.DelUser',
      'java:com.webex.xmlapi.service.binding.user.DelUser',
    ])
  })

  const request = (type: string): string =>
    '<serv:message><header><securityContext><webExID>admin</webExID></securityContext></header>' +
    `<body><bodyContent xsi:type="${type}"><webExId>jdoe</webExId></bodyContent></body></serv:message>`

  it('an xsi:type is the whole value: nothing before java:, nothing after the operation name', () => {
    expect(parseRequestMessage(request('java:com.webex.service.binding.user.GetUser'))).toEqual(
      E.right({ operation: 'GetUser', securityContext, body: { webExId: 'jdoe' } }),
    )
    for (const type of [
      'xjava:com.webex.service.binding.user.GetUser',
      'java:com.webex.service.binding.user.GetUser2',
      'java:com.webex.service.binding.user.GetUser ',
    ])
      expect(parseRequestMessage(request(type))).toMatchObject(
        E.left({ failures: [{ source: 'message', path: 'body.bodyContent.@type', actual: type }] }),
      )
  })
})
