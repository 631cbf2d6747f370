/**
 * webex-user-rules/explain: the usual result of an operation plus a trace of which rule decided
 * each part of it, and the sentence of the reference page or the decision behind the rule (D-PG1)
 * — for every operation of the core: SetUser, CreateUser, DelUser, ActivateUser, InactivateUser,
 * GetUser, LstsummaryUser, AuthenticateUser, GetLoginTicket, GetloginurlUser, GetlogouturlUser.
 * A subpath of its own, so that an application that never asks for a trace does not bundle the
 * rule table (D-PG7).
 *
 * @packageDocumentation
 */
export {
  explainCreateUser,
  explainSetUser,
  type Explained,
  type ExplainOverUsers,
  type StepValue,
  type TraceEntry,
} from './explain.js'
export { explainActivateUser, explainDelUser, explainGetUser, explainInactivateUser } from './siblings.js'
export { explainLstsummaryUser } from './list.js'
export {
  explainAuthenticateUser,
  explainGetLoginTicket,
  explainGetloginurlUser,
  explainGetlogouturlUser,
} from './login.js'
export * from './sources.js'
