/**
 * `webex-user-rules/new-user`: the user a real Webex site stores (D-NU) — every element a
 * `getUserResponse` always carries, the site's time zone and language, the registration date. A
 * subpath of its own so that the engine's bundles stay within their budgets (D-BD-4): a store passes
 * `newUserOf(…)` to `applyCreateUser` and completes seeded or imported users with `withUserDefaults`.
 *
 * @packageDocumentation
 */
export { type NewUserContext, newUserDefaults, newUserOf, webexDateTime, withUserDefaults } from '../model/newUser.js'
