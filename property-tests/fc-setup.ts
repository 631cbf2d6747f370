/**
 * fast-check settings for every property file: a fixed seed and run count from the environment.
 *
 * - `FC_SEED`: the seed (CI sets one, so runs are reproducible; Stryker runs use 42).
 * - `FC_NUM_RUNS`: runs per property (default 100); properties that need more ask for a multiple.
 */
import fc from 'fast-check'

const seedEnv = process.env['FC_SEED'] ?? (process.env['STRYKER_MUTATOR_WORKER'] === undefined ? undefined : '42')

fc.configureGlobal({
  ...(seedEnv === undefined ? {} : { seed: Number(seedEnv) }),
  numRuns: Number(process.env['FC_NUM_RUNS'] ?? 100),
})
