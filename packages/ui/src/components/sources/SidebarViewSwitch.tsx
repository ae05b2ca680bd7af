import type { ReactNode } from 'react'
import { useWorkbench } from '../../stores/workbench-context'
import type { SourcesState } from '../../stores/sources-slice'

/**
 * The sidebar header's two tabs: "Catalog" (sources → tables → columns) and "Sources" (a card per source with
 * Refresh and Remove). The count is the catalog's number of sources.
 */
export function SidebarViewSwitch() {
  const ready = useWorkbench((s) => s.catalog.status === 'ready')
  const count = useWorkbench((s) => s.catalog.sources.length)
  return (
    <div className="sidebar-tabs" role="tablist" aria-label="Sidebar view">
      <SidebarTab view="catalog" testId="sidebar-tab-catalog">
        Catalog
      </SidebarTab>
      <SidebarTab view="cards" testId="sidebar-tab-sources">
        Sources
        {ready ? <span className="count-badge">{count}</span> : null}
      </SidebarTab>
    </div>
  )
}

function SidebarTab({ view, testId, children }: { view: SourcesState['view']; testId: string; children: ReactNode }) {
  const selected = useWorkbench((s) => s.sources.view === view)
  const setView = useWorkbench((s) => s.setSidebarView)
  return (
    <button
      type="button"
      role="tab"
      aria-selected={selected}
      className={selected ? 'sidebar-tab sidebar-tab--on' : 'sidebar-tab'}
      data-testid={testId}
      onClick={() => setView(view)}
    >
      {children}
    </button>
  )
}
