import type { ExportFormat } from '@idw/engine/api'
import { formatBytes, formatDuration } from '../../format/format.utils'
import { useWorkbench } from '../../stores/workbench-context'
import { GroupedNumber } from '../common/GroupedNumber'
import { Icon } from '../common/Icon'

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'CSV' },
  { format: 'parquet', label: 'Parquet' },
]

/** Export buttons (CSV, Parquet) for the current SQL, and the running or last export's progress. */
export function ExportControls() {
  const status = useWorkbench((s) => s.exports.status)
  const startExport = useWorkbench((s) => s.startExport)
  const busy = status === 'starting' || status === 'running'

  return (
    <div className="export-controls">
      {status === 'idle' ? null : <ExportProgress />}
      <span className="export-controls__label">
        <Icon name="download" size={13} />
        Export
      </span>
      <div className="segmented">
        {FORMATS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            className="segmented__button"
            data-testid={`export-${format}`}
            disabled={busy}
            title={`Export the full result of the current SQL as ${label}`}
            onClick={() => void startExport(format)}
          >
            {label}
          </button>
        ))}
      </div>
    </div>
  )
}

function ExportProgress() {
  const status = useWorkbench((s) => s.exports.status)
  const job = useWorkbench((s) => s.exports.job)
  const format = useWorkbench((s) => s.exports.format)
  const error = useWorkbench((s) => s.exports.error)
  const cancelExport = useWorkbench((s) => s.cancelExport)
  const busy = status === 'starting' || status === 'running'
  const title = [job?.fileName, job === null ? null : `${formatDuration(job.elapsedMs)}`, error?.message]
    .filter(Boolean)
    .join(' · ')

  return (
    <div className={`export-progress export-progress--${status}`} data-testid="export-progress" title={title}>
      <span className="export-progress__format">{format?.toUpperCase()}</span>
      <span className="export-progress__status" data-testid="export-status">
        {status}
        {error === null ? null : `: ${error.message}`}
      </span>
      {job === null ? null : (
        <span className="export-progress__figures">
          <GroupedNumber value={job.rows} /> rows · {formatBytes(job.bytes)}
        </span>
      )}
      {busy ? <span className="export-progress__bar" role="progressbar" aria-label="Export running" /> : null}
      {status === 'running' ? (
        <button
          type="button"
          className="icon-button"
          data-testid="export-cancel"
          title="Cancel the export"
          onClick={() => void cancelExport()}
        >
          <Icon name="close" size={12} />
        </button>
      ) : null}
    </div>
  )
}
