import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm'
import { DataType, Table, Vector, tableToIPC } from 'apache-arrow'
import type { RecordBatch, Schema } from 'apache-arrow'
import { loadDuckDb } from './duckdb-instance'
import { binLayout, plotRange, tallyBins } from './histogram.utils'
import type { BinLayout, BinTally } from './histogram.utils'
import { STATS_TABLE, histogramSql, statsKind, summarySql, topValuesSql } from './stats-sql.utils'
import type { StatsKind } from './stats-sql.utils'

/** Most bins of a histogram. */
const MAX_BINS = 24
/** Most common values listed for a column without a histogram. */
const TOP_VALUES = 8

/** Statistics of one result column over the loaded rows, as DuckDB-Wasm computed them. */
export interface ColumnStats {
  kind: StatsKind
  /** Rows analysed (the rows loaded when the stats were computed). */
  rows: number
  nulls: number
  distinct: number
  /** Smallest and largest value as DuckDB prints them; null when every value is NULL. */
  min: string | null
  max: string | null
  /** Numeric columns only. */
  mean: number | null
  median: number | null
  /**
   * Equal-width bins (numbers; times as ms since the epoch) with their row counts; for long-tailed numbers
   * the bins cover the central 99 % and `below`/`above` count the rest.
   */
  histogram: ({ layout: BinLayout } & BinTally) | null
  /** The most common values (categorical columns). */
  topValues: { value: string; count: number }[]
  /** Time to load the column into DuckDB and query it. ms. */
  elapsedMs: number
}

/**
 * Computes statistics of column `column` over the loaded `batches` with DuckDB-Wasm (loaded on first use):
 * the column alone is written as an Arrow IPC stream and inserted with `insertArrowFromIPCStream` (one copy
 * of that column inside DuckDB, replaced by the next call), then summarised: nulls, distinct values,
 * min/max, mean/median, and a histogram or the most common values.
 * @throws Error from DuckDB (an unsupported type, out of memory) with its message.
 */
export async function computeColumnStats(
  batches: readonly RecordBatch[],
  schema: Schema,
  column: number,
): Promise<ColumnStats> {
  const started = performance.now()
  const field = schema.fields[column]
  if (field === undefined) throw new Error(`the result has no column ${column + 1}`)
  const db = await loadDuckDb()
  const connection = await db.connect()
  try {
    const chunks = batches.flatMap((batch) => batch.getChildAt(column)?.data ?? [])
    const table = new Table({ v: new Vector(chunks) })
    await connection.query(`DROP TABLE IF EXISTS ${STATS_TABLE}`)
    await connection.insertArrowFromIPCStream(tableToIPC(table, 'stream'), { name: STATS_TABLE, create: true })
    const kind = statsKind(field.type)
    const summary = await firstRow(connection, summarySql(kind))
    const nonNull = Number(summary.non_null ?? 0)
    const stats: ColumnStats = {
      kind,
      rows: Number(summary.row_count ?? 0),
      nulls: Number(summary.row_count ?? 0) - nonNull,
      distinct: Number(summary.distinct_values ?? 0),
      min: textOrNull(summary.min_text),
      max: textOrNull(summary.max_text),
      mean: numberOrNull(summary.mean),
      median: numberOrNull(summary.median),
      histogram: null,
      topValues: [],
      elapsedMs: 0,
    }
    const lo = numberOrNull(summary.lo)
    const hi = numberOrNull(summary.hi)
    if (kind !== 'categorical' && lo !== null && hi !== null && nonNull > 0) {
      const integer = kind === 'temporal' || DataType.isInt(field.type)
      const range =
        kind === 'numeric'
          ? plotRange(lo, hi, numberOrNull(summary.q_low), numberOrNull(summary.q_high))
          : { from: lo, to: hi }
      const layout = binLayout(range.from, range.to, MAX_BINS, integer, kind === 'numeric')
      const rows = await allRows(connection, histogramSql(kind, layout))
      const tally = tallyBins(
        rows.map((row) => ({ bin: Number(row.bin), count: Number(row.n) })),
        layout.count,
      )
      stats.histogram = { layout, ...tally }
    } else if (nonNull > 0) {
      const rows = await allRows(connection, topValuesSql(TOP_VALUES))
      stats.topValues = rows.map((row) => ({ value: String(row.value), count: Number(row.n) }))
    }
    stats.elapsedMs = performance.now() - started
    return stats
  } finally {
    await connection.close()
  }
}

type Row = Record<string, unknown>

async function allRows(connection: AsyncDuckDBConnection, sql: string): Promise<Row[]> {
  const result = await connection.query(sql)
  return result.toArray().map((row: { toJSON(): Row }) => row.toJSON())
}

async function firstRow(connection: AsyncDuckDBConnection, sql: string): Promise<Row> {
  return (await allRows(connection, sql))[0] ?? {}
}

function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null
  const number = Number(value)
  return Number.isFinite(number) ? number : null
}

function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value)
}
