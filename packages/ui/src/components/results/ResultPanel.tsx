import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { ErrorPanel } from './ErrorPanel'
import { LocalViewBar } from './LocalViewBar'
import { ResultGrid } from './grid/ResultGrid'
import { ResultToolbar } from './ResultToolbar'
import { RowCapBanner } from './RowCapBanner'
import { ColumnStatsPanel } from './stats/ColumnStatsPanel'

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent)

/**
 * The lower half of the main area: toolbar, row-cap banner, local view bar, then the grid (with the column
 * statistics panel beside it), the error or a first hint.
 */
export function ResultPanel() {
  const status = useWorkbench((s) => s.result.status)
  const queryId = useWorkbench((s) => s.result.queryId)

  return (
    <section className="result-pane" aria-label="Results">
      <ResultToolbar />
      <RowCapBanner />
      <LocalViewBar />
      <div className="result-pane__body">
        {status === 'failed' ? <ErrorPanel /> : null}
        {status === 'idle' ? <EmptyResult /> : null}
        {status !== 'idle' && status !== 'failed' ? (
          <div className="result-pane__split">
            <ResultGrid key={queryId} />
            <ColumnStatsPanel />
          </div>
        ) : null}
      </div>
    </section>
  )
}

function EmptyResult() {
  return (
    <div className="empty-result">
      <Icon name="table" size={28} />
      <p>Run a query to see its rows here.</p>
      <p className="empty-result__hint">
        <kbd>{IS_MAC ? '⌘' : 'Ctrl'}</kbd> + <kbd>Enter</kbd> runs the selection or the whole editor · double-click a
        table in the catalog to preview it
      </p>
    </div>
  )
}
