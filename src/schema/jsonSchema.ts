/**
 * JSON Schema (2020-12) of the model, derived from the codec tree — the same tree the engine
 * decodes with, the XML adapter maps and the arbitraries generate from — so the schemas cannot
 * drift from the codecs. `npm run build` writes them to `dist/schema/*.json`, shipped as
 * `webex-user-rules/schema/<Name>.json` (D-PG3).
 *
 * One difference is inherent: JSON Schema counts string lengths in code points, the codecs in
 * UTF-16 code units (JavaScript's `length`, as Java's `String.length()` on the Webex side). A
 * string with characters outside the Basic Multilingual Plane near its limit can pass the schema
 * and fail the codec; every other value gets the same answer from both.
 *
 * @module
 */
import type { ModelCodec } from '../model/codec.js'
import { AuthenticateUserBody, GetLoginTicketBody, LoginUrlBody } from '../model/login.js'
import { LstsummaryUserBody } from '../model/lstsummary.js'
import { ActivationBody, CreateUserRequest, DelUserBody, GetUserBody } from '../model/operations.js'
import { Caller, SetUserRequest } from '../model/request.js'
import { SiteContext } from '../model/site.js'
import { CreateUserBody, GetUserView, SetUserBody, User } from '../model/user.js'

/** A JSON Schema as plain data. */
export type JsonSchema = Readonly<Record<string, unknown>>

/** The schema of one codec (no `$schema`: that goes on the root). */
export const schemaOf = (codec: ModelCodec): JsonSchema => {
  switch (codec._tag) {
    case 'LeafType': {
      const spec = codec.spec
      switch (spec.kind) {
        case 'string':
          return spec.minLength > 0
            ? { type: 'string', minLength: spec.minLength, maxLength: spec.maxLength }
            : { type: 'string', maxLength: spec.maxLength }
        case 'boolean':
          return { type: 'boolean' }
        case 'integer':
          return { type: 'integer', minimum: spec.min, maximum: spec.max }
        case 'enum':
          return { enum: [...spec.values] }
        case 'flags':
          return { type: 'object', additionalProperties: { type: 'boolean' } }
      }
    }
    // eslint-disable-next-line no-fallthrough -- every inner case returns
    case 'ListType':
      return {
        type: 'array',
        items: schemaOf(codec.item),
        ...(codec.minItems > 0 ? { minItems: codec.minItems } : {}),
        ...(Number.isFinite(codec.maxItems) ? { maxItems: codec.maxItems } : {}),
      }
    case 'StructType':
      return {
        type: 'object',
        properties: Object.fromEntries(Object.entries(codec.props).map(([key, child]) => [key, schemaOf(child)])),
        ...(codec.requiredKeys.length > 0 ? { required: [...codec.requiredKeys] } : {}),
        additionalProperties: false,
      }
  }
}

/** The schemas shipped, by file name (`<name>.json`), with what each describes. */
export const SCHEMA_CODECS: readonly (readonly [name: string, codec: ModelCodec, description: string])[] = [
  ['User', User, 'The stored user: every field GetUser returns (webex-user-rules `User`).'],
  ['SetUserBody', SetUserBody, 'The bodyContent of a SetUser request (webex-user-rules `SetUserBody`).'],
  ['SetUserRequest', SetUserRequest, 'A SetUser request for applySetUser: the caller and the body.'],
  ['SiteContext', SiteContext, 'What the engine needs to know about the site (webex-user-rules `SiteContext`).'],
  ['Caller', Caller, 'The authenticated caller of a request.'],
  ['CreateUserBody', CreateUserBody, 'The bodyContent of a CreateUser request.'],
  ['CreateUserRequest', CreateUserRequest, 'A CreateUser request for applyCreateUser.'],
  ['GetUserBody', GetUserBody, 'The bodyContent of a GetUser request.'],
  ['GetUserView', GetUserView, 'What GetUser returns for a user.'],
  ['DelUserBody', DelUserBody, 'The bodyContent of a DelUser request.'],
  ['ActivationBody', ActivationBody, 'The bodyContent of an ActivateUser or InactivateUser request.'],
  [
    'LstsummaryUserBody',
    LstsummaryUserBody,
    'The bodyContent of a LstsummaryUser request: filters, listControl, order, dataScope, webACD (every element optional).',
  ],
  [
    'AuthenticateUserBody',
    AuthenticateUserBody,
    'The bodyContent of an AuthenticateUser request: an accessToken, a samlResponse (with protocol), or nothing.',
  ],
  ['GetLoginTicketBody', GetLoginTicketBody, 'The bodyContent of a GetLoginTicket request: always empty.'],
  [
    'LoginUrlBody',
    LoginUrlBody,
    'The bodyContent of a GetloginurlUser or GetlogouturlUser request: webExID and an optional backURL.',
  ],
]

/** The root schema of `name`: the dialect, an id, a title and the codec's schema. */
export const rootSchema = (name: string, codec: ModelCodec, description: string): JsonSchema => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `urn:webex-user-rules:schema:${name}`,
  title: name,
  description,
  $comment:
    'Generated from the codec tree by npm run build; string lengths are limits in UTF-16 code units in the engine (code points here).',
  ...schemaOf(codec),
})
