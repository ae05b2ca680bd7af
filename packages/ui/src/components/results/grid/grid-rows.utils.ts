import type { RecordBatch, Vector } from 'apache-arrow'
import { formatValue, readCell } from '../cell-text.utils'

/** Longest text a grid cell renders; longer values end with `…` (the full value is one copy away). chars. */
export const MAX_CELL_CHARS = 400

/** A result as the grid reads it: its batches, each batch's first row (ascending) and the row count. */
export interface GridRows {
  batches: readonly RecordBatch[]
  rowStarts: readonly number[]
  rowCount: number
}

/**
 * Where row `row` (0-based over the whole result) lives: the batch index and the offset inside it. `rowStarts`
 * holds each batch's first row, ascending (`[0, 10000, 20000…]`). Null when `row` is past `rowCount`.
 * Binary search: O(log batches).
 */
export function locateRow(
  rowStarts: readonly number[],
  rowCount: number,
  row: number,
): { batch: number; offset: number } | null {
  if (row < 0 || row >= rowCount || rowStarts.length === 0) return null
  let low = 0
  let high = rowStarts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if ((rowStarts[mid] ?? 0) <= row) low = mid
    else high = mid - 1
  }
  return { batch: low, offset: row - (rowStarts[low] ?? 0) }
}

/** The result row shown at display position `display`: through the local sort/filter index when there is one. */
export function dataRowAt(index: Uint32Array | null, display: number): number {
  return index === null ? display : (index[display] ?? -1)
}

const vectorCache = new WeakMap<RecordBatch, (Vector | null)[]>()

/** The column vectors of `batch`, looked up once per batch. */
function batchVectors(batch: RecordBatch): (Vector | null)[] {
  let vectors = vectorCache.get(batch)
  if (vectors === undefined) {
    vectors = batch.schema.fields.map((_, index) => batch.getChildAt(index))
    vectorCache.set(batch, vectors)
  }
  return vectors
}

/**
 * The reader of one result row: `text(column)` is the display text of a cell, `null` for SQL NULL,
 * `undefined` when the row is not (yet) there. Each call reads that one value from its Arrow column; nothing
 * else is converted.
 */
export function rowReader(rows: GridRows, row: number): (column: number) => string | null | undefined {
  const place = locateRow(rows.rowStarts, rows.rowCount, row)
  const batch = place === null ? undefined : rows.batches[place.batch]
  if (place === null || batch === undefined) return () => undefined
  const vectors = batchVectors(batch)
  return (column) => {
    const vector = vectors[column]
    return vector ? formatValue(readCell(vector, place.offset), vector.type) : undefined
  }
}

/** Display text of the cell at (`row`, `column`); see `rowReader`. */
export function readCellText(rows: GridRows, row: number, column: number): string | null | undefined {
  return rowReader(rows, row)(column)
}

/** `text` cut to `MAX_CELL_CHARS` characters with `…`. */
export function clipCellText(text: string): string {
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS)}…` : text
}
