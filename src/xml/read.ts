/**
 * Reading a `serv:message`, request or response alike (docs/spec.md §5): the document
 * (document.ts) → the envelope → elements mapped onto their codecs (fromXml.ts) and decoded.
 * Failures of the envelope or of the XML itself say `source: 'message'`; failures inside
 * bodyContent say `source: 'body'`, with the element path below bodyContent (`privilege.host`).
 * Every failure is collected in `Problems`, so one `InvalidRequest` names every failing path.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { toFailures } from '../errors/decodeFailure.js'
import { type DecodeFailure, invalidRequest, type SetUserError } from '../errors/SetUserError.js'
import { childPath, type Issue, type Path, rootPath, runCodec, type StructType } from '../model/codec.js'
import { pinDecodeError } from '../rules/pin.js'
import { readDocument, type XmlElement } from './document.js'
import { ResponseHeader, type ResponseStatus } from './envelope.js'
import { checkAttributes, childrenByName, duplicated, structValue, SKIP, unknownElement } from './fromXml.js'

/** Failures of the two sources, collected while reading. */
export class Problems {
  readonly message: Issue[] = []
  readonly body: Issue[] = []
  /** Failures that are not element paths (the document itself). */
  readonly document: DecodeFailure[] = []
  get none(): boolean {
    return this.message.length === 0 && this.body.length === 0 && this.document.length === 0
  }
  toError(): SetUserError {
    // D-F1: a request whose only fault is an over-long PIN gets the PIN error
    return pinDecodeError(
      invalidRequest([...this.document, ...toFailures('message', this.message), ...toFailures('body', this.body)]),
    )
  }
}

const ROOT_ATTRIBUTES: ReadonlySet<string> = new Set(['schemaLocation', 'noNamespaceSchemaLocation'])
export const BODY_CONTENT_ATTRIBUTES: ReadonlySet<string> = new Set(['type'])

interface Envelope {
  readonly header: XmlElement | undefined
  readonly bodyContent: XmlElement | undefined
}

/**
 * Reads `message` → `header`, `body` → `bodyContent`. `bodyContentRequired` is false for
 * responses (a FAILURE may have no bodyContent, corpus response-failure-ciscoie-000000).
 */
export const readEnvelope = (xml: string, problems: Problems, bodyContentRequired: boolean): Envelope | undefined => {
  const document = readDocument(xml)
  if (E.isLeft(document)) {
    problems.document.push(...document.left.map((f) => ({ source: 'message' as const, ...f })))
    return undefined
  }
  const root = document.right
  if (root.name !== 'message') {
    problems.message.push({
      code: 'unknownElement',
      path: [],
      expected: 'the root element <serv:message>',
      actual: `<${root.name}>`,
    })
    return undefined
  }
  checkAttributes(root, [], problems.message, ROOT_ATTRIBUTES)
  if (root.text !== '')
    problems.message.push({ code: 'wrongType', path: [], expected: 'no text in <message>', actual: root.text })
  const parts = childrenByName(root)
  for (const [name, elements] of parts) {
    if (name !== 'header' && name !== 'body')
      for (const element of elements)
        unknownElement(element, 'message', ['header', 'body'], rootPath(name), problems.message)
  }
  const header = single(parts, 'header', [], problems.message)
  const body = single(parts, 'body', [], problems.message)
  if (header === undefined) required('header', [], problems.message)
  if (body === undefined) {
    required('body', [], problems.message)
    return { header, bodyContent: undefined }
  }
  const bodyPath = rootPath('body')
  checkAttributes(body, bodyPath, problems.message)
  if (body.text !== '')
    problems.message.push({ code: 'wrongType', path: bodyPath, expected: 'no text in <body>', actual: body.text })
  const contents = childrenByName(body)
  for (const [name, elements] of contents) {
    if (name !== 'bodyContent')
      for (const element of elements)
        unknownElement(element, 'body', ['bodyContent'], childPath(bodyPath, name), problems.message)
  }
  // D-X9: one bodyContent per message; the schema allows a batch, no client sends one
  const bodyContent = single(contents, 'bodyContent', bodyPath, problems.message)
  if (bodyContent === undefined && bodyContentRequired) required('bodyContent', bodyPath, problems.message)
  return { header, bodyContent }
}

const single = (
  groups: ReadonlyMap<string, readonly XmlElement[]>,
  name: string,
  parent: Path,
  issues: Issue[],
): XmlElement | undefined => {
  const elements = groups.get(name) ?? []
  duplicated(name, elements, childPath(parent, name), issues)
  return elements[0]
}

const required = (name: string, parent: Path, issues: Issue[]): void => {
  issues.push({
    code: 'missingElement',
    path: childPath(parent, name),
    expected: `required element "${name}"`,
    actual: undefined,
  })
}

/** Maps an element onto a struct codec and decodes it; issues go to `issues`, rooted at `path`. */
export const decodeElement = <A>(
  codec: StructType<A>,
  element: XmlElement,
  path: Path,
  issues: Issue[],
): A | undefined => {
  const mapped = structValue(codec, element, path, issues)
  if (mapped === SKIP) return undefined
  const decoded = runCodec(codec, mapped, path)
  issues.push(...decoded.issues)
  return decoded.value
}

export const bodyContentPath = childPath(rootPath('body'), 'bodyContent')
export const typePath = childPath(bodyContentPath, '@type')

export interface Response {
  readonly status: ResponseStatus
  readonly bodyContent: XmlElement | undefined
}

export const readResponse = (xml: string, problems: Problems): Response | undefined => {
  const envelope = readEnvelope(xml, problems, false)
  if (envelope?.header === undefined) return undefined
  const header = decodeElement(ResponseHeader, envelope.header, rootPath('header'), problems.message)
  // a header without its response has been reported (and gives no status)
  return header?.response === undefined ? undefined : { status: header.response, bodyContent: envelope.bodyContent }
}
/** The local part of an xsi:type value such as `use:getUserResponse` (prefixes are per document). */
export const localType = (type: string | undefined): string | undefined => type?.slice(type.lastIndexOf(':') + 1)

/**
 * The bodyContent of a SUCCESS answer whose xsi:type is `type`, decoded by `codec`; `undefined` when
 * anything failed, with every failure in `problems`. A FAILURE answer is a failure quoting its
 * exceptionID and reason (D-X10). GetUser's type is compared exactly; the list and login answers'
 * ignoring case (the Cisco doc prints `use:GetloginurlUserResponse`).
 */
export const readAnswer = <A>(
  xml: string,
  type: string,
  codec: StructType<A>,
  problems: Problems,
  typeCase: 'exact' | 'ignored',
): A | undefined => {
  const response = readResponse(xml, problems)
  if (response === undefined) return undefined
  const { status, bodyContent } = response
  if (status.result !== 'SUCCESS') {
    problems.message.push({
      code: 'outOfRange',
      path: childPath(childPath(rootPath('header'), 'response'), 'result'),
      expected: 'SUCCESS',
      actual: `FAILURE ${status.exceptionID ?? ''}: ${status.reason ?? ''}`,
    })
    return undefined
  }
  if (bodyContent === undefined) {
    // a SUCCESS answer carries its bodyContent
    required('bodyContent', rootPath('body'), problems.message)
    return undefined
  }
  checkAttributes(bodyContent, bodyContentPath, problems.message, BODY_CONTENT_ATTRIBUTES)
  const actualType = bodyContent.attributes.get('type')
  const local = localType(actualType)
  if (typeCase === 'exact' ? local !== type : local?.toLowerCase() !== type.toLowerCase())
    problems.message.push({ code: 'outOfRange', path: typePath, expected: `xsi:type use:${type}`, actual: actualType })
  const value = decodeElement(codec, bodyContent, [], problems.body)
  return problems.none ? value : undefined
}
