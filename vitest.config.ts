import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import { defineConfig } from 'vitest/config'

// tests import the public package names, resolved to the sources (exact matches, so that
// `webex-user-rules` does not also capture `webex-user-rules/xml`)
const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url))
const alias = [
  { find: /^webex-user-rules$/, replacement: source('./src/index.ts') },
  { find: /^webex-user-rules\/xml$/, replacement: source('./src/xml/index.ts') },
  { find: /^webex-user-rules\/testing$/, replacement: source('./src/testing/index.ts') },
  { find: /^webex-user-rules\/explain$/, replacement: source('./src/explain/index.ts') },
  { find: /^webex-user-rules\/new-user$/, replacement: source('./src/newUser/index.ts') },
]

/**
 * Under Stryker each mutant re-runs the tests that cover it and stops at the first failure, so
 * the cheapest sharp tests go first: every unit file, then the property files from the fastest
 * to the slowest (docs/testing.md). Outside Stryker vitest's own order is kept.
 */
const PROPERTY_ORDER = [
  'model/tables',
  'rules/security',
  'rules/rolePrecedence',
  'rules/authorization',
  'rules/smeProducts',
  'model/differential',
  'errors/nearValid',
  'rules/accounts',
  'laws/pipeline',
  'model/sequences',
  'rules/optionReset',
  'rules/hostLimit',
  'rules/pin',
]
// unit files that take a second or more because they run many documents or a whole server: after the
// property files, so that a mutant the fast files kill never waits for them
const SLOW_UNIT = ['test/docs/examples', 'test/server/server', 'test/cli/audit', 'test/schema/jsonSchema']
const rank = (spec: TestSpecification): number => {
  if (spec.project.name === 'unit')
    return SLOW_UNIT.some((name) => spec.moduleId.includes(`${name}.test.ts`)) ? PROPERTY_ORDER.length + 1 : -1
  const index = PROPERTY_ORDER.findIndex((name) => spec.moduleId.includes(`property-tests/${name}.prop.test.ts`))
  return index === -1 ? PROPERTY_ORDER.length : index
}
class MutationSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return Promise.resolve([...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId)))
  }
}
const underStryker = process.env['STRYKER_MUTATOR_WORKER'] !== undefined
// a worker's test files after its first failure fail at once, instead of being imported (the file says why)
const MUTATION_BAIL = 'test/support/mutationBail.ts'

export default defineConfig({
  resolve: { alias },
  test: {
    // vitest's default is one worker less than the cores: on a 2-core CI machine that is one
    // worker, and the property files (CPU-bound) would run one after the other. Under Stryker its
    // own workers are the parallelism: a second vitest worker per mutant run only imports src/ again
    maxWorkers: underStryker ? 1 : Math.max(2, availableParallelism() - 1),
    ...(underStryker ? { sequence: { sequencer: MutationSequencer } } : {}),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          setupFiles: underStryker ? [MUTATION_BAIL] : [],
          // the built package's processes run dist/, which Stryker does not mutate (and building
          // in its sandbox would only cost time); the type tests do not run mutated code either
          // the kit's whole-system runs (D-MU-6) test src/testing against the example server, with the
          // engine on both sides of each comparison: a mutant of src/ moves prediction and answer alike
          ...(underStryker
            ? {
                exclude: [
                  'test/built/**',
                  'test/testing/conformance.test.ts',
                  'test/testing/tickets.test.ts',
                  'test/testing/cli.test.ts',
                  'node_modules/**',
                ],
              }
            : {}),
          // the type tests; tsconfig.json includes test/, so a wrong expectation really fails
          typecheck: { enabled: !underStryker, include: ['test/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
          // the engine is pure and no test mocks a module, so files can share the module graph:
          // this saves re-importing src/ per file (most of the unit project's time, and of each
          // mutant's run under Stryker)
          isolate: false,
          // a time limit is not an expectation: the tests that start processes (the CLI, the
          // service) take seconds on a loaded CI machine, and vitest's 5 s default failed one there
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'property',
          include: ['property-tests/**/*.test.ts'],
          setupFiles: ['property-tests/fc-setup.ts', ...(underStryker ? [MUTATION_BAIL] : [])],
          globalSetup: ['property-tests/global-setup.ts'],
          isolate: false,
          testTimeout: 120_000,
        },
      },
    ],
  },
})
