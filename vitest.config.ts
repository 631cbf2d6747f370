import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// tests import the public package names, resolved to the sources (exact matches, so that
// `webex-user-rules` does not also capture `webex-user-rules/xml`)
const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url))
const alias = [
  { find: /^webex-user-rules$/, replacement: source('./src/index.ts') },
  { find: /^webex-user-rules\/xml$/, replacement: source('./src/xml/index.ts') },
]

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
