import { defineConfig } from 'vitest/config'

// no alias: the service's tests import webex-user-rules as the service does, from the root's
// built dist/ (run `npm run build` at the root first; the root `test:service` script does)
export default defineConfig({
  test: {
    name: 'service',
    include: ['test/**/*.test.ts'],
    // real databases and child processes: generous, but no test measures time
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
