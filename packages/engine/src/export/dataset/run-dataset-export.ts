import path from 'node:path'
import type { RecordBatch, Schema } from 'apache-arrow'
import { EngineError } from '../../api/contract/errors.js'
import type { ExportFile, ExportManifest } from '../../api/contract/export.js'
import { BatchSource } from '../batch-source.js'
import { resolveFormatSettings, type FormatOptions, type FormatSettings } from '../format-settings.js'
import { buildManifest } from '../manifest/build-manifest.js'
import type { StatementInfo } from '../manifest/dataset-context.js'
import { verifyFile } from '../verify/verify-file.js'
import { exportError } from '../write-export-file.js'
import { BottomKSampler } from './bottom-k-sampler.js'
import { DatasetNames } from './dataset-names.js'
import {
  MIN_PART_BYTES,
  SPLIT_NAMES,
  checkSample,
  checkSplit,
  type SampleSpec,
  type SplitSpec,
} from './dataset-options.js'
import { DatasetProgressReporter, type DatasetProgress } from './dataset-progress.js'
import { publishDataset } from './publish-dataset.js'
import { FractionSampler, type RowSampler } from './row-sampler.js'
import { SizeModel } from './size-model.js'
import { SplitOutput, type WrittenFile } from './split-output.js'
import { SplitRouter } from './split-router.js'

/** What to write and how: encoding (`FormatOptions`), dataset options, and the facts for the manifest. */
export interface DatasetExportOptions extends FormatOptions {
  /** Absolute folder of the files; it must exist. */
  folder: string
  /** The name asked for; see `DatasetNames` for the names derived from it. */
  fileName: string
  split?: SplitSpec | null
  sample?: SampleSpec | null
  /** Target part size in bytes (≥ 1024); null = one file per split. */
  partBytes?: number | null
  statement: StatementInfo
  /** Aborting cancels: `EXPORT_CANCELED`, no file under any final name, no temporary file left. */
  signal?: AbortSignal
  /** Called at most every ~100 ms, and at each phase change. */
  onProgress?: (progress: DatasetProgress) => void
}

/** A completed dataset export. */
export interface DatasetExportResult {
  /** The data files, verified and under their final names. */
  files: ExportFile[]
  manifestFile: string
  manifest: ExportManifest
  rowsRead: number
  rows: number
  /** Data bytes, all files together. */
  bytes: number
  elapsedMs: number
}

/**
 * Writes a result as a dataset: optionally sampled, split into train/validation/test by a key hash, cut into parts
 * of a target size, in one pass over the batches; then verifies and publishes it with a manifest.
 *
 * Steps: each batch is sampled (`FractionSampler`, or `BottomKSampler` which holds its candidates in a spill file
 * until the end), routed to its splits (`SplitRouter`) and written to each split's `SplitOutput` (temporary
 * files). Once the result is read, every file is sealed and verified (`verifyFile`: SHA-256 hashed while
 * writing, rows from the encoder, a Parquet footer's row count checked), then all are renamed to their final names and the manifest is written last (`publishDataset`).
 * Memory: one batch, the encoders' buffers (a row group per split for Parquet), and 8 bytes per sampled row for
 * count sampling.
 *
 * On failure or cancel every temporary file and the spill are removed; no file appears under a final name.
 * @throws EngineError `BAD_INPUT` (options: format, folder, split, sample, part size); `EXPORT_CANCELED`;
 *   `EXPORT_FAILED` (file system, encoder, verification); the batches' own error unchanged.
 */
export async function runDatasetExport(
  schema: Schema,
  batches: AsyncIterable<RecordBatch>,
  options: DatasetExportOptions,
): Promise<DatasetExportResult> {
  const started = performance.now()
  const startedAt = new Date()
  const settings = resolveFormatSettings(options)
  const split = options.split ?? null
  const sample = options.sample ?? null
  const partBytes = options.partBytes ?? null
  checkOptions(options, schema, split, sample, partBytes)
  const names = new DatasetNames(options.fileName, settings.format)
  const config = {
    folder: options.folder,
    names,
    schema,
    settings,
    partBytes,
    sizeModel: new SizeModel(),
    signal: options.signal,
  }
  const splits = split === null ? [null] : SPLIT_NAMES.filter((name) => split.ratios[name] > 0)
  const outputs = splits.map((name) => new SplitOutput(config, name))
  const router = split === null ? null : new SplitRouter(schema, split)
  const sampler = createSampler(schema, sample, path.join(options.folder, names.spill))
  const progress = new DatasetProgressReporter(outputs, options.onProgress)
  const source = new BatchSource(batches, options.signal)

  const write = async (batch: RecordBatch): Promise<void> => {
    if (router === null) return (outputs[0] as SplitOutput).write(batch)
    for (const routed of router.route(batch)) {
      await (outputs.find((output) => output.split === routed.split) as SplitOutput).write(routed.batch)
    }
  }

  try {
    source.throwIfCanceled()
    progress.enter('streaming')
    for (let batch = await source.next(); batch !== undefined; batch = await source.next()) {
      const firstRow = progress.rowsRead
      progress.rowsRead += batch.numRows
      const kept = sampler === null ? batch : await sampler.take(batch, firstRow)
      if (kept !== null) await write(kept)
      progress.tick()
    }
    if (sampler !== null) {
      progress.enter('sampling')
      for await (const batch of sampler.rest()) {
        source.throwIfCanceled()
        await write(batch)
        progress.tick()
      }
    }
    const written: WrittenFile[] = []
    for (const output of outputs) written.push(...(await output.finish()))
    source.throwIfCanceled()
    progress.enter('verifying')
    const files = await verifyAll(written, settings, source)
    const manifest = buildManifest({
      statement: options.statement,
      schema,
      settings,
      split,
      sample,
      partBytes,
      rowsRead: progress.rowsRead,
      files,
      startedAt,
      completedAt: new Date(),
    })
    source.throwIfCanceled()
    await publishDataset(options.folder, names, written, manifest)
    return {
      files,
      manifestFile: names.manifest,
      manifest,
      rowsRead: progress.rowsRead,
      rows: manifest.rows,
      bytes: files.reduce((sum, file) => sum + file.bytes, 0),
      elapsedMs: performance.now() - started,
    }
  } catch (error) {
    await source.close()
    await Promise.all(outputs.map((output) => output.discard()))
    throw exportError(error, source, path.join(options.folder, names.fileName))
  } finally {
    await sampler?.close()
  }
}

function checkOptions(
  options: DatasetExportOptions,
  schema: Schema,
  split: SplitSpec | null,
  sample: SampleSpec | null,
  partBytes: number | null,
): void {
  if (!path.isAbsolute(options.folder)) {
    throw new EngineError('BAD_INPUT', `the export folder must be absolute, got "${options.folder}"`)
  }
  if (split !== null) checkSplit(split, schema)
  if (sample !== null) checkSample(sample, schema)
  if (partBytes !== null && !(Number.isSafeInteger(partBytes) && partBytes >= MIN_PART_BYTES)) {
    throw new EngineError('BAD_INPUT', `partBytes must be a whole number ≥ ${MIN_PART_BYTES}, got ${partBytes}`)
  }
}

function createSampler(schema: Schema, sample: SampleSpec | null, spillPath: string): RowSampler | null {
  if (sample === null) return null
  if (sample.rows !== null) return new BottomKSampler(schema, { ...sample, rows: sample.rows }, spillPath)
  return new FractionSampler(schema, { ...sample, fraction: sample.fraction as number })
}

/** Verifies every sealed file (rows and SHA-256), one after the other, stopping at a cancel. */
async function verifyAll(
  written: readonly WrittenFile[],
  settings: FormatSettings,
  source: BatchSource,
): Promise<ExportFile[]> {
  const files: ExportFile[] = []
  for (const file of written) {
    source.throwIfCanceled()
    const verified = await verifyFile(file.file, settings, file.rows)
    files.push({ name: file.name, split: file.split, part: file.part, ...verified })
  }
  return files
}
