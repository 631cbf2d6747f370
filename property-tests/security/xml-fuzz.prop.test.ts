/**
 * Hostile XML (issue 5 §2): generated documents and mutated corpus messages go into
 * `parseSetUserMessage` (and `parseRequestMessage`); the answer is always an Either, never a throw,
 * no global prototype is touched, and the known hostile documents end in `InvalidRequest`.
 */
import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { noPoisoning } from '../support/poisoning.js'
import { runs } from '../support/runs.js'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { SetUserBody } from 'webex-user-rules'
import { MAX_DEPTH, MAX_MESSAGE_BYTES, parseRequestMessage, parseSetUserMessage } from 'webex-user-rules/xml'

const CORPUS = new URL('../../test/fixtures/corpus/', import.meta.url)
const messages = readdirSync(CORPUS)
  .filter((f) => f.startsWith('setuser-') || f.startsWith('createuser-') || f.startsWith('getuser-c'))
  .map((f) => readFileSync(new URL(f, CORPUS), 'utf8'))

/** Parses with both entry points; each must answer with an Either. */
const parseBoth = (xml: string): E.Either<unknown, unknown> => {
  const one = parseSetUserMessage(xml)
  const any = parseRequestMessage(xml)
  expect(E.isLeft(one) || E.isRight(one)).toBe(true)
  expect(E.isLeft(any) || E.isRight(any)).toBe(true)
  return one
}

// -------------------------------------------------------------------------------------
// generated documents
// -------------------------------------------------------------------------------------

const KNOWN = [
  ...Object.keys(SetUserBody.props),
  'message',
  'header',
  'body',
  'bodyContent',
  'securityContext',
  'webExID',
  'meetingType',
  'prodID',
  'host',
  'tab',
  'videoCallback',
]
const DANGEROUS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '#text', '@_type']
const caseVariant = (name: string): fc.Arbitrary<string> =>
  fc.constantFrom(name.toUpperCase(), `${name.charAt(0).toUpperCase()}${name.slice(1)}`, name.toLowerCase())
const elementName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KNOWN) },
  { weight: 2, arbitrary: fc.constantFrom(...DANGEROUS) },
  { weight: 1, arbitrary: fc.constantFrom(...KNOWN).chain(caseVariant) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z_][\w.-]{0,8}$/) },
)
const prefix = fc.constantFrom('', '', 'serv:', 'use:', 'com:', 'x:')
const space = fc.constantFrom('', ' ', '\n', '\t\t', '\r\n  ')
const textValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    'TRUE',
    'false',
    '0123',
    '105',
    '&amp;',
    '&#65;',
    '&#x1F600;',
    '&nbsp;',
    '&',
    '<![CDATA[<x>]]>',
    '<!-- c -->',
    '<?pi x?>',
    ']]>',
  ),
)
const attribute = fc.oneof(
  fc.constant(''),
  fc.constant(' xsi:type="java:com.webex.service.binding.user.SetUser"'),
  fc.constantFrom(
    ' xmlns:use="http://www.webex.com/schemas/2002/06/service/user"',
    ' __proto__="x"',
    ' a="1" a="2"',
    " b='&lt;'",
  ),
)

const { node } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textValue,
    fc
      .record({
        name: elementName,
        prefix,
        attribute,
        before: space,
        children: fc.array(tie('node'), { maxLength: 4 }),
      })
      .map(
        ({ name, prefix: p, attribute: a, before, children }) =>
          `${before}<${p}${name}${a}>${children.join('')}</${p}${name}>`,
      ),
  ),
}))

const wrap = (bodyContent: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><serv:message xmlns:serv="http://www.webex.com/schemas/2002/06/service"><header><securityContext><webExID>admin</webExID></securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser"><webExId>jdoe</webExId>${bodyContent}</bodyContent></body></serv:message>`

// -------------------------------------------------------------------------------------
// mutations of real messages
// -------------------------------------------------------------------------------------

type Mutation = (xml: string, at: number, n: number) => string

const elementAt = (xml: string, at: number): RegExpExecArray | null => {
  const re = /<([A-Za-z_:][\w:.-]*)(\s[^>]*)?>([^<]*)<\/\1>/g
  const all = [...xml.matchAll(re)]
  return all.length === 0 ? null : (all[at % all.length] ?? null)
}

const MUTATIONS: Record<string, Mutation> = {
  truncate: (xml, at) => xml.slice(0, at % xml.length),
  flipByte: (xml, at, n) => {
    const i = at % xml.length
    return xml.slice(0, i) + String.fromCharCode((xml.charCodeAt(i) + 1 + (n % 250)) % 0xffff) + xml.slice(i + 1)
  },
  duplicateElement: (xml, at) => {
    const m = elementAt(xml, at)
    return m === null ? xml : xml.replace(m[0], m[0] + m[0])
  },
  renameElement: (xml, at, n) => {
    const m = elementAt(xml, at)
    const to = ['Active', '__proto__', 'constructor', 'webexid', 'x:' + (m?.[1] ?? ''), 'PRIVILEGE'][n % 6] ?? 'x'
    return m?.[1] === undefined ? xml : xml.replace(m[0], m[0].split(m[1]).join(to))
  },
  reorderChildren: (xml, at) => {
    const m = elementAt(xml, at)
    const next = m === null ? null : elementAt(xml, at + 1)
    return m === null || next === null || m[0] === next[0]
      ? xml
      : xml.replace(m[0], '\u0000').replace(next[0], m[0]).replace('\u0000', next[0])
  },
  injectDoctype: (xml, _at, n) => {
    const declarations = [
      `<!DOCTYPE x [<!ENTITY a "${'x'.repeat(n % 1000)}">]>`,
      '<!DOCTYPE message SYSTEM "file:///etc/passwd">',
      '<!ENTITY e "e">',
    ]
    return `${declarations[n % 3] ?? ''}${xml.replace(/^<\?xml[^>]*\?>/, '')}`
  },
  numericReferences: (xml, at) => xml.replace('<webExId>', `<webExId>${'&#65;'.repeat(at % 500)}`),
  cdataAndComments: (xml, at) => {
    const m = elementAt(xml, at)
    return m?.[3] === undefined
      ? xml
      : xml.replace(m[0], m[0].replace(`>${m[3]}<`, `><!-- x --><![CDATA[${m[3]}]]><?pi ?><`))
  },
  attributeEverywhere: (xml, _at, n) => xml.replace(/<([A-Za-z_][\w:.-]*)>/g, `<$1 a${String(n % 3)}="v">`),
  deepNesting: (xml, at) => {
    const depth = [MAX_DEPTH, MAX_DEPTH + 1, 100, 10_000][at % 4] ?? 17
    return xml.replace('<webExId>', `${'<n>'.repeat(depth)}${'</n>'.repeat(depth)}<webExId>`)
  },
  hugeText: (xml, at) =>
    xml.replace('<webExId>', `<firstName>${'A'.repeat([60_000, 70_000, 1_000_000][at % 3] ?? 1)}</firstName><webExId>`),
}

describe('XML fuzzing (issue 5 §2)', () => {
  it('generated documents: parse never throws, never pollutes (3,000 runs)', () => {
    fc.assert(
      fc.property(node, fc.boolean(), (content, wrapped) => {
        parseBoth(wrapped ? wrap(content) : content)
        noPoisoning()
      }),
      { numRuns: runs(3_000) },
    )
  })

  it('mutated corpus messages: parse never throws, never pollutes (5,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...messages),
        fc.constantFrom(...Object.keys(MUTATIONS)),
        fc.nat(),
        fc.nat(),
        (xml, mutation, at, n) => {
          const mutate = MUTATIONS[mutation]
          if (mutate === undefined) return
          const mutated = mutate(xml, at, n)
          const result = parseBoth(mutated)
          // what must be refused is refused
          if (/<!\s*(DOCTYPE|ENTITY)/i.test(mutated) || new TextEncoder().encode(mutated).length > MAX_MESSAGE_BYTES)
            expect(result).toMatchObject(E.left({ _tag: 'InvalidRequest' }))
          noPoisoning()
        },
      ),
      { numRuns: runs(5_000) },
    )
  })

  const message = messages[0] ?? ''
  const hostile: [string, string][] = [
    [
      'billion laughs',
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${String(i + 1)} "${`&lol${i === 0 ? '' : String(i)};`.repeat(10)}">`).join('')}]>${message.replace(/^<\?xml[^>]*\?>/, '').replace('<webExId>', '<webExId>&lol9;')}`,
    ],
    [
      'one large entity referenced many times',
      `<!DOCTYPE m [<!ENTITY big "${'x'.repeat(9000)}">]>${message.replace('<webExId>', `<webExId>${'&big;'.repeat(2000)}`)}`,
    ],
    ['a million &#65;', message.replace('<webExId>', `<webExId>${'&#65;'.repeat(1_000_000)}`)],
    ['nesting beyond 16', message.replace('<webExId>', `${'<a>'.repeat(17)}${'</a>'.repeat(17)}<webExId>`)],
    ['over 64 KiB', message.replace('<webExId>', `<firstName>${'é'.repeat(40_000)}</firstName><webExId>`)],
    ['external entity', `<!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>${message}`],
  ]
  for (const [name, xml] of hostile) {
    it(`hostile: ${name} ⇒ InvalidRequest`, () => {
      expect(parseSetUserMessage(xml)).toMatchObject(E.left({ _tag: 'InvalidRequest', exceptionID: '999999' }))
      noPoisoning()
    })
  }
})
