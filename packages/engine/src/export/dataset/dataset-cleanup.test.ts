import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { RecordBatch } from 'apache-arrow'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EngineError } from '../../api/contract/errors.js'
import type { FileFormat } from '../format-settings.js'
import { STATEMENT } from '../testing/dataset-files.js'
import { FLIGHTS_SCHEMA, flightsBatch } from '../testing/flights-batches.js'
import { runDatasetExport, type DatasetExportOptions } from './run-dataset-export.js'

let folder: string

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'idw-dataset-cleanup-'))
})

afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

/** Endless flights batches of 4096 rows; `onBatch(i)` runs before batch `i`; `closed` turns true in `finally`. */
function endless(onBatch: (index: number) => Promise<void> | void) {
  const state = { closed: false }
  async function* batches(): AsyncGenerator<RecordBatch> {
    try {
      for (let i = 0; ; i++) {
        await onBatch(i)
        yield flightsBatch(i * 4096, 4096)
      }
    } finally {
      state.closed = true
    }
  }
  return { state, batches: batches() }
}

/** A split in parts (many files, some sealed early), with the given sample. */
function options(
  format: FileFormat,
  sample: DatasetExportOptions['sample'],
  signal?: AbortSignal,
): DatasetExportOptions {
  return {
    format,
    folder,
    fileName: `all.${format}`,
    split: { key: 'date', seed: 0, ratios: { train: 0.8, validation: 0.1, test: 0.1 } },
    sample,
    partBytes: 64 * 1024,
    statement: STATEMENT,
    signal,
  }
}

describe.each(['csv', 'parquet', 'jsonl', 'arrow'] as const)('runDatasetExport cleanup (%s)', (format) => {
  it('cancels midway: EXPORT_CANCELED, the batches are closed, no file under any name', async () => {
    const controller = new AbortController()
    const { state, batches } = endless((i) => {
      if (i === 40) controller.abort()
    })

    await expect(
      runDatasetExport(FLIGHTS_SCHEMA, batches, options(format, null, controller.signal)),
    ).rejects.toMatchObject({
      code: 'EXPORT_CANCELED',
    })
    expect(await readdir(folder)).toEqual([])
    await vi.waitFor(() => expect(state.closed).toBe(true))
  })

  it("lets the batches' own error through and leaves no file under any name", async () => {
    const failure = new EngineError('HUB_QUERY_FAILED', 'division by zero', { sqlState: '22012' })
    const { batches } = endless((i) => {
      if (i === 30) throw failure
    })
    const sample = { rows: null, fraction: 0.5, seed: 1, key: 'date' }

    await expect(runDatasetExport(FLIGHTS_SCHEMA, batches, options(format, sample))).rejects.toBe(failure)
    expect(await readdir(folder)).toEqual([])
  })

  it('cancels when count sampling starts writing its rows: no file and no spill left', async () => {
    const controller = new AbortController()
    async function* batches(): AsyncGenerator<RecordBatch> {
      for (let i = 0; i < 20; i++) yield flightsBatch(i * 4096, 4096)
    }
    const sample = { rows: 50_000, fraction: null, seed: 1, key: 'date' }
    const run = runDatasetExport(FLIGHTS_SCHEMA, batches(), {
      ...options(format, sample, controller.signal),
      onProgress: (progress) => {
        if (progress.phase === 'sampling') controller.abort()
      },
    })

    await expect(run).rejects.toMatchObject({ code: 'EXPORT_CANCELED' })
    expect(await readdir(folder)).toEqual([])
  })
})
