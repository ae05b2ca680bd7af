import { rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { exportOverHttp, streamOverHttp } from './http-client.mjs'
import { runInProcess } from './in-process.mjs'
import { machineBusyCpuS } from './process-monitor.mjs'
import { psqlCopyCsv } from './references.mjs'

/**
 * What every measured operation needs.
 * @typedef {{ dataset: import('./run-dataset.mjs').Dataset, tmpDir: string, exportDir: string, hubUrl: string,
 *   psqlEnv: NodeJS.ProcessEnv, host: { baseUrl: string, token: string },
 *   monitor: import('./process-monitor.mjs').ProcessMonitor, cpuProfDir: string | null }} OperationContext
 * @typedef {(name: string, value: number | null | undefined) => void} Record
 */

/** Throws when a tool returned another row count than the dataset holds (a figure on the wrong rows is void). */
function expectRows(what, got, dataset) {
  if (got !== dataset.rows) throw new Error(`${what} on ${dataset.key} returned ${got} rows, expected ${dataset.rows}`)
}

/** Runs `operation`, recording the machine's busy CPU seconds it took under `<name>_machine_cpu_s`. */
async function withMachineCpu(name, record, operation) {
  const before = machineBusyCpuS()
  const result = await operation()
  record(`${name}_machine_cpu_s`, machineBusyCpuS() - before)
  return result
}

/** Runs an HTTP operation, recording the web host's peak RSS (MiB) and CPU seconds during it. */
async function onHost(name, ctx, record, operation) {
  ctx.monitor.reset()
  const cpuBefore = ctx.monitor.cpuS()
  const result = await withMachineCpu(name, record, operation)
  record(`host_rss_mb_${name}`, ctx.monitor.peakMb())
  record(`${name}_engine_cpu_s`, ctx.monitor.cpuS() - cpuBefore)
  return result
}

const rowsPerS = (dataset, ms) => dataset.rows / (ms / 1000)

/**
 * psql `\copy (sql) TO file (FORMAT csv, HEADER)`: the reference of the stream's rows/s and of the exports'
 * time. The CSV stays in `tmpDir` for DuckDB. @returns {Promise<string>} the CSV file
 */
export async function measurePsql(ctx, record) {
  const file = path.join(ctx.tmpDir, `psql-${ctx.dataset.key}.csv`)
  const psql = await withMachineCpu('psql', record, () => psqlCopyCsv(ctx.psqlEnv, ctx.dataset.sql, file))
  expectRows('psql \\copy', psql.rows, ctx.dataset)
  record('psql_csv_ms', psql.ms)
  record('psql_rows_per_s', rowsPerS(ctx.dataset, psql.ms))
  record('psql_csv_bytes', (await stat(file)).size)
  return file
}

/** The Arrow stream as a client sees it: `POST /api/v1/query` read to the last byte. */
export async function measureHttpStream(ctx, record) {
  const http = await onHost('stream', ctx, record, () => streamOverHttp(ctx.host, ctx.dataset.sql))
  expectRows('HTTP stream', http.rows, ctx.dataset)
  record('http_stream_ms', http.ms)
  record('http_stream_rows_per_s', rowsPerS(ctx.dataset, http.ms))
  record('http_stream_bytes', http.bytes)
  record('engine_registry_first_batch_ms', http.firstBatchMs)
}

/** An export job over HTTP (`export/start` → `export/wait`); the file is deleted afterwards. */
export async function measureHttpExport(ctx, record, format) {
  const { dataset } = ctx
  const job = await onHost(format, ctx, record, () =>
    exportOverHttp(ctx.host, dataset.sql, format, `bench-${dataset.key}.${format}`),
  )
  expectRows(`HTTP ${format} export`, job.rows, dataset)
  record(`http_${format}_ms`, job.ms)
  record(`http_${format}_bytes`, job.bytes)
  await rm(path.join(ctx.exportDir, job.fileName), { force: true })
}

/** One in-process engine job in a child process: `stream` (openQueryStream read to the end) or an export. */
export async function measureInProcess(ctx, record, mode) {
  const { dataset } = ctx
  const file = mode === 'stream' ? undefined : path.join(ctx.tmpDir, `engine-${dataset.key}.${mode}`)
  const job = { hubUrl: ctx.hubUrl, sql: dataset.sql, mode, path: file, cpuProfDir: ctx.cpuProfDir }
  const local = await withMachineCpu(`inproc_${mode}`, record, () => runInProcess(job))
  expectRows(`in-process ${mode}`, local.rows, dataset)
  record(`inproc_${mode}_ms`, local.ms)
  record(`inproc_${mode}_cpu_s`, local.cpuS)
  record(`inproc_rss_mb_${mode}`, local.maxRssMb)
  if (mode === 'stream') {
    record('inproc_stream_rows_per_s', rowsPerS(dataset, local.ms))
    record('engine_first_batch_ms', local.firstBatchMs)
  }
  if (file) await rm(file, { force: true })
}

/** DuckDB's Parquet COPY of the rows it loaded from the psql CSV. */
export async function measureDuckDb(ctx, record, duck) {
  expectRows('DuckDB load', duck.rows, ctx.dataset)
  const file = path.join(ctx.tmpDir, `duckdb-${ctx.dataset.key}.parquet`)
  record('duckdb_parquet_ms', await withMachineCpu('duckdb', record, () => duck.parquetMs(file)))
  record('duckdb_parquet_bytes', (await stat(file)).size)
  await rm(file, { force: true })
}

/** Time to the first batch in Chromium, from the answer's first byte (the goal's figure) and from fetch(). */
export async function measureBrowser(ctx, record, browser) {
  const first = await browser.measure(ctx.dataset.sql)
  record('browser_first_batch_ms', first.afterFirstByteMs)
  record('browser_first_batch_from_request_ms', first.firstBatchMs)
  record('browser_first_byte_ms', first.firstByteMs)
}
