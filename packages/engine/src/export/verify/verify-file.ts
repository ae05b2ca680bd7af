import { EngineError } from '../../api/contract/errors.js'
import type { AtomicFile } from '../atomic-file.js'
import type { FormatSettings } from '../format-settings.js'
import { countParquetRows } from '../parquet/count-parquet-rows.js'

/** What a sealed file holds, as its writer saw it. */
export interface VerifiedFile {
  /** Data rows written to the file (the writer's count; for Parquet checked against the footer). */
  rows: number
  /** File size in bytes. */
  bytes: number
  /** SHA-256 of the file's bytes, lower-case hex, hashed as they were written. */
  sha256: string
}

/**
 * The figures of a sealed file without reading it back: SHA-256 and size from `AtomicFile` (hashed chunk by chunk
 * as written), rows from the encoder or the COPY command tag. A Parquet file's footer row count is read (the
 * footer only) and checked against `rows`: parquet-wasm has been seen to drop rows silently.
 * @throws EngineError `EXPORT_FAILED` (`detail.expectedRows`, `detail.fileRows`) when a Parquet footer disagrees;
 *   `INTERNAL` when the file is not sealed; the footer reader's error unchanged.
 */
export async function verifyFile(file: AtomicFile, settings: FormatSettings, rows: number): Promise<VerifiedFile> {
  if (settings.format === 'parquet') {
    const fileRows = await countParquetRows(file.tempPath)
    if (fileRows !== rows) {
      throw new EngineError(
        'EXPORT_FAILED',
        `the written file holds ${fileRows} rows but ${rows} were written to it, so the export was discarded`,
        { expectedRows: rows, fileRows },
      )
    }
  }
  return { rows, bytes: file.bytesWritten, sha256: file.sha256 }
}
