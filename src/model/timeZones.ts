/**
 * Webex time zones: the `timeZone` name of each `timeZoneID` (0…61), as the schema's `com:timeZoneType`
 * enumerates them, in id order [XSD] (the reference guide's time-zone table and LstTimeZone list the
 * same 62 zones; the table later marks 24 and 27 deprecated). Real GetUser responses carry the name of
 * the user's zone beside its id: `4` → `GMT-08:00, Pacific (San Jose)`
 * (test/fixtures/corpus/getuser-response-atlas-1.xml) and `25` → `GMT+01:00, Europe (Berlin)` (a real
 * 2016 response kept by erolms/webex_xml_api). The names are the schema's spelling, misspellings
 * included (`Ancorage`): that is what the server writes.
 *
 * @module
 */

/** The name of each Webex time zone, by `timeZoneID` (0…61). */
const NAMES: readonly string[] = [
  'GMT-12:00, Dateline (Eniwetok)',
  'GMT-11:00, Samoa (Samoa)',
  'GMT-10:00, Hawaii (Honolulu)',
  'GMT-09:00, Alaska (Ancorage)',
  'GMT-08:00, Pacific (San Jose)',
  'GMT-07:00, Mountain (Arizona)',
  'GMT-07:00, Mountain (Denver)',
  'GMT-06:00, Central (Chicago)',
  'GMT-06:00, Mexico (Mexico City,Tegucigalpa)',
  'GMT-06:00, Central (Regina)',
  'GMT-05:00, S. America Pacific (Bogota)',
  'GMT-05:00, Eastern (New York)',
  'GMT-05:00, Eastern (Indiana)',
  'GMT-04:00, Atlantic (Halifax)',
  'GMT-04:00, S. America Western (Caracas)',
  'GMT-03:30, Newfoundland (Newfoundland)',
  'GMT-03:00, S. America Eastern (Brasilia)',
  'GMT-03:00, S. America Eastern (Buenos Aires)',
  'GMT-02:00, Mid-Atlantic (Mid-Atlantic)',
  'GMT-01:00, Azores (Azores)',
  'GMT+00:00, Greenwich (Casablanca)',
  'GMT+00:00, GMT (London)',
  'GMT+01:00, Europe (Amsterdam)',
  'GMT+01:00, Europe (Paris)',
  'GMT+01:00, Europe (Prague)',
  'GMT+01:00, Europe (Berlin)',
  'GMT+02:00, Greece (Athens)',
  'GMT+02:00, Eastern Europe (Bucharest)',
  'GMT+02:00, Egypt (Cairo)',
  'GMT+02:00, South Africa (Pretoria)',
  'GMT+02:00, Northern Europe (Helsinki)',
  'GMT+02:00, Israel (Tel Aviv)',
  'GMT+03:00, Saudi Arabia (Baghdad)',
  'GMT+03:00, Russian (Moscow)',
  'GMT+03:00, Nairobi (Nairobi)',
  'GMT+03:00, Iran (Tehran)',
  'GMT+04:00, Arabian (Abu Dhabi, Muscat)',
  'GMT+04:00, Baku (Baku)',
  'GMT+04:00, Afghanistan (Kabul)',
  'GMT+05:00, West Asia (Ekaterinburg)',
  'GMT+05:00, West Asia (Islamabad)',
  'GMT+05:30, India (Bombay)',
  'GMT+06:00, Columbo (Columbo)',
  'GMT+06:00, Central Asia (Almaty)',
  'GMT+07:00, Bangkok (Bangkok)',
  'GMT+08:00, China (Beijing)',
  'GMT+08:00, Australia Western (Perth)',
  'GMT+08:00, Singapore (Singapore)',
  'GMT+08:00, Taipei (Hong Kong)',
  'GMT+09:00, Tokyo (Tokyo)',
  'GMT+09:00, Korea (Seoul)',
  'GMT+09:30, Yakutsk (Yakutsk)',
  'GMT+09:30, Australia Central (Adelaide)',
  'GMT+09:30, Australia Central (Darwin)',
  'GMT+10:00, Australia Eastern (Brisbane)',
  'GMT+10:00, Australia Eastern (Sydney)',
  'GMT+10:00, West Pacific (Guam)',
  'GMT+10:00, Tasmania (Hobart)',
  'GMT+10:00, Vladivostok (Vladivostok)',
  'GMT+11:00, Central Pacific (Solomon Is)',
  'GMT+12:00, New Zealand (Wellington)',
  'GMT+12:00, Fiji (Fiji)',
]

/**
 * The `timeZoneWithDST` text of the zones a real response shows in standard time. A real server
 * writes the text for the moment it answers (atlas-1, captured in February: `San Francisco (Pacific
 * Standard Time, GMT-08:00)`; the erolms response, captured in July: `Berlin (Europe Summer Time,
 * GMT+02:00)`); the zones' other texts and their daylight-saving rules are not public, so only the
 * standard-time text seen is known (D-NU-3).
 */
const STANDARD_TIME_TEXTS: ReadonlyMap<number, string> = new Map([
  [4, 'San Francisco (Pacific Standard Time, GMT-08:00)'],
])

/** Webex's own default zone: San Jose, the zone of the real site and user in the corpus (D-NU-3). */
export const DEFAULT_TIME_ZONE_ID = 4

/** The name of a Webex time zone, or undefined for an id outside the table (such as -1). */
export const timeZoneName = (id: number): string | undefined => (Number.isInteger(id) ? NAMES[id] : undefined)

/** The standard-time `timeZoneWithDST` text of a zone, where a real response shows it. */
export const standardTimeText = (id: number): string | undefined => STANDARD_TIME_TEXTS.get(id)

/** The id of a zone name from the table (exact), or undefined. */
export const timeZoneIdOf = (name: string): number | undefined => {
  const id = NAMES.indexOf(name)
  return id === -1 ? undefined : id
}

/**
 * The three zones whose schema name carries another offset than the reference guide's time-zone table
 * (XML API 5.9, table A.1: `GMT+03:30, Iran (Tehran)`, `GMT+04:30, Afghanistan (Kabul)`,
 * `GMT+09:00, Yakutsk (Yakutsk)`), which is also the zones' real standard time. The name stays the
 * schema's (what a validating client accepts); the clock follows the guide (D-NU-4).
 */
const GUIDE_OFFSETS: ReadonlyMap<number, number> = new Map([
  [35, 3 * 60 + 30],
  [38, 4 * 60 + 30],
  [51, 9 * 60],
])

/**
 * A zone's standard offset from GMT in minutes: the guide's where the schema name disagrees with it,
 * else read from its name (`GMT-03:30` → -210).
 */
export const standardOffsetMinutes = (id: number): number | undefined => {
  const fromGuide = GUIDE_OFFSETS.get(id)
  if (fromGuide !== undefined) return fromGuide
  // Stryker disable next-line StringLiteral: equivalent, any text without a GMT offset at its start gives no match, as '' does
  const match = /^GMT([+-])(\d\d):(\d\d)/.exec(timeZoneName(id) ?? '')
  if (match === null) return undefined
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return match[1] === '-' ? -minutes : minutes
}
