/**
 * R17 — WebOffice sync.
 *
 * Seed: "The following APIs will now synchronize their information if the syncWebOffice flag has
 * been set to true: CreateUser, SetUser, DelUser, ActivateUser and InactivateUser." "The boolean
 * element myWorkspaces has been added in order to support the WebOffice integration capabilities."
 *
 * `syncWebOffice: true` yields the effect `syncWebOffice`, emitted last so the server syncs the
 * final state; the flag itself is not stored. `myWebEx.myWorkspaces` is a stored boolean
 * (admin-only, R11) merged by R1.
 *
 * @module
 */
import type { Effect } from '../model/result.js'

/** The `syncWebOffice` effect when the request asks for it. */
export const webOfficeEffects = (request: { readonly syncWebOffice?: boolean }): readonly Effect[] =>
  request.syncWebOffice === true ? [{ kind: 'syncWebOffice' }] : []
