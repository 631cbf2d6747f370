import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// tests import the public package name, resolved to the sources
const alias = { 'webex-user-rules': fileURLToPath(new URL('./src/index.ts', import.meta.url)) }

export default defineConfig({
  resolve: { alias },
  test: {
    // vitest's default is one worker less than the cores: on a 2-core CI machine that is one
    // worker, and the property files (CPU-bound) would run one after the other
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'property',
          include: ['property-tests/**/*.test.ts'],
          setupFiles: ['property-tests/fc-setup.ts'],
          globalSetup: ['property-tests/global-setup.ts'],
          isolate: false,
          testTimeout: 120_000,
        },
      },
    ],
  },
})
