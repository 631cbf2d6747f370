/**
 * The one `try` of the engine (D-E2). Every public operation runs inside it. A throw can only have
 * two causes: input that is not plain data (a getter or proxy that throws when read), which is the
 * caller's `InvalidRequest`; or a bug in the engine, which is a defect and is thrown on as an
 * {@link EngineDefect}, never disguised as the caller's error.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { isPlainData, PLAIN_DATA } from '../model/plain.js'
import { type FailureSource, invalidRequest, type SetUserError } from './SetUserError.js'

/**
 * A bug in the engine: something threw although every input was plain data. The original error
 * is the `cause`.
 *
 * @category errors
 * @example
 * ```ts
 * import { EngineDefect } from 'webex-user-rules'
 * new EngineDefect(new TypeError('x')).name //=> 'EngineDefect'
 * ```
 */
export class EngineDefect extends Error {
  constructor(cause: unknown) {
    super('webex-user-rules: internal error (a bug in the engine, please report it)', { cause })
    this.name = 'EngineDefect'
  }
}

/**
 * Runs `run`; if it throws, the first of the `inputs` (named by their failure source, in the
 * order given) that is not plain data is the caller's `InvalidRequest`, and when all are plain
 * data the throw is an {@link EngineDefect}. The check walks the inputs only after a throw, so the
 * common path costs nothing; with `first`, for small inputs that `run` only tests with a codec's
 * `is` (false for a getter, which then is not read, so nothing throws), it walks them before `run`.
 */
export const guard = <A, L = SetUserError>(
  inputs: Readonly<Partial<Record<FailureSource, unknown>>>,
  run: () => E.Either<L, A>,
  first = false,
): E.Either<L | SetUserError, A> => {
  // the offending value is never shown: it comes from the caller's object and may hold anything
  const refuse = (actual: string) => {
    const offending = Object.keys(inputs).find((source) => !isPlainData(inputs[source as FailureSource]))
    return offending === undefined
      ? undefined
      : E.left(
          invalidRequest([
            { source: offending as FailureSource, code: 'wrongType', path: '', expected: PLAIN_DATA, actual },
          ]),
        )
  }
  try {
    return (first ? refuse('(not shown)') : undefined) ?? run()
  } catch (thrown) {
    // a defect found by an operation this one calls stays that defect
    if (thrown instanceof EngineDefect) throw thrown
    const refused = refuse('a value that throws when read')
    if (refused === undefined) throw new EngineDefect(thrown)
    return refused
  }
}
