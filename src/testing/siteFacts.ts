/**
 * The site facts of R21–R34 (docs/spec.md §6) and the request values that meet them: each fact is
 * optional (absent = the rule is not checked), and the values are drawn from small pools so that a
 * request's language, profile number, names, password or meeting types often hit the site's lists.
 */
import fc from 'fast-check'
import type { SiteContext } from '../index.js'
import { USER_IDS } from './values.js'

const SESSION_TYPES = [214, 3, 7, 105] as const

const siteFactArbs = {
  passwords: fc.record(
    { minLength: fc.integer({ min: 1, max: 12 }), adminMaySet: fc.boolean(), optionalOnCreate: fc.boolean() },
    { requiredKeys: [] },
  ),
  siteWebExIds: fc.subarray([...USER_IDS, 'moodleapi', 'Boss']),
  takenMpProfileNumbers: fc.subarray(['4711', '0815', ' 1234']),
  languages: fc.subarray([
    { id: 1, name: 'ENGLISH' },
    { id: 7, name: 'GERMAN' },
    { id: 9, name: 'french' },
  ]),
  meetingCenterProTypes: fc.subarray([214, 3]),
  sessionTypeLimits: fc.array(
    fc.record({
      sessionType: fc.constantFrom(...SESSION_TYPES),
      limit: fc.integer({ min: 0, max: 3 }),
      users: fc.integer({ min: 0, max: 3 }),
    }),
    { maxLength: 3 },
  ),
  telephonyPrivilegeErrors: fc.boolean(),
  tsp: fc.record({ provisioning: fc.boolean(), callIn: fc.boolean(), authorizes: fc.boolean() }, { requiredKeys: [] }),
  myWebEx: fc.record(
    {
      proLicenses: fc.integer({ min: 0, max: 3 }),
      proLicensesUsed: fc.integer({ min: 0, max: 3 }),
      maxStorageSize: fc.integer({ min: 0, max: 1500 }),
      maxComputers: fc.integer({ min: 0, max: 4 }),
    },
    { requiredKeys: [] },
  ),
  commonIdentity: fc.boolean(),
  // R22: an SSO site refuses passwords unless passwords.adminMaySet is TRUE
  usesSSO: fc.boolean(),
}

/**
 * The optional SiteContext fields of R21–R34: none on most sites (today's behaviour), some on the
 * rest, so the other rules keep most of the runs.
 */
export const siteFactsArb: fc.Arbitrary<Partial<SiteContext>> = fc.oneof(
  { arbitrary: fc.constant({}), weight: 3 },
  { arbitrary: fc.record(siteFactArbs, { requiredKeys: [] }), weight: 2 },
)

/** Request (and stored) values for the elements R21–R33 read, mixing hits and misses. */
export const factValueArbs: Record<string, fc.Arbitrary<unknown>> = {
  password: fc.oneof(
    { arbitrary: fc.constantFrom('Rnd&Pw-9x2Q', 'longenough', ''), weight: 4 },
    { arbitrary: fc.constantFrom('abc', 'pass"word1', 'pässwort99'), weight: 1 },
  ),
  language: fc.constantFrom('ENGLISH', 'german', 'KLINGON', ''),
  languageID: fc.constantFrom(1, 7, 9, 99),
  schedulingPermission: fc.constantFrom('jdoe', 'moodleapi;Jane.Doe', 'ghost', '', 'JDOE;boss;'),
  'salesCenter.manager': fc.constantFrom('boss', 'ghost', '', 'JDOE'),
  mpProfileNumber: fc.constantFrom('4711', '9999', '', ' 0815'),
  meetingTypes: fc.uniqueArray(fc.constantFrom(...SESSION_TYPES), { maxLength: 3 }),
}
