/**
 * D-PF-6: the fast path of readDocument (src/xml/plainDocument.ts). It reads the documents real
 * clients send (the corpus) into the tree the saxes reader builds, declines everything it does not
 * handle itself (each reason of its header, and every failure), and builds by itself the trees
 * written out below by hand. property-tests/xml/plainDocument.prop.test.ts holds it to saxes on
 * generated documents.
 */
import { readdirSync, readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { MAX_DEPTH, MAX_ELEMENTS, readDocument, readWithSaxes, type XmlElement } from '../../src/xml/document.js'
import { readPlainDocument } from '../../src/xml/plainDocument.js'
import { readPlainDocument as readPlainDocumentInBrowsers } from '../../src/xml/plainDocument.browser.js'

const plain = (xml: string): XmlElement | undefined => readPlainDocument(xml, MAX_ELEMENTS, MAX_DEPTH)

/** An element as the readers build it (`text` trimmed, attributes by local name). */
const el = (
  name: string,
  parts: { attributes?: Record<string, string>; children?: XmlElement[]; text?: string } = {},
): XmlElement => ({
  name,
  attributes: new Map(Object.entries(parts.attributes ?? {})),
  children: parts.children ?? [],
  text: parts.text ?? '',
})

/** `depth` elements `<d>` nested in one another, the innermost holding `x`. */
const nested = (depth: number): string => `${'<d>'.repeat(depth)}x${'</d>'.repeat(depth)}`
const nestedTree = (depth: number): XmlElement => {
  let tree = el('d', { text: 'x' })
  for (let level = 1; level < depth; level++) tree = el('d', { children: [tree] })
  return tree
}
/** A root `<r>` with `children` empty elements `<e/>`: `children + 1` elements in all. */
const flat = (children: number): string => `<r>${'<e/>'.repeat(children)}</r>`

const CORPUS = new URL('../fixtures/corpus/', import.meta.url)
const CORPUS_FILES = readdirSync(CORPUS).filter((file) => file.endsWith('.xml'))

describe('D-PF-6 the fast path reads every corpus message saxes reads, into the same tree', () => {
  it('the corpus is there, and saxes reads all of it but its two malformed messages', () => {
    const refused = CORPUS_FILES.filter((file) => E.isLeft(readWithSaxes(readFileSync(new URL(file, CORPUS), 'utf8'))))
    expect(CORPUS_FILES.length).toBeGreaterThanOrEqual(60)
    // corpus.test.ts and listAndLogin.test.ts: a mis-nested element, and a malformed Cisco response
    expect(refused).toEqual(['authenticateuser-response-atlas-1.xml', 'setuser-wxdash-13.xml'])
  })

  it.each(CORPUS_FILES)('%s', (file) => {
    const xml = readFileSync(new URL(file, CORPUS), 'utf8')
    const saxes = readWithSaxes(xml)
    if (E.isLeft(saxes)) {
      expect(plain(xml)).toBeUndefined()
      return
    }
    const tree = plain(xml)
    expect(tree).not.toBeUndefined()
    expect(tree).toStrictEqual(saxes.right)
    expect(readDocument(xml)).toStrictEqual(saxes)
  })
})

describe('D-PF-6 the fast path declines what it does not read itself; readDocument then answers as saxes', () => {
  // [why, document, whether the saxes reader reads it]
  const cases: readonly (readonly [string, string, boolean])[] = [
    ['a processing instruction before the root', '<?x y?><a/>', true],
    ['a processing instruction inside the root', '<a><?x y?></a>', true],
    ['a non-ASCII element name', '<é/>', true],
    ['a non-ASCII attribute name', '<a é="1"/>', true],
    ['an entity other than the five predefined ones (&nbsp;)', '<a>&nbsp;</a>', false],
    ['an entity without its semicolon', '<a>&amp</a>', false],
    ['a reference to a character that is not an XML character (&#0;)', '<a>&#0;</a>', false],
    ['a reference to a surrogate (&#xD800;)', '<a x="&#xD800;"/>', false],
    ['a hexadecimal reference with an upper-case X (&#X41;)', '<a>&#X41;</a>', false],
    ['a character reference longer than the scanner reads', '<a>&#00000000065;</a>', true],
    [']]> in text', '<a>x]]>y</a>', false],
    ['-- inside a comment', '<a><!-- a -- b --></a>', false],
    ['a comment ending in --->', '<a><!-- a ---></a>', false],
    ['<!DOCTYPE inside a comment', '<a><!-- <!DOCTYPE a> --></a>', false],
    ['<!ENTITY inside a CDATA section', '<a><![CDATA[<!ENTITY e "x">]]></a>', false],
    ['<! inside a comment (not a declaration)', '<a><!-- <!x --></a>', true],
    ['a CDATA section outside the root', '<![CDATA[x]]><a/>', false],
    ['a duplicate attribute', '<a x="1" x="2"/>', false],
    ['a duplicate namespace declaration', '<a xmlns:p="urn:a" xmlns:p="urn:b"/>', false],
    ['no white space between attributes', '<a x="1"y="2"/>', false],
    ['< in an attribute value', '<a x="<"/>', false],
    ['an unquoted attribute value', '<a x=1/>', false],
    ['an attribute value that never closes', '<a x="1/>', false],
    ['a mismatched end tag', '<a></b>', false],
    ['</ab> closing <a>', '<a></ab>', false],
    ['an end tag without the prefix of its start tag', '<p:a></a>', false],
    ['a space between the slash and the >', '<a/ >', false],
    ['two roots', '<a/><b/>', false],
    ['text after the root', '<a/>x', false],
    ['text before the root', 'x<a/>', false],
    ['an unclosed root', '<a>', false],
    ['no root at all', '<!-- c -->', false],
    ['an empty document', '', false],
    ['U+0001 in text', '<a>\u0001</a>', false],
    ['U+0001 in a comment', '<a><!--\u0001--></a>', false],
    ['U+FFFF in text', '<a>\uFFFF</a>', false],
    ['U+FFFE in an attribute value', '<a x="\uFFFE"/>', false],
    ['a lone high surrogate', '<a>\uD800x</a>', false],
    ['a lone high surrogate before markup', '<a>\uD800</a></a>', false],
    ['a lone low surrogate', '<a>x\uDC00</a>', false],
    ['an XML declaration with version 1.1', '<?xml version="1.1"?><a/>', true],
    ['an XML declaration with a bad encoding name', '<?xml version="1.0" encoding="8bit"?><a/>', false],
    ['an XML declaration after white space', ' <?xml version="1.0"?><a/>', false],
    ['a byte order mark twice', '\uFEFF\uFEFF<a/>', false],
    ['a DOCTYPE', '<!DOCTYPE a><a/>', false],
    [`elements nested ${String(MAX_DEPTH + 1)} deep`, nested(MAX_DEPTH + 1), false],
    [`${String(MAX_ELEMENTS + 1)} elements`, flat(MAX_ELEMENTS), false],
  ]
  it.each(cases)('%s', (_, xml, saxesReads) => {
    expect(plain(xml)).toBeUndefined()
    const saxes = readWithSaxes(xml)
    expect(E.isRight(saxes)).toBe(saxesReads)
    expect(readDocument(xml)).toStrictEqual(saxes)
  })
})

describe('D-PF-6 the fast path builds the tree saxes builds (written out by hand)', () => {
  const cases: readonly (readonly [string, string, XmlElement])[] = [
    ['CR LF and CR in text become LF', '<a>1\r\n2\r3\n4\r\n</a>', el('a', { text: '1\n2\n3\n4' })],
    [
      'CR LF, CR, LF and TAB in attribute values become spaces (CR LF one space)',
      '<a x="1\r\n\t2" y="a\rb\nc\r\n"/>',
      el('a', { attributes: { x: '1  2', y: 'a b c ' } }),
    ],
    [
      'references to CR, LF and TAB in attribute values are kept',
      '<a x="&#13;&#10;&#9;" y="\r&#10;"/>',
      el('a', { attributes: { x: '\r\n\t', y: ' \n' } }),
    ],
    ['&#13; is kept in text, where trimming keeps a CR', '<a>\r\n&#13;x&#13; \n</a>', el('a', { text: '\rx\r' })],
    [
      'the five entities and character references are decoded',
      '<a x="&lt;&amp;&gt;&quot;&apos;&#65;&#x41;">&amp;&lt;&gt;&quot;&apos;&#65;&#x41;&#x1F600;&#128512;&#x00000041;</a>',
      el('a', { attributes: { x: '<&>"\'AA' }, text: '&<>"\'AA😀😀A' }),
    ],
    [
      'CDATA is kept verbatim between trimmed text runs',
      '<a> x <![CDATA[ <b>&amp; ]]> y </a>',
      el('a', { text: 'x <b>&amp; y' }),
    ],
    ['CR LF and CR in CDATA become LF', '<a><![CDATA[1\r\n2\r3]]></a>', el('a', { text: '1\n2\n3' })],
    ['a CDATA section ending in ]]]>', '<a><![CDATA[x]]]></a>', el('a', { text: 'x]' })],
    ['a comment splits the text into runs trimmed apart', '<a> x <!--c--> y </a>', el('a', { text: 'xy' })],
    [
      'text around a child: each run trimmed, the runs joined',
      '<a> 1 <b> 2 </b> 3 </a>',
      el('a', { text: '13', children: [el('b', { text: '2' })] }),
    ],
    [
      'namespace declarations are dropped; element and attribute names lose their prefix',
      '<serv:message xmlns:serv="urn:s" xmlns="urn:d" serv:id="1" x="2"><serv:body xmlns:use="urn:u"><use:a/></serv:body></serv:message>',
      el('message', { attributes: { id: '1', x: '2' }, children: [el('body', { children: [el('a')] })] }),
    ],
    [
      'two attributes with the same local name: the later one counts',
      '<a p:x="1" q:x="2"/>',
      el('a', { attributes: { x: '2' } }),
    ],
    [
      'names with a leading or trailing colon, dots, dashes and underscores',
      '<:x _u="1" A.b-c="2" :z="3" a:="4"><a:b:c/></:x>',
      el('x', { attributes: { _u: '1', 'A.b-c': '2', z: '3', '': '4' }, children: [el('b:c')] }),
    ],
    [
      'a byte order mark, an XML declaration, comments and white space around the root',
      '\uFEFF<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!-- c -->\n<a/>\n<!-- d -->\r\n',
      el('a'),
    ],
    [
      'an XML declaration in single quotes, with white space around =',
      "<?xml\tversion = '1.0'\r\nencoding = 'ISO-8859-1' ?><a/>",
      el('a'),
    ],
    [
      'white space inside end tags and before the end of start tags',
      '<a ><b></b ><c\r\n></c\r\n\t></a\n>',
      el('a', { children: [el('b'), el('c')] }),
    ],
    [
      'self-closing tags with and without white space',
      '<a><b/><c /><d\r\n/><e x="1"/></a>',
      el('a', { children: [el('b'), el('c'), el('d'), el('e', { attributes: { x: '1' } })] }),
    ],
    [
      'the other quote, > and ]]> in attribute values; white space around =',
      `<a x='"&gt;>' y = "'" z\t=\r\n"]]>"/>`,
      el('a', { attributes: { x: '">>', y: "'", z: ']]>' } }),
    ],
    [
      'non-ASCII text; a no-break space and an ideographic space are trimmed, NEL is not',
      '<a><b>\u00a0é€😀\u3000</b><c>\u0085x\u0085</c></a>',
      el('a', { children: [el('b', { text: 'é€😀' }), el('c', { text: '\u0085x\u0085' })] }),
    ],
    [`elements nested ${String(MAX_DEPTH)} deep`, nested(MAX_DEPTH), nestedTree(MAX_DEPTH)],
    [
      `${String(MAX_ELEMENTS)} elements`,
      flat(MAX_ELEMENTS - 1),
      el('r', { children: Array.from({ length: MAX_ELEMENTS - 1 }, () => el('e')) }),
    ],
  ]
  it.each(cases)('%s', (_, xml, tree) => {
    expect(plain(xml)).toStrictEqual(tree)
    expect(readWithSaxes(xml)).toStrictEqual(E.right(tree))
    expect(readDocument(xml)).toStrictEqual(E.right(tree))
  })
})

describe('D-PF-6 an unpaired high surrogate is refused before saxes, which would read it with the next unit', () => {
  // saxes 6 alone reads `<a>\uD800</a></a>` as one <a> whose text is `\uD800</a>`; the reader refuses
  // it where saxes refuses any other character XML forbids, at the surrogate's line and column
  it.each([
    ['<a>\uD800x</a>', 1, 4],
    ['<a>\n <b>\uD800</b></a></a>', 2, 5],
    ['<a x="\uD800"/>"/>', 1, 7],
    ['<a>😀\uD800&amp;</a>', 1, 6],
    ['<a>x</a>\uD800', 1, 9],
  ])('%j', (xml, line, column) => {
    const expected = E.left([
      {
        code: 'document',
        path: '',
        expected: 'well-formed XML (XML characters only)',
        actual: 'disallowed character',
        line,
        column,
      },
    ])
    expect(readWithSaxes(xml)).toStrictEqual(expected)
    expect(readDocument(xml)).toStrictEqual(expected)
  })
  it('a high surrogate followed by its low surrogate is a character like any other', () => {
    expect(readDocument('<a>\uD83D\uDE00</a>')).toStrictEqual(E.right(el('a', { text: '😀' })))
  })
})

describe('D-BD-5 browser builds get a fast path that declines every document, so saxes reads them all', () => {
  it('package.json maps the fast path to the declining one for bundlers with the browser condition', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      browser?: unknown
    }
    expect(manifest.browser).toStrictEqual({ './dist/xml/plainDocument.js': './dist/xml/plainDocument.browser.js' })
  })
  it('the browser fast path declines every corpus message, each of which the Node one reads', () => {
    const messages = readdirSync(CORPUS)
      .filter((name) => name.endsWith('.xml'))
      .map((name) => readFileSync(new URL(name, CORPUS), 'utf8'))
      .filter((xml) => plain(xml) !== undefined)
    expect(messages.length).toBeGreaterThan(50)
    for (const xml of messages) expect(readPlainDocumentInBrowsers(xml, MAX_ELEMENTS, MAX_DEPTH)).toBeUndefined()
  })
})
