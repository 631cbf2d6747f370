/**
 * How many runs a property gets.
 *
 * Each property asks for the runs it needs in a default CI run (`FC_NUM_RUNS` unset, i.e. the
 * fast-check default of 100): at least 1,000 for a law, 10,000 for the differential. Setting
 * `FC_NUM_RUNS` scales every property by `FC_NUM_RUNS / 100` (so `FC_NUM_RUNS=1000` runs ten
 * times more). Under Stryker (`STRYKER_MUTATOR_WORKER` set) every mutant re-runs the suite, so
 * runs are scaled down and the largest enumerations use their reduced form (`MUTATION_RUN`).
 */
const numRunsEnv = process.env['FC_NUM_RUNS']

/** True when the suite runs under Stryker's mutation testing. */
export const MUTATION_RUN = process.env['STRYKER_MUTATOR_WORKER'] !== undefined

const scale = numRunsEnv === undefined ? (MUTATION_RUN ? 0.02 : 1) : Number(numRunsEnv) / 100

/** The run count for a property that needs `n` runs in a default CI run. */
export const runs = (n: number): number => Math.max(10, Math.round(n * scale))

/** True when the run uses the default run count (CI), so distribution checks have enough samples. */
export const FULL_RUN = !MUTATION_RUN && (numRunsEnv === undefined || Number(numRunsEnv) >= 100)
