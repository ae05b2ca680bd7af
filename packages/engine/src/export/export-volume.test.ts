import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeExportFile, type ExportProgress } from './index.js'
import { openDuckDb, sqlString, type DuckDbReader } from './testing/duckdb.js'
import { FLIGHTS_SCHEMA, flightDelay, flights } from './testing/flights-batches.js'

const ROWS = 1_000_000
const BATCH_ROWS = ROWS / 16
let expectedDelaySum = 0
for (let row = 0; row < ROWS; row++) expectedDelaySum += flightDelay(row)

let folder: string
let duck: DuckDbReader

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'idw-volume-'))
  duck = await openDuckDb()
})

afterAll(async () => {
  duck.close()
  await rm(folder, { recursive: true, force: true })
})

describe('exports of 1 000 000 rows in 16 batches', () => {
  it('CSV: every row once, in order, bytes growing while rows are written', { timeout: 60_000 }, async () => {
    const file = path.join(folder, 'flights.csv')
    const reports: ExportProgress[] = []
    const result = await writeExportFile(FLIGHTS_SCHEMA, flights(ROWS, BATCH_ROWS), {
      format: 'csv',
      path: file,
      onProgress: (progress) => reports.push(progress),
    })

    expect(result.rows).toBe(ROWS)
    expect(result.bytes).toBe((await stat(file)).size)
    const [summary] = await duck.rows(
      `SELECT count(*)::INTEGER AS n, sum(delay)::BIGINT::VARCHAR AS delay, min(date)::VARCHAR AS first,
         max(date)::VARCHAR AS last
       FROM read_csv(${sqlString(file)}, header = true,
         columns = {'date': 'TIMESTAMP', 'delay': 'BIGINT', 'distance': 'BIGINT', 'origin': 'VARCHAR', 'destination': 'VARCHAR'})`,
    )
    expect(summary).toEqual({
      n: ROWS,
      delay: String(expectedDelaySum),
      first: '2001-01-01 00:00:00',
      last: new Date(Date.UTC(2001, 0, 1) + (ROWS - 1) * 37_000).toISOString().replace('T', ' ').slice(0, 19),
    })
    expect(reports.some((report) => report.bytes > 0 && report.bytes < result.bytes && report.rows < ROWS)).toBe(true)
  })

  it.each([
    { rowGroupRows: undefined, groups: Math.ceil(ROWS / 122_880) },
    { rowGroupRows: 100_000, groups: 10 },
  ])(
    'Parquet: every row once, row groups of $rowGroupRows rows',
    { timeout: 60_000 },
    async ({ rowGroupRows, groups }) => {
      const file = path.join(folder, `flights-${rowGroupRows ?? 'default'}.parquet`)
      const result = await writeExportFile(FLIGHTS_SCHEMA, flights(ROWS, BATCH_ROWS), {
        format: 'parquet',
        path: file,
        rowGroupRows,
      })

      expect(result.rows).toBe(ROWS)
      expect(result.bytes).toBe((await stat(file)).size)
      const [summary] = await duck.rows(
        `SELECT count(*)::INTEGER AS n, sum(delay)::BIGINT::VARCHAR AS delay FROM read_parquet(${sqlString(file)})`,
      )
      expect(summary).toEqual({ n: ROWS, delay: String(expectedDelaySum) })
      const rowGroups = await duck.rows(
        `SELECT DISTINCT row_group_id, row_group_num_rows::INTEGER AS rows FROM parquet_metadata(${sqlString(file)})
       ORDER BY row_group_id`,
      )
      expect(rowGroups).toHaveLength(groups)
      const size = rowGroupRows ?? 122_880
      expect(rowGroups.map((group) => group.rows)).toEqual(
        Array.from({ length: groups }, (_, i) => Math.min(size, ROWS - i * size)),
      )
    },
  )
})
