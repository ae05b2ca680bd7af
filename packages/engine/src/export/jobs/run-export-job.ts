import type pg from 'pg'
import type { ExportStartInput } from '../../api/contract/export.js'
import { openQueryStream, type QueryStream } from '../../exec/index.js'
import { runDatasetExport, type DatasetExportResult } from '../dataset/run-dataset-export.js'
import type { DatasetProgress } from '../dataset/dataset-progress.js'
import type { SampleSpec, SplitSpec } from '../dataset/dataset-options.js'
import type { DatasetContext, StatementInfo } from '../manifest/dataset-context.js'
import { hasShape, shapeSql, type ColumnShape } from '../shape/shape-sql.js'
import { learnExpectedRows, type ExpectedRows } from './expected-rows.js'

/** Statement timeout of the describe and version look-ups, in ms. */
const LOOKUP_TIMEOUT_MS = 30_000

/** One export job's work, as `ExportJobs` hands it over. */
export interface ExportJobWork {
  pool: pg.Pool
  folder: string
  jobId: string
  fileName: string
  input: ExportStartInput
  /** `input.sql` as one statement without its trailing `;` (exec room's `prepareStatementText`). */
  statement: string
  shape: ColumnShape
  context: DatasetContext
  signal: AbortSignal
  onProgress: (progress: DatasetProgress) => void
  onExpectedRows: (expected: ExpectedRows) => void
}

/**
 * Runs one export job: wraps the statement with its renames and casts (after describing its columns), asks the hub
 * its version when the caller did not say, starts learning the row count beside the export, opens the query stream
 * (binary COPY into Arrow, READ ONLY, no statement timeout, no row cap) and writes the dataset. CSV is formatted
 * in the engine, in parallel with the hub's COPY: letting the hub spell the engine's CSV measured slower on two
 * cores (docs/performance.md).
 * @throws what `openQueryStream` and `runDatasetExport` throw; `BAD_INPUT` from `shapeSql`.
 */
export async function runExportJob(work: ExportJobWork): Promise<DatasetExportResult> {
  const { pool, input, signal } = work
  const executedSql = hasShape(work.shape)
    ? shapeSql(work.statement, await describeColumns(pool, work.statement, signal), work.shape)
    : work.statement
  const context: DatasetContext =
    work.context.hubVersion === undefined
      ? { ...work.context, hubVersion: await hubVersion(pool, signal) }
      : work.context
  const counting = new AbortController()
  const stop = (): void => counting.abort()
  signal.addEventListener('abort', stop, { once: true })
  void learnExpectedRows(pool, executedSql, input.rowCount ?? 'estimate', counting.signal).then((expected) => {
    if (expected !== null && !counting.signal.aborted) work.onExpectedRows(expected)
  })
  let stream: QueryStream | undefined
  try {
    stream = await openQueryStream(pool, executedSql, { signal, maxRows: null, timeoutMs: 0 })
    return await runDatasetExport(stream.schema, stream.batches(), {
      folder: work.folder,
      fileName: work.fileName,
      format: input.format,
      delimiter: input.delimiter,
      header: input.header,
      compression: input.compression,
      rowGroupRows: input.rowGroupRows,
      split: splitSpec(input),
      sample: sampleSpec(input),
      partBytes: input.partBytes ?? null,
      statement: statementInfo(work, executedSql, context),
      signal,
      onProgress: work.onProgress,
    })
  } finally {
    signal.removeEventListener('abort', stop)
    counting.abort()
    await stream?.close()
  }
}

function statementInfo(work: ExportJobWork, executedSql: string, context: DatasetContext): StatementInfo {
  return {
    jobId: work.jobId,
    sql: work.input.sql,
    executedSql,
    parameters: [],
    rename: work.shape.rename,
    cast: work.shape.cast,
    context,
  }
}

/** The split of an `export/start` input with its defaults. */
export function splitSpec(input: ExportStartInput): SplitSpec | null {
  const split = input.split
  return split === undefined ? null : { key: split.key, seed: split.seed ?? 0, ratios: split.ratios }
}

/** The sample of an `export/start` input with its defaults. */
export function sampleSpec(input: ExportStartInput): SampleSpec | null {
  const sample = input.sample
  if (sample === undefined) return null
  return {
    rows: sample.rows ?? null,
    fraction: sample.fraction ?? null,
    seed: sample.seed ?? 0,
    key: sample.key ?? null,
  }
}

/** The result's column names, from a describe (no row is read). */
async function describeColumns(pool: pg.Pool, statement: string, signal: AbortSignal): Promise<string[]> {
  const stream = await openQueryStream(pool, statement, { signal, timeoutMs: LOOKUP_TIMEOUT_MS })
  await stream.close()
  return stream.schema.fields.map((field) => field.name)
}

/** The hub's `server_version`, or null when it cannot be read. */
async function hubVersion(pool: pg.Pool, signal: AbortSignal): Promise<string | null> {
  try {
    const stream = await openQueryStream(pool, "SELECT current_setting('server_version') AS v", {
      signal,
      maxRows: 1,
      timeoutMs: LOOKUP_TIMEOUT_MS,
    })
    try {
      for await (const batch of stream.batches()) return String(batch.getChildAt(0)?.get(0) ?? '') || null
      return null
    } finally {
      await stream.close()
    }
  } catch {
    return null
  }
}
