/**
 * webex-user-rules/xml: the wire adapter (spec §5). Parses SetUser and GetUser request messages
 * into the engine's model and renders `serv:message` responses, derived from the same codec tree
 * as the engine. Pure: strings in, `Either`s and strings out.
 *
 * @packageDocumentation
 */
export {
  parseOperationMessage,
  renderActivationResponse,
  renderCreateUserResponse,
  renderDelUserResponse,
  renderRequestMessage,
  type BodyOf,
  type MessageOf,
  parseGetUserMessage,
  parseGetUserResponse,
  parseRequestMessage,
  parseResponseStatus,
  parseSetUserMessage,
  renderFailureResponse,
  renderGetUserMessage,
  renderGetUserResponse,
  renderSetUserMessage,
  renderSetUserResponse,
  requestTypes,
  type GetUserMessage,
  type Operation,
  type RequestMessage,
  type SetUserMessage,
} from './messages.js'
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
