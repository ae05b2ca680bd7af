import { useMemo } from 'react'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { Spinner } from '../common/Spinner'
import { columnsTitle, filterRemoteTables, limitToOf } from './remote-tables.utils'
import type { RemoteTable } from './remote-tables.utils'
import { StepFooter } from './StepFooter'

function TableRow({ table, checked }: { table: RemoteTable; checked: boolean }) {
  const setTables = useWorkbench((s) => s.setRemoteTables)
  const count = table.columns.length
  return (
    <li className={checked ? 'picker-row picker-row--on' : 'picker-row'}>
      <label title={columnsTitle(table)}>
        <input
          type="checkbox"
          data-testid={`remote-table-${table.name}`}
          checked={checked}
          onChange={(event) => setTables([table.name], event.target.checked)}
        />
        <Icon name="table" size={14} className="picker-row__icon" />
        <span className="picker-row__name">{table.name}</span>
        <span className="picker-row__columns">{table.columns.map((c) => c.name).join(', ')}</span>
        <span className="picker-row__count">
          {count} column{count === 1 ? '' : 's'}
        </span>
      </label>
    </li>
  )
}

/**
 * Step 3 of "Add source": the remote tables (`sources/remote-tables`) as checkboxes with their column counts and
 * names, a filter box, select all/none (of the shown tables), and "Add" with IMPORT FOREIGN SCHEMA … LIMIT TO.
 */
export function TablesStep() {
  const remote = useWorkbench((s) => s.sourceDialog.remote)
  const selected = useWorkbench((s) => s.sourceDialog.selected)
  const filter = useWorkbench((s) => s.sourceDialog.tableFilter)
  const adding = useWorkbench((s) => s.sourceDialog.adding)
  const name = useWorkbench((s) => s.sourceDialog.form?.name ?? '')
  const setFilter = useWorkbench((s) => s.setRemoteTableFilter)
  const setTables = useWorkbench((s) => s.setRemoteTables)
  const add = useWorkbench((s) => s.addSource)
  const shown = useMemo(() => filterRemoteTables(remote.tables, filter), [remote.tables, filter])
  const shownNames = shown.map((table) => table.name)
  const picked = new Set(selected)
  const whole = limitToOf(remote.tables, selected) === null

  return (
    <>
      <div className="source-dialog__body source-dialog__body--picker">
        {remote.status === 'loading' ? (
          <div className="source-dialog__loading">
            <Spinner label="Listing tables" /> Listing the remote tables…
          </div>
        ) : remote.status === 'ready' ? (
          <>
            <div className="picker-bar">
              <span className="picker-bar__count">
                <strong>{selected.length}</strong> of {remote.tables.length} tables
                {remote.remoteSchema === null ? null : (
                  <>
                    {' '}
                    in <code>{remote.remoteSchema}</code>
                  </>
                )}
              </span>
              <label className="filter-box picker-bar__filter">
                <Icon name="search" size={14} className="filter-box__icon" />
                <input
                  type="search"
                  placeholder="Filter tables and columns"
                  data-testid="source-table-filter"
                  value={filter}
                  spellCheck={false}
                  onChange={(event) => setFilter(event.target.value)}
                />
              </label>
              <button type="button" className="link-button" onClick={() => setTables(shownNames, true)}>
                Select all
              </button>
              <button type="button" className="link-button" onClick={() => setTables(shownNames, false)}>
                None
              </button>
            </div>
            <ul className="picker-list" aria-label="Remote tables">
              {shown.map((table) => (
                <TableRow key={table.name} table={table} checked={picked.has(table.name)} />
              ))}
              {shown.length === 0 ? (
                <li className="picker-list__empty">
                  {remote.tables.length === 0
                    ? 'The remote has no tables here.'
                    : `Nothing matches “${filter.trim()}”.`}
                </li>
              ) : null}
            </ul>
            <p className="source-field__hint">
              {whole
                ? 'Every table is imported (no LIMIT TO), so Refresh also brings tables created on the remote later.'
                : `Imported with IMPORT FOREIGN SCHEMA … LIMIT TO (${selected.length} table${selected.length === 1 ? '' : 's'}).`}{' '}
              People query them as <code>{name}.&lt;table&gt;</code>.
            </p>
          </>
        ) : null}
      </div>
      <StepFooter back>
        <span className="source-dialog__spacer" />
        <button
          type="button"
          className="button button--primary"
          data-testid="source-add-confirm"
          disabled={remote.status !== 'ready' || selected.length === 0 || adding}
          onClick={() => void add()}
        >
          {adding ? <Spinner /> : <Icon name="plus" size={14} />}
          {adding ? 'Adding…' : `Add ${selected.length} table${selected.length === 1 ? '' : 's'}`}
        </button>
      </StepFooter>
    </>
  )
}
