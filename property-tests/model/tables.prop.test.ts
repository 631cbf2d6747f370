/**
 * The reference model's own tables agree with the engine's, and the model reproduces the seed's
 * examples — so a disagreement in the differential is a disagreement of behaviour, not of data.
 */
import { describe, expect, it } from 'vitest'
import {
  classifyPath,
  FAILOVER_ORDER,
  LICENSED_SERVICES,
  ROLE_PRECEDENCE,
  SETTING_GATES,
  SetUserBody,
  SUPPORT_CENTER_TABS,
  type SiteContext,
} from 'webex-user-rules'
import { GATED_SITE_FEATURES } from 'webex-user-rules/testing'
import { countCase } from '../support/cases.js'
import { codecPaths } from '../support/paths.js'
import { modelSetUser } from './reference.js'
import { FAILOVER, GATES, isSelfService, LICENSED, ROLES, TABS } from './tables.js'

const site: SiteContext = {
  activeHostCount: 1,
  allowUserToChangeUserName: false,
  takenWebExIds: [],
  productIds: [120, 123, 124],
  controlHubManaged: false,
}
const admin = { webExId: 'admin', role: 'siteAdmin' } as const

describe('the reference model', () => {
  it("D-K1: the site arbitrary switches off every feature of the model's R5 table, not only the engine's", () => {
    const missing = [...new Set(GATES.flatMap((gate) => gate.features))].filter((f) => !GATED_SITE_FEATURES.includes(f))
    expect(missing).toEqual([])
  })

  it('R5/R11/R15/R16/R3/R18 its tables equal the engine tables', () => {
    expect(GATES).toEqual(SETTING_GATES)
    expect(LICENSED).toEqual(LICENSED_SERVICES)
    expect(FAILOVER).toEqual(FAILOVER_ORDER)
    expect(ROLES).toEqual(ROLE_PRECEDENCE)
    expect(TABS).toEqual(SUPPORT_CENTER_TABS)
    for (const { path } of codecPaths(SetUserBody)) {
      countCase()
      expect(isSelfService(path), path).toBe(classifyPath(path) === 'self-service')
    }
  })

  it('reproduces the seed examples (R2 meetingTypes, R3 precedence, R4 prodIDs, R9 joinBeforeHost)', () => {
    const r2 = modelSetUser({ webExId: 'j', meetingTypes: [1, 2, 3] }, site, {
      caller: admin,
      body: { webExId: 'j', meetingTypes: [105] },
    })
    expect(r2._tag === 'Right' && r2.right.user.meetingTypes).toEqual([105])
    const r3 = modelSetUser({ webExId: 'j' }, site, {
      caller: admin,
      body: { webExId: 'j', privilege: { siteAdmin: true, host: true } },
    })
    expect(r3._tag === 'Right' && r3.right.user.privilege).toEqual({ siteAdmin: true, host: false })
    const r4 = modelSetUser(
      { webExId: 'j', salesCenter: { roles: { sme: true }, smeInfo: { products: [120, 123] } } },
      site,
      {
        caller: admin,
        body: { webExId: 'j', salesCenter: { smeInfo: { products: [123, 124] } } },
      },
    )
    expect(r4._tag === 'Right' && r4.right.user.salesCenter?.smeInfo?.products).toEqual([124, 123])
    const r9 = modelSetUser({ webExId: 'j' }, site, {
      caller: { webExId: 'j', role: 'host' },
      body: { webExId: 'j', personalTeleconf: { joinBeforeHost: true } },
    })
    expect(r9).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'NoPrivilege', paths: ['personalTeleconf.joinBeforeHost'] },
    })
  })
})
