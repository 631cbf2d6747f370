/**
 * docs/spec.md §5 properties of the wire adapter, over values generated from the codec tree itself
 * (so every element of the model is exercised, not only the ones the corpus uses):
 * - render → parse is the identity for SetUser bodies and (up to what GetUser cannot show) users;
 * - broken or hostile input never throws and never pollutes prototypes.
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { GetUserView, SetUserBody, toGetUserView, User, type ModelCodec } from 'webex-user-rules'
import {
  parseGetUserResponse,
  parseSetUserMessage,
  renderGetUserResponse,
  renderSetUserMessage,
  SecurityContext,
} from 'webex-user-rules/xml'

// Text that survives the wire: XML characters, markup characters that need escaping, non-ASCII,
// inner whitespace; no surrounding whitespace (values are trimmed, D-X12).
const CHARS = ['a', 'Z', '0', '9', ' ', '\t', '\n', '&', '<', '>', '"', "'", ';', '#', 'é', '€', '😀', ']]>', '&amp;']
const text = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...CHARS), { maxLength: Math.min(maxLength, 12) })
    .map((parts) =>
      parts
        .join('')
        .trim()
        .slice(0, maxLength)
        .replace(/[\uD800-\uDBFF]$/, '')
        .trim(),
    )
    .map((s) => (s.length >= minLength ? s : s + 'x'.repeat(minLength - s.length)))

const integer = (min: number, max: number): fc.Arbitrary<number> =>
  min >= -(2 ** 31) && max <= 2 ** 31 - 1
    ? fc.integer({ min, max })
    : fc.oneof(fc.integer(), fc.constantFrom(min, max, 0), fc.maxSafeInteger()).filter((n) => n >= min && n <= max)

/** An arbitrary of the values a codec accepts, derived from its tree. */
const arbitraryOf = (codec: ModelCodec): fc.Arbitrary<unknown> => {
  switch (codec._tag) {
    case 'LeafType': {
      const spec = codec.spec
      switch (spec.kind) {
        case 'string':
          return text(spec.minLength, spec.maxLength)
        case 'boolean':
          return fc.boolean()
        case 'integer':
          return integer(spec.min, spec.max)
        case 'enum':
          return fc.constantFrom(...spec.values)
        case 'flags':
          return fc.dictionary(fc.string(), fc.boolean())
      }
      break
    }
    case 'StructType':
      return fc.record(Object.fromEntries(Object.entries(codec.props).map(([k, c]) => [k, arbitraryOf(c)])), {
        requiredKeys: [...codec.requiredKeys],
      })
    case 'ListType':
      return fc.array(arbitraryOf(codec.item), { minLength: codec.minItems, maxLength: 3 })
  }
}

const bodies = arbitraryOf(SetUserBody) as fc.Arbitrary<SetUserBody>
const users = arbitraryOf(User) as fc.Arbitrary<User>
const contexts = arbitraryOf(SecurityContext) as fc.Arbitrary<SecurityContext>

/**
 * An empty repeated-element list is the same as none on the wire (D-X13: `<account>` elements
 * have no wrapper to show an empty list with; R10 reads both as "no change").
 */
const withoutEmptyAccounts = <T extends Pick<User, 'personalTeleconf' | 'thirdPartyTeleconf'>>(value: T): T => {
  const out: Record<string, unknown> = { ...value }
  for (const key of ['personalTeleconf', 'thirdPartyTeleconf'] as const) {
    const container = value[key]
    if (container?.account?.length === 0) {
      const { account: _empty, ...others } = container
      out[key] = others
    }
  }
  return out as T
}

/** What GetUser can show of a stored user: no password (masked), no engine-only flag, active always (D-GV-3). */
const visible = (user: User): User => {
  const { password: _masked, designatedChatUser: _engineOnly, ...rest } = user
  return withoutEmptyAccounts({ ...rest, active: user.active ?? 'ACTIVATED' })
}

describe('docs/spec.md §5 wire properties', () => {
  it('render → parse is the identity on every SetUser body and securityContext the codecs accept', () => {
    fc.assert(
      fc.property(contexts, bodies, (securityContext, body) => {
        expect(parseSetUserMessage(renderSetUserMessage({ securityContext, body }))).toEqual(
          E.right({ securityContext, body: withoutEmptyAccounts(body) }),
        )
      }),
    )
  })

  it('GetUser render → parse gives back the stored user, up to what GetUser cannot show', () => {
    fc.assert(
      fc.property(users, (user) => {
        expect(parseGetUserResponse(renderGetUserResponse(user))).toEqual(E.right(visible(user)))
      }),
    )
  })

  it('D-GV-1/D-GV-3 every GetUser view lists its elements in the response order and always says active', () => {
    const order = Object.keys(GetUserView.props)
    fc.assert(
      fc.property(users, (user) => {
        const view = toGetUserView(user)
        const positions = Object.keys(view).map((key) => order.indexOf(key))
        expect(positions).toEqual([...positions].sort((a, b) => a - b))
        expect(positions).not.toContain(-1)
        expect(view.active).toBe(user.active ?? 'ACTIVATED')
      }),
    )
  })

  it('a damaged message never throws: it parses, or it is an InvalidRequest', () => {
    const damaged = fc
      .tuple(contexts, bodies, fc.nat(), fc.nat({ max: 20 }), fc.constantFrom('<', '>', '&', '/', '"', '<!', ']]>', ''))
      .map(([securityContext, body, at, cut, insert]) => {
        const xml = renderSetUserMessage({ securityContext, body })
        const i = at % xml.length
        return xml.slice(0, i) + insert + xml.slice(i + cut)
      })
    fc.assert(
      fc.property(damaged, (xml) => {
        const result = parseSetUserMessage(xml)
        if (E.isLeft(result)) expect(result.left._tag).toBe('InvalidRequest')
      }),
    )
  })

  it('D-X6 an element named after an Object.prototype property, anywhere in the body, is refused without pollution', () => {
    const dangerous = fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'valueOf',
      '__defineGetter__',
    )
    fc.assert(
      fc.property(bodies, dangerous, fc.nat(), (body, name, at) => {
        const xml = renderSetUserMessage({ securityContext: {}, body })
        // insert right after the start of some element inside bodyContent
        const starts = [...xml.matchAll(/<[A-Za-z][^>/]*>/g)].map((m) => m.index + m[0].length)
        const inside = starts.filter((i) => i > xml.indexOf('<bodyContent'))
        const i = inside[at % inside.length] ?? xml.indexOf('</bodyContent>')
        const hostile = `${xml.slice(0, i)}<${name}><polluted>true</polluted></${name}>${xml.slice(i)}`
        const result = parseSetUserMessage(hostile)
        expect(E.isLeft(result)).toBe(true)
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
      }),
    )
  })
})
