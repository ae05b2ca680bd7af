import { z } from 'zod'

/** File formats the engine exports. */
export const ExportFormat = z.enum(['csv', 'parquet'])
export type ExportFormat = z.infer<typeof ExportFormat>

/** `export/start` input: the full result of `sql` written to a file in the engine's export folder. */
export const ExportStartInput = z.object({
  sql: z.string().min(1, 'sql is empty'),
  format: ExportFormat,
  /** File name without folder; default `export-<time>.<ext>`. Letters, digits, `.-_` only. */
  fileName: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/, 'file name may hold letters, digits, ".", "-" and "_" only')
    .optional(),
  /** Parquet compression; default zstd. */
  compression: z.enum(['zstd', 'snappy']).optional(),
  /** Parquet rows per row group; default 122 880. */
  rowGroupRows: z.number().int().positive().optional(),
})
export type ExportStartInput = z.infer<typeof ExportStartInput>

/** An export job: progress while running, the file once done. */
export const ExportJob = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'canceled']),
  format: ExportFormat,
  fileName: z.string(),
  /** Rows written so far. */
  rows: z.number().int(),
  /** Bytes written so far. */
  bytes: z.number().int(),
  startedAt: z.string(),
  elapsedMs: z.number(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
})
export type ExportJob = z.infer<typeof ExportJob>

/** Input of `export/status`, `export/cancel` and the download route. */
export const ExportJobInput = z.object({ jobId: z.string().min(1) })
export type ExportJobInput = z.infer<typeof ExportJobInput>
