import { Buffer } from 'node:buffer'
import type { AtomicFile } from './atomic-file.js'
import { exportCanceled } from './batch-source.js'

/** Text gathered before it is encoded and written, in UTF-16 code units (~1 MiB of ASCII). */
const CHUNK_CHARS = 1 << 20
/**
 * Rows formatted at a time. Small enough that a window's strings die young (V8's young generation), which
 * keeps garbage collection cheap; large enough that per-window costs vanish.
 */
export const WINDOW_ROWS = 512

/**
 * Writes `rows` rows of a text format (CSV, JSON Lines) to `file`: `formatWindow(start, count)` answers the text
 * of rows `start` to `start + count - 1`, asked for window by window (512 rows); that text, after `prefix`, is
 * gathered into ~1 MiB chunks, each written once the previous one is on disk (backpressure), so memory holds one
 * window's strings and two chunks whatever the row count. Resolves once the last chunk is queued.
 * @throws EngineError `EXPORT_CANCELED` when `signal` aborted (checked after each chunk).
 */
export async function writeTextWindows(
  file: AtomicFile,
  rows: number,
  prefix: string,
  formatWindow: (start: number, count: number) => string,
  signal?: AbortSignal,
): Promise<void> {
  let text = prefix
  for (let start = 0; start < rows; start += WINDOW_ROWS) {
    text += formatWindow(start, Math.min(WINDOW_ROWS, rows - start))
    if (text.length >= CHUNK_CHARS) {
      await file.write(Buffer.from(text, 'utf8'))
      text = ''
      if (signal?.aborted === true) throw exportCanceled()
    }
  }
  if (text.length > 0) await file.write(Buffer.from(text, 'utf8'))
}
