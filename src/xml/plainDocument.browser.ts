/**
 * The fast path of `plainDocument.ts` as browser builds get it (package.json `browser` field,
 * D-PF-6): it declines every document, so `readDocument` reads each one with saxes, with the same
 * answers (the differential property holds the two readers to each other). A browser reads one
 * message at a time, where the fast path saves microseconds; it would cost 1.5 KB gzip of the XML
 * adapter's 40 KB budget (D-BD).
 *
 * @module
 */
import type { XmlElement } from './tree.js'

/** Declines: saxes reads the document (same signature as the Node build's fast path). */
export const readPlainDocument = (_xml: string, _maxElements: number, _maxDepth: number): XmlElement | undefined =>
  undefined
