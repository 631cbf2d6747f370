/**
 * R1 — Merge.
 *
 * Seed: "In general, the SetUser request only updates the elements (simple or complex) that are
 * explicitly specified. Unspecified elements remain unchanged."
 *
 * A structural merge driven by the codec tree, computed once: it visits only the keys present in
 * the request, copies only the containers on the way to a change, and keeps every other subtree
 * as the same object (R19). A present simple element replaces the value; a present complex
 * element merges recursively; a present list is replaced (R2). Elements owned by other rules
 * (accounts R10, prodIDs R4) and request-only flags are not stored here.
 *
 * @module
 */
import type { Issue, ModelCodec } from '../model/codec.js'
import { hasPlainPrototype } from '../model/plain.js'
import { SetUserBody, type User } from '../model/user.js'
import { replaceList } from './replaceList.js'

type PlanNode =
  | { readonly kind: 'leaf' }
  | { readonly kind: 'list' }
  | { readonly kind: 'skip' }
  | { readonly kind: 'struct'; readonly children: ReadonlyMap<string, PlanNode> }

/**
 * Request paths this merge does not store: request flags and actions are not user data — R14's
 * `newWebExId` becomes `webExId`, R17's `syncWebOffice` and R12's `security.resetPassword` (effect
 * passwordReset) are actions, D-VF's `validateFormat` is a request option — and R10 (account lists,
 * keyed by accountIndex) and R4 (prodID association) merge their lists by their own rules.
 */
const NOT_MERGED: ReadonlySet<string> = new Set([
  'newWebExId',
  'syncWebOffice',
  'validateFormat',
  'security.resetPassword',
  'tspAccount',
  'personalTeleconf.account',
  'thirdPartyTeleconf',
  'salesCenter.smeInfo.products',
])

const buildPlan = (codec: ModelCodec, path: string): PlanNode => {
  if (NOT_MERGED.has(path)) return { kind: 'skip' }
  switch (codec._tag) {
    case 'LeafType':
      return { kind: 'leaf' }
    case 'ListType':
      return { kind: 'list' }
    case 'StructType':
      return {
        kind: 'struct',
        children: new Map(
          Object.entries(codec.props).map(([key, child]) => [
            key,
            buildPlan(child, path === '' ? key : `${path}.${key}`),
          ]),
        ),
      }
  }
}

const PLAN = buildPlan(SetUserBody, '')

const mergeNode = (
  plan: PlanNode & { kind: 'struct' },
  stored: unknown,
  patch: Readonly<Record<string, unknown>>,
  path: (string | number)[],
  issues: Issue[],
): unknown => {
  // its own properties were checked where they are read: decodeStoredUser for the elements the
  // rules read; a stored value the request replaces is not read
  if (stored !== undefined && !hasPlainPrototype(stored)) {
    issues.push({ code: 'wrongType', path: [...path], expected: 'an element with children', actual: stored })
    return stored
  }
  let out: Record<string, unknown> | undefined
  for (const key of Object.keys(patch)) {
    const node = plan.children.get(key)
    // Stryker disable next-line ConditionalExpression: equivalent, the body was decoded by the exact SetUserBody codec, so every key has a plan node
    if (node === undefined) continue
    if (node.kind === 'skip') continue
    const current = stored !== undefined && Object.hasOwn(stored, key) ? stored[key] : undefined
    const requested = patch[key]
    let next: unknown
    switch (node.kind) {
      // Stryker disable next-line ConditionalExpression: equivalent, falling through to replaceList returns a non-array requested value itself
      case 'leaf':
        next = requested
        break
      case 'list':
        next = replaceList(current, requested as readonly unknown[])
        break
      case 'struct':
        path.push(key)
        next = mergeNode(node, current, requested as Readonly<Record<string, unknown>>, path, issues)
        path.pop()
        break
    }
    if (next !== current) {
      out ??= { ...stored }
      out[key] = next
    }
  }
  return out ?? stored
}

/**
 * Merges a decoded request body into the stored user (R1, R2). Returns the same user object when
 * nothing changes. A stored container that is not an element with children is reported as an
 * issue (source `user`), never overwritten blindly.
 */
export const mergeBody = (
  current: User,
  body: SetUserBody,
): { readonly user: User; readonly issues: readonly Issue[] } => {
  const issues: Issue[] = []
  const user = mergeNode(PLAN as PlanNode & { kind: 'struct' }, current, body, [], issues) as User
  return { user, issues }
}
