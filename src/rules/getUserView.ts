/**
 * D-GV — what GetUser answers for a stored user, in the shape of the response type.
 *
 * The reference documents GetUser's response as `userInstanceType` followed by salesCenter (in its
 * instance form, each SME product a `product{prodID,name}`), peExpired, peActive, passwordExpires,
 * passwordDaysLeft, schedulingTemplates, serviceSessionTypes and scheduleFor (docs/spec.md §7.6);
 * the real response in test/fixtures/corpus/getuser-response-atlas-1.xml shows that order and
 * always carries `active`. The seed adds: "Use the GetUser API to retrieve the host's PIN", and the
 * R9 mirror of joinBeforeHost on every PCN account.
 *
 * - D-GV-1: the view's keys come in the order of the response type (`GetUserView.props`), so the
 *   XML rendering and any JSON of the view agree with the wire.
 * - D-GV-2: salesCenter's products are `{ prodID }` objects; the stored user keeps prodIDs only,
 *   so no name is invented.
 * - D-GV-3: `active` is always present, the stored state or its default ACTIVATED.
 * - The password is masked (`******`), the PIN shown, the engine-only `designatedChatUser` left out.
 *
 * @module
 */
import { activeState } from '../model/defaults.js'
import { GetUserView, type User } from '../model/user.js'
import { MASKED_PASSWORD, mirrorJoinBeforeHost } from './joinBeforeHost.js'

/** salesCenter in the response's instance form (D-GV-2); roles are the stored user's own object. */
const salesCenterView = (salesCenter: NonNullable<User['salesCenter']>): NonNullable<GetUserView['salesCenter']> => {
  const { smeInfo, ...rest } = salesCenter
  if (smeInfo === undefined) return rest
  const { products, ...info } = smeInfo
  return {
    ...rest,
    smeInfo: products === undefined ? info : { ...info, products: products.map((prodID) => ({ prodID })) },
  }
}

/** The view's elements, in the response type's order (D-GV-1). */
const VIEW_ORDER: readonly string[] = Object.keys(GetUserView.props)

/**
 * What GetUser returns for a stored user: the PIN included, the password masked, every PCN
 * account's `joinBeforeHost` equal to `personalTeleconf.joinBeforeHost` (R9), `active` always
 * (D-GV-3), salesCenter's products as `product{prodID}` (D-GV-2), the engine-only
 * `designatedChatUser` left out, and the elements in the order of the response type (D-GV-1).
 * Untouched subtrees are the stored user's own objects.
 *
 * @category rules
 * @example
 * ```ts
 * import { toGetUserView } from 'webex-user-rules'
 * const view = toGetUserView({
 *   webExId: 'jdoe',
 *   password: 'secret',
 *   personalTeleconf: { joinBeforeHost: true, account: [{ accountIndex: 1 }] },
 *   salesCenter: { roles: { sme: true }, smeInfo: { products: [124, 123] } },
 * })
 * view.password //=> '******'
 * view.active //=> 'ACTIVATED'
 * view.personalTeleconf?.account //=> [{ accountIndex: 1, joinBeforeHost: true }]
 * view.salesCenter?.smeInfo?.products //=> [{ prodID: 124 }, { prodID: 123 }]
 * ```
 */
export const toGetUserView = (user: User): GetUserView => {
  const shown: Readonly<Record<string, unknown>> = {
    ...user,
    active: activeState(user),
    password: user.password === undefined ? undefined : MASKED_PASSWORD,
    personalTeleconf: user.personalTeleconf === undefined ? undefined : mirrorJoinBeforeHost(user.personalTeleconf),
    salesCenter: user.salesCenter === undefined ? undefined : salesCenterView(user.salesCenter),
  }
  const view: Record<string, unknown> = {}
  // keys outside the view (designatedChatUser) are left out by walking the view's own list
  for (const key of VIEW_ORDER) if (shown[key] !== undefined) view[key] = shown[key]
  return view as unknown as GetUserView
}
