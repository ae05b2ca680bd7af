import { PG_TYPE_METADATA_KEY } from '@idw/engine/api'
import { DataType } from 'apache-arrow'
import type { Field, RecordBatch } from 'apache-arrow'
import { formatValue, isNumericType, readCell } from '../cell-text.utils'

/** Width bounds of a guessed column. px. */
export const MIN_COLUMN_WIDTH = 72
/** Upper bound of a guessed column width. px. */
export const MAX_COLUMN_WIDTH = 420
/** Rows of the first batch sampled to guess widths. */
const SAMPLE_ROWS = 200
/** Average glyph widths of the grid fonts (cell 12.5 px monospace, header 12 px sans, type 11 px). px. */
const CELL_CHAR_PX = 7.6
const NAME_CHAR_PX = 7.4
const TYPE_CHAR_PX = 6.4
const CELL_PADDING_PX = 22
/** Header padding plus the sort mark and the column menu button. px. */
const HEADER_PADDING_PX = 52

/** What the grid needs of one result column. */
export interface GridColumn {
  /** Stable id: the column's position as text (names may repeat in SQL results). */
  id: string
  index: number
  name: string
  /** PostgreSQL type from the field metadata `idw:pg_type`, else the Arrow type. */
  typeLabel: string
  numeric: boolean
  /** Initial width. px. */
  width: number
}

/** The type shown under a column name: the `idw:pg_type` metadata, else a readable Arrow type. */
export function columnTypeLabel(field: Field): string {
  return field.metadata.get(PG_TYPE_METADATA_KEY) ?? arrowTypeLabel(field.type)
}

/** Arrow type text, with decimals as `Decimal(precision, scale)` and dictionaries as their value type. */
export function arrowTypeLabel(type: DataType): string {
  if (DataType.isDecimal(type)) return `Decimal(${type.precision}, ${type.scale})`
  if (DataType.isDictionary(type)) return arrowTypeLabel(type.dictionary)
  return String(type)
}

/**
 * A first width for a column from its header texts and sample cell texts: wide enough for the longest of them,
 * within `MIN_COLUMN_WIDTH`..`MAX_COLUMN_WIDTH`. px.
 */
export function guessColumnWidth(name: string, typeLabel: string, samples: readonly string[]): number {
  const longest = samples.reduce((max, text) => Math.max(max, text.length), 4)
  const width = Math.max(
    name.length * NAME_CHAR_PX + HEADER_PADDING_PX,
    typeLabel.length * TYPE_CHAR_PX + HEADER_PADDING_PX,
    longest * CELL_CHAR_PX + CELL_PADDING_PX,
  )
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)))
}

/** Width of the row-number column for `rowCount` rows. px. */
export function rowNumberWidth(rowCount: number): number {
  return Math.max(44, String(Math.max(rowCount, 1)).length * CELL_CHAR_PX + 20)
}

/** The grid columns of a result: one per field, widths guessed from up to 200 rows of the first batch. */
export function buildGridColumns(fields: readonly Field[], firstBatch: RecordBatch | undefined): GridColumn[] {
  return fields.map((field, index) => {
    const typeLabel = columnTypeLabel(field)
    const vector = firstBatch?.getChildAt(index) ?? null
    const samples: string[] = []
    const count = Math.min(vector?.length ?? 0, SAMPLE_ROWS)
    for (let row = 0; row < count && vector !== null; row++)
      samples.push(formatValue(readCell(vector, row), field.type) ?? 'NULL')
    return {
      id: String(index),
      index,
      name: field.name,
      typeLabel,
      numeric: isNumericType(field.type),
      width: guessColumnWidth(field.name, typeLabel, samples),
    }
  })
}

/**
 * The scrolling (unpinned) columns to render: `[first, end)` of those whose span meets the visible part of a
 * `viewportWidth` px viewport scrolled to `scrollLeft`, whose left `stickyWidth` px are covered by the pinned
 * columns, plus one column either side. `starts[i]` is column i's left edge among the scrolling columns. px.
 */
export function visibleColumnRange(
  starts: readonly number[],
  widths: readonly number[],
  scrollLeft: number,
  viewportWidth: number,
  stickyWidth: number,
): { first: number; end: number } {
  const left = scrollLeft
  const right = scrollLeft + viewportWidth - stickyWidth
  let first = 0
  while (first < starts.length && (starts[first] ?? 0) + (widths[first] ?? 0) <= left) first++
  let end = first
  while (end < starts.length && (starts[end] ?? 0) < right) end++
  return { first: Math.max(0, first - 1), end: Math.min(starts.length, end + 1) }
}

/**
 * Column order after dragging `moving` onto `target`: placed before it, or after it when `after`.
 * Unchanged when either id is not in `order` or they are the same.
 */
export function moveColumn(order: readonly string[], moving: string, target: string, after: boolean): string[] {
  if (moving === target || !order.includes(moving) || !order.includes(target)) return [...order]
  const rest = order.filter((id) => id !== moving)
  const at = rest.indexOf(target) + (after ? 1 : 0)
  return [...rest.slice(0, at), moving, ...rest.slice(at)]
}
