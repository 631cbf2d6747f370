/**
 * docs/spec.md §5: what the SetUser parser accepts (what real clients send) and what it rejects, with
 * the decisions D-X1…D-X11 of docs/decisions.md.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { DecodeFailure, SetUserError } from 'webex-user-rules'
import {
  decodeXmlBytes,
  MAX_DEPTH,
  MAX_MESSAGE_BYTES,
  parseRequestMessage,
  parseSetUserMessage,
  type SetUserMessage,
} from 'webex-user-rules/xml'

const SET_USER = 'java:com.webex.service.binding.user.SetUser'

/** A SetUser message around `body`, with a typical header. */
const message = (body: string, type = SET_USER, header = '<webExID>admin</webExID><password>pw</password>'): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <header><securityContext>${header}</securityContext></header>
  <body><bodyContent xsi:type="${type}">${body}</bodyContent></body>
</serv:message>`

const body = (xml: string): SetUserMessage['body'] => {
  const result = parseSetUserMessage(xml)
  if (E.isLeft(result)) expect.fail(`expected Right, got ${JSON.stringify(result.left)}`)
  return result.right.body
}

const failures = (xml: string): readonly DecodeFailure[] => {
  const result = parseSetUserMessage(xml)
  if (E.isRight(result)) expect.fail(`expected InvalidRequest, got ${JSON.stringify(result.right)}`)
  const error: SetUserError = result.left
  if (error._tag !== 'InvalidRequest') expect.fail(`expected InvalidRequest, got ${error._tag}`)
  expect(error.exceptionID).toBe('999999')
  return error.failures
}

const paths = (xml: string): string[] => failures(xml).map((f) => `${f.source}:${f.path}`)

describe('docs/spec.md §5 accepts what real clients send', () => {
  it('matches local names with declared, undeclared and mixed prefixes (corpus atlas, pysample)', () => {
    const plain = body(message('<webExId>jdoe</webExId><phones><PIN>4826</PIN></phones>'))
    expect(body(message('<use:webExId>jdoe</use:webExId><use:phones><PIN>4826</PIN></use:phones>'))).toEqual(plain)
    expect(body(message('<webExId>jdoe</webExId><x:phones><y:PIN>4826</y:PIN></x:phones>'))).toEqual(plain)
    const prefixedEnvelope = `<serv:message xmlns:serv="s"><serv:header><serv:securityContext><serv:webExID>admin</serv:webExID></serv:securityContext></serv:header>
      <serv:body><serv:bodyContent xsi:type="${SET_USER}"><webExId>jdoe</webExId><phones><PIN>4826</PIN></phones></serv:bodyContent></serv:body></serv:message>`
    expect(body(prefixedEnvelope)).toEqual(plain)
  })

  it('accepts a message without any namespace declaration (corpus wxdash, pybot)', () => {
    const bare = `<serv:message><header><securityContext><webExID>a</webExID></securityContext></header><body><bodyContent xsi:type="${SET_USER}"><webExId>jdoe</webExId></bodyContent></body></serv:message>`
    expect(parseSetUserMessage(bare)).toEqual(E.right({ securityContext: { webExID: 'a' }, body: { webExId: 'jdoe' } }))
  })

  it('accepts both xsi:type spellings (corpus pybot, pyschedperm)', () => {
    const xml = '<webExId>jdoe</webExId><active>DEACTIVATED</active>'
    expect(body(message(xml, 'java:com.webex.xmlapi.service.binding.user.SetUser'))).toEqual(body(message(xml)))
  })

  it('binds by name, not by sequence: any element order gives the same body', () => {
    const inOrder = body(
      message('<firstName>A</firstName><webExId>jdoe</webExId><timeZoneID>4</timeZoneID><active>ACTIVATED</active>'),
    )
    expect(
      body(
        message('<active>ACTIVATED</active><timeZoneID>4</timeZoneID><webExId>jdoe</webExId><firstName>A</firstName>'),
      ),
    ).toEqual(inOrder)
  })

  it('D-X2 booleans: TRUE, true, FALSE, false (any case) become booleans', () => {
    expect(
      body(
        message(
          '<webExId>j</webExId><privilege><host>TRUE</host><siteAdmin>false</siteAdmin><HQvideo>true</HQvideo><HDvideo>FALSE</HDvideo><labAdmin>True</labAdmin></privilege>',
        ),
      ).privilege,
    ).toEqual({ host: true, siteAdmin: false, HQvideo: true, HDvideo: false, labAdmin: true })
  })

  it('D-X2 rejects boolean spellings that are not true/false (1, yes, empty) naming the path', () => {
    expect(
      failures(
        message('<webExId>j</webExId><privilege><host>1</host><siteAdmin>yes</siteAdmin><HQvideo/></privilege>'),
      ),
    ).toEqual([
      { source: 'body', code: 'wrongType', path: 'privilege.host', expected: 'boolean', actual: '1' },
      { source: 'body', code: 'wrongType', path: 'privilege.siteAdmin', expected: 'boolean', actual: 'yes' },
      { source: 'body', code: 'wrongType', path: 'privilege.HQvideo', expected: 'boolean', actual: '' },
    ])
  })

  it('decodes entities once (&amp; &apos; &lt; &quot; &gt;), keeps CDATA verbatim (corpus moodle)', () => {
    expect(
      body(
        message(
          '<webExId>j</webExId><password>a&amp;b&apos;c</password><firstName>&lt;x&gt; &quot;q&quot;</firstName><lastName><![CDATA[O&amp;<x>]]></lastName>',
        ),
      ),
    ).toEqual({ webExId: 'j', password: "a&b'c", firstName: '<x> "q"', lastName: 'O&amp;<x>' })
  })

  it('D-X5 decodes numeric character references, in one pass (&amp;#65; stays the text &#65;)', () => {
    expect(
      body(
        message('<webExId>j</webExId><firstName>&#77;&#xFC;ller &#x20AC;</firstName><lastName>&amp;#65;</lastName>'),
      ),
    ).toEqual({ webExId: 'j', firstName: 'Müller €', lastName: '&#65;' })
  })

  it('accepts any whitespace layout: one line, tabs, CRLF, blank lines, leading spaces (corpus)', () => {
    const oneLine = message('<webExId>jdoe</webExId><address><city>Oslo</city></address>')
    const spread = `${message(
      '\r\n\t\t<webExId>jdoe</webExId>\r\n\r\n\t<address>\r\n\t\t<city>Oslo</city>\r\n\t</address>\r\n',
    )
      .replace('?>\n', '?>\r\n\t   ')
      .replace(/\n {2}/g, '\r\n\t')}\r\n`
    expect(body(spread)).toEqual(body(oneLine))
  })

  it('accepts an encoding="ISO-8859-1" declaration, and decodes such bytes (corpus maekee, psad)', () => {
    const latin1 = message('<webExId>jdoe</webExId><lastName>M\u00fcller</lastName>').replace('UTF-8', 'ISO-8859-1')
    expect(body(latin1).lastName).toBe('Müller')
    const bytes = Uint8Array.from(latin1, (c) => c.charCodeAt(0)) // one byte per character: ü is 0xFC
    expect(bytes.includes(0xfc)).toBe(true)
    const text = decodeXmlBytes(bytes)
    expect(E.isRight(text) && body(text.right).lastName).toBe('Müller')
  })

  it('D-X11 decodes UTF-8 by default and refuses bytes that are not UTF-8', () => {
    const utf8 = new TextEncoder().encode(message('<webExId>jdoe</webExId><lastName>Müller</lastName>'))
    const text = decodeXmlBytes(utf8)
    expect(E.isRight(text) && body(text.right).lastName).toBe('Müller')
    const broken = Uint8Array.from([...new TextEncoder().encode('<a>'), 0xfc, ...new TextEncoder().encode('</a>')])
    expect(decodeXmlBytes(broken)).toMatchObject(E.left({ _tag: 'InvalidRequest', failures: [{ source: 'message' }] }))
  })

  it('reads returnAdditionalInfo and the other securityContext elements (corpus wxdash, borgified)', () => {
    const result = parseSetUserMessage(
      message(
        '<webExId>j</webExId>',
        SET_USER,
        '<webExID>a</webExID><password>p</password><siteID>123456</siteID><partnerID>abc</partnerID><returnAdditionalInfo>TRUE</returnAdditionalInfo>',
      ),
    )
    expect(result).toEqual(
      E.right({
        securityContext: { webExID: 'a', password: 'p', siteID: 123456, partnerID: 'abc', returnAdditionalInfo: true },
        body: { webExId: 'j' },
      }),
    )
  })

  it('docs/spec.md §5 PIN 0123 stays the string "0123"; codes with leading zeros stay strings', () => {
    expect(
      body(
        message('<webExId>0042</webExId><phones><PIN>0123</PIN></phones><address><zipCode>01234</zipCode></address>'),
      ),
    ).toEqual({ webExId: '0042', phones: { PIN: '0123' }, address: { zipCode: '01234' } })
  })

  it('D-X3 integers: digits with an optional sign, range-checked by the codec', () => {
    expect(body(message('<webExId>j</webExId><timeZoneID>-1</timeZoneID><categoryId>+007</categoryId>'))).toEqual({
      webExId: 'j',
      timeZoneID: -1,
      categoryId: 7,
    })
    expect(
      paths(
        message(
          '<webExId>j</webExId><timeZoneID>1e3</timeZoneID><categoryId>0x1F</categoryId><languageID>1.0</languageID><personalMeetingRoom><PMRAutoLockWaitTime>25</PMRAutoLockWaitTime></personalMeetingRoom>',
        ),
      ),
    ).toEqual(['body:timeZoneID', 'body:categoryId', 'body:languageID', 'body:personalMeetingRoom.PMRAutoLockWaitTime'])
  })

  it('D-X3 an integer beyond what a number holds exactly is reported with its text', () => {
    expect(failures(message('<webExId>j</webExId><timeZoneID>99999999999999999999</timeZoneID>'))).toEqual([
      { source: 'body', code: 'wrongType', path: 'timeZoneID', expected: 'integer', actual: '99999999999999999999' },
    ])
  })

  it('R2 a list with one item is still a list; repeated items keep their order', () => {
    expect(body(message('<webExId>j</webExId><meetingTypes><meetingType>105</meetingType></meetingTypes>'))).toEqual({
      webExId: 'j',
      meetingTypes: [105],
    })
    expect(
      body(
        message(
          '<webExId>j</webExId><personalTeleconf><account><accountIndex>2</accountIndex><autoGenerate>TRUE</autoGenerate></account></personalTeleconf>',
        ),
      ).personalTeleconf,
    ).toEqual({ account: [{ accountIndex: 2, autoGenerate: true }] })
    expect(
      body(
        message(
          '<webExId>j</webExId><salesCenter><smeInfo><products><prodID>123</prodID><prodID>124</prodID></products></smeInfo></salesCenter>',
        ),
      ).salesCenter,
    ).toEqual({ smeInfo: { products: [123, 124] } })
  })

  it('R2 an empty list container is an empty list (present and empty clears); an empty container is {}', () => {
    expect(body(message('<webExId>j</webExId><meetingTypes/><videoSystems></videoSystems><address/>'))).toEqual({
      webExId: 'j',
      meetingTypes: [],
      videoSystems: [],
      address: {},
    })
  })

  it('ignores comments, processing instructions and namespace declarations on any element', () => {
    expect(
      body(
        message(
          '<!-- note --><?php echo 1 ?><webExId xmlns="urn:x" xmlns:q="urn:q">jdoe</webExId><firstName>A<!-- c -->B</firstName>',
        ),
      ),
    ).toEqual({ webExId: 'jdoe', firstName: 'AB' })
  })

  it('a schemaLocation on the root is accepted (corpus ciscodoc)', () => {
    const xml = message('<webExId>j</webExId>').replace('<serv:message ', '<serv:message xsi:schemaLocation="a b" ')
    expect(body(xml)).toEqual({ webExId: 'j' })
  })
})

describe('docs/spec.md §5 rejects with InvalidRequest', () => {
  it('non-well-formed XML: unclosed, mis-nested, mis-cased closing tag, bare &, text before the declaration', () => {
    for (const broken of [
      `  ${message('<webExId>j</webExId>')}`,
      message('<webExId>j</webExId><phones><PIN>1</phones>'),
      message('<webExId>j</WebExId>'),
      message('<webExId>a & b</webExId>'),
      message('<webExId>j</webExId>').replace('</serv:message>', ''),
    ]) {
      expect(failures(broken)).toEqual([
        expect.objectContaining({ source: 'message', code: 'document', path: '', expected: 'well-formed XML' }),
      ])
    }
  })

  it('any DOCTYPE or ENTITY declaration, before parsing (XXE, billion laughs)', () => {
    const doctype = `<?xml version="1.0"?><!DOCTYPE message [<!ENTITY x "y">]>${message('<webExId>&x;</webExId>').replace(/^<\?xml[^>]*>/, '')}`
    const external = `<!DOCTYPE m [<!ENTITY e SYSTEM "file:///etc/passwd">]>${message('<webExId>&e;</webExId>')}`
    for (const xml of [doctype, external, `<!doctype html>${message('<webExId>j</webExId>')}`]) {
      expect(failures(xml)).toEqual([
        expect.objectContaining({
          source: 'message',
          expected: 'a message without DOCTYPE or ENTITY declarations',
        }),
      ])
    }
  })

  it('undeclared entities (&nbsp;) and references to characters XML forbids (&#0;, &#xD800;)', () => {
    for (const ref of ['&nbsp;', '&#0;', '&#xD800;', '&#x110000;']) {
      expect(failures(message(`<webExId>a${ref}b</webExId>`))).toEqual([
        {
          source: 'message',
          code: 'document',
          path: '',
          expected: 'well-formed XML (declared entities only)',
          // D-E1: the reference itself is not quoted (inside a password it could be the password)
          actual: ref === '&nbsp;' ? 'undefined entity' : 'malformed character entity',
          line: 4,
          // the parser reports the column of the reference's last character, its `;`
          column: `  <body><bodyContent xsi:type="${SET_USER}"><webExId>a${ref}`.length,
        },
      ])
    }
  })

  it('characters XML forbids in the text itself (C0 controls)', () => {
    expect(failures(message('<webExId>a\u0001b</webExId>'))).toEqual([
      expect.objectContaining({ source: 'message', expected: 'well-formed XML (XML characters only)' }),
    ])
  })

  it(`documents over ${String(MAX_MESSAGE_BYTES)} bytes, counted in UTF-8 before parsing`, () => {
    const base = message('<webExId>j</webExId><description></description>')
    const pad = (bytes: number, unit: string, unitBytes: number): string =>
      base.replace('<description></description>', `<description>${unit.repeat(bytes / unitBytes)}</description>`)
    const baseBytes = new TextEncoder().encode(base).length
    const exactly = pad(MAX_MESSAGE_BYTES - baseBytes, ' ', 1)
    expect(new TextEncoder().encode(exactly).length).toBe(MAX_MESSAGE_BYTES)
    expect(E.isRight(parseSetUserMessage(exactly))).toBe(true) // whitespace is trimmed: description ''
    const over = exactly.replace('<description> ', '<description>  ')
    expect(failures(over)).toEqual([
      {
        source: 'message',
        code: 'limit',
        path: '',
        expected: 'a message of at most 65536 bytes',
        actual: '65537 bytes',
      },
    ])
    // 'é' is one UTF-16 unit but two bytes
    const wide = pad(MAX_MESSAGE_BYTES - baseBytes + 2, 'é', 2)
    expect(wide.length).toBeLessThan(MAX_MESSAGE_BYTES)
    expect(failures(wide)[0]?.expected).toBe('a message of at most 65536 bytes')
  })

  it(`nesting deeper than ${String(MAX_DEPTH)} (message is depth 1)`, () => {
    // message > body > bodyContent > x1 … : 3 + n levels
    const nested = (n: number): string => message(`<webExId>j</webExId>${'<x>'.repeat(n)}${'</x>'.repeat(n)}`)
    // 16 deep: readable, so the failure is about the unknown element
    expect(failures(nested(MAX_DEPTH - 3))).toEqual([
      expect.objectContaining({
        source: 'body',
        code: 'unknownElement',
        path: 'x',
        expected: 'no element "x" in SetUserBody',
      }),
    ])
    // 17 deep: refused as a whole
    expect(failures(nested(MAX_DEPTH - 2))).toEqual([
      {
        source: 'message',
        code: 'limit',
        path: '',
        expected: 'elements nested at most 16 deep',
        actual: 'more than 16 levels',
        line: 4,
        column: expect.any(Number) as unknown,
      },
    ])
    // far deeper: the parser's own limit, still an InvalidRequest and never a throw
    expect(failures(nested(5000))[0]?.source).toBe('message')
  })

  it('multiple roots or trailing garbage', () => {
    const one = message('<webExId>j</webExId>')
    for (const xml of [`${one}${one.replace(/^<\?xml[^>]*>/, '')}`, `${one}<other/>`, `${one} trailing`]) {
      expect(failures(xml)).toEqual([expect.objectContaining({ source: 'message', path: '' })])
    }
  })

  it('a root other than message', () => {
    expect(failures(`<envelope><webExId>j</webExId></envelope>`)).toEqual([
      {
        source: 'message',
        code: 'unknownElement',
        path: '',
        expected: 'the root element <serv:message>',
        actual: '<envelope>',
      },
    ])
  })

  it('docs/spec.md §5 unknown or mis-cased elements, with a "did you mean" (corpus pydeact: <Active>)', () => {
    expect(
      failures(message('<webExId>j</webExId><Active>DEACTIVATED</Active><privilege><hsot>true</hsot></privilege>')),
    ).toEqual([
      {
        source: 'body',
        code: 'unknownElement',
        path: 'Active',
        expected: 'no element "Active" in SetUserBody',
        actual: 'DEACTIVATED',
        hint: 'did you mean "active"?',
      },
      {
        source: 'body',
        code: 'unknownElement',
        path: 'privilege.hsot',
        expected: 'no element "hsot" in privilege',
        actual: 'true',
        hint: 'did you mean "host"?',
      },
    ])
  })

  it('an unknown element inside a list container names the one element it may hold', () => {
    expect(failures(message('<webExId>j</webExId><meetingTypes><meetingtype>1</meetingtype></meetingTypes>'))).toEqual([
      {
        source: 'body',
        code: 'unknownElement',
        path: 'meetingTypes.meetingtype',
        expected: 'no element "meetingtype" in meetingTypes',
        actual: '1',
        hint: 'did you mean "meetingType"?',
      },
    ])
  })

  it('docs/spec.md §5 duplicated single elements (a second webExId could smuggle a different user)', () => {
    expect(
      failures(
        message(
          '<webExId>jdoe</webExId><webExId>admin</webExId><phones><PIN>4826</PIN><PIN>1111</PIN></phones><meetingTypes/><meetingTypes/>',
        ),
      ),
    ).toEqual([
      {
        source: 'body',
        code: 'tooMany',
        path: 'webExId',
        expected: 'at most one <webExId> element',
        actual: '2 <webExId> elements',
      },
      {
        source: 'body',
        code: 'tooMany',
        path: 'phones.PIN',
        expected: 'at most one <PIN> element',
        actual: '2 <PIN> elements',
      },
      {
        source: 'body',
        code: 'tooMany',
        path: 'meetingTypes',
        expected: 'at most one <meetingTypes> element',
        actual: '2 <meetingTypes> elements',
      },
    ])
  })

  it('docs/spec.md §2 output-only elements are not in the SetUser body', () => {
    expect(
      paths(
        message(
          '<webExId>j</webExId><registrationDate>x</registrationDate><userId>1</userId><personalMeetingRoom><sipURL>a@b</sipURL></personalMeetingRoom>',
        ),
      ),
    ).toEqual(['body:registrationDate', 'body:userId', 'body:personalMeetingRoom.sipURL'])
  })

  it('a wrong or missing xsi:type, or another operation', () => {
    for (const type of [
      'java:com.webex.service.binding.user.CreateUser',
      'SetUser',
      'java:com.webex.service.binding.meeting.SetMeeting',
    ]) {
      expect(failures(message('<webExId>j</webExId>', type))).toEqual([
        expect.objectContaining({ source: 'message', path: 'body.bodyContent.@type', actual: type }),
      ])
    }
    const untyped = message('<webExId>j</webExId>').replace(` xsi:type="${SET_USER}"`, '')
    expect(failures(untyped)).toEqual([
      expect.objectContaining({ source: 'message', path: 'body.bodyContent.@type', actual: undefined }),
    ])
    const getUser = message('<webExId>j</webExId>', 'java:com.webex.service.binding.user.GetUser')
    expect(paths(getUser)).toEqual(['message:body.bodyContent.@type'])
    expect(parseRequestMessage(getUser)).toMatchObject(E.right({ operation: 'GetUser', body: { webExId: 'j' } }))
  })

  it('D-X6 __proto__, constructor, prototype and other Object.prototype names: InvalidRequest, no throw, no pollution', () => {
    for (const name of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf']) {
      const xml = message(
        `<webExId>j</webExId><${name}><privilege><siteAdmin>true</siteAdmin></privilege></${name}><phones><use:${name}>1</use:${name}></phones>`,
      )
      expect(() => parseSetUserMessage(xml)).not.toThrow()
      expect(failures(xml)).toEqual([
        expect.objectContaining({
          source: 'body',
          code: 'unknownElement',
          path: name,
          expected: `no element "${name}" in SetUserBody`,
        }),
        expect.objectContaining({
          source: 'body',
          code: 'unknownElement',
          path: `phones.${name}`,
          expected: `no element "${name}" in phones`,
        }),
      ])
    }
    expect(({} as Record<string, unknown>)['privilege']).toBeUndefined()
    expect(({} as Record<string, unknown>)['siteAdmin']).toBeUndefined()
    expect(Object.prototype.toString.call([])).toBe('[object Array]')
  })

  it('D-X6 reserved names in the envelope are reported there', () => {
    const xml = message('<webExId>j</webExId>', SET_USER, '<webExID>a</webExID><__proto__>x</__proto__>')
    expect(failures(xml)).toEqual([
      expect.objectContaining({ source: 'message', path: 'header.securityContext.__proto__' }),
    ])
  })

  it('D-X1 attributes on body elements, text in containers, child elements in values', () => {
    expect(
      failures(
        message(
          '<webExId id="1">j</webExId><privilege>yes</privilege><firstName><b>x</b></firstName><meetingTypes>1</meetingTypes>',
        ),
      ),
    ).toEqual([
      {
        source: 'body',
        code: 'unknownElement',
        path: 'webExId.@id',
        expected: 'no attribute "id" on <webExId>',
        actual: '1',
      },
      {
        source: 'body',
        code: 'wrongType',
        path: 'privilege',
        expected: 'privilege (an element with children, not text)',
        actual: 'yes',
      },
      {
        source: 'body',
        code: 'wrongType',
        path: 'firstName',
        expected: 'string (max 64 characters) (text, not child elements)',
        actual: '<firstName> with child elements',
      },
      {
        source: 'body',
        code: 'wrongType',
        path: 'meetingTypes',
        expected: 'list of integer (<meetingType> elements, not text)',
        actual: '1',
      },
    ])
  })

  it('a message without header, securityContext or bodyContent', () => {
    const noHeader = message('<webExId>j</webExId>').replace(/<header>.*<\/header>/, '')
    expect(paths(noHeader)).toEqual(['message:header'])
    // the body is still read, so its failures come in the same error
    expect(paths(noHeader.replace('<webExId>j</webExId>', '<Active>x</Active>'))).toEqual([
      'message:header',
      'body:Active',
      'body:webExId',
    ])
    const noContext = message('<webExId>j</webExId>').replace(/<securityContext>.*<\/securityContext>/, '')
    expect(paths(noContext)).toEqual(['message:header.securityContext'])
    const noContent = message('').replace(/<bodyContent[^>]*><\/bodyContent>/, '')
    expect(paths(noContent)).toEqual(['message:body.bodyContent'])
  })

  it('D-X9 more than one bodyContent (a batch) is refused', () => {
    const batch = message('<webExId>a</webExId>').replace(
      '</body>',
      `<bodyContent xsi:type="${SET_USER}"><webExId>b</webExId></bodyContent></body>`,
    )
    expect(paths(batch)).toEqual(['message:body.bodyContent'])
  })

  it('lists every failing path at once, envelope first, then the body (codec messages and limits)', () => {
    expect(
      failures(
        message(
          '<active>ON</active><webExId>' + 'x'.repeat(65) + '</webExId><Active>x</Active>',
          SET_USER,
          '<webExID>a</webExID><siteID>abc</siteID>',
        ),
      ).map((f) => [f.source, f.path, f.expected]),
    ).toEqual([
      ['message', 'header.securityContext.siteID', 'integer'],
      ['body', 'Active', 'no element "Active" in SetUserBody'],
      ['body', 'active', '"ACTIVATED" | "REQUEST_TO_ACTIVATE" | "DEACTIVATED"'],
      ['body', 'webExId', 'string (1..64 characters)'],
    ])
  })

  it('a missing webExId is the codec failure of a required element', () => {
    expect(failures(message('<firstName>A</firstName>'))).toEqual([
      {
        source: 'body',
        code: 'missingElement',
        path: 'webExId',
        expected: 'required element "webExId"',
        actual: undefined,
      },
    ])
  })

  it('never throws on arbitrary text', () => {
    for (const junk of ['', ' ', '<', '<<>>', '&', '<?xml?>', '<!-- -->', '<a', 'plain text', '\uFEFF', '<a>]]></a>']) {
      expect(() => parseSetUserMessage(junk)).not.toThrow()
      expect(E.isLeft(parseSetUserMessage(junk))).toBe(true)
    }
  })
})
