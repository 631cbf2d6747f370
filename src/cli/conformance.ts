/**
 * `webex-user-rules conformance`: runs the conformance kit (`webex-user-rules/testing`) against a
 * User-service endpoint over HTTP and prints a summary; the JSON report goes to `--report`.
 * Self-contained: `main.ts` only dispatches the subcommand here.
 *
 * Exit codes: 0 the endpoint conforms; 1 it disagreed with the specification; 2 unusable
 * arguments, an unreachable endpoint or refused admin credentials.
 *
 * @module
 */
import { parseArgs } from 'node:util'
import * as E from '#fp-ts/Either.js'
import { SiteContext } from 'webex-user-rules'
import {
  checkConformance,
  type ConformanceReport,
  type ConformanceSite,
  httpSender,
  type Send,
} from 'webex-user-rules/testing'

/** What the subcommand needs from the outside world. */
export interface ConformanceIO {
  readonly readFile: (path: string) => Uint8Array
  readonly writeFile: (path: string, text: string) => void
  /** Progress output (stderr); the bar is drawn only when it is a terminal. */
  readonly progress: { readonly isTTY: boolean; readonly write: (text: string) => void }
  /** The sender for a URL (default: HTTP POST). */
  readonly sender?: (url: string) => Send
  /** The environment (for `WUR_ADMIN_PASSWORD`). */
  readonly env?: Readonly<Record<string, string | undefined>>
}

/** The outcome of the subcommand. */
export interface ConformanceCliResult {
  readonly stdout: string
  readonly stderr: string
  readonly exitCode: 0 | 1 | 2
}

export const CONFORMANCE_USAGE = `Usage: webex-user-rules conformance --url <URL> --admin <webExId>:<password>
                        [--site-limit N] [--other-hosts N] [--site <file>] [--site-name NAME]
                        [--runs N] [--seed S] [--concurrency K] [--report <file>] [--replay <path>]

Runs the executable specification against a User-service endpoint (e.g.
https://host/WBXService/XMLService): creates its own users (webExIds starting "wurconf-"),
sends generated requests of every operation as the admin and as its users, alone and in
concurrent rounds of up to K (default 4, at most 6), and compares every answer and the
GetUser view afterwards with the engine's prediction. The users are deactivated (DelUser) at
the end.

  --admin       a site administrator; the password may instead be in $WUR_ADMIN_PASSWORD
  --site-limit  the site's host limit (default: none)
  --other-hosts active hosts on the site besides the kit's users (default 0)
  --site        a JSON file with the site's settings (hostLimit, otherActiveHosts,
                allowUserToChangeUserName, productIds, controlHubManaged, features, telephony,
                usesSSO, timeZoneID, languages)
  --site-name   sent as the securityContext siteName of every request
  --runs        generated sequences (default 20); --seed replays one run of them
  --report      writes the JSON report (passwords redacted)

Exit status: 0 conforms, 1 disagreements, 2 unusable input, unreachable endpoint or bad admin.`

const usage = (message: string): ConformanceCliResult => ({
  stdout: '',
  stderr: `webex-user-rules conformance: ${message}\n\n${CONFORMANCE_USAGE}\n`,
  exitCode: 2,
})

const count = (value: string | undefined, name: string, min: number, max: number): number | string | undefined => {
  if (value === undefined) return undefined
  if (!/^[0-9]+$/.test(value) || Number(value) < min || Number(value) > max)
    return `${name} must be a whole number from ${String(min)} to ${String(max)}`
  return Number(value)
}

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(1, width - text.length))

/** The summary table and, for a failure, the history a person can act on. */
export const formatReport = (report: ConformanceReport, url: string): string => {
  const lines = [`conformance of ${url} (seed ${String(report.seed)}, run id ${report.runId})`, '']
  lines.push(`  ${pad('runs', 22)}${String(report.runs)}`)
  lines.push(`  ${pad('operations sent', 22)}${String(report.operationsSent)}`)
  for (const [operation, n] of Object.entries(report.byOperation).sort())
    lines.push(`    ${pad(operation, 20)}${String(n)}`)
  lines.push(`  ${pad('checks', 22)}${String(report.checks)}`)
  lines.push(`  ${pad('disagreements', 22)}${String(report.disagreements.length)}`)
  const kinds = new Map<string, number>()
  for (const d of report.disagreements) kinds.set(d.kind, (kinds.get(d.kind) ?? 0) + 1)
  for (const [kind, n] of kinds) lines.push(`    ${pad(kind, 20)}${String(n)}`)
  lines.push('')
  if (report.unusable !== undefined) lines.push(`cannot run: ${report.unusable}`)
  else if (report.conforms) lines.push('verdict: CONFORMS')
  else {
    lines.push('verdict: DOES NOT CONFORM')
    for (const d of report.disagreements) {
      lines.push(`  ${d.kind}: ${d.message}`)
      if (d.expected !== undefined) lines.push(`    expected: ${d.expected}`)
    }
    lines.push('', 'the shrunk failing run, step by step (passwords redacted):')
    for (const [i, step] of (report.history ?? []).entries()) {
      lines.push(`  step ${String(i + 1)} (${step.round})`)
      for (const e of step.exchanges) {
        lines.push(`    ${e.operation}${e.expected === undefined ? '' : ` — the model: ${e.expected}`}`)
        lines.push(`      → ${e.request.replace(/\n\s*/g, '')}`)
        lines.push(`      ← ${e.answer.replace(/\n\s*/g, '')}`)
      }
    }
    lines.push(
      '',
      `replay: webex-user-rules conformance --url ${url} --admin … --seed ${String(report.seed)}` +
        (report.replayPath === undefined ? '' : ` --replay ${report.replayPath}`),
    )
  }
  return `${lines.join('\n')}\n`
}

/** Runs the subcommand (`argv` without the word `conformance`). Never throws. */
export const runConformance = async (argv: readonly string[], io: ConformanceIO): Promise<ConformanceCliResult> => {
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        url: { type: 'string' },
        admin: { type: 'string' },
        'site-limit': { type: 'string' },
        'other-hosts': { type: 'string' },
        'site-name': { type: 'string' },
        site: { type: 'string' },
        runs: { type: 'string' },
        seed: { type: 'string' },
        concurrency: { type: 'string' },
        report: { type: 'string' },
        replay: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (thrown) {
    return usage(thrown instanceof Error ? thrown.message : String(thrown))
  }
  if (values['help'] === true) return { stdout: `${CONFORMANCE_USAGE}\n`, stderr: '', exitCode: 0 }
  const str = (name: string): string | undefined => {
    const v = values[name]
    return typeof v === 'string' ? v : undefined
  }
  const url = str('url')
  if (url === undefined || !/^https?:\/\/[^\s]+$/.test(url)) return usage('--url must be an http(s) URL')
  const admin = str('admin')
  if (admin === undefined) return usage('--admin <webExId>:<password> is required')
  const colon = admin.indexOf(':')
  const webExId = colon === -1 ? admin : admin.slice(0, colon)
  const password = colon === -1 ? io.env?.['WUR_ADMIN_PASSWORD'] : admin.slice(colon + 1)
  if (webExId === '' || password === undefined || password === '')
    return usage('--admin needs <webExId>:<password> (or the password in $WUR_ADMIN_PASSWORD)')

  const numbers = {
    siteLimit: count(str('site-limit'), '--site-limit', 0, 1_000_000),
    otherHosts: count(str('other-hosts'), '--other-hosts', 0, 1_000_000),
    runs: count(str('runs'), '--runs', 1, 100_000),
    seed: count(str('seed'), '--seed', 0, 0x7fffffff),
    concurrency: count(str('concurrency'), '--concurrency', 1, 6),
  }
  for (const v of Object.values(numbers)) if (typeof v === 'string') return usage(v)
  const num = (v: number | string | undefined): number | undefined => (typeof v === 'number' ? v : undefined)

  let site: ConformanceSite = {}
  const siteFile = str('site')
  if (siteFile !== undefined) {
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(io.readFile(siteFile)))
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        return usage(`--site ${siteFile}: a JSON object of site settings is expected`)
      const { otherActiveHosts, ...settings } = parsed as Record<string, unknown>
      const checked = SiteContext.decode({
        allowUserToChangeUserName: false,
        productIds: [],
        controlHubManaged: false,
        ...settings,
        activeHostCount: 0,
        takenWebExIds: [],
      })
      if (E.isLeft(checked)) {
        const paths = checked.left.map((e) =>
          e.context
            .map((c) => c.key)
            .filter((k) => k !== '')
            .join('.'),
        )
        return usage(`--site ${siteFile}: invalid ${[...new Set(paths)].join(', ')}`)
      }
      if (otherActiveHosts !== undefined && (!Number.isSafeInteger(otherActiveHosts) || Number(otherActiveHosts) < 0))
        return usage(`--site ${siteFile}: otherActiveHosts must be a whole number`)
      const { activeHostCount: _count, takenWebExIds: _taken, takenEmails: _emails, ...known } = checked.right
      site = { ...known, ...(otherActiveHosts === undefined ? {} : { otherActiveHosts: Number(otherActiveHosts) }) }
    } catch (thrown) {
      return usage(`--site ${siteFile}: ${thrown instanceof Error ? thrown.message : String(thrown)}`)
    }
  }
  const siteLimit = num(numbers.siteLimit)
  const otherHosts = num(numbers.otherHosts)
  site = {
    ...site,
    ...(siteLimit === undefined ? {} : { hostLimit: siteLimit }),
    ...(otherHosts === undefined ? {} : { otherActiveHosts: otherHosts }),
  }

  const runs = num(numbers.runs) ?? 20
  const seed = num(numbers.seed)
  const concurrency = num(numbers.concurrency)
  const replay = str('replay')
  const siteName = str('site-name')
  const bar = (done: number, total: number): void => {
    if (!io.progress.isTTY) return
    const width = 30
    const filled = Math.round((done / total) * width)
    io.progress.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(done)}/${String(total)} runs`)
    if (done === total) io.progress.write('\n')
  }
  const report = await checkConformance({
    send: (io.sender ?? httpSender)(url),
    admin: { webExId, password },
    site,
    runs,
    ...(seed === undefined ? {} : { seed }),
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(replay === undefined ? {} : { replayPath: replay }),
    ...(siteName === undefined ? {} : { securityContext: { siteName } }),
    onProgress: bar,
  })
  const reportFile = str('report')
  let stderr = ''
  if (reportFile !== undefined) {
    try {
      io.writeFile(reportFile, `${JSON.stringify({ url, ...report }, null, 2)}\n`)
    } catch (thrown) {
      stderr = `cannot write the report ${reportFile}: ${thrown instanceof Error ? thrown.message : String(thrown)}\n`
    }
  }
  const exitCode = report.unusable !== undefined ? 2 : report.conforms ? 0 : 1
  return { stdout: formatReport(report, url), stderr, exitCode }
}
