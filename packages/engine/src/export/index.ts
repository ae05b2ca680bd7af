/**
 * Export: a query's result written to CSV, Parquet, JSON Lines or Arrow IPC files, streaming, atomically
 * (temporary file + rename), verified (rows counted while writing and checked in Parquet footers, SHA-256 hashed
 * while writing), as datasets (sample, train/validation/test split, parts, renames and casts) with a manifest, run
 * as background jobs; plain CSV jobs are formatted by the hub.
 */
export type { ExportFileOptions, ExportProgress, ExportResult } from './export-file.types.js'
export { writeExportFile } from './write-export-file.js'
export type { CsvDelimiter, FileFormat, FormatOptions, FormatSettings } from './format-settings.js'
export { runDatasetExport } from './dataset/run-dataset-export.js'
export type { DatasetExportOptions, DatasetExportResult } from './dataset/run-dataset-export.js'
export type { DatasetProgress } from './dataset/dataset-progress.js'
export type { SampleSpec, SplitName, SplitSpec } from './dataset/dataset-options.js'
export { UnitHasher } from './dataset/unit-hash.js'
export type { DatasetContext, SourceVersion, StatementInfo } from './manifest/dataset-context.js'
export { ExportJobs } from './jobs/export-jobs.js'
export type { ErrorToBody } from './jobs/export-jobs.js'
