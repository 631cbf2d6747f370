/**
 * D-NU (issue 11 item 7): every user CreateUser creates carries every element a real
 * getUserResponse always carries, on any site and for any request CreateUser accepts; and
 * `withUserDefaults` completes any stored user the same way without changing what it gives.
 *
 * "Always carried" is the evidence of docs/decisions.md D-NU-1: the elements both real GetUser
 * responses carry (test/fixtures/corpus/getuser-response-atlas-1.xml and the 2016 response of
 * erolms/webex_xml_api), plus those the newer one adds for every user, minus what only the site's
 * licences or the store decide (meetingTypes, sessionOptions/defaultSessionType, userId) and the
 * user's own data (names, e-mail, password). They are checked on the wire: the element paths of the
 * rendered GetUser answer.
 */
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyCreateUser, type CreateUserBody, type SiteContext, type User } from 'webex-user-rules'
import { newUserOf, withUserDefaults } from 'webex-user-rules/new-user'
import { createUserBodyArb, deepFreeze, siteArb, userArb } from 'webex-user-rules/testing'
import { renderGetUserResponse } from 'webex-user-rules/xml'
import { webexDateTime } from '../../src/model/newUser.js'
import { FULL_RUN, runs } from '../support/runs.js'
import { elementPaths } from '../../test/support/elementPaths.js'

const children = (parent: string, names: readonly string[]): string[] => [parent, ...names.map((n) => `${parent}/${n}`)]

/**
 * atlas-1's paths of the container `parent` (itself included), for the containers whose children a new
 * user carries exactly as atlas-1 lists them (D-NU-1); the others are listed below.
 */
const ATLAS = elementPaths(
  readFileSync(new URL('../../test/fixtures/corpus/getuser-response-atlas-1.xml', import.meta.url), 'utf8'),
)
const fromAtlas = (parent: string): string[] => [...ATLAS].filter((p) => p === parent || p.startsWith(`${parent}/`))

/** D-NU-1: the element paths every new user's GetUser answer carries. */
const ALWAYS_CARRIED: readonly string[] = [
  'categoryId',
  'webExId',
  ...children('address', ['addressType']),
  ...fromAtlas('phones'),
  'expirationDate',
  ...fromAtlas('commOptions'),
  ...fromAtlas('options'),
  'timeZoneID',
  'timeZone',
  'tracking',
  'service',
  ...fromAtlas('privilege'),
  'language',
  'locale',
  'active',
  'defaultCallIn',
  ...fromAtlas('supportedServices'),
  ...fromAtlas('myWebEx'),
  ...fromAtlas('personalTeleconf'),
  'videoSystems',
  ...children('sessionOptions', [
    'defaultServiceType',
    'autoDeleteAfterMeetingEnd',
    'displayQuickStartHost',
    'displayQuickStartAttendees',
  ]),
  ...children('supportCenter', ['serviceDesk']),
  'supportCenter/serviceDesk/enable',
  ...fromAtlas('security'),
  'languageID',
  'registrationDate',
  'visitCount',
  'passwordExpires',
  'passwordDaysLeft',
]

/** The elements whose defaults follow what a request or user gives (D-NU-3, D-NU-5): checked apart. */
const PAIRED = new Set(['timeZone', 'language', 'languageID'])

const siteZoneArb = fc.option(fc.oneof(fc.integer({ min: -1, max: 61 }), fc.constantFrom(4, 25, 62, 99_999)), {
  nil: undefined,
})

/** A site any created user may be stored on: its zone and languages vary, its names are free. */
const freeSiteArb: fc.Arbitrary<SiteContext> = fc.tuple(siteArb, siteZoneArb).map(([site, timeZoneID]) => ({
  ...site,
  takenWebExIds: [],
  takenEmails: [],
  ...(timeZoneID === undefined ? {} : { timeZoneID }),
}))

/** 1970 … 9998: every instant has a four-digit local date in any zone. */
const clockArb = fc.integer({ min: 86_400_000, max: Date.UTC(9998, 11, 31) })

/** The paired elements a request may send (timeZoneWithDST is output-only). */
const SENT_PAIRS = ['timeZoneID', 'timeZone', 'language', 'languageID'] as const
/** The paired elements a stored user may hold. */
const STORED_PAIRS = [...SENT_PAIRS, 'timeZoneWithDST'] as const
const withoutPairs = ({
  timeZoneID: _id,
  timeZone: _zone,
  language: _l,
  languageID: _lid,
  ...body
}: CreateUserBody): CreateUserBody => body

describe('D-NU every created user carries every always-present element', () => {
  it('on the wire: every path of ALWAYS_CARRIED, the San Jose DST text exactly in zone 4 (1,000 runs)', () => {
    let created = 0
    fc.assert(
      fc.property(freeSiteArb, createUserBodyArb(['u1']), clockArb, fc.boolean(), (site, body, at, sendsPairs) => {
        const sent = sendsPairs ? body : withoutPairs(body)
        const result = applyCreateUser(
          deepFreeze(site),
          deepFreeze({ caller: ADMIN, body: sent }),
          newUserOf({ registeredAt: at }),
        )
        if (E.isLeft(result)) return
        created++
        const { user } = result.right
        const paths = elementPaths(renderGetUserResponse({ ...user, userId: 1 }))
        const missing = ALWAYS_CARRIED.filter((p) => !paths.has(p) && !(sendsPairs && PAIRED.has(p)))
        expect(missing).toEqual([])
        expect(paths.has('timeZoneWithDST')).toBe(user.timeZoneID === 4)
        // a paired element the request sends is kept as sent; -1 ("not set") is the site's zone
        for (const key of SENT_PAIRS)
          if (sent[key] !== undefined && !(key === 'timeZoneID' && sent[key] === -1))
            expect(user[key]).toEqual(sent[key])
        if (sent.timeZoneID === -1) expect(user.timeZoneID).not.toBe(-1)
        expect(user.registrationDate).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/)
      }),
      { numRuns: runs(1_000) },
    )
    if (FULL_RUN) expect(created).toBeGreaterThan(runs(1_000) / 10)
  })
})

describe('D-NU-6 withUserDefaults completes any stored user', () => {
  const contextArb = fc.record({ site: fc.record({ timeZoneID: siteZoneArb }), registeredAt: clockArb })

  it('carries every always-present element, keeps every given value (objects at any depth), is idempotent (1,000 runs)', () => {
    fc.assert(
      fc.property(userArb, contextArb, (given, { site, registeredAt }) => {
        const zone = site.timeZoneID === undefined ? {} : { timeZoneID: site.timeZoneID }
        const context = { site: zone, registeredAt }
        const user = withUserDefaults(deepFreeze(given), context)
        const paths = elementPaths(renderGetUserResponse(user))
        const paired = (p: string): boolean =>
          PAIRED.has(p) && STORED_PAIRS.some((key) => given[key] !== undefined && given[key] !== -1)
        // given lists (meetingTypes, videoSystems) may be empty: their element is there, not their items
        expect(ALWAYS_CARRIED.filter((p) => !paths.has(p) && !paired(p))).toEqual([])
        for (const [key, value] of Object.entries(given) as [keyof User, unknown][]) {
          if (key === 'timeZoneID' && value === -1) continue
          if (typeof value === 'object' && value !== null && !Array.isArray(value))
            expect(user[key]).toMatchObject(value)
          else expect(user[key]).toEqual(value)
        }
        expect(withUserDefaults(user, context)).toEqual(user)
      }),
      { numRuns: runs(1_000) },
    )
  })
})

describe('D-NU-4 webexDateTime agrees with the platform calendar', () => {
  it('MM/DD/YYYY HH:MM:SS of Date.toISOString for any instant and whole-minute offset (2,000 runs)', () => {
    fc.assert(
      fc.property(clockArb, fc.integer({ min: -720, max: 840 }), (ms, offset) => {
        const iso = new Date(ms + offset * 60_000).toISOString()
        const [date = '', time = ''] = iso.split('T')
        const [year, month, day] = date.split('-')
        expect(webexDateTime(ms, offset)).toBe(`${month ?? ''}/${day ?? ''}/${year ?? ''} ${time.slice(0, 8)}`)
      }),
      { numRuns: runs(2_000) },
    )
  })
})

const ADMIN = { webExId: 'admin', role: 'siteAdmin' } as const
