import { z } from 'zod'

/** Default row cap of the grid (rows). The user sees it and can lift it (`maxRows: null`). */
export const DEFAULT_GRID_ROW_CAP = 100_000

/** `query/run` input: one SQL statement run READ ONLY on the hub, streamed as Arrow IPC. */
export const QueryRunInput = z.object({
  sql: z.string().min(1, 'sql is empty'),
  /** Client-chosen id used to cancel and to read the status; a UUID is generated when absent. */
  queryId: z.string().min(1).max(100).optional(),
  /** Stop after this many rows (and report `truncated`); null = no cap. Rows. */
  maxRows: z.number().int().positive().nullable().optional(),
  /** Statement timeout in ms; default 300 000, 0 = none. */
  timeoutMs: z.number().int().min(0).optional(),
})
export type QueryRunInput = z.infer<typeof QueryRunInput>

/** `query/cancel` input. */
export const QueryCancelInput = z.object({ queryId: z.string().min(1) })
export type QueryCancelInput = z.infer<typeof QueryCancelInput>

/** `query/cancel` output: `canceled` is false when no running query has that id. */
export const QueryCancelOutput = z.object({ canceled: z.boolean() })
export type QueryCancelOutput = z.infer<typeof QueryCancelOutput>

/** `query/status` input. */
export const QueryStatusInput = z.object({ queryId: z.string().min(1) })
export type QueryStatusInput = z.infer<typeof QueryStatusInput>

/** What the engine knows of a query it ran (kept for recent queries). */
export const QueryStatus = z.object({
  queryId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'canceled']),
  /** Rows streamed so far. */
  rows: z.number().int(),
  /** Arrow IPC bytes streamed so far. */
  bytes: z.number().int(),
  /** True when the row cap stopped the result before its end. */
  truncated: z.boolean(),
  maxRows: z.number().int().nullable(),
  /** Wall time from start to end (or to now while running). ms. */
  elapsedMs: z.number(),
  /** ms from start until the first RecordBatch was ready. */
  firstBatchMs: z.number().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
})
export type QueryStatus = z.infer<typeof QueryStatus>

/** MIME type of an Arrow IPC stream (https://arrow.apache.org/docs/format/Columnar.html#ipc-streaming-format). */
export const ARROW_STREAM_MIME = 'application/vnd.apache.arrow.stream'

/**
 * Arrow field metadata key holding the PostgreSQL type of a result column (`format_type` text,
 * e.g. `numeric(12,2)`), so clients can show the source type next to the Arrow type.
 */
export const PG_TYPE_METADATA_KEY = 'idw:pg_type'
