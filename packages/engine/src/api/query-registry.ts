import { LRUCache } from 'lru-cache'
import type { ErrorBody } from './contract/errors.js'
import type { QueryStatus } from './contract/query.js'

/** What the registry keeps per query: its public status plus the controller that cancels it. */
interface QueryEntry {
  status: QueryStatus
  startedAt: number
  controller: AbortController
}

/** Most recent queries whose status stays readable after they end. */
const KEEP_QUERIES = 500

/**
 * Running and recent queries by id: cancel handles and live counters (rows, bytes, first batch, elapsed ms).
 * Keeps the 500 most recently used entries.
 */
export class QueryRegistry {
  readonly #entries = new LRUCache<string, QueryEntry>({ max: KEEP_QUERIES })

  /** Registers a new query and answers the `AbortSignal` that cancels it. A reused id replaces the old entry. */
  start(queryId: string, maxRows: number | null): AbortSignal {
    const controller = new AbortController()
    this.#entries.set(queryId, {
      controller,
      startedAt: performance.now(),
      status: {
        queryId,
        state: 'running',
        rows: 0,
        bytes: 0,
        truncated: false,
        maxRows,
        elapsedMs: 0,
        firstBatchMs: null,
        error: null,
      },
    })
    return controller.signal
  }

  /**
   * Adds one streamed IPC message of `rows` rows and `bytes` bytes. `firstBatchMs` is taken at the first message
   * with rows: the schema message (0 rows) goes out long before the first batch is decoded.
   */
  addBatch(queryId: string, rows: number, bytes: number): void {
    const entry = this.#entries.get(queryId)
    if (!entry) return
    if (entry.status.firstBatchMs === null && rows > 0) entry.status.firstBatchMs = performance.now() - entry.startedAt
    entry.status.rows += rows
    entry.status.bytes += bytes
  }

  /** Marks the query finished: `done` (with `truncated`), `failed` or `canceled`. */
  finish(
    queryId: string,
    state: 'done' | 'failed' | 'canceled',
    extra: { truncated?: boolean; error?: ErrorBody },
  ): void {
    const entry = this.#entries.get(queryId)
    if (!entry || entry.status.state !== 'running') return
    entry.status.state = state
    entry.status.truncated = extra.truncated ?? false
    entry.status.elapsedMs = performance.now() - entry.startedAt
    if (extra.error) entry.status.error = { code: extra.error.code, message: extra.error.message }
  }

  /** Cancels a running query; false when none runs under that id. */
  cancel(queryId: string): boolean {
    const entry = this.#entries.get(queryId)
    if (!entry || entry.status.state !== 'running') return false
    entry.controller.abort()
    return true
  }

  /** The query's status (elapsed ms is live while it runs), or undefined when unknown. */
  status(queryId: string): QueryStatus | undefined {
    const entry = this.#entries.get(queryId)
    if (!entry) return undefined
    if (entry.status.state !== 'running') return { ...entry.status }
    return { ...entry.status, elapsedMs: performance.now() - entry.startedAt }
  }

  /** Aborts every running query (engine shutdown). */
  cancelAll(): void {
    for (const entry of this.#entries.values()) if (entry.status.state === 'running') entry.controller.abort()
  }
}
