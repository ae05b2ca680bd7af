import type { Data, RecordBatch, Schema } from 'apache-arrow'
import type { AtomicFile } from '../atomic-file.js'
import { assertBatchMatchesSchema } from '../batch-shape.js'
import { formatColumn } from '../csv/format-column.js'
import type { BatchEncoder } from '../encoder.js'
import { writeTextWindows } from '../text-windows.js'

/**
 * Writes a result as JSON Lines (https://jsonlines.org): one JSON object per row, keys in column order, UTF-8,
 * LF after every line (so an empty result is an empty file).
 *
 * Values as `formatColumn` spells them inside JSON: NULL `null`; integers and decimals as exact JSON numbers
 * (int8 beyond 2^53 too: parse with a big-number aware reader to keep every digit); floats in their shortest
 * round-trip form, `NaN` and `±Infinity` as the strings `"NaN"`, `"Infinity"`, `"-Infinity"` (JSON has no such
 * numbers); booleans; dates, times and timestamps as strings like the CSV export; bytea as `"\\x…"` hex; json
 * and jsonb embedded as JSON values; lists as arrays. Pandas: `pd.read_json(path, lines=True)`; DuckDB:
 * `read_json(path, format = 'newline_delimited')`.
 */
export class JsonlEncoder implements BatchEncoder {
  #rows = 0
  readonly #keys: string[]
  readonly #parts: string[] = []

  constructor(
    private readonly schema: Schema,
    private readonly file: AtomicFile,
    private readonly signal?: AbortSignal,
  ) {
    this.#keys = schema.fields.map((field, c) => (c === 0 ? '{' : ',') + JSON.stringify(field.name) + ':')
  }

  get rows(): number {
    return this.#rows
  }

  async write(batch: RecordBatch): Promise<void> {
    assertBatchMatchesSchema(this.schema, batch)
    const fields = this.schema.fields
    const formatWindow = (start: number, rows: number): string => {
      const columns = fields.map((field, c) =>
        formatColumn((batch.data.children[c] as Data).slice(start, rows), field, 'json'),
      )
      return this.#joinRows(columns, rows)
    }
    await writeTextWindows(this.file, batch.numRows, '', formatWindow, this.signal)
    this.#rows += batch.numRows
  }

  async finish(): Promise<void> {
    await this.file.flush()
  }

  async abort(): Promise<void> {}

  /** The lines of `rows` rows, built in one `join` over a reused array. */
  #joinRows(columns: readonly string[][], rows: number): string {
    const parts = this.#parts
    const keys = this.#keys
    let k = 0
    for (let row = 0; row < rows; row++) {
      if (keys.length === 0) parts[k++] = '{'
      for (let c = 0; c < keys.length; c++) {
        parts[k++] = keys[c] as string
        parts[k++] = (columns[c] as string[])[row] as string
      }
      parts[k++] = '}\n'
    }
    parts.length = k
    return parts.join('')
  }
}
