/**
 * webex-user-rules/testing: the executable specification as a kit. Arbitraries derived from the
 * codec tree (users, every operation's body, sites, callers, near-valid inputs, request messages
 * as real clients write them) and {@link checkConformance}, a model-based test that drives a
 * running User-service endpoint and compares every answer with the engine's prediction.
 *
 * Needs `fast-check` (an optional peer dependency of the package): install it to use this entry.
 *
 * @packageDocumentation
 */
export { arbitraryOf, codecAt, leafArb, sparseRecord, type Shape } from './codec.js'
export { deepFreeze } from './freeze.js'
export {
  adminBodyArb,
  codecOf,
  GATED_SITE_FEATURES,
  selfServiceBodyArb,
  siteArb,
  userArb,
  validPinArb,
} from './model.js'
export { FAULTS, type Fault } from './nearValid.js'
export {
  activationBodyArb,
  callerArb,
  callerRoleArb,
  createUserBodyArb,
  delUserBodyArb,
  getUserBodyArb,
} from './operations.js'
export { adminScenarioArb, type CallerKind, fitSite, type Scenario, scenarioArb, selfScenarioArb } from './scenario.js'
export * from './values.js'
export { type ClientStyle, clientStyleArb, clientXmlArb, PLAIN_STYLE, renderClientMessage } from './wire.js'
export {
  checkConformance,
  type ConformanceOptions,
  type ConformanceReport,
  type ConformanceSite,
  type Disagreement,
  type DisagreementKind,
  type Exchange,
  type HistoryStep,
  redactSecrets,
  type Send,
} from './conformance.js'
export { httpSender } from './http.js'
