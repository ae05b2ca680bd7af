import { Buffer } from 'node:buffer'
import { DataType, type Data, type Field, type RecordBatch, type Schema } from 'apache-arrow'
import type { AtomicFile } from '../atomic-file.js'
import { assertBatchMatchesSchema } from '../batch-shape.js'
import type { BatchEncoder } from '../encoder.js'
import type { CsvDelimiter } from '../format-settings.js'
import { writeTextWindows } from '../text-windows.js'
import { csvField, quote } from './csv-quote.js'
import { formatColumn } from './format-column.js'

const QUOTE = 0x22

/**
 * Writes a result as CSV, batch by batch.
 *
 * Format (what pandas, DuckDB, Spark and PostgreSQL's `COPY … CSV` read back):
 * - RFC 4180 with the chosen delimiter (`,` by default; `;`, tab or `|`), `"` and LF line ends (RFC 4180 says
 *   CRLF; every reader accepts LF, and CR/LF inside values are quoted anyway). UTF-8 without BOM. An optional
 *   header row holds the column names, quoted when needed.
 * - A field is quoted, with inner quotes doubled, when it holds `,`, the delimiter, `"`, CR or LF, or starts or
 *   ends with a space or tab. NULL is an empty unquoted field; the empty string is `""` (DuckDB:
 *   `allow_quoted_nulls=false`; PostgreSQL COPY CSV reads the two apart by default).
 * - Integers and decimals exact (int8 beyond 2^53 too, numeric(p,s) with exactly s fraction digits); floats in
 *   their shortest round-trip form, `NaN`, `Infinity`, `-Infinity`, `-0` as PostgreSQL spells them; booleans
 *   `true`/`false`; dates `YYYY-MM-DD`; times `HH:MM:SS.ffffff`; timestamps `YYYY-MM-DD HH:MM:SS.ffffff`
 *   (always 6 fraction digits for microseconds) in UTC, timestamptz with the offset `+00:00`; years before 1
 *   end with ` BC` like PostgreSQL; bytea `\x` + lower-case hex; json and text as they are; lists as compact
 *   JSON arrays (see `formatLists`).
 *
 * Each batch is formatted in windows of 512 rows, column by column (each value turned into text once), joined
 * into lines and written in ~1 MiB chunks by `writeTextWindows`, so memory holds one batch and two chunks
 * whatever the row count.
 */
export class CsvEncoder implements BatchEncoder {
  #rows = 0
  #headerDone = false
  readonly #parts: string[] = []
  readonly #quoteChecked: boolean[]

  constructor(
    private readonly schema: Schema,
    private readonly file: AtomicFile,
    private readonly settings: { delimiter: CsvDelimiter; header: boolean },
    private readonly signal?: AbortSignal,
  ) {
    this.#quoteChecked = schema.fields.map((field) => settings.delimiter !== ',' && mayHoldDelimiter(field))
  }

  get rows(): number {
    return this.#rows
  }

  async write(batch: RecordBatch): Promise<void> {
    assertBatchMatchesSchema(this.schema, batch)
    const fields = this.schema.fields
    const formatWindow = (start: number, rows: number): string => {
      const columns = fields.map((field, c) => {
        const column = formatColumn((batch.data.children[c] as Data).slice(start, rows), field, 'csv')
        return this.#quoteChecked[c] === true ? quoteDelimiter(column, this.settings.delimiter) : column
      })
      return joinRows(columns, rows, this.#parts, this.settings.delimiter)
    }
    await writeTextWindows(this.file, batch.numRows, this.#header(), formatWindow, this.signal)
    this.#rows += batch.numRows
  }

  async finish(): Promise<void> {
    const header = this.#header()
    if (header.length > 0) await this.file.write(Buffer.from(header, 'utf8'))
    await this.file.flush()
  }

  async abort(): Promise<void> {}

  /** The header line the first time it is asked for (when wanted), else ''. */
  #header(): string {
    if (this.#headerDone) return ''
    this.#headerDone = true
    if (!this.settings.header) return ''
    return csvHeaderLine(this.schema, this.settings.delimiter)
  }
}

/** The header line of `schema`: the column names as CSV fields (quoted when needed), LF-terminated. */
function csvHeaderLine(schema: Schema, delimiter: CsvDelimiter): string {
  const names = schema.fields.map((field) => csvField(field.name))
  const checked = delimiter === ',' ? names : quoteDelimiter(names, delimiter)
  return checked.join(delimiter) + '\n'
}

/** True for columns whose text may hold a delimiter other than `,` (text, JSON, lists); numbers never do. */
function mayHoldDelimiter(field: Field): boolean {
  const type: DataType = field.type
  return DataType.isUtf8(type) || DataType.isList(type)
}

/**
 * Quotes the fields holding `delimiter` that are not quoted yet. A formatted field starting with `"` is already
 * quoted, since an unquoted field never holds a `"`.
 */
function quoteDelimiter(column: string[], delimiter: CsvDelimiter): string[] {
  for (let i = 0; i < column.length; i++) {
    const text = column[i] as string
    if (text.charCodeAt(0) !== QUOTE && text.includes(delimiter)) column[i] = quote(text)
  }
  return column
}

/** The CSV lines of `rows` rows, built in one `join` over a reused array (no string per row or per field). */
function joinRows(columns: readonly string[][], rows: number, parts: string[], delimiter: string): string {
  const last = columns.length - 1
  let k = 0
  for (let row = 0; row < rows; row++) {
    for (let c = 0; c <= last; c++) {
      parts[k++] = (columns[c] as string[])[row] as string
      parts[k++] = c === last ? '\n' : delimiter
    }
    if (last < 0) parts[k++] = '\n'
  }
  parts.length = k
  return parts.join('')
}
