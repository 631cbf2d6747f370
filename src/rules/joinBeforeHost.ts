/**
 * R9 — PCN Join Before Host.
 *
 * Seed: "Create/SetUser will only allow the site admin to specify <personalTeleconf>
 * <joinBeforeHost> for the host ... NoPrivilegeException(ID = 000001, "Access denied, additional
 * privileges are required")". "If the <personalTeleconf><account><joinBeforeHost> value is set
 * through the XML API Create/SetUser request, this input value will now be ignored ... The XML API
 * GetUser response will still return <personalTeleconf><account><joinBeforeHost>, but the value
 * will be identical to the value of the new element <personalTeleconf><joinBeforeHost>."
 *
 * The site-admin-only part is the `admin-only` entry of `personalTeleconf.joinBeforeHost` in the
 * R11 table; this module holds the ignored input and the GetUser mirror.
 *
 * @module
 */
import { joinBeforeHost } from '../model/defaults.js'
import type { Notice } from '../model/result.js'
import type { GetUserView, SetUserBody, User } from '../model/user.js'

/** One `ignored` notice per account-level joinBeforeHost in the request. */
export const ignoredAccountJoinBeforeHost = (body: SetUserBody): readonly Notice[] =>
  (body.personalTeleconf?.account ?? []).flatMap((account, i) =>
    account.joinBeforeHost === undefined
      ? []
      : [
          {
            kind: 'ignored' as const,
            path: `personalTeleconf.account[${String(i)}].joinBeforeHost`,
            message: 'account-level joinBeforeHost is ignored; only personalTeleconf.joinBeforeHost is used',
          },
        ],
  )

/**
 * The mask GetUser shows for a password.
 *
 * @category rules
 * @example
 * ```ts
 * import { MASKED_PASSWORD } from 'webex-user-rules'
 * MASKED_PASSWORD //=> '******'
 * ```
 */
export const MASKED_PASSWORD = '******'

/**
 * The GetUser form of `personalTeleconf`: every PCN account's `joinBeforeHost` equal to
 * `personalTeleconf.joinBeforeHost` (its default FALSE when absent); without accounts, the same object.
 */
export const mirrorJoinBeforeHost = (
  personalTeleconf: NonNullable<User['personalTeleconf']>,
): NonNullable<GetUserView['personalTeleconf']> => {
  if (personalTeleconf.account === undefined) return personalTeleconf
  const jbh = joinBeforeHost(personalTeleconf)
  return {
    ...personalTeleconf,
    account: personalTeleconf.account.map((account) => ({ ...account, joinBeforeHost: jbh })),
  }
}
