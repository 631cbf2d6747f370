/**
 * Under Stryker only (vitest.config.ts): once a test has failed in a mutant's run, every later test
 * file of that run in this worker fails at once instead of being imported.
 *
 * Stryker runs vitest with `bail: 1`, but the failure reaches vitest's main process in a batch, and
 * by then the worker is importing the next files; their tests are skipped, yet each import was paid
 * (most of a killed mutant's run: docs/testing.md). A mutant is killed by its first failing test, so
 * nothing a later file could report changes its status. The first failure itself is never hidden:
 * this file throws only after it, and only in the run of the same mutant (the mark carries the
 * mutant's id, so a worker that outlived a run could not carry it into the next one).
 */
import { beforeEach, inject } from 'vitest'

const state = globalThis as { __killedMutant?: unknown }
// Stryker's vitest runner provides the run's mode and, in a mutant's run, the mutant's id
const provided = inject as (key: string) => unknown
const id = provided('activeMutant')
const mutant = provided('mode') === 'mutant' && typeof id === 'string' ? id : undefined

if (mutant !== undefined && state.__killedMutant === mutant)
  throw new Error(`skipped: a test has failed already in the run of mutant ${mutant}`)

// outside a mutant's run (Stryker's dry run) there is nothing to mark
if (mutant !== undefined)
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      state.__killedMutant = mutant
    })
  })
