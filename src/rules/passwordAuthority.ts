/**
 * R22 — Who sets passwords: SSO and Control Hub sites.
 *
 * Sources (docs/spec.md §7): 030056 "Site Admin cannot set password for user" (sites whose
 * passwords an identity provider keeps); 030055 "resetPassword must be true while SiteAdmin does
 * not specify user password" (CreateUser without a password).
 *
 * D-F4: `site.passwords.adminMaySet` FALSE, or `site.usesSSO` TRUE without `adminMaySet` TRUE,
 * refuses any non-empty password in SetUser or CreateUser (030056) and makes the password optional
 * on CreateUser; `site.passwords.optionalOnCreate` TRUE lets CreateUser omit the password on a site
 * that keeps passwords itself, and then the user must set one at first login:
 * `security.resetPassword` TRUE, else 030055. Absent = today's rules.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { ruleViolation, type RuleViolation } from '../errors/ruleViolation.js'
import type { SiteContext } from '../model/site.js'
import type { SetUserBody } from '../model/user.js'

/**
 * Does an identity provider keep the site's passwords? `adminMaySet` says so; an SSO site keeps
 * none unless it declares `adminMaySet` TRUE (partial SSO: some users still sign in with a Webex
 * password).
 */
export const passwordsKeptElsewhere = (site: Pick<SiteContext, 'usesSSO' | 'passwords'>): boolean =>
  site.passwords?.adminMaySet === false || (site.usesSSO === true && site.passwords?.adminMaySet !== true)

/** 030056 when the site does not let anyone set a password through the API. */
export const checkPasswordAuthority = (
  site: Pick<SiteContext, 'usesSSO' | 'passwords'>,
  body: Pick<SetUserBody, 'password'>,
): E.Either<RuleViolation, void> =>
  passwordsKeptElsewhere(site) && body.password !== undefined && body.password !== ''
    ? E.left(ruleViolation('R22', '030056', 'password'))
    : E.right(undefined)

/** May CreateUser omit the password on this site? */
export const passwordOptionalOnCreate = (site: Pick<SiteContext, 'usesSSO' | 'passwords'>): boolean =>
  site.usesSSO === true || site.passwords?.adminMaySet === false || site.passwords?.optionalOnCreate === true

/** 030055: CreateUser without a password, on a site that keeps passwords, must force a reset. */
export const checkCreateWithoutPassword = (
  site: Pick<SiteContext, 'usesSSO' | 'passwords'>,
  body: Pick<SetUserBody, 'password' | 'security'>,
): E.Either<RuleViolation, void> => {
  const omitted = body.password === undefined || body.password === ''
  const identityProvider = site.usesSSO === true || site.passwords?.adminMaySet === false
  if (!omitted || identityProvider || site.passwords?.optionalOnCreate !== true) return E.right(undefined)
  return body.security?.resetPassword === true
    ? E.right(undefined)
    : E.left(ruleViolation('R22', '030055', 'security.resetPassword'))
}
