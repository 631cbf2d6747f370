/**
 * Structure rules the compiler does not enforce: no circular imports inside src/, the XML parser
 * only behind the `webex-user-rules/xml` entry, fp-ts only through the package's import map (which
 * plain Node ESM resolves to fp-ts/lib and bundlers to fp-ts/es6, D-BD-1), io-ts only as the root.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const src = resolve(import.meta.dirname, '..', 'src')

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )

// comments are removed first: their @example imports are documentation, not dependencies; static
// imports and re-exports, side-effect imports (`import './x.js'`) and dynamic `import('x')` all count
const importsOf = (file: string): string[] =>
  [
    ...readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*'([^']+)'|^\s*import\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? '')

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
  // entries are the subpaths built on the engine and the wire: explain, schema, testing, new-user
  const LAYERS = ['model', 'errors', 'rules', 'pipeline', 'operations', 'xml', 'entries', 'cli'] as const
  const layerOf = (file: string): number => {
    const [top] = file.split(/[\\/]/)
    if (top === 'model' || top === 'internal') return 0
    if (top === 'errors') return 1
    if (top === 'rules') return 2
    if (file === 'pipeline.ts' || file === 'decode.ts' || file === 'siteRules.ts') return 3
    if (top === 'operations' || file === 'index.ts') return 4
    if (top === 'xml') return 5
    if (top === 'explain' || top === 'schema' || top === 'testing' || top === 'newUser') return 6
    if (top === 'cli') return 7
    return -1
  }
  const PACKAGE_ENTRIES: Readonly<Record<string, string>> = {
    'webex-user-rules': 'index.ts',
    'webex-user-rules/xml': join('xml', 'index.ts'),
    'webex-user-rules/explain': join('explain', 'index.ts'),
    'webex-user-rules/testing': join('testing', 'index.ts'),
    'webex-user-rules/new-user': join('newUser', 'index.ts'),
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

  // the service is the top layer: it reaches the engine only through the package's published entries,
  // as an embedder would, and nothing in the package reaches back into it
  it('D-E5 the service imports the package only through its published entries, and src/ never imports the service', () => {
    const service = resolve(src, '..', 'service', 'src')
    const SERVICE_PACKAGE = (
      JSON.parse(readFileSync(resolve(service, '..', 'package.json'), 'utf8')) as { name: string }
    ).name
    const pkg = JSON.parse(readFileSync(join(src, '..', 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>
    }
    const published = new Set(
      Object.keys(pkg.exports)
        .filter((entry) => !entry.includes('*') && entry !== './package.json')
        .map((entry) => (entry === '.' ? 'webex-user-rules' : `webex-user-rules/${entry.slice(2)}`)),
    )
    const offenders = files(service).flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) =>
            (spec.startsWith('webex-user-rules') && !published.has(spec)) ||
            (spec.startsWith('.') && !resolve(dirname(file), spec).startsWith(service)),
        )
        .map((spec) => `${relative(service, file)} → ${spec}`),
    )
    expect(offenders).toEqual([])
    expect(files(service).some((file) => importsOf(file).includes('webex-user-rules'))).toBe(true)
    const upward = files(src).flatMap((file) =>
      importsOf(file)
        .filter((spec) =>
          spec.startsWith('.')
            ? resolve(dirname(file), spec).startsWith(resolve(service, '..'))
            : spec === SERVICE_PACKAGE,
        )
        .map((spec) => `${relative(src, file)} → ${spec}`),
    )
    expect(upward).toEqual([])
  })

  it('D-E7 every entry point of the package has an API report, checked by npm run api:check', () => {
    const root = resolve(src, '..')
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, { types?: string } | string>
    }
    const typed = Object.values(pkg.exports).flatMap((target) =>
      typeof target === 'object' && target.types !== undefined ? [target.types.replace(/^\.\//, '')] : [],
    )
    const reported = readdirSync(root)
      .filter((name) => /^api-extractor.*\.json$/.test(name))
      .map(
        (name) =>
          JSON.parse(readFileSync(join(root, name), 'utf8')) as {
            mainEntryPointFilePath?: string
            apiReport?: { reportFileName?: string }
          },
      )
      .filter((config) => existsSync(join(root, 'etc', config.apiReport?.reportFileName ?? 'webex-user-rules.api.md')))
      .map((config) =>
        (config.mainEntryPointFilePath ?? '<projectFolder>/dist/index.d.ts').replace('<projectFolder>/', ''),
      )
    expect(typed.filter((types) => !reported.includes(types))).toEqual([])
    expect(typed.length).toBeGreaterThanOrEqual(5)
  })

  // D-BD-1: bundlers take fp-ts's ES modules through the package's import map, Node its CommonJS build
  it('D-BD-1 imports fp-ts only through the import map (#fp-ts/<Module>.js) and io-ts only as the root', () => {
    const bad = files(src).flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) => /^(fp-ts|io-ts)\//.test(spec) || (spec.startsWith('#') && !/^#fp-ts\/[A-Za-z]+\.js$/.test(spec)),
        )
        .map((spec) => `${relative(src, file)}: ${spec}`),
    )
    expect(bad).toEqual([])
  })

  it('D-BD-1 the import map sends bundlers to fp-ts/es6 and Node to fp-ts/lib, and both exist', () => {
    const pkg = JSON.parse(readFileSync(join(src, '..', 'package.json'), 'utf8')) as {
      imports?: Record<string, unknown>
    }
    expect(pkg.imports).toEqual({ '#fp-ts/*': { module: 'fp-ts/es6/*', default: 'fp-ts/lib/*' } })
    const modules = new Set(
      files(src).flatMap((file) =>
        importsOf(file).flatMap((spec) => /^#fp-ts\/([A-Za-z]+\.js)$/.exec(spec)?.[1] ?? []),
      ),
    )
    expect([...modules]).toContain('Either.js')
    // Node's own resolver (conditions require/node/default) through the package's map
    const require = createRequire(join(src, '..', 'package.json'))
    for (const module of modules) {
      expect(require.resolve(`#fp-ts/${module}`)).toBe(require.resolve(`fp-ts/lib/${module}`))
      expect(existsSync(join(dirname(require.resolve(`fp-ts/lib/${module}`)), '..', 'es6', module))).toBe(true)
    }
  })

  // the conformance kit (src/testing) drives a live endpoint: its time limit and run ids are not the core's
  it('the core never reads a clock or randomness', () => {
    // the kit and the executable's process wiring (its terminal progress line) are not the core
    const impure = files(src).filter(
      (file) =>
        !relative(src, file).startsWith('testing') &&
        relative(src, file) !== join('cli', 'main.ts') &&
        /\b(Date\.now|new Date|Math\.random|performance\.now|crypto\.)/.test(readFileSync(file, 'utf8')),
    )
    expect(impure.map((f) => relative(src, f))).toEqual([])
  })
})
