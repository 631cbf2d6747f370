/**
 * Every `@example` in the sources runs as a test (the docs-ts habit): each `expr //=> value`
 * line, or an `//=> value` line after a one-line expression, asserts `expr` deep-equals `value`.
 * An example without any `//=>` assertion fails, so documentation cannot drift silently.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as api from 'webex-user-rules'
import * as xml from 'webex-user-rules/xml'
import * as testing from 'webex-user-rules/testing'
import fc from 'fast-check'
import * as explain from 'webex-user-rules/explain'
import * as newUser from 'webex-user-rules/new-user'

const root = join(import.meta.dirname, '..', '..')

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  )

interface Example {
  readonly where: string
  readonly code: string
}

const examplesOf = (file: string): Example[] => {
  const text = readFileSync(file, 'utf8')
  const examples: Example[] = []
  for (const comment of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
    const lines = comment.split('\n').map((line) => line.replace(/^\s*\*\s?/, ''))
    const start = lines.findIndex((line) => line.trim().startsWith('@example'))
    if (start === -1) continue
    const open = lines.findIndex((line, i) => i > start && line.trim().startsWith('```'))
    const close = lines.findIndex((line, i) => i > open && line.trim() === '```')
    if (open === -1 || close === -1) continue
    const at = text.indexOf(comment)
    const line = text.slice(0, at).split('\n').length
    examples.push({ where: `${relative(root, file)}:${String(line)}`, code: lines.slice(open + 1, close).join('\n') })
  }
  return examples
}

const bracketBalance = (code: string): number => {
  let balance = 0
  for (const c of code) balance += '([{'.includes(c) ? 1 : ')]}'.includes(c) ? -1 : 0
  return balance
}

// the compiler is loaded by the first example that runs, not when the file is collected: under
// Stryker a mutant another file kills can still have this file collected (≈0.8 s for the import)
let compiler: typeof import('typescript') | undefined
const transpile = async (body: string): Promise<string> => {
  compiler ??= (await import('typescript')).default
  return compiler.transpileModule(body, { compilerOptions: { target: compiler.ScriptTarget.ES2022 } }).outputText
}

/** Turns `//=>` lines into checks and the package import into a destructuring of the API. */
const toRunnable = async (code: string): Promise<{ readonly js: string; readonly checks: number }> => {
  const out: string[] = []
  let checks = 0
  for (const raw of code.split('\n')) {
    const line = raw
      .replace(/import\s*\{([^}]*)\}\s*from\s*'webex-user-rules'/, 'const {$1} = __api')
      .replace(/import\s*\{([^}]*)\}\s*from\s*'webex-user-rules\/xml'/, 'const {$1} = __xml')
      .replace(/import\s*\{([^}]*)\}\s*from\s*'webex-user-rules\/testing'/, 'const {$1} = __testing')
      .replace(/import\s+fc\s+from\s*'fast-check'/, 'const fc = __fc')
      .replace(/import\s*\{([^}]*)\}\s*from\s*'webex-user-rules\/explain'/, 'const {$1} = __explain')
      .replace(/import\s*\{([^}]*)\}\s*from\s*'webex-user-rules\/new-user'/, 'const {$1} = __newUser')
    const sameLine = /^(.*\S)\s*\/\/=>\s*(.+)$/.exec(line)
    const ownLine = /^\s*\/\/=>\s*(.+)$/.exec(line)
    if (ownLine?.[1] !== undefined) {
      // the asserted expression is the previous statement, possibly spanning several lines
      const statement: string[] = []
      do statement.unshift(out.pop() ?? '')
      while (out.length > 0 && bracketBalance(statement.join('\n')) !== 0)
      out.push(`__check((${statement.join('\n').replace(/;\s*$/, '')}), (${ownLine[1]}))`)
      checks++
    } else if (sameLine?.[1] !== undefined && sameLine[2] !== undefined && !sameLine[1].trim().startsWith('//')) {
      out.push(`__check((${sameLine[1].replace(/;\s*$/, '')}), (${sameLine[2]}))`)
      checks++
    } else {
      out.push(line)
    }
  }
  // an async body, so examples of asynchronous functions can await them
  const body = `return (async () => {\n${out.join('\n')}\n})()`
  return { js: await transpile(body), checks }
}

const examples = sourceFiles(join(root, 'src')).flatMap(examplesOf)

describe('@example blocks run as tests', () => {
  it('there are examples to run', () => {
    expect(examples.length).toBeGreaterThan(20)
  })

  const importedFrom = (entry: string): Set<string> =>
    new Set(
      examples.flatMap((e) =>
        [...e.code.matchAll(new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*'${entry}'`, 'g'))].flatMap((m) =>
          (m[1] ?? '').split(',').map((name) => name.trim()),
        ),
      ),
    )

  it('every value the package exports has an example that imports it', () => {
    const imported = importedFrom('webex-user-rules')
    expect(Object.keys(api).filter((name) => !imported.has(name))).toEqual([])
  })

  it('every value webex-user-rules/xml exports has an example that imports it', () => {
    const imported = importedFrom('webex-user-rules/xml')
    expect(Object.keys(xml).filter((name) => !imported.has(name))).toEqual([])
  })

  it('every value webex-user-rules/explain exports has an example that imports it', () => {
    const imported = importedFrom('webex-user-rules/explain')
    expect(Object.keys(explain).filter((name) => !imported.has(name))).toEqual([])
  })

  it('every value webex-user-rules/new-user exports has an example that imports it', () => {
    const imported = importedFrom('webex-user-rules/new-user')
    expect(Object.keys(newUser).filter((name) => !imported.has(name))).toEqual([])
  })

  for (const example of examples) {
    it(example.where, async () => {
      const { js, checks } = await toRunnable(example.code)
      expect(checks, 'an example must assert at least one `//=>` result').toBeGreaterThan(0)
      let ran = 0
      const check = (actual: unknown, expected: unknown): void => {
        ran++
        expect(actual).toEqual(expected)
      }
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the example code is ours, from src/
      const runExample = new Function(
        '__api',
        '__xml',
        '__testing',
        '__fc',
        '__check',
        '__explain',
        '__newUser',
        js,
      ) as (
        a: typeof api,
        x: typeof xml,
        t: typeof testing,
        f: typeof fc,
        c: typeof check,
        e: typeof explain,
        n: typeof newUser,
      ) => Promise<void>
      await runExample(api, xml, testing, fc, check, explain, newUser)
      expect(ran).toBe(checks)
    })
  }
})
