/**
 * The `--format explain` view: the trace of `explainSetUser`, one line per entry with its rule,
 * and the sentence that decided it below.
 *
 * @module
 */
import { formatError } from 'webex-user-rules'
import type { TraceEntry } from 'webex-user-rules/explain'
import { formatChange } from './diff.js'

const what = (entry: TraceEntry): string => {
  switch (entry.kind) {
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

/** The trace under a title line; `(no changes)` for an empty one. */
export const formatTrace = (title: string, trace: readonly TraceEntry[]): string => {
  const lines = [title]
  if (trace.length === 0) lines.push('  (no changes)')
  for (const entry of trace) {
    lines.push(`  [${entry.stage}] ${entry.rule.padEnd(5)} ${what(entry).split('\n').join('\n    ')}`)
    if (entry.source.text !== '') lines.push(`        ${entry.source.kind}: “${entry.source.text}”`)
  }
  return `${lines.join('\n')}\n`
}
