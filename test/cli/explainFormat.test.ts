/**
 * `--format explain` (D-PG1): the trace of explainSetUser through the command line.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { run, type CliIO } from '../../src/cli/run.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const io: CliIO = { isTTY: false, readFile: (path) => readFileSync(new URL(path, `file://${ROOT}`)) }

const apply = (request: string, ...more: string[]) =>
  run(
    [
      'apply',
      '--user',
      'examples/demo/jdoe.json',
      '--site',
      'examples/demo/site.json',
      '--request',
      `examples/demo/${request}`,
      '--format',
      'explain',
      ...more,
    ],
    io,
  )

describe('--format explain', () => {
  it('R2 the meetingType 105 example: the change, its rule and the seed sentence; exit 0', () => {
    const out = apply('meetingtype-105.xml')
    expect(out.exitCode).toBe(0)
    expect(out.stdout.split('\n').slice(0, 2)).toEqual([
      'SetUser jdoe by admin (siteAdmin): SUCCESS',
      '  [merge] R2    changed  meetingTypes: [1,2,3] → [105]',
    ])
    expect(out.stdout).toContain('seed: “However, if a complex element (like <meetingType>)')
  })

  it('R7 the PIN 1234 example: the error with its exceptionID and rule; exit 1; the PIN is not echoed', () => {
    const out = apply('pin-1234.xml')
    expect(out.exitCode).toBe(1)
    expect(out.stdout).toContain('[validation] R7    error    InvalidPin (exceptionID 999999)')
    expect(out.stdout.replaceAll('1234.', '').replaceAll('1111 or 1234', '')).not.toContain('1234')
  })

  it('explain is accepted by apply only: the other commands keep json|xml|diff', () => {
    const out = run(
      ['get', '--users', 'examples/demo/jdoe.json', '--request', 'examples/demo/jdoe.json', '--format', 'explain'],
      io,
    )
    expect(out.exitCode).toBe(2)
    expect(out.stderr).toContain("argument 'explain' is invalid. Allowed choices are json, xml, diff.")
  })
})
