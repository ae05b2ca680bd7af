export type { ExportFileOptions, ExportProgress, ExportResult } from './export-file.types.js'
export { writeExportFile } from './write-export-file.js'
