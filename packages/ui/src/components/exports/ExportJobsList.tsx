import type { ExportJob } from '@idw/engine/api'
import { formatBytes, formatCount } from '../../format/format.utils'
import { useWorkbench } from '../../stores/workbench-context'

/** When a job started, as a short local time (`14:05`, or `Mar 3 14:05` on another day). */
function startedText(iso: string): string {
  const date = new Date(iso)
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
  return date.toDateString() === new Date().toDateString()
    ? time
    : `${date.toLocaleDateString('en-US', { month: 'short', day: 'numeric' })} ${time}`
}

/** The engine's export jobs, newest first — also those started before this page loaded; a click shows one. */
export function ExportJobsList() {
  const jobs = useWorkbench((s) => s.exports.jobs)
  const current = useWorkbench((s) => s.exports.job?.jobId ?? null)
  const listError = useWorkbench((s) => s.exports.listError)
  const selectExportJob = useWorkbench((s) => s.selectExportJob)
  return (
    <section className="jobs-list">
      <h4>Recent jobs</h4>
      {listError === null ? null : <p className="form-note form-note--error">{listError.message}</p>}
      {jobs.length === 0 ? <p className="form-note">No export yet.</p> : null}
      <ul data-testid="export-jobs">
        {jobs.map((job: ExportJob) => (
          <li key={job.jobId}>
            <button
              type="button"
              className={job.jobId === current ? 'jobs-list__item jobs-list__item--current' : 'jobs-list__item'}
              data-testid="export-job"
              onClick={() => selectExportJob(job.jobId)}
            >
              <span className={`job-dot job-dot--${job.state}`} title={job.state} />
              <span className="jobs-list__name">{job.fileName}</span>
              <span className="jobs-list__meta">
                {job.state === 'running' && job.percent != null ? `${job.percent.toFixed(0)}% · ` : ''}
                {formatCount(job.rows)} rows · {formatBytes(job.bytes)}
                {(job.files?.length ?? 0) > 1 ? ` · ${job.files?.length} files` : ''} · {startedText(job.startedAt)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
