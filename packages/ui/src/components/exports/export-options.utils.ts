import type { ExportFormat, ExportStartInput } from '@idw/engine/api'

/** Train/validation/test shares, each in [0, 1], summing to 1. */
export interface SplitRatios {
  train: number
  validation: number
  test: number
}

/**
 * Split ratios typed as `80/10/10` (percent), `0.8/0.1/0.1` (fractions) or `70/30` (train/test), separated
 * by `/`, `:`, `,` or spaces. They must add up to 100 (or 1). Answers `{ error }` with a sentence otherwise.
 */
export function parseRatios(text: string): SplitRatios | { error: string } {
  const parts = text
    .trim()
    .split(/\s*[/:,]\s*|\s+/)
    .filter((part) => part !== '')
  if (parts.length < 2 || parts.length > 3) return { error: 'give two or three ratios, e.g. 80/10/10' }
  const values = parts.map(Number)
  if (values.some((value) => !Number.isFinite(value) || value < 0))
    return { error: 'ratios are numbers ≥ 0, e.g. 80/10/10' }
  const sum = values.reduce((total, value) => total + value, 0)
  const scale = Math.abs(sum - 1) < 1e-9 ? 1 : Math.abs(sum - 100) < 1e-6 ? 100 : null
  if (scale === null) return { error: `ratios add up to ${Number(sum.toPrecision(6))}, not 100` }
  const [train = 0, second = 0, third] = values.map((value) => value / scale)
  return third === undefined ? { train, validation: 0, test: second } : { train, validation: second, test: third }
}

/** The export dialog's fields as typed (texts stay texts until `buildExportInput`). */
export interface ExportDraft {
  format: ExportFormat
  /** File name stem without extension; empty = the engine's default. */
  fileStem: string
  compression: 'zstd' | 'snappy'
  rowGroupRows: string
  delimiter: ',' | ';' | '\t' | '|'
  header: boolean
  /** Column to split on; empty = no split. */
  splitKey: string
  splitRatios: string
  splitSeed: string
  sampleMode: 'none' | 'rows' | 'fraction'
  sampleValue: string
  sampleSeed: string
  partMode: 'one' | 'parts'
  /** Target part size. MB (10^6 bytes). */
  partMegabytes: string
  /** New names by result column name; empty or equal = unchanged. */
  renames: Record<string, string>
  /** SQL types by result column name; empty = unchanged. */
  casts: Record<string, string>
  rowCount: 'estimate' | 'count' | 'none'
}

/** The dialog's first settings: Parquet with ZSTD and the engine's row group size, no split, sample or parts. */
export const DEFAULT_DRAFT: ExportDraft = {
  format: 'parquet',
  fileStem: '',
  compression: 'zstd',
  rowGroupRows: '122880',
  delimiter: ',',
  header: true,
  splitKey: '',
  splitRatios: '80/10/10',
  splitSeed: '',
  sampleMode: 'none',
  sampleValue: '',
  sampleSeed: '',
  partMode: 'one',
  partMegabytes: '256',
  renames: {},
  casts: {},
  rowCount: 'estimate',
}

/** File extension of each format, as the engine names its files. */
export const FORMAT_EXTENSIONS: Record<ExportFormat, string> = {
  csv: 'csv',
  parquet: 'parquet',
  jsonl: 'jsonl',
  arrow: 'arrow',
}

/** `text` as a whole number in `[min, max]`, or null. */
function wholeNumber(text: string, min: number, max = Number.MAX_SAFE_INTEGER): number | null {
  const value = Number(text.trim())
  return text.trim() !== '' && Number.isSafeInteger(value) && value >= min && value <= max ? value : null
}

/**
 * The `export/start` input for `sql` from the dialog's fields: only what differs from the engine's defaults
 * is sent (format options of the chosen format, a split when a key is picked, a sample, parts, renames and
 * casts that change something). Answers `{ error }` naming the field when one is not valid.
 */
export function buildExportInput(sql: string, draft: ExportDraft): ExportStartInput | { error: string } {
  const input: ExportStartInput = { sql, format: draft.format }
  if (draft.fileStem.trim() !== '') {
    const stem = draft.fileStem.trim()
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,180}$/.test(stem))
      return { error: 'file name: letters, digits, ".", "-" and "_" only' }
    input.fileName = `${stem}.${FORMAT_EXTENSIONS[draft.format]}`
  }
  if (draft.format === 'parquet') {
    input.compression = draft.compression
    const rowGroupRows = wholeNumber(draft.rowGroupRows, 1)
    if (rowGroupRows === null) return { error: 'row group size: a whole number of rows ≥ 1' }
    input.rowGroupRows = rowGroupRows
  }
  if (draft.format === 'csv') {
    input.delimiter = draft.delimiter
    input.header = draft.header
  }
  if (draft.splitKey !== '') {
    const ratios = parseRatios(draft.splitRatios)
    if ('error' in ratios) return { error: `split: ${ratios.error}` }
    input.split = { key: draft.splitKey, ratios }
    if (draft.splitSeed.trim() !== '') {
      const seed = wholeNumber(draft.splitSeed, 0, 0xffffffff)
      if (seed === null) return { error: 'split seed: a whole number from 0 to 4294967295' }
      input.split.seed = seed
    }
  }
  if (draft.sampleMode !== 'none') {
    const seed = draft.sampleSeed.trim() === '' ? undefined : wholeNumber(draft.sampleSeed, 0, 0xffffffff)
    if (seed === null) return { error: 'sample seed: a whole number from 0 to 4294967295' }
    if (draft.sampleMode === 'rows') {
      const rows = wholeNumber(draft.sampleValue, 1, 10_000_000)
      if (rows === null) return { error: 'sample: a whole number of rows from 1 to 10,000,000' }
      input.sample = {
        rows,
        ...(seed === undefined ? {} : { seed }),
        ...(draft.splitKey === '' ? {} : { key: draft.splitKey }),
      }
    } else {
      const fraction =
        Number(draft.sampleValue.trim().replace(/%$/, '')) / (draft.sampleValue.trim().endsWith('%') ? 100 : 1)
      if (!(fraction > 0 && fraction <= 1)) return { error: 'sample: a fraction in (0, 1] such as 0.1 or 10%' }
      input.sample = {
        fraction,
        ...(seed === undefined ? {} : { seed }),
        ...(draft.splitKey === '' ? {} : { key: draft.splitKey }),
      }
    }
  }
  if (draft.partMode === 'parts') {
    const megabytes = Number(draft.partMegabytes.trim())
    if (!(megabytes >= 0.001)) return { error: 'part size: a number of MB ≥ 0.001' }
    input.partBytes = Math.round(megabytes * 1_000_000)
  }
  const rename = Object.fromEntries(
    Object.entries(draft.renames)
      .map(([from, to]) => [from, to.trim()] as const)
      .filter(([from, to]) => to !== '' && to !== from),
  )
  if (Object.keys(rename).length > 0) input.rename = rename
  const cast = Object.fromEntries(
    Object.entries(draft.casts)
      .map(([column, type]) => [column, type.trim()] as const)
      .filter(([, type]) => type !== ''),
  )
  if (Object.keys(cast).length > 0) input.cast = cast
  if (draft.rowCount !== 'estimate') input.rowCount = draft.rowCount
  return input
}

/** The name a column has in the exported files: its rename, else itself. */
export function exportedName(draft: ExportDraft, column: string): string {
  const renamed = draft.renames[column]?.trim()
  return renamed ? renamed : column
}
