import type { ExportFormat, ExportJob, ExportStartInput } from '@idw/engine/api'
import { statementToRunAt } from '../components/editor/statement-at-cursor.utils'
import { toErrorView } from './error-view'
import type { ErrorView } from './error-view'
import type { SliceCreator } from './store-types'

/** The export jobs as the export controls and the export dialog show them. */
export interface ExportState {
  /** The current job: `starting` until `export/start` answers, then the job's own state. */
  status: 'idle' | 'starting' | 'running' | 'done' | 'failed' | 'canceled'
  format: ExportFormat | null
  /** Last known state of the current job, or null before the engine answered. */
  job: ExportJob | null
  error: ErrorView | null
  /** Every job the engine knows (also those started before this page loaded), newest first. */
  jobs: ExportJob[]
  /** Why `export/list` failed, if it did. */
  listError: ErrorView | null
  dialogOpen: boolean
}

/** Export state under `exports`, and the export actions. */
export interface ExportSlice {
  exports: ExportState
  /**
   * Quick export of the editor's selection (or whole text) as `format` with the engine's defaults: the job is
   * polled (`export/status` every `exportPollMs`) until it ends and its file is then downloaded. Never rejects.
   */
  startExport(format: ExportFormat): Promise<void>
  /**
   * Starts a dataset export from the export dialog (format, split, sample, parts, renames, casts…). Its files
   * are listed when done, not downloaded. Never rejects.
   */
  startDatasetExport(input: ExportStartInput): Promise<void>
  /** Asks the engine to cancel a running job (`export/cancel`; default: the current one). Never rejects. */
  cancelExport(jobId?: string): Promise<void>
  /** Reads every job the engine knows (`export/list`) and follows the running ones. Never rejects. */
  loadExportJobs(): Promise<void>
  /** Makes `jobId` the current job (the one the dialog shows). */
  selectExportJob(jobId: string): void
  /** Downloads one file of a finished job. Never rejects (a failure becomes the current error). */
  downloadExportFile(job: ExportJob, file: string): Promise<void>
  /** A plain link to an export file where the transport has one (HTTP), else null. */
  exportFileUrl(jobId: string, file: string): string | null
  setExportDialogOpen(open: boolean): void
}

const IDLE: ExportState = {
  status: 'idle',
  format: null,
  job: null,
  error: null,
  jobs: [],
  listError: null,
  dialogOpen: false,
}

function jobError(job: ExportJob): ErrorView | null {
  return job.state === 'failed' && job.error ? { code: job.error.code, message: job.error.message } : null
}

/** The jobs with `job` put in (replacing its older state), newest first. */
function upsert(jobs: readonly ExportJob[], job: ExportJob): ExportJob[] {
  const rest = jobs.filter((known) => known.jobId !== job.jobId)
  return [job, ...rest].sort((a, b) => b.startedAt.localeCompare(a.startedAt))
}

/**
 * The exports slice: quick exports (downloaded when done) and dataset exports from the dialog, the list of
 * the engine's jobs, and one poll loop following every running job.
 */
export const createExportSlice: SliceCreator<ExportSlice> =
  ({ client, options }) =>
  (set, get) => {
    let currentJobId: string | null = null
    const running = new Set<string>()
    const downloadWhenDone = new Set<string>()
    let timer: ReturnType<typeof setTimeout> | null = null

    const schedule = (): void => {
      if (timer === null && running.size > 0) timer = setTimeout(() => void poll(), options.exportPollMs)
    }

    const fail = (jobId: string | null, error: unknown): void => {
      if (jobId !== currentJobId) return
      set(({ exports }) => ({ exports: { ...exports, status: 'failed', error: toErrorView(error) } }))
    }

    const apply = (job: ExportJob): void => {
      if (job.state === 'running') running.add(job.jobId)
      else running.delete(job.jobId)
      set(({ exports }) => {
        const jobs = upsert(exports.jobs, job)
        if (job.jobId !== currentJobId) return { exports: { ...exports, jobs } }
        return { exports: { ...exports, jobs, status: job.state, format: job.format, job, error: jobError(job) } }
      })
      if (job.state === 'done' && downloadWhenDone.delete(job.jobId)) {
        client.downloadExport(job).catch((reason: unknown) => fail(job.jobId, reason))
      }
      schedule()
    }

    const poll = async (): Promise<void> => {
      timer = null
      for (const jobId of [...running]) {
        try {
          apply(await client.call('export/status', { jobId }))
        } catch (error) {
          running.delete(jobId)
          fail(jobId, error)
        }
      }
      schedule()
    }

    const start = async (input: ExportStartInput, download: boolean): Promise<void> => {
      currentJobId = null
      set(({ exports }) => ({
        exports: { ...exports, status: 'starting', format: input.format, job: null, error: null },
      }))
      try {
        const job = await client.call('export/start', input)
        currentJobId = job.jobId
        if (download) downloadWhenDone.add(job.jobId)
        apply(job)
      } catch (error) {
        if (currentJobId === null && get().exports.status === 'starting') fail(null, error)
      }
    }

    return {
      exports: IDLE,

      async startExport(format) {
        const { editor } = get()
        const sql = statementToRunAt(editor.sql, editor.selection, editor.cursorOffset)
        if (sql !== '') await start({ sql, format }, true)
      },

      async startDatasetExport(input) {
        await start(input, false)
      },

      async cancelExport(jobId) {
        const target = jobId ?? currentJobId
        if (target === null || !running.has(target)) return
        try {
          apply(await client.call('export/cancel', { jobId: target }))
        } catch (error) {
          fail(target, error)
        }
      },

      async loadExportJobs() {
        try {
          const { jobs } = await client.call('export/list', {})
          for (const job of jobs) if (job.state === 'running') running.add(job.jobId)
          set(({ exports }) => {
            let merged = exports.jobs
            for (const job of jobs) merged = upsert(merged, job)
            return { exports: { ...exports, jobs: merged, listError: null } }
          })
          schedule()
        } catch (error) {
          set(({ exports }) => ({ exports: { ...exports, listError: toErrorView(error) } }))
        }
      },

      selectExportJob(jobId) {
        const job = get().exports.jobs.find((known) => known.jobId === jobId)
        if (job === undefined) return
        currentJobId = jobId
        set(({ exports }) => ({
          exports: { ...exports, status: job.state, format: job.format, job, error: jobError(job) },
        }))
      },

      async downloadExportFile(job, file) {
        try {
          await client.downloadExport(job, file)
        } catch (error) {
          currentJobId = job.jobId
          fail(job.jobId, error)
        }
      },

      exportFileUrl(jobId, file) {
        return client.exportFileUrl?.(jobId, file) ?? null
      },

      setExportDialogOpen(open) {
        set(({ exports }) => ({ exports: { ...exports, dialogOpen: open } }))
      },
    }
  }
