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
    let total = 0
    let files = 0
    for (const name of readdirSync(dir)) {
      total += Number(readFileSync(join(dir, name), 'utf8'))
      files++
    }
    rmSync(dir, { recursive: true, force: true })
    console.log(
      `\nproperty cases checked: ${total.toLocaleString('en-US')} (${String(files)} property files; FC_SEED=${
        process.env['FC_SEED'] ?? 'random'
      }, FC_NUM_RUNS=${process.env['FC_NUM_RUNS'] ?? 'default'})`,
    )
  }
}
