import type { Table } from '@tanstack/react-table'
import type { GridColumn } from './grid-columns.utils'
import { Popover } from './Popover'

/** The column chooser: one checkbox per result column, and "Show all". */
export function ColumnsMenu({
  table,
  columns,
  anchor,
  onClose,
}: {
  table: Table<never>
  columns: readonly GridColumn[]
  anchor: DOMRect
  onClose(): void
}) {
  const hidden = columns.filter((column) => table.getColumn(column.id)?.getIsVisible() === false).length
  return (
    <Popover anchor={anchor} onClose={onClose} label="Columns" testId="grid-columns-menu" align="start">
      <div className="grid-menu__title">
        <span className="grid-menu__name">Columns</span>
        <span className="grid-menu__type">
          {columns.length - hidden} of {columns.length} shown
        </span>
      </div>
      <div className="grid-menu__checklist">
        {columns.map((grid) => {
          const column = table.getColumn(grid.id)
          const visible = column?.getIsVisible() ?? true
          return (
            <label key={grid.id} className="grid-menu__check">
              <input
                type="checkbox"
                checked={visible}
                data-testid={`grid-column-toggle-${grid.name}`}
                onChange={() => column?.toggleVisibility(!visible)}
              />
              <span className="grid-menu__check-name">{grid.name}</span>
              <span className="grid-menu__type">{grid.typeLabel}</span>
            </label>
          )
        })}
      </div>
      <div className="grid-menu__footer">
        <button
          type="button"
          className="button button--small"
          disabled={hidden === 0}
          onClick={() => table.resetColumnVisibility(true)}
        >
          Show all
        </button>
      </div>
    </Popover>
  )
}
