/**
 * The `serv:message` envelope (docs/spec.md §5 and §7.3) as codecs, so the header is read by the same
 * codec-driven walk as the body.
 *
 * @module
 */
import type * as t from 'io-ts'
import { bool, list, long, oneOf, str, struct, type StructType } from '../model/codec.js'

/**
 * The service namespace (`serv:`).
 *
 * @category xml
 * @example
 * ```ts
 * import { SERV_NS } from 'webex-user-rules/xml'
 * SERV_NS //=> 'http://www.webex.com/schemas/2002/06/service'
 * ```
 */
export const SERV_NS = 'http://www.webex.com/schemas/2002/06/service'
/**
 * The common namespace (`com:`).
 *
 * @category xml
 * @example
 * ```ts
 * import { COM_NS } from 'webex-user-rules/xml'
 * COM_NS //=> 'http://www.webex.com/schemas/2002/06/common'
 * ```
 */
export const COM_NS = 'http://www.webex.com/schemas/2002/06/common'
/**
 * The user service namespace (`use:`).
 *
 * @category xml
 * @example
 * ```ts
 * import { USE_NS } from 'webex-user-rules/xml'
 * USE_NS //=> 'http://www.webex.com/schemas/2002/06/service/user'
 * ```
 */
export const USE_NS = 'http://www.webex.com/schemas/2002/06/service/user'
/**
 * XML Schema instance (`xsi:`), for `xsi:type`.
 *
 * @category xml
 * @example
 * ```ts
 * import { XSI_NS } from 'webex-user-rules/xml'
 * XSI_NS //=> 'http://www.w3.org/2001/XMLSchema-instance'
 * ```
 */
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance'

const SecurityContextC = struct('securityContext', {
  webExID: str(64),
  password: str(256),
  siteID: long,
  siteName: str(128),
  partnerID: str(128),
  email: str(128),
  sessionTicket: str(4096),
  returnAdditionalInfo: bool,
  accessToken: str(8192),
  // the Meetings OAuth token newer clients send in place of a password (D-OP-10)
  webExAccessToken: str(8192),
})
/**
 * The credentials of a request (`com:securityType`, plus `returnAdditionalInfo` and `accessToken`
 * that newer clients send). The adapter reads them; checking them is the embedding server's job.
 *
 * @category xml
 */
export interface SecurityContext extends t.TypeOf<typeof SecurityContextC> {}
/**
 * Codec for {@link (SecurityContext:interface)}.
 *
 * @category xml
 * @example
 * ```ts
 * import { SecurityContext } from 'webex-user-rules/xml'
 * SecurityContext.is({ webExID: 'admin', password: 'pw', siteName: 'examplesite', returnAdditionalInfo: true }) //=> true
 * ```
 */
export const SecurityContext: StructType<SecurityContext> = SecurityContextC

/** The request header: `<header><securityContext>…</securityContext></header>`. */
export const RequestHeader = struct('header', { securityContext: SecurityContext }, ['securityContext'])

const SubErrorC = struct('subError', { exceptionID: str(16), reason: str(4000), value: str(4000) })

const ResponseStatusC = struct(
  'response',
  {
    result: oneOf(['SUCCESS', 'FAILURE']),
    reason: str(4000),
    gsbStatus: oneOf(['PRIMARY', 'BACKUP']),
    exceptionID: str(16),
    subErrors: list(SubErrorC, { element: 'subError' }),
    value: str(4000),
  },
  ['result'],
)
/**
 * The `serv:header/serv:response` of a reply: SUCCESS or FAILURE, with the reason and
 * exceptionID of a failure.
 *
 * @category xml
 */
export interface ResponseStatus extends t.TypeOf<typeof ResponseStatusC> {}
/**
 * Codec for {@link (ResponseStatus:interface)}.
 *
 * @category xml
 * @example
 * ```ts
 * import { ResponseStatus } from 'webex-user-rules/xml'
 * ResponseStatus.is({ result: 'SUCCESS', gsbStatus: 'PRIMARY' }) //=> true
 * ```
 */
export const ResponseStatus: StructType<ResponseStatus> = ResponseStatusC

/** The response header: one `response` (batches are not supported, D-X9). */
export const ResponseHeader = struct('header', { response: ResponseStatus }, ['response'])
