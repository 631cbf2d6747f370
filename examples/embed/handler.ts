/**
 * The README's "Embed in a server" handler, type-checked with the rest of the repository. `Db`
 * stands for your storage; examples/server is a complete, runnable version.
 */
import * as E from 'fp-ts/lib/Either.js'
import { applySetUser, callerRole, type Effect, type SiteContext, type User, userNotFound } from 'webex-user-rules'
import {
  parseSetUserMessage,
  renderFailureResponse,
  renderSetUserResponse,
  type SecurityContext,
} from 'webex-user-rules/xml'

/** What the handler needs from your storage. */
export interface Db {
  authenticate(context: SecurityContext): Promise<User | undefined>
  getUser(webExId: string): Promise<User | undefined>
  /** The site with activeHostCount (countActiveHosts) and the names other users hold or held. */
  siteFor(webExId: string): Promise<SiteContext>
  /** Stores the user and carries out the effects (rename, licences, telephony, …). */
  save(previousWebExId: string, user: User, effects: readonly Effect[]): Promise<void>
}

// README: begin
export const handleSetUser = async (db: Db, xml: string): Promise<string> => {
  const message = parseSetUserMessage(xml) // docs/spec.md §5: InvalidRequest for anything malformed
  if (E.isLeft(message)) return renderSetUserResponse(message)
  const { securityContext, body } = message.right
  const caller = await db.authenticate(securityContext)
  if (caller === undefined)
    return renderFailureResponse({ exceptionID: '030002', reason: 'Incorrect user or password' })
  const current = await db.getUser(body.webExId)
  if (current === undefined) return renderSetUserResponse(E.left(userNotFound(body.webExId)))
  const role = callerRole(caller) // siteAdmin | roSiteAdmin | host | attendee
  const result = applySetUser(current, await db.siteFor(current.webExId), {
    caller: { webExId: caller.webExId, role },
    body: { ...body, webExId: current.webExId }, // the stored spelling (R20)
  })
  if (E.isRight(result)) await db.save(current.webExId, result.right.user, result.right.effects)
  return renderSetUserResponse(result) // serv:message SUCCESS, or FAILURE with reason and exceptionID
}
// README: end
