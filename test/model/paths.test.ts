/** Schema paths (src/model/paths.ts): list indexes are written `[]` in a schema path (R11's table keys). */
import { describe, expect, it } from 'vitest'
import { schemaPathOf } from '../../src/model/paths.js'

describe('schemaPathOf', () => {
  it('R11 every list index of a value path becomes `[]`', () => {
    expect(schemaPathOf('personalTeleconf.account[2].defaultFlag')).toBe('personalTeleconf.account[].defaultFlag')
    expect(schemaPathOf('schedulingTemplates[12].serviceType')).toBe('schedulingTemplates[].serviceType')
    expect(schemaPathOf('a[0].b[105]')).toBe('a[].b[]')
    expect(schemaPathOf('firstName')).toBe('firstName')
  })
})
