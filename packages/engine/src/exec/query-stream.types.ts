import type { RecordBatch, Schema } from 'apache-arrow'

/** Default statement timeout (ms). */
export const DEFAULT_TIMEOUT_MS = 300_000
/** Default rows per RecordBatch. */
export const DEFAULT_BATCH_ROWS = 65_536
/** A batch is also cut once its rows took this many bytes on the wire (~16 MiB). */
export const BATCH_BYTES_CAP = 16 * 1024 * 1024

/** Options of `openQueryStream`. */
export interface QueryStreamOptions {
  /** Aborting cancels the statement in the hub (`pg_cancel_backend`) and fails with `QUERY_CANCELED` reason `user`. */
  signal?: AbortSignal
  /** Stop after this many rows and set `truncated` if a further row existed; null/absent = no cap. Rows (≥ 1). */
  maxRows?: number | null
  /**
   * Statement timeout (ms) of each statement the query runs; default 300 000; 0 = none. The COPY's clock runs
   * until its last row is read, so a consumer holding batches for long counts against it.
   */
  timeoutMs?: number
  /** Rows per RecordBatch at most (default 65 536); a batch is also cut at ~16 MiB of data. */
  batchRows?: number
  /**
   * Values bound to the statement's `$1…$n` (see `encodeParameter` for how JS values are sent). A non-empty list
   * runs the statement as a binary portal instead of COPY, which cannot take bind parameters.
   */
  parameters?: readonly unknown[]
}

/**
 * One running statement whose result streams as Arrow RecordBatches. `schema` is known before any row. Iterate
 * `batches()` once; leaving the loop early, an error, or `close()` ends the statement in the hub and releases the
 * connection. Always call `close()` when done (it is idempotent and cheap after the last batch).
 */
export interface QueryStream {
  /** Arrow schema: original column names, types per `planColumn`, metadata `idw:pg_type`. */
  readonly schema: Schema
  /**
   * The result as RecordBatches, first batch as soon as it is decoded.
   * @throws EngineError `QUERY_CANCELED` (`detail.reason` 'user' | 'statement_timeout'), `HUB_QUERY_FAILED`,
   *   `HUB_UNAVAILABLE`; `INTERNAL` when called a second time.
   */
  batches(): AsyncGenerator<RecordBatch, void, undefined>
  /** Rows handed out by `batches()` so far. */
  readonly rows: number
  /** True when `maxRows` stopped the result and a further row existed (final once `batches()` ended). */
  readonly truncated: boolean
  /** ms from `openQueryStream` until the first batch was handed out; null before. */
  readonly firstBatchMs: number | null
  /** Stops the statement if it still runs and releases the connection; resolves once released. */
  close(): Promise<void>
}
