/**
 * Structure rules the compiler does not enforce: no circular imports inside src/, the XML parser
 * only behind the `webex-user-rules/xml` entry, fp-ts / io-ts only through paths plain Node ESM
 * resolves.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const src = resolve(import.meta.dirname, '..', 'src')

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )

// comments are removed first: their @example imports are documentation, not dependencies
const importsOf = (file: string): string[] =>
  [
    ...readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*'([^']+)'/gm),
  ].map((m) => m[1] ?? '')

const graph = new Map(
  files(src).map((file) => [
    relative(src, file),
    importsOf(file)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => relative(src, resolve(dirname(file), spec.replace(/\.js$/, '.ts')))),
  ]),
)

describe('architecture', () => {
  it('has no circular imports inside src/', () => {
    const cycles: string[] = []
    const state = new Map<string, 'visiting' | 'done'>()
    const visit = (node: string, stack: string[]): void => {
      if (state.get(node) === 'done') return
      if (state.get(node) === 'visiting') {
        cycles.push([...stack.slice(stack.indexOf(node)), node].join(' → '))
        return
      }
      state.set(node, 'visiting')
      for (const next of graph.get(node) ?? []) visit(next, [...stack, node])
      state.set(node, 'done')
    }
    for (const node of graph.keys()) visit(node, [])
    expect(cycles).toEqual([])
  })

  it('resolves every relative import to a file of src/', () => {
    const missing = [...graph].flatMap(([from, tos]) =>
      tos.filter((to) => !graph.has(to)).map((to) => `${from} → ${to}`),
    )
    expect(missing).toEqual([])
  })

  it('D-E3 imports the XML parser (saxes) only in src/xml/document.ts, and never fast-xml-parser', () => {
    const offenders = files(src).filter((file) =>
      importsOf(file).some(
        (spec) =>
          spec === 'fast-xml-parser' || (spec === 'saxes' && relative(src, file) !== join('xml', 'document.ts')),
      ),
    )
    expect(offenders).toEqual([])
    expect(importsOf(join(src, 'xml', 'document.ts'))).toContain('saxes')
  })

  it('imports commander only under src/cli/', () => {
    const offenders = files(src).filter(
      (file) => !relative(src, file).startsWith('cli') && importsOf(file).some((spec) => spec === 'commander'),
    )
    expect(offenders).toEqual([])
  })

  // model ← errors ← rules ← pipeline ← operations ← xml ← entries ← cli: a module imports only from
  // its own layer or the layers before it (the package names count as their entry files); the
  // entries are the subpaths built on the engine and the wire: explain, schema, testing
  const LAYERS = ['model', 'errors', 'rules', 'pipeline', 'operations', 'xml', 'entries', 'cli'] as const
  const layerOf = (file: string): number => {
    const [top] = file.split(/[\\/]/)
    if (top === 'model' || top === 'internal') return 0
    if (top === 'errors') return 1
    if (top === 'rules') return 2
    if (file === 'pipeline.ts' || file === 'decode.ts' || file === 'siteRules.ts') return 3
    if (top === 'operations' || file === 'index.ts') return 4
    if (top === 'xml') return 5
    if (top === 'explain' || top === 'schema' || top === 'testing') return 6
    if (top === 'cli') return 7
    return -1
  }
  const PACKAGE_ENTRIES: Readonly<Record<string, string>> = {
    'webex-user-rules': 'index.ts',
    'webex-user-rules/xml': join('xml', 'index.ts'),
    'webex-user-rules/explain': join('explain', 'index.ts'),
    'webex-user-rules/testing': join('testing', 'index.ts'),
  }

  it('D-E5 every module of src/ belongs to a layer', () => {
    expect([...graph.keys()].filter((file) => layerOf(file) === -1)).toEqual([])
  })

  it('D-E5 the layer order holds: model ← errors ← rules ← pipeline ← operations ← xml ← cli', () => {
    const upward = [...graph.keys()].flatMap((from) => {
      const targets = [
        ...(graph.get(from) ?? []),
        ...importsOf(join(src, from)).flatMap((spec) => PACKAGE_ENTRIES[spec] ?? []),
      ]
      return targets
        .filter((to) => layerOf(to) > layerOf(from))
        .map((to) => `${from} (${LAYERS[layerOf(from)] ?? '?'}) → ${to} (${LAYERS[layerOf(to)] ?? '?'})`)
    })
    expect(upward).toEqual([])
  })

  it('imports fp-ts and io-ts only as the root or lib/<Module>.js', () => {
    const bad = files(src).flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^(fp-ts|io-ts)\//.test(spec) && !/^(fp-ts|io-ts)\/lib\/[A-Za-z]+\.js$/.test(spec))
        .map((spec) => `${relative(src, file)}: ${spec}`),
    )
    expect(bad).toEqual([])
  })

  // the conformance kit (src/testing) drives a live endpoint: its time limit and run ids are not the core's
  it('the core never reads a clock or randomness', () => {
    const impure = files(src).filter(
      (file) =>
        !relative(src, file).startsWith('testing') &&
        /\b(Date\.now|new Date|Math\.random|performance\.now|crypto\.)/.test(readFileSync(file, 'utf8')),
    )
    expect(impure.map((f) => relative(src, f))).toEqual([])
  })
})
