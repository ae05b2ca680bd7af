import type { ExportJob } from '@idw/engine/api'
import { formatBytes, formatCount, formatDuration } from '../../format/format.utils'
import { useWorkbench } from '../../stores/workbench-context'
import { Icon } from '../common/Icon'
import { Spinner } from '../common/Spinner'

const PHASES: Record<NonNullable<ExportJob['phase']>, string> = {
  starting: 'Starting',
  streaming: 'Writing',
  sampling: 'Writing the sample',
  verifying: 'Verifying files',
  finished: 'Finished',
}

/**
 * The current export job in the dialog: state, phase, rows read and written, bytes, percent (when the row
 * count is known) with a bar, cancel; once done, its files with split, rows and size, each a download link,
 * and the manifest.
 */
export function ExportJobView() {
  const status = useWorkbench((s) => s.exports.status)
  const job = useWorkbench((s) => s.exports.job)
  const error = useWorkbench((s) => s.exports.error)
  const cancelExport = useWorkbench((s) => s.cancelExport)
  if (status === 'idle') {
    return (
      <section className="job-view job-view--empty">
        <p>Set the options and start the export; its progress and files show here.</p>
      </section>
    )
  }
  const running = status === 'starting' || status === 'running'
  const percent = job?.percent ?? null
  const expected = job?.expectedRows ?? null

  return (
    <section className={`job-view job-view--${status}`} data-testid="export-progress" aria-live="polite">
      <header className="job-view__head">
        <span className="job-view__format">{(job?.format ?? '').toUpperCase()}</span>
        <span className="job-view__name" title={job?.fileName}>
          {job?.fileName ?? 'starting…'}
        </span>
        <span className={`job-state job-state--${status}`} data-testid="export-status">
          {running ? <Spinner /> : null}
          {status}
          {error === null ? null : `: ${error.message}`}
        </span>
      </header>
      {running ? (
        <div
          className="job-view__bar"
          role="progressbar"
          aria-valuenow={percent ?? undefined}
          aria-valuemin={0}
          aria-valuemax={100}
        >
          {percent === null ? (
            <span className="job-view__bar-indeterminate" />
          ) : (
            <span className="job-view__bar-fill" style={{ width: `${percent}%` }} />
          )}
        </div>
      ) : null}
      {job === null ? null : (
        <dl className="job-view__figures">
          <div>
            <dt>Rows written</dt>
            <dd data-testid="export-rows">{formatCount(job.rows)}</dd>
          </div>
          <div>
            <dt>Read</dt>
            <dd>
              {formatCount(job.rowsRead ?? job.rows)}
              {running && expected !== null ? (
                <small
                  className="job-view__expected"
                  title={job.expectedRowsSource === 'estimate' ? "The planner's estimate" : 'Counted'}
                >
                  of {job.expectedRowsSource === 'estimate' ? '~' : ''}
                  {formatCount(expected)}
                </small>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>Bytes</dt>
            <dd data-testid="export-bytes">{formatBytes(job.bytes)}</dd>
          </div>
          <div>
            <dt>{running ? (job.phase ? PHASES[job.phase] : 'Running') : 'Took'}</dt>
            <dd data-testid="export-percent">
              {running && percent !== null ? `${percent.toFixed(1)}%` : formatDuration(job.elapsedMs)}
            </dd>
          </div>
        </dl>
      )}
      {status === 'running' && job !== null ? (
        <button
          type="button"
          className="button button--small button--danger"
          data-testid="export-cancel"
          onClick={() => void cancelExport(job.jobId)}
        >
          <Icon name="stop" size={11} />
          Cancel
        </button>
      ) : null}
      {job !== null && job.state === 'done' ? <ExportFiles job={job} /> : null}
    </section>
  )
}

/** The files of a finished job, with download links, and its manifest. */
function ExportFiles({ job }: { job: ExportJob }) {
  const exportFileUrl = useWorkbench((s) => s.exportFileUrl)
  const downloadExportFile = useWorkbench((s) => s.downloadExportFile)
  const files = job.files ?? [
    { name: job.fileName, split: null, part: null, rows: job.rows, bytes: job.bytes, sha256: '' },
  ]
  const link = (name: string, testId?: string) => {
    const url = exportFileUrl(job.jobId, name)
    return (
      <a
        className="job-files__link"
        href={url ?? '#'}
        download={name}
        data-testid={testId}
        onClick={(event) => {
          if (url !== null) return
          event.preventDefault()
          void downloadExportFile(job, name)
        }}
      >
        {name}
      </a>
    )
  }
  return (
    <div className="job-files">
      <h4>
        {files.length} {files.length === 1 ? 'file' : 'files'}
        <span className="job-files__total">
          {formatCount(files.reduce((sum, file) => sum + file.rows, 0))} rows ·{' '}
          {formatBytes(files.reduce((sum, file) => sum + file.bytes, 0))}
        </span>
      </h4>
      <ul className="job-files__list" data-testid="export-files">
        {files.map((file) => (
          <li
            key={file.name}
            className="job-files__item"
            title={file.sha256 === '' ? undefined : `SHA-256 ${file.sha256}`}
          >
            <Icon name="download" size={12} />
            {link(file.name, 'export-file')}
            <span className="job-files__meta">
              {file.split === null ? null : (
                <span className={`split-badge split-badge--${file.split}`}>{file.split}</span>
              )}
              {file.part === null ? null : <span className="job-files__part">part {file.part}</span>}
              <span className="job-files__figures">
                {formatCount(file.rows)} rows · {formatBytes(file.bytes)}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {job.manifestFile ? (
        <p className="job-files__manifest">
          Manifest (statement, schema, checksums, split and sample settings):{' '}
          {link(job.manifestFile, 'export-manifest')}
        </p>
      ) : null}
    </div>
  )
}
