/**
 * The built package as real processes, from `npm run build` (run once here, so a fresh clone
 * passes `npm test`): the CLI through `node dist/cli/main.js` and `npx webex-user-rules`, and the
 * service (the webex-user-rules-server bin) through `node service/dist/main.js`.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseGetUserResponse, parseResponseStatus, renderGetUserMessage } from 'webex-user-rules/xml'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DEMO = 'examples/demo/'
const CORPUS = 'test/fixtures/corpus/'

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

beforeAll(() => {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'pipe' })
}, 180_000)

describe('CLI as a real process (the built dist/cli/main.js)', () => {
  const node = (args: string[]) =>
    spawnSync(process.execPath, ['dist/cli/main.js', ...args], { cwd: ROOT, encoding: 'utf8' })

  it('starts with a node shebang, as the package.json bin needs', () => {
    expect(readFileSync(`${ROOT}dist/cli/main.js`, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node')
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { bin: Record<string, string> }
    expect(pkg.bin).toEqual({ 'webex-user-rules': './dist/cli/main.js' })
  })

  it('exit 0 with JSON on a pipe (the seed meetingType 105 example)', () => {
    const child = node(apply(`${DEMO}meetingtype-105.xml`))
    expect(child.status).toBe(0)
    expect(child.stderr).toBe('')
    expect(json(child.stdout)).toMatchObject({ user: { webExId: 'jdoe', meetingTypes: [105] }, effects: [] })
  })

  it('exit 1 with the formatted error (the seed PIN example)', () => {
    const child = node(apply(`${DEMO}pin-1234.xml`, '--role', 'host', '--format', 'diff'))
    expect(child.status).toBe(1)
    expect(child.stdout).toContain('✗ InvalidPin (exceptionID 999999): Not a valid PIN!')
  })

  it('exit 2 on a bad command line', () => {
    const child = node(['apply', '--user'])
    expect(child.status).toBe(2)
    expect(child.stderr).toContain('webex-user-rules:')
  })

  const noStackTrace = (text: string): void => {
    expect(text).not.toMatch(/^\s+at /m)
    expect(text).not.toContain('node:internal')
  }

  it('no stack trace on any unusable input: exit 2 with one message (issue 14: delete --request {})', () => {
    for (const args of [
      ['delete', '--request', '{}'],
      ['delete', '--site', `${DEMO}site.json`, '--users', `${DEMO}jdoe.json`, '--request', '{}'],
      ['apply', '--user', '/', '--site', '/', '--request', '/'],
      ['batch', '--input', '/nonexistent'],
      ['frobnicate'],
      [],
    ]) {
      const child = node(args)
      expect([args, child.status]).toEqual([args, 2])
      expect(child.stdout).toBe('')
      expect(child.stderr).toContain('webex-user-rules:')
      noStackTrace(child.stderr)
    }
  }, 60_000)

  it('--version and per-command --help', () => {
    const { version } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }
    expect(node(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` })
    expect(node(['batch', '--help'])).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('Usage: webex-user-rules batch [options]') as unknown,
    })
  })

  it('"-" reads the request from stdin', () => {
    const child = spawnSync(process.execPath, ['dist/cli/main.js', ...apply('-')], {
      cwd: ROOT,
      encoding: 'utf8',
      input: readFileSync(`${ROOT}${DEMO}meetingtype-105.xml`, 'utf8'),
    })
    expect(child.status).toBe(0)
    expect(json(child.stdout)).toMatchObject({ user: { meetingTypes: [105] } })
  })

  it('batch: NDJSON from stdin, NDJSON out, the summary on stderr and no progress bar on a pipe', () => {
    const user = JSON.parse(readFileSync(`${ROOT}${DEMO}jdoe.json`, 'utf8')) as object
    const site = JSON.parse(readFileSync(`${ROOT}${DEMO}site.json`, 'utf8')) as object
    const caller = { webExId: 'admin', role: 'siteAdmin' }
    const input = [
      { user, site, request: { caller, body: { webExId: 'jdoe', meetingTypes: [105] } } },
      { user, site, request: { caller, body: { webExId: 'jdoe', phones: { PIN: '7777' } } } },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n')
    const child = spawnSync(process.execPath, ['dist/cli/main.js', 'batch', '--input', '-'], {
      cwd: ROOT,
      encoding: 'utf8',
      input,
    })
    expect(child.status).toBe(1)
    expect(
      child.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { status: string }).status),
    ).toEqual(['SUCCESS', 'FAILURE'])
    expect(child.stderr).toBe('batch: 2 requests, 1 applied, 1 refused, 0 unusable\n')
    expect(child.stdout).not.toContain('7777')
  })

  it('D-C9 batch answers each line of stdin as it arrives: the first result before the second line is written', async () => {
    const user = JSON.parse(readFileSync(`${ROOT}${DEMO}jdoe.json`, 'utf8')) as object
    const site = JSON.parse(readFileSync(`${ROOT}${DEMO}site.json`, 'utf8')) as object
    const line = (body: object): string =>
      `${JSON.stringify({ user, site, request: { caller: { webExId: 'admin', role: 'siteAdmin' }, body } })}\n`
    const child = spawn(process.execPath, ['dist/cli/main.js', 'batch', '--input', '-'], { cwd: ROOT })
    let out = ''
    let err = ''
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    /** The stdout lines once there are `count`, or what there is after 20 s (stdin still open). */
    const lines = (count: number): Promise<string[]> =>
      new Promise((resolve) => {
        const done = (): void => {
          const got = out.split('\n').filter((l) => l !== '')
          if (got.length < count) return
          child.stdout.off('data', onData)
          clearTimeout(timer)
          resolve(got)
        }
        const onData = (chunk: Buffer): void => {
          out += chunk.toString()
          done()
        }
        const timer = setTimeout(() => {
          child.stdout.off('data', onData)
          resolve(out.split('\n').filter((l) => l !== ''))
        }, 20_000)
        child.stdout.on('data', onData)
        done()
      })
    try {
      child.stdin.write(line({ webExId: 'jdoe', meetingTypes: [105] }))
      const first = await lines(1)
      expect(first.map((l) => (JSON.parse(l) as { line: number; status: string }).status)).toEqual(['SUCCESS'])
      child.stdin.end(line({ webExId: 'jdoe', phones: { PIN: '7777' } }))
      const both = await lines(2)
      expect(both.map((l) => (JSON.parse(l) as { status: string }).status)).toEqual(['SUCCESS', 'FAILURE'])
      expect(await exited).toBe(1)
      expect(err).toBe('batch: 2 requests, 1 applied, 1 refused, 0 unusable\n')
    } finally {
      child.kill()
    }
  }, 60_000)

  it('D-C9 batch into a pipe closed early (| head): exit 2 with one line, no stack trace', async () => {
    const user = JSON.parse(readFileSync(`${ROOT}${DEMO}jdoe.json`, 'utf8')) as object
    const site = JSON.parse(readFileSync(`${ROOT}${DEMO}site.json`, 'utf8')) as object
    const line = `${JSON.stringify({ user, site, request: { body: { webExId: 'jdoe' } } })}\n`
    const child = spawn(process.execPath, ['dist/cli/main.js', 'batch', '--input', '-'], { cwd: ROOT })
    let err = ''
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.stdin.on('error', () => undefined) // the child may stop reading first
    child.stdout.once('data', () => child.stdout.destroy())
    child.stdin.end(line.repeat(2000))
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).toBe(2)
    expect(err).toMatch(/^webex-user-rules: cannot write the results \(write EPIPE\) \(after line \d+\)\n/)
    noStackTrace(err)
  }, 60_000)

  it('D-C9 batch holds one line at a time: 64 MiB of stdin through a 24 MiB heap', () => {
    const user = JSON.parse(readFileSync(`${ROOT}${DEMO}jdoe.json`, 'utf8')) as object
    const site = JSON.parse(readFileSync(`${ROOT}${DEMO}site.json`, 'utf8')) as object
    const blank = `${' '.repeat(1023)}\n`.repeat(64 * 1024)
    const last = JSON.stringify({ user, site, request: { body: { webExId: 'jdoe' } } })
    const child = spawnSync(
      process.execPath,
      ['--max-old-space-size=24', 'dist/cli/main.js', 'batch', '--input', '-'],
      { cwd: ROOT, encoding: 'utf8', input: `${blank}${last}\n`, maxBuffer: 1024 * 1024 },
    )
    expect(child.stderr).toBe('batch: 1 request, 1 applied, 0 refused, 0 unusable\n')
    expect(child.status).toBe(0)
    expect(JSON.parse(child.stdout)).toMatchObject({ line: 64 * 1024 + 1, status: 'SUCCESS' })
  }, 60_000)

  it('the corpus GetUser response with a corpus SetUser, from the package entry of npx', () => {
    // `npx webex-user-rules` inside the repository runs this package's own bin (npm links the
    // current project); offline, so the test never reaches a registry
    const child = spawnSync(
      'npx',
      [
        '--offline',
        'webex-user-rules',
        'apply',
        '--user',
        `${CORPUS}getuser-response-atlas-1.xml`,
        '--site',
        `${DEMO}site.json`,
        '--request',
        `${CORPUS}setuser-wxdash-5.xml`,
        '--retarget',
        '--format',
        'diff',
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    )
    expect(child.stderr).toBe('')
    expect(child.stdout).toBe(
      // the diff is against the retargeted user, so webExId is not a change
      'SetUser admin by admin (siteAdmin): SUCCESS\n' +
        '  changed  phones.PIN: [redacted] → [redacted]\n' +
        '  effect   provisionTelephony {"server":"primaryLarge"}\n',
    )
    expect(child.status).toBe(0)
  }, 60_000)
})

describe('the service as a real process (service/dist/main.js, the webex-user-rules-server bin)', () => {
  it('starts from the build on PGlite (memory:) on an ephemeral port with its seed and answers GetUser and SetUser', async () => {
    const child = spawn(process.execPath, ['service/dist/main.js', '--port', '0'], { cwd: ROOT })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          // exactly one stdout line (issue 11 item 1)
          const match = /^listening on (http:\/\/127\.0\.0\.1:\d+\/WBXService\/XMLService)\n$/.exec(out)
          if (match?.[1] !== undefined) resolve(match[1])
        })
        child.on('exit', (code) => {
          reject(new Error(`server exited with ${String(code)}: ${out}`))
        })
      })
      const post = async (body: string): Promise<string> => (await fetch(url, { method: 'POST', body })).text()
      const jdoe = parseGetUserResponse(
        await post(
          renderGetUserMessage({
            securityContext: { webExID: 'admin', password: 'DummyPass-1', siteName: 'examplesite' },
            body: { webExId: 'jdoe' },
          }),
        ),
      )
      expect(E.isRight(jdoe) && jdoe.right.meetingTypes).toEqual([1, 2, 3])
      // the demo's seed example, now over HTTP: a host refused personalTeleconf/joinBeforeHost (R9)
      const refused = await post(readFileSync(`${ROOT}${DEMO}host-joinbeforehost.xml`, 'utf8'))
      expect(parseResponseStatus(refused)).toMatchObject(E.right({ result: 'FAILURE', exceptionID: '000001' }))
      const applied = await post(readFileSync(`${ROOT}${DEMO}meetingtype-105.xml`, 'utf8'))
      expect(parseResponseStatus(applied)).toMatchObject(E.right({ result: 'SUCCESS' }))
    } finally {
      child.kill()
    }
  }, 120_000)
})
