import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  Field,
  Int32,
  IntervalMonthDayNano,
  RecordBatch,
  Schema,
  Struct,
  TimeUnit,
  Timestamp,
  makeData,
} from 'apache-arrow'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EngineError } from '../api/contract/errors.js'
import { writeExportFile, type ExportProgress } from './index.js'
import { buildBatch } from './testing/arrow-fixtures.js'
import { FLIGHTS_SCHEMA, flightsBatch } from './testing/flights-batches.js'

let folder: string

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'idw-export-'))
})

afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

/** Flights batches of 1 000 rows; `onBatch(i)` runs before batch `i` is yielded; `closed` turns true in `finally`. */
function flightStream(count: number, onBatch: (index: number) => Promise<void> | void = () => undefined) {
  const state = { started: false, closed: false, yielded: 0 }
  async function* batches(): AsyncGenerator<RecordBatch> {
    state.started = true
    try {
      for (let i = 0; i < count; i++) {
        await onBatch(i)
        yield flightsBatch(i * 1000, 1000)
        state.yielded += 1
      }
    } finally {
      state.closed = true
    }
  }
  return { state, batches: batches() }
}

describe.each(['csv', 'parquet'] as const)('writeExportFile (%s)', (format) => {
  const target = () => path.join(folder, `flights.${format}`)

  it('writes the file under its final name and leaves no temporary file', async () => {
    const { batches } = flightStream(3)
    const result = await writeExportFile(FLIGHTS_SCHEMA, batches, { format, path: target() })

    expect(await readdir(folder)).toEqual([`flights.${format}`])
    expect(result.rows).toBe(3000)
    expect(result.bytes).toBe((await readFile(target())).byteLength)
    expect(result.elapsedMs).toBeGreaterThan(0)
  })

  it('cancels midway: EXPORT_CANCELED, the iterator is closed, no file left', async () => {
    const controller = new AbortController()
    const { state, batches } = flightStream(Number.POSITIVE_INFINITY, (i) => {
      if (i === 5) controller.abort()
    })

    await expect(
      writeExportFile(FLIGHTS_SCHEMA, batches, { format, path: target(), signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'EXPORT_CANCELED',
    })
    expect(await readdir(folder)).toEqual([])
    await vi.waitFor(() => expect(state.closed).toBe(true))
  })

  it('cancels while the iterator waits for the hub', async () => {
    const controller = new AbortController()
    const { batches } = flightStream(Number.POSITIVE_INFINITY, (i) =>
      i === 2 ? new Promise<void>(() => setTimeout(() => controller.abort(), 50)) : undefined,
    )
    const started = performance.now()

    await expect(
      writeExportFile(FLIGHTS_SCHEMA, batches, { format, path: target(), signal: controller.signal }),
    ).rejects.toMatchObject({
      code: 'EXPORT_CANCELED',
    })
    expect(performance.now() - started).toBeLessThan(2000)
    expect(await readdir(folder)).toEqual([])
  })

  it('does not start when the signal has already aborted', async () => {
    const { state, batches } = flightStream(3)
    await expect(
      writeExportFile(FLIGHTS_SCHEMA, batches, { format, path: target(), signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: 'EXPORT_CANCELED' })
    expect(state.started).toBe(false)
    expect(await readdir(folder)).toEqual([])
  })

  it("lets the iterator's own error through unchanged and leaves no file", async () => {
    const failure = new EngineError('HUB_QUERY_FAILED', 'canceling statement due to statement timeout', {
      sqlState: '57014',
    })
    const { batches } = flightStream(10, (i) => {
      if (i === 3) throw failure
    })

    await expect(writeExportFile(FLIGHTS_SCHEMA, batches, { format, path: target() })).rejects.toBe(failure)
    expect(await readdir(folder)).toEqual([])
  })

  it('leaves an existing file untouched when the export fails, and replaces it when it succeeds', async () => {
    await writeFile(target(), 'previous export')
    const failing = flightStream(5, (i) => {
      if (i === 2) throw new Error('connection reset')
    })
    await expect(writeExportFile(FLIGHTS_SCHEMA, failing.batches, { format, path: target() })).rejects.toThrow(
      'connection reset',
    )
    expect(await readFile(target(), 'utf8')).toBe('previous export')
    expect(await readdir(folder)).toEqual([`flights.${format}`])

    await writeExportFile(FLIGHTS_SCHEMA, flightStream(1).batches, { format, path: target() })
    expect((await readFile(target())).byteLength).toBeGreaterThan(1000)
  })

  it('fails with EXPORT_FAILED and the errno when the folder does not exist', async () => {
    const missing = path.join(folder, 'missing', `flights.${format}`)
    const { state, batches } = flightStream(3)

    const error = await writeExportFile(FLIGHTS_SCHEMA, batches, { format, path: missing }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(EngineError)
    expect(error).toMatchObject({ code: 'EXPORT_FAILED', detail: { path: missing, errno: 'ENOENT' } })
    expect((error as Error).cause).toMatchObject({ code: 'ENOENT' })
    await vi.waitFor(() => expect(state.closed || !state.started).toBe(true))
  })

  it('fails with EXPORT_FAILED when a batch does not match the schema', async () => {
    const schema = new Schema([new Field('n', new Int32(), true)])
    const other = buildBatch([
      { name: 'n', type: new Timestamp(TimeUnit.MICROSECOND), pgType: 'timestamp', values: [1n] },
    ])
    async function* batches(): AsyncGenerator<RecordBatch> {
      yield other.batch
    }

    await expect(writeExportFile(schema, batches(), { format, path: target() })).rejects.toMatchObject({
      code: 'EXPORT_FAILED',
      message: expect.stringContaining('column "n"'),
    })
    expect(await readdir(folder)).toEqual([])
  })

  it('fails with EXPORT_FAILED and leaves no file when a column type cannot be written', async () => {
    const type = new IntervalMonthDayNano()
    const schema = new Schema([new Field('wait', type, true)])
    const data = makeData({ type, length: 2, nullCount: 0, data: new Int32Array(8) })
    async function* batches(): AsyncGenerator<RecordBatch> {
      yield new RecordBatch(
        schema,
        makeData({ type: new Struct(schema.fields), length: 2, nullCount: 0, children: [data] }),
      )
    }

    await expect(writeExportFile(schema, batches(), { format, path: target() })).rejects.toMatchObject({
      code: 'EXPORT_FAILED',
      message:
        format === 'csv' ? expect.stringContaining('column "wait"') : expect.stringContaining('stored 0 of 2 rows'),
    })
    expect(await readdir(folder)).toEqual([])
  })

  it('reports progress at most every ~100 ms while writing and once at the end', async () => {
    const reports: (ExportProgress & { at: number })[] = []
    const { batches } = flightStream(12, () => new Promise((resolve) => setTimeout(resolve, 30)))

    const result = await writeExportFile(FLIGHTS_SCHEMA, batches, {
      format,
      path: target(),
      onProgress: (progress) => reports.push({ ...progress, at: performance.now() }),
    })

    const last = reports.at(-1)
    expect(last).toMatchObject({ rows: result.rows, bytes: result.bytes })
    const during = reports.slice(0, -1)
    expect(during.length).toBeGreaterThanOrEqual(1)
    expect(during.length).toBeLessThanOrEqual(Math.floor(result.elapsedMs / 100) + 1)
    during.slice(1).forEach((report, i) => expect(report.at - (during[i]?.at ?? 0)).toBeGreaterThanOrEqual(95))
    reports.slice(1).forEach((report, i) => expect(report.rows).toBeGreaterThanOrEqual(reports[i]?.rows ?? 0))
    expect(during.some((report) => report.rows > 0 && report.rows < result.rows)).toBe(true)
  })

  it('rejects a relative path and a row group size that is not a positive integer with BAD_INPUT', async () => {
    await expect(
      writeExportFile(FLIGHTS_SCHEMA, flightStream(1).batches, { format, path: 'relative/flights.out' }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' })
    await expect(
      writeExportFile(FLIGHTS_SCHEMA, flightStream(1).batches, { format, path: target(), rowGroupRows: 0 }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT' })
    expect(await readdir(folder)).toEqual([])
  })
})
