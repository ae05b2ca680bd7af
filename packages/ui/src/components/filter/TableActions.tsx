import { useEffect, useRef } from 'react'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'

interface TableProps {
  schema: string
  name: string
}

/** The funnel button a catalog table row shows on hover: opens the filter builder on that table. */
export function TableFilterButton({ schema, name }: TableProps) {
  const openFilter = useWorkbench((s) => s.openFilter)
  return (
    <button
      type="button"
      className="icon-button tree__action"
      title="Filter…"
      aria-label={`Filter ${schema}.${name}`}
      data-testid={`catalog-filter-${schema}.${name}`}
      onClick={(event) => {
        event.stopPropagation()
        openFilter({ schema, name })
      }}
      onDoubleClick={(event) => event.stopPropagation()}
    >
      <Icon name="filter" size={13} />
    </button>
  )
}

/** The context menu of a catalog table (right click): Filter…, or query its first 1 000 rows. */
export function TableContextMenu({
  schema,
  name,
  x,
  y,
  onClose,
}: TableProps & { x: number; y: number; onClose(): void }) {
  const openFilter = useWorkbench((s) => s.openFilter)
  const insertTableQuery = useWorkbench((s) => s.insertTableQuery)
  const ref = useRef<HTMLDivElement>(null)
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    ref.current?.querySelector('button')?.focus()
    const close = (event: Event): void => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return
      if (event.type === 'pointerdown' && ref.current?.contains(event.target as Node)) return
      onCloseRef.current()
    }
    window.addEventListener('pointerdown', close, true)
    window.addEventListener('keydown', close)
    window.addEventListener('blur', close)
    return () => {
      window.removeEventListener('pointerdown', close, true)
      window.removeEventListener('keydown', close)
      window.removeEventListener('blur', close)
    }
  }, [])

  const choose = (action: () => void) => () => {
    action()
    onClose()
  }
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      style={{ left: Math.min(x, window.innerWidth - 220), top: Math.min(y, window.innerHeight - 100) }}
      data-testid="catalog-table-menu"
    >
      <div className="context-menu__title">
        {schema}.{name}
      </div>
      <button
        type="button"
        role="menuitem"
        data-testid="catalog-menu-filter"
        onClick={choose(() => openFilter({ schema, name }))}
      >
        <Icon name="filter" size={13} /> Filter…
      </button>
      <button type="button" role="menuitem" onClick={choose(() => insertTableQuery(schema, name))}>
        <Icon name="code" size={13} /> Select first 1 000 rows
      </button>
    </div>
  )
}
