import { getCoreRowModel, useReactTable } from '@tanstack/react-table'
import type { ColumnDef, Header } from '@tanstack/react-table'
import { elementScroll, observeElementOffset, useVirtualizer } from '@tanstack/react-virtual'
import { useMemo, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useWorkbench } from '../../stores/workbench-context'
import { buildGridColumns, clipCellText, readCellText, rowNumberWidth, scrollScale } from './ResultGrid.utils'
import type { GridColumn, ScrollScale } from './ResultGrid.utils'

/** Row height. px. */
const ROW_HEIGHT = 26
/** Header height (name line + type line). px. */
const HEADER_HEIGHT = 44
const ROW_NUMBER_ID = 'row-number'

/**
 * The result grid: a virtualized table over the Arrow batches in the store. TanStack Table sees only the
 * rows in view (their indices); each cell reads its one value through the row → (batch, offset) lookup.
 * Header cells show the column name and its PostgreSQL (or Arrow) type; columns are resizable.
 *
 * Results taller than browsers can lay out (millions of rows) scroll a capped body through `scrollScale`.
 *
 * ARIA: the header row is the grid's row 1 (it carries no `aria-rowindex`), so data row `i` (0-based) has
 * `aria-rowindex` `i + 2`; cells are `gridcell`, the row number a `rowheader`.
 */
export function ResultGrid() {
  const schema = useWorkbench((s) => s.result.schema)
  const batches = useWorkbench((s) => s.result.batches)
  const rowStarts = useWorkbench((s) => s.result.rowStarts)
  const rowCount = useWorkbench((s) => s.result.rowCount)
  const status = useWorkbench((s) => s.result.status)
  const firstBatch = batches[0]
  const scrollRef = useRef<HTMLDivElement>(null)
  const [selected, setSelected] = useState<{ row: number; column: number } | null>(null)

  const gridColumns = useMemo(() => (schema ? buildGridColumns(schema.fields, firstBatch) : []), [schema, firstBatch])
  const numberWidth = rowNumberWidth(rowCount)
  const columns = useMemo<ColumnDef<number>[]>(
    () => [
      { id: ROW_NUMBER_ID, size: numberWidth, enableResizing: false },
      ...gridColumns.map((column) => ({ id: column.id, size: column.width, minSize: 56, maxSize: 2000 })),
    ],
    [gridColumns, numberWidth],
  )

  const scale = scrollScale(rowCount * ROW_HEIGHT, HEADER_HEIGHT, scrollRef.current?.clientHeight ?? 0)
  const scaleRef = useRef<ScrollScale>(scale)
  scaleRef.current = scale
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    observeElementOffset: (instance, notify) =>
      observeElementOffset(instance, (offset, scrolling) => notify(scaleRef.current.toVirtual(offset), scrolling)),
    scrollToFn: (offset, options, instance) => elementScroll(scaleRef.current.toDom(offset), options, instance),
  })
  const items = virtualizer.getVirtualItems()
  const visibleRows = useMemo(() => items.map((item) => item.index), [items])

  const table = useReactTable({
    data: visibleRows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(row),
    columnResizeMode: 'onChange',
    enableColumnResizing: true,
  })
  const totalWidth = table.getTotalSize()
  const virtualOffset = virtualizer.scrollOffset ?? 0
  const shift = scale.toDom(virtualOffset) - virtualOffset - HEADER_HEIGHT
  const startByRow = new Map(items.map((item) => [item.index, item.start + shift]))

  const copySelected = (event: KeyboardEvent): void => {
    if (selected === null || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'c') return
    const text = readCellText(batches, rowStarts, rowCount, selected.row, selected.column)
    void navigator.clipboard?.writeText(text ?? '')
  }

  return (
    <div
      ref={scrollRef}
      className="grid"
      role="grid"
      aria-rowcount={rowCount + 1}
      aria-colcount={gridColumns.length}
      aria-busy={status === 'running'}
      tabIndex={0}
      data-testid="result-grid"
      onKeyDown={copySelected}
    >
      <div role="rowgroup" className="grid__head" style={{ width: totalWidth }}>
        <div role="row" className="grid__row grid__row--head" style={{ width: totalWidth, height: HEADER_HEIGHT }}>
          {table
            .getFlatHeaders()
            .map((header) =>
              header.id === ROW_NUMBER_ID ? (
                <div key={header.id} className="grid__corner" style={{ width: header.getSize() }} aria-hidden />
              ) : (
                <HeaderCell key={header.id} header={header} column={gridColumns[Number(header.id)]} />
              ),
            )}
        </div>
      </div>
      <div role="rowgroup" className="grid__body" style={{ height: scale.domBodyHeight, width: totalWidth }}>
        {table.getRowModel().rows.map((row) => {
          const index = row.original
          return (
            <div
              key={row.id}
              role="row"
              aria-rowindex={index + 2}
              className={index % 2 === 1 ? 'grid__row grid__row--odd' : 'grid__row'}
              style={{
                width: totalWidth,
                height: ROW_HEIGHT,
                transform: `translateY(${startByRow.get(index) ?? 0}px)`,
              }}
            >
              {row.getVisibleCells().map((cell) => {
                const width = cell.column.getSize()
                if (cell.column.id === ROW_NUMBER_ID) {
                  return (
                    <div key={cell.id} role="rowheader" className="grid__cell grid__cell--number" style={{ width }}>
                      {index + 1}
                    </div>
                  )
                }
                const column = Number(cell.column.id)
                const text = readCellText(batches, rowStarts, rowCount, index, column)
                const isSelected = selected?.row === index && selected.column === column
                const classes = ['grid__cell']
                if (gridColumns[column]?.numeric) classes.push('grid__cell--numeric')
                if (isSelected) classes.push('grid__cell--selected')
                return (
                  <div
                    key={cell.id}
                    role="gridcell"
                    aria-selected={isSelected}
                    className={classes.join(' ')}
                    style={{ width }}
                    title={text ?? undefined}
                    onClick={() => setSelected({ row: index, column })}
                  >
                    {text === null ? <span className="grid__null">NULL</span> : clipCellText(text ?? '')}
                  </div>
                )
              })}
            </div>
          )
        })}
      </div>
      {rowCount === 0 && status !== 'running' && schema !== null ? <div className="grid__empty">No rows</div> : null}
    </div>
  )
}

function HeaderCell({ header, column }: { header: Header<number, unknown>; column: GridColumn | undefined }) {
  const resizing = header.column.getIsResizing()
  return (
    <div
      role="columnheader"
      className={column?.numeric ? 'grid__header grid__header--numeric' : 'grid__header'}
      style={{ width: header.getSize() }}
      title={column === undefined ? undefined : `${column.name}\n${column.typeLabel}`}
    >
      <span className="grid__header-name">{column?.name}</span>
      <span className="grid__header-type">{column?.typeLabel}</span>
      <div
        className={resizing ? 'grid__resizer grid__resizer--active' : 'grid__resizer'}
        onMouseDown={header.getResizeHandler()}
        onTouchStart={header.getResizeHandler()}
        onDoubleClick={() => header.column.resetSize()}
        aria-hidden
      />
    </div>
  )
}
