import { EngineError } from '../api/contract/errors.js'

/** File formats the export room writes. */
export type FileFormat = 'csv' | 'parquet' | 'jsonl' | 'arrow'

/** CSV field delimiters on offer: comma (RFC 4180), semicolon, tab, pipe. */
export type CsvDelimiter = ',' | ';' | '\t' | '|'

/** How a file is encoded, with every default applied. Fields of other formats are present and ignored. */
export interface FormatSettings {
  format: FileFormat
  /** CSV: field delimiter; default `,`. */
  delimiter: CsvDelimiter
  /** CSV: a first line with the column names; default true. */
  header: boolean
  /** Parquet: compression codec; default `zstd`. */
  compression: 'zstd' | 'snappy'
  /** Parquet: rows per row group; default 122 880 (DuckDB's row group size). */
  rowGroupRows: number
}

/** What a caller may say about the encoding; absent fields take their defaults. */
export type FormatOptions = Pick<FormatSettings, 'format'> & Partial<Omit<FormatSettings, 'format'>>

const FORMATS: readonly FileFormat[] = ['csv', 'parquet', 'jsonl', 'arrow']
const DELIMITERS: readonly string[] = [',', ';', '\t', '|']

/** File name extension of each format (Arrow: the IPC *file* format, which pyarrow and pandas open directly). */
export const FORMAT_EXTENSION: Readonly<Record<FileFormat, string>> = {
  csv: 'csv',
  parquet: 'parquet',
  jsonl: 'jsonl',
  arrow: 'arrow',
}

/** MIME type of each format, for downloads. */
export const FORMAT_MIME: Readonly<Record<FileFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  parquet: 'application/vnd.apache.parquet',
  jsonl: 'application/jsonl; charset=utf-8',
  arrow: 'application/vnd.apache.arrow.file',
}

/**
 * Checks encoding options and applies the defaults.
 * @throws EngineError `BAD_INPUT` naming the option: an unknown format, delimiter or compression, or a row group
 *   size that is not a positive integer.
 */
export function resolveFormatSettings(options: FormatOptions): FormatSettings {
  const { format, delimiter = ',', header = true, compression = 'zstd', rowGroupRows = 122_880 } = options
  if (!FORMATS.includes(format)) {
    throw new EngineError('BAD_INPUT', `unknown export format "${String(format)}"; use ${FORMATS.join(', ')}`)
  }
  if (!DELIMITERS.includes(delimiter)) {
    throw new EngineError('BAD_INPUT', `unknown CSV delimiter ${JSON.stringify(delimiter)}; use , ; | or a tab`)
  }
  if (compression !== 'zstd' && compression !== 'snappy') {
    throw new EngineError('BAD_INPUT', `unknown Parquet compression "${String(compression)}"; use zstd or snappy`)
  }
  if (!Number.isSafeInteger(rowGroupRows) || rowGroupRows < 1) {
    throw new EngineError('BAD_INPUT', `rowGroupRows must be a positive integer, got ${rowGroupRows}`)
  }
  return { format, delimiter, header: header !== false, compression, rowGroupRows }
}
