import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STATEMENT, flightsFrom } from '../testing/dataset-files.js'
import { openDuckDb, type DuckDbReader } from '../testing/duckdb.js'
import { FLIGHTS_SCHEMA, flights } from '../testing/flights-batches.js'
import type { SampleSpec, SplitSpec } from './dataset-options.js'
import { runDatasetExport } from './run-dataset-export.js'

const ROWS = 100_000

let folder: string
let duck: DuckDbReader

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'idw-dataset-sample-'))
  duck = await openDuckDb()
})

afterAll(async () => {
  duck.close()
  await rm(folder, { recursive: true, force: true })
})

/** Exports a sample of ROWS flights to CSV and answers the sorted departure times (µs) it kept. */
async function sampleTimes(
  fileName: string,
  sample: Partial<SampleSpec>,
  batchRows: number,
  split?: SplitSpec,
): Promise<{ times: string[]; rowsRead: number; bySplit: Record<string, number> }> {
  const result = await runDatasetExport(FLIGHTS_SCHEMA, flights(ROWS, batchRows), {
    format: 'csv',
    folder,
    fileName,
    sample: { rows: null, fraction: null, seed: 0, key: null, ...sample },
    split,
    statement: STATEMENT,
  })
  const from = await flightsFrom(
    'csv',
    result.files.map((file) => path.join(folder, file.name)),
  )
  const rows = await duck.rows(`SELECT epoch_us(date)::VARCHAR AS t FROM ${from} ORDER BY date`)
  const bySplit = Object.fromEntries(result.files.map((file) => [file.split ?? 'all', file.rows]))
  return { times: rows.map((row) => String(row.t)), rowsRead: result.rowsRead, bySplit }
}

function overlap(a: readonly string[], b: readonly string[]): number {
  const set = new Set(a)
  return b.filter((t) => set.has(t)).length
}

describe('runDatasetExport with a sample', () => {
  it('keeps the same fraction of rows with the same seed, other rows with another seed', async () => {
    const first = await sampleTimes('fraction-a.csv', { fraction: 0.1, seed: 7, key: 'date' }, 4096)
    const again = await sampleTimes('fraction-b.csv', { fraction: 0.1, seed: 7, key: 'date' }, 30_000)
    const other = await sampleTimes('fraction-c.csv', { fraction: 0.1, seed: 8, key: 'date' }, 4096)

    expect(first.rowsRead).toBe(ROWS)
    expect(Math.abs(first.times.length - 10_000)).toBeLessThan(400)
    expect(again.times).toEqual(first.times)
    expect(overlap(first.times, other.times)).toBeLessThan(first.times.length * 0.2)
  })

  it('keeps exactly the asked row count, the same rows on every run, and cleans its spill file', async () => {
    const first = await sampleTimes('count-a.csv', { rows: 5000, seed: 1, key: 'date' }, 4096)
    const again = await sampleTimes('count-b.csv', { rows: 5000, seed: 1, key: 'date' }, 65_536)
    const other = await sampleTimes('count-c.csv', { rows: 5000, seed: 2, key: 'date' }, 4096)

    expect(first.times).toHaveLength(5000)
    expect(again.times).toEqual(first.times)
    expect(other.times).toHaveLength(5000)
    expect(overlap(first.times, other.times)).toBeLessThan(1000)
    expect((await readdir(folder)).filter((name) => name.startsWith('.'))).toEqual([])
  })

  it('samples by row position without a key: reproducible for the same row order', async () => {
    const first = await sampleTimes('ordinal-a.csv', { rows: 777, seed: 3 }, 4096)
    const again = await sampleTimes('ordinal-b.csv', { rows: 777, seed: 3 }, 50_000)
    const fraction = await sampleTimes('ordinal-c.csv', { fraction: 0.05, seed: 3 }, 4096)

    expect(first.times).toHaveLength(777)
    expect(again.times).toEqual(first.times)
    expect(Math.abs(fraction.times.length - 5000)).toBeLessThan(300)
  })

  it('keeps every row when asked for more rows than the result has', async () => {
    const all = await sampleTimes('more.csv', { rows: ROWS + 5, seed: 0, key: 'date' }, 8192)
    expect(all.times).toHaveLength(ROWS)
  })

  it('samples before it splits: the sample is cut by the split ratios', async () => {
    const result = await sampleTimes('sample-split.csv', { rows: 20_000, seed: 4, key: 'date' }, 8192, {
      key: 'date',
      seed: 0,
      ratios: { train: 0.5, validation: 0.25, test: 0.25 },
    })
    expect(result.times).toHaveLength(20_000)
    expect(Math.abs((result.bySplit.train ?? 0) - 10_000)).toBeLessThan(400)
    expect(Math.abs((result.bySplit.validation ?? 0) - 5000)).toBeLessThan(300)
  })

  it('refuses both rows and fraction, and an unknown key, with BAD_INPUT', async () => {
    await expect(sampleTimes('bad.csv', { rows: 5, fraction: 0.5 }, 100)).rejects.toMatchObject({ code: 'BAD_INPUT' })
    await expect(sampleTimes('bad.csv', { rows: 5, key: 'nope' }, 100)).rejects.toMatchObject({ code: 'BAD_INPUT' })
  })
})
