import path from 'node:path'
import type { RecordBatch, Schema } from 'apache-arrow'
import { EngineError } from '../api/contract/errors.js'
import { AtomicFile } from './atomic-file.js'
import { BatchSource } from './batch-source.js'
import { writeCsv } from './csv/write-csv.js'
import type { ExportFileOptions, ExportResult } from './export-file.types.js'
import { writeParquet, type ParquetSettings } from './parquet/write-parquet.js'
import { ProgressTracker } from './progress-tracker.js'

/** Rows per Parquet row group unless told otherwise: DuckDB's row group size. */
const DEFAULT_ROW_GROUP_ROWS = 122_880

/**
 * Writes a query's full result (an Arrow schema and its batches) to a CSV or Parquet file, streaming: memory
 * holds about one batch (CSV) or one row group (Parquet) whatever the row count.
 *
 * The file is written as `.<name>.<random>.partial` beside `path`, fsynced and renamed to `path` once
 * complete; on any failure or cancel the temporary file is removed and nothing appears under `path` (a file
 * already there is left untouched). The iterator is stopped with `return()` when the export ends early.
 * How values are spelled: `writeCsv` (CSV) and `writeParquet` (Parquet types).
 *
 * @throws EngineError `BAD_INPUT` when `path` is not absolute, `format` or `compression` is unknown or
 * `rowGroupRows` is not a positive integer; `EXPORT_CANCELED` when `signal` aborts; `EXPORT_FAILED` with
 * `cause` (and `detail.path`, `detail.errno` for file system errors) when the file cannot be written. An error
 * thrown by `batches` itself (say an EngineError from the hub) propagates unchanged, after the cleanup.
 */
export async function writeExportFile(
  schema: Schema,
  batches: AsyncIterable<RecordBatch>,
  options: ExportFileOptions,
): Promise<ExportResult> {
  const started = performance.now()
  const parquet = validateOptions(options)
  const source = new BatchSource(batches, options.signal)
  let file: AtomicFile | undefined
  try {
    source.throwIfCanceled()
    file = await AtomicFile.create(options.path)
    const progress = new ProgressTracker(file, options.onProgress)
    const rows =
      options.format === 'csv'
        ? await writeCsv(schema, source, file, progress)
        : await writeParquet(schema, source, file, parquet, progress)
    await file.flush()
    progress.finish()
    source.throwIfCanceled()
    await file.commit()
    return { path: options.path, rows, bytes: file.bytesWritten, elapsedMs: performance.now() - started }
  } catch (error) {
    await source.close()
    await file?.discard()
    throw exportError(error, source, options.path)
  }
}

/** Checks the options and answers the Parquet settings with defaults. @throws EngineError `BAD_INPUT`. */
function validateOptions(options: ExportFileOptions): ParquetSettings {
  const { format, compression = 'zstd', rowGroupRows = DEFAULT_ROW_GROUP_ROWS } = options
  if (format !== 'csv' && format !== 'parquet') {
    throw new EngineError('BAD_INPUT', `unknown export format "${String(format)}"; use csv or parquet`)
  }
  if (!path.isAbsolute(options.path)) {
    throw new EngineError('BAD_INPUT', `the export path must be absolute, got "${options.path}"`)
  }
  if (compression !== 'zstd' && compression !== 'snappy') {
    throw new EngineError('BAD_INPUT', `unknown Parquet compression "${String(compression)}"; use zstd or snappy`)
  }
  if (!Number.isSafeInteger(rowGroupRows) || rowGroupRows < 1) {
    throw new EngineError('BAD_INPUT', `rowGroupRows must be a positive integer, got ${rowGroupRows}`)
  }
  return { compression, rowGroupRows }
}

/** The error an export throws: the iterator's own and the export's EngineErrors unchanged, others wrapped. */
function exportError(error: unknown, source: BatchSource, filePath: string): unknown {
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
