/** Longest wait between two grid updates while a result streams in. ms. */
const MAX_FLUSH_MS = 1000
/** Rows received per extra millisecond of wait: updating the grid costs time in proportion to its rows. */
const ROWS_PER_EXTRA_MS = 5000

/**
 * How long to gather streamed batches before showing them, for a result already holding `rowCount` rows:
 * `baseMs` for small results, growing with the row count (a grid update costs time in proportion to its
 * rows) up to 1 s, so a multi-million-row stream is not slowed down by its own progress display. ms.
 */
export function flushInterval(baseMs: number, rowCount: number): number {
  return Math.min(MAX_FLUSH_MS, Math.max(baseMs, baseMs + rowCount / ROWS_PER_EXTRA_MS))
}
