/**
 * `--format explain` (D-PG1): the trace of each command's explain function through the command
 * line — apply (SetUser), create, get, delete, activate, inactivate.
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

  it('D-OP-1 D-OP-19 D-OP4 get: the read rule, the lookup and the masked password, each with its decision; exit 0', () => {
    const out = run(['get', '--users', 'examples/demo/jdoe.json', '--request', '-', '--format', 'explain'], {
      ...io,
      readStdin: () => new TextEncoder().encode('{"webExId":"JDOE"}'),
    })
    expect(out.exitCode).toBe(0)
    expect(out.stdout.split('\n')[0]).toBe('GetUser JDOE by admin (siteAdmin): SUCCESS')
    expect(out.stdout).toContain('[authorization] D-OP-1 step     admin (siteAdmin) reads any user of the site')
    expect(out.stdout).toContain('[lookup] D-OP-19 step     JDOE found as jdoe')
    expect(out.stdout).toContain(
      'decision: “A site admin and a read-only site admin ("admin view only") read every user',
    )
  })

  it('D-OP2 R6 delete: per user, the deactivation and the 030001, named by webExId; the host count; exit 0', () => {
    const out = run(
      [
        'delete',
        '--site',
        'examples/demo/site.json',
        '--users',
        'examples/demo/jdoe.json',
        '--request',
        '-',
        '--format',
        'explain',
      ],
      { ...io, readStdin: () => new TextEncoder().encode('{"webExId":["jdoe","ghost"]}') },
    )
    expect(out.exitCode).toBe(0)
    expect(out.stdout).toContain('[merge] D-OP2 jdoe: changed  active')
    expect(out.stdout).toContain('[lookup] D-OP2 ghost: error    UserNotFound (exceptionID 030001)')
    expect(out.stdout).toMatch(/\[site-wide\] R6 {4}changed {2}activeHostCount: \d+ → \d+/)
  })

  it('D-OP3 activate: a host is refused by D-OP3 with 000001; exit 1', () => {
    const out = run(
      [
        'activate',
        '--site',
        'examples/demo/site.json',
        '--users',
        'examples/demo/jdoe.json',
        '--request',
        '-',
        '--role',
        'host',
        '--format',
        'explain',
      ],
      { ...io, readStdin: () => new TextEncoder().encode('{"webexID":"jdoe"}') },
    )
    expect(out.exitCode).toBe(1)
    expect(out.stdout).toContain('[authorization] D-OP3 error    NoPrivilege (exceptionID 000001)')
  })

  it('D-OP1 create: the defaults by D-OP1; a users file the engine cannot use is still exit 2', () => {
    const out = run(['create', '--site', 'examples/demo/site.json', '--request', '-', '--format', 'explain'], {
      ...io,
      readStdin: () =>
        new TextEncoder().encode(
          '{"webExId":"ana","email":"ana@example.edu","password":"pw1234","firstName":"Ana","lastName":"Lee"}',
        ),
    })
    expect(out.exitCode).toBe(0)
    expect(out.stdout).toContain('[defaults] D-OP1 changed  active: (absent) → "ACTIVATED"')
    const broken = run(
      [
        'inactivate',
        '--site',
        'examples/demo/site.json',
        '--users',
        '-',
        '--request',
        'request.json',
        '--format',
        'explain',
      ],
      {
        ...io,
        readFile: (path) =>
          path === 'request.json' ? new TextEncoder().encode('{"webexID":"jdoe"}') : io.readFile(path),
        readStdin: () => new TextEncoder().encode('[{"firstName":"no webExId"}]'),
      },
    )
    expect(broken.exitCode).toBe(2)
  })
})
