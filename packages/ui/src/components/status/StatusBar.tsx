import { formatCount } from '../../format/format.utils'
import { useWorkbench } from '../../stores/workbench-context'
import { summarizeHub } from './HubStatus.utils'

/** The bottom bar: hub status, catalog size, transport and the grid's row cap. */
export function StatusBar() {
  const hub = useWorkbench((s) => s.connection.hub)
  const hubError = useWorkbench((s) => s.connection.hubError)
  const refreshHub = useWorkbench((s) => s.refreshHub)
  const transport = useWorkbench((s) => s.connection.transport)
  const sourceCount = useWorkbench((s) => s.catalog.sources.length)
  const tableCount = useWorkbench((s) => s.catalog.sources.reduce((sum, source) => sum + source.tables.length, 0))
  const rowCap = useWorkbench((s) => s.gridSettings.rowCap)
  const summary = summarizeHub(hub, hubError)

  return (
    <footer className="status-bar">
      <button
        type="button"
        className={`status-bar__item status-bar__hub status-bar__hub--${summary.tone}`}
        data-testid="hub-status"
        title={`${summary.title}\nClick to check again`}
        onClick={() => void refreshHub()}
      >
        <span className="status-dot" />
        {summary.text}
      </button>
      <span className="status-bar__item">
        {sourceCount} {sourceCount === 1 ? 'source' : 'sources'} · {tableCount} {tableCount === 1 ? 'table' : 'tables'}
      </span>
      <span className="status-bar__spacer" />
      <span className="status-bar__item" title="Rows the grid keeps before offering Load all">
        {rowCap === null ? 'No row cap' : `Row cap ${formatCount(rowCap)}`}
      </span>
      <span className="status-bar__item">{transport === 'ipc' ? 'Desktop · IPC' : 'Web · HTTP'}</span>
      <span className="status-bar__item">Arrow IPC stream</span>
    </footer>
  )
}
