/**
 * The one-pass well-formedness check against fast-xml-parser's XMLValidator as an oracle: whatever
 * `wellFormed` accepts, the validator accepts too (over generated fragments, with mis-nesting,
 * stray markup and references on purpose), and on the corpus both agree.
 */
import { readdirSync, readFileSync } from 'node:fs'
// eslint-disable-next-line no-restricted-imports -- the validator is the oracle of src/xml/wellFormed.ts
import { XMLValidator } from 'fast-xml-parser'
import fc from 'fast-check'
import { runs } from '../support/runs.js'
import { describe, expect, it } from 'vitest'
import { wellFormed } from '../../src/xml/wellFormed.js'

// eslint-disable-next-line @typescript-eslint/no-deprecated -- the oracle; the product uses wellFormed
const validatorAccepts = (xml: string): boolean => XMLValidator.validate(xml) === true

const name = fc.constantFrom('a', 'b', 'use:c', 'x-1', '_y', 'A', 'é', '1bad', ':', 'a b')
const token = fc.oneof(
  name.map((n) => `<${n}>`),
  name.map((n) => `</${n}>`),
  name.map((n) => `<${n}/>`),
  fc.tuple(name, name).map(([n, a]) => `<${n} ${a}="v">`),
  fc.tuple(name, name).map(([n, a]) => `<${n} ${a}='v' ${a}="w">`),
  fc.constantFrom('text', ' ', '&amp;', '&lt;', '&#65;', '&#x1F600;', '&nbsp;', '&', '&#;', '<', '>', ']]>', '"', "'"),
  fc.constantFrom(
    '<!-- c -->',
    '<!-- a -- b -->',
    '<![CDATA[<x>&]]>',
    '<![CDATA[x',
    '<?pi data?>',
    '<?xml version="1.0"?>',
    '<!x>',
  ),
)
const fragment = fc.array(token, { maxLength: 14 }).map((parts) => parts.join(''))
const rooted = fc.tuple(name, fragment).map(([n, inner]) => `<${n}>${inner}</${n}>`)

const corpus = readdirSync(new URL('../../test/fixtures/corpus/', import.meta.url))
  .filter((f) => f.endsWith('.xml'))
  .map((f) => [f, readFileSync(new URL(`../../test/fixtures/corpus/${f}`, import.meta.url), 'utf8')] as const)

describe('wellFormed: sound against XMLValidator', () => {
  it('whatever wellFormed accepts, XMLValidator accepts (20,000 generated documents)', () => {
    let accepted = 0
    fc.assert(
      fc.property(fc.oneof(fragment, rooted), (xml) => {
        if (wellFormed(xml) === undefined) {
          accepted++
          expect(validatorAccepts(xml)).toBe(true)
        }
      }),
      { numRuns: runs(20_000) },
    )
    // the generator reaches both answers
    expect(accepted).toBeGreaterThan(500)
  })

  it('agrees with XMLValidator on every corpus file', () => {
    for (const [file, xml] of corpus) {
      expect([file, wellFormed(xml) === undefined]).toEqual([file, validatorAccepts(xml)])
    }
  })

  it('refuses what the validator lets through but XML forbids: two roots, trailing text', () => {
    for (const xml of ['<a/><b/>', '<a/>text', '<a></a>\n<a></a>']) {
      expect(wellFormed(xml)).toBeDefined()
    }
  })
})
