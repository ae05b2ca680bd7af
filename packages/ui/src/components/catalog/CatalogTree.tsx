import type { CatalogSource } from '@idw/engine/api'
import type { KeyboardEvent } from 'react'
import { useMemo, useState } from 'react'
import { formatCompactCount, formatCount } from '../../format/format.utils'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { TableContextMenu, TableFilterButton } from '../filter/TableActions'
import { filterCatalog, isNodeOpen, sourceKey, tableKey } from './CatalogTree.utils'
import type { VisibleTable } from './CatalogTree.utils'

/** The catalog tree: sources → tables → columns, filtered by the filter box. */
export function CatalogTree() {
  const sources = useWorkbench((s) => s.catalog.sources)
  const filter = useWorkbench((s) => s.catalog.filter)
  const status = useWorkbench((s) => s.catalog.status)
  const visible = useMemo(() => filterCatalog(sources, filter), [sources, filter])

  return (
    <ul className="tree" role="tree" aria-label="Sources" data-testid="catalog-tree">
      {visible.map(({ source, tables }) => (
        <SourceNode key={source.name} source={source} tables={tables} />
      ))}
      {visible.length === 0 && status !== 'loading' ? (
        <li className="tree__empty" role="none">
          {filter.trim() === '' ? 'No sources configured yet.' : `Nothing matches “${filter.trim()}”.`}
        </li>
      ) : null}
    </ul>
  )
}

function SourceNode({ source, tables }: { source: CatalogSource; tables: VisibleTable[] }) {
  const key = sourceKey(source.name)
  const open = useWorkbench((s) => isNodeOpen(s.catalog.expanded, key, true))
  const toggle = useWorkbench((s) => s.toggleCatalogNode)
  const title = [`${source.name} (${source.fdw})`, source.location, `schema ${source.schema}`]
    .filter(Boolean)
    .join('\n')

  return (
    <li role="treeitem" aria-expanded={open} aria-selected={false} data-testid={`catalog-source-${source.name}`}>
      <div
        className="tree__row tree__row--source"
        tabIndex={0}
        title={title}
        onClick={() => toggle(key, open)}
        onKeyDown={(event) => onToggleKey(event, open, () => toggle(key, open))}
      >
        <Icon name="chevron" size={12} className={open ? 'tree__chevron tree__chevron--open' : 'tree__chevron'} />
        <Icon name="database" className={`tree__icon fdw-${fdwTone(source.fdw)}`} />
        <span className="tree__label">{source.name}</span>
        <span className={`fdw-badge fdw-${fdwTone(source.fdw)}`}>{source.fdw}</span>
      </div>
      {open ? (
        <ul role="group">
          {tables.map((visible) => (
            <TableNode key={`${visible.table.schema}.${visible.table.name}`} visible={visible} />
          ))}
        </ul>
      ) : null}
    </li>
  )
}

function TableNode({ visible }: { visible: VisibleTable }) {
  const { table, columns, openedByFilter } = visible
  const key = tableKey(table.schema, table.name)
  const open = useWorkbench((s) => isNodeOpen(s.catalog.expanded, key, openedByFilter))
  const toggle = useWorkbench((s) => s.toggleCatalogNode)
  const insertTableQuery = useWorkbench((s) => s.insertTableQuery)
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null)
  const rows = table.estimatedRows
  const title = `${table.schema}.${table.name} · ${table.kind}${
    rows === null ? '' : ` · ~${formatCount(rows)} rows`
  }\nDouble-click to query its first 1000 rows · right-click for more`

  return (
    <li
      role="treeitem"
      aria-expanded={open}
      aria-selected={false}
      data-testid={`catalog-table-${table.schema}.${table.name}`}
      onDoubleClick={() => insertTableQuery(table.schema, table.name)}
      onContextMenu={(event) => {
        event.preventDefault()
        setMenu({ x: event.clientX, y: event.clientY })
      }}
    >
      <div
        className="tree__row tree__row--table"
        tabIndex={0}
        title={title}
        onClick={() => toggle(key, open)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') insertTableQuery(table.schema, table.name)
          else onToggleKey(event, open, () => toggle(key, open))
        }}
      >
        <Icon name="chevron" size={12} className={open ? 'tree__chevron tree__chevron--open' : 'tree__chevron'} />
        <Icon name="table" className="tree__icon tree__icon--table" />
        <span className="tree__label">{table.name}</span>
        {rows === null ? null : <span className="tree__meta">{formatCompactCount(Math.max(rows, 0))}</span>}
        <TableFilterButton schema={table.schema} name={table.name} />
      </div>
      {menu === null ? null : (
        <TableContextMenu schema={table.schema} name={table.name} x={menu.x} y={menu.y} onClose={() => setMenu(null)} />
      )}
      {open ? (
        <ul role="group">
          {columns.map((column) => (
            <li
              key={column.name}
              role="treeitem"
              aria-selected={false}
              className="tree__row tree__row--column"
              title={`${column.name} ${column.type}${column.nullable ? '' : ' not null'}`}
            >
              <Icon name="column" size={12} className="tree__icon tree__icon--column" />
              <span className="tree__label">{column.name}</span>
              <span className="tree__type">{column.type}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  )
}

function onToggleKey(event: KeyboardEvent, open: boolean, toggle: () => void): void {
  if (event.key === ' ' || (event.key === 'ArrowRight' && !open) || (event.key === 'ArrowLeft' && open)) {
    event.preventDefault()
    toggle()
  }
}

/** Colour family of an FDW badge. */
function fdwTone(fdw: string): string {
  if (fdw.startsWith('postgres')) return 'pg'
  if (fdw.startsWith('file') || fdw.startsWith('ogr')) return 'file'
  if (fdw.startsWith('mysql')) return 'mysql'
  return 'other'
}
