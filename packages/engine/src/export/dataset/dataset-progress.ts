import type { SplitOutput } from './split-output.js'

/** Progress of a dataset export. */
export interface DatasetProgress {
  /**
   * `streaming`: reading the result and writing; `sampling`: writing the count sample; `verifying`: checking the
   * files (checksums, Parquet footers).
   */
  phase: 'streaming' | 'sampling' | 'verifying'
  /** Rows read from the result so far (before sampling). */
  rowsRead: number
  /** Rows handed to the files so far. */
  rows: number
  /** Bytes queued to the files so far, all files together. */
  bytes: number
}

/** Minimum time between two progress reports, in ms. */
const REPORT_INTERVAL_MS = 100

/** Reports a dataset export's progress at most every 100 ms, and at each phase change. */
export class DatasetProgressReporter {
  phase: DatasetProgress['phase'] = 'streaming'
  rowsRead = 0
  #last = performance.now()

  constructor(
    private readonly outputs: readonly SplitOutput[],
    private readonly onProgress: ((progress: DatasetProgress) => void) | undefined,
  ) {}

  /** Reports when the interval has passed since the last report. */
  tick(): void {
    if (this.onProgress === undefined) return
    const now = performance.now()
    if (now - this.#last < REPORT_INTERVAL_MS) return
    this.#last = now
    this.report()
  }

  /** Enters a phase and reports at once. */
  enter(phase: DatasetProgress['phase']): void {
    this.phase = phase
    this.report()
  }

  report(): void {
    this.onProgress?.({
      phase: this.phase,
      rowsRead: this.rowsRead,
      rows: this.outputs.reduce((sum, output) => sum + output.rows, 0),
      bytes: this.outputs.reduce((sum, output) => sum + output.bytes, 0),
    })
  }
}
