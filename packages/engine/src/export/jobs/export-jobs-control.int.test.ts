import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testHubUrl } from '../../../test/hub-url.js'
import { toErrorBody } from '../../api/error-body.js'
import { ExportJobs } from './export-jobs.js'

const MARKER = `export_control_${process.pid}`
/**
 * Enough rows to run for minutes, streamed from the first row (a set-returning function in the select list; in
 * FROM it would be materialized first); the marker finds its backend in pg_stat_activity.
 */
const ENDLESS = `SELECT id, md5(id::text) AS ${MARKER} FROM (SELECT generate_series(1, 200000000) AS id) AS s`

let pool: pg.Pool
let folder: string
let jobs: ExportJobs

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: testHubUrl(), max: 6 })
  folder = await mkdtemp(path.join(tmpdir(), 'idw-export-control-'))
  jobs = new ExportJobs(pool, folder, (err) => toErrorBody(err, { error: () => undefined }))
})

afterAll(async () => {
  await jobs.cancelAll()
  await rm(folder, { recursive: true, force: true })
  await pool.end()
})

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function runningBackends(): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE $1 AND state = 'active' AND pid <> pg_backend_pid()",
    [`%${MARKER}%`],
  )
  return rows[0]?.n ?? 0
}

describe('ExportJobs control', () => {
  it('reports progress while running, cancels in the hub, and leaves no file', async () => {
    const job = await jobs.start({
      sql: ENDLESS,
      format: 'parquet',
      fileName: 'endless.parquet',
      split: { key: 'id', ratios: { train: 0.8, validation: 0.1, test: 0.1 } },
      partBytes: 1 << 20,
      rowCount: 'estimate',
    })
    await until(() => (jobs.status(job.jobId).rowsRead ?? 0) > 300_000)
    const running = jobs.status(job.jobId)
    expect(running).toMatchObject({
      state: 'running',
      phase: 'streaming',
      expectedRows: 200_000_000,
      expectedRowsSource: 'estimate',
    })
    expect(running.percent).toBeGreaterThan(0)
    expect(running.percent).toBeLessThan(50)
    expect(running.bytes).toBeGreaterThan(0)

    const canceled = await jobs.cancel(job.jobId)
    expect(canceled).toMatchObject({ state: 'canceled', files: [], manifestFile: null })
    expect(['EXPORT_CANCELED', 'QUERY_CANCELED']).toContain(canceled.error?.code)
    expect(await readdir(folder)).toEqual([])
    let backends = await runningBackends()
    for (let i = 0; i < 50 && backends > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      backends = await runningBackends()
    }
    expect(backends).toBe(0)
    await expect(jobs.download(job.jobId)).rejects.toMatchObject({ code: canceled.error?.code })
  })

  it('fails with the hub error when the query fails midway, leaving no file', async () => {
    const job = await jobs.start({
      sql: 'SELECT g AS id, 1 / (g - 150000) AS x FROM generate_series(1, 200000) AS g',
      format: 'csv',
      fileName: 'broken.csv',
      split: { key: 'id', ratios: { train: 0.5, validation: 0.5, test: 0 } },
    })
    const failed = await jobs.wait(job.jobId)
    expect(failed).toMatchObject({
      state: 'failed',
      error: { code: 'HUB_QUERY_FAILED', message: expect.stringContaining('division by zero') },
    })
    expect(await readdir(folder)).toEqual([])
  })

  it('refuses bad input at start, and fails a job renaming an unknown column', async () => {
    await expect(jobs.start({ sql: 'SELECT 1; SELECT 2', format: 'csv' })).rejects.toMatchObject({ code: 'BAD_INPUT' })
    await expect(jobs.start({ sql: 'SELECT 1 AS a', format: 'csv', cast: { a: 'int; DROP' } })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    })
    const job = await jobs.start({ sql: 'SELECT 1 AS a', format: 'csv', fileName: 'unknown.csv', rename: { b: 'c' } })
    expect(await jobs.wait(job.jobId)).toMatchObject({
      state: 'failed',
      error: { code: 'BAD_INPUT', message: expect.stringContaining('"b"') },
    })
  })

  it('refuses a second running job of the same name', async () => {
    const first = await jobs.start({ sql: ENDLESS, format: 'csv', fileName: 'twice.csv', rowCount: 'none' })
    await expect(jobs.start({ sql: 'SELECT 1', format: 'parquet', fileName: 'twice.parquet' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('"twice" is already running'),
    })
    expect(jobs.status(first.jobId)).toMatchObject({ expectedRows: null, percent: null })
    await jobs.cancel(first.jobId)
  })

  it('downloads one file of a multi-file job by name, the manifest as JSON, and lists the files otherwise', async () => {
    const job = await jobs.start({
      sql: 'SELECT g AS id FROM generate_series(1, 1000) AS g',
      format: 'csv',
      fileName: 'small.csv',
      split: { key: 'id', ratios: { train: 0.5, validation: 0.25, test: 0.25 } },
    })
    await jobs.wait(job.jobId)

    await expect(jobs.download(job.jobId)).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('small.train.csv, small.validation.csv, small.test.csv, small.manifest.json'),
    })
    await expect(jobs.download(job.jobId, '../etc/passwd')).rejects.toMatchObject({ code: 'BAD_INPUT' })
    const train = await jobs.download(job.jobId, 'small.train.csv')
    const chunks: Buffer[] = []
    for await (const chunk of train.body) chunks.push(Buffer.from(chunk))
    expect(Buffer.concat(chunks).equals(await readFile(path.join(folder, 'small.train.csv')))).toBe(true)
    expect(train).toMatchObject({ contentType: 'text/csv; charset=utf-8', fileName: 'small.train.csv' })
    const manifest = await jobs.download(job.jobId, 'small.manifest.json')
    expect(manifest.contentType).toBe('application/json')

    const single = await jobs.wait(
      (await jobs.start({ sql: 'SELECT 1 AS one', format: 'arrow', fileName: 'one.arrow' })).jobId,
    )
    expect(await jobs.download(single.jobId)).toMatchObject({
      fileName: 'one.arrow',
      contentType: 'application/vnd.apache.arrow.file',
    })
  })
})
