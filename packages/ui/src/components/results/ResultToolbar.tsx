import { formatBytes, formatDuration } from '../../format/format.utils'
import { useWorkbench } from '../../stores/workbench-context'
import { GroupedNumber } from '../common/GroupedNumber'
import { Icon } from '../common/Icon'
import { Spinner } from '../common/Spinner'
import { ExportControls } from '../exports/ExportControls'
import { useElapsed } from './use-elapsed'

const STATUS_TEXT = { idle: '', running: 'Running', done: 'Done', failed: 'Failed', canceled: 'Canceled' } as const

/** The bar above the grid: run state, live row count and elapsed time, and the export controls. */
export function ResultToolbar() {
  const status = useWorkbench((s) => s.result.status)
  const rowCount = useWorkbench((s) => s.result.rowCount)
  const startedAt = useWorkbench((s) => s.result.startedAt)
  const elapsedMs = useWorkbench((s) => s.result.elapsedMs)
  const engineStatus = useWorkbench((s) => s.result.engineStatus)
  const elapsed = useElapsed(startedAt, elapsedMs, status === 'running')
  const engineTitle =
    engineStatus === null
      ? undefined
      : `Engine: ${formatDuration(engineStatus.elapsedMs)}` +
        (engineStatus.firstBatchMs === null ? '' : `, first batch after ${formatDuration(engineStatus.firstBatchMs)}`) +
        `, ${formatBytes(engineStatus.bytes)} of Arrow`

  return (
    <div className="pane-toolbar pane-toolbar--results">
      <span className="pane-tab pane-tab--active">Results</span>
      {status === 'idle' ? null : (
        <span className={`run-state run-state--${status}`}>
          {status === 'running' ? (
            <Spinner />
          ) : (
            <Icon name={status === 'done' ? 'check' : status === 'failed' ? 'warning' : 'stop'} size={12} />
          )}
          {STATUS_TEXT[status]}
        </span>
      )}
      {status === 'idle' ? null : (
        <span className="run-figure" data-testid="result-row-count">
          <GroupedNumber value={rowCount} /> {rowCount === 1 ? 'row' : 'rows'}
        </span>
      )}
      {elapsed === null ? null : (
        <span className="run-figure run-figure--dim" data-testid="result-elapsed" title={engineTitle}>
          {formatDuration(elapsed)}
        </span>
      )}
      <span className="pane-toolbar__spacer" />
      <ExportControls />
    </div>
  )
}
