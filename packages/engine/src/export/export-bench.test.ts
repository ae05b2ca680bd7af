import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { RecordBatch } from 'apache-arrow'
import { describe, expect, it } from 'vitest'
import { runDatasetExport, writeExportFile } from './index.js'
import { STATEMENT, replay } from './testing/dataset-files.js'
import { FLIGHTS_SCHEMA, flights, flightsBatch } from './testing/flights-batches.js'

/**
 * Figures, not assertions on time: run with `IDW_EXPORT_BENCH=csv` or `=parquet`, one format per process so
 * the peak RSS of one does not hide the other; `=split` compares a one-file and a split Parquet dataset export.
 * - throughput: 3 000 000 flights rows (timestamp, int8, int8, text, text), batches built before timing;
 * - memory: 5 000 000 rows (or `IDW_EXPORT_BENCH_ROWS`) generated lazily; peak RSS (getrusage maxRSS) before
 *   and after.
 */
const FORMAT = process.env.IDW_EXPORT_BENCH
const BATCH_ROWS = 65_536
const MEMORY_ROWS = Number(process.env.IDW_EXPORT_BENCH_ROWS ?? 5_000_000)

describe.runIf(FORMAT === 'csv' || FORMAT === 'parquet')('export figures', () => {
  const format = FORMAT as 'csv' | 'parquet'

  it('streams 5 000 000 (IDW_EXPORT_BENCH_ROWS) generated rows in bounded memory', { timeout: 600_000 }, async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'idw-bench-'))
    try {
      global.gc?.()
      const before = process.resourceUsage().maxRSS
      const result = await writeExportFile(FLIGHTS_SCHEMA, flights(MEMORY_ROWS, BATCH_ROWS), {
        format,
        path: path.join(folder, `memory.${format}`),
      })
      const peak = process.resourceUsage().maxRSS
      report(
        `${format} ${MEMORY_ROWS.toLocaleString('en')} rows: peak RSS before ${mib(before * 1024)} MiB, after ${mib(peak * 1024)} MiB, file ${mib(result.bytes)} MiB`,
      )
      expect(result.rows).toBe(MEMORY_ROWS)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })

  it('exports 3 000 000 flights rows', { timeout: 600_000 }, async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'idw-bench-'))
    const batches: RecordBatch[] = []
    for (let first = 0; first < 3_000_000; first += BATCH_ROWS) {
      batches.push(flightsBatch(first, Math.min(BATCH_ROWS, 3_000_000 - first)))
    }
    async function* replay(): AsyncGenerator<RecordBatch> {
      yield* batches
    }
    try {
      const result = await writeExportFile(FLIGHTS_SCHEMA, replay(), {
        format,
        path: path.join(folder, `flights.${format}`),
      })
      const seconds = result.elapsedMs / 1000
      report(
        `${format} 3M rows: ${seconds.toFixed(2)} s, ${Math.round(result.rows / seconds).toLocaleString('en')} rows/s, ` +
          `${(result.bytes / 1e6 / seconds).toFixed(1)} MB/s, file ${mib(result.bytes)} MiB`,
      )
      expect(result.rows).toBe(3_000_000)
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})

function mib(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1)
}

function report(line: string): void {
  process.stdout.write(`[export-bench] ${line}\n`)
}

describe.runIf(FORMAT === 'split')('dataset export figures', () => {
  it('splits 3 000 000 flights rows into train/validation/test Parquet files', { timeout: 600_000 }, async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'idw-bench-'))
    const batches: RecordBatch[] = []
    for (let first = 0; first < 3_000_000; first += BATCH_ROWS) {
      batches.push(flightsBatch(first, Math.min(BATCH_ROWS, 3_000_000 - first)))
    }
    try {
      for (const split of [null, { key: 'date', seed: 0, ratios: { train: 0.8, validation: 0.1, test: 0.1 } }]) {
        const result = await runDatasetExport(FLIGHTS_SCHEMA, replay(batches), {
          format: 'parquet',
          folder,
          fileName: split === null ? 'one.parquet' : 'split.parquet',
          split,
          statement: STATEMENT,
        })
        const seconds = result.elapsedMs / 1000
        report(
          `parquet 3M rows ${split === null ? 'one file' : 'split 0.8/0.1/0.1 by date'} (verified, manifest): ` +
            `${seconds.toFixed(2)} s, ${Math.round(result.rows / seconds).toLocaleString('en')} rows/s, ` +
            `${result.files.length} files, ${mib(result.bytes)} MiB`,
        )
        expect(result.rows).toBe(3_000_000)
      }
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})
