import type pg from 'pg'
import { openQueryStream } from '../../exec/index.js'

/** Where `percent` gets its total from; see `ExportStartInput.rowCount`. */
export type RowCountMode = 'estimate' | 'count' | 'none'

/** A row count and how it was learnt. */
export interface ExpectedRows {
  rows: number
  source: 'estimate' | 'count'
}

/** Statement timeout of the planner estimate, in ms: planning only, so it should be quick. */
const ESTIMATE_TIMEOUT_MS = 10_000

/**
 * Learns how many rows `statement` (one statement, no trailing `;`) will return, through the exec room, in a
 * READ ONLY transaction of its own:
 * - `estimate`: `EXPLAIN (FORMAT JSON)`, the top plan node's `Plan Rows`. Plans only, reads no row; as good as
 *   the statistics (a foreign table never analyzed may say 1000 for a million rows).
 * - `count`: `SELECT count(*) FROM (<statement>) q`, exact; postgres_fdw pushes the count to the source for
 *   plain tables, otherwise the query runs a second time. No timeout; `signal` stops it.
 * Answers null for `none`, and when the hub refuses or `signal` aborts: a row count only feeds the progress bar.
 */
export async function learnExpectedRows(
  pool: pg.Pool,
  statement: string,
  mode: RowCountMode,
  signal: AbortSignal,
): Promise<ExpectedRows | null> {
  if (mode === 'none') return null
  try {
    if (mode === 'estimate') {
      const text = await firstValue(pool, `EXPLAIN (FORMAT JSON) ${statement}\n`, signal, ESTIMATE_TIMEOUT_MS)
      const plan = (JSON.parse(String(text)) as { Plan?: { 'Plan Rows'?: unknown } }[])[0]?.Plan?.['Plan Rows']
      return typeof plan === 'number' && Number.isFinite(plan) ? { rows: Math.round(plan), source: 'estimate' } : null
    }
    const count = await firstValue(pool, `SELECT count(*) AS n FROM (${statement}\n) AS q`, signal, 0)
    return count === null ? null : { rows: Number(count), source: 'count' }
  } catch {
    return null
  }
}

/** The first column of the first row of a one-row statement (text for EXPLAIN, bigint for count). */
async function firstValue(pool: pg.Pool, sql: string, signal: AbortSignal, timeoutMs: number): Promise<unknown> {
  const stream = await openQueryStream(pool, sql, { signal, maxRows: 1, timeoutMs })
  try {
    for await (const batch of stream.batches()) {
      if (batch.numRows > 0) return (batch.getChildAt(0)?.get(0) as unknown) ?? null
    }
    return null
  } finally {
    await stream.close()
  }
}
