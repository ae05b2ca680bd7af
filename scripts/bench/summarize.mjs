/** Goals of issue 5. Ratios are engine / reference. */
export const GOALS = {
  csvRatio: 1.1,
  parquetRatio: 1.5,
  streamRatio: 0.7,
  firstBatchMs: 300,
  peakRssMb: 400,
  /** "The same for 3M and 10M": the 10M peak at most this much above the 3M peak (fraction). */
  rssGrowth: 0.1,
}

/** Median of `values` (mean of the middle two for an even count); null for none. */
export function median(values) {
  if (!values || values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

const ratio = (a, b) => (a === null || b === null ? null : a / b)
const maxOf = (...values) => {
  const known = values.filter((v) => v !== null)
  return known.length ? Math.max(...known) : null
}

/**
 * Medians and ratios of one dataset's samples.
 * @param {Record<string, number[]>} samples from `runDataset`
 */
export function summarizeDataset(samples) {
  const m = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]))
  const get = (name) => m[name] ?? null
  return {
    medians: m,
    stream_rows_ratio: ratio(get('http_stream_rows_per_s'), get('psql_rows_per_s')),
    stream_rows_ratio_inproc: ratio(get('inproc_stream_rows_per_s'), get('psql_rows_per_s')),
    csv_export_ratio: ratio(get('http_csv_ms'), get('psql_csv_ms')),
    csv_export_ratio_inproc: ratio(get('inproc_csv_ms'), get('psql_csv_ms')),
    parquet_export_ratio: ratio(get('http_parquet_ms'), get('psql_csv_ms')),
    parquet_export_ratio_inproc: ratio(get('inproc_parquet_ms'), get('psql_csv_ms')),
    parquet_vs_duckdb_ratio: ratio(get('http_parquet_ms'), get('duckdb_parquet_ms')),
    first_batch_ms: get('browser_first_batch_ms'),
    // Peaks are the largest sample, not the median: memory must fit every run.
    peak_rss_mb: maxOf(...['stream', 'csv', 'parquet'].flatMap((op) => samples[`host_rss_mb_${op}`] ?? [])),
    peak_rss_mb_inproc: maxOf(...['stream', 'csv', 'parquet'].flatMap((op) => samples[`inproc_rss_mb_${op}`] ?? [])),
  }
}

/**
 * The headline figures over all datasets (worst case of each: highest export ratio and first batch, lowest
 * stream ratio) and the goal verdicts.
 * @param {Record<string, ReturnType<typeof summarizeDataset>>} byDataset
 */
export function summarizeRun(byDataset) {
  const all = Object.values(byDataset)
  const pick = (name) => all.map((d) => d[name]).filter((v) => v !== null && v !== undefined)
  const worstHigh = (name) => (pick(name).length ? Math.max(...pick(name)) : null)
  const worstLow = (name) => (pick(name).length ? Math.min(...pick(name)) : null)
  const headline = {
    csv_export_ratio: worstHigh('csv_export_ratio'),
    parquet_export_ratio: worstHigh('parquet_export_ratio'),
    stream_rows_ratio: worstLow('stream_rows_ratio'),
    first_batch_ms: worstHigh('first_batch_ms'),
    peak_rss_mb_3m: byDataset['3m']?.peak_rss_mb ?? null,
    peak_rss_mb_10m: byDataset['10m']?.peak_rss_mb ?? null,
  }
  const verdict = (ok) => (ok === null ? 'n/a' : ok ? 'PASS' : 'MISS')
  const known = (v) => v !== null && v !== undefined
  const { peak_rss_mb_3m: rss3, peak_rss_mb_10m: rss10 } = headline
  const verdicts = {
    csv_export: verdict(known(headline.csv_export_ratio) ? headline.csv_export_ratio <= GOALS.csvRatio : null),
    parquet_export: verdict(
      known(headline.parquet_export_ratio) ? headline.parquet_export_ratio <= GOALS.parquetRatio : null,
    ),
    stream_rows: verdict(known(headline.stream_rows_ratio) ? headline.stream_rows_ratio >= GOALS.streamRatio : null),
    first_batch: verdict(known(headline.first_batch_ms) ? headline.first_batch_ms <= GOALS.firstBatchMs : null),
    peak_rss: verdict(known(rss3) || known(rss10) ? maxOf(rss3, rss10) <= GOALS.peakRssMb : null),
    rss_flat: verdict(known(rss3) && known(rss10) ? rss10 <= rss3 * (1 + GOALS.rssGrowth) : null),
  }
  return { headline, verdicts }
}
