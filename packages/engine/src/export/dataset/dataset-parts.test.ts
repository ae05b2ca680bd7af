import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FileFormat } from '../format-settings.js'
import { STATEMENT, flightsFrom } from '../testing/dataset-files.js'
import { openDuckDb, type DuckDbReader } from '../testing/duckdb.js'
import { FLIGHTS_SCHEMA, flights } from '../testing/flights-batches.js'
import { runDatasetExport } from './run-dataset-export.js'

const ROWS = 100_000

let folder: string
let duck: DuckDbReader

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'idw-dataset-parts-'))
  duck = await openDuckDb()
})

afterAll(async () => {
  duck.close()
  await rm(folder, { recursive: true, force: true })
})

describe('runDatasetExport in parts', () => {
  it.each<{ format: FileFormat; partBytes: number; slack: number }>([
    { format: 'csv', partBytes: 256 * 1024, slack: 1 },
    { format: 'jsonl', partBytes: 512 * 1024, slack: 1 },
    { format: 'arrow', partBytes: 512 * 1024, slack: 1 },
    { format: 'parquet', partBytes: 96 * 1024, slack: 1.25 },
  ])('$format: parts of at most the target size hold every row', async ({ format, partBytes, slack }) => {
    const stem = `parts-${format}`
    const result = await runDatasetExport(FLIGHTS_SCHEMA, flights(ROWS, 8192), {
      format,
      rowGroupRows: 8192,
      folder,
      fileName: `${stem}.${format}`,
      partBytes,
      statement: STATEMENT,
    })

    expect(result.files.length).toBeGreaterThan(2)
    result.files.forEach((file, i) => {
      expect(file.name).toBe(`${stem}.part-${String(i + 1).padStart(4, '0')}.${format}`)
      expect(file.part).toBe(i + 1)
      expect(file.bytes).toBeLessThanOrEqual(partBytes * slack)
    })
    for (const file of result.files) expect((await stat(path.join(folder, file.name))).size).toBe(file.bytes)
    const whole = result.files.slice(1, -1)
    expect(whole.every((file) => file.bytes > partBytes * 0.5)).toBe(true)
    const from = await flightsFrom(
      format,
      result.files.map((file) => path.join(folder, file.name)),
    )
    expect(await duck.rows(`SELECT count(*)::INTEGER AS n, count(DISTINCT date)::INTEGER AS d FROM ${from}`)).toEqual([
      { n: ROWS, d: ROWS },
    ])
  })

  it('removes the parts an earlier export of the same name left, and nothing else', async () => {
    const run = (rows: number) =>
      runDatasetExport(FLIGHTS_SCHEMA, flights(rows, 8192), {
        format: 'csv',
        folder,
        fileName: 'again.csv',
        partBytes: 64 * 1024,
        statement: STATEMENT,
      })
    await writeFile(path.join(folder, 'again.notes.txt'), 'mine')
    await writeFile(path.join(folder, 'again.part-0001.parquet'), 'another format')
    const big = await run(20_000)
    const small = await run(2000)

    expect(big.files.length).toBeGreaterThan(small.files.length)
    expect((await readdir(folder)).filter((name) => name.startsWith('again.')).sort()).toEqual(
      [
        ...small.files.map((file) => file.name),
        'again.manifest.json',
        'again.notes.txt',
        'again.part-0001.parquet',
      ].sort(),
    )
  })

  it('refuses parts under 1024 bytes with BAD_INPUT', async () => {
    await expect(
      runDatasetExport(FLIGHTS_SCHEMA, flights(10, 10), {
        format: 'csv',
        folder,
        fileName: 'tiny.csv',
        partBytes: 100,
        statement: STATEMENT,
      }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' })
  })
})
