import { rm } from 'node:fs/promises'
import {
  measureBrowser,
  measureDuckDb,
  measureHttpExport,
  measureHttpStream,
  measureInProcess,
  measurePsql,
} from './operations.mjs'
import { exportOverHttp } from './http-client.mjs'
import { openDuckDbReference } from './references.mjs'

/**
 * A measured dataset: the statement every tool runs and the rows it must return.
 * @typedef {{ key: '3m' | '10m', label: string, sql: string, rows: number }} Dataset
 */

/**
 * Warms what the first measured run would otherwise pay for: the table in the OS page cache and the hub's
 * postgres_fdw connection (one psql `\copy`), the host's JIT (one stream over HTTP), its CSV and Parquet code
 * paths and WASM module (exports of 100,000 rows), and the browser page. Nothing of it is recorded.
 */
async function warmUp(ctx, browser) {
  const ignore = () => undefined
  await measurePsql(ctx, ignore)
  await measureHttpStream(ctx, ignore)
  for (const format of ['csv', 'parquet']) {
    await exportOverHttp(ctx.host, `${ctx.dataset.sql} LIMIT 100000`, format, `warm-up.${format}`)
    await rm(`${ctx.exportDir}/warm-up.${format}`, { force: true })
  }
  if (browser) await measureBrowser(ctx, ignore, browser)
}

/**
 * Measures one dataset: a warm-up (not recorded), then `runs` runs of, in this order, psql `\copy` to CSV, the
 * Arrow stream over HTTP and in-process, the CSV and Parquet export jobs over HTTP (and in-process with
 * `inProcessExports`), DuckDB's Parquet `COPY` (from the psql CSV, loaded into DuckDB once, not timed) and the
 * browser's first batch.
 * @param {import('./operations.mjs').OperationContext & { runs: number, inProcessExports: boolean,
 *   browser: { measure: Function } | null, log: (msg: string) => void }} ctx
 * @returns {Promise<Record<string, number[]>>} samples per figure name (ms, rows/s, MiB, bytes, CPU s)
 */
export async function runDataset(ctx) {
  const { dataset, runs, browser, log } = ctx
  /** @type {Record<string, number[]>} */
  const samples = {}
  const record = (name, value) => {
    if (value !== null && value !== undefined) (samples[name] ??= []).push(value)
  }
  let duck = null
  let csvFile = null
  try {
    log(`${dataset.key}: warm-up`)
    await warmUp(ctx, browser)
    for (let run = 1; run <= runs; run += 1) {
      log(`${dataset.key}: run ${run}/${runs}`)
      csvFile = await measurePsql(ctx, record)
      await measureHttpStream(ctx, record)
      await measureInProcess(ctx, record, 'stream')
      for (const format of ['csv', 'parquet']) {
        await measureHttpExport(ctx, record, format)
        if (ctx.inProcessExports) await measureInProcess(ctx, record, format)
      }
      if (!duck) {
        duck = await openDuckDbReference(csvFile)
        log(`${dataset.key}: DuckDB loaded ${duck.rows} rows from the psql CSV (${duck.types})`)
      }
      await measureDuckDb(ctx, record, duck)
      if (browser) await measureBrowser(ctx, record, browser)
    }
  } finally {
    duck?.close()
    if (csvFile) await rm(csvFile, { force: true })
  }
  return samples
}
