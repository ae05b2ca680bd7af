import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { Spinner } from '../common/Spinner'
import { AddSourceButton } from '../sources/AddSourceButton'
import { SidebarViewSwitch } from '../sources/SidebarViewSwitch'
import { SourceCardsPanel } from '../sources/SourceCardsPanel'
import { SourceNotice } from '../sources/SourceNotice'
import { CatalogTree } from './CatalogTree'
import { SidebarError } from './SidebarError'

/** The left sidebar: the source catalog with its filter box, or the source cards; "Add source" in its header. */
export function CatalogPanel() {
  const status = useWorkbench((s) => s.catalog.status)
  const error = useWorkbench((s) => s.catalog.error)
  const filter = useWorkbench((s) => s.catalog.filter)
  const view = useWorkbench((s) => s.sources.view)
  const loadCatalog = useWorkbench((s) => s.loadCatalog)
  const loadSources = useWorkbench((s) => s.loadSources)
  const setCatalogFilter = useWorkbench((s) => s.setCatalogFilter)

  return (
    <aside className="sidebar" aria-label="Source catalog">
      <header className="panel-header">
        <SidebarViewSwitch />
        <span className="panel-header__spacer" />
        {status === 'loading' ? <Spinner label="Loading catalog" /> : null}
        <AddSourceButton />
        <button
          type="button"
          className="icon-button"
          title="Reload the catalog"
          onClick={() => {
            void loadCatalog()
            if (view === 'cards') void loadSources()
          }}
        >
          <Icon name="refresh" size={14} />
        </button>
      </header>
      <SourceNotice />
      {view === 'cards' ? <SourceCardsPanel /> : null}
      <div className="sidebar__catalog" hidden={view === 'cards'}>
        <label className="filter-box">
          <Icon name="search" size={14} className="filter-box__icon" />
          <input
            type="search"
            placeholder="Filter sources, tables, columns"
            value={filter}
            spellCheck={false}
            onChange={(event) => setCatalogFilter(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setCatalogFilter('')
            }}
          />
        </label>
        <SidebarError error={error} />
        <div className="sidebar__scroll">
          <CatalogTree />
        </div>
      </div>
    </aside>
  )
}
