import { createHash } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testHubUrl } from '../../../test/hub-url.js'
import { openQueryStream } from '../../exec/index.js'
import { createEveryTypeTable } from '../../exec/testing/every-type-table.js'
import type { DatasetProgress } from '../dataset/dataset-progress.js'
import { resolveFormatSettings, type CsvDelimiter } from '../format-settings.js'
import { openDuckDb, sqlString, type DuckDbReader } from '../testing/duckdb.js'
import { writeExportFile } from '../write-export-file.js'
import { runHubCsvExport } from './run-hub-csv-export.js'

const SCHEMA = `hub_csv_${process.pid}`
const EVERY_TYPE = `SELECT * FROM ${SCHEMA}.every_type ORDER BY id`
/** Values where the two spellings could drift: fractions, BC and far years, zones, quoting, floats, arrays. */
const EDGES = `SELECT * FROM (VALUES
  (1, timestamp '2024-01-02 03:04:05.5', timestamptz '2024-01-02 03:04:05.000001+05:30', time '24:00:00',
   ' lead', 'a,b;c|d', 'say "hi"' || chr(10) || 'bye', 1e-7::float8, 1e21::float8, 3.4028235e38::float4,
   date '0044-03-15 BC', ARRAY[date '2024-02-29', NULL], ARRAY[1.5::float8, 'NaN', '-Infinity'],
   ARRAY[true, NULL], ARRAY['\\x01'::bytea], ARRAY['{"a": 1}'::jsonb], ARRAY['a"b', E'tab\\there']),
  (2, timestamp '0044-03-15 12:00:00 BC', timestamptz '12345-06-07 08:09:10.25+00', time '00:00:00.1',
   'trail ', '', NULL, -0::float8, 'Infinity', 'NaN', date '12345-01-01', ARRAY[]::date[], NULL, NULL, NULL, NULL,
   NULL)) AS t(id, ts, tz, tm, lead, delims, quoted, f8a, f8b, f4, d, ad, af, ab, aby, ajs, atx) ORDER BY id`

let pool: pg.Pool
let folder: string
let duck: DuckDbReader

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: testHubUrl(), max: 4 })
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`)
  await createEveryTypeTable(pool, SCHEMA)
  await pool.query(`CREATE TABLE ${SCHEMA}.many AS SELECT g AS id, md5(g::text) AS t FROM generate_series(1, 300000) g`)
  folder = await mkdtemp(path.join(tmpdir(), 'idw-hub-csv-'))
  duck = await openDuckDb()
})

afterAll(async () => {
  duck.close()
  await rm(folder, { recursive: true, force: true })
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`)
  await pool.end()
})

const statement = (sql: string) => ({
  jobId: 'j',
  sql,
  executedSql: sql,
  parameters: [],
  rename: {},
  cast: {},
  context: {},
})

async function hubExport(
  sql: string,
  fileName: string,
  delimiter: CsvDelimiter = ',',
  signal = new AbortController().signal,
) {
  const progress: DatasetProgress[] = []
  const result = await runHubCsvExport({
    pool,
    folder,
    fileName,
    sql,
    settings: resolveFormatSettings({ format: 'csv', delimiter }),
    statement: statement(sql),
    signal,
    onProgress: (p) => progress.push(p),
  })
  return { result, progress }
}

async function engineExport(sql: string, fileName: string, delimiter: CsvDelimiter = ','): Promise<void> {
  const stream = await openQueryStream(pool, sql, { maxRows: null, timeoutMs: 0 })
  try {
    await writeExportFile(stream.schema, stream.batches(), {
      format: 'csv',
      delimiter,
      path: path.join(folder, fileName),
    })
  } finally {
    await stream.close()
  }
}

/** Every row as text, `""` kept apart from NULL. */
function readBack(fileName: string, delimiter: CsvDelimiter = ',') {
  return duck.rows(`SELECT * FROM read_csv(${sqlString(path.join(folder, fileName))}, header = true, all_varchar = true,
    allow_quoted_nulls = false, delim = ${sqlString(delimiter)}, quote = '"', escape = '"')`)
}

function floatsAsNumbers(row: Record<string, unknown>): Record<string, unknown> {
  return { ...row, f8a: Number(row.f8a), f8b: Number(row.f8b), f4: Number(row.f4) }
}

describe('runHubCsvExport', () => {
  it('writes every type of the every-type table as the engine CSV writer does (read back by DuckDB)', async () => {
    const { result } = await hubExport(EVERY_TYPE, 'hub-every.csv')
    await engineExport(EVERY_TYPE, 'engine-every.csv')
    const hub = await readBack('hub-every.csv')
    expect(hub).toEqual(await readBack('engine-every.csv'))
    expect(hub).toHaveLength(3)
    expect(hub[0]).toMatchObject({
      i8: '9007199254740993',
      f8: '-0.1',
      n38: '-12345678901234567890.123',
      vc: '',
      b: 'true',
      ts: '2024-02-29 12:34:56.123456',
      tstz: '2024-02-29 10:34:56.500000+00:00',
      tm: '13:14:15.000016',
      by: '\\x00ff10',
      ai: '[1,null,-3]',
      atx: '["a",null,""]',
      ats: '["2000-01-01 00:00:00.000000+00:00",null]',
    })
    expect(hub[1]).toMatchObject({ b: null, txt: null, ai: null })
    expect(hub[2]).toMatchObject({ f4: 'NaN', f8: '-Infinity', d: null, ts: null, an: '[1.00,2.00,3.00,4.00]' })
    expect(result?.rows).toBe(3)
  })

  it('spells fractions, BC and far years, zones, floats, arrays and quoting like the engine', async () => {
    for (const delimiter of [',', ';'] as const) {
      await hubExport(EDGES, `hub-edges-${delimiter}.csv`, delimiter)
      await engineExport(EDGES, `engine-edges-${delimiter}.csv`, delimiter)
      const hub = await readBack(`hub-edges-${delimiter}.csv`, delimiter)
      // Floats: PostgreSQL writes `1e-07` where JavaScript writes `1e-7`; both read back to the same double.
      expect(hub.map(floatsAsNumbers)).toEqual(
        (await readBack(`engine-edges-${delimiter}.csv`, delimiter)).map(floatsAsNumbers),
      )
      expect(hub[0]).toMatchObject({ f8a: '1e-07', f8b: '1e+21' })
      expect(hub[0]).toMatchObject({ ts: '2024-01-02 03:04:05.500000', tm: '24:00:00.000000', lead: ' lead' })
      expect(hub[1]).toMatchObject({ ts: '0044-03-15 12:00:00.000000 BC', tz: '12345-06-07 08:09:10.250000+00:00' })
    }
  })

  it('reports rows and bytes, hashes the file as written and publishes it with a manifest', async () => {
    const { result, progress } = await hubExport(`SELECT * FROM ${SCHEMA}.many`, 'many.csv')
    const bytes = await readFile(path.join(folder, 'many.csv'))
    expect(result).toMatchObject({ rows: 300_000, rowsRead: 300_000, bytes: bytes.byteLength })
    expect(result?.files[0]?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(bytes.toString('utf8', 0, 5)).toBe('id,t\n')
    expect(progress.at(-1)).toMatchObject({ phase: 'verifying', rows: 300_000, bytes: bytes.byteLength })
    const manifest = JSON.parse(await readFile(path.join(folder, 'many.manifest.json'), 'utf8')) as { rows: number }
    expect(manifest.rows).toBe(300_000)
  })

  it('stops the COPY in the hub on cancel and leaves no file', async () => {
    const controller = new AbortController()
    const slow = `SELECT g, pg_sleep(0.0002) FROM generate_series(1, 1000000) g`
    const running = hubExport(slow, 'canceled.csv', ',', controller.signal)
    setTimeout(() => controller.abort(), 300)
    await expect(running).rejects.toMatchObject({ code: 'EXPORT_CANCELED' })
    expect((await readdir(folder)).filter((name) => name.includes('canceled'))).toEqual([])
    const busy = await pool.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%pg_sleep(0.0002)%' AND state = 'active' AND pid <> pg_backend_pid()`,
    )
    expect(busy.rows[0]).toEqual({ n: 0 })
  })

  it('answers null for statements the COPY wrap cannot take, so the caller streams them', async () => {
    const { result } = await hubExport('SHOW server_version', 'show.csv')
    expect(result).toBeNull()
  })
})
