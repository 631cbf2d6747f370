/**
 * Value pools for the elements whose rules need specific values to fire: PINs, e-mail addresses,
 * phone numbers, SIP addresses, webExIds and prodIDs. Each pool mixes valid and invalid values.
 */
import fc from 'fast-check'

/** The webExIds generated users have. */
export const USER_IDS = ['jdoe', 'Jane.Doe', 'host42'] as const

/** Names other users of the site hold (R14 conflicts). */
export const OTHER_IDS = ['taken.one', 'Other.User', 'jane.doe2'] as const

/** Names a rename may ask for: own ids, taken names in other cases, and free names. */
export const RENAME_TARGETS = [
  ...USER_IDS,
  'JDOE',
  'TAKEN.ONE',
  'other.user',
  'jane.doe2',
  'fresh.name',
  'Brand.New',
] as const

/** The prodIDs generated sites and requests draw from. */
export const PRODUCT_UNIVERSE = [120, 123, 124, 125, 126, 7, 999] as const

const pad = (n: number): string => String(n).padStart(4, '0')

/** The 24 four-digit PINs R7 rejects: one digit repeated, ascending and descending runs. */
export const INVALID_FOUR_DIGIT_PINS: readonly string[] = [
  ...Array.from({ length: 10 }, (_, d) => String(d).repeat(4)),
  ...Array.from({ length: 7 }, (_, d) => [0, 1, 2, 3].map((i) => String(d + i)).join('')),
  ...Array.from({ length: 7 }, (_, d) => [0, 1, 2, 3].map((i) => String(9 - d - i)).join('')),
]

/** Any four-digit string (almost all valid PINs). */
export const fourDigits: fc.Arbitrary<string> = fc.integer({ min: 0, max: 9999 }).map(pad)

/** Strings that are not four ASCII digits but fit the PIN element (at most 16 characters). */
export const malformedPin: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('123', '12345', '12a4', ' 482', '４８２６', '٤٨٢٦', '48 26', '-482', '4826\n'),
  fc.stringMatching(/^[0-9]{1,3}$/),
  fc.stringMatching(/^[0-9]{5,16}$/),
  fc.string({ minLength: 1, maxLength: 16 }).filter((s) => !/^[0-9]{4}$/.test(s)),
)

/** A PIN in a request: mostly valid, often invalid, sometimes empty ("not specified", D-R7). */
export const requestPin: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fourDigits, weight: 12 },
  { arbitrary: fc.constantFrom(...INVALID_FOUR_DIGIT_PINS), weight: 3 },
  { arbitrary: fc.constant(''), weight: 2 },
  { arbitrary: malformedPin, weight: 2 },
)

/** A stored PIN: mostly valid; sometimes a legacy invalid one or empty. */
export const storedPin: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fourDigits, weight: 10 },
  { arbitrary: fc.constantFrom(...INVALID_FOUR_DIGIT_PINS, ''), weight: 2 },
)

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/)

/** An e-mail address: mostly well-formed, sometimes not (D-VF). */
export const email: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc.tuple(word, word, fc.constantFrom('com', 'org', 'io')).map(([u, d, t]) => `${u}@${d}.${t}`),
    weight: 8,
  },
  { arbitrary: fc.constantFrom('', 'no-at-sign', 'a@b', 'a b@c.de', 'x@y.', '"q"@z.com'), weight: 2 },
)

/** A phone number "country,area,local[,ext]": mostly well-formed, sometimes not (D-VF). */
export const phone: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.stringMatching(/^[0-9]{1,3},[0-9]{0,4},[0-9]{4,9}(,[0-9]{1,4})?$/), weight: 8 },
  { arbitrary: fc.constantFrom('', '555-1234', '1,408', '+1 408 555 1234', 'a,b,c'), weight: 2 },
)

/** A video system address: mostly a SIP address, sometimes not (D-R18). */
export const sipAddress: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc
      .tuple(fc.constantFrom('', 'sip:', 'sips:'), word, fc.option(word, { nil: undefined }))
      .map(([scheme, user, host]) =>
        host === undefined ? `${scheme}${user}` : `${scheme}${user}@${host}.example.com`,
      ),
    weight: 15,
  },
  {
    arbitrary: fc.constantFrom(
      'room @example.com',
      'a@@b',
      '@host',
      'a@',
      '<x>@y',
      'two words',
      'a@b@c',
      'sip:',
      'sip:@host',
    ),
    weight: 1,
  },
)
