import { Buffer } from 'node:buffer'
import type { Data, Schema } from 'apache-arrow'
import type { AtomicFile } from '../atomic-file.js'
import type { BatchSource } from '../batch-source.js'
import { assertBatchMatchesSchema } from '../batch-shape.js'
import type { ProgressTracker } from '../progress-tracker.js'
import { csvField } from './csv-quote.js'
import { formatColumn } from './format-column.js'

/** Text gathered before it is encoded and written, in UTF-16 code units (~1 MiB of ASCII). */
const CHUNK_CHARS = 1 << 20
/**
 * Rows formatted at a time. Small enough that a window's strings die young (V8's young generation), which
 * keeps garbage collection cheap; large enough that per-window costs vanish.
 */
const WINDOW_ROWS = 512

/**
 * Writes a result as CSV, batch by batch.
 *
 * Format (what pandas, DuckDB, Spark and PostgreSQL's `COPY … CSV` read back):
 * - RFC 4180 with comma, `"` and LF line ends (RFC 4180 says CRLF; every reader accepts LF, and CR/LF inside
 *   values are quoted anyway). UTF-8 without BOM. A header row holds the column names, quoted when needed.
 * - A field is quoted, with inner quotes doubled, when it holds `,` `"` CR or LF, or starts or ends with a space
 *   or tab. NULL is an empty unquoted field; the empty string is `""` (DuckDB: `allow_quoted_nulls=false`;
 *   PostgreSQL COPY CSV reads the two apart by default).
 * - Integers and decimals exact (int8 beyond 2^53 too, numeric(p,s) with exactly s fraction digits); floats in
 *   their shortest round-trip form, `NaN`, `Infinity`, `-Infinity`, `-0` as PostgreSQL spells them; booleans
 *   `true`/`false`; dates `YYYY-MM-DD`; times `HH:MM:SS.ffffff`; timestamps `YYYY-MM-DD HH:MM:SS.ffffff`
 *   (always 6 fraction digits for microseconds) in UTC, timestamptz with the offset `+00:00`; years before 1
 *   end with ` BC` like PostgreSQL; bytea `\x` + lower-case hex; json and text as they are; lists as compact
 *   JSON arrays (see `formatLists`).
 *
 * Each batch is formatted in windows of 512 rows, column by column (each value turned into text once), joined
 * into lines and gathered into ~1 MiB chunks; a chunk is written once the previous one is on disk
 * (backpressure), so memory holds one batch and two chunks whatever the row count. Returns the data rows.
 * @throws EngineError `EXPORT_CANCELED` / the iterator's own error (from `source`); `EXPORT_FAILED` for a
 * batch that does not match `schema` or an unsupported type; file system errors unchanged.
 */
export async function writeCsv(
  schema: Schema,
  source: BatchSource,
  file: AtomicFile,
  progress: ProgressTracker,
): Promise<number> {
  const fields = schema.fields
  const parts: string[] = []
  let text = fields.map((field) => csvField(field.name)).join(',') + '\n'
  for (let batch = await source.next(); batch !== undefined; batch = await source.next()) {
    assertBatchMatchesSchema(schema, batch)
    for (let start = 0; start < batch.numRows; start += WINDOW_ROWS) {
      const rows = Math.min(WINDOW_ROWS, batch.numRows - start)
      const columns = fields.map((field, c) =>
        formatColumn((batch.data.children[c] as Data).slice(start, rows), field, 'csv'),
      )
      text += joinRows(columns, rows, parts)
      if (text.length >= CHUNK_CHARS) {
        await file.write(Buffer.from(text, 'utf8'))
        text = ''
        progress.tick()
        source.throwIfCanceled()
      }
    }
    progress.addRows(batch.numRows)
  }
  await file.write(Buffer.from(text, 'utf8'))
  return progress.rows
}

/** The CSV lines of `rows` rows, built in one `join` over a reused array (no string per row or per field). */
function joinRows(columns: readonly string[][], rows: number, parts: string[]): string {
  const last = columns.length - 1
  let k = 0
  for (let row = 0; row < rows; row++) {
    for (let c = 0; c <= last; c++) {
      parts[k++] = (columns[c] as string[])[row] as string
      parts[k++] = c === last ? '\n' : ','
    }
    if (last < 0) parts[k++] = '\n'
  }
  parts.length = k
  return parts.join('')
}
