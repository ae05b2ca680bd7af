/** A cell by display row (0-based, after the local sort/filter) and position among the visible columns. */
export interface GridCell {
  row: number
  col: number
}

/** The rectangle spanned by two cells, inclusive on all sides. */
export interface CellRange {
  top: number
  bottom: number
  left: number
  right: number
}

/** The keys that move the active cell. */
const MOVE_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End'])

/** True when `key` (a `KeyboardEvent.key`) moves the active cell. */
export function isMoveKey(key: string): boolean {
  return MOVE_KEYS.has(key)
}

/**
 * Where the active cell goes on `key` in a grid of `rows` × `cols`, spreadsheet style: arrows move one cell
 * (with `ctrl`: to the edge), PageUp/PageDown move `pageRows` rows, Home/End go to the first/last column
 * (with `ctrl`: to the first/last cell of the grid). Clamped to the grid; null for other keys or an empty grid.
 */
export function moveCell(
  cell: GridCell,
  key: string,
  ctrl: boolean,
  rows: number,
  cols: number,
  pageRows: number,
): GridCell | null {
  if (rows === 0 || cols === 0 || !isMoveKey(key)) return null
  let { row, col } = cell
  const lastRow = rows - 1
  const lastCol = cols - 1
  if (key === 'ArrowUp') row = ctrl ? 0 : row - 1
  else if (key === 'ArrowDown') row = ctrl ? lastRow : row + 1
  else if (key === 'ArrowLeft') col = ctrl ? 0 : col - 1
  else if (key === 'ArrowRight') col = ctrl ? lastCol : col + 1
  else if (key === 'PageUp') row -= Math.max(1, pageRows)
  else if (key === 'PageDown') row += Math.max(1, pageRows)
  else if (key === 'Home') [row, col] = [ctrl ? 0 : row, 0]
  else if (key === 'End') [row, col] = [ctrl ? lastRow : row, lastCol]
  return { row: clamp(row, 0, lastRow), col: clamp(col, 0, lastCol) }
}

/** The rectangle between the anchor and the active cell. */
export function cellRange(anchor: GridCell, focus: GridCell): CellRange {
  return {
    top: Math.min(anchor.row, focus.row),
    bottom: Math.max(anchor.row, focus.row),
    left: Math.min(anchor.col, focus.col),
    right: Math.max(anchor.col, focus.col),
  }
}

/** True when (`row`, `col`) lies in `range`. */
export function inRange(range: CellRange | null, row: number, col: number): boolean {
  return range !== null && row >= range.top && row <= range.bottom && col >= range.left && col <= range.right
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value))
}
