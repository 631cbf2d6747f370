/**
 * The CLI defects of the issue 14 audit, one test each: JSON errors by position (never quoting the
 * input), the GetUser diff masking secrets, any JSON body refused by the engine (never an internal
 * error), `conformance` in the registry, `batch` writing as it goes and refusing options that do not
 * fit its input, undecodable request bytes refused like any malformed message. Engine defects are
 * in defects.test.ts (it replaces the engine).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_LINE_BYTES } from '../../src/cli/batch.js'
import { jsonErrorOffset, throttledProgress } from '../../src/cli/shared.js'
import { type CliIO, run, runAsync } from '../../src/cli/run.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DEMO = 'examples/demo/'

/** Files from the repository, plus the in-memory ones given (text or bytes). */
const io = (extra: Record<string, string | Uint8Array> = {}): CliIO => ({
  isTTY: false,
  readFile: (path) => {
    const file = extra[path]
    if (file !== undefined) return typeof file === 'string' ? new TextEncoder().encode(file) : file
    return readFileSync(new URL(path, `file://${ROOT}`))
  },
})

const user = JSON.parse(readFileSync(`${ROOT}${DEMO}jdoe.json`, 'utf8')) as { webExId: string }
const site = JSON.parse(readFileSync(`${ROOT}${DEMO}site.json`, 'utf8')) as object

describe('JSON errors are reported by position, never by quoting the input (D-E1)', () => {
  const LEAK = '{"webExId":"jdoe","password":LEAKPW6}'

  it('a request file that is not JSON: line and column, no byte of the input', () => {
    for (const [text, where] of [
      [LEAK, 'line 1, column 30'],
      ['{\n  "webExId": "jdoe",\n  "PIN": LEAKPW6\n}', 'line 3, column 10'],
      ['{"webExId":"jdoe","password":"LEAKPW6"', 'line 1, column 39'],
    ] as const) {
      const result = run(['get', '--users', `${DEMO}jdoe.json`, '--request', 'r.json'], io({ 'r.json': text }))
      expect(result.exitCode).toBe(2)
      expect(result.stderr).toContain(`--request r.json: neither XML nor JSON (not valid JSON at ${where})`)
      expect(result.stdout + result.stderr).not.toContain('LEAKPW6')
    }
  })

  it('a batch line that is not JSON: UNUSABLE with the column, no byte of the line', async () => {
    const good = JSON.stringify({ user, site, request: { body: { webExId: 'jdoe' } } })
    const result = await runAsync(['batch', '--input', 'in.ndjson'], io({ 'in.ndjson': `${good}\n${LEAK}\n` }))
    expect(result.exitCode).toBe(1)
    expect(result.stdout + result.stderr).not.toContain('LEAKPW6')
    const second = JSON.parse(result.stdout.trim().split('\n')[1] ?? '') as unknown
    expect(second).toEqual({ line: 2, status: 'UNUSABLE', reason: 'not JSON (not valid JSON at column 30)' })
  })

  it('a conformance --site file that is not JSON: the position, not the password in it', async () => {
    const result = await runAsync(
      ['conformance', '--url', 'http://127.0.0.1:9/x', '--admin', 'admin:pw', '--site', 's.json'],
      { ...io({ 's.json': LEAK }), sender: () => () => Promise.reject(new Error('not to be called')) },
    )
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain('--site s.json: neither XML nor JSON (not valid JSON at line 1, column 30)')
    expect(result.stderr).not.toContain('LEAKPW6')
  })

  it('jsonErrorOffset: -1 exactly for the texts JSON.parse accepts; else an offset within the text', () => {
    const parses = (text: string): boolean => {
      try {
        JSON.parse(text)
        return true
      } catch {
        return false
      }
    }
    const texts = fc.oneof(
      fc.json(),
      fc.json().map((t) => t.slice(0, -1)),
      fc
        .tuple(fc.json(), fc.nat(), fc.constantFrom('x', '"', ',', '}', ']', ':', ' ', '\\', '\n', '-', '0'))
        .map(([t, i, c]) => t.slice(0, i % (t.length + 1)) + c + t.slice(i % (t.length + 1))),
    )
    fc.assert(
      fc.property(texts, (text) => {
        const offset = jsonErrorOffset(text)
        if (parses(text)) expect(offset).toBe(-1)
        else expect(offset >= 0 && offset <= text.length).toBe(true)
      }),
      { numRuns: 2000 },
    )
    expect(jsonErrorOffset('[['.repeat(50_000))).toBe(100_000)
  })
})

describe('get --format diff masks secrets like every diff (D-E1)', () => {
  it('the PIN and the PCN access codes of the GetUser view are [redacted]', () => {
    const stored = {
      ...user,
      phones: { PIN: '4826' },
      personalTeleconf: {
        account: [
          {
            accountIndex: 1,
            subscriberAccessCode: '91357',
            participantFullAccessCode: '86420',
            participantLimitedAccessCode: '75319',
          },
        ],
      },
    }
    const files = io({ 'users.json': JSON.stringify([stored]), 'r.json': JSON.stringify({ webExId: 'jdoe' }) })
    const result = run(['get', '--users', 'users.json', '--request', 'r.json', '--format', 'diff'], files)
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('"PIN": "[redacted]"')
    expect(result.stdout).toContain('"subscriberAccessCode": "[redacted]"')
    for (const secret of ['4826', '91357', '86420', '75319']) expect(result.stdout).not.toContain(secret)
    // json prints the API's answer itself (D-E1): the PIN is there by design
    const json = run(['get', '--users', 'users.json', '--request', 'r.json', '--format', 'json'], files)
    expect(json.stdout).toContain('4826')
  })
})

describe('any JSON body is the engine to refuse: exit 1, InvalidRequest, never an internal error', () => {
  const files: Record<string, string[]> = {
    apply: ['--user', `${DEMO}jdoe.json`, '--site', `${DEMO}site.json`],
    create: ['--site', `${DEMO}site.json`],
    get: ['--users', `${DEMO}jdoe.json`],
    delete: ['--site', `${DEMO}site.json`, '--users', `${DEMO}jdoe.json`],
    activate: ['--site', `${DEMO}site.json`, '--users', `${DEMO}jdoe.json`],
    inactivate: ['--site', `${DEMO}site.json`, '--users', `${DEMO}jdoe.json`],
  }
  const BODIES = ['null', '[]', '{}', '5', '"x"', '{"webExId":5}']

  it('every command, bodies null, [], {}, 5, "x", {"webExId":5}, in every format', () => {
    for (const [command, args] of Object.entries(files))
      for (const body of BODIES)
        for (const format of ['json', 'xml', 'diff', 'explain']) {
          const what = `${command} ${body} --format ${format}`
          const result = run([command, ...args, '--request', 'r.json', '--format', format], io({ 'r.json': body }))
          expect(`${result.stdout}${result.stderr}`, what).not.toContain('internal error')
          expect(result.exitCode, `${what}\n${result.stderr}`).toBe(1)
          // the engine's answer: InvalidRequest, except that an empty CreateUser body lacks its required elements
          const expected = command === 'create' && body === '{}' ? 'MissingRequiredElements' : 'InvalidRequest'
          if (format === 'json')
            expect((JSON.parse(result.stdout) as { error: { _tag: string } }).error._tag, what).toBe(expected)
          if (format === 'xml') expect(result.stdout, what).toContain('<serv:result>FAILURE</serv:result>')
        }
  })
})

describe('conformance is a command of the registry', () => {
  it('--help lists it; help conformance and conformance --help print its options (exit 0)', () => {
    const help = run(['--help'], io())
    expect(help.stdout).toMatch(/^ {2}conformance\b/m)
    for (const argv of [
      ['help', 'conformance'],
      ['conformance', '--help'],
    ]) {
      const result = run(argv, io())
      expect(result.exitCode, argv.join(' ')).toBe(0)
      expect(result.stdout).toContain('Usage: webex-user-rules conformance [options]')
      for (const flag of ['--url <URL>', '--admin <webExId:password>', '--site-limit <N>', '--concurrency <K>'])
        expect(result.stdout).toContain(flag)
      expect(result.stdout).toContain('Exit status: 0 conforms, 1 disagreements, 2 unusable input')
    }
  })

  it('its options are commander options: unknown or missing ones are exit 2 naming its --help', async () => {
    const bogus = await runAsync(['conformance', '--url', 'http://x/', '--admin', 'a:b', '--bogus'], io())
    expect(bogus).toMatchObject({ exitCode: 2, stdout: '' })
    expect(bogus.stderr).toContain("unknown option '--bogus'")
    expect(bogus.stderr).toContain('Run "webex-user-rules conformance --help" for usage.')
    const missing = await runAsync(['conformance', '--admin', 'a:b'], io())
    expect(missing.stderr).toContain("required option '--url <URL>' not specified")
    // the synchronous run() does not start it
    expect(run(['conformance', '--url', 'http://x/', '--admin', 'a:b'], io())).toMatchObject({ exitCode: 2 })
  })
})

describe('batch', () => {
  const admin = { webExId: 'admin', role: 'siteAdmin' }
  const line = (body: object, caller: object = admin): string =>
    JSON.stringify({ user, site, request: { caller, body } })

  it('writes each result line as it completes, before the next request runs', async () => {
    const events: string[] = []
    const input = [line({ webExId: 'jdoe' }), line({ webExId: 'jdoe', phones: { PIN: '1234' } }), line({})].join('\n')
    const result = await runAsync(['batch', '--input', 'in.ndjson'], {
      ...io({ 'in.ndjson': input }),
      writeOut: (text) => {
        events.push(`out ${String((JSON.parse(text) as { line: number }).line)}`)
      },
      progress: (text) => events.push(`progress ${/ (\d+ requests?) /.exec(text)?.[1] ?? text.trim()}`),
    })
    expect(result.stdout).toBe('')
    expect(events).toEqual([
      'out 1',
      'progress 1 request',
      'out 2',
      'progress 2 requests',
      'out 3',
      'progress 3 requests',
      'progress ',
    ])
    expect(result.stderr).toBe('batch: 3 requests, 1 applied, 2 refused, 0 unusable\n')
  })

  it('--site or --users with NDJSON input is refused (exit 2): each line carries its own', async () => {
    const files = io({ 'in.ndjson': line({ webExId: 'jdoe' }) })
    for (const extra of [
      ['--site', `${DEMO}site.json`],
      ['--users', `${DEMO}jdoe.json`],
    ]) {
      const result = await runAsync(['batch', '--input', 'in.ndjson', ...extra], files)
      expect(result).toMatchObject({ exitCode: 2, stdout: '' })
      expect(result.stderr).toContain(
        '--input in.ndjson is NDJSON: each line carries its own "user" and "site"; --site and --users are for a folder of XML messages',
      )
    }
  })

  it("D-C4 --role replaces the role of a line's own caller, --caller its webExId; each keeps the other part", async () => {
    const files = io({ 'in.ndjson': line({ webExId: 'jdoe', meetingTypes: [105] }) })
    const status = async (...extra: string[]): Promise<unknown> =>
      (JSON.parse((await runAsync(['batch', '--input', 'in.ndjson', ...extra], files)).stdout) as { status: string })
        .status
    expect(await status()).toBe('SUCCESS')
    // an attendee may not edit another user: the line's admin took the role given
    expect(await status('--role', 'attendee')).toBe('FAILURE')
    // jdoe with the line's role (siteAdmin) may
    expect(await status('--caller', 'jdoe')).toBe('SUCCESS')
    const hostLine = io({ 'in.ndjson': line({ webExId: 'jdoe', meetingTypes: [105] }, { webExId: 'x', role: 'host' }) })
    const asHost = await runAsync(['batch', '--input', 'in.ndjson', '--caller', 'admin'], hostLine)
    expect(JSON.parse(asHost.stdout)).toMatchObject({ status: 'FAILURE' })
  })
})

describe('undecodable request bytes are a refusal (exit 1), like any malformed message', () => {
  const message = readFileSync(`${ROOT}${DEMO}meetingtype-105.xml`, 'utf8')
  const latin1 = (): Uint8Array => {
    // declared UTF-8, but an ISO-8859-1 é (0xE9) inside
    const bytes = new TextEncoder().encode(message.replace('<webExId>jdoe</webExId>', '<webExId>jdoeX</webExId>'))
    const at = new TextDecoder().decode(bytes).indexOf('jdoeX')
    bytes[at + 4] = 0xe9
    return bytes
  }

  it('a request: exit 1, InvalidRequest with code document, the FAILURE answer in xml', () => {
    const args = ['apply', '--user', `${DEMO}jdoe.json`, '--site', `${DEMO}site.json`, '--request', 'r.xml']
    const json = run([...args, '--format', 'json'], io({ 'r.xml': latin1() }))
    expect(json.exitCode).toBe(1)
    expect(JSON.parse(json.stdout)).toMatchObject({
      error: { _tag: 'InvalidRequest', failures: [{ code: 'document' }] },
    })
    const xml = run([...args, '--format', 'xml'], io({ 'r.xml': latin1() }))
    expect(xml.exitCode).toBe(1)
    expect(xml.stdout).toContain('<serv:result>FAILURE</serv:result>')
  })

  it('a stored-user file with such bytes stays unusable (exit 2); a batch folder message is refused', async () => {
    const asUser = run(
      ['get', '--users', 'u.xml', '--request', 'r.json'],
      io({ 'u.xml': latin1(), 'r.json': '{"webExId":"jdoe"}' }),
    )
    expect(asUser.exitCode).toBe(2)
    const folder = await runAsync(['batch', '--input', 'in', '--site', 'site.json', '--users', 'users.json'], {
      ...io({ 'in/a.xml': latin1(), 'site.json': JSON.stringify(site), 'users.json': JSON.stringify([user]) }),
      readDir: () => ['a.xml'],
    })
    expect(folder.exitCode).toBe(1)
    expect(JSON.parse(folder.stdout)).toMatchObject({
      file: 'a.xml',
      status: 'FAILURE',
      error: { _tag: 'InvalidRequest' },
    })
  })
})

describe('an unusable stored user is an unusable --users file for every command (exit 2, its own --help)', () => {
  const users = JSON.stringify([user, { webExId: 'broken', privilege: { host: 'yes' } }])
  const request = (body: object) => JSON.stringify(body)

  it('delete: exit 2 naming the file and "delete --help", not a per-user FAILURE with exit 0', () => {
    const result = run(
      ['delete', '--site', `${DEMO}site.json`, '--users', 'u.json', '--request', 'r.json'],
      io({ 'u.json': users, 'r.json': request({ webExId: [user.webExId, 'broken'] }) }),
    )
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain('the --user(s) or --site file is not usable')
    expect(result.stderr).toContain('webex-user-rules delete --help')
  })

  it('delete: in every format, --format explain included (it printed the trace, exit 0)', () => {
    for (const format of ['json', 'xml', 'diff', 'explain']) {
      const result = run(
        ['delete', '--site', `${DEMO}site.json`, '--users', 'u.json', '--request', 'r.json', '--format', format],
        io({ 'u.json': users, 'r.json': request({ webExId: [user.webExId, 'broken'] }) }),
      )
      expect([format, result.exitCode, result.stdout]).toEqual([format, 2, ''])
      expect(result.stderr).toContain('user.privilege.host: expected boolean')
      expect(result.stderr).toContain('webex-user-rules delete --help')
    }
  })

  it('get: the hint names "get --help"', () => {
    const result = run(
      ['get', '--users', 'u.json', '--request', 'r.json'],
      io({ 'u.json': JSON.stringify([user, { webExId: 7 }]), 'r.json': request({ webExId: 'broken' }) }),
    )
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain('webex-user-rules get --help')
  })
})

describe('D-C8 get shows no stored user GetUser cannot read: an unusable --users file (exit 2)', () => {
  const request = JSON.stringify({ webExId: 'jdoe' })
  // the secrets are numbers where strings belong: malformed, and never to be echoed
  const broken: readonly [object, string][] = [
    [{ phones: 'garbage' }, 'user.phones: expected phones'],
    [{ phones: { PIN: 98765432109876 } }, 'user.phones.PIN: expected string'],
    [{ password: 13579024680 }, 'user.password: expected string'],
    [{ tracking: { trackingCode1: 'a', bogus: 1 } }, 'user.tracking.bogus: expected no element "bogus"'],
    [{ tracking: [1, 2] }, 'user.tracking: expected tracking'],
    // toGetUserView mapped over it: an internal error (exit 2 with "a bug in the engine") before
    [{ salesCenter: { smeInfo: { products: 'x' } } }, 'user.salesCenter.smeInfo.products: expected list'],
  ]

  it('every format: exit 2 naming the path, nothing on stdout, no secret, the hint of "get --help"', () => {
    for (const [elements, path] of broken) {
      const users = JSON.stringify([{ ...user, ...elements }])
      for (const format of ['json', 'xml', 'diff', 'explain']) {
        const result = run(
          ['get', '--users', 'u.json', '--request', 'r.json', '--format', format],
          io({ 'u.json': users, 'r.json': request }),
        )
        expect([format, result.exitCode, result.stdout]).toEqual([format, 2, ''])
        expect(result.stderr).toContain('the --user(s) or --site file is not usable')
        expect(result.stderr).toContain(path)
        expect(result.stderr).toContain('Run "webex-user-rules get --help" for usage.')
        expect(result.stderr).not.toContain('internal error')
        for (const secret of ['98765432109876', '13579024680']) expect(result.stderr).not.toContain(secret)
      }
    }
  })

  it('what GetUser does not show is not read: another user, an element outside the view', () => {
    const users = JSON.stringify([
      { webExId: 'jsmith', phones: 'garbage' },
      { ...user, notAnElement: { any: 1 } },
    ])
    const result = run(
      ['get', '--users', 'u.json', '--request', 'r.json', '--format', 'json'],
      io({ 'u.json': users, 'r.json': request }),
    )
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ webExId: 'jdoe' })
    expect(result.stdout).not.toContain('notAnElement')
  })
})

describe('D-C9 batch reads NDJSON as it arrives, line by line', () => {
  const admin = { webExId: 'admin', role: 'siteAdmin' }
  const line = (body: object): string => JSON.stringify({ user, site, request: { caller: admin, body } })
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
  /** An io whose stdin is `chunks` and nothing else: no readFile, no readStdin. */
  const streaming = (chunks: AsyncIterable<Uint8Array>, out: string[], size?: number): CliIO => ({
    isTTY: false,
    readFile: () => {
      throw new Error('batch must not read its input whole')
    },
    openStream: (path) => {
      expect(path).toBe('-')
      return { chunks, size }
    },
    writeOut: (text) => {
      out.push(text)
    },
  })
  const parsed = (out: readonly string[]): Record<string, unknown>[] =>
    out.map((text) => JSON.parse(text) as Record<string, unknown>)

  it('answers a line before the next one arrives; a line may come in pieces, a character split between them', async () => {
    const out: string[] = []
    const second = bytes(`${line({ webExId: 'jdoe', firstName: 'Zoë' })}\n`)
    const split = second.indexOf(0xc3) + 1 // inside the two bytes of ë
    async function* stdin(): AsyncGenerator<Uint8Array> {
      yield bytes(`${line({ webExId: 'jdoe', meetingTypes: [105] })}\n`)
      // the next line is not sent before the first one's result is out
      for (let tick = 0; out.length === 0 && tick < 100; tick++) await new Promise((r) => setTimeout(r, 5))
      expect(parsed(out).map((o) => [o['line'], o['status']])).toEqual([[1, 'SUCCESS']])
      yield second.subarray(0, split)
      yield second.subarray(split)
    }
    const result = await runAsync(['batch', '--input', '-'], streaming(stdin(), out))
    expect(result).toEqual({ stdout: '', stderr: 'batch: 2 requests, 2 applied, 0 refused, 0 unusable\n', exitCode: 0 })
    expect(parsed(out)[1]).toMatchObject({ line: 2, status: 'SUCCESS', result: { user: { firstName: 'Zoë' } } })
  })

  it('an over-long, a non-JSON or a non-UTF-8 line mid-stream is UNUSABLE on its own, no byte of it echoed', async () => {
    const out: string[] = []
    const mebibyte = bytes('x'.repeat(1024 * 1024))
    async function* stdin(): AsyncGenerator<Uint8Array> {
      yield bytes(`${line({ webExId: 'jdoe' })}\n`)
      // a line longer than the limit, a password in it: dropped as it arrives, never held whole
      yield bytes('{"user":{"webExId":"jdoe","password":"LEAKPW1"},"pad":"')
      for (let i = 0; i * mebibyte.length <= MAX_LINE_BYTES; i++) yield mebibyte
      yield bytes('"}\n')
      yield bytes('{"user":{"webExId":"jdoe","password":LEAKPW2}}\n')
      yield Uint8Array.of(...bytes('{"password":"LEAKPW3'), 0xff, ...bytes('"}\n'))
      await Promise.resolve()
      yield bytes(line({ webExId: 'jdoe', lastName: 'Last' })) // no newline at the end
    }
    const result = await runAsync(['batch', '--input', '-'], streaming(stdin(), out))
    expect(parsed(out).map(({ result: _, ...o }) => o)).toEqual([
      { line: 1, status: 'SUCCESS', webExId: 'jdoe' },
      { line: 2, status: 'UNUSABLE', reason: `longer than ${String(MAX_LINE_BYTES)} bytes (not read)` },
      { line: 3, status: 'UNUSABLE', reason: 'not JSON (not valid JSON at column 38)' },
      { line: 4, status: 'UNUSABLE', reason: 'not UTF-8 text' },
      { line: 5, status: 'SUCCESS', webExId: 'jdoe' },
    ])
    expect(result).toMatchObject({ exitCode: 1, stderr: 'batch: 5 requests, 2 applied, 0 refused, 3 unusable\n' })
    expect(out.join('') + result.stderr).not.toMatch(/LEAKPW/)
  })

  it('an input that fails as it is read stops the batch (exit 2); the lines before it stand', async () => {
    const out: string[] = []
    async function* stdin(): AsyncGenerator<Uint8Array> {
      yield bytes(`${line({ webExId: 'jdoe' })}\n`)
      await Promise.resolve()
      throw new Error('EIO: i/o error, read')
    }
    const result = await runAsync(['batch', '--input', '-'], streaming(stdin(), out))
    expect(parsed(out).map((o) => o['line'])).toEqual([1])
    expect(result).toEqual({
      stdout: '',
      stderr:
        'webex-user-rules: --input -: cannot read standard input (EIO: i/o error, read) (after line 1)\n' +
        'batch: 1 request, 1 applied, 0 refused, 0 unusable before it stopped\n',
      exitCode: 2,
    })
  })

  it('an output that fails as it is written (a closed pipe) stops the batch (exit 2), not as an internal error', async () => {
    const input = [line({ webExId: 'jdoe' }), line({ webExId: 'jdoe' }), line({ webExId: 'jdoe' })].join('\n')
    let writes = 0
    const result = await runAsync(['batch', '--input', 'in.ndjson'], {
      ...io({ 'in.ndjson': input }),
      writeOut: () => {
        if (++writes === 2) throw new Error('write EPIPE')
      },
    })
    expect(result).toEqual({
      stdout: '',
      stderr:
        'webex-user-rules: cannot write the results (write EPIPE) (after line 1)\n' +
        'batch: 1 request, 1 applied, 0 refused, 0 unusable before it stopped\n',
      exitCode: 2,
    })
  })

  it('waits while the output is full, reading no further input; a file of known size draws its share read', async () => {
    const out: string[] = []
    const input = bytes(`${line({ webExId: 'jdoe' })}\n${line({ webExId: 'jdoe' })}\n`)
    let pulled = 0
    let release: () => void = () => undefined
    async function* file(): AsyncGenerator<Uint8Array> {
      for (const piece of [input.subarray(0, input.length / 2), input.subarray(input.length / 2)]) {
        pulled++
        yield await Promise.resolve(piece)
      }
    }
    const drawn: string[] = []
    const running = runAsync(['batch', '--input', 'in.ndjson'], {
      ...streaming(file(), out, input.length),
      openStream: () => ({ chunks: file(), size: input.length }),
      progress: (text) => drawn.push(text),
      // the first write finds stdout full
      writeOut: (text) => {
        out.push(text)
        return out.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : undefined
      },
    })
    await new Promise((r) => setTimeout(r, 20))
    expect([out.length, pulled]).toEqual([1, 1])
    release()
    expect((await running).exitCode).toBe(0)
    expect([out.length, pulled]).toEqual([2, 2])
    expect(drawn.map((t) => t.replace(/\[[#-]+\]/, '[bar]'))).toEqual([
      '\r[bar] 1 request (50%)',
      '\r[bar] 2 requests (100%)',
      '\n',
    ])
  })
})

describe('a terminal progress line is redrawn at most ten times a second (a migration has millions of lines)', () => {
  it('draws the first state, skips states within the interval, and always draws the last before the line ends', () => {
    let clock = 0
    const drawn: string[] = []
    const progress = throttledProgress(
      (text) => drawn.push(text),
      () => clock,
    )
    for (let i = 1; i <= 250; i++) {
      progress(`\r${String(i)}`)
      clock += 1 // one line a millisecond: 250 ms in all
    }
    progress('\n')
    expect(drawn).toEqual(['\r1', '\r101', '\r201', '\r250', '\n'])
  })

  it('a line ended right after a drawn state is not drawn twice', () => {
    const drawn: string[] = []
    const progress = throttledProgress(
      (text) => drawn.push(text),
      () => 0,
    )
    progress('\r1')
    progress('\n')
    expect(drawn).toEqual(['\r1', '\n'])
  })
})
