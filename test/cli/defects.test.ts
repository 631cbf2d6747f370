/**
 * A bug of the engine (`EngineDefect`) as the CLI reports it: one line with one program prefix,
 * exit 2 (D-E2); in `batch`, the result lines written before it stand. The engine's applySetUser
 * is replaced by one that fails on the request named `boom`.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { CliIO } from '../../src/cli/run.js'

// the unit project shares one module graph between files (isolate: false): the engine is
// replaced for a fresh graph of this file only, and put back after it
const mockEngine = (): void => {
  vi.doMock('webex-user-rules', async (importOriginal) => {
    const engine = await importOriginal<typeof import('webex-user-rules')>()
    return {
      ...engine,
      applySetUser: (...args: Parameters<typeof engine.applySetUser>) => {
        const body = args[2].body as { firstName?: string }
        if (body.firstName === 'boom') throw new engine.EngineDefect(new TypeError('x is undefined'))
        return engine.applySetUser(...args)
      },
    }
  })
  vi.resetModules()
}
let run: typeof import('../../src/cli/run.js').run
let runAsync: typeof import('../../src/cli/run.js').runAsync
beforeAll(async () => {
  mockEngine()
  ;({ run, runAsync } = await import('../../src/cli/run.js'))
})
afterAll(() => {
  vi.doUnmock('webex-user-rules')
  vi.resetModules()
})

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DEMO = 'examples/demo/'
const io = (extra: Record<string, string>): CliIO => ({
  isTTY: false,
  readFile: (path) =>
    extra[path] !== undefined ? new TextEncoder().encode(extra[path]) : readFileSync(new URL(path, `file://${ROOT}`)),
})
const user = JSON.parse(readFileSync(`${ROOT}${DEMO}jdoe.json`, 'utf8')) as object
const site = JSON.parse(readFileSync(`${ROOT}${DEMO}site.json`, 'utf8')) as object
const line = (firstName: string): string =>
  JSON.stringify({ user, site, request: { body: { webExId: 'jdoe', firstName } } })

describe('an engine defect in the CLI', () => {
  it('is one line with one "webex-user-rules:" prefix, exit 2', () => {
    const result = run(
      ['apply', '--user', `${DEMO}jdoe.json`, '--site', `${DEMO}site.json`, '--request', 'r.json'],
      io({ 'r.json': JSON.stringify({ webExId: 'jdoe', firstName: 'boom' }) }),
    )
    expect(result).toEqual({
      stdout: '',
      stderr: 'webex-user-rules: internal error (a bug in the engine, please report it): TypeError: x is undefined\n',
      exitCode: 2,
    })
  })

  it('stops a batch, and the lines before it stand: written as they completed, or returned', async () => {
    const input = [line('One'), line('Two'), line('boom'), line('Four')].join('\n')
    const written: string[] = []
    const streamed = await runAsync(['batch', '--input', 'in.ndjson'], {
      ...io({ 'in.ndjson': input }),
      writeOut: (text) => {
        written.push(text)
      },
    })
    expect(streamed.exitCode).toBe(2)
    expect(written.map((l) => (JSON.parse(l) as { line: number; status: string }).line)).toEqual([1, 2])
    expect(streamed.stderr).toBe(
      'webex-user-rules: internal error (a bug in the engine, please report it): TypeError: x is undefined (after line 2)\n' +
        'batch: 2 requests, 2 applied, 0 refused, 0 unusable before it stopped\n',
    )
    const returned = await runAsync(['batch', '--input', 'in.ndjson'], io({ 'in.ndjson': input }))
    expect(returned.exitCode).toBe(2)
    expect(returned.stdout.trim().split('\n')).toHaveLength(2)
  })
})
