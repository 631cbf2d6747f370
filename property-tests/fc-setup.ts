/**
 * fast-check settings for every property file: a fixed seed and run count from the environment,
 * and the hand-over of the file's case count to the global setup.
 *
 * - `FC_SEED`: the seed (CI sets one, so runs are reproducible; Stryker runs use 42).
 * - `FC_NUM_RUNS`: runs per property (default 100); properties that need more ask for a multiple
 *   (`support/runs.ts`).
 */
import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, inject } from 'vitest'
import { takeCases } from './support/cases.js'

const seedEnv = process.env['FC_SEED'] ?? (process.env['STRYKER_MUTATOR_WORKER'] === undefined ? undefined : '42')

fc.configureGlobal({
  ...(seedEnv === undefined ? {} : { seed: Number(seedEnv) }),
  numRuns: Number(process.env['FC_NUM_RUNS'] ?? 100),
})

// vitest reads the hook's first parameter as a fixture list, so it must be a destructuring pattern
// eslint-disable-next-line no-empty-pattern
afterAll(({}, suite) => {
  const n = takeCases()
  const dir = inject('fcCasesDir')
  // the global setup is absent when a file runs outside the property project (e.g. some IDEs)
  if (n > 0 && typeof dir === 'string')
    writeFileSync(join(dir, `${randomUUID()}.json`), JSON.stringify({ file: suite.file.name, cases: n }))
})
