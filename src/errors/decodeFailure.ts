/**
 * Turns codec issues into public {@link DecodeFailure} data.
 *
 * @module
 */
import { type Issue, renderPath } from '../model/codec.js'
import { type DecodeFailure, type FailureSource, type InvalidRequest, invalidRequest } from './SetUserError.js'

/** One issue as a public failure of `source`. */
export const toFailure = (source: FailureSource, issue: Issue): DecodeFailure => ({
  source,
  code: issue.code,
  path: renderPath(issue.path),
  expected: issue.expected,
  actual: issue.actual,
  ...(issue.hint === undefined ? {} : { hint: issue.hint }),
})

/** Maps the issues of one input to failures, keeping every path. */
export const toFailures = (source: FailureSource, issues: readonly Issue[]): DecodeFailure[] =>
  issues.map((issue) => toFailure(source, issue))

/** An `InvalidRequest` for the issues of one input. */
export const invalidInput = (source: FailureSource, issues: readonly Issue[]): InvalidRequest =>
  invalidRequest(toFailures(source, issues))
