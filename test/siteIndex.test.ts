import { describe, expect, it } from 'vitest'
import { applySetUser, indexSite, type SiteContext, type User } from 'webex-user-rules'

const ADMIN = { webExId: 'admin', role: 'siteAdmin' } as const
const user: User = { webExId: 'jdoe', salesCenter: { roles: { sme: true } } }
const plainSite = (): SiteContext => ({
  activeHostCount: 0,
  allowUserToChangeUserName: false,
  takenWebExIds: ['asmith', 'Old.Name'],
  productIds: [120, 123],
  controlHubManaged: false,
})
const rename = (to: string) => ({ caller: ADMIN, body: { webExId: 'jdoe', newWebExId: to } })
const products = (ids: number[]) => ({
  caller: ADMIN,
  body: { webExId: 'jdoe', salesCenter: { smeInfo: { products: ids } } },
})

describe('D-PF-2 indexSite', () => {
  it('returns a deeply frozen copy and leaves its input as it was', () => {
    const site = plainSite()
    const indexed = indexSite(site)
    expect(indexed).toEqual(site)
    expect(indexed).not.toBe(site)
    expect(Object.isFrozen(indexed)).toBe(true)
    expect(Object.isFrozen(indexed.takenWebExIds)).toBe(true)
    expect(Object.isFrozen(site)).toBe(false)
    expect(Object.isFrozen(site.takenWebExIds)).toBe(false)
  })

  it('R14 on an indexed site a taken name conflicts case-insensitively, a free one renames', () => {
    const site = indexSite(plainSite())
    for (const name of ['asmith', 'ASMITH', 'old.name'])
      expect(applySetUser(user, site, rename(name))).toMatchObject({
        _tag: 'Left',
        left: { _tag: 'WebExIdConflict', exceptionID: '030004' },
      })
    expect(applySetUser(user, site, rename('free'))).toMatchObject({
      _tag: 'Right',
      right: { user: { webExId: 'free' } },
    })
  })

  it('R4 on an indexed site an unknown product id fails and known ones pass', () => {
    const site = indexSite(plainSite())
    expect(applySetUser(user, site, products([123, 999]))).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'UnknownProductId' },
    })
    expect(applySetUser(user, site, products([120, 123]))._tag).toBe('Right')
  })

  it('R14 R4 an unfrozen site is read anew on every call: a name or id added between calls counts', () => {
    const site = { ...plainSite(), takenWebExIds: ['asmith'], productIds: [120] }
    expect(applySetUser(user, site, rename('bjones'))._tag).toBe('Right')
    expect(applySetUser(user, site, products([124]))._tag).toBe('Left')
    site.takenWebExIds.push('BJones')
    site.productIds.push(124)
    expect(applySetUser(user, site, rename('bjones'))).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'WebExIdConflict' },
    })
    expect(applySetUser(user, site, products([124]))._tag).toBe('Right')
  })

  it('an invalid site is copied and still reported by the call, naming the path', () => {
    const bad = { ...plainSite(), takenWebExIds: ['ok', 7] } as unknown as SiteContext
    const result = applySetUser(user, indexSite(bad), rename('other'))
    expect(result).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'InvalidRequest', failures: [{ source: 'site', path: 'takenWebExIds[1]' }] },
    })
  })

  it('input that is not plain data comes back as it is, and never throws', () => {
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('trap')
        },
      },
    ) as unknown as SiteContext
    expect(indexSite(hostile)).toBe(hostile)
    expect(indexSite(null as unknown as SiteContext)).toBe(null)
  })
})
