import type { FormatOptions } from './format-settings.js'

/** Rows and bytes an export has written so far. */
export interface ExportProgress {
  /** Rows handed to the file writer (CSV, JSON Lines, Arrow: encoded; Parquet: given to the row-group encoder). */
  rows: number
  /** Bytes written to the (temporary) file so far. */
  bytes: number
}

/**
 * Where and how `writeExportFile` writes a result. Encoding: `format` (csv, parquet, jsonl, arrow); CSV
 * `delimiter` (default `,`) and `header` (default true); Parquet `compression` (default `zstd`) and
 * `rowGroupRows` (default 122 880, DuckDB's row group size). Options of other formats are ignored.
 */
export interface ExportFileOptions extends FormatOptions {
  /** Final absolute path; its folder must exist. An existing file there is replaced only on success. */
  path: string
  /** Aborting cancels the export: `EXPORT_CANCELED`, no file under `path`, no temporary file left. */
  signal?: AbortSignal
  /** Called at most every ~100 ms while writing, and once at the end with the final figures. */
  onProgress?: (progress: ExportProgress) => void
}

/** A completed export. */
export interface ExportResult {
  /** The final absolute path. */
  path: string
  /** Data rows written (the CSV header is not a row). */
  rows: number
  /** File size in bytes. */
  bytes: number
  /** Wall time from the call to the rename, in ms. */
  elapsedMs: number
}
