/**
 * webex-user-rules/explain: the usual result of an operation plus a trace of which rule decided
 * each part of it, and the sentence of the SetUser reference page behind the rule (D-PG1). A
 * subpath of its own, so that an application that never asks for a trace does not bundle the
 * rule table (D-PG7).
 *
 * @packageDocumentation
 */
export { explainCreateUser, explainSetUser, type Explained, type TraceEntry } from './explain.js'
export * from './sources.js'
