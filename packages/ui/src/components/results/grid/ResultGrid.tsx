import { DataType } from 'apache-arrow'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { KeyboardEvent, MouseEvent } from 'react'
import { useWorkbench } from '../../../stores/workbench-context'
import { ColumnMenu } from './ColumnMenu'
import { ColumnsMenu } from './ColumnsMenu'
import { GridBody } from './GridBody'
import { GridHeader } from './GridHeader'
import { selectionTsv } from './grid-copy.utils'
import { buildGridColumns, rowNumberWidth, visibleColumnRange } from './grid-columns.utils'
import type { GridRows } from './grid-rows.utils'
import { offsetToShowRow, offsetToShowSpan } from './grid-scroll.utils'
import type { GridCell } from './grid-selection.utils'
import { useGridColumns } from './use-grid-columns'
import { useGridSelection } from './use-grid-selection'
import { useGridViewport } from './use-grid-viewport'
import { writeClipboard } from './write-clipboard'

/** Row height. px. */
export const ROW_HEIGHT = 26
/** Header height (name line + type line). px. */
const HEADER_HEIGHT = 44
/**
 * Rows drawn beyond each edge of the viewport: enough for the browser's own (compositor) scrolling of normal
 * bodies; scaled bodies are redrawn in the same frame as every scroll, so a couple suffice there and less is
 * painted per frame.
 */
const OVERSCAN = 8
const SCALED_OVERSCAN = 2
/** How long the copy note stays. ms. */
const NOTE_MS = 2600

/**
 * The result grid over the Arrow batches in the store, for any row count: rows are read cell by cell from
 * Arrow (through the local sort/filter index when there is one), only the rows and columns in view are drawn,
 * and results taller than browsers lay out scroll through a scaled body (`useGridViewport`).
 *
 * Columns resize, move (drag a header), hide and pin (column menu, corner chooser); clicking a header sorts
 * the loaded rows locally. Keyboard: arrows, PageUp/PageDown, Home/End, Ctrl/Cmd+Home/End, Shift extends,
 * Ctrl/Cmd+A selects all, Ctrl/Cmd+C copies the selection as TSV (with a header line for whole rows).
 *
 * ARIA: the header row is the grid's row 1 (it carries no `aria-rowindex`), so display row `i` (0-based) has
 * `aria-rowindex` `i + 2`; cells are `gridcell`, row numbers `rowheader`.
 */
export function ResultGrid() {
  const schema = useWorkbench((s) => s.result.schema)
  const batches = useWorkbench((s) => s.result.batches)
  const rowStarts = useWorkbench((s) => s.result.rowStarts)
  const rowCount = useWorkbench((s) => s.result.rowCount)
  const status = useWorkbench((s) => s.result.status)
  const index = useWorkbench((s) => s.resultView.index)
  const sort = useWorkbench((s) => s.resultView.sort)
  const filters = useWorkbench((s) => s.resultView.filters)
  const toggleLocalSort = useWorkbench((s) => s.toggleLocalSort)
  const displayCount = index === null ? rowCount : index.length
  const firstBatch = batches[0]

  const gridColumns = useMemo(() => (schema ? buildGridColumns(schema.fields, firstBatch) : []), [schema, firstBatch])
  const numberWidth = rowNumberWidth(displayCount)
  const layout = useGridColumns(gridColumns, numberWidth)
  const scrollRef = useRef<HTMLDivElement>(null)
  const viewport = useGridViewport(scrollRef, displayCount, ROW_HEIGHT, HEADER_HEIGHT)
  const selection = useGridSelection()
  const [menu, setMenu] = useState<{ column: number; anchor: DOMRect } | null>(null)
  const [columnsAnchor, setColumnsAnchor] = useState<DOMRect | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const filteredColumns = useMemo(() => new Set(filters.map((filter) => filter.column)), [filters])

  useEffect(() => {
    if (note === null) return
    const timer = setTimeout(() => setNote(null), NOTE_MS)
    return () => clearTimeout(timer)
  }, [note])

  const bodyHeight = Math.max(ROW_HEIGHT, viewport.height - HEADER_HEIGHT)
  const overscan = viewport.scale.ratio > 1 ? SCALED_OVERSCAN : OVERSCAN
  const slots = Math.ceil(bodyHeight / ROW_HEIGHT) + 1 + 2 * overscan
  const top = Math.floor(viewport.virtualTop / ROW_HEIGHT)
  const first = Math.max(0, Math.min(top - overscan, displayCount - slots))
  const columnWindow = visibleColumnRange(
    layout.scrolling.map((placed) => placed.left),
    layout.scrolling.map((placed) => placed.width),
    viewport.scrollLeft,
    viewport.width,
    layout.stickyWidth,
  )
  const rows: GridRows = { batches, rowStarts, rowCount }
  const lastCol = layout.visible.length - 1

  const ensureVisible = useCallback(
    (cell: GridCell) => {
      viewport.scrollToVirtual(offsetToShowRow(cell.row, viewport.virtualTop, ROW_HEIGHT, bodyHeight))
      const placed = layout.visible[cell.col]
      if (placed === undefined || placed.pinned) return
      const start = layout.stickyWidth + placed.left
      viewport.scrollToLeft(
        offsetToShowSpan(start, placed.width, viewport.scrollLeft, viewport.width, layout.stickyWidth),
      )
    },
    [viewport, bodyHeight, layout],
  )

  const copySelection = (): void => {
    const { range } = selection
    if (range === null) return
    const columns = layout.visible.map((placed) => ({ index: placed.grid.index, name: placed.grid.name }))
    const copied = selectionTsv(rows, index, range, columns, selection.selection.rows)
    void writeClipboard(copied.text).then(
      () =>
        setNote(
          `Copied ${copied.rows.toLocaleString('en-US')} × ${copied.columns} as TSV${copied.cut ? ' (first rows only)' : ''}`,
        ),
      () => setNote('The browser refused the clipboard'),
    )
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if ((event.target as HTMLElement).closest('input, select, textarea') !== null) return
    const ctrl = event.ctrlKey || event.metaKey
    const key = event.key.toLowerCase()
    if (ctrl && key === 'c') {
      event.preventDefault()
      copySelection()
    } else if (ctrl && key === 'a' && displayCount > 0 && lastCol >= 0) {
      event.preventDefault()
      selection.pickRow(0, false, lastCol)
      selection.pickRow(displayCount - 1, true, lastCol)
    } else if (event.key === 'Escape') {
      selection.clear()
    } else {
      const pageRows = Math.max(1, Math.floor(bodyHeight / ROW_HEIGHT) - 1)
      const next = selection.handleKey(event, displayCount, layout.visible.length, pageRows)
      if (next !== null) ensureVisible(next)
    }
  }

  const onMouseDown = (event: MouseEvent<HTMLDivElement>): void => {
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-row]')
    if (target === null || event.button !== 0) return
    const row = Number(target.dataset.row)
    if (target.dataset.rowheader !== undefined) selection.pickRow(row, event.shiftKey, lastCol)
    else selection.pickCell({ row, col: Number(target.dataset.col) }, event.shiftKey)
    if (event.shiftKey) event.preventDefault()
  }

  const menuColumn = menu === null ? undefined : layout.visible.find((placed) => placed.grid.index === menu.column)
  const menuType = menu === null ? undefined : schema?.fields[menu.column]?.type
  const emptyText = index !== null ? 'No loaded row matches the local filter' : 'No rows'

  return (
    <div className="grid-frame">
      <div
        ref={scrollRef}
        className="grid"
        role="grid"
        aria-rowcount={displayCount + 1}
        aria-colcount={layout.visible.length}
        aria-busy={status === 'running'}
        aria-multiselectable
        tabIndex={0}
        data-testid="result-grid"
        data-display-rows={displayCount}
        onKeyDown={onKeyDown}
        onMouseDown={onMouseDown}
      >
        <GridHeader
          layout={layout}
          window={columnWindow}
          height={HEADER_HEIGHT}
          numberWidth={numberWidth}
          sort={sort}
          filteredColumns={filteredColumns}
          onSort={(column) => void toggleLocalSort(column)}
          onMenu={(column, anchor) => setMenu({ column, anchor })}
          onColumnsMenu={setColumnsAnchor}
        />
        <GridBody
          rows={rows}
          index={index}
          displayCount={displayCount}
          first={first}
          slots={slots}
          rowHeight={ROW_HEIGHT}
          offset={viewport.domTop - viewport.virtualTop}
          bodyHeight={viewport.scale.domBodyHeight}
          layout={layout}
          columnWindow={columnWindow}
          numberWidth={numberWidth}
          range={selection.range}
          focus={selection.selection.focus}
          rowsSelected={selection.selection.rows}
        />
      </div>
      {displayCount === 0 && status !== 'running' && schema !== null ? (
        <div className="grid__empty">{emptyText}</div>
      ) : null}
      {note === null ? null : (
        <div className="grid__note" role="status" data-testid="grid-note">
          {note}
        </div>
      )}
      {menu !== null && menuColumn !== undefined ? (
        <ColumnMenu
          placed={menuColumn}
          isText={menuType !== undefined && (DataType.isUtf8(menuType) || DataType.isLargeUtf8(menuType))}
          anchor={menu.anchor}
          onClose={() => setMenu(null)}
        />
      ) : null}
      {columnsAnchor !== null ? (
        <ColumnsMenu
          table={layout.table}
          columns={gridColumns}
          anchor={columnsAnchor}
          onClose={() => setColumnsAnchor(null)}
        />
      ) : null}
    </div>
  )
}
