/**
 * The `--format explain` view: the trace of the operation's explain function, one line per entry
 * with its rule, and the sentence that decided it below. DelUser's per-user entries name their
 * user.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { formatError } from 'webex-user-rules'
import type { Explained, TraceEntry } from 'webex-user-rules/explain'
import { formatChange } from './diff.js'
import { type CliResult, refused } from './shared.js'

const what = (entry: TraceEntry): string => {
  switch (entry.kind) {
    case 'step':
      return `step     ${entry.detail}`
    case 'changed':
      // the trace already masks secrets
      return `changed  ${formatChange(entry)}`
    case 'ignored':
    case 'reset':
    case 'warning':
      return `${entry.kind.padEnd(8)} ${entry.path}: ${entry.message}`
    case 'effect': {
      const { kind, ...details } = entry.effect
      return `effect   ${kind}${Object.keys(details).length === 0 ? '' : ` ${JSON.stringify(details)}`}`
    }
    case 'error':
      return `error    ${formatError(entry.error)}`
  }
}

/**
 * The trace under a title line; `(no changes)` for an empty one. `outcomeName` names the user of
 * an entry that has an `outcome` (DelUser).
 */
export const formatTrace = (
  title: string,
  trace: readonly TraceEntry[],
  outcomeName: (outcome: number) => string = (outcome) => `#${String(outcome + 1)}`,
): string => {
  const lines = [title]
  if (trace.length === 0) lines.push('  (no changes)')
  for (const entry of trace) {
    const whose = entry.outcome === undefined ? '' : `${outcomeName(entry.outcome)}: `
    lines.push(`  [${entry.stage}] ${entry.rule.padEnd(5)} ${whose}${what(entry).split('\n').join('\n    ')}`)
    if (entry.source.text !== '') lines.push(`        ${entry.source.kind}: “${entry.source.text}”`)
  }
  return `${lines.join('\n')}\n`
}

/**
 * A command's `--format explain` answer: the trace (exit 0 applied, 1 refused), or exit 2 when
 * the error is about the users or site files rather than the request (the hint names `command`'s
 * own `--help`, D-C7).
 */
export const explainedResult = <A>(
  title: string,
  command: string,
  { result, trace }: Explained<A>,
  outcomeName?: (outcome: number) => string,
): CliResult => {
  if (E.isLeft(result)) {
    const input = refused('diff', result.left, title, '', command)
    if (input.exitCode === 2) return input
  }
  const failed = E.isLeft(result)
  return {
    stdout: formatTrace(`${title}: ${failed ? 'FAILURE' : 'SUCCESS'}`, trace, outcomeName),
    stderr: '',
    exitCode: failed ? 1 : 0,
  }
}
