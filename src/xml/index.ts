/**
 * webex-user-rules/xml: the wire adapter (docs/spec.md §5). Parses SetUser and GetUser request messages
 * into the engine's model and renders `serv:message` responses, derived from the same codec tree
 * as the engine. Pure: strings in, `Either`s and strings out.
 *
 * @packageDocumentation
 */
export { parseGetUserMessage, parseOperationMessage, parseRequestMessage, parseSetUserMessage } from './requests.js'
export { requestTypes } from './operations.js'
export type { BodyOf, GetUserMessage, MessageOf, Operation, RequestMessage, SetUserMessage } from './operations.js'
export {
  renderActivationResponse,
  renderCreateUserResponse,
  renderDelUserResponse,
  renderFailureResponse,
  renderGetUserMessage,
  renderGetUserResponse,
  renderRequestMessage,
  renderSetUserMessage,
  renderSetUserResponse,
} from './render.js'
export {
  parseAuthenticateUserResponse,
  parseGetLoginTicketResponse,
  parseGetloginurlUserResponse,
  parseGetlogouturlUserResponse,
  parseLstsummaryUserResponse,
  renderAuthenticateUserResponse,
  renderGetLoginTicketResponse,
  renderGetloginurlUserResponse,
  renderGetlogouturlUserResponse,
  renderLstsummaryUserResponse,
} from './listAndLogin.js'
export { COM_NS, ResponseStatus, SecurityContext, SERV_NS, USE_NS, XSI_NS } from './envelope.js'
export { decodeXmlBytes } from './encoding.js'
export { MAX_DEPTH, MAX_MESSAGE_BYTES } from './document.js'
export {
  type DelUserStatus,
  parseCreateUserResponse,
  parseDelUserResponse,
  parseGetUserResponse,
  parseResponseStatus,
} from './responses.js'
