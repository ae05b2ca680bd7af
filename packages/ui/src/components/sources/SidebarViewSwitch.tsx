import { useWorkbench } from '../../stores/workbench-context'

/**
 * The sidebar header's two tabs: "Catalog" (sources → tables → columns) and "Sources" (a card per source with
 * Refresh and Remove). The count is the catalog's number of sources.
 */
export function SidebarViewSwitch() {
  const view = useWorkbench((s) => s.sources.view)
  const ready = useWorkbench((s) => s.catalog.status === 'ready')
  const count = useWorkbench((s) => s.catalog.sources.length)
  const setView = useWorkbench((s) => s.setSidebarView)
  return (
    <div className="sidebar-tabs" role="tablist" aria-label="Sidebar view">
      <button
        type="button"
        role="tab"
        aria-selected={view === 'catalog'}
        className={view === 'catalog' ? 'sidebar-tab sidebar-tab--on' : 'sidebar-tab'}
        data-testid="sidebar-tab-catalog"
        onClick={() => setView('catalog')}
      >
        Catalog
      </button>
      <button
        type="button"
        role="tab"
        aria-selected={view === 'cards'}
        className={view === 'cards' ? 'sidebar-tab sidebar-tab--on' : 'sidebar-tab'}
        data-testid="sidebar-tab-sources"
        onClick={() => setView('cards')}
      >
        Sources
        {ready ? <span className="count-badge">{count}</span> : null}
      </button>
    </div>
  )
}
