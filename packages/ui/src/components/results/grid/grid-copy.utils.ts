import { dataRowAt, rowReader } from './grid-rows.utils'
import type { GridRows } from './grid-rows.utils'
import type { CellRange } from './grid-selection.utils'
import { formatTsv } from './tsv.utils'

/** Most rows one copy takes; a larger selection copies its first rows and says so. */
const MAX_COPY_ROWS = 100_000

/** What a copy put on the clipboard. */
export interface CopiedText {
  text: string
  rows: number
  columns: number
  /** True when the selection had more than `MAX_COPY_ROWS` rows. */
  cut: boolean
}

/**
 * The TSV of a selection: display rows `range.top..range.bottom` (through the local view `index`), the
 * selected visible columns (`columns[i]` is the result column shown at position i) — with a header line of
 * column names when whole rows were selected (`withHeader`). Cells read straight from Arrow; NULL is empty.
 */
export function selectionTsv(
  rows: GridRows,
  index: Uint32Array | null,
  range: CellRange,
  columns: readonly { index: number; name: string }[],
  withHeader: boolean,
): CopiedText {
  const picked = columns.slice(range.left, range.right + 1)
  const last = Math.min(range.bottom, range.top + MAX_COPY_ROWS - 1)
  const lines: (string | null | undefined)[][] = []
  for (let display = range.top; display <= last; display++) {
    const read = rowReader(rows, dataRowAt(index, display))
    lines.push(picked.map((column) => read(column.index)))
  }
  const text = formatTsv(lines, withHeader ? picked.map((column) => column.name) : undefined)
  return { text, rows: lines.length, columns: picked.length, cut: last < range.bottom }
}
