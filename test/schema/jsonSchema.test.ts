/**
 * The JSON Schemas (D-PG3) on the reference page's own examples, and the one documented place
 * where a standard validator and the codecs differ (string lengths in code points vs UTF-16 units).
 * The equivalence over the whole tree is property-tests/schema/jsonSchema.prop.test.ts.
 */
import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { SetUserBody, SiteContext, User } from 'webex-user-rules'
import { rootSchema, SCHEMA_CODECS, schemaOf } from '../../src/schema/jsonSchema.js'

const ajv = new Ajv2020({ strict: true, allErrors: true })
for (const entry of SCHEMA_CODECS) ajv.addSchema(rootSchema(...entry))
const validatorOf = (name: string) => {
  const validate = ajv.getSchema(`urn:webex-user-rules:schema:${name}`)
  if (validate === undefined) throw new Error(`no schema ${name}`)
  return validate
}
const demo = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../examples/demo/${file}`, import.meta.url), 'utf8'))

describe('D-PG3 JSON Schema', () => {
  it('D-PG3 the demo user and site validate; the seed meetingType 105 body validates', () => {
    expect(validatorOf('User')(demo('jdoe.json'))).toBe(true)
    expect(validatorOf('SiteContext')(demo('site.json'))).toBe(true)
    expect(validatorOf('SetUserBody')({ webExId: 'jdoe', meetingTypes: [105] })).toBe(true)
  })

  it('D-PG3 a mis-cased element, an output-only element and a missing webExId are refused, as by the codec', () => {
    const validate = validatorOf('SetUserBody')
    for (const body of [
      { webExId: 'jdoe', Active: 'ACTIVATED' },
      { webExId: 'jdoe', userId: 1 },
      { firstName: 'Ann' },
    ]) {
      expect(SetUserBody.is(body)).toBe(false)
      expect(validate(body)).toBe(false)
    }
    expect(validate({ webExId: 'jdoe', Active: 'ACTIVATED' })).toBe(false)
    expect(validate.errors?.map((e) => [e.keyword, e.params])).toEqual([
      ['additionalProperties', { additionalProperty: 'Active' }],
    ])
  })

  it('D-PG3 the leaf constraints: PIN at most 16 characters, accountIndex 1..3 stored, enumerations exact', () => {
    expect(schemaOf(User.props['phones'] as never)).toMatchObject({
      properties: { PIN: { type: 'string', maxLength: 16 } },
      additionalProperties: false,
    })
    expect(validatorOf('User')({ webExId: 'j', tspAccount: [{ accountIndex: 4 }] })).toBe(false)
    expect(validatorOf('User')({ webExId: 'j', active: 'activated' })).toBe(false)
    expect(validatorOf('SiteContext')({ ...(demo('site.json') as object), features: { HDvideo: 'no' } })).toBe(false)
  })

  it('D-PG3 the documented difference: 33 emoji are 66 UTF-16 units, over firstName’s 64 for the codec, 33 code points for JSON Schema', () => {
    const user = { webExId: 'jdoe', firstName: '😀'.repeat(33) }
    expect(User.is(user)).toBe(false)
    expect(validatorOf('User')(user)).toBe(true)
  })

  it('D-PG3 every schema is a 2020-12 root with a title and no unknown keywords (ajv strict mode compiles it)', () => {
    for (const [name, codec, description] of SCHEMA_CODECS) {
      const schema = rootSchema(name, codec, description)
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema')
      expect(schema['title']).toBe(name)
      expect(() => validatorOf(name)).not.toThrow()
    }
    expect(SCHEMA_CODECS.map(([, codec]) => codec)).toEqual(expect.arrayContaining([User, SetUserBody, SiteContext]))
  })
})
