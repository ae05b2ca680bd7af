import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testHubUrl } from '../../../test/hub-url.js'
import type { ExportStartInput } from '../../api/contract/export.js'
import { toErrorBody } from '../../api/error-body.js'
import { openQueryStream } from '../../exec/index.js'
import { ExportJobs } from './export-jobs.js'

/**
 * Figures, not assertions on time: run with `IDW_EXPORT_BENCH=split` (rows: `IDW_EXPORT_BENCH_ROWS`, default
 * 3 000 000). A flights-shaped table (bigint id, timestamp, two bigints, two texts) is generated in the hub; the
 * same query is streamed alone (reference), exported to one Parquet file, and exported as a train/validation/test
 * split by `id` (`IDW_EXPORT_BENCH_KEY`). Prints wall time, rows/s, MB/s and the process's peak RSS.
 */
const ROWS = Number(process.env.IDW_EXPORT_BENCH_ROWS ?? 3_000_000)
const SCHEMA = `export_bench_${process.pid}`
/** `IDW_EXPORT_BENCH_SQL` (say the demo's `SELECT * FROM flights.flights`) replaces the generated table. */
const SQL = process.env.IDW_EXPORT_BENCH_SQL ?? `SELECT * FROM ${SCHEMA}.flights`
const KEY = process.env.IDW_EXPORT_BENCH_KEY ?? 'id'

let pool: pg.Pool
let folder: string | undefined
let jobs: ExportJobs

describe.runIf(process.env.IDW_EXPORT_BENCH === 'split')('export job figures', () => {
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: testHubUrl(), max: 4 })
    folder = await mkdtemp(path.join(tmpdir(), 'idw-export-bench-'))
    jobs = new ExportJobs(pool, folder, (err) => toErrorBody(err, { error: () => undefined }))
    if (process.env.IDW_EXPORT_BENCH_SQL !== undefined) return
    await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`)
    await pool.query(`CREATE TABLE ${SCHEMA}.flights AS
      SELECT g::int8 AS id, timestamp '2001-01-01' + g * interval '37 seconds' AS date, ((g * 7919) % 241 - 60)::int8 AS delay,
        (100 + (g * 31) % 2500)::int8 AS distance, (ARRAY['ATL','ORD','DFW','DEN','LAX'])[1 + g % 5] AS origin,
        (ARRAY['SEA','JFK','BOS','MIA'])[1 + g % 4] AS destination
      FROM generate_series(1::int8, ${ROWS}) AS g`)
    await pool.query(`VACUUM ANALYZE ${SCHEMA}.flights`)
  }, 600_000)

  afterAll(async () => {
    if (folder !== undefined) await rm(folder, { recursive: true, force: true })
    await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`)
    await pool.end()
  })

  it('streams, exports and splits the table', { timeout: 600_000 }, async () => {
    const streamStarted = performance.now()
    const stream = await openQueryStream(pool, SQL, { maxRows: null, timeoutMs: 0 })
    let streamed = 0
    for await (const batch of stream.batches()) streamed += batch.numRows
    await stream.close()
    report('stream only', streamed, 0, performance.now() - streamStarted)

    const runs: [string, Omit<ExportStartInput, 'sql'>][] = [
      ['parquet, one file', { format: 'parquet', fileName: 'one.parquet' }],
      [
        `parquet, split 0.8/0.1/0.1 by ${KEY}`,
        {
          format: 'parquet',
          fileName: 'split.parquet',
          split: { key: KEY, ratios: { train: 0.8, validation: 0.1, test: 0.1 } },
        },
      ],
      [
        `csv, split 0.8/0.1/0.1 by ${KEY}`,
        {
          format: 'csv',
          fileName: 'split.csv',
          split: { key: KEY, ratios: { train: 0.8, validation: 0.1, test: 0.1 } },
        },
      ],
    ]
    for (const [label, input] of runs) {
      const job = await jobs.wait((await jobs.start({ sql: SQL, ...input })).jobId)
      expect(job).toMatchObject({ state: 'done', rows: streamed })
      report(label, job.rows, job.bytes, job.elapsedMs)
    }
  })
})

function report(label: string, rows: number, bytes: number, ms: number): void {
  const seconds = ms / 1000
  const rss = (process.resourceUsage().maxRSS / 1024).toFixed(0)
  process.stdout.write(
    `[export-bench] ${label}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(2)} s, ` +
      `${Math.round(rows / seconds).toLocaleString('en')} rows/s, ${(bytes / 1e6).toFixed(1)} MB ` +
      `(${(bytes / 1e6 / seconds).toFixed(1)} MB/s), peak RSS ${rss} MiB\n`,
  )
}
