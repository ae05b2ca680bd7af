import type { ExportFormat } from '@idw/engine/api'
import { useEffect } from 'react'
import { formatBytes, formatDuration } from '../../format/format.utils'
import { useWorkbench } from '../../stores/workbench-context'
import { GroupedNumber } from '../common/GroupedNumber'
import { Icon } from '../common/Icon'
import { ExportDialog } from './ExportDialog'

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'CSV' },
  { format: 'parquet', label: 'Parquet' },
]

/**
 * Quick export buttons (CSV, Parquet with the engine's defaults, downloaded when done), the export dialog
 * button, and the current export's progress. Reads the engine's job list once on mount, so jobs started
 * before the page was (re)loaded show up and keep being followed.
 */
export function ExportControls() {
  const status = useWorkbench((s) => s.exports.status)
  const dialogOpen = useWorkbench((s) => s.exports.dialogOpen)
  const startExport = useWorkbench((s) => s.startExport)
  const loadExportJobs = useWorkbench((s) => s.loadExportJobs)
  const setExportDialogOpen = useWorkbench((s) => s.setExportDialogOpen)
  const busy = status === 'starting' || status === 'running'

  useEffect(() => {
    void loadExportJobs()
  }, [loadExportJobs])

  return (
    <div className="export-controls">
      {status === 'idle' || dialogOpen ? null : <ExportProgress />}
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
            title={`Quick export of the full result of the current SQL as ${label} (engine defaults), downloaded when done`}
            onClick={() => void startExport(format)}
          >
            {label}
          </button>
        ))}
        <button
          type="button"
          className="segmented__button"
          data-testid="export-dialog-open"
          title="Export with options: format settings, train/validation/test split, sampling, parts, renames and casts"
          onClick={() => setExportDialogOpen(true)}
        >
          More…
        </button>
      </div>
      {dialogOpen ? <ExportDialog onClose={() => setExportDialogOpen(false)} /> : null}
    </div>
  )
}

/** The current job in the toolbar: format, state, rows, bytes, percent when known, cancel. */
function ExportProgress() {
  const status = useWorkbench((s) => s.exports.status)
  const job = useWorkbench((s) => s.exports.job)
  const format = useWorkbench((s) => s.exports.format)
  const error = useWorkbench((s) => s.exports.error)
  const cancelExport = useWorkbench((s) => s.cancelExport)
  const setExportDialogOpen = useWorkbench((s) => s.setExportDialogOpen)
  const busy = status === 'starting' || status === 'running'
  const percent = job?.percent ?? null
  const title = [
    job?.fileName,
    job === null ? null : `${formatDuration(job.elapsedMs)}`,
    error?.message,
    'Click for details',
  ]
    .filter(Boolean)
    .join(' · ')

  return (
    <div className={`export-progress export-progress--${status}`} data-testid="export-progress" title={title}>
      <button type="button" className="export-progress__open" onClick={() => setExportDialogOpen(true)}>
        <span className="export-progress__format">{format?.toUpperCase()}</span>
        <span className="export-progress__status" data-testid="export-status">
          {status}
          {error === null ? null : `: ${error.message}`}
        </span>
        {job === null ? null : (
          <span className="export-progress__figures">
            <GroupedNumber value={job.rows} /> rows · {formatBytes(job.bytes)}
            {busy && percent !== null ? ` · ${percent.toFixed(0)}%` : ''}
          </span>
        )}
      </button>
      {busy ? (
        percent === null ? (
          <span className="export-progress__bar" role="progressbar" aria-label="Export running" />
        ) : (
          <span
            className="export-progress__meter"
            role="progressbar"
            aria-valuenow={percent}
            aria-valuemin={0}
            aria-valuemax={100}
            style={{ width: `${percent}%` }}
          />
        )
      ) : null}
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
