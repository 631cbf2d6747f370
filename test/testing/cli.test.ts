/**
 * `webex-user-rules conformance` as a function (issue 12 item 2): the summary table, the JSON
 * report, the progress bar on a terminal only, exit status 0/1/2, and no password in any output.
 * The last test drives the example server over real HTTP with the default sender.
 */
import type { AddressInfo } from 'node:net'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, describe, expect, it } from 'vitest'
import { countActiveHosts, type User } from 'webex-user-rules'
import type { Send } from 'webex-user-rules/testing'
import { type CliIO, type CliResult, runAsync } from '../../src/cli/run.js'
import { createServer, createXmlHandler, XML_SERVICE_PATH } from '../../examples/server/server.js'
import { type SiteSettings, UserStore } from '../../examples/server/store.js'

const PASSWORD = 'Adm1n-Secret-77'
const SETTINGS: SiteSettings = {
  hostLimit: 5,
  allowUserToChangeUserName: true,
  productIds: [120],
  controlHubManaged: false,
}
const USERS: User[] = [{ webExId: 'admin', password: PASSWORD, privilege: { siteAdmin: true } }, { webExId: 'jdoe' }]

const store = (): UserStore => {
  const s = UserStore.create({ site: SETTINGS, users: USERS })
  if (E.isLeft(s)) throw new Error(s.left)
  return s.right
}
const inProcess =
  (wrap: (answer: string) => string = (a) => a) =>
  (): Send => {
    const answer = createXmlHandler(store())
    return async (xml) => wrap(await answer(new TextEncoder().encode(xml)))
  }

interface Captured {
  readonly io: CliIO
  readonly files: Map<string, string>
  readonly progress: string[]
}
const capture = (sender: (url: string) => Send, isTTY = false, files: Record<string, string> = {}): Captured => {
  const written = new Map<string, string>()
  const progress: string[] = []
  return {
    files: written,
    progress,
    io: {
      readFile: (path) => {
        const text = files[path]
        if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`)
        return new TextEncoder().encode(text)
      },
      writeFile: (path, text) => written.set(path, text),
      isTTY: false,
      ...(isTTY ? { progress: (text: string) => progress.push(text) } : {}),
      sender,
      env: {},
    },
  }
}

/** The command through the registry, as the executable runs it. */
const runConformance = (argv: readonly string[], io: CliIO): Promise<CliResult> =>
  runAsync(['conformance', ...argv], io)

const URL_ = 'http://127.0.0.1:9/WBXService/XMLService'
const SITE_FLAGS = ['--site-limit', '5', '--other-hosts', String(countActiveHosts(USERS))]
const base = ['--url', URL_, '--admin', `admin:${PASSWORD}`, ...SITE_FLAGS, '--seed', '7']

describe('webex-user-rules conformance (issue 12 item 2)', { timeout: 120_000 }, () => {
  it('exit 0 on a conforming endpoint: the summary table, the JSON report, no password anywhere', async () => {
    const c = capture(inProcess(), false, { 'site.json': JSON.stringify({ ...SETTINGS, features: {} }) })
    const result = await runConformance(
      [...base, '--runs', '6', '--concurrency', '1', '--site', 'site.json', '--report', 'r.json'],
      c.io,
    )
    expect(result.stderr).toBe('')
    expect(result.exitCode, result.stdout).toBe(0)
    expect(result.stdout).toMatch(/operations sent\s+[0-9]+/)
    expect(result.stdout).toMatch(/ {4}SetUser\s+[0-9]+/)
    expect(result.stdout).toMatch(/checks\s+[0-9]+/)
    expect(result.stdout).toMatch(/disagreements\s+0/)
    expect(result.stdout).toContain('verdict: CONFORMS')
    const report = JSON.parse(c.files.get('r.json') ?? '{}') as { conforms: boolean; seed: number; runs: number }
    expect(report).toMatchObject({ conforms: true, seed: 7, runs: 6 })
    expect(c.progress).toEqual([])
    for (const text of [result.stdout, result.stderr, c.files.get('r.json') ?? '']) expect(text).not.toContain(PASSWORD)
  })

  it('exit 1 when answers disagree: the disagreements by kind, the history as XML with passwords redacted, the replay line', async () => {
    // a server that answers every failure with another exceptionID
    const lying = inProcess((a) =>
      a.replace(/<serv:exceptionID>[0-9]+<\/serv:exceptionID>/, '<serv:exceptionID>999999</serv:exceptionID>'),
    )
    const c = capture(lying, true)
    // serial rounds: a lying answer in a concurrent round is reported as noSerialOrder instead
    const result = await runConformance([...base, '--runs', '20', '--concurrency', '1', '--report', 'r.json'], c.io)
    expect(result.exitCode, result.stdout).toBe(1)
    expect(result.stdout).toContain('verdict: DOES NOT CONFORM')
    expect(result.stdout).toMatch(/disagreements\s+1\n {4}exceptionID\s+1/)
    expect(result.stdout).toMatch(/the model: FAILURE [0-9]{6}/)
    expect(result.stdout).toContain('<serv:exceptionID>999999</serv:exceptionID>')
    expect(result.stdout).toContain('<password>[redacted]</password>')
    expect(result.stdout).toMatch(/replay: webex-user-rules conformance --url \S+ --admin … --seed 7 --replay [0-9:]+/)
    const report = JSON.parse(c.files.get('r.json') ?? '{}') as { conforms: boolean; disagreements: { kind: string }[] }
    expect(report.conforms).toBe(false)
    expect(report.disagreements.map((d) => d.kind)).toEqual(['exceptionID'])
    for (const text of [result.stdout, c.files.get('r.json') ?? '']) expect(text).not.toContain(PASSWORD)
    // the progress bar, on a terminal
    expect(c.progress.join('')).toMatch(/\r\[#+\.*\] [0-9]+\/20 runs/)
  })

  it('exit 2: unreachable endpoint, refused admin credentials, unusable arguments', async () => {
    const unreachable = await runConformance(
      base,
      capture(() => () => Promise.reject(new Error('connect ECONNREFUSED'))).io,
    )
    expect(unreachable.exitCode).toBe(2)
    expect(unreachable.stdout).toContain('cannot run: the endpoint is unreachable: connect ECONNREFUSED')

    const refused = await runConformance(['--url', URL_, '--admin', 'admin:wrong-password'], capture(inProcess()).io)
    expect(refused.exitCode).toBe(2)
    expect(refused.stdout).toContain('cannot run: the admin credentials are refused (030002')
    expect(refused.stdout + refused.stderr).not.toContain('wrong-password')

    const notAdmin = await runConformance(['--url', URL_, '--admin', 'jdoe:x'], capture(inProcess()).io)
    expect(notAdmin.exitCode).toBe(2)

    for (const args of [
      ['--admin', `admin:${PASSWORD}`],
      ['--url', 'ftp://x', '--admin', `admin:${PASSWORD}`],
      ['--url', URL_],
      ['--url', URL_, '--admin', 'admin'],
      [...base, '--concurrency', '7'],
      [...base, '--runs', '0'],
      [...base, '--site', 'missing.json'],
      [...base, '--bogus'],
    ]) {
      const result = await runConformance(args, capture(inProcess()).io)
      expect(result.exitCode, args.join(' ')).toBe(2)
      expect(result.stderr).toContain('Run "webex-user-rules conformance --help" for usage.')
      expect(result.stderr).not.toContain(PASSWORD)
    }
    const badSite = await runConformance(
      [...base, '--site', 's.json'],
      capture(inProcess(), false, { 's.json': '{"hostLimit":-1}' }).io,
    )
    expect(badSite.exitCode).toBe(2)
    expect(badSite.stderr).toContain('invalid hostLimit')
  })

  const server = createServer(store())
  afterAll(() => {
    server.close()
  })

  it('over HTTP with the default sender (httpSender), serial rounds: exit 0', async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    // the server's site allows user renames: without --site the kit assumes it does not, and this
    // seed's self-rename onto a taken name is then a true disagreement (030004 against 000001)
    const c = capture(undefined as unknown as (url: string) => Send, false, {
      'site.json': JSON.stringify({ ...SETTINGS, features: {} }),
    })
    const { sender: _none, ...io } = c.io
    const url = `http://127.0.0.1:${String(port)}${XML_SERVICE_PATH}`
    const result = await runConformance(
      ['--url', url, '--admin', `admin:${PASSWORD}`, ...SITE_FLAGS, '--site', 'site.json'].concat([
        '--runs',
        '4',
        '--concurrency',
        '1',
        '--seed',
        '781723483',
      ]),
      io,
    )
    expect(result.exitCode, result.stdout).toBe(0)
  })
})
