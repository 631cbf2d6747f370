import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// tests import the public package name, resolved to the sources
const alias = { 'webex-user-rules': fileURLToPath(new URL('./src/index.ts', import.meta.url)) }

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          // the type tests; tsconfig.json includes test/, so a wrong expectation really fails
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'property',
          include: ['property-tests/**/*.test.ts'],
          setupFiles: ['property-tests/fc-setup.ts'],
          isolate: false,
          testTimeout: 120_000,
        },
      },
    ],
  },
})
