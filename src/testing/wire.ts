/**
 * Request messages as real clients write them (docs/spec.md §5, test/fixtures/corpus/INDEX.md): the `serv:` prefix
 * declared or not, children unprefixed or with `serv:`/`use:`, booleans `true` or `TRUE`, the
 * elements of bodyContent in schema order or in another order, compact or indented, and either
 * xsi:type spelling. Every style must mean the same message to a Webex-compatible server.
 */
import fc from 'fast-check'
import { isPlainObject, type ModelCodec } from '../index.js'
import { type RequestMessage, requestTypes, SERV_NS, XSI_NS } from '../xml/index.js'
import { RequestHeader } from '../xml/envelope.js'
import { escapeAttribute, escapeText } from '../xml/toXml.js'
import { OPERATIONS } from '../xml/operations.js'

/** How a client writes a message. */
export interface ClientStyle {
  /** Whether `xmlns:serv` is declared on the root (clients in the corpus omit it). */
  readonly declareServ: boolean
  /** The prefix written on the elements below the root: none, `serv:`, or `use:` on bodyContent's children. */
  readonly childPrefix: '' | 'serv:' | 'use:'
  /** `true`/`false` or `TRUE`/`FALSE`. */
  readonly upperCaseBooleans: boolean
  /** 0: schema order; otherwise a seed that shuffles the elements of bodyContent. */
  readonly order: number
  /** Indented (one element per line) or all on one line. */
  readonly indent: boolean
  /** 0: `java:com.webex.service.binding.user.X`; 1: the `…xmlapi.service…` spelling. */
  readonly typeSpelling: 0 | 1
}

/** The style of `renderRequestMessage` (and most clients). */
export const PLAIN_STYLE: ClientStyle = {
  declareServ: true,
  childPrefix: '',
  upperCaseBooleans: false,
  order: 0,
  indent: false,
  typeSpelling: 0,
}

/**
 * Every way of writing a message this kit varies.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { clientStyleArb } from 'webex-user-rules/testing'
 * fc.sample(clientStyleArb, { numRuns: 1, seed: 1 })[0] !== undefined //=> true
 * ```
 */
export const clientStyleArb: fc.Arbitrary<ClientStyle> = fc.record({
  declareServ: fc.boolean(),
  childPrefix: fc.constantFrom<ClientStyle['childPrefix']>('', 'serv:', 'use:'),
  upperCaseBooleans: fc.boolean(),
  order: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 0x7fffffff })),
  indent: fc.boolean(),
  typeSpelling: fc.constantFrom<0 | 1>(0, 1),
})

const BODY_CODECS: Readonly<Record<RequestMessage['operation'], ModelCodec>> = OPERATIONS

/** A deterministic shuffle (xorshift), so a style value names one order. */
const shuffle = <T>(items: readonly T[], seed: number): T[] => {
  const out = [...items]
  let state = seed | 1
  for (let i = out.length - 1; i > 0; i--) {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    const j = (state >>> 0) % (i + 1)
    const a = out[i] as T
    out[i] = out[j] as T
    out[j] = a
  }
  return out
}

const leaf = (value: unknown, style: ClientStyle): string =>
  typeof value === 'boolean'
    ? style.upperCaseBooleans
      ? String(value).toUpperCase()
      : String(value)
    : typeof value === 'string'
      ? escapeText(value)
      : String(value)

const element = (codec: ModelCodec, name: string, value: unknown, style: ClientStyle, depth: number): string => {
  const tag = `${style.childPrefix}${name}`
  const pad = style.indent ? `\n${'  '.repeat(depth)}` : ''
  switch (codec._tag) {
    case 'LeafType':
      return `${pad}<${tag}>${leaf(value, style)}</${tag}>`
    case 'StructType': {
      const inner = children(codec, value, style, depth + 1, false)
      return inner === '' ? `${pad}<${tag}/>` : `${pad}<${tag}>${inner}${pad}</${tag}>`
    }
    case 'ListType': {
      const items = Array.isArray(value) ? (value as readonly unknown[]) : []
      const itemName = codec.element
      if (itemName === undefined) return items.map((item) => element(codec.item, name, item, style, depth)).join('')
      const inner = items.map((item) => element(codec.item, itemName, item, style, depth + 1)).join('')
      return inner === '' ? `${pad}<${tag}/>` : `${pad}<${tag}>${inner}${pad}</${tag}>`
    }
  }
}

const children = (codec: ModelCodec, value: unknown, style: ClientStyle, depth: number, top: boolean): string => {
  if (codec._tag !== 'StructType' || !isPlainObject(value)) return ''
  const names = Object.keys(codec.props).filter((name) => Object.hasOwn(value, name) && value[name] !== undefined)
  // clients reorder the elements of bodyContent (a map serialised in its own order), not inside them
  const ordered = top && style.order !== 0 ? shuffle(names, style.order) : names
  return ordered
    .map((name) => {
      const child = codec.props[name]
      return child === undefined ? '' : element(child, name, value[name], style, depth)
    })
    .join('')
}

/**
 * Writes a request message in a client's style. Passwords and other values are written as they
 * are: the result is what goes over the wire.
 *
 * @example
 * ```ts
 * import { parseRequestMessage } from 'webex-user-rules/xml'
 * import { renderClientMessage } from 'webex-user-rules/testing'
 * const message = { operation: 'SetUser' as const, securityContext: { webExID: 'admin' }, body: { webExId: 'jdoe', active: 'ACTIVATED' as const, privilege: { host: true } } }
 * const xml = renderClientMessage(message, { declareServ: false, childPrefix: 'use:', upperCaseBooleans: true, order: 7, indent: true, typeSpelling: 1 })
 * xml.includes('<use:host>TRUE</use:host>') //=> true
 * parseRequestMessage(xml) //=> { _tag: 'Right', right: message }
 * ```
 */
export const renderClientMessage = (message: RequestMessage, style: ClientStyle = PLAIN_STYLE): string => {
  const servNs = style.declareServ ? ` xmlns:serv="${SERV_NS}"` : ''
  const p = style.childPrefix === 'use:' ? '' : style.childPrefix
  const nl = style.indent ? '\n' : ''
  const header = children(
    RequestHeader,
    { securityContext: message.securityContext },
    { ...style, childPrefix: p },
    2,
    false,
  )
  const type = requestTypes(message.operation)[style.typeSpelling]
  const body = children(BODY_CODECS[message.operation], message.body, style, 3, true)
  return (
    `<?xml version="1.0" encoding="UTF-8"?>${nl}` +
    `<serv:message${servNs} xmlns:xsi="${XSI_NS}">${nl}` +
    `<${p}header>${header}${nl}</${p}header>${nl}` +
    `<${p}body>${nl}<${p}bodyContent xsi:type="${escapeAttribute(type)}">${body}${nl}</${p}bodyContent>${nl}</${p}body>${nl}` +
    `</serv:message>${nl}`
  )
}

/**
 * A message and one client's writing of it.
 *
 * @example
 * ```ts
 * import fc from 'fast-check'
 * import { parseRequestMessage } from 'webex-user-rules/xml'
 * import { clientXmlArb } from 'webex-user-rules/testing'
 * const message = { operation: 'GetUser' as const, securityContext: { webExID: 'admin' }, body: { webExId: 'jdoe' } }
 * fc.sample(clientXmlArb(fc.constant(message)), { numRuns: 10, seed: 3 }).every(({ xml }) => parseRequestMessage(xml)._tag === 'Right') //=> true
 * ```
 */
export const clientXmlArb = (
  messages: fc.Arbitrary<RequestMessage>,
): fc.Arbitrary<{ readonly message: RequestMessage; readonly style: ClientStyle; readonly xml: string }> =>
  fc
    .tuple(messages, clientStyleArb)
    .map(([message, style]) => ({ message, style, xml: renderClientMessage(message, style) }))
