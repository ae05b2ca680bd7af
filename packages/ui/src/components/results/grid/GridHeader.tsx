import { useState } from 'react'
import type { CSSProperties, DragEvent } from 'react'
import type { LocalSort } from '../local-view/local-view.types'
import type { GridColumnLayout, PlacedColumn } from './use-grid-columns'

const DRAG_TYPE = 'application/x-idw-column'

interface GridHeaderProps {
  layout: GridColumnLayout
  /** Scrolling columns to render: `[first, end)`. */
  window: { first: number; end: number }
  height: number
  numberWidth: number
  sort: LocalSort | null
  filteredColumns: ReadonlySet<number>
  onSort(column: number): void
  onMenu(column: number, anchor: DOMRect): void
  onColumnsMenu(anchor: DOMRect): void
}

/**
 * The sticky header row: a corner with the column chooser, then one header per visible column (name, type,
 * local sort mark, menu button, resizer). Headers are dragged onto each other to reorder columns.
 */
export function GridHeader(props: GridHeaderProps) {
  const { layout, window, height, numberWidth } = props
  const [dragging, setDragging] = useState<string | null>(null)
  const [drop, setDrop] = useState<{ id: string; after: boolean } | null>(null)
  const lead = layout.scrolling[window.first]?.left ?? 0

  const dragHandlers = (placed: PlacedColumn) => ({
    draggable: !placed.column.getIsResizing(),
    onDragStart(event: DragEvent) {
      if (layout.table.getState().columnSizingInfo.isResizingColumn) return event.preventDefault()
      event.dataTransfer.setData(DRAG_TYPE, placed.grid.id)
      event.dataTransfer.effectAllowed = 'move'
      setDragging(placed.grid.id)
    },
    onDragOver(event: DragEvent) {
      if (dragging === null || dragging === placed.grid.id) return
      event.preventDefault()
      const box = event.currentTarget.getBoundingClientRect()
      const after = event.clientX > box.left + box.width / 2
      if (drop?.id !== placed.grid.id || drop.after !== after) setDrop({ id: placed.grid.id, after })
    },
    onDrop(event: DragEvent) {
      event.preventDefault()
      const moving = event.dataTransfer.getData(DRAG_TYPE) || dragging
      if (moving && drop !== null) layout.reorder(moving, drop.id, drop.after)
      setDrop(null)
      setDragging(null)
    },
    onDragEnd() {
      setDrop(null)
      setDragging(null)
    },
  })

  const cell = (placed: PlacedColumn, position: number) => (
    <HeaderCell
      key={placed.grid.id}
      placed={placed}
      edge={placed.pinned && position === layout.pinned.length - 1}
      sort={props.sort?.column === placed.grid.index ? props.sort.direction : null}
      filtered={props.filteredColumns.has(placed.grid.index)}
      dropSide={drop?.id === placed.grid.id ? (drop.after ? 'after' : 'before') : null}
      dragging={dragging === placed.grid.id}
      onSort={props.onSort}
      onMenu={props.onMenu}
      {...dragHandlers(placed)}
    />
  )

  return (
    <div role="rowgroup" className="grid__head" style={{ width: layout.totalWidth }}>
      <div role="row" className="grid__row grid__row--head" style={{ width: layout.totalWidth, height }}>
        <div className="grid__corner" style={{ width: numberWidth }}>
          <button
            type="button"
            className="grid__corner-button"
            data-testid="grid-columns-button"
            title="Show or hide columns"
            aria-label="Show or hide columns"
            onClick={(event) => props.onColumnsMenu(event.currentTarget.getBoundingClientRect())}
          >
            <svg
              width="14"
              height="14"
              viewBox="0 0 16 16"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.4"
              aria-hidden
            >
              <rect x="2.5" y="3" width="11" height="10" rx="1.5" />
              <path d="M6.2 3v10M9.8 3v10" />
            </svg>
          </button>
        </div>
        {layout.pinned.map(cell)}
        {lead > 0 ? <div className="grid__spacer" style={{ width: lead }} /> : null}
        {layout.scrolling.slice(window.first, window.end).map((placed) => cell(placed, -1))}
      </div>
    </div>
  )
}

interface HeaderCellProps {
  placed: PlacedColumn
  /** The last pinned column: draws the pinned area's edge. */
  edge: boolean
  sort: 'asc' | 'desc' | null
  filtered: boolean
  dropSide: 'before' | 'after' | null
  dragging: boolean
  onSort(column: number): void
  onMenu(column: number, anchor: DOMRect): void
  draggable: boolean
  onDragStart(event: DragEvent): void
  onDragOver(event: DragEvent): void
  onDrop(event: DragEvent): void
  onDragEnd(): void
}

function HeaderCell({ placed, edge, sort, filtered, dropSide, dragging, onSort, onMenu, ...drag }: HeaderCellProps) {
  const { grid, header, width, pinned, left } = placed
  const classes = ['grid__header']
  if (grid.numeric) classes.push('grid__header--numeric')
  if (pinned) classes.push('grid__header--pinned')
  if (edge) classes.push('grid__pinned-edge')
  if (dropSide !== null) classes.push(`grid__header--drop-${dropSide}`)
  if (dragging) classes.push('grid__header--dragging')
  const style: CSSProperties = pinned ? { width, left } : { width }
  const sortText = sort === 'asc' ? 'ascending' : 'descending'
  return (
    <div
      role="columnheader"
      aria-sort={sort === null ? 'none' : sortText}
      className={classes.join(' ')}
      style={style}
      {...drag}
    >
      <button
        type="button"
        className="grid__header-main"
        title={`${grid.name}\n${grid.typeLabel}\nClick: sort the loaded rows locally (again: descending, then off). Drag: move the column.`}
        onClick={() => onSort(grid.index)}
      >
        <span className="grid__header-name">{grid.name}</span>
        <span className="grid__header-type">{grid.typeLabel}</span>
      </button>
      <span className="grid__header-marks">
        {filtered ? (
          <span className="grid__mark grid__mark--filter" title="Filtered locally">
            <svg width="11" height="11" viewBox="0 0 16 16" fill="currentColor" aria-hidden>
              <path d="M2 3h12l-4.7 5.6V13l-2.6 1.2V8.6z" />
            </svg>
          </span>
        ) : null}
        {sort !== null ? (
          <span className="grid__mark grid__mark--sort" title={`Sorted ${sortText} (local)`}>
            <svg
              width="12"
              height="12"
              viewBox="0 0 16 16"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
              strokeLinejoin="round"
              aria-hidden
            >
              {sort === 'asc' ? <path d="M8 13V3M4 7l4-4 4 4" /> : <path d="M8 3v10M4 9l4 4 4-4" />}
            </svg>
          </span>
        ) : null}
        {pinned ? (
          <span className="grid__mark" title="Pinned">
            <svg width="11" height="11" viewBox="0 0 16 16" fill="currentColor" aria-hidden>
              <path d="M10 1.5l4.5 4.5-1.4.6-2.6 2.6.3 3.3-1.2 1.2-2.9-2.9L3 14.5 1.5 13l3.7-3.7-2.9-2.9 1.2-1.2 3.3.3 2.6-2.6z" />
            </svg>
          </span>
        ) : null}
      </span>
      <button
        type="button"
        className="grid__header-menu"
        data-testid={`column-menu-${grid.name}`}
        aria-label={`Column menu of ${grid.name}`}
        aria-haspopup="menu"
        onClick={(event) => onMenu(grid.index, event.currentTarget.getBoundingClientRect())}
      >
        <svg width="14" height="14" viewBox="0 0 16 16" fill="currentColor" aria-hidden>
          <circle cx="8" cy="3.5" r="1.3" />
          <circle cx="8" cy="8" r="1.3" />
          <circle cx="8" cy="12.5" r="1.3" />
        </svg>
      </button>
      {header === undefined ? null : (
        <div
          className={placed.column.getIsResizing() ? 'grid__resizer grid__resizer--active' : 'grid__resizer'}
          onMouseDown={header.getResizeHandler()}
          onTouchStart={header.getResizeHandler()}
          onDoubleClick={() => placed.column.resetSize()}
          onDragStart={(event) => event.preventDefault()}
          aria-hidden
        />
      )}
    </div>
  )
}
