import type { Schema } from 'apache-arrow'
import {
  Compression,
  WriterPropertiesBuilder,
  transformParquetStream,
  type RecordBatch as WasmRecordBatch,
  type WriterProperties,
} from 'parquet-wasm'
import { EngineError } from '../../api/contract/errors.js'
import type { AtomicFile } from '../atomic-file.js'
import type { BatchSource } from '../batch-source.js'
import { assertBatchMatchesSchema } from '../batch-shape.js'
import type { ProgressTracker } from '../progress-tracker.js'
import { countParquetRows } from './count-parquet-rows.js'
import { emptyBatch, toWasmBatch } from './wasm-batch.js'

/** Parquet writer settings after defaults. */
export interface ParquetSettings {
  compression: 'zstd' | 'snappy'
  /** Rows per row group; the last row group holds the rest. */
  rowGroupRows: number
}

/**
 * Writes a result as one Parquet file, streaming, with parquet-wasm's `transformParquetStream` (arrow-rs's
 * `AsyncArrowWriter` inside WebAssembly).
 *
 * The writer pulls batches from a `ReadableStream` (high-water mark 0, so one batch is converted only when the
 * writer asks for it) and hands back file bytes each time a row group is complete; those are written with
 * backpressure. Memory holds one batch plus the row group being encoded, whatever the row count. Logical
 * types come from the Arrow schema: timestamps with unit and `isAdjustedToUTC`, date, time, decimal(p,s),
 * list, int16 and int64; the Arrow schema (field metadata included) is kept in the `ARROW:schema` key.
 *
 * parquet-wasm ignores errors inside its writer task, so the file's footer is read back at the end and its
 * row count compared with the rows handed over.
 * @throws EngineError `EXPORT_CANCELED` / the iterator's own error (from `source`); `EXPORT_FAILED` when the
 * footer's row count differs; parquet-wasm and file system errors unchanged.
 */
export async function writeParquet(
  schema: Schema,
  source: BatchSource,
  file: AtomicFile,
  settings: ParquetSettings,
  progress: ProgressTracker,
): Promise<number> {
  let failure: { error: unknown } | undefined
  let sent = 0
  const input = new ReadableStream<WasmRecordBatch>(
    {
      pull: async (controller) => {
        try {
          if (failure !== undefined) throw failure.error
          const batch = await source.next()
          if (batch === undefined) {
            if (sent === 0) controller.enqueue(toWasmBatch(schema, emptyBatch(schema)))
            controller.close()
            return
          }
          assertBatchMatchesSchema(schema, batch)
          controller.enqueue(toWasmBatch(schema, batch))
          sent += 1
          progress.addRows(batch.numRows)
        } catch (error) {
          failure ??= { error }
          controller.error(error)
        }
      },
    },
    { highWaterMark: 0 },
  )

  let output: ReadableStream<Uint8Array>
  try {
    output = (await transformParquetStream(input, writerProperties(settings))) as ReadableStream<Uint8Array>
  } catch (error) {
    throw failure !== undefined ? failure.error : error
  }
  const reader = output.getReader()
  try {
    for (let chunk = await reader.read(); !chunk.done && failure === undefined; chunk = await reader.read()) {
      await file.write(chunk.value)
      progress.tick()
    }
  } catch (error) {
    failure ??= { error }
  }
  if (failure !== undefined) {
    await reader.cancel().catch(() => undefined)
    throw failure.error
  }

  await file.flush()
  const stored = await countParquetRows(file.tempPath)
  if (stored !== progress.rows) {
    throw new EngineError(
      'EXPORT_FAILED',
      `the Parquet writer stored ${stored} of ${progress.rows} rows, so the file was discarded; a column type ` +
        'the writer cannot store (such as an interval) is the usual cause',
      { storedRows: stored, rows: progress.rows },
    )
  }
  return progress.rows
}

function writerProperties(settings: ParquetSettings): WriterProperties {
  return new WriterPropertiesBuilder()
    .setCompression(settings.compression === 'snappy' ? Compression.SNAPPY : Compression.ZSTD)
    .setMaxRowGroupSize(settings.rowGroupRows)
    .build()
}
