import type { ReactNode } from 'react'
import { clipCellText, dataRowAt, rowReader } from './grid-rows.utils'
import type { GridRows } from './grid-rows.utils'
import { inRange } from './grid-selection.utils'
import type { CellRange, GridCell } from './grid-selection.utils'
import type { GridColumnLayout, PlacedColumn } from './use-grid-columns'

/** Texts longer than this get a tooltip with the whole value. chars. */
const TOOLTIP_CHARS = 24

interface GridBodyProps {
  rows: GridRows
  /** Local view index (display → result row), or null for result order. */
  index: Uint32Array | null
  displayCount: number
  /** Display rows `[first, first + slots)` are drawn, each in slot `row % slots`. */
  first: number
  slots: number
  rowHeight: number
  /** Body y of display row 0: row `d` is drawn at `d · rowHeight + offset`. px. */
  offset: number
  bodyHeight: number
  layout: GridColumnLayout
  columnWindow: { first: number; end: number }
  numberWidth: number
  range: CellRange | null
  focus: GridCell | null
  /** Whole rows selected (row numbers highlighted). */
  rowsSelected: boolean
}

/**
 * The grid body: a spacer as tall as the (scaled) result and the rows in view, drawn in fixed slots so that
 * scrolling only rewrites texts and positions instead of creating elements. Cells carry `data-row`
 * (display row) and `data-col` (visible column position) for the grid's delegated mouse handling.
 */
export function GridBody(props: GridBodyProps) {
  const { rows, index, displayCount, first, slots, rowHeight, offset, layout, columnWindow, range, focus } = props
  const end = Math.min(displayCount, first + slots)
  const drawn: { display: number; slot: number }[] = []
  for (let display = first; display < end; display++) drawn.push({ display, slot: display % slots })
  drawn.sort((a, b) => a.slot - b.slot)
  const lead = layout.scrolling[columnWindow.first]?.left ?? 0
  const pinnedCount = layout.pinned.length

  const cells = (display: number): ReactNode[] => {
    const read = rowReader(rows, dataRowAt(index, display))
    const cell = (placed: PlacedColumn, position: number): ReactNode => {
      const text = read(placed.grid.index)
      const classes = ['grid__cell']
      if (placed.grid.numeric) classes.push('grid__cell--numeric')
      if (placed.pinned) classes.push('grid__cell--pinned')
      if (placed.pinned && position === pinnedCount - 1) classes.push('grid__pinned-edge')
      const selected = inRange(range, display, position)
      if (selected) classes.push('grid__cell--selected')
      if (focus !== null && focus.row === display && focus.col === position) classes.push('grid__cell--focus')
      return (
        <div
          key={placed.grid.id}
          role="gridcell"
          aria-colindex={position + 1}
          aria-selected={selected}
          className={classes.join(' ')}
          style={placed.pinned ? { width: placed.width, left: placed.left } : { width: placed.width }}
          title={text !== null && text !== undefined && text.length > TOOLTIP_CHARS ? clipCellText(text) : undefined}
          data-row={display}
          data-col={position}
        >
          {text === null ? <span className="grid__null">NULL</span> : clipCellText(text ?? '')}
        </div>
      )
    }
    const out = layout.pinned.map((placed, position) => cell(placed, position))
    if (lead > 0) out.push(<div key="lead" className="grid__spacer" style={{ width: lead }} />)
    for (let at = columnWindow.first; at < columnWindow.end; at++) {
      const placed = layout.scrolling[at]
      if (placed !== undefined) out.push(cell(placed, pinnedCount + at))
    }
    return out
  }

  return (
    <div role="rowgroup" className="grid__body" style={{ height: props.bodyHeight, width: layout.totalWidth }}>
      {drawn.map(({ display, slot }) => {
        const rowSelected = props.rowsSelected && range !== null && display >= range.top && display <= range.bottom
        return (
          <div
            key={slot}
            role="row"
            aria-rowindex={display + 2}
            aria-selected={rowSelected || undefined}
            className={display % 2 === 1 ? 'grid__row grid__row--odd' : 'grid__row'}
            style={{
              width: layout.totalWidth,
              height: rowHeight,
              transform: `translateY(${display * rowHeight + offset}px)`,
            }}
          >
            <div
              role="rowheader"
              className={
                rowSelected
                  ? 'grid__cell grid__cell--number grid__cell--number-selected'
                  : 'grid__cell grid__cell--number'
              }
              style={{ width: props.numberWidth }}
              data-row={display}
              data-rowheader=""
            >
              {display + 1}
            </div>
            {cells(display)}
          </div>
        )
      })}
    </div>
  )
}
