/**
 * Spec §5 against the corpus of real client messages (test/fixtures/corpus, copied from
 * shared/corpus): every file has a test of what it parses to, or of the error it gives. Then each
 * SetUser is applied to the real GetUser response's user, and the result goes through GetUser
 * (render → parse) unchanged.
 */
import { readdirSync, readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { applySetUser, type SetUserBody, type SiteContext, type User } from 'webex-user-rules'
import {
  parseGetUserMessage,
  parseGetUserResponse,
  parseRequestMessage,
  parseResponseStatus,
  parseSetUserMessage,
  renderGetUserResponse,
  type SecurityContext,
} from 'webex-user-rules/xml'
import { deepFreeze } from '../helpers.js'
import { LIST_AND_LOGIN_REQUESTS, LIST_AND_LOGIN_RESPONSES } from './listAndLoginCorpus.js'

const CORPUS = new URL('../fixtures/corpus/', import.meta.url)
const corpus = (file: string): string => readFileSync(new URL(file, CORPUS), 'utf8')

const right = <A>(result: E.Either<unknown, A>): A => {
  if (E.isLeft(result)) expect.fail(`expected Right, got ${JSON.stringify(result.left)}`)
  return result.right
}

// securityContexts, as the files write them
const WXDASH: SecurityContext = {
  webExID: 'admin',
  password: 'DummyPass-1',
  siteName: 'examplesite',
  returnAdditionalInfo: true,
}
const ATLAS: SecurityContext = {
  siteName: 'examplesite',
  webExID: 'admin@example.com',
  sessionTicket: 'AAABBBdummySessionTicket000111',
}
const MAEKEE: SecurityContext = { webExID: 'webexaccount', password: 'DummyPass-4', siteID: 123456, partnerID: '123xy' }

/** [file, securityContext, body]: the body of every well-formed SetUser of the corpus. */
const SET_USER: readonly (readonly [string, SecurityContext, SetUserBody])[] = [
  [
    'setuser-atlas-1.xml',
    ATLAS,
    {
      webExId: 'jdoe@example.com',
      meetingTypes: [214, 216],
      supportedServices: {
        meetingCenter: true,
        trainingCenter: false,
        supportCenter: false,
        eventCenter: true,
        salesCenter: false,
      },
    },
  ],
  [
    'setuser-atlas-2.xml',
    ATLAS,
    {
      webExId: 'jdoe@example.com',
      privilege: {
        teleConfCallIn: true,
        teleConfTollFreeCallIn: false,
        teleConfCallInInternational: true,
        teleCLIAuthEnabled: false,
        teleConfCallOut: true,
        teleConfCallOutInternational: false,
        otherTelephony: false,
        voiceOverIp: true,
        isEnablePMR: true,
        HQvideo: true,
        HDvideo: true,
      },
    },
  ],
  [
    'setuser-borgified-1.xml',
    { webExID: 'svc-admin', password: 'DummyPass-2', siteID: 123456, partnerID: 'abc123' },
    { webExId: 'jsmith', active: 'DEACTIVATED' },
  ],
  [
    'setuser-ciscodoc-1.xml',
    { webExID: 'user1', password: 'DummyPass-9', siteName: 'examplesite' },
    {
      webExId: 'user1',
      videoSystems: [
        { systemName: 'my video 1', address: 'mv1@test.com', defaultFlag: true },
        { systemName: 'my video 2', address: 'mv2@test.com', defaultFlag: false },
      ],
    },
  ],
  ['setuser-maekee-1.xml', MAEKEE, { webExId: 'jsmith', active: 'DEACTIVATED' }],
  [
    'setuser-maekee-3.xml',
    MAEKEE,
    {
      webExId: 'jsmith',
      firstName: 'John',
      lastName: 'Smith',
      email: 'john.smith@example.com',
      timeZoneID: 21,
      address: { address1: 'Storgatan 1', city: 'Stockholm', zipCode: '11122', country: 'Sweden' },
      security: { forceChangePassword: true, lockAccount: false },
      privilege: { recordingEditor: true, HQvideo: true, HDvideo: true, isEnableCET: true },
      myWebEx: { isMyWebExPro: true, trainingRecordings: true, recordedEvents: true, myReports: true },
    },
  ],
  [
    'setuser-moodle-1.xml',
    { webExID: 'moodleapi', password: 'DummyPass-3', siteName: 'examplesite' },
    // `Rnd&amp;Pw-9x2Q` on the wire
    { webExId: 'student42', password: 'Rnd&Pw-9x2Q', active: 'ACTIVATED' },
  ],
  [
    'setuser-pybot-1.xml',
    { siteName: 'examplesite', webExID: 'siteadmin', password: 'DummyPass-6' },
    {
      webExId: 'family03@example.com',
      firstName: 'Dana',
      lastName: 'Levi',
      personalUrl: 'DanaLevi',
      personalMeetingRoom: { title: "Dana Levi's virtual meeting place" },
    },
  ],
  [
    'setuser-pysample-1.xml',
    { siteName: 'examplesite', webExID: 'admin@example.com', sessionTicket: 'AAABBBdummySessionTicket000222' },
    {
      webExId: 'maria.garcia@example.com',
      firstName: 'Maria',
      lastName: 'Garcia',
      phones: { PIN: '5829' },
      personalMeetingRoom: { hostPIN: '8314' },
    },
  ],
  [
    'setuser-pyschedperm-1.xml',
    { webExID: 'admin@example.com', sessionTicket: 'AAABBBdummySessionTicket000333', siteName: 'examplesite' },
    { webExId: 'boss@example.com', schedulingPermission: 'assistant1@example.com;assistant2@example.com' },
  ],
  [
    'setuser-wxdash-1.xml',
    WXDASH,
    {
      webExId: 'admin',
      personalMeetingRoom: { PMRAlternateHost: true, alternateHost: { allowAnyoneHostMyPMR: true } },
    },
  ],
  [
    'setuser-wxdash-2.xml',
    WXDASH,
    { webExId: 'admin', personalMeetingRoom: { alternateHost: { hosts: [{ email: 'alt.host@example.com' }] } } },
  ],
  ['setuser-wxdash-3.xml', WXDASH, { webExId: 'admin', personalMeetingRoom: { PMRAlternateHost: false } }],
  [
    'setuser-wxdash-4.xml',
    WXDASH,
    {
      webExId: 'admin',
      personalMeetingRoom: { PMRAlternateHost: true, alternateHost: { allowAnyoneHostMyPMR: false } },
    },
  ],
  ['setuser-wxdash-5.xml', WXDASH, { webExId: 'admin', phones: { PIN: '4826' } }],
  [
    'setuser-wxdash-6.xml',
    WXDASH,
    { webExId: 'admin', phones: { phone: '1,408,5551234' }, options: { workPhoneCallback: true } },
  ],
  [
    'setuser-wxdash-7.xml',
    WXDASH,
    { webExId: '374510', phones: { mobilePhone: '1,408,5559876' }, options: { cellPhoneCallback: true } },
  ],
  ['setuser-wxdash-8.xml', WXDASH, { webExId: 'admin', personalMeetingRoom: { hostPIN: '7391' } }],
  ['setuser-wxdash-9.xml', WXDASH, { webExId: 'admin', personalMeetingRoom: { applyPMRForInstantMeeting: false } }],
  ['setuser-wxdash-10.xml', WXDASH, { webExId: 'admin', personalMeetingRoom: { applyPMRForInstantMeeting: true } }],
  ['setuser-wxdash-11.xml', WXDASH, { webExId: 'admin', personalMeetingRoom: { PMRAutoLock: true } }],
  ['setuser-wxdash-12.xml', WXDASH, { webExId: 'admin', personalMeetingRoom: { PMRAutoLock: false } }],
]

/** The failure responses of the corpus: [file, reason, exceptionID]. */
const FAILURES: readonly (readonly [string, string, string])[] = [
  ['response-failure-atlas-000001.xml', 'Access denied, additional privileges are required', '000001'],
  ['response-failure-atlas-000035.xml', 'ASService not responding', '000035'],
  ['response-failure-ciscoie-000000.xml', 'Fail to forward request:null', '000000'],
  ['response-failure-java-030002.xml', 'Incorrect user or password', '030002'],
  ['response-failure-erolms-030047.xml', 'Not a valid session ticket', '030047'],
]

const OTHER_FILES = [
  'setuser-wxdash-13.xml',
  'createuser-moodle-1.xml',
  'getuser-ciscodevnet-1.xml',
  'getuser-response-atlas-1.xml',
  // the list and login operations: test/xml/listAndLogin.test.ts
  ...LIST_AND_LOGIN_REQUESTS.map(([f]) => f),
  ...LIST_AND_LOGIN_RESPONSES,
]

describe('spec §5 corpus: what each real message parses to', () => {
  it('covers every file of the corpus', () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.xml'))
    const covered = [...SET_USER.map(([f]) => f), ...FAILURES.map(([f]) => f), ...OTHER_FILES]
    expect([...files].sort()).toEqual([...covered].sort())
    expect(files).toHaveLength(60)
  })

  it.each(SET_USER)('%s parses to its securityContext and body', (file, securityContext, body) => {
    expect(parseSetUserMessage(corpus(file))).toEqual(E.right({ securityContext, body }))
  })

  it('setuser-wxdash-13.xml (mis-nested videoSystems/videoCallback) is an InvalidRequest of the message', () => {
    const result = parseSetUserMessage(corpus('setuser-wxdash-13.xml'))
    expect(result).toEqual(
      E.left({
        _tag: 'InvalidRequest',
        exceptionID: '999999',
        reason: 'Invalid request: message: expected well-formed XML',
        failures: [
          {
            source: 'message',
            path: '',
            expected: 'well-formed XML',
            actual: expect.stringMatching(/end tag <\/videoSystems> closes <videoCallback> at line 19/) as unknown,
          },
        ],
      }),
    )
  })

  it('createuser-moodle-1.xml is another operation: InvalidRequest naming the xsi:type', () => {
    expect(parseSetUserMessage(corpus('createuser-moodle-1.xml'))).toMatchObject(
      E.left({
        _tag: 'InvalidRequest',
        failures: [
          {
            source: 'message',
            path: 'body.bodyContent.@type',
            expected:
              'xsi:type java:com.webex.service.binding.user.SetUser or java:com.webex.xmlapi.service.binding.user.SetUser',
            actual: 'java:com.webex.service.binding.user.CreateUser',
          },
        ],
      }),
    )
  })

  it('getuser-ciscodevnet-1.xml is a GetUser request for dstaudt (tab inside the body)', () => {
    const expected = {
      securityContext: { siteName: 'examplesite', webExID: 'dstaudt', sessionTicket: 'AAABBBdummySessionTicket000444' },
      body: { webExId: 'dstaudt' },
    }
    expect(parseGetUserMessage(corpus('getuser-ciscodevnet-1.xml'))).toEqual(E.right(expected))
    expect(parseRequestMessage(corpus('getuser-ciscodevnet-1.xml'))).toEqual(
      E.right({ operation: 'GetUser', ...expected }),
    )
    // and it is not a SetUser
    expect(E.isLeft(parseSetUserMessage(corpus('getuser-ciscodevnet-1.xml')))).toBe(true)
  })

  it.each(FAILURES)('%s reads as FAILURE with its reason and exceptionID', (file, reason, exceptionID) => {
    expect(parseResponseStatus(corpus(file))).toEqual(
      E.right({ result: 'FAILURE', reason, gsbStatus: 'PRIMARY', exceptionID }),
    )
  })

  it('getuser-response-atlas-1.xml reads as SUCCESS', () => {
    expect(parseResponseStatus(corpus('getuser-response-atlas-1.xml'))).toEqual(
      E.right({ result: 'SUCCESS', gsbStatus: 'PRIMARY' }),
    )
  })
})

describe('spec §5 corpus: the real GetUser response is a stored User', () => {
  const user = right(parseGetUserResponse(corpus('getuser-response-atlas-1.xml')))

  it('drops the masked password, keeps the empty PIN as text, and reads the empty containers', () => {
    expect(user.password).toBeUndefined()
    expect(user.phones).toEqual({ PIN: '' })
    expect(user.defaultCallIn).toEqual({})
    expect(user.tracking).toEqual({})
    expect(user.videoSystems).toEqual([])
  })

  it('reads elements by local name across use:/com: prefixes, as numbers, booleans and strings', () => {
    expect(user).toMatchObject({
      firstName: 'undefined',
      categoryId: 36,
      webExId: 'jdoe+78695@example.com',
      address: { addressType: 'PERSONAL' },
      meetingTypes: [214, 216],
      timeZoneID: 4,
      timeZone: 'GMT-08:00, Pacific (San Jose)',
      privilege: { host: true, siteAdmin: false, otherTelephony: false, HDvideo: true, teleCLIPINEnabled: false },
      active: 'ACTIVATED',
      myWebEx: { totalStorageSize: 1000, myComputer: 0, additionalRecordingStorage: 0 },
      personalTeleconf: { joinBeforeHost: false },
      personalMeetingRoom: { accessCode: '708031110', hostPIN: '6514', PRNotifications: { mode: 'EMAIL' } },
      sessionOptions: { defaultSessionType: 216, defaultServiceType: 'EventCenter' },
      userId: 962225390,
      eventCenter: { optimizeAttendeeBandwidthUsage: true },
      passwordDaysLeft: 0,
    })
    // the server's order (research §1.3), without the password
    expect(Object.keys(user)).toEqual([
      'firstName',
      'lastName',
      'categoryId',
      'webExId',
      'address',
      'phones',
      'email',
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
      'active',
      'defaultCallIn',
      'supportedServices',
      'myWebEx',
      'personalTeleconf',
      'videoSystems',
      'personalMeetingRoom',
      'sessionOptions',
      'supportCenter',
      'security',
      'languageID',
      'webACDPrefs',
      'registrationDate',
      'visitCount',
      'userId',
      'eventCenter',
      'passwordExpires',
      'passwordDaysLeft',
    ])
  })

  it('renders back to the same response, byte for byte, except the password GetUser cannot know', () => {
    const original = corpus('getuser-response-atlas-1.xml').trim()
    expect(renderGetUserResponse(user)).toBe(original.replace('<use:password>******</use:password>', ''))
  })
})

describe('spec §5 corpus round trip: SetUser applied to the real user, then GetUser', () => {
  const stored = deepFreeze(right(parseGetUserResponse(corpus('getuser-response-atlas-1.xml'))))
  const site: SiteContext = deepFreeze({
    activeHostCount: 10,
    allowUserToChangeUserName: false,
    takenWebExIds: [],
    productIds: [],
    controlHubManaged: false,
  })
  const admin = { webExId: 'admin', role: 'siteAdmin' } as const

  /** GetUser never shows the password (it is masked), so that is the one element a round trip loses. */
  const visible = (u: User): User => {
    const { password: _hidden, ...rest } = u
    return rest
  }

  it.each(SET_USER)('%s: applied by a site admin, then rendered and parsed, gives the same user', (file) => {
    const { body } = right(parseSetUserMessage(corpus(file)))
    const current: User = { ...stored, webExId: body.webExId }
    const { user } = right(applySetUser(current, site, { caller: admin, body }))
    expect(right(parseGetUserResponse(renderGetUserResponse(user)))).toEqual(visible(user))
  })

  it('the applied result carries the request: meetingTypes replaced (R2), PIN kept as text (R7)', () => {
    const atlas = right(parseSetUserMessage(corpus('setuser-atlas-1.xml'))).body
    const { user } = right(applySetUser({ ...stored, webExId: atlas.webExId }, site, { caller: admin, body: atlas }))
    expect(user.meetingTypes).toEqual([214, 216])
    const pin = right(parseSetUserMessage(corpus('setuser-pysample-1.xml'))).body
    const result = right(applySetUser({ ...stored, webExId: pin.webExId }, site, { caller: admin, body: pin }))
    expect(result.user.phones?.PIN).toBe('5829')
    expect(result.user.personalMeetingRoom?.hostPIN).toBe('8314')
    expect(result.effects).toEqual([{ kind: 'provisionTelephony', server: 'primaryLarge' }])
  })

  it('moodle-1 sets a password: stored, but GetUser shows it only as ******', () => {
    const { body } = right(parseSetUserMessage(corpus('setuser-moodle-1.xml')))
    const { user } = right(applySetUser({ ...stored, webExId: body.webExId }, site, { caller: admin, body }))
    expect(user.password).toBe('Rnd&Pw-9x2Q')
    const xml = renderGetUserResponse(user)
    expect(xml).toContain('<use:password>******</use:password>')
    expect(xml).not.toContain('Rnd')
  })
})
