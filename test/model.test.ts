import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { Caller, GetUserView, type ModelCodec, SetUserBody, SetUserRequest, SiteContext, User } from 'webex-user-rules'

/** The codec at a schema path (`a.b`, `list[]` for the item of a list). */
const codecAt = (root: ModelCodec, path: string): ModelCodec => {
  let codec = root
  for (const part of path.split('.')) {
    const name = part.replace('[]', '')
    if (codec._tag !== 'StructType') throw new Error(`no struct before ${part} in ${path}`)
    const child = codec.props[name]
    if (child === undefined) throw new Error(`no ${name} in ${path}`)
    codec = child
    if (part.endsWith('[]')) {
      if (codec._tag !== 'ListType') throw new Error(`no list at ${part} in ${path}`)
      codec = codec.item
    }
  }
  return codec
}

const enumValues = (root: ModelCodec, path: string): readonly string[] => {
  const codec = codecAt(root, path)
  if (codec._tag !== 'LeafType' || codec.spec.kind !== 'enum') throw new Error(`${path} is no enumeration`)
  return codec.spec.values
}

const SERVICE_TYPES = ['MeetingCenter', 'EventCenter', 'TrainingCenter', 'SupportCenter', 'SalesCenter']
const SHARING_VIEW = ['FS_SCALE', 'FS', 'WIN_SCALE', 'WIN']

/** The enumerations of the user element tree (docs/spec.md §7.1, the XSD's simple types). */
const ENUMERATIONS: Readonly<Record<string, readonly string[]>> = {
  'address.addressType': ['PERSONAL', 'GLOBAL'],
  service: ['FREE_OFFICE', 'STANDARD_OFFICE', 'PRO_OFFICE'],
  active: ['ACTIVATED', 'REQUEST_TO_ACTIVATE', 'DEACTIVATED'],
  'tspAccount[].nbrDialOut': ['TOLL_FREE', 'TOLL'],
  'sessionOptions.defaultServiceType': SERVICE_TYPES,
  'schedulingTemplates[].serviceType': SERVICE_TYPES,
  'remoteSupport.sharingView': SHARING_VIEW,
  'remoteSupport.sharingColor': ['256', '16BIT'],
  'remoteSupport.recording.type': ['NBR', 'LOCAL'],
  'remoteSupport.autoRequest.request': ['DESK_VIEW', 'DESK_CTRL', 'APP_VIEW', 'APP_CTRL'],
  'remoteSupport.defaultClient.type': ['MULTI_SESS', 'SINGLE_SESS'],
  'remoteSupport.defaultClient.singleSessClient': ['NEW_CONSL', 'OLD_CONSL'],
  'remoteAccess.sharingView': SHARING_VIEW,
  'remoteAccess.sharingColor': ['256', '16BIT'],
  'remoteAccess.recording.type': ['NBR', 'LOCAL'],
}

/** Research §1.4: the containers whose only child repeats, and the repeated element's name. */
const WRAPPED_LISTS: Readonly<Record<string, string>> = {
  meetingTypes: 'meetingType',
  tspAccount: 'tspAccount',
  'supportCenter.orderTabs': 'tab',
  'salesCenter.smeInfo.products': 'prodID',
  videoSystems: 'videoCallback',
  'personalMeetingRoom.alternateHost.hosts': 'host',
  schedulingTemplates: 'sessionTemplate',
  scheduleFor: 'webExID',
}

/** Every struct codec below `codec`, with the name its element has in the tree. */
const structs = (codec: ModelCodec, elementName: string, out: [string, ModelCodec][] = []): [string, ModelCodec][] => {
  if (codec._tag === 'ListType') return structs(codec.item, codec.element ?? elementName, out)
  if (codec._tag !== 'StructType') return out
  out.push([elementName, codec])
  for (const [key, child] of Object.entries(codec.props))
    structs(child, `${elementName}.${key}`.replace(/^[^.]*\./, ''), out)
  return out
}

describe('the model (docs/spec.md §2)', () => {
  for (const [name, root] of [
    ['User', User],
    ['SetUserBody', SetUserBody],
    ['GetUserView', GetUserView],
  ] as const) {
    it(`${name}: every enumeration accepts exactly the schema's values`, () => {
      for (const [path, values] of Object.entries(ENUMERATIONS)) {
        if (name !== 'User' && path === 'scheduleFor') continue
        expect(enumValues(root, path), path).toEqual(values)
      }
    })
  }

  it('a wrapper list names its repeated element; a repeated element inside a container is the list itself', () => {
    for (const [path, element] of Object.entries(WRAPPED_LISTS)) {
      const codec = codecAt(User, path)
      expect(codec._tag === 'ListType' && codec.element, path).toBe(element)
    }
    for (const path of ['personalTeleconf.account', 'thirdPartyTeleconf.account']) {
      const codec = codecAt(User, path)
      expect(codec._tag === 'ListType' && codec.element, path).toBeUndefined()
    }
    const products = codecAt(User, 'salesCenter.smeInfo.products')
    expect(products._tag === 'ListType' && products.minItems).toBe(1)
    const meetingTypes = codecAt(User, 'meetingTypes')
    expect(meetingTypes._tag === 'ListType' && meetingTypes.minItems).toBe(0)
  })

  it('every element with children is named after its element (so decode failures name it)', () => {
    const names = structs(User, 'User').map(([element, codec]) => [element.split('.').pop() ?? '', codec.name] as const)
    for (const [element, name] of names) expect(name.split('.').pop(), element).toBe(element)
    expect(names.length).toBeGreaterThan(35)
    expect(SetUserRequest.name).toBe('SetUserRequest')
    expect(Caller.name).toBe('Caller')
    expect(SiteContext.name).toBe('SiteContext')
  })

  it('the caller role is one of siteAdmin, roSiteAdmin, host, attendee', () => {
    expect(enumValues(Caller, 'role')).toEqual(['siteAdmin', 'roSiteAdmin', 'host', 'attendee'])
  })

  it('SiteContext requires the count, the rename policy, the taken names, the products and Control Hub; telephony requires all three servers', () => {
    expect(SiteContext.requiredKeys).toEqual([
      'activeHostCount',
      'allowUserToChangeUserName',
      'takenWebExIds',
      'productIds',
      'controlHubManaged',
    ])
    const telephony = codecAt(SiteContext, 'telephony')
    expect(telephony._tag === 'StructType' && telephony.requiredKeys).toEqual([
      'primaryLarge',
      'nextGen',
      'backup2Large',
    ])
    expect(
      E.isLeft(
        SiteContext.decode({
          activeHostCount: -1,
          allowUserToChangeUserName: false,
          takenWebExIds: [],
          productIds: [],
          controlHubManaged: false,
        }),
      ),
    ).toBe(true)
    expect(
      E.isRight(
        SiteContext.decode({
          activeHostCount: 0,
          allowUserToChangeUserName: false,
          takenWebExIds: [],
          productIds: [],
          controlHubManaged: false,
        }),
      ),
    ).toBe(true)
  })

  it('decode failures say what each kind of element expects', () => {
    const failure = (body: unknown): string[] => {
      const result = SetUserBody.decode(body)
      return E.isLeft(result) ? result.left.map((e) => e.message ?? '') : []
    }
    expect(failure({ webExId: 'j', firstName: 1 })).toEqual(['firstName: expected string (max 64 characters)'])
    expect(failure({ webExId: '' })).toEqual(['webExId: expected string (1..64 characters)'])
    expect(failure({ webExId: 'j', syncWebOffice: 'yes' })).toEqual(['syncWebOffice: expected boolean'])
    expect(failure({ webExId: 'j', personalMeetingRoom: { PMRAutoLockWaitTime: 21 } })).toEqual([
      'personalMeetingRoom.PMRAutoLockWaitTime: expected integer 0..20',
    ])
    expect(failure({ webExId: 'j', categoryId: 1.5 })).toEqual(['categoryId: expected integer'])
    expect(failure({ webExId: 'j', active: 'ON' })).toEqual([
      'active: expected "ACTIVATED" | "REQUEST_TO_ACTIVATE" | "DEACTIVATED"',
    ])
    expect(failure({ webExId: 'j', meetingTypes: 1 })).toEqual(['meetingTypes: expected list of integer'])
    expect(failure({ webExId: 'j', salesCenter: { smeInfo: { products: [] } } })).toEqual([
      'salesCenter.smeInfo.products: expected list of integer with at least 1 item(s)',
    ])
    expect(failure({ webExId: 'j', address: 'x' })).toEqual(['address: expected address (an element with children)'])
    expect(failure({ webExId: 'j', Active: 'ACTIVATED' })).toEqual([
      'Active: expected no element "Active" in SetUserBody (did you mean "active"?)',
    ])
    expect(failure({})).toEqual(['webExId: expected required element "webExId"'])
    const site = SiteContext.decode({
      activeHostCount: 0,
      allowUserToChangeUserName: false,
      takenWebExIds: [],
      productIds: [],
      controlHubManaged: false,
      features: { HQvideo: 'no' },
    })
    expect(E.isLeft(site) && site.left.map((e) => e.message)).toEqual(['features: expected a map of names to booleans'])
  })

  it('codecs are io-ts types: is() agrees with decode(), and a valid value decodes to itself', () => {
    const valid = { webExId: 'j', privilege: { host: true }, meetingTypes: [1] }
    expect(User.is(valid)).toBe(true)
    expect(User.is({ webExId: 'j', privilege: { host: 'yes' } })).toBe(false)
    expect(User.is({ privilege: {} })).toBe(false)
    const decoded = User.decode(valid)
    expect(E.isRight(decoded) && decoded.right).toBe(valid)
    expect(User.encode(valid)).toBe(valid)
    const failed = User.decode({ webExId: 'j', privilege: { host: 'yes' } })
    expect(E.isLeft(failed) && failed.left[0]?.context.map((c) => c.key)).toEqual(['', 'privilege', 'host'])
    expect(E.isLeft(failed) && failed.left[0]?.value).toBe('yes')
  })
})
