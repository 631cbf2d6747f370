/**
 * The engine's private Immer instance. Auto-freeze is off: with it on, every call would walk and
 * freeze the whole result (O(user size)) and freeze the caller's own objects along the way.
 *
 * @module
 */
import { Immer } from 'immer'

const immer = new Immer({ autoFreeze: false })

/** `produce` of the private instance: returns the base itself when the recipe changes nothing. */
export const produce: Immer['produce'] = immer.produce
