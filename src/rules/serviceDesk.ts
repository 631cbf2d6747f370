/**
 * R13 — Service Desk.
 *
 * Seed: "The enable element has been added to support the “Create this user as administrator on
 * the Service Desk site” option in Site Admin." Exception 030045: an attendee-only account does
 * not support Service Desk.
 *
 * `supportCenter.serviceDesk.enable` is admin-only (R11). Enabling it for a user who is, after the
 * request, an attendee-only account fails.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { serviceDeskNotSupported, type ServiceDeskNotSupported } from '../errors/SetUserError.js'
import { privilegeValue } from '../model/defaults.js'
import type { SetUserBody, User } from '../model/user.js'

/** Fails when the request enables Service Desk for a (resulting) attendee-only account. */
export const validateServiceDesk = (current: User, body: SetUserBody): E.Either<ServiceDeskNotSupported, void> => {
  if (body.supportCenter?.serviceDesk?.enable !== true) return E.right(undefined)
  const attendeeOnly = body.privilege?.attendeeOnly ?? privilegeValue(current.privilege, 'attendeeOnly')
  return attendeeOnly ? E.left(serviceDeskNotSupported()) : E.right(undefined)
}
