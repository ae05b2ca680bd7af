import { getCoreRowModel, useReactTable } from '@tanstack/react-table'
import type { Column, ColumnDef, Header, Table } from '@tanstack/react-table'
import { useMemo } from 'react'
import { moveColumn } from './grid-columns.utils'
import type { GridColumn } from './grid-columns.utils'

/** A visible column placed in the grid. */
export interface PlacedColumn {
  grid: GridColumn
  /** TanStack's column (size, pinning, visibility). */
  column: Column<never, unknown>
  header: Header<never, unknown> | undefined
  width: number
  /** Pinned: left edge in the viewport (sticky offset). Scrolling: left edge among the scrolling columns. px. */
  left: number
  pinned: boolean
}

/** Column layout of the grid: pinned columns, then the scrolling ones, in display order. */
export interface GridColumnLayout {
  table: Table<never>
  pinned: PlacedColumn[]
  scrolling: PlacedColumn[]
  /** Pinned then scrolling: the columns selection positions refer to. */
  visible: PlacedColumn[]
  /** Width covered by the row numbers and the pinned columns. px. */
  stickyWidth: number
  totalWidth: number
  /** Moves column `moving` next to `target` (before, or after with `after`), across the pinned boundary too. */
  reorder(moving: string, target: string, after: boolean): void
}

const NO_ROWS: never[] = []

/**
 * Column state of the grid through TanStack Table (sizes, order, visibility, left pinning) — the table sees
 * no rows: the grid reads cells straight from Arrow. `numberWidth` is the row-number column's width. px.
 */
export function useGridColumns(gridColumns: readonly GridColumn[], numberWidth: number): GridColumnLayout {
  const columns = useMemo<ColumnDef<never>[]>(
    () => gridColumns.map((column) => ({ id: column.id, size: column.width, minSize: 56, maxSize: 2000 })),
    [gridColumns],
  )
  const table = useReactTable<never>({
    data: NO_ROWS,
    columns,
    getCoreRowModel: getCoreRowModel(),
    columnResizeMode: 'onChange',
    enableColumnResizing: true,
    enableColumnPinning: true,
  })
  const headers = new Map(table.getFlatHeaders().map((header) => [header.column.id, header]))
  const byId = new Map(gridColumns.map((column) => [column.id, column]))

  const place = (column: Column<never, unknown>, left: number, pinned: boolean): PlacedColumn | null => {
    const grid = byId.get(column.id)
    return grid === undefined
      ? null
      : { grid, column, header: headers.get(column.id), width: column.getSize(), left, pinned }
  }
  let x = numberWidth
  const pinned: PlacedColumn[] = []
  for (const column of table.getLeftVisibleLeafColumns()) {
    const placed = place(column, x, true)
    if (placed !== null) pinned.push(placed)
    x += column.getSize()
  }
  const stickyWidth = x
  let start = 0
  const scrolling: PlacedColumn[] = []
  for (const column of table.getCenterVisibleLeafColumns()) {
    const placed = place(column, start, false)
    if (placed !== null) scrolling.push(placed)
    start += column.getSize()
  }

  const reorder = (moving: string, target: string, after: boolean): void => {
    const left = table.getState().columnPinning.left ?? []
    const targetPinned = left.includes(target)
    const order = table.getState().columnOrder.length > 0 ? table.getState().columnOrder : gridColumns.map((c) => c.id)
    if (targetPinned) {
      const withMoving = left.includes(moving) ? left : [...left, moving]
      table.setColumnPinning((state) => ({ ...state, left: moveColumn(withMoving, moving, target, after) }))
    } else {
      if (left.includes(moving))
        table.setColumnPinning((state) => ({ ...state, left: left.filter((id) => id !== moving) }))
      table.setColumnOrder(moveColumn(order, moving, target, after))
    }
  }

  return {
    table,
    pinned,
    scrolling,
    visible: [...pinned, ...scrolling],
    stickyWidth,
    totalWidth: stickyWidth + start,
    reorder,
  }
}
