import { z } from 'zod'

/**
 * File formats the engine exports: `csv` (RFC 4180), `parquet`, `jsonl` (JSON Lines) and `arrow` (Arrow IPC
 * *file* format, `.arrow`, which `pyarrow.ipc.open_file` and `pandas.read_feather` open directly).
 */
export const ExportFormat = z.enum(['csv', 'parquet', 'jsonl', 'arrow'])
export type ExportFormat = z.infer<typeof ExportFormat>

/** Names of the three splits, in routing order. */
export const ExportSplitName = z.enum(['train', 'validation', 'test'])
export type ExportSplitName = z.infer<typeof ExportSplitName>

const Seed = z.number().int().min(0).max(0xffffffff)
const Ratio = z.number().min(0).max(1)

/**
 * A deterministic train/validation/test split by a hash of `key` (a column of the exported file, after renames).
 * The same key value lands in the same split on every run, hub and machine; see `ExportManifest.split.hash` for
 * the formula. `ratios` sum to 1; a split of ratio 0 gets no file. `seed` (default 0) picks another split.
 */
export const ExportSplit = z.object({
  key: z.string().min(1),
  ratios: z
    .object({ train: Ratio, validation: Ratio, test: Ratio })
    .refine((r) => Math.abs(r.train + r.validation + r.test - 1) <= 1e-9, 'split ratios must sum to 1'),
  seed: Seed.optional(),
})
export type ExportSplit = z.infer<typeof ExportSplit>

/**
 * Reproducible sampling, applied before the split: `fraction` keeps the rows whose hash is below it; `rows` keeps
 * the rows with the `rows` smallest hashes (exactly `rows` rows unless `key` has duplicates, whose rows are kept
 * or dropped together). The hash comes from `key` when given, else from the row's position in the result
 * (reproducible only when the query orders its rows). Same seed, same rows; another seed, other rows.
 */
export const ExportSample = z
  .object({
    rows: z.number().int().min(1).max(10_000_000).optional(),
    fraction: z.number().gt(0).max(1).optional(),
    seed: Seed.optional(),
    key: z.string().min(1).optional(),
  })
  .refine((s) => (s.rows === undefined) !== (s.fraction === undefined), 'a sample takes either rows or fraction')
export type ExportSample = z.infer<typeof ExportSample>

/**
 * `export/start` input: the full result of `sql` written to files in the engine's export folder, with a manifest
 * `<stem>.manifest.json` beside them. Only `sql` and `format` are required.
 */
export const ExportStartInput = z.object({
  sql: z.string().min(1, 'sql is empty'),
  format: ExportFormat,
  /**
   * File name without folder; default `export-<time>.<ext>`. Letters, digits, `.-_` only. A one-file export is
   * written under this name; a split or multi-part export derives its names from the stem (the name without the
   * format's extension): `<stem>.train.parquet`, `<stem>.part-0001.parquet`, `<stem>.test.part-0002.parquet`.
   */
  fileName: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/, 'file name may hold letters, digits, ".", "-" and "_" only')
    .optional(),
  /** Parquet compression; default zstd. */
  compression: z.enum(['zstd', 'snappy']).optional(),
  /** Parquet rows per row group; default 122 880. */
  rowGroupRows: z.number().int().positive().optional(),
  /** CSV field delimiter; default `,`. */
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  /** CSV header line with the column names; default true. */
  header: z.boolean().optional(),
  /** New names of result columns: `{ "old name": "new name" }` (≤ 63 bytes each, as PostgreSQL allows). */
  rename: z.record(z.string(), z.string().min(1)).optional(),
  /**
   * Casts of result columns to SQL types, applied in the hub: `{ "column": "float8" }`. Keys are the result's
   * column names (before renames). Type names: one identifier (`int8`, `numeric(12,2)`, `varchar(20)`,
   * `timestamptz(3)`, with `[]` for arrays) or a standard multi-word name (`double precision`,
   * `timestamp with time zone`, …).
   */
  cast: z.record(z.string(), z.string().min(1)).optional(),
  split: ExportSplit.optional(),
  sample: ExportSample.optional(),
  /**
   * Write parts of about this many bytes (≥ 1024) instead of one file per split. CSV, JSON Lines and Arrow parts
   * stay within it; Parquet parts aim at it, learning the size per row from the parts already written.
   */
  partBytes: z.number().int().min(1024).optional(),
  /**
   * How the job learns the row count behind `percent`: `estimate` (default; the planner's estimate from
   * `EXPLAIN`, no row read), `count` (a `SELECT count(*)` over the query, run beside the export: exact, but it
   * runs the query a second time unless the source computes the count), `none`.
   */
  rowCount: z.enum(['estimate', 'count', 'none']).optional(),
})
export type ExportStartInput = z.infer<typeof ExportStartInput>

/** One finished data file of an export, as listed in the job status and the manifest. */
export const ExportFile = z.object({
  name: z.string(),
  split: ExportSplitName.nullable(),
  /** 1-based part number; null without parts. */
  part: z.number().int().nullable(),
  /** Rows, counted back from the written file. */
  rows: z.number().int(),
  bytes: z.number().int(),
  /** SHA-256 of the file, lower-case hex. */
  sha256: z.string(),
})
export type ExportFile = z.infer<typeof ExportFile>

/**
 * An export job: progress while running, the files once done. Fields marked "always set" are optional in the
 * schema only so that clients built against the first version keep validating.
 */
export const ExportJob = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'canceled']),
  format: ExportFormat,
  /** The name asked for (or the default); the actual files are in `files`. */
  fileName: z.string(),
  /** Rows written so far (after sampling). */
  rows: z.number().int(),
  /** Bytes written so far, all files together. */
  bytes: z.number().int(),
  startedAt: z.string(),
  elapsedMs: z.number(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /**
   * Always set. `starting` (planning, opening the query), `streaming` (reading the result and writing),
   * `sampling` (count sampling writes its rows after the last result row), `verifying` (reading every file back
   * for its row count and SHA-256), `finished`.
   */
  phase: z.enum(['starting', 'streaming', 'sampling', 'verifying', 'finished']).optional(),
  /** Always set. Rows read from the query so far (before sampling). */
  rowsRead: z.number().int().optional(),
  /** Always set. Rows the query is expected to return (see `expectedRowsSource`); null while unknown. */
  expectedRows: z.number().int().nullable().optional(),
  /** Always set. `count` = exact; `estimate` = the planner's guess, which may be far off; null = unknown. */
  expectedRowsSource: z.enum(['estimate', 'count']).nullable().optional(),
  /**
   * Always set. `rowsRead / expectedRows` in percent (one decimal), at most 99.9 until the job is done and 100
   * then; null while the row count is unknown or once more rows came than the estimate said.
   */
  percent: z.number().nullable().optional(),
  /** Always set. The data files once the job is done (empty before and after a failure). */
  files: z.array(ExportFile).optional(),
  /** Always set. The manifest's file name once done, else null. */
  manifestFile: z.string().nullable().optional(),
})
export type ExportJob = z.infer<typeof ExportJob>

/**
 * Input of `export/status`, `export/cancel`, `export/wait` and `export/download`. `file` is read by
 * `export/download` only: one of the job's `files[].name` or its `manifestFile`. Without `file` a one-file job
 * answers its data file; a job with several files answers `BAD_INPUT` listing them.
 */
export const ExportJobInput = z.object({
  jobId: z.string().min(1),
  file: z.string().min(1).optional(),
})
export type ExportJobInput = z.infer<typeof ExportJobInput>

/** How split and sample hashes are computed, spelled out in every manifest so that anyone can recompute them. */
export const ExportHash = z.object({
  function: z.literal('murmur3_x86_32'),
  input: z.string(),
  unit: z.string(),
})

/** One column of an exported file: Arrow name and type, and the PostgreSQL type the hub reported. */
export const ExportSchemaField = z.object({
  name: z.string(),
  arrowType: z.string(),
  pgType: z.string().nullable(),
  nullable: z.boolean(),
})

/**
 * The manifest written beside every export as `<stem>.manifest.json` (after the data files, so its presence
 * means the export is complete): what was run, by whom, against which hub and sources, how the rows were
 * sampled, split and encoded, and each file's rows, size and SHA-256.
 */
export const ExportManifest = z.object({
  manifestVersion: z.literal(1),
  jobId: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string(),
  principal: z.string(),
  statement: z.object({
    /** The SQL as given. */
    sql: z.string(),
    /** The SQL the hub ran (renames and casts wrapped around `sql`). */
    executedSql: z.string(),
    parameters: z.array(z.unknown()),
  }),
  hub: z.object({ version: z.string().nullable() }),
  sources: z.array(z.object({ name: z.string(), extension: z.string().nullable(), version: z.string().nullable() })),
  format: z.object({
    name: ExportFormat,
    delimiter: z.string().optional(),
    header: z.boolean().optional(),
    compression: z.enum(['zstd', 'snappy']).optional(),
    rowGroupRows: z.number().int().optional(),
  }),
  columns: z.object({ rename: z.record(z.string(), z.string()), cast: z.record(z.string(), z.string()) }),
  schema: z.array(ExportSchemaField),
  split: z
    .object({
      key: z.string(),
      seed: z.number().int(),
      ratios: z.object({ train: z.number(), validation: z.number(), test: z.number() }),
      rule: z.string(),
      hash: ExportHash,
    })
    .nullable(),
  sample: z
    .object({
      rows: z.number().int().nullable(),
      fraction: z.number().nullable(),
      seed: z.number().int(),
      key: z.string().nullable(),
      method: z.enum(['threshold', 'bottom-k']),
      hash: ExportHash,
    })
    .nullable(),
  parts: z.object({ targetBytes: z.number().int() }).nullable(),
  /** Rows the query returned (before sampling). */
  rowsRead: z.number().int(),
  /** Rows in the files, all together. */
  rows: z.number().int(),
  files: z.array(ExportFile),
})
export type ExportManifest = z.infer<typeof ExportManifest>
