/**
 * R18 — Containers.
 *
 * Seed: "The following containers and their associated elements were added: personalMeetingRoom,
 * sessionOptions, supportCenter, schedulingTemplates and orderTabs." "The setUser API includes
 * video callback information (SIP URLs) ... as part of the videoSystems element."
 *
 * These containers merge by R1 and their lists replace by R2. This module holds their own value
 * rules: `supportCenter.orderTabs` lists the four tabs Tools, Desktop, Application and Session,
 * each exactly once; at most one `videoSystems[].defaultFlag` is TRUE; a video system address is a
 * SIP address (D-R18).
 *
 * @module
 */
import type { Issue } from '../model/codec.js'
import { SUPPORT_CENTER_TABS, type SetUserBody } from '../model/user.js'

/**
 * `user@host`, optionally with a `sip:`/`sips:` scheme, or a bare host / number: no spaces, no
 * markup. A scheme with nothing (or only `@host`) after it is not an address.
 */
const SIP_ADDRESS = /^(?!sips?:(?:@|$))(?:sips?:)?[^\s@<>"]+(?:@[^\s@<>"]+)?$/

/** The value problems of the R18 containers in a request, as decode issues. */
export const containerIssues = (body: SetUserBody): readonly Issue[] => {
  const issues: Issue[] = []
  const tabs = body.supportCenter?.orderTabs
  if (tabs !== undefined && (tabs.length !== SUPPORT_CENTER_TABS.length || new Set(tabs).size !== tabs.length)) {
    issues.push({
      code: 'format',
      path: ['supportCenter', 'orderTabs'],
      expected: `each of ${SUPPORT_CENTER_TABS.join(', ')} exactly once`,
      actual: tabs,
    })
  }
  const systems = body.videoSystems
  if (systems !== undefined) {
    if (systems.filter((system) => system.defaultFlag === true).length > 1) {
      issues.push({
        code: 'tooMany',
        path: ['videoSystems'],
        expected: 'at most one default video system',
        actual: systems,
      })
    }
    for (const [i, system] of systems.entries()) {
      if (!SIP_ADDRESS.test(system.address)) {
        issues.push({
          code: 'format',
          path: ['videoSystems', i, 'address'],
          expected: 'a SIP address (user@host, optionally sip:)',
          actual: system.address,
        })
      }
    }
  }
  return issues
}
