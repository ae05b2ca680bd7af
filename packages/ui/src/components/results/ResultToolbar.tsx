import { formatBytes, formatCompactCount, formatDuration } from '../../format/format.utils'
import { rowsPerSecond } from '../../stores/result-bytes.utils'
import { useWorkbench } from '../../stores/workbench-context'
import { GroupedNumber } from '../common/GroupedNumber'
import { Icon } from '../common/Icon'
import { Spinner } from '../common/Spinner'
import { ExportControls } from '../exports/ExportControls'
import { RowCapSetting } from './RowCapSetting'
import { useElapsed } from './use-elapsed'

/** Below this many rows a rate says nothing about the stream. rows. */
const MIN_ROWS_FOR_RATE = 10_000

const STATUS_TEXT = { idle: '', running: 'Running', done: 'Done', failed: 'Failed', canceled: 'Canceled' } as const

/**
 * The bar above the grid: run state, live row count, bytes received and rate, elapsed time, the statistics
 * toggle, the row cap setting and the export controls.
 */
export function ResultToolbar() {
  const status = useWorkbench((s) => s.result.status)
  const rowCount = useWorkbench((s) => s.result.rowCount)
  const bytes = useWorkbench((s) => s.result.bytes)
  const arrowBytes = useWorkbench((s) => s.result.arrowBytes)
  const startedAt = useWorkbench((s) => s.result.startedAt)
  const streamOpenedAt = useWorkbench((s) => s.result.streamOpenedAt)
  const firstRowsAt = useWorkbench((s) => s.result.firstRowsAt)
  const elapsedMs = useWorkbench((s) => s.result.elapsedMs)
  const engineStatus = useWorkbench((s) => s.result.engineStatus)
  const hasSchema = useWorkbench((s) => s.result.schema !== null)
  const statsOpen = useWorkbench((s) => s.columnStats.open)
  const openColumnStats = useWorkbench((s) => s.openColumnStats)
  const closeColumnStats = useWorkbench((s) => s.closeColumnStats)
  const elapsed = useElapsed(startedAt, elapsedMs, status === 'running')
  const streamingMs =
    elapsed === null || startedAt === null || streamOpenedAt === null ? null : elapsed - (streamOpenedAt - startedAt)
  const rate = streamingMs === null || rowCount < MIN_ROWS_FOR_RATE ? null : rowsPerSecond(rowCount, streamingMs)
  const timing = [
    firstRowsAt !== null && streamOpenedAt !== null
      ? `first rows shown ${formatDuration(firstRowsAt - streamOpenedAt)} after the stream opened`
      : null,
    engineStatus?.firstBatchMs == null
      ? null
      : `engine: first batch after ${formatDuration(engineStatus.firstBatchMs)}`,
    engineStatus === null ? null : `engine: ${formatDuration(engineStatus.elapsedMs)} in all`,
  ]
    .filter(Boolean)
    .join('\n')

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
      {status === 'idle' ? null : (
        <span
          className="run-figure run-figure--dim"
          data-testid="result-bytes"
          title={`Arrow IPC received; ${formatBytes(arrowBytes)} of Arrow buffers held in this page`}
        >
          {formatBytes(bytes)}
        </span>
      )}
      {rate === null || status === 'idle' ? null : (
        <span
          className="run-figure run-figure--dim"
          data-testid="result-rate"
          title={`Streaming rate since the first byte: ${formatBytes((bytes * 1000) / Math.max(1, streamingMs ?? 1))}/s`}
        >
          {formatCompactCount(rate)} rows/s
        </span>
      )}
      {elapsed === null ? null : (
        <span className="run-figure run-figure--dim" data-testid="result-elapsed" title={timing || undefined}>
          {formatDuration(elapsed)}
        </span>
      )}
      <span className="pane-toolbar__spacer" />
      <button
        type="button"
        className={statsOpen ? 'result-tool result-tool--on' : 'result-tool'}
        data-testid="grid-stats-button"
        disabled={!hasSchema}
        aria-pressed={statsOpen}
        title="Column statistics (computed with DuckDB-Wasm on the loaded rows)"
        onClick={() => (statsOpen ? closeColumnStats() : void openColumnStats())}
      >
        <svg width="13" height="13" viewBox="0 0 16 16" fill="currentColor" aria-hidden>
          <rect x="2" y="8" width="3" height="6" rx="0.6" />
          <rect x="6.5" y="3" width="3" height="11" rx="0.6" />
          <rect x="11" y="6" width="3" height="8" rx="0.6" />
        </svg>
        Stats
      </button>
      <RowCapSetting />
      <ExportControls />
    </div>
  )
}
