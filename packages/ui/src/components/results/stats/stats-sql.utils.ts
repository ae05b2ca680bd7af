import { DataType } from 'apache-arrow'
import type { BinLayout } from './histogram.utils'

/** How statistics treat a column: numbers and times get a histogram, everything else its most common values. */
export type StatsKind = 'numeric' | 'temporal' | 'categorical'

/** Share of values left out on each side when a histogram plots the central range. */
const TAIL_QUANTILE = 0.005

/** The name the analysed column gets inside DuckDB, in a one-column table. */
export const STATS_TABLE = 'idw_column_stats'

/** The stats kind of an Arrow type: integers, floats, decimals are numeric; dates, timestamps temporal. */
export function statsKind(type: DataType): StatsKind {
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) return 'numeric'
  if (DataType.isDate(type) || DataType.isTimestamp(type)) return 'temporal'
  return 'categorical'
}

/** The SQL expression turning column `v` into the number binned: itself, or ms since the epoch for times. */
function binnedExpression(kind: StatsKind): string {
  return kind === 'temporal' ? 'epoch_ms(v::TIMESTAMP)::DOUBLE' : 'v::DOUBLE'
}

/**
 * One-row summary of column `v`: `row_count`, `non_null`, `distinct_values`, `min_text`, `max_text`, and for
 * numeric and temporal columns `lo`/`hi` (the binned range) and, for numeric ones, `mean`, `median` and the
 * central range's quantiles `q_low`/`q_high`.
 */
export function summarySql(kind: StatsKind): string {
  const parts = [
    'count(*)::BIGINT AS row_count',
    'count(v)::BIGINT AS non_null',
    'count(DISTINCT v)::BIGINT AS distinct_values',
    'min(v)::VARCHAR AS min_text',
    'max(v)::VARCHAR AS max_text',
  ]
  if (kind !== 'categorical') {
    const x = binnedExpression(kind)
    parts.push(`min(${x}) AS lo`, `max(${x}) AS hi`)
  }
  if (kind === 'numeric') {
    parts.push('avg(v::DOUBLE) AS mean', 'median(v::DOUBLE) AS median')
    parts.push(
      `quantile_cont(v::DOUBLE, ${TAIL_QUANTILE}) AS q_low`,
      `quantile_cont(v::DOUBLE, ${1 - TAIL_QUANTILE}) AS q_high`,
    )
  }
  return `SELECT ${parts.join(', ')} FROM ${STATS_TABLE}`
}

/**
 * Rows per bin of `layout` over the non-NULL values: `{ bin, n }`, empty bins absent. Values before the first
 * bin count in bin -1 and past the last in bin `layout.count` (the tails of a clipped plot).
 */
export function histogramSql(kind: StatsKind, layout: BinLayout): string {
  const x = binnedExpression(kind)
  const start = sqlNumber(layout.start)
  const end = sqlNumber(layout.start + layout.width * layout.count)
  const bin =
    `CASE WHEN ${x} < ${start} THEN -1 WHEN ${x} > ${end} THEN ${layout.count} ` +
    `ELSE least(floor((${x} - ${start}) / ${sqlNumber(layout.width)}), ${Math.max(0, layout.count - 1)}) END::INTEGER`
  return `SELECT ${bin} AS bin, count(*)::BIGINT AS n FROM ${STATS_TABLE} WHERE v IS NOT NULL GROUP BY 1 ORDER BY 1`
}

/** The `limit` most common non-NULL values as text with their counts, most common first. */
export function topValuesSql(limit: number): string {
  return (
    `SELECT v::VARCHAR AS value, count(*)::BIGINT AS n FROM ${STATS_TABLE} WHERE v IS NOT NULL ` +
    `GROUP BY v ORDER BY n DESC, value LIMIT ${Math.max(1, Math.trunc(limit))}`
  )
}

/** A finite number as a SQL literal (DuckDB reads `1e-7` and `-12.5`). */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`)
  return String(value)
}
