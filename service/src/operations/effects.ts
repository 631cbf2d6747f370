/**
 * The effects that change stored data, carried out in the operation's transaction (issue 11
 * item 4). `renamed` is the new webExId itself (the store keeps the old name as a prior name);
 * `generateAccessCodes` fills the account's three access codes here. Every effect is also
 * queued in the outbox for the systems that act on it.
 */
import { randomInt } from 'node:crypto'
import type { Effect, User } from 'webex-user-rules'

const digits = (n: number): string => Array.from({ length: n }, () => String(randomInt(10))).join('')

/** `user` with fresh access codes on every account an effect names; the same object when none. */
export const withGeneratedCodes = (user: User, effects: readonly Effect[]): User => {
  const indexes = new Set(effects.flatMap((e) => (e.kind === 'generateAccessCodes' ? [e.accountIndex] : [])))
  const accounts = user.personalTeleconf?.account
  if (indexes.size === 0 || accounts === undefined) return user
  return {
    ...user,
    personalTeleconf: {
      ...user.personalTeleconf,
      account: accounts.map((account) =>
        indexes.has(account.accountIndex)
          ? {
              ...account,
              subscriberAccessCode: digits(8),
              participantFullAccessCode: digits(8),
              participantLimitedAccessCode: digits(8),
            }
          : account,
      ),
    },
  }
}
