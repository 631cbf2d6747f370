/**
 * The User-service operations on the database: each is ONE transaction that takes its locks in
 * one order — the site row, then the user rows in userId order — reads only what the engine
 * needs, calls the pure function and writes its result and effects (issue 11 item 3, D-SV-4).
 *
 * - Operations that can change the host count or the set of names and e-mails (CreateUser,
 *   DelUser, ActivateUser, InactivateUser, and a SetUser that does) hold the site row.
 * - Every write to a user holds that user's row (SetUser always, whatever it changes).
 * - A SetUser that turns out to change the count, its name or e-mail without holding the site
 *   row rolls back and runs again holding it (lock order forbids taking it later).
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Logger } from 'pino'
import {
  type ActivationBody,
  applyActivateUser,
  applyCreateUser,
  applyDelUser,
  applyInactivateUser,
  applySetUser,
  type Caller,
  type CreateUserBody,
  callerRole,
  countsAsHost,
  type DelUserBody,
  type Effect,
  mayRead,
  noPrivilege,
  type SetUserBody,
  type SetUserError,
  type SiteContext,
  type User,
  userNotFound,
} from 'webex-user-rules'
import { newUserOf } from 'webex-user-rules/new-user'
import {
  renderActivationResponse,
  renderCreateUserResponse,
  renderDelUserResponse,
  renderFailureResponse,
  renderGetUserResponse,
  renderSetUserResponse,
} from 'webex-user-rules/xml'
import { hashPassword } from '../auth.js'
import type { Database, Queryable } from '../db/database.js'
import {
  findUser,
  findUserById,
  insertEffects,
  insertUser,
  lockUsers,
  lockWriteTarget,
  readCallerAndUser,
  readCredentialsAndLockTarget,
  readCredentialsAndUser,
  readSite,
  type SiteRecord,
  type StoredCaller,
  type StoredUser,
  type TicketCredentials,
  takenEmails,
  takenWebExIds,
  updateUser,
  type WriteTarget,
} from '../db/store.js'
import { type Authenticated, type Failure, INCORRECT_USER_OR_PASSWORD, judgeTicket } from './caller.js'
import { withGeneratedCodes } from './effects.js'

/** What every operation runs with. */
export interface OperationContext {
  readonly db: Database
  readonly log: Logger
}

const outcome = (result: E.Either<SetUserError, unknown>): Record<string, string> =>
  E.isLeft(result)
    ? { result: 'FAILURE', exceptionID: result.left.exceptionID, error: result.left._tag }
    : { result: 'SUCCESS' }

/**
 * The caller as stored now, read after the operation's locks (their role may have changed since
 * they authenticated; when they are the locked target, the locked row is the one to trust).
 */
const callerNow = async (
  tx: Queryable,
  auth: Authenticated,
  locked: readonly StoredUser[] = [],
): Promise<Caller | undefined> => {
  const stored =
    locked.find((u) => u.id === auth.caller.id) ?? (await findUserById(tx, auth.site.id, auth.caller.id, 'none'))
  return stored === undefined ? undefined : callerOf(stored)
}

const callerOf = (stored: StoredUser | StoredCaller): Caller => ({
  webExId: stored.user.webExId,
  role: callerRole(stored.user),
})

/**
 * The site as the engine needs it for this request: the host count of the site row as read
 * (held when the operation can change it) and only the names and e-mails it mentions.
 */
const siteContext = async (
  tx: Queryable,
  site: SiteRecord,
  mentions: { readonly names?: readonly (string | undefined)[]; readonly emails?: readonly (string | undefined)[] },
  exceptUserId: number | undefined,
): Promise<SiteContext> => ({
  ...site.settings,
  activeHostCount: site.activeHostCount,
  takenWebExIds: await takenWebExIds(tx, site.id, mentions.names ?? [], exceptUserId),
  takenEmails: await takenEmails(tx, site.id, mentions.emails ?? [], exceptUserId),
})

const lower = (s: string | undefined): string | undefined => s?.toLowerCase()

/** True when the write changes what the site row guards: the host count, a name or an e-mail. */
const changesSite = (before: User, after: User): boolean =>
  countsAsHost(before) !== countsAsHost(after) ||
  lower(before.webExId) !== lower(after.webExId) ||
  lower(before.email) !== lower(after.email)

/** A SetUser body that can change the host count, its name or its e-mail. */
const mayChangeSite = (body: SetUserBody): boolean =>
  body.active !== undefined ||
  body.privilege?.attendeeOnly !== undefined ||
  body.newWebExId !== undefined ||
  body.email !== undefined

class NeedsSiteLock extends Error {}

const writeEffects = (tx: Queryable, siteId: number, operation: string, webExId: string, effects: readonly Effect[]) =>
  insertEffects(tx, siteId, operation, webExId, effects)

// -------------------------------------------------------------------------------------
// SetUser
// -------------------------------------------------------------------------------------

/**
 * The transaction of a SetUser: lock order, the engine, the write. `locked` is the target already
 * locked and read with the caller's authentication (D-SP-10); without it the target is locked here.
 */
const setUserIn = async (
  tx: Queryable,
  ctx: OperationContext,
  auth: Authenticated,
  body: SetUserBody,
  holdSite: boolean,
  newHash: string | undefined,
  locked?: WriteTarget,
): Promise<string> => {
  // lock order: the site row first (when this request can change what it guards), then the user
  if (holdSite && (await readSite(tx, auth.site.id, 'update')) === undefined)
    return renderFailureResponse(INCORRECT_USER_OR_PASSWORD)
  // the target locked, the site row and the caller read, in one statement (D-SP-2)
  const read = locked ?? (await lockWriteTarget(tx, auth.site.id, body.webExId, auth.caller.id))
  if (read === undefined)
    return (await readSite(tx, auth.site.id, 'none')) === undefined
      ? renderFailureResponse(INCORRECT_USER_OR_PASSWORD)
      : renderFailureResponse(userNotFound(body.webExId))
  const { site, target } = read
  const caller = read.caller === undefined ? undefined : callerOf(read.caller)
  if (caller === undefined) return renderFailureResponse(INCORRECT_USER_OR_PASSWORD)
  const context = await siteContext(tx, site, { names: [body.newWebExId], emails: [body.email] }, target.id)
  // D-R20: the database is case-insensitive, the engine gets the stored spelling
  const result = applySetUser(target.user, context, { caller, body: { ...body, webExId: target.user.webExId } })
  ctx.log.info({ operation: 'SetUser', webExId: target.user.webExId, caller: caller.webExId, ...outcome(result) })
  if (E.isLeft(result)) return renderSetUserResponse(result)
  const { user, effects } = result.right
  if (!holdSite && changesSite(target.user, user)) throw new NeedsSiteLock()
  const hash = newHash ?? (user.password === undefined ? null : target.passwordHash)
  await updateUser(tx, site.id, target, withGeneratedCodes(user, effects), hash)
  await writeEffects(tx, site.id, 'SetUser', user.webExId, effects)
  return renderSetUserResponse(result)
}

export const setUser = async (ctx: OperationContext, auth: Authenticated, body: SetUserBody): Promise<string> => {
  // scrypt outside the transaction: it must not hold any lock for its ~50 ms
  const newHash = body.password === undefined ? undefined : await hashPassword(body.password)
  const once = (holdSite: boolean): Promise<string> =>
    ctx.db.transaction((tx) => setUserIn(tx, ctx, auth, body, holdSite, newHash))
  try {
    return await once(mayChangeSite(body))
  } catch (thrown) {
    if (thrown instanceof NeedsSiteLock) return once(true)
    throw thrown
  }
}

// -------------------------------------------------------------------------------------
// D-SP-10: SetUser and GetUser that authenticate in their first statement
// -------------------------------------------------------------------------------------

/** The answer of an operation that authenticated its caller itself, or why it did not. */
export type Answered =
  { readonly ok: true; readonly answer: string } | { readonly ok: false; readonly failure: Failure }

/**
 * True when a SetUser can authenticate in the statement that locks its target (D-SP-10): it
 * holds no site row (the site row is locked before the user, and never for a caller not yet
 * signed in) and hashes no password (scrypt only after authentication, outside the transaction).
 */
export const setUserAuthenticatesInline = (body: SetUserBody): boolean =>
  !mayChangeSite(body) && body.password === undefined

/**
 * SetUser by a session ticket (D-SP-10): BEGIN, the authentication and the locking read of the
 * target in one round trip, the update with COMMIT in a second. The target is locked only when
 * the ticket signs the caller in; the verdict is {@link judgeTicket}'s, as for every request.
 * Only for a body {@link setUserAuthenticatesInline} accepts.
 */
export const setUserByTicket = async (
  ctx: OperationContext,
  named: TicketCredentials,
  body: SetUserBody,
): Promise<Answered> => {
  let signedIn: Authenticated | undefined
  try {
    return await ctx.db.transaction(async (tx): Promise<Answered> => {
      const { credentials, read } = await readCredentialsAndLockTarget(tx, named, body.webExId)
      const auth = judgeTicket(credentials)
      if (!auth.ok) return auth
      signedIn = auth.value
      return { ok: true, answer: await setUserIn(tx, ctx, auth.value, body, false, undefined, read) }
    })
  } catch (thrown) {
    // the write changes what the site row guards after all: again, holding it, as setUser does.
    // Defensive: no body setUserAuthenticatesInline accepts can do that under today's rules (only
    // the elements mayChangeSite names change the count, a name or an e-mail); a later rule that can
    // must not write without the site row
    if (thrown instanceof NeedsSiteLock && signedIn !== undefined) {
      const auth = signedIn
      return { ok: true, answer: await ctx.db.transaction((tx) => setUserIn(tx, ctx, auth, body, true, undefined)) }
    }
    throw thrown
  }
}

// -------------------------------------------------------------------------------------
// GetUser
// -------------------------------------------------------------------------------------

/**
 * A read: one statement, so one snapshot and one transaction, reads the caller as stored now
 * and the target (D-SP-2); no lock, as before.
 */
export const getUser = async (ctx: OperationContext, auth: Authenticated, webExId: string): Promise<string> => {
  const read = await readCallerAndUser(ctx.db, auth.site.id, auth.caller.id, webExId)
  return answerGetUser(ctx, read.caller, read.target, webExId)
}

/**
 * GetUser by a session ticket (D-SP-10): the authentication and the read in one statement, so one
 * round trip and one snapshot; the caller is the signed-in user as that statement read them.
 */
export const getUserByTicket = async (
  ctx: OperationContext,
  named: TicketCredentials,
  webExId: string,
): Promise<Answered> => {
  const { credentials, read } = await readCredentialsAndUser(ctx.db, named, webExId)
  const auth = judgeTicket(credentials)
  if (!auth.ok) return auth
  return { ok: true, answer: answerGetUser(ctx, auth.value.caller, read, webExId) }
}

const answerGetUser = (
  ctx: OperationContext,
  stored: StoredCaller | undefined,
  target: StoredUser | undefined,
  webExId: string,
): string => {
  const caller = stored === undefined ? undefined : callerOf(stored)
  if (caller === undefined) return renderFailureResponse(INCORRECT_USER_OR_PASSWORD)
  // the core's one read rule (D-OP-1): admins, read-only ones too, read anyone; others themselves
  const mayReadTarget = mayRead(caller, webExId)
  ctx.log.info({
    operation: 'GetUser',
    webExId,
    caller: caller.webExId,
    result: mayReadTarget && target ? 'SUCCESS' : 'FAILURE',
  })
  if (!mayReadTarget) return renderFailureResponse(noPrivilege([]))
  return target === undefined ? renderFailureResponse(userNotFound(webExId)) : renderGetUserResponse(target.user)
}

// -------------------------------------------------------------------------------------
// CreateUser
// -------------------------------------------------------------------------------------

export const createUser = async (ctx: OperationContext, auth: Authenticated, body: CreateUserBody): Promise<string> => {
  const hash = body.password === undefined || body.password === '' ? null : await hashPassword(body.password)
  return ctx.db.transaction(async (tx) => {
    const site = await readSite(tx, auth.site.id, 'update')
    if (site === undefined) return renderFailureResponse(INCORRECT_USER_OR_PASSWORD)
    const caller = await callerNow(tx, auth)
    if (caller === undefined) return renderFailureResponse(INCORRECT_USER_OR_PASSWORD)
    const context = await siteContext(tx, site, { names: [body.webExId], emails: [body.email] }, undefined)
    // D-SV-11: the new user carries what a real GetUser answer always does, registered now
    const result = applyCreateUser(context, { caller, body }, newUserOf({ registeredAt: Date.now() }))
    ctx.log.info({ operation: 'CreateUser', webExId: body.webExId, caller: caller.webExId, ...outcome(result) })
    if (E.isLeft(result)) return renderCreateUserResponse(result)
    const { user, effects } = result.right
    const userId = await insertUser(tx, site.id, withGeneratedCodes(user, effects), hash)
    await writeEffects(tx, site.id, 'CreateUser', user.webExId, effects)
    return renderCreateUserResponse(result, userId)
  })
}

// -------------------------------------------------------------------------------------
// DelUser
// -------------------------------------------------------------------------------------

export const delUser = (ctx: OperationContext, auth: Authenticated, body: DelUserBody): Promise<string> =>
  ctx.db.transaction(async (tx) => {
    const site = await readSite(tx, auth.site.id, 'update')
    if (site === undefined) return renderFailureResponse(INCORRECT_USER_OR_PASSWORD)
    const users = await lockUsers(tx, site.id, body.webExId)
    const caller = await callerNow(tx, auth, users)
    if (caller === undefined) return renderFailureResponse(INCORRECT_USER_OR_PASSWORD)
    const byName = new Map(users.map((u) => [u.user.webExId.toLowerCase(), u]))
    const spelled = body.webExId.map((name) => byName.get(name.toLowerCase())?.user.webExId ?? name)
    const context = await siteContext(tx, site, {}, undefined)
    const result = applyDelUser(
      context,
      users.map((u) => u.user),
      { caller, body: { ...body, webExId: spelled } },
    )
    ctx.log.info({ operation: 'DelUser', webExId: spelled, caller: caller.webExId, ...outcome(result) })
    if (E.isRight(result)) {
      for (const o of result.right.results) {
        const before = byName.get(o.webExId.toLowerCase())
        if (o.status !== 'SUCCESS' || before === undefined) continue
        await updateUser(tx, site.id, before, withGeneratedCodes(o.user, o.effects), before.passwordHash)
        // a name listed twice: the second write starts from the first one's result
        byName.set(o.webExId.toLowerCase(), { ...before, user: o.user })
        await writeEffects(tx, site.id, 'DelUser', o.webExId, o.effects)
      }
    }
    return renderDelUserResponse(result)
  })

// -------------------------------------------------------------------------------------
// ActivateUser, InactivateUser
// -------------------------------------------------------------------------------------

export const setActive = (
  ctx: OperationContext,
  operation: 'ActivateUser' | 'InactivateUser',
  auth: Authenticated,
  body: ActivationBody,
): Promise<string> =>
  ctx.db.transaction(async (tx) => {
    const site = await readSite(tx, auth.site.id, 'update')
    if (site === undefined) return renderFailureResponse(INCORRECT_USER_OR_PASSWORD)
    const target =
      body.webexID !== undefined
        ? await findUser(tx, site.id, body.webexID, 'update')
        : body.userID !== undefined
          ? await findUserById(tx, site.id, body.userID, 'update')
          : undefined
    const caller = await callerNow(tx, auth, target === undefined ? [] : [target])
    if (caller === undefined) return renderFailureResponse(INCORRECT_USER_OR_PASSWORD)
    const context = await siteContext(tx, site, {}, undefined)
    const apply = operation === 'ActivateUser' ? applyActivateUser : applyInactivateUser
    // the engine checks "exactly one of webexID and userID" and the privilege before the lookup
    const spelled =
      body.webexID !== undefined && target !== undefined ? { ...body, webexID: target.user.webExId } : body
    const result = apply(context, target === undefined ? [] : [target.user], { caller, body: spelled })
    ctx.log.info({
      operation,
      webExId: target?.user.webExId ?? body.webexID ?? String(body.userID),
      caller: caller.webExId,
      ...outcome(result),
    })
    if (E.isRight(result) && target !== undefined) {
      const { user, effects } = result.right
      await updateUser(tx, site.id, target, withGeneratedCodes(user, effects), target.passwordHash)
      await writeEffects(tx, site.id, operation, user.webExId, effects)
    }
    return renderActivationResponse(operation, result)
  })
