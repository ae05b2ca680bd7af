import path from 'node:path'
import type { RecordBatch, Schema } from 'apache-arrow'
import { AtomicFile } from '../atomic-file.js'
import { openEncoder, type BatchEncoder } from '../encoder.js'
import type { FormatSettings } from '../format-settings.js'
import type { DatasetNames } from './dataset-names.js'
import type { SplitName } from './dataset-options.js'
import { arrowBytesPerRow, type SizeModel } from './size-model.js'

/** A complete, sealed data file still under its temporary name. */
export interface WrittenFile {
  /** Final file name (no folder). */
  name: string
  split: SplitName | null
  /** 1-based part number; null without parts. */
  part: number | null
  /** Rows handed to the file's encoder. */
  rows: number
  file: AtomicFile
}

/** What every split's output shares. */
export interface OutputConfig {
  folder: string
  names: DatasetNames
  schema: Schema
  settings: FormatSettings
  /** Target size of a part in bytes; null = one file. */
  partBytes: number | null
  sizeModel: SizeModel
  signal?: AbortSignal
}

interface OpenFile {
  file: AtomicFile
  encoder: BatchEncoder
  name: string
  part: number | null
  /** Bytes queued once the file was opened (magic, schema). */
  openBytes: number
  batches: number
}

/** Rows written first into a text or Arrow part when no size per row is known yet; they tell it exactly. */
const PROBE_ROWS = 256
/** Planning counts each row 2 % larger than the average so far: rows longer than average rarely overflow a part. */
const SIZE_MARGIN = 1.02
/** Arrow footer bytes per record batch block (offset, metadata length, body length). */
const ARROW_BLOCK_BYTES = 24

/**
 * The files of one split (or of the whole export without a split): one file, or parts of about `partBytes`.
 *
 * A part is sealed before a batch would take it past `partBytes`, and a batch larger than the room left is cut
 * (zero-copy slices). The room is planned with the size per row so far plus a 2 % margin: CSV, JSON Lines and
 * Arrow measure it on the part being written (the first 256 rows are a probe; the Arrow footer is reserved) and
 * fill half the room left at a time, so their parts stay within `partBytes` unless a part's last few rows are far
 * longer than the rows before them.
 * Parquet bytes only arrive per row group, so its size per row comes from the parts sealed earlier in the export,
 * and before the first one from the batch's size in memory (usually larger than the compressed size, so the first
 * part comes out smaller than the target); its parts aim at `partBytes`. A part always holds at least one row.
 */
export class SplitOutput {
  #open: OpenFile | undefined
  readonly #sealed: WrittenFile[] = []
  #parts = 0
  #sealedBytes = 0
  #sealedRows = 0

  constructor(
    private readonly config: OutputConfig,
    readonly split: SplitName | null,
  ) {}

  /** Rows handed to this output's files so far. */
  get rows(): number {
    return this.#sealedRows + (this.#open?.encoder.rows ?? 0)
  }

  /** Bytes queued to this output's files so far. */
  get bytes(): number {
    return this.#sealedBytes + (this.#open?.file.bytesQueued ?? 0)
  }

  /** Writes a batch, sealing and opening parts as needed. @throws what the encoder and the file system throw. */
  async write(batch: RecordBatch): Promise<void> {
    const target = this.config.partBytes
    if (target === null) {
      await (await this.#ensureOpen()).encoder.write(batch)
      return
    }
    let rest = batch
    while (rest.numRows > 0) {
      const open = await this.#ensureOpen()
      const perRow = this.#bytesPerRow(open, rest)
      let rows: number
      if (perRow === null) {
        rows = Math.min(rest.numRows, PROBE_ROWS)
      } else {
        const fit = Math.floor((target - this.#usedBytes(open, perRow)) / Math.max(perRow * SIZE_MARGIN, 1e-9))
        if (fit < 1 && open.encoder.rows > 0) {
          await this.#seal()
          continue
        }
        // Measured formats take half the room at a time (down to 64 rows), re-measuring in between, so rows
        // longer than the average so far (growing ids, say) cannot push a part past its target.
        const step = this.config.settings.format === 'parquet' || fit <= 64 ? fit : Math.ceil(fit / 2)
        rows = Math.max(1, Math.min(rest.numRows, step))
      }
      await open.encoder.write(rows === rest.numRows ? rest : rest.slice(0, rows))
      open.batches += 1
      rest = rest.slice(rows)
    }
  }

  /** Seals the last file (an empty one when no row came) and answers every file of this output. */
  async finish(): Promise<WrittenFile[]> {
    if (this.#open === undefined && this.#sealed.length === 0) await this.#ensureOpen()
    if (this.#open !== undefined) await this.#seal()
    return [...this.#sealed]
  }

  /** Stops the encoder and removes every temporary file of this output; never throws. */
  async discard(): Promise<void> {
    const open = this.#open
    this.#open = undefined
    if (open !== undefined) {
      await open.encoder.abort()
      await open.file.discard()
    }
    await Promise.all(this.#sealed.map((written) => written.file.discard()))
  }

  async #ensureOpen(): Promise<OpenFile> {
    if (this.#open !== undefined) return this.#open
    const { folder, names, schema, settings, partBytes, signal } = this.config
    const part = partBytes === null ? null : ++this.#parts
    const name = names.file(this.split, part)
    const file = await AtomicFile.create(path.join(folder, name))
    try {
      const encoder = await openEncoder(schema, file, settings, signal)
      this.#open = { file, encoder, name, part, openBytes: file.bytesQueued, batches: 0 }
      return this.#open
    } catch (error) {
      await file.discard()
      throw error
    }
  }

  async #seal(): Promise<void> {
    const open = this.#open
    if (open === undefined) return
    await open.encoder.finish()
    await open.file.seal()
    this.#open = undefined
    const rows = open.encoder.rows
    this.#sealed.push({ name: open.name, split: this.split, part: open.part, rows, file: open.file })
    this.#sealedBytes += open.file.bytesQueued
    this.#sealedRows += rows
    this.config.sizeModel.observe(open.file.bytesQueued, rows)
  }

  /** Bytes per row to plan with; null when a probe should measure it first. */
  #bytesPerRow(open: OpenFile, batch: RecordBatch): number | null {
    if (this.config.settings.format === 'parquet') return this.config.sizeModel.bytesPerRow ?? arrowBytesPerRow(batch)
    const rows = open.encoder.rows
    if (rows > 0) return (open.file.bytesQueued - open.openBytes) / rows
    return this.config.sizeModel.bytesPerRow
  }

  /** Bytes the open part will take once sealed, before the next batch: queued bytes plus what is still to come. */
  #usedBytes(open: OpenFile, perRow: number): number {
    const queued = open.file.bytesQueued
    switch (this.config.settings.format) {
      case 'parquet':
        return Math.max(queued, open.encoder.rows * perRow)
      case 'arrow':
        // The footer repeats the schema (about `openBytes`), lists each batch, and the next batch brings its own
        // message header (about as large as the schema message) and up to 8 bytes of padding per buffer (≤ 3 a column).
        return (
          queued +
          2 * open.openBytes +
          ARROW_BLOCK_BYTES * (open.batches + 1) +
          16 +
          24 * this.config.schema.fields.length
        )
      default:
        return queued
    }
  }
}
