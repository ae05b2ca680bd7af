import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExportFile } from '../../api/contract/export.js'
import { STATEMENT, flightsFrom } from '../testing/dataset-files.js'
import { openDuckDb, type DuckDbReader } from '../testing/duckdb.js'
import { FLIGHTS_SCHEMA, flights } from '../testing/flights-batches.js'
import type { SplitSpec } from './dataset-options.js'
import { runDatasetExport } from './run-dataset-export.js'

const ROWS = 200_000
const RATIOS = { train: 0.8, validation: 0.1, test: 0.1 }

let folder: string
let duck: DuckDbReader

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'idw-dataset-split-'))
  duck = await openDuckDb()
})

afterAll(async () => {
  duck.close()
  await rm(folder, { recursive: true, force: true })
})

async function exportSplit(fileName: string, split: SplitSpec, batchRows: number, rows = ROWS) {
  return runDatasetExport(FLIGHTS_SCHEMA, flights(rows, batchRows), {
    format: 'parquet',
    folder,
    fileName,
    split,
    statement: STATEMENT,
  })
}

/** Row count and a digest of the sorted departure times of some files. */
async function fingerprint(files: readonly ExportFile[]): Promise<{ n: number; digest: string }> {
  const from = await flightsFrom(
    'parquet',
    files.map((file) => path.join(folder, file.name)),
  )
  const [row] = await duck.rows(
    `SELECT count(*)::INTEGER AS n, coalesce(md5(string_agg(epoch_us(date)::VARCHAR, ',' ORDER BY date)), '') AS digest FROM ${from}`,
  )
  return row as { n: number; digest: string }
}

const ofSplit = (files: readonly ExportFile[], split: string) => files.filter((file) => file.split === split)

describe('runDatasetExport with a split', () => {
  it('puts the same rows in each split on every run, whatever the batch size', async () => {
    const first = await exportSplit('run1.parquet', { key: 'date', seed: 0, ratios: RATIOS }, 4096)
    const second = await exportSplit('run2.parquet', { key: 'date', seed: 0, ratios: RATIOS }, 65_536)

    expect(first.files.map((file) => file.name)).toEqual([
      'run1.train.parquet',
      'run1.validation.parquet',
      'run1.test.parquet',
    ])
    for (const split of ['train', 'validation', 'test']) {
      expect(await fingerprint(ofSplit(second.files, split))).toEqual(await fingerprint(ofSplit(first.files, split)))
    }
  })

  it('is disjoint and complete, with shares within 0.5 % of the ratios', async () => {
    const { files } = await exportSplit('whole.parquet', { key: 'date', seed: 0, ratios: RATIOS }, 16_384)
    const from = await flightsFrom(
      'parquet',
      files.map((file) => path.join(folder, file.name)),
    )
    const [union] = await duck.rows(
      `SELECT count(*)::INTEGER AS n, count(DISTINCT date)::INTEGER AS distinct_dates FROM ${from}`,
    )
    expect(union).toEqual({ n: ROWS, distinct_dates: ROWS })
    for (const split of ['train', 'validation', 'test'] as const) {
      const share = (ofSplit(files, split)[0]?.rows ?? 0) / ROWS
      expect(Math.abs(share - RATIOS[split])).toBeLessThan(0.005)
    }
  })

  it('routes each row by the documented hash of its key', async () => {
    // From the C reference: u("split:2001-01-01 00:00:00.000000") = 0.0248, "…00:00:37…" = 0.6495, "…00:01:14…" = 0.4133.
    const { files } = await exportSplit(
      'formula.parquet',
      { key: 'date', seed: 0, ratios: { train: 0.3, validation: 0.3, test: 0.4 } },
      2,
      3,
    )
    const rows = async (split: string) =>
      duck.rows(
        `SELECT date::VARCHAR AS date FROM ${await flightsFrom(
          'parquet',
          ofSplit(files, split).map((f) => path.join(folder, f.name)),
        )}`,
      )
    expect(await rows('train')).toEqual([{ date: '2001-01-01 00:00:00' }])
    expect(await rows('validation')).toEqual([{ date: '2001-01-01 00:01:14' }])
    expect(await rows('test')).toEqual([{ date: '2001-01-01 00:00:37' }])
  })

  it('gives another split with another seed, and no file to a split of ratio 0', async () => {
    const base = await exportSplit(
      'seed0.parquet',
      { key: 'date', seed: 0, ratios: { train: 0.5, validation: 0, test: 0.5 } },
      65_536,
      20_000,
    )
    const other = await exportSplit(
      'seed9.parquet',
      { key: 'date', seed: 9, ratios: { train: 0.5, validation: 0, test: 0.5 } },
      65_536,
      20_000,
    )

    expect(base.files.map((file) => file.split)).toEqual(['train', 'test'])
    expect((await fingerprint(ofSplit(other.files, 'train'))).digest).not.toBe(
      (await fingerprint(ofSplit(base.files, 'train'))).digest,
    )
  })

  it('writes an empty file with the schema for each split of an empty result', async () => {
    const { files } = await exportSplit('empty.parquet', { key: 'origin', seed: 0, ratios: RATIOS }, 100, 0)
    expect(files.map((file) => [file.name, file.rows])).toEqual([
      ['empty.train.parquet', 0],
      ['empty.validation.parquet', 0],
      ['empty.test.parquet', 0],
    ])
    expect((await readdir(folder)).filter((name) => name.startsWith('empty.')).sort()).toEqual([
      'empty.manifest.json',
      'empty.test.parquet',
      'empty.train.parquet',
      'empty.validation.parquet',
    ])
  })

  it('refuses a missing key column and ratios that do not sum to 1 with BAD_INPUT, writing nothing', async () => {
    await expect(exportSplit('bad.parquet', { key: 'nope', seed: 0, ratios: RATIOS }, 100, 10)).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringContaining('"nope" is not a column'),
    })
    await expect(
      exportSplit('bad.parquet', { key: 'date', seed: 0, ratios: { train: 0.8, validation: 0.1, test: 0.2 } }, 100, 10),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('sum to 1') })
    expect((await readdir(folder)).filter((name) => name.startsWith('bad.'))).toEqual([])
  })
})
