import { PG_TYPE_METADATA_KEY } from '@idw/engine/api'
import { DataType } from 'apache-arrow'
import type { Field, RecordBatch, Vector } from 'apache-arrow'
import { formatValue, isNumericType, readCell } from './cell-text.utils'

/** Width bounds of a guessed column. px. */
export const MIN_COLUMN_WIDTH = 72
export const MAX_COLUMN_WIDTH = 420
/** Rows of the first batch sampled to guess widths. */
const SAMPLE_ROWS = 200
/** Average glyph widths of the grid fonts (cell 12.5 px monospace, header 12 px sans, type 11 px). px. */
const CELL_CHAR_PX = 7.6
const NAME_CHAR_PX = 7.4
const TYPE_CHAR_PX = 6.4
const CELL_PADDING_PX = 22
const HEADER_PADDING_PX = 30

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

/**
 * Where row `row` (0-based over the whole result) lives: the batch index and the offset inside it. `rowStarts`
 * holds each batch's first row, ascending (`[0, 10000, 20000…]`). Null when `row` is past `rowCount`.
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

/** Longest text a grid cell renders; longer values end with `…` (the full value is one copy away). chars. */
export const MAX_CELL_CHARS = 400

const vectorCache = new WeakMap<RecordBatch, (Vector | null)[]>()

/**
 * Display text of the cell at (`row`, `column`) of a result kept as batches: `null` for SQL NULL, `undefined`
 * when the row is not (yet) there. Reads only that value from its Arrow column; nothing else is converted.
 */
export function readCellText(
  batches: readonly RecordBatch[],
  rowStarts: readonly number[],
  rowCount: number,
  row: number,
  column: number,
): string | null | undefined {
  const place = locateRow(rowStarts, rowCount, row)
  const batch = place === null ? undefined : batches[place.batch]
  if (place === null || batch === undefined) return undefined
  let vectors = vectorCache.get(batch)
  if (vectors === undefined) {
    vectors = batch.schema.fields.map((_, index) => batch.getChildAt(index))
    vectorCache.set(batch, vectors)
  }
  const vector = vectors[column]
  return vector ? formatValue(readCell(vector, place.offset), vector.type) : undefined
}

/** `text` cut to `MAX_CELL_CHARS` characters with `…`. */
export function clipCellText(text: string): string {
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS)}…` : text
}

/**
 * Tallest scroll body the grid lets the browser lay out. px. Browsers cap element heights (Chrome near 33.5 M
 * px, Firefox near 17.9 M px), which 3 million rows of 26 px (78 M px) exceed; past this height the grid scrolls
 * a scaled body instead.
 */
export const MAX_SCROLL_BODY_PX = 10_000_000

/** Mapping between the browser's scroll offset and the virtual one of a body taller than the browser allows. */
export interface ScrollScale {
  /** Height given to the scroll body in the page. px. */
  domBodyHeight: number
  /** Virtual scroll offset of a DOM scroll offset. px. */
  toVirtual(domOffset: number): number
  /** DOM scroll offset of a virtual scroll offset. px. */
  toDom(virtualOffset: number): number
}

/**
 * The scroll scale of a grid whose rows need `bodyHeight` px below a `headerHeight` px header in a viewport of
 * `viewportHeight` px: the identity while the body fits `maxBodyPx`, else a linear map under which the DOM's
 * last scroll position shows the last rows.
 */
export function scrollScale(
  bodyHeight: number,
  headerHeight: number,
  viewportHeight: number,
  maxBodyPx = MAX_SCROLL_BODY_PX,
): ScrollScale {
  const domBodyHeight = Math.min(bodyHeight, maxBodyPx)
  const virtualRange = headerHeight + bodyHeight - viewportHeight
  const domRange = headerHeight + domBodyHeight - viewportHeight
  const ratio = domRange > 0 && virtualRange > domRange ? virtualRange / domRange : 1
  return { domBodyHeight, toVirtual: (domOffset) => domOffset * ratio, toDom: (virtualOffset) => virtualOffset / ratio }
}
