import type { RecordBatch, Schema } from 'apache-arrow'
import { EngineError } from '../api/contract/errors.js'
import { ArrowEncoder } from './arrow/arrow-encoder.js'
import type { AtomicFile } from './atomic-file.js'
import { CsvEncoder } from './csv/csv-encoder.js'
import type { FormatSettings } from './format-settings.js'
import { JsonlEncoder } from './jsonl/jsonl-encoder.js'
import { ParquetEncoder } from './parquet/parquet-encoder.js'

/**
 * Turns a result's batches into the bytes of one file, pushed one batch at a time.
 *
 * Lifecycle: `write()` for each batch (never two at once), then `finish()` once; `abort()` instead after an
 * error or a cancel. The encoder queues bytes to its `AtomicFile`; sealing, verifying and publishing the file
 * are the caller's.
 */
export interface BatchEncoder {
  /** Rows handed to the encoder so far. */
  readonly rows: number
  /**
   * Encodes one batch. CSV, JSON Lines and Arrow: resolves once the batch's bytes are queued to the file, so
   * `file.bytesQueued` counts them. Parquet: resolves once the row group writer took the batch; its bytes
   * reach the file when the row group is complete.
   * @throws EngineError `EXPORT_FAILED` for a batch that does not match the schema or a type the format cannot
   *   write; `EXPORT_CANCELED` when the signal aborted; file system errors unchanged.
   */
  write(batch: RecordBatch): Promise<void>
  /** Writes what remains (a CSV header of an empty result, the Parquet or Arrow footer) and flushes the file. */
  finish(): Promise<void>
  /** Stops the encoder after an error or a cancel; never throws. The file is the caller's to discard. */
  abort(): Promise<void>
}

/**
 * Opens the encoder of `settings.format` over `file`.
 * @throws EngineError `BAD_INPUT` for an unknown format; what the Parquet writer throws while starting.
 */
export async function openEncoder(
  schema: Schema,
  file: AtomicFile,
  settings: FormatSettings,
  signal?: AbortSignal,
): Promise<BatchEncoder> {
  switch (settings.format) {
    case 'csv':
      return new CsvEncoder(schema, file, settings, signal)
    case 'jsonl':
      return new JsonlEncoder(schema, file, signal)
    case 'arrow':
      return ArrowEncoder.open(schema, file)
    case 'parquet':
      return ParquetEncoder.open(schema, file, settings)
    default:
      throw new EngineError('BAD_INPUT', `unknown export format "${String(settings.format)}"`)
  }
}
