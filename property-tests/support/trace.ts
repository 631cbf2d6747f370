/**
 * The explain laws' oracle (D-PG1), independent of the explain code: the element paths where two
 * values differ (containers walked, a list one value, key order ignored), and the checks every
 * trace must pass whatever its operation.
 */
import { expect } from 'vitest'
import { EXPLAIN_STAGES, type TraceEntry } from 'webex-user-rules/explain'

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

/** Every element path to its value: containers are walked, a list is one value. */
const flatten = (value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> => {
  if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix === '' ? key : `${prefix}.${key}`, out)
  } else if (value !== undefined) {
    out.set(prefix, canonical(value))
  }
  return out
}
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  )

/** The element paths where `before` and `after` differ, sorted. */
export const differingPaths = (before: unknown, after: unknown): string[] => {
  const b = flatten(before)
  const a = flatten(after)
  return [...new Set([...a.keys(), ...b.keys()])].filter((p) => a.get(p) !== b.get(p)).sort()
}

/** No entry is left to `unexplained`, and every entry quotes a sentence. */
export const expectAllExplained = (trace: readonly TraceEntry[]): void => {
  expect(trace.filter((t) => t.rule === 'unexplained')).toEqual([])
  for (const t of trace) expect(t.source.text.length, t.rule).toBeGreaterThan(20)
}

/** The entries' stages never go back (pipeline order). */
export const expectPipelineOrder = (trace: readonly TraceEntry[]): void => {
  const stages = trace.map((t) => EXPLAIN_STAGES.indexOf(t.stage))
  expect(stages).toEqual([...stages].sort((x, y) => x - y))
}

/**
 * A refusal: exactly one error entry, the last, carrying the operation's own error (so the same
 * exceptionID); before it only the decision steps of earlier stages.
 */
export const expectRefusalExplained = (trace: readonly TraceEntry[], error: unknown): void => {
  expect(trace.filter((t) => t.kind === 'error')).toHaveLength(1)
  const last = trace.at(-1)
  expect(last?.kind === 'error' && last.error).toEqual(error)
  const limit = EXPLAIN_STAGES.indexOf(last?.stage ?? 'decode')
  for (const t of trace.slice(0, -1)) {
    expect(t.kind).toBe('step')
    expect(EXPLAIN_STAGES.indexOf(t.stage)).toBeLessThan(limit)
  }
}

/** The changed paths of the entries, sorted (a path claimed twice shows twice). */
export const changedPathsOf = (trace: readonly TraceEntry[]): string[] =>
  trace.flatMap((t) => (t.kind === 'changed' ? [t.path] : [])).sort()

/** The notices of the entries, as the result gives them. */
export const noticesOf = (trace: readonly TraceEntry[]): unknown[] =>
  trace.flatMap((t) =>
    t.kind === 'ignored' || t.kind === 'reset' || t.kind === 'warning'
      ? [{ kind: t.kind, path: t.path, message: t.message }]
      : [],
  )

/** The effects of the entries, in trace order. */
export const effectsOf = (trace: readonly TraceEntry[]): unknown[] =>
  trace.flatMap((t) => (t.kind === 'effect' ? [t.effect] : []))
