/**
 * Issue 11 item 1: the service is built on the published entry points of webex-user-rules, the
 * root package's built dist/ (linked by the npm workspace), not on its sources.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs'
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

  it('every path its package.json `files` lists exists (dist/ after the build)', () => {
    const manifest: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    const files =
      typeof manifest === 'object' && manifest !== null && 'files' in manifest && Array.isArray(manifest.files)
        ? manifest.files.map(String)
        : []
    expect(files).toContain('dist')
    expect(files.filter((f) => !existsSync(new URL(`../${f}`, import.meta.url)))).toEqual([])
  })
})
