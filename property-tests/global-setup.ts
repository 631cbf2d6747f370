/**
 * Global setup of the property project: a directory where each test file leaves the number of
 * cases it checked, and a teardown that prints the total of the run (docs/testing.md).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    fcCasesDir: string
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'webex-user-rules-fc-cases-'))
  project.provide('fcCasesDir', dir)
  return () => {
    const perFile: { file: string; cases: number }[] = readdirSync(dir).map(
      (name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as { file: string; cases: number },
    )
    rmSync(dir, { recursive: true, force: true })
    const total = perFile.reduce((sum, { cases }) => sum + cases, 0)
    const lines = perFile
      .sort((a, b) => b.cases - a.cases)
      .map(({ file, cases }) => `  ${cases.toLocaleString('en-US').padStart(9)}  ${file}`)
    console.log(
      [
        '',
        `property cases checked: ${total.toLocaleString('en-US')} (FC_SEED=${process.env['FC_SEED'] ?? 'random'}, FC_NUM_RUNS=${
          process.env['FC_NUM_RUNS'] ?? 'default'
        })`,
        ...lines,
      ].join('\n'),
    )
  }
}
