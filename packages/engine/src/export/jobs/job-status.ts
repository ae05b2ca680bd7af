import type { ExportJob } from '../../api/contract/export.js'
import type { ExpectedRows } from './expected-rows.js'

/**
 * `percent` of a job: `rowsRead / expectedRows` with one decimal, capped at 99.9 while the job runs (the last
 * rows, verification and publishing are still to come), 100 once done; null without a row count, and once more
 * rows came than expected (an estimate that was too low says nothing useful any more).
 */
export function jobPercent(state: ExportJob['state'], rowsRead: number, expected: ExpectedRows | null): number | null {
  if (state === 'done') return 100
  if (expected === null || expected.rows <= 0 || rowsRead > expected.rows) return null
  return Math.min(99.9, Math.floor((rowsRead / expected.rows) * 1000) / 10)
}
