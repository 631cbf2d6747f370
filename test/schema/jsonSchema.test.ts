/**
 * The JSON Schemas (D-PG3) on the reference page's own examples, and the one documented place
 * where a standard validator and the codecs differ (string lengths in code points vs UTF-16 units).
 * The equivalence over the whole tree is property-tests/schema/jsonSchema.prop.test.ts.
 */
import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  AuthenticateUserBody,
  GetLoginTicketBody,
  LoginUrlBody,
  LstsummaryUserBody,
  SetUserBody,
  SiteContext,
  User,
} from 'webex-user-rules'
import { type Operation, parseOperationMessage } from 'webex-user-rules/xml'
import { rootSchema, SCHEMA_CODECS, schemaOf } from '../../src/schema/jsonSchema.js'
import { OPERATIONS } from '../../src/xml/operations.js'

const ajv = new Ajv2020({ strict: true, allErrors: true })
for (const entry of SCHEMA_CODECS) ajv.addSchema(rootSchema(...entry))
const validatorOf = (name: string) => {
  const validate = ajv.getSchema(`urn:webex-user-rules:schema:${name}`)
  if (validate === undefined) throw new Error(`no schema ${name}`)
  return validate
}
const demo = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../examples/demo/${file}`, import.meta.url), 'utf8'))
/** The bodyContent of a corpus request, as the XML adapter reads it. */
const corpusBody = (file: string, operation: Operation): unknown => {
  const parsed = parseOperationMessage(
    readFileSync(new URL(`../fixtures/corpus/${file}`, import.meta.url), 'utf8'),
    operation,
  )
  if (E.isLeft(parsed)) throw new Error(`fixture ${file} does not parse`)
  return parsed.right.body
}

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

  it('D-PG3 every operation the XML adapter reads has the schema of its bodyContent', () => {
    const shipped = new Set(SCHEMA_CODECS.map(([, codec]) => codec))
    for (const [operation, codec] of Object.entries(OPERATIONS)) expect(shipped.has(codec), operation).toBe(true)
    expect(SCHEMA_CODECS.map(([name]) => name)).toEqual(
      expect.arrayContaining(['LstsummaryUserBody', 'AuthenticateUserBody', 'GetLoginTicketBody', 'LoginUrlBody']),
    )
  })

  it('D-PG3 D-OP-3 the list and login bodies of the corpus validate (Moodle, borgified, the C# tool, the Cisco samples)', () => {
    const cases: readonly (readonly [string, Operation, string])[] = [
      ['lstsummaryuser-moodle-1.xml', 'LstsummaryUser', 'LstsummaryUserBody'],
      ['lstsummaryuser-borgified-1.xml', 'LstsummaryUser', 'LstsummaryUserBody'],
      ['lstsummaryuser-csharp-1.xml', 'LstsummaryUser', 'LstsummaryUserBody'],
      ['lstsummaryuser-ciscodoc-1.xml', 'LstsummaryUser', 'LstsummaryUserBody'],
      ['authenticateuser-atlas-1.xml', 'AuthenticateUser', 'AuthenticateUserBody'],
      ['authenticateuser-ciscodoc-1.xml', 'AuthenticateUser', 'AuthenticateUserBody'],
      ['getloginticket-ciscodoc-1.xml', 'GetLoginTicket', 'GetLoginTicketBody'],
      ['getloginurluser-ciscodoc-1.xml', 'GetloginurlUser', 'LoginUrlBody'],
      ['getloginurluser-moodle-1.xml', 'GetloginurlUser', 'LoginUrlBody'],
    ]
    for (const [file, operation, schema] of cases) {
      const body = corpusBody(file, operation)
      expect(validatorOf(schema)(body), `${file}: ${JSON.stringify(validatorOf(schema).errors)}`).toBe(true)
    }
  })

  it('D-PG3 D-OP-6 D-OP-18 near-valid list and login bodies are refused by the schema as by the codec', () => {
    const refused: readonly (readonly [string, { is: (u: unknown) => boolean }, unknown])[] = [
      ['LstsummaryUserBody', LstsummaryUserBody, { order: { orderBy: ['NAME'] } }],
      ['LstsummaryUserBody', LstsummaryUserBody, { order: { orderBy: ['UID', 'EMAIL', 'CITY', 'FAX'] } }],
      ['LstsummaryUserBody', LstsummaryUserBody, { listControl: { startFrom: -1 } }],
      ['LstsummaryUserBody', LstsummaryUserBody, { listControl: { listMethod: 'and' } }],
      ['LstsummaryUserBody', LstsummaryUserBody, { dataScope: { regDateStart: '07/01/2010 09:30:00 PM' } }],
      ['AuthenticateUserBody', AuthenticateUserBody, { password: 'pw' }],
      ['AuthenticateUserBody', AuthenticateUserBody, { accessToken: '' }],
      ['GetLoginTicketBody', GetLoginTicketBody, { webExId: 'host01' }],
      ['LoginUrlBody', LoginUrlBody, { webExId: 'student42' }],
      ['LoginUrlBody', LoginUrlBody, { webExID: 'student42', backURL: 'x'.repeat(2049) }],
    ]
    for (const [schema, codec, body] of refused) {
      expect(codec.is(body), JSON.stringify(body)).toBe(false)
      expect(validatorOf(schema)(body), JSON.stringify(body)).toBe(false)
    }
    expect(validatorOf('GetLoginTicketBody')({})).toBe(true)
    expect(validatorOf('LoginUrlBody')({ webExID: 'student42', backURL: '' })).toBe(true)
  })
})
