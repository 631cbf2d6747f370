/**
 * Issue 11 item 1: the service is built on the published entry points of webex-user-rules, the
 * root package's built dist/ (linked by the npm workspace), not on its sources.
 */
import { realpathSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = `${realpathSync(fileURLToPath(new URL('../../', import.meta.url)))}/`

describe('the service package', () => {
  it('resolves webex-user-rules and webex-user-rules/xml to the root dist/', () => {
    const require = createRequire(import.meta.url)
    expect(realpathSync(require.resolve('webex-user-rules'))).toBe(`${ROOT}dist/index.js`)
    expect(realpathSync(require.resolve('webex-user-rules/xml'))).toBe(`${ROOT}dist/xml/index.js`)
  })

  it('imports the engine and the XML adapter through those entry points', async () => {
    const core = await import('webex-user-rules')
    const xml = await import('webex-user-rules/xml')
    expect(typeof core.applySetUser).toBe('function')
    expect(typeof xml.parseRequestMessage).toBe('function')
  })
})
