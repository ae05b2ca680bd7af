import type { AtomicFile } from './atomic-file.js'
import type { ExportProgress } from './export-file.types.js'

/** Minimum time between two progress reports, in ms. */
const REPORT_INTERVAL_MS = 100

/**
 * Counts the rows an export has handed to its writer and reports `{ rows, bytes }` to `onProgress` at most
 * every 100 ms, plus once at the end (`finish`). Bytes are those that reached the file.
 */
export class ProgressTracker {
  #rows = 0
  #lastReport = performance.now()

  constructor(
    private readonly file: AtomicFile,
    private readonly onProgress: ((progress: ExportProgress) => void) | undefined,
  ) {}

  /** Rows handed to the writer so far. */
  get rows(): number {
    return this.#rows
  }

  /** Adds `rows` and reports when the interval has passed. */
  addRows(rows: number): void {
    this.#rows += rows
    this.tick()
  }

  /** Reports when the interval has passed since the last report. */
  tick(): void {
    if (this.onProgress === undefined) return
    const now = performance.now()
    if (now - this.#lastReport < REPORT_INTERVAL_MS) return
    this.#lastReport = now
    this.onProgress({ rows: this.#rows, bytes: this.file.bytesWritten })
  }

  /** The final report, whatever the time since the last one. */
  finish(): void {
    this.onProgress?.({ rows: this.#rows, bytes: this.file.bytesWritten })
  }
}
