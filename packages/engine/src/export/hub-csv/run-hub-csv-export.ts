import { Buffer } from 'node:buffer'
import path from 'node:path'
import type pg from 'pg'
import { EngineError } from '../../api/contract/errors.js'
import { openCsvCopy } from '../../exec/index.js'
import { AtomicFile } from '../atomic-file.js'
import { exportCanceled } from '../batch-source.js'
import { csvHeaderLine } from '../csv/csv-encoder.js'
import { DatasetNames } from '../dataset/dataset-names.js'
import type { DatasetProgress } from '../dataset/dataset-progress.js'
import type { DatasetExportResult } from '../dataset/run-dataset-export.js'
import type { FormatSettings } from '../format-settings.js'
import { buildManifest } from '../manifest/build-manifest.js'
import type { StatementInfo } from '../manifest/dataset-context.js'
import { publishDataset } from '../dataset/publish-dataset.js'

/** Minimum time between two progress reports, in ms. */
const REPORT_INTERVAL_MS = 100

/** A CSV export the hub formats: one file, no split, sample or parts. */
export interface HubCsvExportOptions {
  pool: pg.Pool
  /** Absolute folder of the file; it must exist. */
  folder: string
  fileName: string
  /** The statement to run (renames and casts already wrapped around it). */
  sql: string
  settings: FormatSettings
  statement: StatementInfo
  signal: AbortSignal
  onProgress?: (progress: DatasetProgress) => void
}

/**
 * Writes a result as one CSV file formatted by the hub (`openCsvCopy`: `COPY … TO STDOUT (FORMAT csv)` with the
 * engine's spelling per column), streaming its bytes straight into an `AtomicFile`; the header line is the
 * engine's (`csvHeaderLine`). Verification needs no second read: the SHA-256 is hashed while writing and the rows
 * are the CopyData messages, checked against the COPY command tag. Then the file is published with its manifest
 * (`publishDataset`), as `runDatasetExport` does. Progress (rows, bytes) every ~100 ms.
 *
 * Answers null, having written nothing, when the hub refuses the COPY wrap (`SHOW`, `EXPLAIN`…): the caller then
 * exports through the streaming path.
 * On failure or cancel the temporary file is removed and no file appears under the final name.
 * @throws EngineError `EXPORT_CANCELED` when `signal` aborts; `EXPORT_FAILED` (file system, with `detail.path`);
 *   the hub's own error (`HUB_QUERY_FAILED`, `QUERY_CANCELED` for a statement timeout…) unchanged.
 */
export async function runHubCsvExport(options: HubCsvExportOptions): Promise<DatasetExportResult | null> {
  const started = performance.now()
  const startedAt = new Date()
  const { settings, signal } = options
  const names = new DatasetNames(options.fileName, 'csv')
  const name = names.file(null, null)
  const finalPath = path.join(options.folder, name)
  const stream = await openCsvCopy(options.pool, options.sql, { delimiter: settings.delimiter, signal, timeoutMs: 0 })
  if (stream === null) return null
  let file: AtomicFile | undefined
  let last = performance.now()
  const report = (phase: DatasetProgress['phase']): void => {
    last = performance.now()
    const bytes = file?.bytesQueued ?? 0
    options.onProgress?.({ phase, rowsRead: stream.rows, rows: stream.rows, bytes })
  }
  try {
    if (signal.aborted) throw exportCanceled()
    file = await AtomicFile.create(finalPath)
    report('streaming')
    if (settings.header) await file.write(Buffer.from(csvHeaderLine(stream.schema, settings.delimiter), 'utf8'))
    for await (const chunk of stream.chunks()) {
      await file.write(chunk)
      if (performance.now() - last >= REPORT_INTERVAL_MS) report('streaming')
    }
    await file.seal()
    if (signal.aborted) throw exportCanceled()
    report('verifying')
    const rows = stream.rows
    const files = [{ name, split: null, part: null, rows, bytes: file.bytesWritten, sha256: file.sha256 }]
    const manifest = buildManifest({
      statement: options.statement,
      schema: stream.schema,
      settings,
      split: null,
      sample: null,
      partBytes: null,
      rowsRead: rows,
      files,
      startedAt,
      completedAt: new Date(),
    })
    await publishDataset(options.folder, names, [{ name, split: null, part: null, rows, file }], manifest)
    return {
      files,
      manifestFile: names.manifest,
      manifest,
      rowsRead: rows,
      rows,
      bytes: file.bytesWritten,
      elapsedMs: performance.now() - started,
    }
  } catch (error) {
    await stream.close()
    await file?.discard()
    throw hubCsvError(error, signal, finalPath)
  }
}

/** A cancel as `EXPORT_CANCELED`, the hub's EngineErrors unchanged, anything else (file system) `EXPORT_FAILED`. */
function hubCsvError(error: unknown, signal: AbortSignal, filePath: string): unknown {
  if (signal.aborted) return exportCanceled()
  if (error instanceof EngineError) return error
  const reason = error instanceof Error ? error.message : String(error)
  const errno = (error as NodeJS.ErrnoException | undefined)?.code
  return new EngineError(
    'EXPORT_FAILED',
    `could not write the export file ${path.basename(filePath)}: ${reason}`,
    errno === undefined ? { path: filePath } : { path: filePath, errno },
    { cause: error },
  )
}
