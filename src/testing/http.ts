/**
 * An HTTP sender for the conformance kit: POSTs each message to the endpoint as Webex clients do.
 * Uses the platform's `fetch` (Node ≥ 18), typed locally so the package needs no DOM types.
 */
import type { Send } from './conformance.js'

interface FetchResponse {
  readonly status: number
  text(): Promise<string>
}
type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: unknown },
) => Promise<FetchResponse>
interface Timeouts {
  timeout(ms: number): unknown
}

/**
 * A {@link Send} that POSTs to `url` (e.g. `https://host/WBXService/XMLService`). Any HTTP status
 * with a body is returned as the answer (the kit judges it); a network failure or no answer within
 * `timeoutMs` (default 30 s) rejects.
 *
 * @example
 * ```ts
 * import { httpSender } from 'webex-user-rules/testing'
 * const send = httpSender('http://127.0.0.1:8080/WBXService/XMLService', { timeoutMs: 5000 })
 * typeof send //=> 'function'
 * ```
 */
export const httpSender =
  (url: string, options: { readonly timeoutMs?: number } = {}): Send =>
  async (xml) => {
    const fetch = (globalThis as unknown as { fetch: Fetch }).fetch
    const signals = (globalThis as unknown as { AbortSignal: Timeouts }).AbortSignal
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=UTF-8' },
      body: xml,
      signal: signals.timeout(options.timeoutMs ?? 30_000),
    })
    return response.text()
  }
