/**
 * Delivers the effects the operations queued in the `outbox` table (issue 11 item 4), at least
 * once each. A dispatcher claims a batch (`FOR UPDATE SKIP LOCKED`: dispatchers of several
 * processes take different rows) for a lease, commits, delivers outside any transaction (a slow
 * webhook holds no lock), then marks each delivered. A process that dies mid-delivery lets the
 * lease lapse, and the effect is delivered again: the idempotency key lets the receiver notice.
 */
import type { Logger } from 'pino'
import type { Database } from './db/database.js'

/** One queued effect as a sink receives it. */
export interface OutboxEffect {
  /** `outbox-<id>`: the same on every delivery of this effect. */
  readonly idempotencyKey: string
  readonly siteId: number
  readonly operation: string
  readonly webExId: string
  readonly kind: string
  readonly details: Record<string, unknown>
  readonly createdAt: string
}

/** Where effects go. Throwing (or rejecting) means "not delivered, try again later". */
export type Sink = (effect: OutboxEffect) => Promise<void>

/** The default sink: one structured log line per effect. */
export const logSink =
  (log: Logger): Sink =>
  (effect) => {
    log.info({ effect }, 'effect')
    return Promise.resolve()
  }

/** Options of {@link webhookSink}. */
export interface WebhookOptions {
  /** Per delivery, in ms (default 10 s). */
  readonly timeoutMs?: number
}

/**
 * POSTs each effect as JSON to `url`, with the header `Idempotency-Key`. Any answer but 2xx, or
 * no answer in time, is a failed delivery (retried with backoff).
 */
export const webhookSink =
  (url: string, options: WebhookOptions = {}): Sink =>
  async (effect) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': effect.idempotencyKey },
      body: JSON.stringify(effect),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    })
    // read the body so the connection can be reused
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`webhook answered HTTP ${String(response.status)}`)
  }

/** Options of {@link startDispatcher}. */
export interface DispatcherOptions {
  readonly db: Database
  readonly sink: Sink
  readonly log: Logger
  /** Between polls when nothing is due, in ms (default 200). */
  readonly pollMs?: number
  /** Effects claimed at once (default 20). */
  readonly batch?: number
  /** How long a claim lasts before another dispatcher may take the effect (default 60 s). */
  readonly leaseSeconds?: number
}

export interface Dispatcher {
  /** Delivers what is due now; resolves with the number delivered (tests and shutdown use it). */
  drain(): Promise<number>
  /** Stops polling and waits for the delivery in progress. */
  stop(): Promise<void>
}

interface OutboxRow {
  id: string
  site_id: string
  operation: string
  web_ex_id: string
  kind: string
  payload: Record<string, unknown>
  created_at: Date | string
  attempts: number
  [column: string]: unknown
}

/** Seconds before attempt n + 1: 1, 2, 4, … capped at 5 minutes. */
export const backoffSeconds = (attempts: number): number => Math.min(300, 2 ** Math.max(0, attempts - 1))

export const startDispatcher = (options: DispatcherOptions): Dispatcher => {
  const { db, sink, log } = options
  const pollMs = options.pollMs ?? 200
  const batch = options.batch ?? 20
  const lease = options.leaseSeconds ?? 60
  let stopped = false
  let running: Promise<number> = Promise.resolve(0)
  let timer: NodeJS.Timeout | undefined

  const claim = (): Promise<OutboxRow[]> =>
    db.transaction((tx) =>
      tx.query<OutboxRow>(
        `UPDATE outbox SET claimed_until = now() + make_interval(secs => $2), attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM outbox
           WHERE delivered_at IS NULL AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
           ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING id, site_id, operation, web_ex_id, kind, payload, created_at, attempts`,
        [batch, lease],
      ),
    )

  const deliverOne = async (row: OutboxRow): Promise<boolean> => {
    const effect: OutboxEffect = {
      idempotencyKey: `outbox-${row.id}`,
      siteId: Number(row.site_id),
      operation: row.operation,
      webExId: row.web_ex_id,
      kind: row.kind,
      details: row.payload,
      createdAt: row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at,
    }
    try {
      await sink(effect)
      await db.query('UPDATE outbox SET delivered_at = now(), claimed_until = NULL, last_error = NULL WHERE id = $1', [
        row.id,
      ])
      return true
    } catch (thrown) {
      const message = thrown instanceof Error ? thrown.message : String(thrown)
      await db.query(
        `UPDATE outbox SET claimed_until = NULL, last_error = $2, next_attempt_at = now() + make_interval(secs => $3)
         WHERE id = $1`,
        [row.id, message.slice(0, 500), backoffSeconds(row.attempts)],
      )
      log.warn({ outboxId: row.id, kind: row.kind, attempts: row.attempts, error: message }, 'effect not delivered')
      return false
    }
  }

  const drainOnce = async (): Promise<number> => {
    let delivered = 0
    for (;;) {
      const rows = await claim()
      if (rows.length === 0) return delivered
      rows.sort((a, b) => Number(a.id) - Number(b.id))
      // in id order, one at a time: a receiver sees a user's effects in the order they happened
      for (const row of rows) if (await deliverOne(row)) delivered++
      if (stopped) return delivered
    }
  }

  const drain = (): Promise<number> => {
    running = running.then(drainOnce, drainOnce)
    return running
  }

  const tick = (): void => {
    drain()
      .catch((thrown: unknown) => {
        log.error({ error: thrown instanceof Error ? thrown.message : String(thrown) }, 'outbox poll failed')
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs)
      })
  }
  timer = setTimeout(tick, 0)

  return {
    drain,
    stop: async () => {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      await running.catch(() => 0)
    },
  }
}
