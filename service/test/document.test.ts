/**
 * D-SP-11: a user's document is stored as its difference from a fixed baseline, and read back as
 * exactly the document it was. Unit cases with the corpus's own users, properties over users
 * derived from the baseline and over any JSON object, and the database: what a write stores,
 * and migration 5 on rows stored whole before it.
 */
import { createHash } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { User } from 'webex-user-rules'
import { withUserDefaults } from 'webex-user-rules/new-user'
import { type Database, openDatabase } from '../src/db/database.js'
import {
  ABSENT_KEY,
  BASE_KEY,
  BASELINE_1,
  documentFromStored,
  STORED_WHOLE,
  storedDocumentOf,
  UnknownBaseline,
  WHOLE_BASE,
  WHOLE_KEY,
} from '../src/db/document.js'
import { MIGRATIONS, migrate, NewerDatabase } from '../src/db/migrations.js'
import { findSite, findUser, listUsers } from '../src/db/store.js'
import { decodeSeed, importSeed, usersFromGetUserResponses } from '../src/seed.js'
import { corpus } from './helpers.js'

type Json = Readonly<Record<string, unknown>>

/** The document as JSON gives it back (what PostgreSQL stores is JSON): undefined keys gone. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown

/** Stored, through JSON as the database stores it, and read back. */
const roundTrip = (document: Json): unknown => asJson(documentFromStored(asJson(storedDocumentOf(document)) as Json))

/** A user as the store keeps it: the core's defaults for a site, without password and userId. */
const documentOf = (user: User): Json => {
  const { password: _p, userId: _u, ...doc } = user
  return doc
}

/** The bench's user (bench/run.mjs): what most stored users of a site look like. */
const BENCH_USER = documentOf(
  withUserDefaults(
    {
      webExId: 'u00001',
      firstName: 'First',
      lastName: 'Last1',
      email: 'u00001@example.com',
      meetingTypes: [1, 2, 3],
      privilege: { host: true },
    },
    { registeredAt: Date.UTC(2026, 11, 7) },
  ),
)

describe('D-SP-11: documents stored as differences from baseline 1', () => {
  it('baseline 1 never changes: stored documents are read against exactly it', () => {
    // a changed baseline misreads every row stored against it; a new baseline is a new number
    const digest = createHash('sha256').update(JSON.stringify(BASELINE_1)).digest('hex')
    expect(digest).toBe('0ad17585261b7e4f0e71181f8af02198b6e97faf87bc927969c4d9c105418f85')
    expect(Object.isFrozen(BASELINE_1)).toBe(true)
    expect(Object.isFrozen(BASELINE_1['privilege'])).toBe(true)
  })

  it("the bench's user: stored as a third of its size, read back as the whole document", () => {
    const stored = storedDocumentOf(BENCH_USER)
    expect(stored[BASE_KEY]).toBe(1)
    // what differs from a new user's defaults, and the elements SQL reads, whole
    expect(Object.keys(stored).sort()).toEqual(
      [
        BASE_KEY,
        'active',
        'email',
        'firstName',
        'lastName',
        'meetingTypes',
        'privilege',
        'registrationDate',
        'webExId',
      ].sort(),
    )
    expect(stored['privilege']).toEqual(BENCH_USER['privilege'])
    expect(JSON.stringify(stored).length * 2).toBeLessThan(JSON.stringify(BENCH_USER).length)
    expect(roundTrip(BENCH_USER)).toStrictEqual(asJson(BENCH_USER))
  })

  it("the corpus's user (a real site's GetUser response) reads back exactly", () => {
    const users = usersFromGetUserResponses([corpus('getuser-response-atlas-1.xml')])
    if (E.isLeft(users)) return expect.fail(users.left)
    expect(users.right).toHaveLength(1)
    for (const { user } of users.right) {
      const document = documentOf(withUserDefaults(user, { registeredAt: 0 }))
      expect(roundTrip(document)).toStrictEqual(asJson(document))
      expect(storedDocumentOf(document)[BASE_KEY]).toBe(1)
    }
  })

  it('what a user lacks of the baseline is listed, at every level, and stays absent', () => {
    const { timeZone: _tz, options, ...rest } = BENCH_USER as Json & { options: Json }
    const { faxVisible: _fax, ...otherOptions } = options
    const document = { ...rest, options: otherOptions, active: undefined }
    const stored = storedDocumentOf(document)
    expect([...(stored[ABSENT_KEY] as string[])].sort()).toEqual(['active', 'timeZone'])
    expect(stored['options']).toEqual({ [ABSENT_KEY]: ['faxVisible'] })
    const read = documentFromStored(asJson(stored) as Json)
    expect('timeZone' in read).toBe(false)
    expect('active' in read).toBe(false)
    expect('faxVisible' in (read['options'] as Json)).toBe(false)
    expect(roundTrip(document)).toStrictEqual(asJson(document))
  })

  it('the elements SQL reads are stored whole, even where they hold less than the baseline', () => {
    // a patch of privilege would leave `doc -> 'privilege'` without the baseline's keys
    const document = { ...BENCH_USER, privilege: { siteAdmin: true } }
    expect(STORED_WHOLE).toEqual(['active', 'privilege'])
    expect(storedDocumentOf(document)['privilege']).toEqual({ siteAdmin: true })
    expect(documentFromStored(asJson(storedDocumentOf(document)) as Json)['privilege']).toEqual({ siteAdmin: true })
  })

  it('an object where the baseline has a value, and a value where it has an object, replace it', () => {
    const document = { ...BENCH_USER, address: 'nowhere', categoryId: { odd: true }, videoSystems: [{ a: 1 }] }
    expect(roundTrip(document)).toStrictEqual(asJson(document))
    expect(storedDocumentOf(document)['address']).toBe('nowhere')
  })

  it('a whole document (stored before D-SP-11) is read as it is', () => {
    const whole = asJson(BENCH_USER) as Json
    expect(documentFromStored(whole)).toBe(whole)
  })

  it('a document stored against a baseline this version does not know is refused, not misread', () => {
    expect(() => documentFromStored({ [BASE_KEY]: 2, firstName: 'A' })).toThrow(UnknownBaseline)
  })

  it('a document with a key the format reserves is stored whole, and read back exactly', () => {
    const odd = { ...BENCH_USER, options: { ...(BENCH_USER['options'] as Json), [ABSENT_KEY]: ['x'] } }
    expect(storedDocumentOf(odd)).toStrictEqual({
      [BASE_KEY]: WHOLE_BASE,
      [WHOLE_KEY]: odd,
      // what SQL reads stays at the top level: `doc -> 'active'` of a deactivated user is not NULL
      active: BENCH_USER['active'],
      privilege: BENCH_USER['privilege'],
    })
    const deactivated = { ...odd, active: 'DEACTIVATED' }
    expect(storedDocumentOf(deactivated)['active']).toBe('DEACTIVATED')
    expect(roundTrip(deactivated)).toStrictEqual(asJson(deactivated))
    expect(roundTrip(odd)).toStrictEqual(asJson(odd))
    const alsoOdd = { [BASE_KEY]: 1, firstName: 'A' }
    expect(roundTrip(alsoOdd)).toStrictEqual(alsoOdd)
  })
})

/** Every path of plain objects in `value`, as key lists. */
const objectPaths = (value: unknown, prefix: readonly string[] = []): (readonly string[])[] =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.entries(value).flatMap(([key, inner]) => [[...prefix, key], ...objectPaths(inner, [...prefix, key])])
    : []

const BASE_PATHS = objectPaths(BASELINE_1)

/** `root` with `path` set to `value` (undefined: deleted), copying the objects on the way. */
const edited = (root: unknown, path: readonly string[], value: unknown): unknown => {
  const [key, ...rest] = path
  if (key === undefined) return value
  const object = typeof root === 'object' && root !== null && !Array.isArray(root) ? (root as Json) : {}
  const next = edited(object[key], rest, value)
  const { [key]: _old, ...others } = object
  return next === undefined ? others : { ...others, [key]: next }
}

/** A user derived from the baseline: values changed, elements removed, elements added, at any depth. */
const derivedUser = fc
  .array(
    fc.record({
      path: fc.oneof(
        fc.constantFrom(...BASE_PATHS),
        fc.tuple(fc.constantFrom(...BASE_PATHS), fc.string({ maxLength: 6 })).map(([p, k]) => [...p, k]),
        fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 3 }),
      ),
      value: fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }), fc.constant({})),
    }),
    { maxLength: 12 },
  )
  .map((edits) => edits.reduce<unknown>((user, { path, value }) => edited(user, path, value), BASELINE_1) as Json)

describe('D-SP-11 properties', () => {
  it('any user derived from the baseline reads back as exactly the document stored', () => {
    fc.assert(
      fc.property(derivedUser, (document) => {
        expect(roundTrip(document)).toStrictEqual(asJson(document))
      }),
      { numRuns: 2000 },
    )
  })

  it('any JSON object reads back as exactly the document stored', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })), (document) => {
        expect(roundTrip(document)).toStrictEqual(asJson(document))
      }),
      { numRuns: 2000 },
    )
  })

  it('storing never changes the document given', () => {
    fc.assert(
      fc.property(derivedUser, (document) => {
        const before = JSON.stringify(document)
        storedDocumentOf(document)
        expect(JSON.stringify(document)).toBe(before)
      }),
      { numRuns: 300 },
    )
  })
})

describe('D-SP-11: a database a later version migrated', () => {
  it('is refused at start, untouched: this version would misread what that version stores', async () => {
    const later = await openDatabase('memory:')
    try {
      await migrate(later)
      const next = Math.max(...MIGRATIONS.map((m) => m.version)) + 1
      await later.query("INSERT INTO schema_migrations (version, name) VALUES ($1, 'from a later version')", [next])
      await expect(migrate(later)).rejects.toThrow(NewerDatabase)
      await expect(migrate(later)).rejects.toThrow(`migrations ${String(next)}`)
      const [count] = await later.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations')
      expect(count?.n).toBe(MIGRATIONS.length + 1)
    } finally {
      await later.close()
    }
  })
})

describe('D-SP-11 in the database', () => {
  let db: Database
  beforeAll(async () => {
    db = await openDatabase('memory:')
    await migrate(db)
    const sites = decodeSeed({
      siteName: 'docs',
      site: { hostLimit: 100, allowUserToChangeUserName: true, productIds: [], controlHubManaged: false },
      users: [
        { webExId: 'admin', privilege: { siteAdmin: true } },
        { webExId: 'ana', firstName: 'Ana', email: 'ana@example.com', privilege: { host: true } },
      ],
    })
    if (E.isLeft(sites)) throw new Error(sites.left)
    await importSeed(db, sites.right)
  })
  afterAll(async () => {
    await db.close()
  })

  it('a stored user is its difference in the row, and the whole user when read', async () => {
    const site = await findSite(db, { siteName: 'docs' })
    if (site === undefined) return expect.fail('no site')
    const [row] = await db.query<{ doc: Json }>(`SELECT doc FROM users WHERE web_ex_id = 'ana'`)
    expect(row?.doc[BASE_KEY]).toBe(1)
    expect(row?.doc['firstName']).toBe('Ana')
    expect('options' in (row?.doc ?? {})).toBe(false)
    const ana = await findUser(db, site.id, 'ana', 'none')
    expect(ana?.user).toMatchObject({
      firstName: 'Ana',
      options: BASELINE_1['options'],
      timeZone: BASELINE_1['timeZone'],
    })
  })

  it('migration 5 rewrites the rows stored whole before it, and every user reads the same after', async () => {
    const site = await findSite(db, { siteName: 'docs' })
    if (site === undefined) return expect.fail('no site')
    // rows as every version before D-SP-11 stored them: whole documents
    const users = await listUsers(db, site.id)
    for (const stored of users) {
      const { password: _p, userId: _u, ...whole } = stored.user
      await db.query('UPDATE users SET doc = $2::jsonb WHERE id = $1', [stored.id, JSON.stringify(whole)])
    }
    const [wholeRows] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE NOT (doc ? '$base')`)
    expect(wholeRows?.n).toBe(users.length)
    expect(MIGRATIONS.find((m) => m.version === 5)?.name).toBe('documents as differences')
    await db.query('DELETE FROM schema_migrations WHERE version = 5')
    expect(await migrate(db)).toEqual([5])
    const [left] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE NOT (doc ? '$base')`)
    expect(left?.n).toBe(0)
    expect(await listUsers(db, site.id)).toStrictEqual(users)
  })
})
