/** Longest wait between two grid updates while a result streams in. ms. */
const MAX_FLUSH_MS = 250
/** Rows received per extra millisecond of wait. */
const ROWS_PER_EXTRA_MS = 20_000

/**
 * How long to gather streamed batches before showing them, for a result already holding `rowCount` rows:
 * `baseMs` for small results, growing slowly with the row count up to 250 ms. A grid update costs the same
 * at any row count (only the rows in view are drawn), so the live row count stays lively on huge results. ms.
 */
export function flushInterval(baseMs: number, rowCount: number): number {
  return Math.min(MAX_FLUSH_MS, Math.max(baseMs, baseMs + rowCount / ROWS_PER_EXTRA_MS))
}
