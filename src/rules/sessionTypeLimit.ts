/**
 * R29 — session-type user limits.
 *
 * Sources (docs/spec.md §7): 110055 "User limit exceeded for the session type …", with
 * `serv:value` = the session type id in the answer.
 *
 * D-F10: checked for the session types the site limits (`site.sessionTypeLimits`: the limit and
 * how many other users hold the type). Only a type the user gains counts (a type kept is already
 * counted); gaining it fails when the other holders already fill the limit. The first such type in
 * request order is reported, its id the error's `value`.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { ruleViolation, type RuleViolation } from '../errors/ruleViolation.js'
import type { SessionTypeLimit } from '../model/site.js'
import type { User } from '../model/user.js'

/** 110055 for the first gained session type whose limit is reached. */
export const checkSessionTypeLimits = (
  before: Pick<User, 'meetingTypes'> | undefined,
  result: Pick<User, 'meetingTypes'>,
  limits: readonly SessionTypeLimit[] | undefined,
): E.Either<RuleViolation, void> => {
  if (limits === undefined || result.meetingTypes === before?.meetingTypes) return E.right(undefined)
  // a Set of undefined is empty: no `?? []` whose replacement (a list of strings) no numeric type could tell apart
  const held = new Set(before?.meetingTypes)
  for (const type of result.meetingTypes ?? []) {
    if (held.has(type)) continue
    const limit = limits.find((entry) => entry.sessionType === type)
    if (limit !== undefined && limit.users >= limit.limit)
      return E.left(ruleViolation('R29', '110055', 'meetingTypes', String(type)))
  }
  return E.right(undefined)
}
