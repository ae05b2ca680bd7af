import { useState } from 'react'
import type { FormEvent, ReactNode } from 'react'
import { useWorkbench } from '../../../stores/workbench-context'
import type { LocalFilterOp } from '../local-view/local-view.types'
import { Popover } from './Popover'
import type { PlacedColumn } from './use-grid-columns'

const OPERATORS: { op: LocalFilterOp; label: string; text: boolean; value: boolean }[] = [
  { op: 'contains', label: 'contains', text: true, value: true },
  { op: 'not_contains', label: 'does not contain', text: true, value: true },
  { op: 'eq', label: '=', text: false, value: true },
  { op: 'ne', label: '≠', text: false, value: true },
  { op: 'gt', label: '>', text: false, value: true },
  { op: 'ge', label: '≥', text: false, value: true },
  { op: 'lt', label: '<', text: false, value: true },
  { op: 'le', label: '≤', text: false, value: true },
  { op: 'is_null', label: 'is NULL', text: false, value: false },
  { op: 'is_not_null', label: 'is not NULL', text: false, value: false },
]

/**
 * The menu of one column: local sort, a local filter, statistics, pin, hide. Sort and filter work on the
 * rows already loaded in this browser (the query is not run again); the menu says so.
 */
export function ColumnMenu({
  placed,
  isText,
  anchor,
  onClose,
}: {
  placed: PlacedColumn
  isText: boolean
  anchor: DOMRect
  onClose(): void
}) {
  const rowCount = useWorkbench((s) => s.result.rowCount)
  const sort = useWorkbench((s) => s.resultView.sort)
  const setLocalSort = useWorkbench((s) => s.setLocalSort)
  const addLocalFilter = useWorkbench((s) => s.addLocalFilter)
  const openColumnStats = useWorkbench((s) => s.openColumnStats)
  const operators = OPERATORS.filter((entry) => isText || !entry.text)
  const [op, setOp] = useState<LocalFilterOp>(operators[0]?.op ?? 'eq')
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const { grid, column } = placed
  const current = sort?.column === grid.index ? sort.direction : null
  const needsValue = OPERATORS.find((entry) => entry.op === op)?.value ?? true

  const run = (action: () => void) => () => {
    action()
    onClose()
  }
  const applyFilter = (event: FormEvent): void => {
    event.preventDefault()
    const problem = addLocalFilter({ column: grid.index, op, value })
    if (problem === null) onClose()
    else setError(problem)
  }

  return (
    <Popover anchor={anchor} onClose={onClose} label={`Column ${grid.name}`} testId="column-menu">
      <div className="grid-menu__title">
        <span className="grid-menu__name">{grid.name}</span>
        <span className="grid-menu__type">{grid.typeLabel}</span>
      </div>
      <p className="grid-menu__note">
        Sort and filter act on the {rowCount.toLocaleString('en-US')} loaded rows, here in the browser.
      </p>
      <div role="menu" className="grid-menu__items">
        <MenuItem
          id="sort-asc"
          active={current === 'asc'}
          onClick={run(() => void setLocalSort({ column: grid.index, direction: 'asc' }))}
        >
          Sort ascending <span className="grid-menu__hint">local</span>
        </MenuItem>
        <MenuItem
          id="sort-desc"
          active={current === 'desc'}
          onClick={run(() => void setLocalSort({ column: grid.index, direction: 'desc' }))}
        >
          Sort descending <span className="grid-menu__hint">local</span>
        </MenuItem>
        {current !== null ? (
          <MenuItem id="sort-clear" onClick={run(() => void setLocalSort(null))}>
            Clear sort
          </MenuItem>
        ) : null}
        <div className="grid-menu__separator" />
        <MenuItem id="stats" onClick={run(() => void openColumnStats(grid.index))}>
          Statistics…
        </MenuItem>
        <MenuItem id="pin" onClick={run(() => column.pin(column.getIsPinned() ? false : 'left'))}>
          {column.getIsPinned() ? 'Unpin' : 'Pin to the left'}
        </MenuItem>
        <MenuItem id="hide" onClick={run(() => column.toggleVisibility(false))}>
          Hide column
        </MenuItem>
        <MenuItem id="reset-width" onClick={run(() => column.resetSize())}>
          Reset width
        </MenuItem>
      </div>
      <form className="grid-menu__filter" onSubmit={applyFilter} data-testid="column-filter-form">
        <label className="grid-menu__filter-label">Filter loaded rows</label>
        <div className="grid-menu__filter-row">
          <select
            className="grid-field"
            value={op}
            onChange={(event) => setOp(event.target.value as LocalFilterOp)}
            data-testid="column-filter-op"
            aria-label="Operator"
          >
            {operators.map((entry) => (
              <option key={entry.op} value={entry.op}>
                {entry.label}
              </option>
            ))}
          </select>
          {needsValue ? (
            <input
              className="grid-field grid-field--grow"
              value={value}
              autoFocus
              placeholder={isText ? 'text' : 'value'}
              aria-label="Value"
              data-testid="column-filter-value"
              onChange={(event) => {
                setValue(event.target.value)
                setError(null)
              }}
            />
          ) : null}
          <button type="submit" className="button button--small" data-testid="column-filter-apply">
            Apply
          </button>
        </div>
        {error === null ? null : <p className="grid-menu__error">{error}</p>}
      </form>
    </Popover>
  )
}

function MenuItem({
  id,
  active,
  onClick,
  children,
}: {
  id: string
  active?: boolean
  onClick(): void
  children: ReactNode
}) {
  return (
    <button
      type="button"
      role="menuitem"
      className={active ? 'grid-menu__item grid-menu__item--active' : 'grid-menu__item'}
      data-testid={`column-menu-item-${id}`}
      onClick={onClick}
    >
      {children}
    </button>
  )
}
