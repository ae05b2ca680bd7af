import { useCallback, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { cellRange, isMoveKey, moveCell } from './grid-selection.utils'
import type { CellRange, GridCell } from './grid-selection.utils'

/** The grid's selection: an anchor and an active cell; `rows` when whole rows were picked by their numbers. */
export interface GridSelection {
  anchor: GridCell | null
  focus: GridCell | null
  rows: boolean
}

/** The selection state and the actions the grid wires to mouse and keyboard. */
export interface GridSelectionApi {
  selection: GridSelection
  range: CellRange | null
  /** A click on a cell: selects it, or extends the range from the anchor with Shift. */
  pickCell(cell: GridCell, extend: boolean): void
  /** A click on a row number: selects the whole row, or the rows from the anchor with Shift. */
  pickRow(row: number, extend: boolean, lastCol: number): void
  /**
   * Handles a navigation key (arrows, PageUp/PageDown, Home/End with or without Ctrl/Cmd, Shift extends);
   * answers the new active cell to bring into view, or null when the key is not one of them.
   */
  handleKey(event: KeyboardEvent, rows: number, cols: number, pageRows: number): GridCell | null
  clear(): void
}

const EMPTY: GridSelection = { anchor: null, focus: null, rows: false }

/** Selection state of the grid, spreadsheet style (see `GridSelectionApi`). */
export function useGridSelection(): GridSelectionApi {
  const [selection, setSelection] = useState<GridSelection>(EMPTY)

  const pickCell = useCallback((cell: GridCell, extend: boolean) => {
    setSelection((last) =>
      extend && last.anchor !== null
        ? { ...last, focus: cell, rows: false }
        : { anchor: cell, focus: cell, rows: false },
    )
  }, [])

  const pickRow = useCallback((row: number, extend: boolean, lastCol: number) => {
    setSelection((last) => {
      const anchor = extend && last.anchor !== null ? { row: last.anchor.row, col: 0 } : { row, col: 0 }
      return { anchor, focus: { row, col: lastCol }, rows: true }
    })
  }, [])

  const handleKey = useCallback(
    (event: KeyboardEvent, rows: number, cols: number, pageRows: number): GridCell | null => {
      const ctrl = event.ctrlKey || event.metaKey
      const first = isMoveKey(event.key) && rows > 0 && cols > 0 ? { row: 0, col: 0 } : null
      const next = selection.focus === null ? first : moveCell(selection.focus, event.key, ctrl, rows, cols, pageRows)
      if (next === null) return null
      event.preventDefault()
      setSelection((last) =>
        event.shiftKey && last.anchor !== null
          ? { anchor: last.anchor, focus: next, rows: false }
          : { anchor: next, focus: next, rows: false },
      )
      return next
    },
    [selection.focus],
  )

  const clear = useCallback(() => setSelection(EMPTY), [])

  const range =
    selection.anchor !== null && selection.focus !== null ? cellRange(selection.anchor, selection.focus) : null
  return { selection, range, pickCell, pickRow, handleKey, clear }
}
