/**
 * `webex-user-rules conformance`: runs the conformance kit (`webex-user-rules/testing`) against a
 * User-service endpoint over HTTP and prints a summary; the JSON report goes to `--report`. A
 * {@link CliCommand} of the registry like the others (its options, `--help`, refusals by commander);
 * it is the one asynchronous command (D-C5). The kit needs fast-check, an optional peer dependency,
 * so it is loaded only when the command runs.
 *
 * Exit codes: 0 the endpoint conforms; 1 it disagreed with the specification; 2 unusable
 * arguments, an unreachable endpoint or refused admin credentials.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { SiteContext } from 'webex-user-rules'
import type { ConformanceReport, ConformanceSite } from 'webex-user-rules/testing'
import {
  type CliCommand,
  type CliIO,
  type CliResult,
  loadJson,
  NAME,
  stringOption,
  unusable,
  Unusable,
} from './shared.js'

const DETAILS = `Runs the executable specification against a User-service endpoint (e.g.
https://host/WBXService/XMLService): creates its own users (webExIds starting "wurconf-"),
sends generated requests of every operation as the admin and as its users, alone and in
concurrent rounds of up to K (default 4, at most 6), and compares every answer and the
GetUser view afterwards with the engine's prediction. The users are deactivated (DelUser) at
the end. Needs fast-check (npm install --save-dev fast-check).

Exit status: 0 conforms, 1 disagreements, 2 unusable input, unreachable endpoint or bad admin.`

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

const usage = (message: string): CliResult => unusable(message, 'conformance')

/** Runs the kit with the parsed options. Never throws nor rejects. */
const runConformance = async (values: Readonly<Record<string, unknown>>, io: CliIO): Promise<CliResult> => {
  let kit: typeof import('webex-user-rules/testing')
  try {
    kit = await import('webex-user-rules/testing')
  } catch (thrown) {
    const missing = thrown instanceof Error && thrown.message.includes('fast-check')
    return {
      stdout: '',
      stderr: missing
        ? `${NAME} conformance needs fast-check: npm install --save-dev fast-check\n`
        : `${NAME} conformance: ${thrown instanceof Error ? thrown.message : String(thrown)}\n`,
      exitCode: 2,
    }
  }
  const str = (name: string): string | undefined => stringOption(values, name)
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
    siteLimit: count(str('siteLimit'), '--site-limit', 0, 1_000_000),
    otherHosts: count(str('otherHosts'), '--other-hosts', 0, 1_000_000),
    runs: count(str('runs'), '--runs', 1, 100_000),
    seed: count(str('seed'), '--seed', 0, 0x7fffffff),
    concurrency: count(str('concurrency'), '--concurrency', 1, 6),
  }
  for (const v of Object.values(numbers)) if (typeof v === 'string') return usage(v)
  const num = (v: number | string | undefined): number | undefined => (typeof v === 'number' ? v : undefined)

  let site: ConformanceSite = {}
  const siteFile = str('site')
  if (siteFile !== undefined) {
    // read like every file of the CLI ("-" for stdin; a JSON error by position only, D-E1)
    const parsed = loadJson(io, 'site', siteFile, 'the site settings')
    if (parsed instanceof Unusable) return usage(parsed.message)
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
  const siteName = str('siteName')
  // the bar only on a terminal: io.progress is given only then
  const bar = (done: number, total: number): void => {
    if (io.progress === undefined) return
    const width = 30
    const filled = Math.round((done / total) * width)
    io.progress(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(done)}/${String(total)} runs`)
    if (done === total) io.progress('\n')
  }
  const report = await kit.checkConformance({
    send: (io.sender ?? kit.httpSender)(url),
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
      if (io.writeFile === undefined) throw new Error('writing files is not available')
      io.writeFile(reportFile, `${JSON.stringify({ url, ...report }, null, 2)}\n`)
    } catch (thrown) {
      stderr = `cannot write the report ${reportFile}: ${thrown instanceof Error ? thrown.message : String(thrown)}\n`
    }
  }
  const exitCode = report.unusable !== undefined ? 2 : report.conforms ? 0 : 1
  return { stdout: formatReport(report, url), stderr, exitCode }
}

/** `conformance`: the kit against an endpoint. */
export const conformanceCommand: CliCommand = {
  name: 'conformance',
  summary: 'check a User-service endpoint against the specification (the conformance kit; needs fast-check)',
  details: DETAILS,
  asynchronous: true,
  options: [
    { flags: '--url <URL>', description: 'the endpoint, http(s)', required: true },
    {
      flags: '--admin <webExId:password>',
      description: 'a site administrator; the password may instead be in $WUR_ADMIN_PASSWORD',
      required: true,
    },
    { flags: '--site-limit <N>', description: "the site's host limit (default: none)" },
    { flags: '--other-hosts <N>', description: "active hosts on the site besides the kit's users (default 0)" },
    {
      flags: '--site <file>',
      description:
        "a JSON file with the site's settings (hostLimit, otherActiveHosts, allowUserToChangeUserName, productIds, controlHubManaged, features, telephony, usesSSO, timeZoneID, languages)",
    },
    { flags: '--site-name <name>', description: 'sent as the securityContext siteName of every request' },
    { flags: '--runs <N>', description: 'generated sequences (default 20)' },
    { flags: '--seed <S>', description: 'replays one run of them' },
    { flags: '--concurrency <K>', description: 'concurrent requests per round, 1 to 6 (default 4)' },
    { flags: '--report <file>', description: 'writes the JSON report (passwords redacted)' },
    { flags: '--replay <path>', description: 'the replay path of a shrunk failure (printed with it)' },
  ],
  run: runConformance,
}
