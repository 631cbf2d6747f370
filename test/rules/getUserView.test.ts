/**
 * D-GV — GetUser speaks the response schema (docs/spec.md §7.1, §7.6; issue 13 item 3): the
 * elements in the order of the response type, salesCenter's products in the instance form
 * `products/product{prodID,name}`, `active` always.
 *
 * test/fixtures/getuser-response-salescenter.xml is the real response of
 * test/fixtures/corpus/getuser-response-atlas-1.xml with the response type's remaining elements
 * added where the type puts them: salesCenter (two products with names), peExpired and peActive
 * after eventCenter, schedulingTemplates and scheduleFor after passwordDaysLeft. No public capture
 * of a response with salesCenter exists.
 */
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { toGetUserView, type User } from 'webex-user-rules'
import { parseGetUserResponse, parseSetUserMessage, renderGetUserResponse } from 'webex-user-rules/xml'
import { deepFreeze } from '../helpers.js'

const fixture = (file: string): string => readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8')

/** getUserResponse's children, written out from the sources rather than read from the codec. */
const RESPONSE_ORDER = [
  // userInstanceType: userType …
  'firstName',
  'lastName',
  'title',
  'categoryId',
  'description',
  'officeGreeting',
  'company',
  'webExId',
  'address',
  'phones',
  'email',
  'email2',
  'officeurl',
  'password',
  'passwordHint',
  'passwordHintAnswer',
  'personalUrl',
  'expirationDate',
  'commOptions',
  'meetingTypes',
  'options',
  'timeZoneID',
  'timeZone',
  'timeZoneWithDST',
  'tracking',
  'service',
  'privilege',
  'language',
  'locale',
  'schedulingPermission',
  'active',
  'defaultCallIn',
  'tspAccount',
  'supportedServices',
  'myWebEx',
  'personalTeleconf',
  'thirdPartyTeleconf',
  'videoSystems',
  'personalMeetingRoom',
  'sessionOptions',
  'supportCenter',
  'mpProfileNumber',
  'security',
  'languageID',
  'webACDPrefs',
  'remoteSupport',
  'remoteAccess',
  // … and the instance's own elements
  'registrationDate',
  'visitCount',
  'userId',
  'eventCenter',
  // then getUserResponse's
  'salesCenter',
  'peExpired',
  'peActive',
  'passwordExpires',
  'passwordDaysLeft',
  'schedulingTemplates',
  'scheduleFor',
]

/** A stored user with every element GetUser can show, keys in reverse response order. */
const everything: User = deepFreeze({
  scheduleFor: ['asmith'],
  schedulingTemplates: [{ name: 'Weekly', serviceType: 'MeetingCenter' }],
  passwordDaysLeft: 0,
  passwordExpires: false,
  peActive: true,
  peExpired: false,
  salesCenter: { roles: { sme: true }, smeInfo: { products: [124, 123] } },
  eventCenter: { optimizeAttendeeBandwidthUsage: true },
  userId: 962225390,
  visitCount: 3,
  registrationDate: '02/08/2016 15:21:23',
  remoteAccess: { sharingView: 'FS' },
  remoteSupport: { sharingView: 'FS' },
  webACDPrefs: { isAgent: false },
  languageID: 1,
  security: { lockAccount: false },
  mpProfileNumber: '4711',
  supportCenter: { serviceDesk: { enable: false } },
  sessionOptions: { defaultSessionType: 216 },
  personalMeetingRoom: { hostPIN: '6514' },
  videoSystems: [{ systemName: 'room', address: 'room@example.com' }],
  thirdPartyTeleconf: { account: [{ accountIndex: 1, name: 'bridge' }] },
  personalTeleconf: { joinBeforeHost: true, account: [{ accountIndex: 1 }] },
  myWebEx: { myContact: true },
  supportedServices: { meetingCenter: true },
  tspAccount: [{ accountIndex: 1 }],
  defaultCallIn: {},
  active: 'DEACTIVATED',
  schedulingPermission: 'asmith;bjones',
  locale: 'U.S.',
  language: 'ENGLISH',
  privilege: { host: true },
  service: 'PRO_OFFICE',
  tracking: { trackingCode1: 'x' },
  timeZoneWithDST: 'San Francisco',
  timeZone: 'GMT-08:00, Pacific (San Jose)',
  timeZoneID: 4,
  options: { emailVisible: true },
  meetingTypes: [214, 216],
  commOptions: { email: true },
  expirationDate: '12/31/2049 23:59:59',
  personalUrl: 'pr1454974599154',
  passwordHintAnswer: 'blue',
  passwordHint: 'colour',
  password: 'secret',
  officeurl: 'https://example.com',
  email2: 'j2@example.com',
  email: 'j@example.com',
  phones: { PIN: '4826' },
  address: { city: 'Oslo' },
  webExId: 'jdoe',
  company: 'Example',
  officeGreeting: 'Hello',
  description: 'About me',
  categoryId: 36,
  title: 'Dr',
  lastName: 'Doe',
  firstName: 'Jane',
  designatedChatUser: true,
})

/** The names of bodyContent's own children in a rendered response, in document order. */
const topLevelElements = (xml: string): string[] => {
  const content = xml.slice(xml.indexOf('<serv:bodyContent'), xml.lastIndexOf('</serv:bodyContent>'))
  const names: string[] = []
  let depth = 0
  for (const [, close, name, selfClosing] of content.matchAll(/<(\/?)use:([A-Za-z0-9]+)[^>]*?(\/?)>/g)) {
    if (close === '/') depth--
    else {
      if (depth === 0) names.push(name ?? '')
      if (selfClosing !== '/') depth++
    }
  }
  return names
}

describe('D-GV-1 GetUser answers in the order of the response type', () => {
  it('D-GV-1 the view lists every element in the response order, whatever the stored order', () => {
    expect(Object.keys(toGetUserView(everything))).toEqual(RESPONSE_ORDER)
  })

  it('D-GV-1 the rendered response writes every element in the response order', () => {
    expect(topLevelElements(renderGetUserResponse(everything))).toEqual(RESPONSE_ORDER)
  })

  it('D-GV-1 salesCenter, peExpired and peActive come after eventCenter; schedulingTemplates after passwordDaysLeft', () => {
    const keys = Object.keys(toGetUserView(everything))
    const at = (key: string): number => keys.indexOf(key)
    expect(at('eventCenter')).toBeLessThan(at('salesCenter'))
    expect(at('salesCenter') + 1).toBe(at('peExpired'))
    expect(at('peActive') + 1).toBe(at('passwordExpires'))
    expect(at('passwordDaysLeft') + 1).toBe(at('schedulingTemplates'))
  })

  it('D-GV-1 the real response renders back byte for byte, salesCenter and the tail included (names aside)', () => {
    const original = fixture('getuser-response-salescenter.xml')
    const user = parseGetUserResponse(original)
    if (E.isLeft(user)) throw new Error(JSON.stringify(user.left))
    expect(renderGetUserResponse(user.right)).toBe(
      original
        .replace('<use:password>******</use:password>', '')
        .replace('<use:name>Widget Pro</use:name>', '')
        .replace('<use:name>Gadget</use:name>', '')
        .trimEnd(),
    )
  })
})

describe('D-GV-2 salesCenter products in the instance form product{prodID,name}', () => {
  it('D-GV-2 the seed example 124, 123 is shown as two products, in the stored order', () => {
    const view = toGetUserView({
      webExId: 'jdoe',
      salesCenter: { smeInfo: { description: 'W', products: [124, 123] } },
    })
    expect(view.salesCenter).toEqual({ smeInfo: { description: 'W', products: [{ prodID: 124 }, { prodID: 123 }] } })
  })

  it('D-GV-2 rendered as products/product/prodID, never as bare prodID', () => {
    const xml = renderGetUserResponse({ webExId: 'jdoe', salesCenter: { smeInfo: { products: [124, 123] } } })
    expect(xml).toContain(
      '<use:salesCenter><use:smeInfo><use:products>' +
        '<use:product><use:prodID>124</use:prodID></use:product>' +
        '<use:product><use:prodID>123</use:prodID></use:product>' +
        '</use:products></use:smeInfo></use:salesCenter>',
    )
  })

  it('D-GV-2 a response with product{prodID,name} parses into the stored prodIDs', () => {
    const user = parseGetUserResponse(fixture('getuser-response-salescenter.xml'))
    expect(user).toMatchObject(
      E.right({
        webExId: 'jdoe+78695@example.com',
        salesCenter: {
          roles: { rep: true, mgr: false, asst: false, sme: true },
          manager: 'msmith',
          smeInfo: { description: 'Widgets & gadgets', products: [124, 123] },
        },
        peExpired: false,
        peActive: true,
        passwordExpires: false,
        passwordDaysLeft: 0,
        schedulingTemplates: [{ name: 'Weekly sync', serviceType: 'MeetingCenter' }],
        scheduleFor: ['asmith'],
      }),
    )
  })

  it('D-GV-2 the request form (bare prodID) in a response is refused, naming the path', () => {
    const xml = fixture('getuser-response-salescenter.xml').replace(
      /<use:products>.*<\/use:products>/,
      '<use:products><use:prodID>124</use:prodID></use:products>',
    )
    const parsed = parseGetUserResponse(xml)
    expect(parsed).toMatchObject(E.left({ _tag: 'InvalidRequest' }))
    expect(JSON.stringify(parsed)).toContain('salesCenter.smeInfo.products')
  })

  it('D-GV-2 the response form (product) in a SetUser request is refused: a request sends prodIDs', () => {
    const parsed = parseSetUserMessage(
      '<serv:message><header><securityContext><webExID>admin</webExID></securityContext></header><body>' +
        '<bodyContent xsi:type="java:com.webex.service.binding.user.SetUser"><webExId>jdoe</webExId>' +
        '<salesCenter><smeInfo><products><product><prodID>124</prodID></product></products></smeInfo></salesCenter>' +
        '</bodyContent></body></serv:message>',
    )
    expect(parsed).toMatchObject(E.left({ _tag: 'InvalidRequest' }))
    expect(JSON.stringify(parsed)).toContain('salesCenter.smeInfo.products')
  })

  it('D-GV-2 a product without its prodID is refused', () => {
    const xml = fixture('getuser-response-salescenter.xml').replace('<use:prodID>123</use:prodID>', '')
    expect(parseGetUserResponse(xml)).toMatchObject(E.left({ _tag: 'InvalidRequest' }))
  })
})

describe('D-GV-3 active is always in the answer', () => {
  it('D-GV-3 a user stored without active is shown ACTIVATED (the schema default)', () => {
    expect(toGetUserView({ webExId: 'jdoe' })).toEqual({ webExId: 'jdoe', active: 'ACTIVATED' })
    expect(renderGetUserResponse({ webExId: 'jdoe' })).toContain(
      '<use:webExId>jdoe</use:webExId><use:active>ACTIVATED</use:active>',
    )
  })

  it('D-GV-3 a stored state is shown as stored', () => {
    expect(toGetUserView({ webExId: 'jdoe', active: 'DEACTIVATED' }).active).toBe('DEACTIVATED')
    expect(toGetUserView({ webExId: 'jdoe', active: 'REQUEST_TO_ACTIVATE' }).active).toBe('REQUEST_TO_ACTIVATE')
  })
})

describe('D-GV the view is a new value', () => {
  it('D-GV the stored user is not changed, and untouched subtrees are shared', () => {
    const view = toGetUserView(everything)
    expect(view.address).toBe(everything.address)
    expect(view.privilege).toBe(everything.privilege)
    expect(view.salesCenter?.roles).toBe(everything.salesCenter?.roles)
    expect(everything.salesCenter?.smeInfo?.products).toEqual([124, 123])
    expect(Object.hasOwn(view, 'designatedChatUser')).toBe(false)
  })
})
