/**
 * The three io-ts codec kinds the model is built from: leaves, exact structs and lists.
 *
 * They are real `t.Type`s (so `t.TypeOf`, `decode`, `is` all work), with two additions the
 * engine relies on:
 * - they are introspectable (`props`, `item`, leaf `kind`), so the merge plan, the XML mapping,
 *   the path classification and the test arbitraries are all derived from one tree;
 * - they decode through an internal walk that allocates nothing on success and returns the input
 *   itself when it is already valid (structural sharing starts at decode), visiting only the keys
 *   that are present.
 *
 * Structs are exact: an unknown key (including an own `__proto__`) is a failure with a
 * "did you mean" hint, never silently stripped.
 *
 * @module
 */
import * as t from 'io-ts'
import { hasPlainPrototype, isDataProperty, isPlainObject, PLAIN_DATA } from './plain.js'

// -------------------------------------------------------------------------------------
// issues (decode failures as data)
// -------------------------------------------------------------------------------------

/** A position inside a value: element names and list indexes from the root. */
export type Path = readonly (string | number)[]

/**
 * What kind of failure a {@link DecodeFailure} is, for programs (the `expected` text is for
 * people): an element the schema does not have, a required element that is absent, a value of the
 * wrong type, a value outside its range or enumeration, a string over its length, a list over its
 * bound, a value in the wrong format, a document that is not well-formed XML, or a size limit of
 * the message (D-E1).
 *
 * @category errors
 */
export type FailureCode =
  | 'unknownElement'
  | 'missingElement'
  | 'wrongType'
  | 'outOfRange'
  | 'tooLong'
  | 'tooMany'
  | 'format'
  | 'document'
  | 'limit'

/** One decode failure, before it is turned into public error data. */
export interface Issue {
  readonly code: FailureCode
  readonly path: Path
  readonly expected: string
  readonly actual: unknown
  readonly hint?: string
}

/**
 * The most failures one `InvalidRequest` reports (D-S2): a hostile message with 16,000 unknown
 * elements gets the first 100 and a note, not 16,000 "did you mean" computations.
 */
export const MAX_REPORTED_ISSUES = 100

/**
 * The issue for an own property that is not plain data (a getter, a setter, a non-enumerable
 * property): it is never read, and nothing of it is shown.
 */
export const notPlainData = (path: Path): Issue => ({
  code: 'wrongType',
  path,
  expected: PLAIN_DATA,
  actual: '(not shown)',
})

/** Renders a path as `a.b[0].c`. */
export const renderPath = (path: Path): string => {
  let out = ''
  for (const k of path) {
    out += typeof k === 'number' ? `[${String(k)}]` : out === '' ? k : `.${k}`
  }
  return out
}

/** What one failure line says: where, what was expected, a hint, and a place in an XML document. */
export interface FailureLine {
  readonly where: string
  readonly expected: string
  readonly hint?: string | undefined
  readonly line?: number | undefined
  readonly column?: number | undefined
}

/**
 * The one rendering of a failure line, `where: expected X[, got Y][ at line L, col C][ (hint)]`:
 * the wire reason, io-ts messages and the readable format all use it. `actual` is already
 * rendered (and secrets in it redacted) by the caller; the reason leaves it out.
 */
export const renderFailureLine = (f: FailureLine, actual?: string): string =>
  `${f.where}: expected ${f.expected}${actual === undefined ? '' : `, got ${actual}`}${
    f.line === undefined ? '' : ` at line ${String(f.line)}, col ${String(f.column ?? 0)}`
  }${f.hint === undefined ? '' : ` (${f.hint})`}`

// -------------------------------------------------------------------------------------
// the node protocol
// -------------------------------------------------------------------------------------

/**
 * Every codec of the model implements `run`: decode `u`, push failures to `issues`, and return
 * the decoded value (the input itself when nothing had to change). `path` is where `u` sits; the
 * walk pushes and pops keys on it and copies it only when it records an issue, so a successful
 * decode allocates nothing.
 */
export interface Runnable {
  run(u: unknown, path: (string | number)[], issues: Issue[]): unknown
}

const toIoTsErrors = (issues: readonly Issue[], context: t.Context, codec: t.Decoder<unknown, unknown>): t.Errors =>
  issues.map((issue) => {
    const ctx: t.ContextEntry[] = [...context]
    for (const k of issue.path) ctx.push({ key: String(k), type: codec })
    return {
      value: issue.actual,
      context: ctx,
      message: renderFailureLine({ where: renderPath(issue.path), expected: issue.expected, hint: issue.hint }),
    }
  })

abstract class ModelType<A> extends t.Type<A> implements Runnable {
  constructor(name: string) {
    super(
      name,
      (u): u is A => {
        const issues: Issue[] = []
        // Stryker disable next-line ArrayDeclaration: equivalent, `is` only counts the issues; the start path only prefixes their paths
        this.run(u, [], issues)
        return issues.length === 0
      },
      (u, c) => {
        const issues: Issue[] = []
        const a = this.run(u, [], issues)
        return issues.length === 0 ? t.success(a as A) : t.failures(toIoTsErrors(issues, c, this))
      },
      t.identity,
    )
  }
  abstract run(u: unknown, path: (string | number)[], issues: Issue[]): unknown
}

// -------------------------------------------------------------------------------------
// leaves
// -------------------------------------------------------------------------------------

/** What a leaf holds; the XML adapter and the arbitraries read it. */
export type LeafSpec =
  | { readonly kind: 'string'; readonly maxLength: number; readonly minLength: number }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'flags' }

/** A leaf codec: a string, boolean, integer or enumeration, with its constraints. */
export class LeafType<A> extends ModelType<A> {
  readonly _tag = 'LeafType' as const
  private readonly enumValues: ReadonlySet<string> | undefined
  constructor(
    name: string,
    readonly spec: LeafSpec,
  ) {
    super(name)
    this.enumValues = spec.kind === 'enum' ? new Set(spec.values) : undefined
  }
  /**
   * Whether `u` passes this leaf. The containers call it before `run` (D-PF-3): a valid leaf then
   * costs one monomorphic call and no path bookkeeping; `run` is only reached to report a failure.
   */
  accepts(u: unknown): boolean {
    const spec = this.spec
    switch (spec.kind) {
      case 'string':
        return typeof u === 'string' && u.length <= spec.maxLength && u.length >= spec.minLength
      case 'boolean':
        return typeof u === 'boolean'
      case 'integer':
        return typeof u === 'number' && Number.isSafeInteger(u) && u >= spec.min && u <= spec.max
      case 'enum':
        // Stryker disable next-line OptionalChaining: equivalent, the constructor sets enumValues for every enum spec
        return typeof u === 'string' && this.enumValues?.has(u) === true
      case 'flags':
        return isPlainObject(u) && Object.values(u).every((v) => typeof v === 'boolean')
    }
  }
  run(u: unknown, path: (string | number)[], issues: Issue[]): unknown {
    if (!this.accepts(u)) issues.push({ code: leafCode(this.spec, u), path: [...path], expected: this.name, actual: u })
    return u
  }
}

/** A LeafType itself, not a subclass whose `run` may decode to a new value. */
const isPlainLeaf = (codec: Runnable): codec is LeafType<unknown> =>
  codec instanceof LeafType && Object.getPrototypeOf(codec) === LeafType.prototype

/** The code of a leaf failure: the right type but outside the constraints, or the wrong type. */
const leafCode = (spec: LeafSpec, u: unknown): FailureCode => {
  switch (spec.kind) {
    case 'string':
      return typeof u !== 'string' ? 'wrongType' : u.length > spec.maxLength ? 'tooLong' : 'outOfRange'
    case 'integer':
      return typeof u === 'number' && Number.isInteger(u) ? 'outOfRange' : 'wrongType'
    case 'enum':
      return typeof u === 'string' ? 'outOfRange' : 'wrongType'
    case 'boolean':
    case 'flags':
      return 'wrongType'
  }
}

/** A string of at most `maxLength` characters (the XSD's / reference guide's limit). */
export const str = (maxLength: number, minLength = 0): LeafType<string> =>
  new LeafType<string>(
    minLength > 0
      ? `string (${String(minLength)}..${String(maxLength)} characters)`
      : `string (max ${String(maxLength)} characters)`,
    { kind: 'string', maxLength, minLength },
  )

/** A boolean (the XML adapter maps TRUE/true/FALSE/false onto it). */
export const bool: LeafType<boolean> = new LeafType<boolean>('boolean', { kind: 'boolean' })

/** An integer in `[min, max]`. */
export const int = (min: number, max: number): LeafType<number> =>
  new LeafType<number>(`integer ${String(min)}..${String(max)}`, { kind: 'integer', min, max })

/** A 64-bit `long` of the schema, limited to what a JSON number holds exactly. */
export const long: LeafType<number> = new LeafType<number>('integer', {
  kind: 'integer',
  min: Number.MIN_SAFE_INTEGER,
  max: Number.MAX_SAFE_INTEGER,
})

/** A count: an integer from 0 up to what a JSON number holds exactly. */
export const count: LeafType<number> = int(0, Number.MAX_SAFE_INTEGER)

/** A map of names to booleans (site feature flags). */
export const flags: LeafType<Readonly<Record<string, boolean>>> = new LeafType<Readonly<Record<string, boolean>>>(
  'a map of names to booleans',
  { kind: 'flags' },
)

/** One of a fixed set of strings. */
export const oneOf = <const V extends readonly [string, ...string[]]>(values: V): LeafType<V[number]> =>
  new LeafType<V[number]>(values.map((v) => JSON.stringify(v)).join(' | '), { kind: 'enum', values })

// -------------------------------------------------------------------------------------
// structs
// -------------------------------------------------------------------------------------

/** The props of a struct: element name → codec. */
export type Props = Readonly<Record<string, ModelCodec>>

/** The decoded type of a struct with props `P`, of which the keys `K` are required. */
export type StructOf<P extends Props, K extends keyof P> = { readonly [k in K]: t.TypeOf<P[k]> } & {
  readonly [k in Exclude<keyof P, K>]?: t.TypeOf<P[k]>
}

/** Case-insensitive match first (the common client mistake, e.g. `Active`), then edit distance ≤ 2. */
export const suggestKey = (key: string, known: readonly string[]): string | undefined => {
  const lower = key.toLowerCase()
  // Stryker disable next-line ArrowFunction,MethodExpression: equivalent, the edit-distance loop below finds the same first name at distance 0 (a name whose upper case is the key's lower case has no cased letters)
  const sameCase = known.find((k) => k.toLowerCase() === lower)
  if (sameCase !== undefined) return sameCase
  let best: string | undefined
  let bestDistance = 3
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase(), bestDistance)
    if (d < bestDistance) {
      best = k
      bestDistance = d
    }
  }
  return best
}

const editDistance = (a: string, b: string, cap: number): number => {
  if (Math.abs(a.length - b.length) >= cap) return cap
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost)
      row.push(v)
      if (v < rowMin) rowMin = v
    }
    if (rowMin >= cap) return cap
    prev = row
  }
  return prev[b.length] ?? cap
}

/** An exact struct: the element's children by local name. */
export class StructType<A> extends ModelType<A> {
  readonly _tag = 'StructType' as const
  // per child: its codec, and the same codec again when it is a plain leaf, found once here rather
  // than with an instanceof and a prototype read for every property of every value walked
  private readonly index: ReadonlyMap<string, StructChild & { readonly leaf: LeafType<unknown> | undefined }>
  private readonly knownKeys: readonly string[]
  constructor(
    name: string,
    /** Every child element, in schema (and rendering) order. */
    readonly props: Props,
    readonly requiredKeys: readonly string[],
  ) {
    super(name)
    this.knownKeys = Object.keys(props)
    this.index = new Map(
      Object.entries(props).map(([key, codec]) => [key, { key, codec, leaf: isPlainLeaf(codec) ? codec : undefined }]),
    )
  }
  /**
   * The child element named `name`, or `undefined` when the struct has none. The XML decoder looks
   * element names up here: a name the parser has just made is found in the map by its hash, where
   * `props[name]` would first look it up among the engine's internalised strings (D-PF-6).
   */
  child(name: string): StructChild | undefined {
    return this.index.get(name)
  }
  run(u: unknown, path: (string | number)[], issues: Issue[]): unknown {
    if (!hasPlainPrototype(u)) {
      issues.push({
        code: 'wrongType',
        path: [...path],
        expected: `${this.name} (an element with children)`,
        actual: u,
      })
      return u
    }
    let out: Record<string, unknown> | undefined
    // each property is read once, from its descriptor: what is checked is what the rules get
    for (const key of Object.getOwnPropertyNames(u)) {
      const property = Object.getOwnPropertyDescriptor(u, key)
      if (!isDataProperty(property)) {
        issues.push(notPlainData([...path, key]))
        continue
      }
      const child = this.index.get(key)
      const value = property.value
      if (child === undefined) {
        const suggestion = issues.length < MAX_REPORTED_ISSUES ? suggestKey(key, this.knownKeys) : undefined
        issues.push({
          code: 'unknownElement',
          path: [...path, key],
          expected: `no element "${key}" in ${this.name}`,
          actual: value,
          ...(suggestion === undefined ? {} : { hint: `did you mean "${suggestion}"?` }),
        })
        continue
      }
      // a leaf returns its input: a valid one needs nothing more
      if (child.leaf?.accepts(value) === true) continue
      path.push(key)
      const decoded = child.codec.run(value, path, issues)
      path.pop()
      if (decoded !== value) {
        out ??= { ...u }
        out[key] = decoded
      }
    }
    for (const key of this.requiredKeys) {
      if (!Object.hasOwn(u, key))
        issues.push({
          code: 'missingElement',
          path: [...path, key],
          expected: `required element "${key}"`,
          actual: undefined,
        })
    }
    return out ?? u
  }
}

/** Builds an exact struct codec: children in schema order, every one optional unless listed in `required`. */
export const struct = <P extends Props, K extends keyof P & string = never>(
  name: string,
  props: P,
  required: readonly K[] = [],
): StructType<StructOf<P, K>> => new StructType<StructOf<P, K>>(name, props, required)

/** Builds an exact struct codec whose every child is required, without restating the keys. */
export const requiredStruct = <P extends Props>(name: string, props: P): StructType<StructOf<P, keyof P & string>> =>
  struct(name, props, Object.keys(props) as (keyof P & string)[])

// -------------------------------------------------------------------------------------
// lists
// -------------------------------------------------------------------------------------

/**
 * A list. `element` is the name of the repeated XML element when the list is a wrapper
 * container (`meetingTypes` → `meetingType`); `undefined` when the list *is* the repeated element
 * inside a container with other children (`personalTeleconf.account`).
 */
export class ListType<A> extends ModelType<readonly A[]> {
  readonly _tag = 'ListType' as const
  constructor(
    name: string,
    readonly item: ModelCodec,
    readonly element: string | undefined,
    readonly minItems: number,
    readonly maxItems: number,
  ) {
    super(name)
  }
  run(u: unknown, path: (string | number)[], issues: Issue[]): unknown {
    if (!Array.isArray(u)) {
      issues.push({ code: 'wrongType', path: [...path], expected: this.name, actual: u })
      return u
    }
    if (u.length < this.minItems) {
      issues.push({
        code: 'missingElement',
        path: [...path],
        expected: `${this.name} with at least ${String(this.minItems)} item(s)`,
        actual: u,
      })
      return u
    }
    if (u.length > this.maxItems) {
      issues.push({
        code: 'tooMany',
        path: [...path],
        expected: `${this.name} with at most ${String(this.maxItems)} item(s)`,
        actual: u.length,
      })
      return u
    }
    let out: unknown[] | undefined
    const item = this.item
    const leaf = isPlainLeaf(item) ? item : undefined
    for (let i = 0; i < u.length; i++) {
      const property = Object.getOwnPropertyDescriptor(u, i)
      if (!isDataProperty(property)) {
        issues.push(notPlainData([...path, i]))
        continue
      }
      const value = property.value
      if (leaf?.accepts(value) === true) continue
      path.push(i)
      const decoded = this.item.run(value, path, issues)
      path.pop()
      if (decoded !== value) {
        out ??= u.slice()
        out[i] = decoded
      }
    }
    return out ?? u
  }
}

/** Builds a list codec. */
export const list = <C extends ModelCodec>(
  item: C,
  options: { readonly element?: string; readonly minItems?: number; readonly maxItems?: number } = {},
): ListType<t.TypeOf<C>> =>
  new ListType<t.TypeOf<C>>(
    `list of ${item.name}`,
    item,
    options.element,
    options.minItems ?? 0,
    options.maxItems ?? Number.POSITIVE_INFINITY,
  )

// -------------------------------------------------------------------------------------
// the closed set of codecs and helpers over it
// -------------------------------------------------------------------------------------

/** What the walkers see of a leaf. */
export interface LeafInfo {
  readonly _tag: 'LeafType'
  readonly spec: LeafSpec
}
/** What the walkers see of a struct. */
export interface StructInfo {
  readonly _tag: 'StructType'
  readonly props: Props
  readonly requiredKeys: readonly string[]
  /** The child element named `name`, or `undefined` when the struct has none (see {@link StructType.child}). */
  child(name: string): StructChild | undefined
}
/** A child of a struct, as {@link StructInfo.child} finds it. */
export interface StructChild {
  /** Its key in `props`: the struct's own string, so a value written under it has a known key. */
  readonly key: string
  /** Its codec: `props[key]`. */
  readonly codec: ModelCodec
}
/** What the walkers see of a list. */
export interface ListInfo {
  readonly _tag: 'ListType'
  readonly item: ModelCodec
  readonly element: string | undefined
  readonly minItems: number
  readonly maxItems: number
}

/** Any codec of the model: an io-ts codec that is one of the three introspectable kinds. */
export type ModelCodec = t.Mixed & Runnable & (LeafInfo | StructInfo | ListInfo)

/** Decodes `u` with `codec`; failures are collected, not thrown. */
export const runCodec = <A>(
  codec: t.Type<A> & Runnable,
  u: unknown,
  path: Path = [],
): { readonly value: A; readonly issues: readonly Issue[] } => {
  const issues: Issue[] = []
  const value = codec.run(u, [...path], issues) as A
  return { value, issues }
}

/** The path of `key` below `parent` (a new array: for callers that keep paths, such as the XML adapter). */
export const childPath = (parent: Path, key: string | number): Path => [...parent, key]

/** The path of a root element. */
export const rootPath = (key: string | number): Path => [key]
