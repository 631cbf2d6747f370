/**
 * R10 — Accounts (decision D-R10).
 *
 * `personalTeleconf.account`, `tspAccount` and `thirdPartyTeleconf.account` carry an
 * `accountIndex` (1..3) and a `delete` flag in their schema, so they are keyed by index rather
 * than replaced wholesale (R2's exception): an item with an index replaces or creates that
 * account, `delete: true` removes it, unmentioned accounts stay. At most one `defaultFlag: true`
 * after the request: a request that sets a default clears the others. `autoGenerate: true` on a
 * PCN account asks the server to generate its access codes (effect `generateAccessCodes`).
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { invalidAccounts, type InvalidAccounts } from '../errors/SetUserError.js'
import { produce } from '../internal/immer.js'
import type { Effect, Notice } from '../model/result.js'
import type { PcnAccount, SetUserBody, ThirdPartyAccount, TspAccount, User } from '../model/user.js'
import { deepEqual } from './replaceList.js'

/** The highest account index (the schema allows three accounts of each kind). */
export const MAX_ACCOUNTS = 3

interface InputAccount {
  readonly accountIndex: number
  readonly defaultFlag?: boolean
  readonly delete?: boolean
}

/** The three account lists of a request. */
const requestedLists = (body: SetUserBody): readonly (readonly [string, readonly InputAccount[] | undefined])[] => [
  ['personalTeleconf.account', body.personalTeleconf?.account],
  ['tspAccount', body.tspAccount],
  ['thirdPartyTeleconf.account', body.thirdPartyTeleconf?.account],
]

const validateList = (path: string, items: readonly InputAccount[]): E.Either<InvalidAccounts, void> => {
  const seen = new Set<number>()
  let defaults = 0
  for (const [i, item] of items.entries()) {
    const at = `${path}[${String(i)}]`
    if (item.accountIndex < 1 || item.accountIndex > MAX_ACCOUNTS) {
      return E.left(
        invalidAccounts(
          `${at}.accountIndex`,
          `accountIndex must be 1..${String(MAX_ACCOUNTS)}, got ${String(item.accountIndex)}`,
        ),
      )
    }
    if (seen.has(item.accountIndex)) {
      return E.left(
        invalidAccounts(`${at}.accountIndex`, `accountIndex ${String(item.accountIndex)} appears more than once`),
      )
    }
    seen.add(item.accountIndex)
    if (item.delete !== true && item.defaultFlag === true && ++defaults > 1) {
      return E.left(invalidAccounts(`${at}.defaultFlag`, 'at most one account can be the default'))
    }
  }
  return E.right(undefined)
}

/** Validates every account list of the request: indexes 1..3, unique, at most one new default. */
export const validateAccounts = (body: SetUserBody): E.Either<InvalidAccounts, void> => {
  for (const [path, items] of requestedLists(body)) {
    if (items === undefined) continue
    const checked = validateList(path, items)
    if (E.isLeft(checked)) return checked
  }
  return E.right(undefined)
}

/** The stored form of a request item: action flags dropped. */
const toStored = <A extends InputAccount>(item: A): Omit<A, 'delete' | 'autoGenerate' | 'joinBeforeHost'> => {
  const {
    delete: _delete,
    autoGenerate: _autoGenerate,
    joinBeforeHost: _joinBeforeHost,
    ...stored
  } = item as A & {
    autoGenerate?: boolean
    joinBeforeHost?: boolean
  }
  return stored
}

/**
 * The accounts after the request, sorted by index; the stored array itself when nothing changes.
 */
export const mergeAccounts = <S extends InputAccount>(
  stored: readonly S[] | undefined,
  requested: readonly InputAccount[],
  path: string,
): { readonly accounts: readonly S[] | undefined; readonly notices: readonly Notice[] } => {
  const byIndex = new Map<number, S>((stored ?? []).map((account) => [account.accountIndex, account]))
  const notices: Notice[] = []
  let setsDefault: number | undefined
  for (const [i, item] of requested.entries()) {
    if (item.delete === true) {
      if (!byIndex.delete(item.accountIndex)) {
        notices.push({
          kind: 'ignored',
          path: `${path}[${String(i)}].delete`,
          message: `there is no account ${String(item.accountIndex)} to delete`,
        })
      }
      continue
    }
    const next = toStored(item) as unknown as S
    const existing = byIndex.get(item.accountIndex)
    // an edit that changes nothing keeps the stored object (idempotence by reference)
    byIndex.set(item.accountIndex, existing !== undefined && deepEqual(existing, next) ? existing : next)
    if (item.defaultFlag === true) setsDefault = item.accountIndex
  }
  let accounts = [...byIndex.values()].sort((a, b) => a.accountIndex - b.accountIndex)
  if (setsDefault !== undefined) {
    accounts = accounts.map((account) =>
      account.accountIndex !== setsDefault && account.defaultFlag === true
        ? { ...account, defaultFlag: false }
        : account,
    )
  }
  // sent empty (or deleting an index that is not there) with nothing stored: no list is created (D-R10)
  const unchanged = (stored ?? []).length === accounts.length && accounts.every((account, i) => account === stored?.[i])
  return { accounts: unchanged ? stored : accounts, notices }
}

/** Merges the three account lists of the request into the merged user (R10). */
export const applyAccounts = (
  current: User,
  body: SetUserBody,
  merged: User,
): { readonly user: User; readonly effects: readonly Effect[]; readonly notices: readonly Notice[] } => {
  const pcn = body.personalTeleconf?.account
  const tsp = body.tspAccount
  const thirdParty = body.thirdPartyTeleconf?.account
  if (pcn === undefined && tsp === undefined && thirdParty === undefined)
    return { user: merged, effects: [], notices: [] }
  const notices: Notice[] = []
  const pcnMerged =
    pcn === undefined ? undefined : mergeAccounts(current.personalTeleconf?.account, pcn, 'personalTeleconf.account')
  const tspMerged = tsp === undefined ? undefined : mergeAccounts(current.tspAccount, tsp, 'tspAccount')
  const thirdPartyMerged =
    thirdParty === undefined
      ? undefined
      : mergeAccounts(current.thirdPartyTeleconf?.account, thirdParty, 'thirdPartyTeleconf.account')
  for (const m of [pcnMerged, tspMerged, thirdPartyMerged]) if (m !== undefined) notices.push(...m.notices)

  const user = produce(merged, (draft) => {
    if (pcnMerged !== undefined && pcnMerged.accounts !== current.personalTeleconf?.account) {
      ;(draft.personalTeleconf ??= {}).account = pcnMerged.accounts as PcnAccount[]
    }
    if (tspMerged !== undefined && tspMerged.accounts !== current.tspAccount) {
      draft.tspAccount = tspMerged.accounts as TspAccount[]
    }
    if (thirdPartyMerged !== undefined && thirdPartyMerged.accounts !== current.thirdPartyTeleconf?.account) {
      ;(draft.thirdPartyTeleconf ??= {}).account = thirdPartyMerged.accounts as ThirdPartyAccount[]
    }
  })
  const effects: Effect[] = (pcn ?? [])
    .filter((account) => account.autoGenerate === true && account.delete !== true)
    .map((account) => ({ kind: 'generateAccessCodes', accountIndex: account.accountIndex }))
  return { user, effects, notices }
}
