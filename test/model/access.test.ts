/** R11's path classification (src/model/access.ts): longest matching prefix, whole path segments only. */
import { describe, expect, it } from 'vitest'
import { classifyPath } from 'webex-user-rules'

describe('R11 classifyPath', () => {
  it('R11 a prefix matches only whole path segments', () => {
    // `email` is self-service, `active` admin-only; names that merely start with them are not theirs
    expect(classifyPath('emailAddress')).toBeUndefined()
    expect(classifyPath('activeState')).toBeUndefined()
    expect(classifyPath('personalMeetingRoomX')).toBeUndefined()
    expect(classifyPath('active')).toBe('admin-only')
    expect(classifyPath('address.city')).toBe('self-service')
    expect(classifyPath('videoSystems[].address')).toBe('self-service')
  })

  it('R11 an unclassified path has no class', () => {
    expect(classifyPath('')).toBeUndefined()
    expect(classifyPath('noSuchElement')).toBeUndefined()
  })

  it('R11 the longest matching prefix decides', () => {
    expect(classifyPath('personalMeetingRoom.hostPIN')).toBe('self-service')
    expect(classifyPath('personalMeetingRoom.sipURL')).toBe('output-only')
    expect(classifyPath('personalTeleconf.account[].defaultFlag')).toBe('self-service')
    expect(classifyPath('personalTeleconf.joinBeforeHost')).toBe('admin-only')
  })
})
