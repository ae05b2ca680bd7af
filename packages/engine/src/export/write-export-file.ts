import path from 'node:path'
import type { RecordBatch, Schema } from 'apache-arrow'
import { EngineError } from '../api/contract/errors.js'
import { AtomicFile } from './atomic-file.js'
import { BatchSource } from './batch-source.js'
import { openEncoder, type BatchEncoder } from './encoder.js'
import type { ExportFileOptions, ExportResult } from './export-file.types.js'
import { resolveFormatSettings } from './format-settings.js'
import { ProgressTracker } from './progress-tracker.js'

/**
 * Writes a query's full result (an Arrow schema and its batches) to one CSV, Parquet, JSON Lines or Arrow IPC
 * file, streaming: memory holds about one batch (CSV, JSON Lines, Arrow) or one row group (Parquet) whatever the
 * row count.
 *
 * The file is written as `.<name>.<random>.partial` beside `path`, fsynced and renamed to `path` once
 * complete; on any failure or cancel the temporary file is removed and nothing appears under `path` (a file
 * already there is left untouched). The iterator is stopped with `return()` when the export ends early.
 * How values are spelled: `CsvEncoder`, `JsonlEncoder`, `ArrowEncoder`, `ParquetEncoder`. For split, sampled,
 * multi-part or verified exports with a manifest, see `runDatasetExport`.
 *
 * @throws EngineError `BAD_INPUT` when `path` is not absolute, or `format`, `delimiter`, `compression` or
 * `rowGroupRows` is invalid; `EXPORT_CANCELED` when `signal` aborts; `EXPORT_FAILED` with `cause` (and
 * `detail.path`, `detail.errno` for file system errors) when the file cannot be written. An error thrown by
 * `batches` itself (say an EngineError from the hub) propagates unchanged, after the cleanup.
 */
export async function writeExportFile(
  schema: Schema,
  batches: AsyncIterable<RecordBatch>,
  options: ExportFileOptions,
): Promise<ExportResult> {
  const started = performance.now()
  const settings = resolveFormatSettings(options)
  if (!path.isAbsolute(options.path)) {
    throw new EngineError('BAD_INPUT', `the export path must be absolute, got "${options.path}"`)
  }
  const source = new BatchSource(batches, options.signal)
  let file: AtomicFile | undefined
  let encoder: BatchEncoder | undefined
  try {
    source.throwIfCanceled()
    file = await AtomicFile.create(options.path)
    encoder = await openEncoder(schema, file, settings, options.signal)
    const progress = new ProgressTracker(file, options.onProgress)
    for (let batch = await source.next(); batch !== undefined; batch = await source.next()) {
      await encoder.write(batch)
      progress.addRows(batch.numRows)
    }
    await encoder.finish()
    progress.finish()
    source.throwIfCanceled()
    await file.commit()
    return { path: options.path, rows: encoder.rows, bytes: file.bytesWritten, elapsedMs: performance.now() - started }
  } catch (error) {
    await source.close()
    await encoder?.abort()
    await file?.discard()
    throw exportError(error, source, options.path)
  }
}

/** The error an export throws: the iterator's own and the export's EngineErrors unchanged, others wrapped. */
export function exportError(error: unknown, source: BatchSource, filePath: string): unknown {
  if (source.isOwnError(error)) return error
  if (error instanceof EngineError && (error.code === 'EXPORT_CANCELED' || error.code === 'EXPORT_FAILED')) {
    return error
  }
  const reason = error instanceof Error ? error.message : String(error)
  const errno = (error as NodeJS.ErrnoException | undefined)?.code
  return new EngineError(
    'EXPORT_FAILED',
    `could not write the export file ${path.basename(filePath)}: ${reason}`,
    errno === undefined ? { path: filePath } : { path: filePath, errno },
    { cause: error },
  )
}
