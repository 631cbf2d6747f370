import { describe, expect, it, vi } from 'vitest'
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

  /** The lists indexSite builds a lookup for (a Set stored against the list, D-PF-2). */
  const indexedLists = (site: SiteContext): { indexed: SiteContext; lists: unknown[] } => {
    const set = vi.spyOn(WeakMap.prototype, 'set')
    try {
      const indexed = indexSite(site)
      return { indexed, lists: set.mock.calls.filter(([, value]) => value instanceof Set).map(([key]) => key) }
    } finally {
      set.mockRestore()
    }
  }

  it('builds the lookup of each list once, when the site is built: taken names, e-mails, site users, products', () => {
    const { indexed, lists } = indexedLists({
      ...plainSite(),
      takenWebExIds: ['asmith', 'Index.Once.1'],
      takenEmails: ['index.once@example.com'],
      siteWebExIds: ['jdoe', 'Index.Once.2'],
      productIds: [120, 123, 9001],
    })
    expect(lists).toHaveLength(4)
    expect(lists).toEqual(
      expect.arrayContaining([indexed.takenWebExIds, indexed.takenEmails, indexed.siteWebExIds, indexed.productIds]),
    )
  })

  it('builds no lookup for an invalid site, nor for an invalid list of a valid one', () => {
    const invalid = { ...plainSite(), activeHostCount: -1, takenWebExIds: ['Invalid.Site'], productIds: [9002] }
    expect(indexedLists(invalid).lists).toEqual([])
    const badProducts = { ...plainSite(), takenWebExIds: ['Bad.Products'], productIds: [9003, 'x'] }
    const { indexed, lists } = indexedLists(badProducts as unknown as SiteContext)
    expect(lists).toEqual([indexed.takenWebExIds])
  })

  it('copies a site holding a cycle, down to 64 levels, without throwing', () => {
    const loop: Record<string, unknown> = {}
    loop['self'] = loop
    const ring: unknown[] = []
    ring.push(ring)
    const site = { ...plainSite(), loop, ring } as unknown as SiteContext
    const indexed = indexSite(site) as unknown as Record<string, unknown>
    expect(indexed).not.toBe(site)
    expect(Object.isFrozen(indexed)).toBe(true)
    expect(indexed['loop']).not.toBe(loop)
    expect(indexed['ring']).not.toBe(ring)
  })

  it('copies and freezes 64 levels of nesting; deeper values are kept as they are', () => {
    // the site is level 0, its `deep` level 1, each `next` one level more
    const levels: Record<string, unknown>[] = Array.from({ length: 70 }, () => ({}))
    levels.forEach((level, i) => {
      if (i + 1 < levels.length) level['next'] = levels[i + 1]
    })
    const indexed = indexSite({ ...plainSite(), deep: levels[0] } as unknown as SiteContext) as unknown as Record<
      string,
      unknown
    >
    let node = indexed['deep'] as Record<string, unknown>
    for (let level = 1; level < 64; level++) node = node['next'] as Record<string, unknown>
    // node is level 64: a frozen copy; its child, level 65, is the input's own object
    expect(node).not.toBe(levels[63])
    expect(Object.isFrozen(node)).toBe(true)
    expect(node['next']).toBe(levels[64])
  })

  it('a list or another non-plain object comes back as it is', () => {
    const list = [] as unknown as SiteContext
    expect(indexSite(list)).toBe(list)
    expect(Object.isFrozen(list)).toBe(false)
  })
})
