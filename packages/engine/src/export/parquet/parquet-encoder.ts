import type { RecordBatch, Schema } from 'apache-arrow'
import {
  Compression,
  WriterPropertiesBuilder,
  transformParquetStream,
  type RecordBatch as WasmRecordBatch,
  type WriterProperties,
} from 'parquet-wasm'
import { EngineError } from '../../api/contract/errors.js'
import type { AtomicFile } from '../atomic-file.js'
import { assertBatchMatchesSchema } from '../batch-shape.js'
import type { BatchEncoder } from '../encoder.js'
import { countParquetRows } from './count-parquet-rows.js'
import { emptyBatch, toWasmBatch } from './wasm-batch.js'

/** Parquet writer settings after defaults. */
export interface ParquetSettings {
  compression: 'zstd' | 'snappy'
  /** Rows per row group; the last row group holds the rest. */
  rowGroupRows: number
}

/** A pending `pull` of the writer's input stream: hand it one batch (or the end) and resolve it. */
interface PullRequest {
  controller: ReadableStreamDefaultController<WasmRecordBatch>
  resolve: () => void
}

/**
 * Writes a result as one Parquet file, streaming, with parquet-wasm's `transformParquetStream` (arrow-rs's
 * `AsyncArrowWriter` inside WebAssembly).
 *
 * The writer pulls batches from a `ReadableStream` (high-water mark 0): `write()` waits for its next pull, so a
 * batch is converted only when the writer asks for it. File bytes come back each time a row group is complete and
 * are written with backpressure. Memory holds one batch plus the row group being encoded, whatever the row count.
 * Logical types come from the Arrow schema: timestamps with unit and `isAdjustedToUTC`, date, time,
 * decimal(p,s), list, int16 and int64; the Arrow schema (field metadata included) is kept in the `ARROW:schema`
 * key.
 *
 * parquet-wasm ignores errors inside its writer task (it then stops pulling and ends its output), so `finish()`
 * reads the footer back and compares its row count with the rows handed over.
 */
export class ParquetEncoder implements BatchEncoder {
  #rows = 0
  #sent = 0
  #request: PullRequest | undefined
  #wake: (() => void) | undefined
  #pumpDone = false
  #aborted = false
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  #failure: { error: unknown } | undefined
  #pump: Promise<void> = Promise.resolve()

  private constructor(
    private readonly schema: Schema,
    private readonly file: AtomicFile,
  ) {}

  /** Starts the writer task; its start-up errors surface from `write()` and `finish()`. */
  static async open(schema: Schema, file: AtomicFile, settings: ParquetSettings): Promise<ParquetEncoder> {
    const encoder = new ParquetEncoder(schema, file)
    const input = new ReadableStream<WasmRecordBatch>(
      {
        pull: (controller) =>
          new Promise<void>((resolve) => {
            if (encoder.#aborted) {
              controller.error(stoppedByUs())
              resolve()
              return
            }
            encoder.#request = { controller, resolve }
            encoder.#wakeUp()
          }),
      },
      { highWaterMark: 0 },
    )
    // Not awaited: the writer reads the first batch before it answers its output stream.
    encoder.#pump = encoder.#drain(transformParquetStream(input, writerProperties(settings)))
    return encoder
  }

  get rows(): number {
    return this.#rows
  }

  async write(batch: RecordBatch): Promise<void> {
    assertBatchMatchesSchema(this.schema, batch)
    const request = await this.#nextPull()
    if (request === undefined) throw await this.#stoppedError(batch.numRows)
    try {
      request.controller.enqueue(toWasmBatch(this.schema, batch))
    } finally {
      request.resolve()
    }
    this.#sent += 1
    this.#rows += batch.numRows
  }

  async finish(): Promise<void> {
    if (this.#sent === 0) await this.write(emptyBatch(this.schema))
    const request = await this.#nextPull()
    if (request !== undefined) {
      request.controller.close()
      request.resolve()
    }
    await this.#pump
    if (this.#failure !== undefined) throw this.#failure.error
    await this.file.flush()
    const stored = await countParquetRows(this.file.tempPath)
    if (stored !== this.#rows) throw stoppedError(stored, this.#rows)
  }

  async abort(): Promise<void> {
    this.#aborted = true
    const request = this.#request
    this.#request = undefined
    if (request !== undefined) {
      request.controller.error(stoppedByUs())
      request.resolve()
    }
    await this.#reader?.cancel().catch(() => undefined)
    await this.#pump
  }

  /** Waits for the writer's next pull; undefined when the writer has ended its output instead. */
  async #nextPull(): Promise<PullRequest | undefined> {
    while (this.#request === undefined && !this.#pumpDone) {
      await new Promise<void>((resolve) => (this.#wake = resolve))
    }
    if (this.#failure !== undefined) throw this.#failure.error
    const request = this.#request
    this.#request = undefined
    return request
  }

  #wakeUp(): void {
    const wake = this.#wake
    this.#wake = undefined
    wake?.()
  }

  /** Writes the writer's output to the file as it comes; records the first failure. */
  async #drain(started: Promise<ReadableStream>): Promise<void> {
    try {
      const reader = ((await started) as ReadableStream<Uint8Array>).getReader()
      this.#reader = reader
      if (this.#aborted) await reader.cancel()
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        await this.file.write(chunk.value)
      }
    } catch (error) {
      this.#failure ??= { error }
      await this.#reader?.cancel().catch(() => undefined)
    } finally {
      this.#pumpDone = true
      this.#wakeUp()
    }
  }

  /** The error of a writer that stopped taking batches: the footer tells how many rows it stored. */
  async #stoppedError(pendingRows: number): Promise<unknown> {
    await this.#pump
    if (this.#failure !== undefined) return this.#failure.error
    await this.file.flush()
    const stored = await countParquetRows(this.file.tempPath).catch(() => 0)
    return stoppedError(stored, this.#rows + pendingRows)
  }
}

function stoppedByUs(): EngineError {
  return new EngineError('EXPORT_CANCELED', 'the export was stopped')
}

function stoppedError(stored: number, rows: number): EngineError {
  return new EngineError(
    'EXPORT_FAILED',
    `the Parquet writer stored ${stored} of ${rows} rows, so the file was discarded; a column type ` +
      'the writer cannot store (such as an interval) is the usual cause',
    { storedRows: stored, rows },
  )
}

function writerProperties(settings: ParquetSettings): WriterProperties {
  return new WriterPropertiesBuilder()
    .setCompression(settings.compression === 'snappy' ? Compression.SNAPPY : Compression.ZSTD)
    .setMaxRowGroupSize(settings.rowGroupRows)
    .build()
}
