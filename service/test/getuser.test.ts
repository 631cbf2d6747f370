/**
 * Issue 11 item 7 (D-SV-11, D-NU): GetUser answers as a real site answers it. Every user the
 * service stores — seeded, created by CreateUser, restored from a GetUser response, or stored
 * before the service completed users (migration 4) — carries `userId` and every element a real
 * `getUserResponse` always carries. Compared, over the service's XML path, with the element paths of
 * the real response test/fixtures/corpus/getuser-response-atlas-1.xml, minus the ones a new user
 * cannot carry, each listed below with its reason.
 */
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseGetUserResponse } from 'webex-user-rules/xml'
import { openDatabase } from '../src/db/database.js'
import { MIGRATIONS, migrate } from '../src/db/migrations.js'
import { findSite, findUser } from '../src/db/store.js'
import { importUsers, usersFromGetUserResponses } from '../src/seed.js'
import { addSite, boot, corpus, freshPostgres, message, POSTGRES_URL, type Running, status, stored } from './helpers.js'
import { elementPaths } from '../../test/support/elementPaths.js'

let server: Running
beforeAll(async () => {
  server = await boot()
})
afterAll(async () => {
  await server.stop()
})

const SITE = { allowUserToChangeUserName: false, productIds: [], controlHubManaged: false }
const ADMIN = { webExId: 'admin', password: 'DummyPass-1', privilege: { siteAdmin: true } }

const ATLAS = elementPaths(corpus('getuser-response-atlas-1.xml'))

const under = (parent: string, ...names: string[]): string[] => [parent, ...names.map((n) => `${parent}/${n}`)]

/**
 * atlas-1's elements a new user does not carry, and why (docs/decisions.md D-NU-2). Each is absent
 * from the second real answer known too (erolms/webex_xml_api's 2016 getUserResponse), or is a
 * value only the site's licences decide.
 */
const NOT_CARRIED: ReadonlyMap<string, string> = new Map([
  ...under('meetingTypes', 'meetingType').map((path): [string, string] => [
    path,
    "the site's session types; the site model does not list them (the seed or CreateUser gives them)",
  ]),
  ['sessionOptions/defaultSessionType', 'one of those session types'],
  ...[
    'personalUrl',
    ...under(
      'personalMeetingRoom',
      'title',
      'personalMeetingRoomURL',
      'sipURL',
      'accessCode',
      'hostPIN',
      'applyPMRForInstantMeeting',
      'PMRAutoLock',
      'PMRAutoLockWaitTime',
      'PRNotifications',
      'PRNotifications/mode',
    ),
  ].map((path): [string, string] => [
    path,
    'the Personal Room a site makes for a user with privilege/isEnablePMR TRUE (atlas-1); a new user has it FALSE, like the erolms user, whose answer has no room; its accessCode and hostPIN are secrets nobody gave, so none is invented',
  ]),
  ...under(
    'webACDPrefs',
    'isAgent',
    'isMgr',
    'numAgentSessions',
    'agentMonitorAllRSQueues',
    'managerMonitorAllRSQueues',
    'monitorAllRSAgents',
  ).map((path): [string, string] => [
    path,
    "Support Center WebACD preferences: atlas-1's site runs WebACD, the erolms site does not; the site model has no WebACD",
  ]),
  ...under('eventCenter', 'optimizeAttendeeBandwidthUsage').map((path): [string, string] => [
    path,
    'Event Center preferences of a user with the Event Center service (atlas-1); a new user has no service (supportedServices FALSE), like the erolms user',
  ]),
])

/** What a new user carries that atlas-1 does not, and why. */
const CARRIED_BEYOND_ATLAS: ReadonlyMap<string, string> = new Map([
  [
    'privilege/allowExtAttendees',
    'a schema privilege [GEN13]; the erolms answer carries it; every privilege is written out (D-SH-2)',
  ],
  ...under('salesCenter', 'roles', 'roles/rep', 'roles/mgr', 'roles/asst', 'roles/sme').map(
    (path): [string, string] => [
      path,
      "D-OP1: the Sales Center roles at their schema defaults (rep TRUE); atlas-1's site has no Sales Center",
    ],
  ),
])

interface Compared {
  readonly missing: string[]
  readonly unexpected: string[]
}

/** atlas-1's paths against an answer's, less the listed differences. */
const compareWithAtlas = (answer: Set<string>): Compared => ({
  missing: [...ATLAS].filter((p) => !answer.has(p) && !NOT_CARRIED.has(p)),
  unexpected: [...answer].filter((p) => !ATLAS.has(p) && !CARRIED_BEYOND_ATLAS.has(p)),
})

const getUserXml = async (siteName: string, webExId: string): Promise<string> => {
  const { text } = await server.post(
    message({
      operation: 'GetUser',
      securityContext: { webExID: 'admin', password: 'DummyPass-1', siteName },
      body: { webExId },
    }),
  )
  expect(status(text).result).toBe('SUCCESS')
  return text
}

const userOf = (xml: string) => {
  const parsed = parseGetUserResponse(xml)
  if (E.isLeft(parsed)) return expect.fail(parsed.left.reason)
  return parsed.right
}

/** The instant a registrationDate names in a zone `offsetHours` from GMT. */
const instantOf = (date: string | undefined, offsetHours: number): number => {
  const match = /^(\d\d)\/(\d\d)\/(\d{4}) (\d\d):(\d\d):(\d\d)$/.exec(date ?? '')
  if (match === null) return expect.fail(`not MM/DD/YYYY HH:MM:SS: ${String(date)}`)
  const [, mm, dd, yyyy, hh, mi, ss] = match.map(Number)
  return Date.UTC(yyyy ?? 0, (mm ?? 0) - 1, dd, hh, mi, ss) - offsetHours * 3_600_000
}

/** Checks the values every new user answers, registered between `before` and `after` (ms). */
const expectNewUserValues = (xml: string, before: number, after: number, offsetHours = -8): void => {
  const user = userOf(xml)
  expect(Number.isSafeInteger(user.userId) && (user.userId ?? 0) > 0).toBe(true)
  expect(user).toMatchObject({
    active: 'ACTIVATED',
    visitCount: 0,
    passwordExpires: false,
    passwordDaysLeft: 0,
    expirationDate: '12/31/2049 23:59:59',
    address: { addressType: 'PERSONAL' },
    service: 'FREE_OFFICE',
  })
  const registered = instantOf(user.registrationDate, offsetHours)
  // the answer is to the second, the clocks to the millisecond
  expect(registered).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
  expect(registered).toBeLessThanOrEqual(after)
}

describe('item 7: a stored user answers GetUser with every element a real answer always carries', () => {
  it('a seeded user: the element paths of atlas-1, less the listed ones; userId, ACTIVATED, a registration date', async () => {
    const before = Date.now()
    const siteName = await addSite(server.app, {
      site: SITE,
      users: [
        ADMIN,
        { webExId: 'jdoe', firstName: 'Jane', lastName: 'Doe', email: 'jdoe@example.com', password: 'pw-1234' },
      ],
    })
    const after = Date.now()
    const xml = await getUserXml(siteName, 'jdoe')
    expect(compareWithAtlas(elementPaths(xml))).toEqual({ missing: [], unexpected: [] })
    expectNewUserValues(xml, before, after)
    expect(userOf(xml)).toMatchObject({
      timeZoneID: 4,
      timeZone: 'GMT-08:00, Pacific (San Jose)',
      timeZoneWithDST: 'San Francisco (Pacific Standard Time, GMT-08:00)',
      language: 'ENGLISH',
      languageID: 1,
      locale: 'U.S.',
    })
  })

  it('a user made by CreateUser: the same paths and values', async () => {
    const siteName = await addSite(server.app, { site: SITE, users: [ADMIN] })
    const before = Date.now()
    const created = await server.post(
      message({
        operation: 'CreateUser',
        securityContext: { webExID: 'admin', password: 'DummyPass-1', siteName },
        body: { webExId: 'ana', firstName: 'Ana', lastName: 'Lee', email: 'ana@example.edu', password: 'Rnd&Pw-9x2Q' },
      }),
    )
    const after = Date.now()
    expect(status(created.text).result).toBe('SUCCESS')
    const xml = await getUserXml(siteName, 'ana')
    expect(compareWithAtlas(elementPaths(xml))).toEqual({ missing: [], unexpected: [] })
    expectNewUserValues(xml, before, after)
    // the userId CreateUser answered is the one GetUser shows
    expect(created.text).toContain(`<use:userId>${String(userOf(xml).userId)}</use:userId>`)
  })

  it("the site's time zone and language; what the seed gives is kept", async () => {
    const before = Date.now()
    const siteName = await addSite(server.app, {
      site: { ...SITE, timeZoneID: 25, languages: [{ id: 9, name: 'GERMAN' }] },
      users: [
        ADMIN,
        { webExId: 'berlin' },
        {
          webExId: 'ny',
          timeZoneID: 11,
          privilege: { siteAdmin: true },
          visitCount: 3,
          registrationDate: '06/23/2004 01:00:00',
        },
      ],
    })
    const after = Date.now()
    const berlin = await getUserXml(siteName, 'berlin')
    expect(userOf(berlin)).toMatchObject({
      timeZoneID: 25,
      timeZone: 'GMT+01:00, Europe (Berlin)',
      language: 'GERMAN',
      languageID: 9,
    })
    // what this seed does not give (names, e-mail, password), and the standard-time text of
    // Berlin, which no source shows (D-NU-3)
    expect(compareWithAtlas(elementPaths(berlin)).missing).toEqual([
      'firstName',
      'lastName',
      'email',
      'password',
      'timeZoneWithDST',
    ])
    expectNewUserValues(berlin, before, after, 1)
    expect(userOf(await getUserXml(siteName, 'ny'))).toMatchObject({
      timeZoneID: 11,
      timeZone: 'GMT-05:00, Eastern (New York)',
      privilege: { siteAdmin: true, host: false, otherTelephony: true },
      visitCount: 3,
      registrationDate: '06/23/2004 01:00:00',
    })
  })

  it('a user restored from a real GetUser response keeps every value it had, and answers at least its elements', async () => {
    const siteName = await addSite(server.app, { site: SITE, users: [ADMIN] })
    const users = usersFromGetUserResponses([corpus('getuser-response-atlas-1.xml')])
    if (E.isLeft(users)) return expect.fail(users.left)
    const site = await findSite(server.app.db, { siteName })
    if (site === undefined) return expect.fail('no site')
    await server.app.db.transaction((tx) => importUsers(tx, site.id, users.right))
    const xml = await getUserXml(siteName, 'jdoe+78695@example.com')
    const paths = elementPaths(xml)
    // the password is not imported (a response masks it); everything else atlas-1 has is there
    expect([...ATLAS].filter((p) => !paths.has(p))).toEqual(['password'])
    expect(userOf(xml)).toMatchObject({
      categoryId: 36,
      registrationDate: '02/08/2016 15:21:23',
      personalMeetingRoom: { accessCode: '708031110', hostPIN: '6514' },
      commOptions: { prodAnnounce: true },
    })
    // its userId is the database's, not the one of the response
    expect(userOf(xml).userId).not.toBe(962225390)
  })

  it('migration 4 completes the users stored before it, keeping what they hold', async () => {
    const siteName = await addSite(server.app, { site: { ...SITE, timeZoneID: 11 }, users: [ADMIN] })
    const site = await findSite(server.app.db, { siteName })
    if (site === undefined) return expect.fail('no site')
    // a row as the service stored it before item 7: the old CreateUser defaults, and what was given
    await server.app.db.query(
      `INSERT INTO users (site_id, web_ex_id, email, counts_as_host, doc) VALUES ($1, 'old', 'old@example.com', true, $2::jsonb)`,
      [
        site.id,
        JSON.stringify({
          webExId: 'old',
          email: 'old@example.com',
          firstName: 'Olga',
          timeZoneID: -1,
          categoryId: 0,
          privilege: { host: true, recordingEditor: true },
          active: 'ACTIVATED',
        }),
      ],
    )
    expect(compareWithAtlas(elementPaths(await getUserXml(siteName, 'old'))).missing.length).toBeGreaterThan(20)
    const migration = MIGRATIONS.find((m) => m.version === 4)
    expect(migration?.name).toBe('complete stored users')
    await server.app.db.query('DELETE FROM schema_migrations WHERE version = 4')
    const hostsBefore = (await findSite(server.app.db, { siteName }))?.activeHostCount
    expect(hostsBefore).toBeGreaterThan(0)
    const before = Date.now()
    expect(await migrate(server.app.db)).toEqual([4])
    const after = Date.now()
    const xml = await getUserXml(siteName, 'old')
    // what the old row never held (a last name, a password), and no DST text for New York (D-NU-3)
    expect(compareWithAtlas(elementPaths(xml)).missing).toEqual(['lastName', 'password', 'timeZoneWithDST'])
    expectNewUserValues(xml, before, after, -5)
    expect(userOf(xml)).toMatchObject({
      firstName: 'Olga',
      email: 'old@example.com',
      // -1 was "not set": the site's zone
      timeZoneID: 11,
      timeZone: 'GMT-05:00, Eastern (New York)',
      privilege: { host: true, recordingEditor: true, otherTelephony: true, siteAdmin: false },
    })
    // the host count and the e-mail index did not move (completion never changes whether a user counts)
    expect((await findSite(server.app.db, { siteName }))?.activeHostCount).toBe(hostsBefore)
    expect((await stored(server.app, siteName, 'old'))?.user.email).toBe('old@example.com')
  })

  it.runIf(POSTGRES_URL !== undefined)(
    'migration 4 on PostgreSQL: every old row of every site, in batches, completed in the migration transaction',
    async () => {
      const database = await freshPostgres()
      const db = await openDatabase(database.url, { poolSize: 2 })
      try {
        await migrate(db)
        await db.query(
          `INSERT INTO site (id, name, settings) VALUES (1, 'a', '{}'::jsonb), (2, 'b', '{"timeZoneID": 25}'::jsonb)`,
        )
        // more rows than one batch of the data step
        await db.query(
          `INSERT INTO users (site_id, web_ex_id, counts_as_host, doc)
           SELECT 1 + (n % 2), 'u' || n, true, jsonb_build_object('webExId', 'u' || n, 'firstName', 'F' || n) FROM generate_series(1, 1203) AS n`,
        )
        await db.query('DELETE FROM schema_migrations WHERE version = 4')
        expect(await migrate(db)).toEqual([4])
        const [incomplete] = await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM users WHERE NOT (doc ? 'registrationDate' AND doc ? 'visitCount' AND doc ? 'timeZone')`,
        )
        expect(Number(incomplete?.n)).toBe(0)
        expect((await findUser(db, 1, 'u2', 'none'))?.user).toMatchObject({ firstName: 'F2', timeZoneID: 4 })
        expect((await findUser(db, 2, 'u1203', 'none'))?.user).toMatchObject({
          firstName: 'F1203',
          timeZone: 'GMT+01:00, Europe (Berlin)',
        })
      } finally {
        await db.close()
        await database.drop()
      }
    },
  )
})
