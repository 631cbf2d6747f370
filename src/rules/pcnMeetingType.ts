/**
 * R28 — PCN accounts need the Meeting Center Pro meeting type.
 *
 * Sources (docs/spec.md §7): 030077 "Personal Conference meetings require the Meeting Center Pro
 * meeting type."
 *
 * D-F9: checked when the site names its Meeting Center Pro session types
 * (`site.meetingCenterProTypes`), on a request that adds or edits a PCN account or sends
 * `meetingTypes`: if the resulting user has a PCN account, one of its meeting types must be a Pro
 * type. A request that touches neither leaves a stored inconsistency alone.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { ruleViolation, type RuleViolation } from '../errors/ruleViolation.js'
import type { SetUserBody, User } from '../model/user.js'

/** 030077 when the resulting user has PCN accounts and no Meeting Center Pro meeting type. */
export const checkPcnMeetingType = (
  body: Pick<SetUserBody, 'personalTeleconf' | 'meetingTypes'>,
  result: Pick<User, 'personalTeleconf' | 'meetingTypes'>,
  proTypes: readonly number[] | undefined,
): E.Either<RuleViolation, void> => {
  if (proTypes === undefined) return E.right(undefined)
  const edited = (body.personalTeleconf?.account ?? []).findIndex((account) => account.delete !== true)
  if (edited === -1 && body.meetingTypes === undefined) return E.right(undefined)
  if ((result.personalTeleconf?.account ?? []).length === 0) return E.right(undefined)
  if ((result.meetingTypes ?? []).some((type) => proTypes.includes(type))) return E.right(undefined)
  const path = body.meetingTypes !== undefined ? 'meetingTypes' : `personalTeleconf.account[${String(edited)}]`
  return E.left(ruleViolation('R28', '030077', path))
}
