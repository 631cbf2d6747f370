/**
 * `validateFormat` (decision D-VF). The schema carries `validateFormat` on SetUser and CreateUser
 * (and on other operations of the API) without a public description. The engine gives it the
 * meaning its name states: when TRUE, e-mail addresses and phone numbers the request sends must be
 * well-formed, else `InvalidRequest` naming each path. When absent or FALSE, only the schema
 * limits apply. The flag is not stored.
 *
 * @module
 */
import type { Issue, Path } from '../model/codec.js'
import type { SetUserBody } from '../model/user.js'

/** A practical addr-spec: one `@`, a dotted domain, no spaces. */
export const EMAIL_FORMAT = /^[^\s@"<>]+@[^\s@"<>]+\.[^\s@"<>.]+$/
/** The API's phone format "country,area,local" with an optional ",extension": `1,408,5551234`. */
export const PHONE_FORMAT = /^[0-9]{1,4},[0-9]{0,8},[0-9]{1,20}(?:,[0-9]{1,10})?$/

const PHONE_KEYS = ['phone', 'mobilePhone', 'fax', 'phone2', 'mobilePhone2', 'pager'] as const

const check = (issues: Issue[], path: Path, value: string | undefined, format: RegExp, expected: string): void => {
  if (value !== undefined && value !== '' && !format.test(value))
    issues.push({ code: 'format', path, expected, actual: value })
}

/** The format problems of a request that asks for format validation. */
export const formatIssues = (body: SetUserBody): readonly Issue[] => {
  if (body.validateFormat !== true) return []
  const issues: Issue[] = []
  const email = 'an e-mail address (name@domain)'
  check(issues, ['email'], body.email, EMAIL_FORMAT, email)
  check(issues, ['email2'], body.email2, EMAIL_FORMAT, email)
  for (const key of PHONE_KEYS) {
    check(issues, ['phones', key], body.phones?.[key], PHONE_FORMAT, 'a phone number "country,area,local"')
  }
  const hosts = body.personalMeetingRoom?.alternateHost?.hosts ?? []
  for (const [i, host] of hosts.entries()) {
    check(issues, ['personalMeetingRoom', 'alternateHost', 'hosts', i, 'email'], host.email, EMAIL_FORMAT, email)
  }
  return issues
}
