import { defineConfig } from 'vitest/config'

// The playground's browser tests: Debian's Chromium, headless, through playwright-core. Their own
// config (and JSON report in CI), apart from `npm test`: they build the page and start a browser.
export default defineConfig({
  test: {
    name: 'playground',
    root: new URL('.', import.meta.url).pathname,
    include: ['test/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // one browser, one page server: the files run one after the other
    fileParallelism: false,
  },
})
