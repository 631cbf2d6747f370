/**
 * R25 — a MeetingPlace profile number belongs to one user.
 *
 * Sources (docs/spec.md §7): 030051 "Cisco Unified MeetingPlace profile number {0} is in use."
 *
 * D-F6: checked when the site lists the numbers other users hold (`site.takenMpProfileNumbers`);
 * numbers compare exactly after trimming; keeping one's own number (the stored value) is not a
 * conflict, and an empty value clears the number.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { ruleViolation, type RuleViolation } from '../errors/ruleViolation.js'

/** 030051 when another user holds the requested number. */
export const checkMpProfileNumber = (
  requested: string | undefined,
  stored: string | undefined,
  taken: readonly string[] | undefined,
): E.Either<RuleViolation, void> => {
  if (requested === undefined || taken === undefined) return E.right(undefined)
  const wanted = requested.trim()
  if (wanted === '' || wanted === stored?.trim()) return E.right(undefined)
  return taken.some((number) => number.trim() === wanted)
    ? E.left(ruleViolation('R25', '030051', 'mpProfileNumber', wanted))
    : E.right(undefined)
}
