import { GOALS } from './summarize.mjs'

const fmt = {
  rate: (v) => `${(v / 1e6).toFixed(2)} M rows/s`,
  s: (v) => `${(v / 1000).toFixed(2)} s`,
  cpu: (v) => `${v.toFixed(1)} CPU s`,
  ms: (v) => `${Math.round(v)} ms`,
  mb: (v) => `${Math.round(v)} MiB`,
  bytes: (v) => `${(v / 1024 / 1024).toFixed(0)} MiB`,
  x: (v) => `${v.toFixed(2)}×`,
}
const show = (value, kind) => (value === null || value === undefined ? 'n/a' : fmt[kind](value))

/**
 * The table's lines: [label, source, kind, goal?]. `source` names a median (`m:<figure>`) or a dataset summary
 * field (`s:<field>`); `goal` ((value) => boolean) adds PASS/MISS; a plain string is a section title.
 */
const LINES = [
  'Arrow stream (rows/s)',
  ['psql \\copy … TO file (FORMAT csv) [reference]', 'm:psql_rows_per_s', 'rate'],
  ['engine, POST /api/v1/query as a client sees it', 'm:http_stream_rows_per_s', 'rate'],
  ['engine, openQueryStream in-process', 'm:inproc_stream_rows_per_s', 'rate'],
  [`ratio HTTP / psql (goal ≥ ${GOALS.streamRatio})`, 's:stream_rows_ratio', 'x', (v) => v >= GOALS.streamRatio],
  ['ratio in-process / psql', 's:stream_rows_ratio_inproc', 'x'],
  ['Arrow IPC bytes over HTTP', 'm:http_stream_bytes', 'bytes'],
  'CSV export (wall time)',
  ['psql \\copy (FORMAT csv, HEADER) [reference]', 'm:psql_csv_ms', 's'],
  ['engine export job, HTTP export/start → wait', 'm:http_csv_ms', 's'],
  ['engine writeExportFile in-process', 'm:inproc_csv_ms', 's'],
  [`ratio HTTP / psql (goal ≤ ${GOALS.csvRatio})`, 's:csv_export_ratio', 'x', (v) => v <= GOALS.csvRatio],
  ['ratio in-process / psql', 's:csv_export_ratio_inproc', 'x'],
  ['file size: engine', 'm:http_csv_bytes', 'bytes'],
  ['file size: psql', 'm:psql_csv_bytes', 'bytes'],
  'Parquet export (wall time, zstd)',
  ['DuckDB COPY … (FORMAT parquet) from memory [reference]', 'm:duckdb_parquet_ms', 's'],
  ['engine export job, HTTP export/start → wait', 'm:http_parquet_ms', 's'],
  ['engine writeExportFile in-process', 'm:inproc_parquet_ms', 's'],
  [
    `ratio HTTP / psql CSV (goal ≤ ${GOALS.parquetRatio})`,
    's:parquet_export_ratio',
    'x',
    (v) => v <= GOALS.parquetRatio,
  ],
  ['ratio in-process / psql CSV', 's:parquet_export_ratio_inproc', 'x'],
  ['ratio HTTP / DuckDB', 's:parquet_vs_duckdb_ratio', 'x'],
  ['file size: engine', 'm:http_parquet_bytes', 'bytes'],
  ['file size: DuckDB', 'm:duckdb_parquet_bytes', 'bytes'],
  'Time to first batch',
  [
    `browser: first byte → first batch (goal ≤ ${GOALS.firstBatchMs} ms)`,
    's:first_batch_ms',
    'ms',
    (v) => v <= GOALS.firstBatchMs,
  ],
  ['browser: fetch() → first batch decoded', 'm:browser_first_batch_from_request_ms', 'ms'],
  ['browser: fetch() → first byte', 'm:browser_first_byte_ms', 'ms'],
  ['engine: openQueryStream → first batch (in-process)', 'm:engine_first_batch_ms', 'ms'],
  ['engine: query registry firstBatchMs (HTTP; = schema sent)', 'm:engine_registry_first_batch_ms', 'ms'],
  'Peak RSS of the engine (MiB)',
  [`web host, largest of all runs (goal ≤ ${GOALS.peakRssMb})`, 's:peak_rss_mb', 'mb', (v) => v <= GOALS.peakRssMb],
  ['web host: idle after start', 'm:host_idle_rss_mb', 'mb'],
  ['web host: Arrow stream over HTTP', 'm:host_rss_mb_stream', 'mb'],
  ['web host: CSV export job', 'm:host_rss_mb_csv', 'mb'],
  ['web host: Parquet export job', 'm:host_rss_mb_parquet', 'mb'],
  ['in-process child, largest of all runs', 's:peak_rss_mb_inproc', 'mb'],
  'CPU seconds per run (machine: every process, hub included)',
  ['machine: psql \\copy', 'm:psql_machine_cpu_s', 'cpu'],
  ['machine: Arrow stream over HTTP', 'm:stream_machine_cpu_s', 'cpu'],
  ['machine: CSV export job', 'm:csv_machine_cpu_s', 'cpu'],
  ['machine: Parquet export job', 'm:parquet_machine_cpu_s', 'cpu'],
  ['engine (web host): Arrow stream over HTTP', 'm:stream_engine_cpu_s', 'cpu'],
  ['engine (web host): CSV export job', 'm:csv_engine_cpu_s', 'cpu'],
  ['engine (web host): Parquet export job', 'm:parquet_engine_cpu_s', 'cpu'],
  ['engine (in-process child): stream', 'm:inproc_stream_cpu_s', 'cpu'],
]

/** One dataset's cell of a line: its value, printed by `kind`, with PASS/MISS when the line has a goal. */
function cell(summary, source, kind, goal) {
  const [where, name] = source.split(':')
  const value = where === 'm' ? summary?.medians[name] : summary?.[name]
  if (value === null || value === undefined) return 'n/a'
  return `${fmt[kind](value)}${goal ? (goal(value) ? ' PASS' : ' MISS') : ''}`
}

/**
 * The readable report: per dataset medians, ratios with verdicts, peaks and CPU (lines with no figure, such as
 * in-process exports without `--in-process-exports`, are left out), then the headline verdicts.
 * `busy`: the machine's load average was above 1 before measuring (the report says so).
 * @param {{ machine: Record<string, string>, busy: boolean, runs: number, datasets: { key: string, label: string }[],
 *   byDataset: Record<string, any>, headline: any, verdicts: any }} report
 * @returns {string}
 */
export function formatReport({ machine, busy, runs, datasets, byDataset, headline, verdicts }) {
  const width = Math.max(...LINES.filter((l) => typeof l !== 'string').map((l) => l[0].length)) + 2
  const out = [
    `Instant Data Workbench bench: median of ${runs} run(s) after a warm-up`,
    `machine: ${Object.entries(machine)
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}`,
    ...(busy
      ? ['warning: the machine was busy before measuring (load average > 1): other work skews the figures']
      : []),
    '',
    `  ${''.padEnd(width)}${datasets.map((d) => d.label.padEnd(22)).join('')}`,
  ]
  for (const line of LINES) {
    if (typeof line === 'string') {
      out.push(line)
      continue
    }
    const [label, source, kind, goal] = line
    const cells = datasets.map((d) => cell(byDataset[d.key], source, kind, goal).padEnd(22))
    if (cells.every((c) => c.trim() === 'n/a')) continue
    out.push(`  ${label.padEnd(width)}${cells.join('')}`.trimEnd())
  }
  out.push(
    '',
    'Goals (worst case over the datasets)',
    ...[
      [`CSV export ≤ ${GOALS.csvRatio}× psql \\copy`, verdicts.csv_export, show(headline.csv_export_ratio, 'x')],
      [
        `Parquet export ≤ ${GOALS.parquetRatio}× psql \\copy`,
        verdicts.parquet_export,
        show(headline.parquet_export_ratio, 'x'),
      ],
      [`Arrow stream ≥ ${GOALS.streamRatio}× psql rows/s`, verdicts.stream_rows, show(headline.stream_rows_ratio, 'x')],
      [
        `first batch ≤ ${GOALS.firstBatchMs} ms in the browser`,
        verdicts.first_batch,
        show(headline.first_batch_ms, 'ms'),
      ],
      [
        `peak RSS ≤ ${GOALS.peakRssMb} MiB`,
        verdicts.peak_rss,
        `3M ${show(headline.peak_rss_mb_3m, 'mb')}, 10M ${show(headline.peak_rss_mb_10m, 'mb')}`,
      ],
      [`same peak for 3M and 10M (≤ +${GOALS.rssGrowth * 100} %)`, verdicts.rss_flat, ''],
    ].map(([goal, verdict, figure]) => `  ${goal.padEnd(40)}${verdict}${figure ? ` (${figure})` : ''}`),
  )
  return out.join('\n')
}
