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

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)\s[^'"]*?from\s*'([^']+)'/gm)].map((m) => m[1] ?? '')

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

  it('imports fast-xml-parser only under src/xml/', () => {
    const offenders = files(src).filter(
      (file) =>
        !relative(src, file).startsWith('xml') && importsOf(file).some((spec) => spec.startsWith('fast-xml-parser')),
    )
    expect(offenders).toEqual([])
  })

  it('imports fp-ts and io-ts only as the root or lib/<Module>.js', () => {
    const bad = files(src).flatMap((file) =>
      importsOf(file)
        .filter((spec) => /^(fp-ts|io-ts)\//.test(spec) && !/^(fp-ts|io-ts)\/lib\/[A-Za-z]+\.js$/.test(spec))
        .map((spec) => `${relative(src, file)}: ${spec}`),
    )
    expect(bad).toEqual([])
  })

  it('the core never reads a clock or randomness', () => {
    const impure = files(src).filter((file) =>
      /\b(Date\.now|new Date|Math\.random|performance\.now|crypto\.)/.test(readFileSync(file, 'utf8')),
    )
    expect(impure.map((f) => relative(src, f))).toEqual([])
  })
})
