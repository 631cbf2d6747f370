/**
 * The command line as a function: `run()` with files from the repository and from memory. The
 * built executable, spawned as a real process, is tested in test/built/processes.test.ts.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { noPrivilege } from 'webex-user-rules'
import { parseResponseStatus, renderSetUserResponse } from 'webex-user-rules/xml'
import { run, runAsync, type CliIO } from '../../src/cli/run.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DEMO = 'examples/demo/'
const CORPUS = 'test/fixtures/corpus/'

const SITE = JSON.stringify({
  activeHostCount: 4,
  allowUserToChangeUserName: false,
  takenWebExIds: [],
  productIds: [120, 123, 124],
  controlHubManaged: false,
})

/** Files from the repository, plus the in-memory ones given. */
const io = (extra: Record<string, string> = {}, isTTY = false): CliIO => ({
  isTTY,
  readFile: (path) => {
    if (Object.hasOwn(extra, path)) return new TextEncoder().encode(extra[path])
    return readFileSync(new URL(path, `file://${ROOT}`))
  },
})

const apply = (request: string, ...more: string[]): string[] => [
  'apply',
  '--user',
  `${DEMO}jdoe.json`,
  '--site',
  `${DEMO}site.json`,
  '--request',
  request,
  ...more,
]

const json = (stdout: string): unknown => JSON.parse(stdout)

describe('CLI apply: success (exit 0)', () => {
  it('R2 json: the new user, effects and notices (seed: meetingType 105 replaces all)', () => {
    const result = run(apply(`${DEMO}meetingtype-105.xml`, '--format', 'json'), io())
    expect(result.exitCode).toBe(0)
    expect(result.stderr).toBe('')
    const stored = JSON.parse(readFileSync(`${ROOT}${DEMO}jdoe.json`, 'utf8')) as object
    expect(json(result.stdout)).toEqual({ user: { ...stored, meetingTypes: [105] }, effects: [], notices: [] })
  })

  it('R4 diff: the changed paths old → new (seed: prodIDs 120,123 + 123,124 → 124,123)', () => {
    const result = run(apply(`${DEMO}prodids-123-124.xml`, '--format', 'diff'), io())
    expect(result).toEqual({
      stdout:
        'SetUser jdoe by admin (siteAdmin): SUCCESS\n  changed  salesCenter.smeInfo.products: [120,123] → [124,123]\n',
      stderr: '',
      exitCode: 0,
    })
  })

  it('xml: the serv:message SUCCESS response', () => {
    const result = run(apply(`${DEMO}meetingtype-105.xml`, '--format', 'xml'), io())
    expect(result.exitCode).toBe(0)
    expect(parseResponseStatus(result.stdout)).toEqual(E.right({ result: 'SUCCESS', gsbStatus: 'PRIMARY' }))
    expect(result.stdout).toContain('xsi:type="use:setUserResponse"')
  })

  it('the default format is diff on a terminal and json otherwise', () => {
    expect(run(apply(`${DEMO}meetingtype-105.xml`), io({}, true)).stdout).toMatch(/^SetUser jdoe by admin/)
    expect(json(run(apply(`${DEMO}meetingtype-105.xml`), io({}, false)).stdout)).toHaveProperty('user')
  })

  it('D-E1 diff lists notices and effects, and never prints a password or a PIN', () => {
    const body = { webExId: 'jdoe', password: 'n3w-Secret', phones: { PIN: '4826' }, privilege: { siteAdmin: true } }
    const result = run(apply('body.json', '--format', 'diff'), io({ 'body.json': JSON.stringify(body) }))
    expect(result.exitCode).toBe(0)
    expect(result.stdout.split('\n')).toEqual([
      'SetUser jdoe by admin (siteAdmin): SUCCESS',
      '  changed  privilege.host: true → false',
      '  changed  privilege.siteAdmin: (absent) → true',
      '  changed  password: (absent) → [redacted]',
      '  changed  phones: (absent) → {"PIN":"[redacted]"}',
      '  effect   provisionTelephony {"server":"primaryLarge"}',
      '',
    ])
    expect(result.stdout).not.toContain('n3w-Secret')
    expect(result.stdout).not.toContain('4826')
  })

  it('the user may be a real GetUser response; --retarget points it at the request (corpus round trip)', () => {
    const args = [
      'apply',
      '--user',
      `${CORPUS}getuser-response-atlas-1.xml`,
      '--site',
      'site.json',
      '--request',
      `${CORPUS}setuser-atlas-1.xml`,
      '--format',
      'json',
    ]
    const files = io({ 'site.json': SITE })
    // without --retarget the request names another user (R20)
    const mismatch = run(args, files)
    expect(mismatch.exitCode).toBe(1)
    expect(mismatch.stderr).toContain('UserNotFound (exceptionID 030001): User not found: jdoe@example.com')
    const retargeted = run([...args, '--retarget'], files)
    expect(retargeted.exitCode).toBe(0)
    expect(json(retargeted.stdout)).toMatchObject({
      user: { webExId: 'jdoe@example.com', meetingTypes: [214, 216], categoryId: 36 },
    })
  })
})

describe('CLI apply: the caller', () => {
  it('is the securityContext webExID of an XML request, as siteAdmin unless --role', () => {
    // pin-1234.xml comes from jdoe himself; the PIN is refused either way, so use joinBeforeHost (R9)
    const asSiteAdmin = run(apply(`${DEMO}host-joinbeforehost.xml`, '--format', 'diff'), io())
    expect(asSiteAdmin.stdout).toMatch(/^SetUser jdoe by jdoe \(siteAdmin\): SUCCESS/)
    const asHost = run(apply(`${DEMO}host-joinbeforehost.xml`, '--role', 'host', '--format', 'diff'), io())
    expect(asHost.exitCode).toBe(1)
    expect(asHost.stdout).toContain('NoPrivilege (exceptionID 000001)')
  })

  it('is admin/siteAdmin for a JSON body, and --caller overrides both', () => {
    const files = io({ 'b.json': JSON.stringify({ webExId: 'jdoe', firstName: 'J' }) })
    expect(run(apply('b.json', '--format', 'diff'), files).stdout).toMatch(/^SetUser jdoe by admin \(siteAdmin\)/)
    const other = run(apply('b.json', '--caller', 'someone', '--role', 'host', '--format', 'json'), files)
    // a host editing someone else's record (R11)
    expect(json(other.stdout)).toEqual({ error: noPrivilege([]) })
  })

  it('an XML request without webExID needs --caller (exit 2)', () => {
    const anonymous = readFileSync(`${ROOT}${DEMO}meetingtype-105.xml`, 'utf8').replace('<webExID>admin</webExID>', '')
    const result = run(apply('anon.xml'), io({ 'anon.xml': anonymous }))
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain(
      '--request anon.xml: the securityContext of the request has no webExID; pass --caller',
    )
    expect(run(apply('anon.xml', '--caller', 'admin'), io({ 'anon.xml': anonymous })).exitCode).toBe(0)
  })
})

describe('CLI apply: refused (exit 1)', () => {
  it('R7 diff: the error, formatted (seed: PIN 1234)', () => {
    const result = run(apply(`${DEMO}pin-1234.xml`, '--role', 'host', '--format', 'diff'), io())
    expect(result).toEqual({
      stdout:
        'SetUser jdoe by jdoe (host): FAILURE\n  ✗ InvalidPin (exceptionID 999999): Not a valid PIN! PIN must be 4-digit number and not allow PIN to be Single number values or simple sequences, like 1111 or 1234.\n',
      stderr: '',
      exitCode: 1,
    })
  })

  it('R9 xml: the FAILURE serv:message on stdout, the formatted error on stderr', () => {
    const result = run(apply(`${DEMO}host-joinbeforehost.xml`, '--role', 'host', '--format', 'xml'), io())
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toBe(`${renderSetUserResponse(E.left(noPrivilege(['personalTeleconf.joinBeforeHost'])))}\n`)
    expect(result.stderr).toBe(
      'NoPrivilege (exceptionID 000001): Access denied, additional privileges are required\n  - personalTeleconf.joinBeforeHost\n',
    )
  })

  it('a malformed request message is a SetUser error too (corpus wxdash-13), like the server answers it', () => {
    const result = run(apply(`${CORPUS}setuser-wxdash-13.xml`, '--format', 'json'), io())
    expect(result.exitCode).toBe(1)
    expect(json(result.stdout)).toMatchObject({ error: { _tag: 'InvalidRequest', failures: [{ source: 'message' }] } })
    expect(result.stderr).toMatch(
      /^InvalidRequest \(exceptionID 999999\): Invalid request\n {2}- message: expected well-formed XML/,
    )
  })

  it('a JSON body the codec rejects is an InvalidRequest naming the path', () => {
    const files = io({ 'b.json': JSON.stringify({ webExId: 'jdoe', Active: 'ACTIVATED' }) })
    const result = run(apply('b.json', '--format', 'json'), files)
    expect(result.exitCode).toBe(1)
    expect(json(result.stdout)).toMatchObject({
      error: { failures: [{ source: 'body', path: 'Active', hint: 'did you mean "active"?' }] },
    })
  })
})

describe('CLI: unusable arguments or files (exit 2)', () => {
  const usage = (argv: string[], files = io()) => {
    const result = run(argv, files)
    expect(result.exitCode).toBe(2)
    expect(result.stdout).toBe('')
    return result.stderr
  }

  it('--help lists every command, and each command has its own --help (exit 0)', () => {
    const help = run(['--help'], io())
    expect(help.exitCode).toBe(0)
    expect(help.stdout).toContain('Usage: webex-user-rules [options] [command]')
    for (const command of ['apply', 'create', 'get', 'delete', 'activate', 'inactivate', 'batch'])
      expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'))
    const apply = run(['apply', '--help'], io())
    expect(apply.exitCode).toBe(0)
    expect(apply.stdout).toContain('Usage: webex-user-rules apply [options]')
    expect(apply.stdout).toContain('--retarget')
    expect(apply.stdout).not.toContain('--users')
    const del = run(['delete', '-h'], io())
    expect(del.stdout).toContain('--users <file>')
    expect(del.stdout).not.toContain('--retarget')
  })

  it('--version prints the package version (exit 0)', () => {
    const { version } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }
    expect(run(['--version'], io())).toEqual({ stdout: `${version}\n`, stderr: '', exitCode: 0 })
    expect(run(['-V'], io()).stdout).toBe(`${version}\n`)
  })

  it('bad command lines', () => {
    expect(usage([])).toContain(
      'missing command (apply, create, get, delete, activate, inactivate, batch, conformance)',
    )
    expect(usage(['remove'])).toContain("unknown command 'remove'")
    expect(usage(['apply', '--user', 'u', '--request', 'r'])).toContain("required option '--site <file>' not specified")
    expect(usage(apply(`${DEMO}meetingtype-105.xml`, '--frobnicate'))).toContain("unknown option '--frobnicate'")
    expect(usage(apply(`${DEMO}meetingtype-105.xml`, '--format', 'yaml'))).toContain(
      "option '--format <format>' argument 'yaml' is invalid. Allowed choices are json, xml, diff, explain.",
    )
    expect(usage(apply(`${DEMO}meetingtype-105.xml`, '--role', 'king'))).toContain(
      "argument 'king' is invalid. Allowed choices are siteAdmin, roSiteAdmin, host, attendee.",
    )
    expect(usage(apply(`${DEMO}meetingtype-105.xml`, 'extra'))).toContain("too many arguments for 'apply'")
    expect(usage(apply(`${DEMO}meetingtype-105.xml`, '--caller', ''))).toContain('--caller must not be empty')
  })

  it('options of another command are refused, not ignored', () => {
    // --users belongs to get/delete/activate, --retarget to apply, --input to batch
    expect(usage(apply(`${DEMO}meetingtype-105.xml`, '--users', 'u.json'))).toContain("unknown option '--users'")
    expect(usage(['get', '--users', 'u.json', '--request', 'r.json', '--retarget'])).toContain(
      "unknown option '--retarget'",
    )
    expect(usage(['create', '--site', 's.json', '--request', 'r.json', '--input', 'x'])).toContain(
      "unknown option '--input'",
    )
  })

  it('files that cannot be read or are neither XML nor JSON', () => {
    expect(usage(apply('missing.xml'))).toMatch(/--request missing\.xml: cannot read the file \(.*ENOENT/)
    expect(usage(apply('junk.txt'), io({ 'junk.txt': 'hello' }))).toContain('--request junk.txt: neither XML nor JSON')
  })

  it('a user file that is not a usable GetUser response, or a site that is XML', () => {
    const args = [
      'apply',
      '--user',
      `${CORPUS}response-failure-atlas-000035.xml`,
      '--site',
      `${DEMO}site.json`,
      '--request',
      `${DEMO}meetingtype-105.xml`,
    ]
    expect(usage(args)).toContain('not a usable GetUser response')
    const xmlSite = [
      'apply',
      '--user',
      `${DEMO}jdoe.json`,
      '--site',
      `${DEMO}meetingtype-105.xml`,
      '--request',
      `${DEMO}meetingtype-105.xml`,
    ]
    expect(usage(xmlSite)).toContain('expected JSON (the SiteContext model), got XML')
  })

  it('a user or site the engine cannot decode is an unusable file, not a refused SetUser', () => {
    const files = io({ 'bad-site.json': JSON.stringify({ activeHostCount: -1 }) })
    const stderr = usage(
      ['apply', '--user', `${DEMO}jdoe.json`, '--site', 'bad-site.json', '--request', `${DEMO}meetingtype-105.xml`],
      files,
    )
    expect(stderr).toContain('the --user(s) or --site file is not usable')
    expect(stderr).toContain('site.activeHostCount')
  })
})

describe('D-E1 the CLI never echoes a secret', () => {
  const secretArb = fc
    .string({
      unit: fc.constantFrom(...Array.from('abcdefghijklmnopqrstuvwxyz0123456789')),
      minLength: 12,
      maxLength: 80,
    })
    .map((s) => `Zq9${s}`)

  it('in any format, refused or applied, a generated password, PIN or securityContext password is not printed', () => {
    fc.assert(
      fc.property(secretArb, fc.constantFrom('json', 'xml', 'diff'), (secret, format) => {
        const refusedBody = { webExId: 'jdoe', password: secret.repeat(4), phones: { PIN: secret } }
        const xml = readFileSync(`${ROOT}${DEMO}meetingtype-105.xml`, 'utf8').replace(
          '<webExID>admin</webExID>',
          `<webExID>admin</webExID><password>${secret}</password><extra>${secret}</extra>`,
        )
        const files = io({ 'refused.json': JSON.stringify(refusedBody), 'message.xml': xml })
        for (const argv of [apply('refused.json', '--format', format), apply('message.xml', '--format', format)]) {
          const result = run(argv, files)
          expect(result.exitCode).toBe(1)
          expect(`${result.stdout}${result.stderr}`).not.toContain(secret.slice(0, 12))
        }
        const applied = run(
          apply('ok.json', '--format', 'diff'),
          io({ 'ok.json': JSON.stringify({ webExId: 'jdoe', password: secret, phones: { PIN: '4826' } }) }),
        )
        expect(applied.exitCode).toBe(0)
        expect(applied.stdout).not.toContain(secret.slice(0, 12))
      }),
      { numRuns: 40 },
    )
  })
})

describe('CLI: stdin and batch', () => {
  it('"-" reads a file from standard input', () => {
    const stdin = readFileSync(`${ROOT}${DEMO}meetingtype-105.xml`)
    const result = run(apply('-', '--format', 'json'), { ...io(), readStdin: () => stdin })
    expect(result.exitCode).toBe(0)
    expect(json(result.stdout)).toMatchObject({ user: { meetingTypes: [105] } })
  })

  const user = JSON.parse(readFileSync(`${ROOT}${DEMO}jdoe.json`, 'utf8')) as { webExId: string }
  const site = JSON.parse(readFileSync(`${ROOT}${DEMO}site.json`, 'utf8')) as object
  const admin = { webExId: 'admin', role: 'siteAdmin' }

  it('D-E4 NDJSON in: one result line per request, in order; a summary on stderr; exit 1 when any is refused', async () => {
    const lines = [
      JSON.stringify({ user, site, request: { caller: admin, body: { webExId: 'jdoe', meetingTypes: [105] } } }),
      '',
      JSON.stringify({ user, site, request: { caller: admin, body: { webExId: 'jdoe', phones: { PIN: '1234' } } } }),
      'not json',
      JSON.stringify({ user, site, request: readFileSync(`${ROOT}${DEMO}meetingtype-105.xml`, 'utf8') }),
    ].join('\n')
    const result = await runAsync(['batch', '--input', 'in.ndjson'], io({ 'in.ndjson': lines }))
    expect(result.exitCode).toBe(1)
    const out = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(out.map((o) => [o['line'], o['status']])).toEqual([
      [1, 'SUCCESS'],
      [3, 'FAILURE'],
      [4, 'UNUSABLE'],
      [5, 'SUCCESS'],
    ])
    expect(out[0]).toMatchObject({ webExId: 'jdoe', result: { user: { meetingTypes: [105] } } })
    expect(out[1]).toMatchObject({ error: { _tag: 'InvalidPin' } })
    expect(result.stderr).toBe('batch: 4 requests, 2 applied, 1 refused, 1 unusable\n')
  })

  it('D-E4 a folder of XML messages applies in name order, each to the user the previous one left', async () => {
    const message = readFileSync(`${ROOT}${DEMO}meetingtype-105.xml`, 'utf8')
    const second = message.replace(/<meetingTypes>[\s\S]*?<\/meetingTypes>/, '<firstName>Second</firstName>')
    const files: Record<string, string> = {
      'in/b.xml': second,
      'in/a.xml': message,
      'in/notes.txt': 'ignored',
      'users.json': JSON.stringify([user]),
      'site.json': JSON.stringify(site),
    }
    const result = await runAsync(['batch', '--input', 'in', '--site', 'site.json', '--users', 'users.json'], {
      ...io(files),
      readDir: (path) => {
        if (path !== 'in') throw new Error('not a folder')
        return ['b.xml', 'notes.txt', 'a.xml']
      },
    })
    expect(result.exitCode).toBe(0)
    const out = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; status: string; result: { user: object } })
    expect(out.map((o) => [o.file, o.status])).toEqual([
      ['a.xml', 'SUCCESS'],
      ['b.xml', 'SUCCESS'],
    ])
    // the second message sees the first one's meetingTypes
    expect(out[1]?.result.user).toMatchObject({ meetingTypes: [105], firstName: 'Second' })
    expect(result.stderr).toBe('batch: 2 requests, 2 applied, 0 refused, 0 unusable\n')
  })

  it('D-OP-19 a folder message names its user in any case: JDOE finds the stored jdoe, which keeps its name', async () => {
    const message = readFileSync(`${ROOT}${DEMO}meetingtype-105.xml`, 'utf8').replace(
      /<webExId>jdoe<\/webExId>/,
      '<webExId>JDOE</webExId>',
    )
    expect(message).toContain('<webExId>JDOE</webExId>')
    const files = { 'in/a.xml': message, 'users.json': JSON.stringify([user]), 'site.json': JSON.stringify(site) }
    const result = await runAsync(['batch', '--input', 'in', '--site', 'site.json', '--users', 'users.json'], {
      ...io(files),
      readDir: () => ['a.xml'],
    })
    expect(result.stderr).toBe('batch: 1 request, 1 applied, 0 refused, 0 unusable\n')
    const out = JSON.parse(result.stdout) as { status: string; result: { user: { webExId: string } } }
    expect(out.result.user).toMatchObject({ webExId: 'jdoe', meetingTypes: [105] })
  })

  it('D-OP-19 get --format xml answers for JDoe with the stored jdoe', () => {
    const files = {
      'users.json': JSON.stringify([user]),
      'r.json': JSON.stringify({ webExId: 'JDoe' }),
    }
    const result = run(['get', '--users', 'users.json', '--request', 'r.json', '--format', 'xml'], io(files))
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('<use:webExId>jdoe</use:webExId>')
  })

  it('a progress bar only when stderr is a terminal', async () => {
    const line = JSON.stringify({ user, site, request: { caller: admin, body: { webExId: 'jdoe' } } })
    const drawn: string[] = []
    await runAsync(['batch', '--input', 'in.ndjson'], {
      ...io({ 'in.ndjson': `${line}\n${line}\n` }),
      progress: (t) => drawn.push(t),
    })
    // NDJSON is read as it arrives: the bar is the share of the file read (D-C9)
    expect(drawn).toEqual([
      `\r[${'#'.repeat(15)}${'-'.repeat(15)}] 1 request (50%)`,
      `\r[${'#'.repeat(30)}] 2 requests (100%)`,
      '\n',
    ])
  })

  it('a folder without --site and --users, or no input, cannot run (exit 2)', async () => {
    const folder = { ...io(), readDir: () => ['a.xml'] }
    expect(await runAsync(['batch', '--input', 'in'], folder)).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('--site and --users are required') as unknown,
    })
    expect((await runAsync(['batch', '--input', 'missing.ndjson'], io())).exitCode).toBe(2)
  })
})
