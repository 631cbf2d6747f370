/**
 * R10 accounts, enumerated: every stored account set (indexes 1..3, with or without a default) ×
 * every request that edits, sets as default or deletes each index (in two orders), for each of
 * the three account lists — the engine against the reference model, and the R10 laws.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { SetUserBody, User } from 'webex-user-rules'
import { modelSetUser } from '../model/reference.js'
import { countCase } from '../support/cases.js'
import { ADMIN, apply, plainSite } from '../support/engine.js'
import { deepEqual, setAt, valueAt } from '../support/paths.js'
import { project } from '../support/project.js'
import { MUTATION_RUN } from '../support/runs.js'

interface Account {
  accountIndex: number
  defaultFlag?: boolean
  delete?: boolean
  [field: string]: unknown
}
const LISTS = [
  { path: 'personalTeleconf.account', field: 'subscriberAccessCode' },
  { path: 'tspAccount', field: 'custom1' },
  { path: 'thirdPartyTeleconf.account', field: 'name' },
] as const
const INDEXES = [1, 2, 3] as const
const withoutDefault = (account: Account | undefined): Account | undefined => {
  if (account === undefined) return undefined
  const { defaultFlag: _default, ...rest } = account
  return rest
}

/** Every stored set: a subset of the indexes, with no default or one of them the default. */
const storedSets = (field: string): Account[][] =>
  Array.from({ length: 8 }, (_, mask) => INDEXES.filter((i) => (mask >> (i - 1)) & 1)).flatMap((indexes) =>
    [0, ...indexes].map((def) =>
      indexes.map((accountIndex) => ({
        accountIndex,
        [field]: `stored${String(accountIndex)}`,
        ...(def === 0 ? {} : { defaultFlag: accountIndex === def }),
      })),
    ),
  )

const ACTIONS = ['absent', 'edit', 'default', 'delete', 'deleteDefault'] as const
/** Every request: each index absent, edited, edited as default, deleted (with or without a default flag); two orders. */
const requests = (field: string): Account[][] => {
  const out: Account[][] = []
  for (let n = 0; n < ACTIONS.length ** 3; n++) {
    const items: Account[] = []
    for (const accountIndex of INDEXES) {
      const action = ACTIONS[Math.floor(n / ACTIONS.length ** (accountIndex - 1)) % ACTIONS.length]
      if (action === 'edit') items.push({ accountIndex, [field]: `sent${String(accountIndex)}` })
      if (action === 'default') items.push({ accountIndex, [field]: `sent${String(accountIndex)}`, defaultFlag: true })
      if (action === 'delete') items.push({ accountIndex, delete: true })
      if (action === 'deleteDefault') items.push({ accountIndex, delete: true, defaultFlag: true })
    }
    const defaults = items.filter((i) => i.delete !== true && i.defaultFlag === true).length
    if (defaults > 1) continue // InvalidAccounts; the error properties cover it
    out.push(items)
    if (items.length > 1) out.push([...items].reverse())
  }
  return out
}

describe('R10 accounts over every stored set × every request', () => {
  for (const { path, field } of LISTS) {
    it(`R10 ${path}: engine ≡ reference model, and the R10 laws hold`, () => {
      const stored = storedSets(field)
      const sent = MUTATION_RUN ? requests(field).filter((_, i) => i % 8 === 0) : requests(field)
      for (const accounts of stored) {
        const user = setAt({ webExId: 'jdoe', phones: { PIN: '4826' } }, path, accounts) as unknown as User
        for (const items of sent) {
          countCase()
          const body = setAt({ webExId: 'jdoe' }, path, items) as unknown as SetUserBody
          const request = { caller: ADMIN, body }
          const outcome = apply(user, request, plainSite)
          const model = modelSetUser(user, plainSite, request)
          if (!deepEqual(project(outcome), model))
            expect.fail(
              `${JSON.stringify({ accounts, items })}: engine ${JSON.stringify(project(outcome))} model ${JSON.stringify(model)}`,
            )
          if (E.isLeft(outcome)) expect.fail(`unexpected ${outcome.left._tag}`)
          const after = (valueAt(outcome.right.user, path) ?? []) as Account[]
          // the laws, stated directly: unmentioned accounts stay (only a default may be cleared),
          // deleted ones are gone, edited ones are as sent; sorted; one default at most
          const wrong = INDEXES.filter((index) => {
            const item = items.find((i) => i.accountIndex === index)
            const before = accounts.find((a) => a.accountIndex === index)
            const now = after.find((a) => a.accountIndex === index)
            if (item === undefined)
              return (
                !deepEqual(withoutDefault(now), withoutDefault(before)) ||
                (now?.defaultFlag === true && before?.defaultFlag !== true)
              )
            if (item.delete === true) return now !== undefined
            return now?.[field] !== item[field]
          })
          const indexes = after.map((a) => a.accountIndex)
          if (
            wrong.length > 0 ||
            !deepEqual(indexes, [...indexes].sort()) ||
            after.filter((a) => a.defaultFlag === true).length > 1
          )
            expect.fail(`${JSON.stringify({ accounts, items, after })}: wrong at ${wrong.join()}`)
        }
      }
    })
  }
})
