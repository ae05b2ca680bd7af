import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testHubUrl } from '../../../test/hub-url.js'
import { ExportManifest, type ExportJob, type ExportStartInput } from '../../api/contract/export.js'
import { toErrorBody } from '../../api/error-body.js'
import { arrowAsParquet, sha256Of } from '../testing/dataset-files.js'
import { openDuckDb, sqlString, type DuckDbReader } from '../testing/duckdb.js'
import { ExportJobs } from './export-jobs.js'

const SCHEMA = `export_jobs_${process.pid}`
const ROWS = 200_000
const FLIGHTS = `SELECT * FROM ${SCHEMA}.flights`
const RATIOS = { train: 0.8, validation: 0.1, test: 0.1 }

let pool: pg.Pool
let folder: string
let jobs: ExportJobs
let duck: DuckDbReader

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: testHubUrl(), max: 6 })
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`)
  await pool.query(`CREATE TABLE ${SCHEMA}.flights AS
    SELECT g AS id, timestamp '2001-01-01' + g * interval '37 seconds' AS departed, (g * 7919 % 241) - 60 AS delay,
      ((g % 100000) / 100.0)::numeric(10,2) AS fare, (ARRAY['ATL','ORD','DFW'])[1 + g % 3] AS origin
    FROM generate_series(1, ${ROWS}) AS g`)
  await pool.query(`ANALYZE ${SCHEMA}.flights`)
  folder = await mkdtemp(path.join(tmpdir(), 'idw-export-jobs-'))
  jobs = new ExportJobs(pool, folder, (err) => toErrorBody(err, { error: () => undefined }))
  duck = await openDuckDb()
})

afterAll(async () => {
  await jobs.cancelAll()
  duck.close()
  await rm(folder, { recursive: true, force: true })
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`)
  await pool.end()
})

async function run(input: ExportStartInput): Promise<ExportJob> {
  const started = await jobs.start(input, { sources: [{ name: 'local', extension: null, version: null }] })
  expect(started).toMatchObject({ state: 'running', phase: 'starting', files: [] })
  return jobs.wait(started.jobId)
}

const file = (name: string) => sqlString(path.join(folder, name))
const stems = async (stem: string) => (await readdir(folder)).filter((name) => name.startsWith(`${stem}.`)).sort()

describe('ExportJobs on a real hub', () => {
  it('exports a split Parquet dataset with renames and casts, verified files and a manifest', async () => {
    const job = await run({
      sql: `${FLIGHTS};`,
      format: 'parquet',
      fileName: 'flights.parquet',
      rename: { id: 'flight_id' },
      cast: { delay: 'float8' },
      split: { key: 'flight_id', ratios: RATIOS },
      rowCount: 'count',
    })

    expect(job).toMatchObject({
      state: 'done',
      phase: 'finished',
      error: null,
      rowsRead: ROWS,
      rows: ROWS,
      expectedRows: ROWS,
      expectedRowsSource: 'count',
      percent: 100,
      manifestFile: 'flights.manifest.json',
    })
    expect(job.files?.map((f) => f.name)).toEqual([
      'flights.train.parquet',
      'flights.validation.parquet',
      'flights.test.parquet',
    ])
    expect(await stems('flights')).toEqual([
      'flights.manifest.json',
      'flights.test.parquet',
      'flights.train.parquet',
      'flights.validation.parquet',
    ])
    const described = await duck.rows(`DESCRIBE SELECT * FROM read_parquet(${file('flights.train.parquet')})`)
    expect(described.map((row) => [row.column_name, row.column_type])).toEqual([
      ['flight_id', 'INTEGER'],
      ['departed', 'TIMESTAMP'],
      ['delay', 'DOUBLE'],
      ['fare', 'DECIMAL(10,2)'],
      ['origin', 'VARCHAR'],
    ])
    const manifest = ExportManifest.parse(
      JSON.parse(await readFile(path.join(folder, 'flights.manifest.json'), 'utf8')),
    )
    expect(manifest.statement.sql).toBe(`${FLIGHTS};`)
    expect(manifest.statement.executedSql).toContain('CAST(q."c3" AS float8) AS "delay"')
    expect(manifest.hub.version).toMatch(/^\d+/)
    expect(manifest.schema.find((field) => field.name === 'delay')).toMatchObject({
      arrowType: 'Float64',
      pgType: 'double precision',
    })
    expect(manifest.columns).toEqual({ rename: { id: 'flight_id' }, cast: { delay: 'float8' } })
    for (const entry of manifest.files) {
      expect(entry.sha256).toBe(await sha256Of(path.join(folder, entry.name)))
      expect(await duck.rows(`SELECT count(*)::INTEGER AS n FROM read_parquet(${file(entry.name)})`)).toEqual([
        { n: entry.rows },
      ])
    }
    const [union] = await duck.rows(
      `SELECT count(DISTINCT flight_id)::INTEGER AS n FROM read_parquet([${manifest.files.map((f) => file(f.name)).join(', ')}])`,
    )
    expect(union).toEqual({ n: ROWS })
  })

  it('splits the same rows the same way in a second job, in another format', async () => {
    const again = await run({
      sql: FLIGHTS,
      format: 'csv',
      fileName: 'again.csv',
      delimiter: '|',
      split: { key: 'id', ratios: RATIOS },
    })
    const parquet = await run({
      sql: FLIGHTS,
      format: 'parquet',
      fileName: 'first.parquet',
      split: { key: 'id', ratios: RATIOS },
    })
    expect(again.expectedRowsSource).toBe('estimate')
    expect(Math.abs((again.expectedRows ?? 0) - ROWS)).toBeLessThan(ROWS * 0.05)
    for (const split of ['train', 'validation', 'test']) {
      const [fromCsv] = await duck.rows(
        `SELECT md5(string_agg(id::VARCHAR, ',' ORDER BY id)) AS h FROM read_csv(${file(`again.${split}.csv`)}, delim = '|', header = true)`,
      )
      const [fromParquet] = await duck.rows(
        `SELECT md5(string_agg(id::VARCHAR, ',' ORDER BY id)) AS h FROM read_parquet(${file(`first.${split}.parquet`)})`,
      )
      expect(fromCsv).toEqual(fromParquet)
    }
    expect(parquet.files?.map((f) => f.rows).reduce((a, b) => a + b)).toBe(ROWS)
  })

  it('samples reproducibly in JSON Lines and Arrow parts', async () => {
    const sample = { rows: 10_000, seed: 5, key: 'id' }
    const jsonl = await run({
      sql: FLIGHTS,
      format: 'jsonl',
      fileName: 'sample-j.jsonl',
      sample,
      partBytes: 256 * 1024,
    })
    const arrow = await run({ sql: FLIGHTS, format: 'arrow', fileName: 'sample-a.arrow', sample })
    expect(jsonl.rows).toBe(10_000)
    expect(jsonl.files!.length).toBeGreaterThan(1)
    expect(jsonl.files!.every((f) => f.bytes <= 256 * 1024)).toBe(true)
    expect(arrow.files).toMatchObject([{ name: 'sample-a.arrow', rows: 10_000 }])
    const [ids] = await duck.rows(
      `SELECT count(*)::INTEGER AS n, md5(string_agg(id::VARCHAR, ',' ORDER BY id)) AS h
       FROM read_json([${jsonl.files!.map((f) => file(f.name)).join(', ')}], format = 'newline_delimited')`,
    )
    expect(ids).toMatchObject({ n: 10_000 })
    const fromArrow = sqlString(await arrowAsParquet(path.join(folder, 'sample-a.arrow')))
    const [arrowIds] = await duck.rows(
      `SELECT count(*)::INTEGER AS n, md5(string_agg(id::VARCHAR, ',' ORDER BY id)) AS h FROM read_parquet(${fromArrow})`,
    )
    expect(arrowIds).toEqual(ids)
    await run({ sql: FLIGHTS, format: 'csv', fileName: 'sample-c.csv', sample })
    const [idsAgain] = await duck.rows(
      `SELECT count(*)::INTEGER AS n, md5(string_agg(id::VARCHAR, ',' ORDER BY id)) AS h FROM read_csv(${file('sample-c.csv')})`,
    )
    expect(idsAgain).toEqual(ids)
  })
})
