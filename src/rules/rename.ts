/**
 * R14 — Rename.
 *
 * Seed: "SetUser allows the user to change their user name via the newWebExId element. If the Site
 * Admin has enabled the “Allow user to change user name” setting then the user can change their
 * setting as long as it does not conflict with a prior name."
 *
 * A site admin may always rename; the user themself only when the site allows it. A name already
 * taken (other users' names and prior names) is a conflict, compared case-insensitively (D-R14).
 * Renaming to the current name is no rename; changing only its case is a rename that never conflicts.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import {
  userNameChangeNotAllowed,
  type UserNameChangeNotAllowed,
  webExIdConflict,
  type WebExIdConflict,
} from '../errors/SetUserError.js'
import { nameLookup } from '../internal/siteIndex.js'
import type { Effect } from '../model/result.js'
import type { Caller } from '../model/request.js'
import type { SetUserBody, User } from '../model/user.js'

/** The new name, when the request really renames. */
export const requestedRename = (current: User, body: SetUserBody): string | undefined =>
  body.newWebExId === undefined || body.newWebExId === current.webExId ? undefined : body.newWebExId

/** Checks permission and conflicts of a rename. */
export const validateRename = (
  current: User,
  body: SetUserBody,
  caller: Caller,
  allowUserToChangeUserName: boolean,
  isTaken: (name: string) => boolean,
): E.Either<UserNameChangeNotAllowed | WebExIdConflict, void> => {
  const to = requestedRename(current, body)
  if (to === undefined) return E.right(undefined)
  if (caller.role !== 'siteAdmin' && !allowUserToChangeUserName) return E.left(userNameChangeNotAllowed())
  // the user's own name is never taken from them: a site-wide list of names may hold it (D-R14-1)
  const ownName = to.toLowerCase() === current.webExId.toLowerCase()
  return !ownName && isTaken(to) ? E.left(webExIdConflict(to)) : E.right(undefined)
}

/** The user under its new name, and the `renamed` effect. */
export const applyRename = (
  current: User,
  body: SetUserBody,
  merged: User,
): { readonly user: User; readonly effects: readonly Effect[] } => {
  const to = requestedRename(current, body)
  if (to === undefined) return { user: merged, effects: [] }
  return { user: { ...merged, webExId: to }, effects: [{ kind: 'renamed', from: current.webExId, to }] }
}

/**
 * A case-insensitive membership test over the taken names: an index built once per frozen list
 * (a site from `indexSite`), a scan of an unfrozen one (D-PF-2).
 */
export const takenNameLookup = (takenWebExIds: readonly string[]): ((name: string) => boolean) =>
  nameLookup(takenWebExIds)
